// Managed HSMs in the collect stage, against the project's emulator through the real SDK clients
// (see helpers.ts): discovery lists both kinds, a name is looked up as a key vault and then as a
// managed HSM, a resource ID says which, a 403 on an HSM read names its action, and the bulk path
// treats each kind's privatelink zone alike.
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  HSM_ZONE,
  makeEstate,
  privateDnsZone,
  privateLinkedHsm,
  privateLinkedVault,
  resourceId,
  sampleIdentity,
  subnetId,
  virtualNetwork,
  virtualNetworkLink
} from '../../emulator/estate.js'
import hsmEstate, {
  HSM_IP,
  HSM_RG,
  HUB_SUBSCRIPTION_ID,
  NETWORK_RG,
  RULE_OF_HSM,
  SUBSCRIPTION_ID,
  VAULT_NAME,
  hsmId
} from '../../emulator/estates/hsm.js'
import { idKey } from '../../src/collect/snapshot.js'
import { byId, byName, type Emulator, emulator, requestsTo, run } from './helpers.js'

const SUB = SUBSCRIPTION_ID
const HSM_NAMES = Object.keys(RULE_OF_HSM)
const HSM_LIST = '/providers/Microsoft.KeyVault/managedHSMs'
const VAULT_LIST = '/providers/Microsoft.KeyVault/vaults'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

/** The ARM paths (without query) in the order they were requested. */
const paths = (arm: { path: string }[]): string[] => arm.map((r) => r.path.split('?')[0] ?? '')

describe('discovery', () => {
  test('lists key vaults and managed HSMs of the subscription (every page of both)', async () => {
    emu = await emulator(hsmEstate(), { pageSize: 4 })
    const { snapshot, arm } = await run(
      emu,
      { subscriptionId: SUB, dnsZoneScopes: [`/subscriptions/${HUB_SUBSCRIPTION_ID}`] },
      { bulkThreshold: Infinity }
    )
    expect(snapshot.discoveryFailures).toEqual([])
    expect(snapshot.vaults.map((v) => `${v.kind}:${v.name}`)).toEqual([
      `vault:${VAULT_NAME}`,
      ...HSM_NAMES.map((name) => `managedHsm:${name}`)
    ])
    // 14 HSMs in pages of 4: four list requests, three following nextLink.
    const hsmLists = requestsTo(arm, `/subscriptions/${SUB}${HSM_LIST}`)
    expect(hsmLists).toHaveLength(4)
    expect(hsmLists.filter((r) => /\$skipToken=/i.test(r.path))).toHaveLength(3)
    expect(requestsTo(arm, `/subscriptions/${SUB}${VAULT_LIST}`)).toHaveLength(1)

    const healthy = snapshot.vaults.find((v) => v.name === 'hsm-healthy')
    expect(healthy).toMatchObject({
      kind: 'managedHsm',
      id: hsmId('hsm-healthy'),
      subscriptionId: SUB,
      resourceGroup: HSM_RG,
      failure: null,
      location: 'westeurope',
      // hsmUri verbatim, region label and all (the model names the host, not this).
      vaultUri: 'https://westeurope.hsm-healthy.managedhsm.azure.net',
      publicNetworkAccess: 'Disabled',
      networkAcls: { bypass: 'None', defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] }
    })
    const peId = resourceId(SUB, HSM_RG, 'Microsoft.Network/privateEndpoints', 'pe-hsm-healthy')
    expect(healthy?.connections).toEqual([
      expect.objectContaining({
        // ARM writes `managedhsms` in lower case in the connection's ID.
        id: expect.stringMatching(
          new RegExp(
            `^/subscriptions/${SUB}/resourceGroups/${HSM_RG}/providers/Microsoft\\.KeyVault/managedhsms/hsm-healthy/privateEndpointConnections/`
          )
        ),
        status: 'Approved',
        provisioningState: 'Succeeded',
        privateEndpointId: peId
      })
    ])
    expect(healthy?.privateEndpoints[idKey(peId)]).toMatchObject({
      name: 'pe-hsm-healthy',
      nicIps: [HSM_IP['hsm-healthy']],
      customDnsConfigs: [
        { fqdn: 'hsm-healthy.managedhsm.azure.net', ipAddresses: [HSM_IP['hsm-healthy']] }
      ]
    })
    const rulesPresent = snapshot.vaults.find((v) => v.name === 'hsm-fw-rules-present')
    expect(rulesPresent?.networkAcls).toEqual({
      bypass: 'None',
      defaultAction: 'Deny',
      ipRules: ['198.51.100.24/32'],
      virtualNetworkRules: [
        subnetId(
          resourceId(SUB, NETWORK_RG, 'Microsoft.Network/virtualNetworks', 'vnet-hsm'),
          'snet-app'
        ).toLowerCase()
      ]
    })
    // The HSM zone (hub), the key vaults' zone and the HSM near miss are all kept.
    expect(snapshot.zones.map((z) => z.name).sort()).toEqual([
      'managedhsm.azure.net',
      HSM_ZONE,
      'privatelink.vaultcore.azure.net'
    ])
  })

  test('in a resource group: both kinds listed there; a failed HSM listing leaves the vaults', async () => {
    emu = await emulator({
      ...hsmEstate(),
      deny: [{ scope: `/subscriptions/${SUB}`, action: 'Microsoft.KeyVault/managedHSMs/read' }]
    })
    const { snapshot, arm } = await run(emu, { subscriptionId: SUB, resourceGroup: HSM_RG })
    expect(requestsTo(arm, `/resourceGroups/${HSM_RG}${HSM_LIST}`)).toHaveLength(1)
    expect(requestsTo(arm, `/resourceGroups/${HSM_RG}${VAULT_LIST}`)).toHaveLength(1)
    expect(snapshot.vaults.map((v) => v.name)).toEqual([VAULT_NAME])
    // Recorded under the listed type, so that it is told apart from a failed vault listing.
    expect(snapshot.discoveryFailures).toEqual([
      expect.objectContaining({
        kind: 'denied',
        status: 403,
        resource: `/subscriptions/${SUB}/resourceGroups/${HSM_RG}${HSM_LIST}`,
        action: 'Microsoft.KeyVault/managedHSMs/read'
      })
    ])
  })
})

describe('named targets', () => {
  test('a name is looked up as a key vault first, then as a managed HSM', async () => {
    emu = await emulator(hsmEstate())
    const { snapshot, arm } = await run(emu, {
      subscriptionId: SUB,
      vaults: [byName('hsm-fw-trusted', SUB, null), byName(VAULT_NAME, SUB, null)]
    })
    expect(snapshot.vaults.map((v) => `${v.kind}:${v.name}:${v.failure?.kind ?? 'ok'}`)).toEqual([
      'managedHsm:hsm-fw-trusted:ok',
      `vault:${VAULT_NAME}:ok`
    ])
    // Both listings once for both names, the vaults' first.
    const lists = paths(arm).filter((p) => p.endsWith(VAULT_LIST) || p.endsWith(HSM_LIST))
    expect(lists).toEqual([
      `/subscriptions/${SUB}${VAULT_LIST}`,
      `/subscriptions/${SUB}${HSM_LIST}`
    ])
  })

  test('with a resource group: GET as a key vault, and on 404 GET as a managed HSM', async () => {
    emu = await emulator(hsmEstate())
    const { snapshot, arm } = await run(emu, {
      subscriptionId: SUB,
      vaults: [byName('hsm-healthy', SUB, HSM_RG), byName('hsm-gone', SUB, HSM_RG)]
    })
    const [found, gone] = snapshot.vaults
    expect(found).toMatchObject({ kind: 'managedHsm', id: hsmId('hsm-healthy'), failure: null })
    const gets = paths(arm).filter((p) => /\/(vaults|managedHSMs)\/hsm-(healthy|gone)$/.test(p))
    expect(gets.filter((p) => p.endsWith('hsm-healthy'))).toEqual([
      `/subscriptions/${SUB}/resourceGroups/${HSM_RG}${VAULT_LIST}/hsm-healthy`,
      `/subscriptions/${SUB}/resourceGroups/${HSM_RG}${HSM_LIST}/hsm-healthy`
    ])
    // Neither kind: the key vault's 404 stands, and the snapshot has no kind.
    expect(gone?.kind).toBeUndefined()
    expect(gone?.failure).toMatchObject({ kind: 'not-found', status: 404 })
    expect(gone?.failure?.message).toMatch(/^The Resource 'Microsoft\.KeyVault\/vaults\/hsm-gone'/)
  })

  test('a managed HSM resource ID (any case) reads the HSM only; a 403 names its action', async () => {
    const lower = hsmId('hsm-healthy')
      .replace('/managedHSMs/', '/managedhsms/')
      .replace('Microsoft.KeyVault', 'microsoft.keyvault')
    emu = await emulator({
      ...hsmEstate(),
      deny: [{ scope: hsmId('hsm-pe-none'), action: 'Microsoft.KeyVault/managedHSMs/read' }]
    })
    const { snapshot, arm } = await run(emu, {
      subscriptionId: SUB,
      vaults: [
        { ...byName('hsm-healthy', SUB, HSM_RG), id: lower, kind: 'managedHsm' },
        { ...byName('hsm-pe-none', SUB, HSM_RG), id: hsmId('hsm-pe-none'), kind: 'managedHsm' }
      ]
    })
    expect(paths(arm).some((p) => p.includes(VAULT_LIST))).toBe(false)
    const [healthy, denied] = snapshot.vaults
    expect(healthy).toMatchObject({ kind: 'managedHsm', failure: null, connections: [{}] })
    expect(denied).toMatchObject({
      kind: 'managedHsm',
      id: hsmId('hsm-pe-none'),
      failure: {
        kind: 'denied',
        status: 403,
        code: 'AuthorizationFailed',
        action: 'Microsoft.KeyVault/managedHSMs/read'
      }
    })
  })

  test('a key vault ID is never looked up as an HSM', async () => {
    emu = await emulator(hsmEstate())
    const id = resourceId(SUB, HSM_RG, 'Microsoft.KeyVault/vaults', 'hsm-healthy')
    const { snapshot, arm } = await run(emu, { subscriptionId: SUB, vaults: [byId(id)] })
    expect(snapshot.vaults[0]?.failure?.kind).toBe('not-found')
    expect(paths(arm).some((p) => p.includes(HSM_LIST))).toBe(false)
  })
})

describe('bulk', () => {
  /** A key vault and a managed HSM in one VNet, each kind's zone with its record, no near miss. */
  function twoKindEstate() {
    const identity = sampleIdentity()
    const vnet = virtualNetwork({
      subscriptionId: SUB,
      resourceGroup: NETWORK_RG,
      name: 'vnet-both',
      addressPrefixes: ['10.80.0.0/16'],
      subnets: [{ name: 'snet-pe', addressPrefix: '10.80.1.0/24' }]
    })
    const vaultZone = privateDnsZone({ subscriptionId: SUB, resourceGroup: 'rg-dns' })
    const hsmZone = privateDnsZone({ subscriptionId: SUB, resourceGroup: 'rg-dns', name: HSM_ZONE })
    const common = {
      subscriptionId: SUB,
      resourceGroup: HSM_RG,
      tenantId: identity.tenantId,
      subnetId: subnetId(vnet.id, 'snet-pe')
    }
    return makeEstate({
      identity,
      resources: [
        vnet,
        vaultZone,
        hsmZone,
        virtualNetworkLink({ zoneId: vaultZone.id, name: 'l-vault', vnetId: vnet.id }),
        virtualNetworkLink({ zoneId: hsmZone.id, name: 'l-hsm', vnetId: vnet.id }),
        ...privateLinkedVault({ ...common, name: 'both-kv', ip: '10.80.1.4', zoneId: vaultZone.id })
          .resources,
        ...privateLinkedHsm({ ...common, name: 'both-hsm', ip: '10.80.1.5', zoneId: hsmZone.id })
          .resources
      ]
    })
  }

  test('zone groups are skipped for each kind whose record in its own zone checks out', async () => {
    emu = await emulator(twoKindEstate())
    const { snapshot, arm } = await run(emu, { subscriptionId: SUB }, { bulkThreshold: 1 })
    expect(snapshot.vaults.map((v) => `${v.kind}:${v.name}`)).toEqual([
      'vault:both-kv',
      'managedHsm:both-hsm'
    ])
    expect(requestsTo(arm, '/privateDnsZoneGroups')).toHaveLength(0)
    for (const vault of snapshot.vaults) {
      for (const pe of Object.values(vault.privateEndpoints)) {
        expect(pe?.dnsZoneGroupsSkipped).toBe(true)
      }
    }
  })

  test("an HSM whose record sits only in the key vaults' zone gets its zone groups read", async () => {
    const estate = twoKindEstate()
    // Move the HSM's record into the key vaults' zone: it no longer checks out in its own.
    const record = estate.resources.find(
      (r) => r.type === 'Microsoft.Network/privateDnsZones/A' && r.name === 'both-hsm'
    )
    record.id = record.id.replace(HSM_ZONE, 'privatelink.vaultcore.azure.net')
    emu = await emulator(estate)
    const { arm } = await run(emu, { subscriptionId: SUB }, { bulkThreshold: 1 })
    expect(paths(requestsTo(arm, '/privateDnsZoneGroups'))).toEqual([
      `/subscriptions/${SUB}/resourceGroups/${HSM_RG}/providers/Microsoft.Network/privateEndpoints/pe-both-hsm/privateDnsZoneGroups`
    ])
  })
})
