// The collect stage against the project's Azure emulator, through the real SDK clients and a
// real ClientAssertionCredential (see helpers.ts).
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  aRecordSet,
  makeEstate,
  privateDnsZone,
  privateDnsZoneGroup,
  privateEndpointConnection,
  privateLinkedVault,
  resourceGroupId,
  resourceId,
  sampleIdentity,
  subnetId,
  vault,
  virtualNetwork,
  virtualNetworkLink
} from '../../emulator/estate.js'
import healthyEstate, {
  DNS_RG,
  NETWORK_RG,
  SUBSCRIPTION_ID,
  VAULT_RG
} from '../../emulator/estates/healthy.js'
import { idKey, type PrivateEndpointSnapshot, type Snapshot } from '../../src/collect/snapshot.js'
import { DEFAULT_CONCURRENCY } from '../../src/collect/collect.js'
import {
  byId,
  byName,
  type Emulator,
  emulator,
  type Estate,
  FAST_RETRY,
  requestsTo,
  run
} from './helpers.js'

const SUB = SUBSCRIPTION_ID
const HUB = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const OTHER = '7e6d5c4b-3a29-4b18-8f07-e6d5c4b3a291'
const ZONE = 'privatelink.vaultcore.azure.net'
const ZONE_ID = resourceId(SUB, DNS_RG, 'Microsoft.Network/privateDnsZones', ZONE)
const VNET_ID = resourceId(SUB, NETWORK_RG, 'Microsoft.Network/virtualNetworks', 'vnet-app-prod')
const vaultId = (name: string, sub = SUB, rg = VAULT_RG): string =>
  resourceId(sub, rg, 'Microsoft.KeyVault/vaults', name)
const peId = (vault: string): string =>
  resourceId(SUB, VAULT_RG, 'Microsoft.Network/privateEndpoints', `pe-${vault}`)

/** `count` private-linked vaults kv-01.. sharing one VNet and the zone in rg-dns. */
function spokeEstate(count: number, extra: { resources?: unknown[]; deny?: Estate['deny'] } = {}) {
  const vnet = virtualNetwork({
    subscriptionId: SUB,
    resourceGroup: NETWORK_RG,
    name: 'vnet-app-prod',
    addressPrefixes: ['10.20.0.0/16'],
    subnets: [{ name: 'snet-pe', addressPrefix: '10.20.1.0/24' }]
  })
  const zone = privateDnsZone({ subscriptionId: SUB, resourceGroup: DNS_RG })
  const link = virtualNetworkLink({ zoneId: zone.id, name: 'link-app', vnetId: vnet.id })
  const vaults = Array.from({ length: count }, (_, i) =>
    privateLinkedVault({
      subscriptionId: SUB,
      resourceGroup: VAULT_RG,
      name: `kv-${String(i + 1).padStart(2, '0')}`,
      subnetId: subnetId(vnet.id, 'snet-pe'),
      ip: `10.20.1.${i + 4}`,
      zoneId: zone.id
    })
  )
  return makeEstate({
    identity: sampleIdentity(),
    subscriptions: [SUB, HUB, OTHER],
    resources: [
      vnet,
      zone,
      link,
      ...vaults.flatMap((v) => v.resources),
      ...(extra.resources ?? [])
    ],
    deny: extra.deny ?? []
  })
}

function pe(snapshot: Snapshot, vault: string): PrivateEndpointSnapshot {
  const v = snapshot.vaults.find((x) => x.name === vault)
  const found = v?.privateEndpoints[idKey(peId(vault))]
  if (!found) throw new Error(`no private endpoint for ${vault}`)
  return found
}

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

describe('vaults', () => {
  test('discovery in a resource group consumes every page, and everything under it', async () => {
    emu = await emulator(spokeEstate(5), { pageSize: 2 })
    const { snapshot, arm } = await run(
      emu,
      { subscriptionId: SUB, resourceGroup: VAULT_RG },
      { bulkThreshold: Infinity } // targeted reads: every PE's zone groups are read
    )

    expect(snapshot.vaults.map((v) => v.name)).toEqual([
      'kv-01',
      'kv-02',
      'kv-03',
      'kv-04',
      'kv-05'
    ])
    expect(snapshot.discoveryFailures).toEqual([])
    // 5 vaults in pages of 2: three list requests, the last two following nextLink.
    const lists = requestsTo(arm, `/resourceGroups/${VAULT_RG}/providers/Microsoft.KeyVault/vaults`)
    expect(lists).toHaveLength(3)
    expect(lists.filter((r) => /\$skipToken=/i.test(r.path))).toHaveLength(2)

    const kv3 = snapshot.vaults[2]!
    expect(kv3).toMatchObject({
      id: vaultId('kv-03'),
      subscriptionId: SUB,
      resourceGroup: VAULT_RG,
      failure: null,
      location: 'westeurope',
      vaultUri: 'https://kv-03.vault.azure.net/',
      publicNetworkAccess: 'Disabled',
      networkAcls: { bypass: 'None', defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] }
    })
    expect(kv3.connections).toEqual([
      expect.objectContaining({
        status: 'Approved',
        provisioningState: 'Succeeded',
        privateEndpointId: peId('kv-03')
      })
    ])
    expect(pe(snapshot, 'kv-03')).toMatchObject({
      name: 'pe-kv-03',
      provisioningState: 'Succeeded',
      vnetId: VNET_ID,
      nicIps: ['10.20.1.6'],
      nicFailures: [],
      customDnsConfigs: [{ fqdn: 'kv-03.vault.azure.net', ipAddresses: ['10.20.1.6'] }],
      dnsZoneGroupsFailure: null
    })
    expect(pe(snapshot, 'kv-03').dnsZoneGroups[0]?.configs[0]?.privateDnsZoneId).toBe(ZONE_ID)

    // Zone records come in pages of 2 too: all five are there.
    expect(snapshot.zones).toHaveLength(1)
    expect(snapshot.zones[0]!.aRecords.map((r) => r.name).sort()).toEqual([
      'kv-01',
      'kv-02',
      'kv-03',
      'kv-04',
      'kv-05'
    ])
    expect(requestsTo(arm, `/privateDnsZones/${ZONE}/A`)).toHaveLength(3)
    expect(snapshot.armRequests).toBe(arm.length)
  })

  test('discovery over the whole subscription when no resource group is given', async () => {
    const other = vault({ subscriptionId: SUB, resourceGroup: 'rg-other', name: 'kv-elsewhere' })
    emu = await emulator(spokeEstate(2, { resources: [other] }), { pageSize: 2 })
    const { snapshot, arm } = await run(emu, { subscriptionId: SUB })

    expect(snapshot.vaults.map((v) => v.name).sort()).toEqual(['kv-01', 'kv-02', 'kv-elsewhere'])
    const elsewhere = snapshot.vaults.find((v) => v.name === 'kv-elsewhere')!
    expect(elsewhere).toMatchObject({
      resourceGroup: 'rg-other',
      connections: [],
      networkAcls: null
    })
    expect(
      requestsTo(arm, `/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults`)
    ).toHaveLength(2)
  })

  test('by name in a resource group, by full ID, and by name alone (one subscription listing for all names)', async () => {
    const otherRg = privateLinkedVault({
      subscriptionId: SUB,
      resourceGroup: 'rg-team-b',
      name: 'kv-team-b',
      subnetId: subnetId(VNET_ID, 'snet-pe'),
      ip: '10.20.1.50'
    })
    emu = await emulator(spokeEstate(4, { resources: otherRg.resources }), { pageSize: 2 })
    const { snapshot, arm } = await run(emu, {
      subscriptionId: SUB,
      vaults: [
        byName('kv-01', SUB, VAULT_RG),
        byId(vaultId('kv-team-b', SUB, 'rg-team-b')),
        byName('KV-03', SUB, null),
        byName('kv-04', SUB, null)
      ]
    })

    expect(snapshot.vaults.map((v) => [v.name, v.id, v.failure])).toEqual([
      ['kv-01', vaultId('kv-01'), null],
      ['kv-team-b', vaultId('kv-team-b', SUB, 'rg-team-b'), null],
      ['KV-03', vaultId('kv-03'), null],
      ['kv-04', vaultId('kv-04'), null]
    ])
    expect(snapshot.vaults[2]!.connections).toHaveLength(1)
    expect(pe(snapshot, 'kv-04').nicIps).toEqual(['10.20.1.7'])
    // Named in a resource group / by ID: one GET each. Names alone: the subscription's vault
    // list, read once (5 vaults in pages of 2 = 3 requests) for both names.
    expect(
      requestsTo(arm, `/resourceGroups/${VAULT_RG}/providers/Microsoft.KeyVault/vaults/kv-01`)
    ).toHaveLength(1)
    expect(
      requestsTo(arm, '/resourceGroups/rg-team-b/providers/Microsoft.KeyVault/vaults/kv-team-b')
    ).toHaveLength(1)
    expect(
      requestsTo(arm, `/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults`)
    ).toHaveLength(3)
    // Only the named vaults' private endpoints are read.
    expect(arm.filter((r) => /privateEndpoints\/pe-kv-02\b/i.test(r.path))).toHaveLength(0)
  })

  test('a named vault that does not exist is not-found; the others are still read', async () => {
    emu = await emulator(spokeEstate(1))
    const { snapshot } = await run(emu, {
      subscriptionId: SUB,
      vaults: [
        byName('kv-missing', SUB, VAULT_RG),
        byName('kv-nowhere', SUB, null),
        byName('kv-01', SUB, VAULT_RG)
      ]
    })

    const [missing, nowhere, present] = snapshot.vaults
    expect(missing).toMatchObject({
      name: 'kv-missing',
      id: vaultId('kv-missing'),
      resourceGroup: VAULT_RG,
      connections: [],
      failure: {
        kind: 'not-found',
        status: 404,
        code: 'ResourceNotFound',
        resource: vaultId('kv-missing')
      }
    })
    expect(missing!.failure!.message).toMatch(
      /^The Resource 'Microsoft\.KeyVault\/vaults\/kv-missing' under resource group 'rg-secrets-prod' was not found\./
    )
    expect(nowhere).toMatchObject({
      name: 'kv-nowhere',
      resourceGroup: null,
      failure: {
        kind: 'not-found',
        resource: `/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults/kv-nowhere`
      }
    })
    // Looked up as a key vault, then as a managed HSM: neither has the name.
    expect(nowhere!.failure!.message).toContain("No key vault or managed HSM named 'kv-nowhere'")
    expect(present).toMatchObject({ name: 'kv-01', failure: null })
    expect(pe(snapshot, 'kv-01').nicIps).toEqual(['10.20.1.4'])
  })

  test('a connection whose private endpoint is gone: privateEndpoints[key] = null', async () => {
    const ghostPe = resourceId(SUB, VAULT_RG, 'Microsoft.Network/privateEndpoints', 'pe-deleted')
    const kv = vault({
      subscriptionId: SUB,
      resourceGroup: VAULT_RG,
      name: 'kv-ghost',
      privateEndpointConnections: [
        privateEndpointConnection({
          vaultId: vaultId('kv-ghost'),
          peId: ghostPe,
          status: 'Disconnected'
        })
      ]
    })
    emu = await emulator(spokeEstate(0, { resources: [kv] }))
    const { snapshot } = await run(emu, {
      subscriptionId: SUB,
      vaults: [byName('kv-ghost', SUB, VAULT_RG)]
    })

    const ghost = snapshot.vaults[0]!
    expect(ghost.connections[0]).toMatchObject({
      status: 'Disconnected',
      privateEndpointId: ghostPe
    })
    expect(ghost.privateEndpoints).toEqual({ [idKey(ghostPe)]: null })
    expect(ghost.privateEndpointFailures).toEqual({})
  })
})

describe('shared resources are read once', () => {
  test('one VNet and one zone shared by many vaults; scopes given twice or inside a searched subscription', async () => {
    emu = await emulator(spokeEstate(6), { pageSize: 4 })
    const { snapshot, arm } = await run(
      emu,
      {
        subscriptionId: SUB,
        resourceGroup: VAULT_RG,
        dnsZoneScopes: [
          `/subscriptions/${SUB}`,
          `/subscriptions/${SUB.toUpperCase()}`,
          resourceGroupId(SUB, DNS_RG)
        ]
      },
      { bulkThreshold: Infinity } // targeted: a GET per PE, NIC and VNet (bulk: scale.test.ts)
    )

    expect(snapshot.vaults).toHaveLength(6)
    // The VNet comes from its subscription's listing (the DNS path lists every VNet there).
    expect(requestsTo(arm, '/virtualNetworks/vnet-app-prod')).toHaveLength(0)
    expect(
      requestsTo(arm, `/subscriptions/${SUB}/providers/Microsoft.Network/virtualNetworks`)
    ).toHaveLength(1)
    // No VNet here has DNS servers of its own and no ruleset forwards: no resolver can be on a
    // path, so none is listed (clients.test.ts lists them where one can).
    expect(
      requestsTo(arm, `/subscriptions/${SUB}/providers/Microsoft.Network/dnsResolvers`)
    ).toHaveLength(0)
    expect(
      requestsTo(arm, `/subscriptions/${SUB}/providers/Microsoft.Network/dnsForwardingRulesets`)
    ).toHaveLength(1)
    expect(
      requestsTo(arm, `/subscriptions/${SUB}/providers/Microsoft.Network/privateDnsZones`)
    ).toHaveLength(1)
    // The resource group scope is answered from the subscription's listing.
    expect(
      requestsTo(arm, `/resourceGroups/${DNS_RG}/providers/Microsoft.Network/privateDnsZones`)
    ).toHaveLength(0)
    expect(requestsTo(arm, `/privateDnsZones/${ZONE}/virtualNetworkLinks`)).toHaveLength(1)
    expect(requestsTo(arm, `/privateDnsZones/${ZONE}/A`)).toHaveLength(2) // 6 records, pages of 4
    expect(arm.filter((r) => /\/privateDnsZones\/[^/?]+(\?|$)/i.test(r.path))).toHaveLength(0) // no zone GET
    expect(snapshot.zoneScopes).toEqual([
      { scope: `/subscriptions/${SUB}`, failure: null },
      { scope: resourceGroupId(SUB, DNS_RG), failure: null }
    ])
    expect(Object.keys(snapshot.virtualNetworks)).toEqual([idKey(VNET_ID)])
    expect(snapshot.virtualNetworks[idKey(VNET_ID)]).toEqual({
      id: VNET_ID,
      name: 'vnet-app-prod',
      addressPrefixes: ['10.20.0.0/16'],
      dnsServers: [],
      peerings: []
    })
    // Per vault: PE + NIC + zone groups = 3; shared: vault list 2 pages, managed HSM list,
    // zone list, VNet list, links, A records 2 pages = 8; the ruleset list = 1.
    expect(snapshot.armRequests).toBe(6 * 3 + 8 + 1)
    expect(snapshot.armRequests).toBe(arm.length)
  })
})

describe('zones', () => {
  test('hub subscription scope, near misses kept, unrelated zones dropped, zone-group zones fetched by ID', async () => {
    const hubZone = privateDnsZone({ subscriptionId: HUB, resourceGroup: 'rg-dns-hub' })
    const nearMiss = privateDnsZone({
      subscriptionId: HUB,
      resourceGroup: 'rg-dns-hub',
      name: 'privatelink.vault.azure.net'
    })
    // Unrelated, but a DNS zone group names it: kept, from the listing (no GET).
    const blob = privateDnsZone({
      subscriptionId: HUB,
      resourceGroup: 'rg-dns-hub',
      name: 'privatelink.blob.core.windows.net'
    })
    // Unrelated and named by nobody: dropped.
    const sql = privateDnsZone({
      subscriptionId: HUB,
      resourceGroup: 'rg-dns-hub',
      name: 'privatelink.database.windows.net'
    })
    // In a subscription nobody searches, named only by a PE's DNS zone group: read by ID.
    const stray = privateDnsZone({ subscriptionId: OTHER, resourceGroup: 'rg-stray' })
    const deletedZoneId = resourceId(OTHER, 'rg-gone', 'Microsoft.Network/privateDnsZones', ZONE)
    const hubLink = virtualNetworkLink({
      zoneId: hubZone.id,
      name: 'link-app',
      vnetId: VNET_ID,
      resolutionPolicy: 'NxDomainRedirect'
    })
    const record = aRecordSet({
      zoneId: hubZone.id,
      name: 'kv-hub',
      ttl: 3600,
      ips: ['10.20.1.9', '10.20.1.10']
    })
    const kv = privateLinkedVault({
      subscriptionId: SUB,
      resourceGroup: VAULT_RG,
      name: 'kv-hub',
      subnetId: subnetId(VNET_ID, 'snet-pe'),
      ip: '10.20.1.9',
      dnsZoneGroup: false
    })
    const recordSets = [{ recordSetName: 'kv-hub', ipAddresses: ['10.20.1.9'] }]
    const group = privateDnsZoneGroup({
      peId: kv.privateEndpoint.id,
      zones: [
        { zoneId: stray.id, recordSets },
        { zoneId: blob.id, recordSets },
        { zoneId: deletedZoneId, recordSets }
      ]
    })
    emu = await emulator(
      spokeEstate(0, {
        resources: [hubZone, nearMiss, blob, sql, stray, hubLink, record, ...kv.resources, group]
      })
    )
    const { snapshot, arm } = await run(emu, {
      subscriptionId: SUB,
      vaults: [byName('kv-hub', SUB, VAULT_RG)],
      dnsZoneScopes: [`/subscriptions/${HUB}`]
    })

    expect(snapshot.zoneScopes).toEqual([
      { scope: `/subscriptions/${SUB}`, failure: null },
      { scope: `/subscriptions/${HUB}`, failure: null }
    ])
    // The spoke's own zone (spokeEstate) + hub zone + near miss + blob + stray; not the SQL zone.
    expect(snapshot.zones.map((z) => z.id).sort()).toEqual(
      [ZONE_ID, hubZone.id, nearMiss.id, blob.id, stray.id].sort()
    )
    const hub = snapshot.zones.find((z) => z.id === hubZone.id)!
    expect(hub).toMatchObject({
      subscriptionId: HUB,
      resourceGroup: 'rg-dns-hub',
      linksFailure: null,
      recordsFailure: null
    })
    expect(hub.links).toEqual([
      {
        id: hubLink.id,
        name: 'link-app',
        virtualNetworkId: VNET_ID,
        virtualNetworkLinkState: 'Completed',
        provisioningState: 'Succeeded',
        registrationEnabled: false,
        resolutionPolicy: 'NxDomainRedirect'
      }
    ])
    expect(hub.aRecords).toEqual([
      {
        id: record.id,
        name: 'kv-hub',
        fqdn: `kv-hub.${ZONE}.`,
        ttl: 3600,
        ipv4Addresses: ['10.20.1.9', '10.20.1.10']
      }
    ])
    const zoneGets = arm.filter((r) => /\/privateDnsZones\/[^/?]+(\?|$)/i.test(r.path))
    expect(zoneGets.map((r) => r.path.split('?')[0])).toEqual(
      expect.arrayContaining([stray.id, deletedZoneId])
    )
    expect(zoneGets).toHaveLength(2)
    expect(requestsTo(arm, '/privateDnsZones/privatelink.database.windows.net/A')).toHaveLength(0)
    expect(snapshot.zoneFailures).toEqual([
      expect.objectContaining({ kind: 'not-found', resource: deletedZoneId, status: 404 })
    ])
  })

  test('403 on a zone scope keeps ARM’s message and the denied action; everything else is read', async () => {
    const hubZone = privateDnsZone({ subscriptionId: HUB, resourceGroup: 'rg-dns-hub' })
    emu = await emulator(
      spokeEstate(2, {
        resources: [hubZone],
        deny: [{ scope: `/subscriptions/${HUB}`, action: 'Microsoft.Network/privateDnsZones/read' }]
      })
    )
    const { snapshot } = await run(emu, {
      subscriptionId: SUB,
      resourceGroup: VAULT_RG,
      dnsZoneScopes: [`/subscriptions/${HUB}`]
    })

    const { clientId, objectId } = emu.estate.identity
    expect(snapshot.zoneScopes[1]).toEqual({
      scope: `/subscriptions/${HUB}`,
      failure: {
        kind: 'denied',
        resource: `/subscriptions/${HUB}`,
        status: 403,
        code: 'AuthorizationFailed',
        message: `The client '${clientId}' with object id '${objectId}' does not have authorization to perform action 'Microsoft.Network/privateDnsZones/read' over scope '/subscriptions/${HUB}/providers/Microsoft.Network/privateDnsZones' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
        action: 'Microsoft.Network/privateDnsZones/read'
      }
    })
    expect(snapshot.zoneScopes[0]!.failure).toBeNull()
    expect(snapshot.zones.map((z) => z.id)).toEqual([ZONE_ID])
    expect(snapshot.vaults.map((v) => v.failure)).toEqual([null, null])
  })

  test('403 on a zone’s A records and malformed JSON on its links: both recorded on the zone', async () => {
    emu = await emulator(
      spokeEstate(1, {
        deny: [{ scope: `${ZONE_ID}/A`, action: 'Microsoft.Network/privateDnsZones/A/read' }]
      }),
      { faults: [{ match: '/virtualNetworkLinks', malformed: true }] }
    )
    const { snapshot, arm } = await run(emu, { subscriptionId: SUB, resourceGroup: VAULT_RG })

    const zone = snapshot.zones[0]!
    expect(zone.aRecords).toEqual([])
    expect(zone.recordsFailure).toMatchObject({
      kind: 'denied',
      status: 403,
      code: 'AuthorizationFailed',
      action: 'Microsoft.Network/privateDnsZones/A/read',
      resource: `${ZONE_ID}/A`
    })
    expect(zone.links).toEqual([])
    expect(zone.linksFailure).toMatchObject({
      kind: 'error',
      code: 'MalformedResponse',
      status: 200
    })
    // A malformed answer is retried like a 5xx before it becomes a failure.
    expect(requestsTo(arm, `/privateDnsZones/${ZONE}/virtualNetworkLinks`)).toHaveLength(
      1 + FAST_RETRY.maxRetries
    )
    expect(pe(snapshot, 'kv-01').nicIps).toEqual(['10.20.1.4'])
  })
})

describe('faults', () => {
  test('403 on a NIC: the PE keeps everything else, the NIC failure has ARM’s message and action', async () => {
    const estate = spokeEstate(2)
    const nicId = (estate.resources as { id: string; type: string }[]).find(
      (r) => r.type === 'Microsoft.Network/networkInterfaces' && r.id.includes('pe-kv-01')
    )!.id
    estate.deny = [{ scope: nicId }]
    emu = await emulator(estate)
    const { snapshot } = await run(emu, { subscriptionId: SUB, resourceGroup: VAULT_RG })

    const kv1 = pe(snapshot, 'kv-01')
    expect(kv1.nicIps).toEqual([])
    expect(kv1.nicFailures).toHaveLength(1)
    expect(kv1.nicFailures[0]).toMatchObject({
      kind: 'denied',
      resource: nicId,
      status: 403,
      code: 'AuthorizationFailed',
      action: 'Microsoft.Network/networkInterfaces/read'
    })
    expect(kv1.nicFailures[0]!.message).toContain(
      `does not have authorization to perform action 'Microsoft.Network/networkInterfaces/read' over scope '${nicId}'`
    )
    expect(kv1.dnsZoneGroups).toHaveLength(1)
    expect(kv1.vnetId).toBe(VNET_ID)
    expect(pe(snapshot, 'kv-02').nicIps).toEqual(['10.20.1.5'])
  })

  test('a 403 whose body arrives cut is retried once and then read whole: denied, with ARM’s action', async () => {
    const estate = spokeEstate(2)
    const nicId = (estate.resources as { id: string; type: string }[]).find(
      (r) => r.type === 'Microsoft.Network/networkInterfaces' && r.id.includes('pe-kv-01')
    )!.id
    estate.deny = [{ scope: nicId }]
    emu = await emulator(estate, {
      faults: [{ match: 'networkInterfaces/pe-kv-01', status: 403, malformed: true, times: 1 }]
    })
    const { snapshot, arm } = await run(emu, { subscriptionId: SUB, resourceGroup: VAULT_RG })

    expect(pe(snapshot, 'kv-01').nicFailures).toEqual([
      expect.objectContaining({
        kind: 'denied',
        status: 403,
        code: 'AuthorizationFailed',
        action: 'Microsoft.Network/networkInterfaces/read'
      })
    ])
    expect(
      arm.filter((r) => r.path.includes('/networkInterfaces/pe-kv-01.nic')).map((r) => r.status)
    ).toEqual([403, 403])
    expect(pe(snapshot, 'kv-02').nicIps).toEqual(['10.20.1.5'])
  })

  test('a 403 or 404 whose body is always cut stays denied / not-found, after one retry', async () => {
    emu = await emulator(spokeEstate(2), {
      faults: [
        { match: 'networkInterfaces/pe-kv-01', status: 403, malformed: true },
        { match: '/vaults/kv-ghost?', status: 404, malformed: true }
      ]
    })
    const { snapshot, arm } = await run(emu, {
      subscriptionId: SUB,
      vaults: [byName('kv-01', SUB, VAULT_RG), byName('kv-ghost', SUB, VAULT_RG)]
    })

    const cut = (status: number) =>
      `ARM answered HTTP ${status} with a body that is not valid JSON (cut off, or not ARM's), so ARM's own reason is not known`
    expect(pe(snapshot, 'kv-01').nicFailures).toEqual([
      {
        kind: 'denied',
        resource: expect.stringMatching(/pe-kv-01/),
        status: 403,
        message: cut(403)
      }
    ])
    const ghost = snapshot.vaults.find((v) => v.name === 'kv-ghost')!
    expect(ghost.failure).toEqual({
      kind: 'not-found',
      resource: vaultId('kv-ghost'),
      status: 404,
      message: cut(404)
    })
    // Retried once each, not maxRetries times like a fault.
    expect(arm.filter((r) => r.path.includes('/networkInterfaces/pe-kv-01.nic'))).toHaveLength(2)
    expect(requestsTo(arm, '/vaults/kv-ghost')).toHaveLength(2)
  })

  test('403 on vault discovery keeps ARM’s message although the SDK’s pager replaces it', async () => {
    emu = await emulator(
      spokeEstate(2, {
        deny: [{ scope: resourceGroupId(SUB, VAULT_RG), action: 'Microsoft.KeyVault/vaults/read' }]
      })
    )
    const { snapshot } = await run(emu, { subscriptionId: SUB, resourceGroup: VAULT_RG })

    expect(snapshot.vaults).toEqual([])
    expect(snapshot.discoveryFailures).toHaveLength(1)
    const failure = snapshot.discoveryFailures[0]!
    expect(failure).toMatchObject({
      kind: 'denied',
      resource: resourceGroupId(SUB, VAULT_RG),
      status: 403,
      code: 'AuthorizationFailed',
      action: 'Microsoft.KeyVault/vaults/read'
    })
    expect(failure.message).not.toMatch(/Pagination failed/)
    expect(failure.message).toMatch(
      /^The client '.+' with object id '.+' does not have authorization/
    )
    // Zones are still searched.
    expect(snapshot.zones.map((z) => z.id)).toEqual([ZONE_ID])
  })

  test('malformed JSON from the Key Vault client (GET and list) is kind error; the other vault is read', async () => {
    emu = await emulator(spokeEstate(2), {
      faults: [
        { match: '/vaults/kv-01?', malformed: true },
        { match: `/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults?`, malformed: true }
      ]
    })
    const { snapshot } = await run(emu, {
      subscriptionId: SUB,
      vaults: [
        byName('kv-01', SUB, VAULT_RG),
        byName('kv-02', SUB, null),
        byName('kv-02', SUB, VAULT_RG)
      ]
    })

    const [kv1, byListing, kv2] = snapshot.vaults
    expect(kv1!.failure).toMatchObject({
      kind: 'error',
      resource: vaultId('kv-01'),
      code: 'MalformedResponse',
      status: 200
    })
    expect(byListing!.failure).toMatchObject({
      kind: 'error',
      resource: `/subscriptions/${SUB}`,
      code: 'MalformedResponse'
    })
    expect(kv2!.failure).toBeNull()
    expect(kv2!.privateEndpoints[idKey(peId('kv-02'))]?.nicIps).toEqual(['10.20.1.5'])
  })

  test('429 with Retry-After: waits what ARM asks, then succeeds', async () => {
    emu = await emulator(spokeEstate(1), {
      faults: [
        { match: /\/Microsoft.Network\/virtualNetworks\?/, status: 429, retryAfter: 1, times: 1 }
      ]
    })
    const { snapshot, arm, elapsedMs } = await run(emu, {
      subscriptionId: SUB,
      resourceGroup: VAULT_RG
    })

    expect(snapshot.virtualNetworks[idKey(VNET_ID)]).toMatchObject({ name: 'vnet-app-prod' })
    expect(
      requestsTo(arm, '/providers/Microsoft.Network/virtualNetworks').map((r) => r.status)
    ).toEqual([429, 200])
    // Backoff here is 5–20 ms: only Retry-After explains a full second.
    expect(elapsedMs).toBeGreaterThanOrEqual(950)
    expect(snapshot.armRequests).toBe(arm.length)
  })

  test('500 every time: retried maxRetries times (fast), then a failure of kind error', async () => {
    emu = await emulator(spokeEstate(2), {
      faults: [{ match: /privateEndpoints\/pe-kv-01\?/, status: 500 }]
    })
    const { snapshot, arm, elapsedMs } = await run(emu, {
      subscriptionId: SUB,
      resourceGroup: VAULT_RG
    })

    const vault1 = snapshot.vaults.find((v) => v.name === 'kv-01')!
    expect(vault1.failure).toBeNull()
    expect(vault1.privateEndpoints).toEqual({})
    expect(vault1.privateEndpointFailures[idKey(peId('kv-01'))]).toMatchObject({
      kind: 'error',
      resource: peId('kv-01'),
      status: 500,
      code: 'InternalServerError'
    })
    expect(requestsTo(arm, '/privateEndpoints/pe-kv-01')).toHaveLength(1 + FAST_RETRY.maxRetries)
    expect(elapsedMs).toBeLessThan(5000)
    expect(pe(snapshot, 'kv-02').nicIps).toEqual(['10.20.1.5'])
  })

  test('a 503 and a malformed answer once each are retried and succeed', async () => {
    emu = await emulator(spokeEstate(1), {
      faults: [
        { match: /networkInterfaces\//, status: 503, retryAfter: 0, times: 1 },
        { match: /privateDnsZoneGroups/, malformed: true, times: 1 }
      ]
    })
    const { snapshot } = await run(emu, { subscriptionId: SUB, resourceGroup: VAULT_RG })

    expect(pe(snapshot, 'kv-01')).toMatchObject({
      nicIps: ['10.20.1.4'],
      nicFailures: [],
      dnsZoneGroupsFailure: null
    })
    expect(pe(snapshot, 'kv-01').dnsZoneGroups).toHaveLength(1)
  })

  test('a slow answer past timeoutMs is retried; always slow becomes a Timeout failure', async () => {
    emu = await emulator(spokeEstate(2), {
      faults: [
        { match: '/privateEndpoints/pe-kv-01?', delayMs: 6000, times: 1 },
        { match: '/privateEndpoints/pe-kv-02?', delayMs: 6000 }
      ]
    })
    // The timeout leaves normal answers plenty of room on a busy machine; the slow ones are far
    // beyond it.
    const { snapshot } = await run(
      emu,
      { subscriptionId: SUB, resourceGroup: VAULT_RG },
      { retry: { ...FAST_RETRY, maxRetries: 1, timeoutMs: 1500 } }
    )

    expect(pe(snapshot, 'kv-01').nicIps).toEqual(['10.20.1.4'])
    const kv2 = snapshot.vaults.find((v) => v.name === 'kv-02')!
    expect(kv2.privateEndpointFailures[idKey(peId('kv-02'))]).toMatchObject({
      kind: 'error',
      code: 'Timeout'
    })
  })
})

describe('concurrency', () => {
  // Counted by the emulator (requests being served at once), not timed: the machine running the
  // tests may be busy, which slows requests down but cannot raise the count above the bound.
  test('concurrency 1 serves one ARM request at a time; the bound holds; the default overlaps', async () => {
    emu = await emulator(spokeEstate(12), { latencyMs: 30 })
    const req = { subscriptionId: SUB, resourceGroup: VAULT_RG }
    const serial = await run(emu, req, { concurrency: 1, bulkThreshold: Infinity })
    expect(emu.armInFlightPeak()).toBe(1)
    const three = await run(emu, req, { concurrency: 3, bulkThreshold: Infinity })
    expect(emu.armInFlightPeak()).toBe(3)
    const parallel = await run(emu, req, { bulkThreshold: Infinity })
    expect(emu.armInFlightPeak()).toBeGreaterThan(3)
    expect(emu.armInFlightPeak()).toBeLessThanOrEqual(DEFAULT_CONCURRENCY)

    // Per vault 3; vault list, managed HSM list, zone list, VNet list, links, A records; the
    // ruleset list (no resolver can be on a path here).
    expect(serial.snapshot.armRequests).toBe(12 * 3 + 6 + 1)
    expect(JSON.stringify(three.snapshot)).toBe(JSON.stringify(serial.snapshot))
    expect(JSON.stringify(parallel.snapshot)).toBe(JSON.stringify(serial.snapshot))
  })
})

describe('the snapshot', () => {
  test('round-trips through JSON.stringify/parse unchanged (failures included)', async () => {
    emu = await emulator(
      spokeEstate(3, {
        deny: [{ scope: `/subscriptions/${HUB}` }]
      }),
      { pageSize: 2, faults: [{ match: /privateEndpoints\/pe-kv-02\?/, status: 500 }] }
    )
    const { snapshot } = await run(emu, {
      subscriptionId: SUB,
      vaults: [
        byName('kv-01', SUB, VAULT_RG),
        byName('kv-02', SUB, null),
        byName('kv-404', SUB, VAULT_RG)
      ],
      dnsZoneScopes: [`/subscriptions/${HUB}`]
    })

    expect(snapshot.vaults[2]!.failure?.kind).toBe('not-found')
    expect(snapshot.zoneScopes[1]!.failure?.kind).toBe('denied')
    expect(Object.values(snapshot.vaults[1]!.privateEndpointFailures)[0]?.kind).toBe('error')
    const copy: unknown = JSON.parse(JSON.stringify(snapshot))
    expect(copy).toStrictEqual(snapshot)
  })

  test('healthy estate: request count per vault, progress lines, no token in the log', async () => {
    emu = await emulator(healthyEstate(), { latencyMs: 40 })
    const { snapshot, arm, logs } = await run(
      emu,
      { subscriptionId: SUB, resourceGroup: VAULT_RG },
      { progressIntervalMs: 50, concurrency: 2 }
    )

    expect(snapshot.vaults.map((v) => v.name)).toEqual(['kv-payments-prod', 'kv-orders-prod'])
    // 2 vaults × (PE, NIC, zone groups) + vault list + managed HSM list + zone list + VNet list +
    // links + A records + the ruleset list (no resolver can be on a path here).
    expect(snapshot.armRequests).toBe(2 * 3 + 6 + 1)
    expect(emu.armRequestCount()).toBe(snapshot.armRequests)
    expect(arm).toHaveLength(snapshot.armRequests)
    expect(logs[0]).toMatch(/^Discovering vaults in resource group rg-secrets-prod/)
    expect(
      logs.some((l) => /^Reading Azure: \d+\/\S+ vault\(s\) done, \d+ ARM request\(s\)/.test(l))
    ).toBe(true)
    expect(logs[logs.length - 1]).toMatch(
      /^Read 2 vault\(s\), 1 private DNS zone\(s\) and 1 VNet\(s\) with 13 ARM request\(s\)/
    )
    expect(logs.join('\n')).not.toMatch(/eyJ|Bearer/)
    // All clients share the sign-in's token: no trip to Entra during the collection.
    expect(emu.requests.filter((r) => r.kind === 'entra')).toEqual([])
  })
})
