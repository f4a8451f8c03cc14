import { describe, expect, test } from '@jest/globals'
import {
  addEndpoint,
  addRecord,
  addZone,
  DNS_RG,
  failure,
  healthy,
  HUB_SUB,
  linkZone,
  of,
  one,
  problems,
  run,
  SUB,
  ZONE,
  zoneIdOf
} from '../helpers/snapshot-builder.js'

describe('DNS-ZONE-MISSING', () => {
  test('no exact zone: error listing the scopes, fix creates, links and registers', () => {
    const h = healthy()
    h.snapshot.zones = []
    const findings = run(h.snapshot)
    const f = one(findings, 'DNS-ZONE-MISSING')
    expect(f.severity).toBe('error')
    expect(f.message).toContain(`/subscriptions/${SUB}`)
    expect(f.message).toContain('dns-zone-scopes')
    expect(f.message).toContain('kv1.vault.azure.net')
    const lines = (f.fix ?? '').split('\n')
    expect(lines[0]).toBe(
      `az network private-dns zone create -g rg-net -n ${ZONE} --subscription ${SUB}`
    )
    expect(lines[1]).toBe(
      `az network private-dns link vnet create -g rg-net -z ${ZONE} --subscription ${SUB} -n vnet-app-link -v ${h.vnet.id} -e false`
    )
    expect(lines[2]).toContain(
      'az network private-endpoint dns-zone-group create --endpoint-name pe-kv1'
    )
    expect(lines[2]).toContain(`--private-dns-zone ${zoneIdOf(ZONE, 'rg-net')}`)
    // The per-VNet checks have no zone to look at: no link/record findings.
    expect(problems(findings)).toEqual(['DNS-ZONE-MISSING error'])
  })

  test('exact name matches case-insensitively and with a trailing dot', () => {
    const h = healthy()
    h.zone.name = 'PrivateLink.VaultCore.Azure.NET.'
    expect(one(run(h.snapshot), 'DNS-ZONE-MISSING').severity).toBe('pass')
    expect(problems(run(h.snapshot))).toEqual([])
  })

  test('a zone group pointing at a deleted zone is named in the message', () => {
    const h = healthy()
    h.snapshot.zones = []
    h.pe.dnsZoneGroups = [
      {
        id: `${h.pe.id}/privateDnsZoneGroups/default`,
        name: 'default',
        configs: [{ privateDnsZoneId: zoneIdOf(ZONE, 'rg-gone'), recordSets: [] }]
      }
    ]
    h.snapshot.zoneFailures = [failure('not-found', zoneIdOf(ZONE, 'rg-gone'))]
    const findings = run(h.snapshot)
    expect(one(findings, 'DNS-ZONE-MISSING').message).toContain(
      `points to ${zoneIdOf(ZONE, 'rg-gone')}, which was not found`
    )
    expect(of(findings, 'ARM-ERROR')).toEqual([])
  })

  test('zone listing denied: no DNS-ZONE-MISSING, no DNS-LINK-MISSING; ACCESS-DENIED says they did not run', () => {
    const h = healthy()
    h.snapshot.zones = []
    h.snapshot.zoneScopes = [
      {
        scope: `/subscriptions/${SUB}`,
        failure: failure('denied', `/subscriptions/${SUB}`, { message: 'denied' })
      }
    ]
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual(['ACCESS-DENIED error'])
    const denied = one(findings, 'ACCESS-DENIED')
    expect(denied.vault).toBeNull()
    expect(denied.notRun).toEqual(
      expect.arrayContaining([
        'DNS-ZONE-MISSING',
        'DNS-ZONE-MISNAMED',
        'DNS-LINK-MISSING',
        'DNS-RECORD-MISSING'
      ])
    )
    expect(denied.fix).toBe(
      `az role assignment create --assignee '<client-id-of-the-identity>' --role Reader --scope /subscriptions/${SUB}`
    )
  })

  test('a failed hub scope still lets a zone found elsewhere pass', () => {
    const h = healthy()
    h.snapshot.zoneScopes.push({
      scope: `/subscriptions/${HUB_SUB}`,
      failure: failure('error', `/subscriptions/${HUB_SUB}`)
    })
    const findings = run(h.snapshot)
    expect(one(findings, 'DNS-ZONE-MISSING').severity).toBe('pass')
    expect(one(findings, 'DNS-LINK-MISSING').severity).toBe('pass')
    expect(problems(findings)).toEqual(['ARM-ERROR error'])
  })

  test('an exact-name zone named by a zone group but unreadable blocks DNS-ZONE-MISSING', () => {
    const h = healthy()
    h.snapshot.zones = []
    const hidden = zoneIdOf(ZONE, 'rg-hub', HUB_SUB)
    h.snapshot.zoneFailures = [failure('denied', hidden)]
    const findings = run(h.snapshot)
    expect(of(findings, 'DNS-ZONE-MISSING')).toEqual([])
    const denied = one(findings, 'ACCESS-DENIED')
    expect(denied.resource).toBe(hidden)
    expect(denied.notRun).toContain('DNS-ZONE-MISSING')
  })
})

describe('DNS-ZONE-MISNAMED', () => {
  test('a zone group pointing at privatelink.vault.azure.net', () => {
    const h = healthy()
    const wrong = addZone(h.snapshot, 'privatelink.vault.azure.net')
    h.pe.dnsZoneGroups = [
      {
        id: `${h.pe.id}/privateDnsZoneGroups/default`,
        name: 'default',
        configs: [{ privateDnsZoneId: wrong.id, recordSets: [] }]
      }
    ]
    const f = one(run(h.snapshot), 'DNS-ZONE-MISNAMED')
    expect(f.severity).toBe('error')
    expect(f.resource).toBe(wrong.id)
    expect(f.observed).toBe('privatelink.vault.azure.net')
    expect(f.expected).toBe(ZONE)
    expect(f.message).toContain("pe-kv1's DNS zone group default")
    expect(f.fix).toBe(
      `az network private-endpoint dns-zone-group create --endpoint-name pe-kv1 --resource-group rg-net --subscription ${SUB} ` +
        `--name default --private-dns-zone ${h.zone.id} --zone-name privatelink-vaultcore-azure-net`
    )
  })

  test.each([
    ['vaultcore.azure.net', 'kv1.privatelink'],
    ['privatelink.vault.azure.net', 'kv1'],
    ['privatelink.vaultcore.azure.net.contoso.com', 'KV1']
  ])('%s holding record %s for the vault', (zoneName, recordName) => {
    const h = healthy()
    const wrong = addZone(h.snapshot, zoneName)
    addRecord(wrong, recordName, ['10.1.2.3'])
    const f = one(run(h.snapshot), 'DNS-ZONE-MISNAMED')
    expect(f.severity).toBe('error')
    expect(f.message).toContain(`A record ${recordName} → 10.1.2.3`)
    expect(f.fix).toBe(
      `az network private-dns record-set a delete -g ${DNS_RG} -z ${zoneName} --subscription ${SUB} -n ${recordName} --yes`
    )
  })

  test('a near miss that neither a zone group uses nor holds a vault record does not count', () => {
    const h = healthy()
    const other = addZone(h.snapshot, 'privatelink.vault.azure.net')
    addRecord(other, 'kv2', ['10.9.0.4'])
    addRecord(other, 'kv10', ['10.9.0.5'])
    const f = one(run(h.snapshot), 'DNS-ZONE-MISNAMED')
    expect(f.severity).toBe('pass')
  })

  test('near-miss records unreadable: no pass, reported not run', () => {
    const h = healthy()
    const other = addZone(h.snapshot, 'privatelink.vault.azure.net')
    other.recordsFailure = failure('denied', `${other.id}/A`)
    const findings = run(h.snapshot)
    expect(of(findings, 'DNS-ZONE-MISNAMED')).toEqual([])
    const denied = one(findings, 'ACCESS-DENIED')
    expect(denied.notRun).toEqual(['DNS-ZONE-MISNAMED'])
    expect(denied.fix).toContain(`--scope ${other.id}`)
  })

  test('without the exact zone, the zone group fix targets the zone DNS-ZONE-MISSING creates', () => {
    const h = healthy()
    h.snapshot.zones = []
    const wrong = addZone(h.snapshot, 'privatelink.vault.azure.net', 'rg-dns')
    h.pe.dnsZoneGroups = [
      {
        id: `${h.pe.id}/privateDnsZoneGroups/default`,
        name: 'default',
        configs: [{ privateDnsZoneId: wrong.id, recordSets: [] }]
      }
    ]
    const findings = run(h.snapshot)
    const missing = one(findings, 'DNS-ZONE-MISSING')
    const misnamed = one(findings, 'DNS-ZONE-MISNAMED')
    expect(missing.fix).toContain(`az network private-dns zone create -g rg-dns -n ${ZONE}`)
    expect(misnamed.fix).toContain(`--private-dns-zone ${zoneIdOf(ZONE, 'rg-dns')}`)
    expect(misnamed.message).toContain('see DNS-ZONE-MISSING')
  })
})

describe('DNS-LINK-MISSING', () => {
  test('zone not linked to the VNet', () => {
    const h = healthy()
    h.zone.links = []
    const findings = run(h.snapshot)
    const f = one(findings, 'DNS-LINK-MISSING')
    expect(f.severity).toBe('error')
    expect(f.resource).toBe(h.zone.id)
    expect(f.message).toContain('vnet-app')
    expect(f.message).toContain('pe-kv1')
    expect(f.message).toContain('public IP')
    expect(f.fix).toBe(
      `az network private-dns link vnet create -g rg-dns -z ${ZONE} --subscription ${SUB} -n vnet-app-link -v ${h.vnet.id} -e false`
    )
    // Record checks need the linked zone.
    expect(problems(findings)).toEqual(['DNS-LINK-MISSING error'])
  })

  test('a zone in the hub subscription: the fix names that subscription', () => {
    const h = healthy()
    h.snapshot.zones = []
    h.snapshot.zoneScopes.push({ scope: `/subscriptions/${HUB_SUB}`, failure: null })
    const hub = addZone(h.snapshot, ZONE, 'rg-hub-dns', HUB_SUB)
    addRecord(hub, 'kv1', ['10.1.2.3'])
    const f = one(run(h.snapshot), 'DNS-LINK-MISSING')
    expect(f.message).toContain(`subscription ${HUB_SUB}`)
    expect(f.fix).toBe(
      `az network private-dns link vnet create -g rg-hub-dns -z ${ZONE} --subscription ${HUB_SUB} -n vnet-app-link -v ${h.vnet.id} -e false`
    )
  })

  test('picks the zone the PE zone group uses among several exact zones', () => {
    const h = healthy()
    h.zone.links = []
    const second = addZone(h.snapshot, ZONE, 'rg-dns-2')
    h.pe.dnsZoneGroups = [
      {
        id: `${h.pe.id}/privateDnsZoneGroups/default`,
        name: 'default',
        configs: [{ privateDnsZoneId: second.id, recordSets: [] }]
      }
    ]
    expect(one(run(h.snapshot), 'DNS-LINK-MISSING').fix).toContain('-g rg-dns-2')
  })

  test('warns when the zone to link holds another IP for the vault', () => {
    const h = healthy()
    h.zone.links = []
    h.record.ipv4Addresses = ['10.9.9.9']
    expect(one(run(h.snapshot), 'DNS-LINK-MISSING').message).toContain('fix the record too')
  })

  test('zone links unreadable: no link verdict, reported not run', () => {
    const h = healthy()
    h.zone.links = []
    h.zone.linksFailure = failure('error', `${h.zone.id}/virtualNetworkLinks`)
    const findings = run(h.snapshot)
    expect(of(findings, 'DNS-LINK-MISSING')).toEqual([])
    expect(of(findings, 'DNS-ZONE-CONFLICT')).toEqual([])
    const error = one(findings, 'ARM-ERROR')
    expect(error.notRun).toEqual(
      expect.arrayContaining(['DNS-LINK-MISSING', 'DNS-RECORD-MISSING', 'DNS-ZONE-CONFLICT'])
    )
    expect(error.fix).toBe(
      `az network private-dns link vnet list -g rg-dns -z ${ZONE} --subscription ${SUB} -o table`
    )
  })
})

describe('DNS-LINK-NOT-READY', () => {
  test.each([
    ['InProgress', 'Succeeded', 'few minutes'],
    ['Completed', 'Failed', 'Recreate the link'],
    ['Completed', 'Updating', 'few minutes'],
    [null, null, 'Recreate the link']
  ])('link state %s, provisioning %s', (state, provisioning, wording) => {
    const h = healthy()
    h.link.virtualNetworkLinkState = state
    h.link.provisioningState = provisioning
    const f = one(run(h.snapshot), 'DNS-LINK-NOT-READY')
    expect(f.severity).toBe('error')
    expect(f.resource).toBe(h.link.id)
    expect(f.message).toContain(wording)
    expect(f.fix?.split('\n')).toEqual([
      `az network private-dns link vnet delete -g rg-dns -z ${ZONE} --subscription ${SUB} -n vnet-app-link --yes`,
      `az network private-dns link vnet create -g rg-dns -z ${ZONE} --subscription ${SUB} -n vnet-app-link -v ${h.vnet.id} -e false`
    ])
  })
})

describe('DNS-RECORD-MISSING / DNS-RECORD-NAME', () => {
  test('no A record: fix creates it with the PE IP and a TTL in range', () => {
    const h = healthy()
    h.zone.aRecords = []
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual(['DNS-RECORD-MISSING error'])
    const f = one(findings, 'DNS-RECORD-MISSING')
    expect(f.resource).toBe(h.zone.id)
    expect(f.message).toContain('NXDOMAIN')
    expect(f.expected).toBe('A record kv1 → 10.1.2.3')
    expect(f.fix?.split('\n')).toEqual([
      `az network private-dns record-set a create -g rg-dns -z ${ZONE} --subscription ${SUB} -n kv1 --ttl 300`,
      `az network private-dns record-set a add-record -g rg-dns -z ${ZONE} --subscription ${SUB} -n kv1 -a 10.1.2.3`
    ])
  })

  test('the same records array renamed in place between runs is read as it is now', () => {
    // The rules index a zone's records once per array; a plan's changes are applied in place.
    const h = healthy()
    const [record] = h.zone.aRecords
    expect(problems(run(h.snapshot))).toEqual([])
    record!.name = 'kv1.vault'
    expect(problems(run(h.snapshot))).toEqual(['DNS-RECORD-NAME error'])
    record!.name = 'other'
    expect(problems(run(h.snapshot))).toEqual(['DNS-RECORD-MISSING error'])
    record!.name = 'KV1'
    expect(problems(run(h.snapshot))).toEqual([])
    // Replaced by another record at the same place, as a plan's change to it is applied.
    h.zone.aRecords[0] = { ...record!, name: 'kv1', ipv4Addresses: ['10.1.2.9'] }
    expect(problems(run(h.snapshot))).toEqual(['DNS-RECORD-WRONG-IP error'])
  })

  test('NxDomainRedirect: says clients silently fall back to the public IP', () => {
    const h = healthy()
    h.zone.aRecords = []
    h.link.resolutionPolicy = 'NxDomainRedirect'
    const f = one(run(h.snapshot), 'DNS-RECORD-MISSING')
    expect(f.message).toContain('NxDomainRedirect')
    expect(f.message).toContain('silently fall back to the vault')
    expect(f.message).toContain('public IP')
    expect(f.message).not.toContain('get NXDOMAIN for')
  })

  test.each(['kv1.vault', 'kv1.privatelink.vaultcore.azure.net', 'KV1.privatelink'])(
    'only under the wrong name %s',
    (name) => {
      const h = healthy()
      h.zone.aRecords = []
      const wrong = addRecord(h.zone, name, ['10.1.2.3'])
      const findings = run(h.snapshot)
      expect(problems(findings)).toEqual(['DNS-RECORD-NAME error'])
      const f = one(findings, 'DNS-RECORD-NAME')
      expect(f.resource).toBe(wrong.id)
      expect(f.observed).toBe(name)
      expect(f.expected).toBe('kv1')
      expect(f.fix?.split('\n')).toEqual([
        `az network private-dns record-set a delete -g rg-dns -z ${ZONE} --subscription ${SUB} -n ${name} --yes`,
        `az network private-dns record-set a create -g rg-dns -z ${ZONE} --subscription ${SUB} -n kv1 --ttl 300`,
        `az network private-dns record-set a add-record -g rg-dns -z ${ZONE} --subscription ${SUB} -n kv1 -a 10.1.2.3`
      ])
    }
  )

  test('a record of another vault with a similar name is not a wrong name', () => {
    const h = healthy()
    h.zone.aRecords = []
    addRecord(h.zone, 'kv10', ['10.1.2.3'])
    expect(problems(run(h.snapshot))).toEqual(['DNS-RECORD-MISSING error'])
  })

  test('the record name matches case-insensitively', () => {
    const h = healthy()
    h.record.name = 'KV1'
    expect(problems(run(h.snapshot))).toEqual([])
  })

  test('records unreadable: no record verdicts, reported not run', () => {
    const h = healthy()
    h.zone.aRecords = []
    h.zone.recordsFailure = failure('denied', `${h.zone.id}/A`, {
      action: 'Microsoft.Network/privateDnsZones/A/read',
      message: 'denied'
    })
    const findings = run(h.snapshot, { assignee: 'app-123' })
    expect(problems(findings)).toEqual(['ACCESS-DENIED error'])
    for (const rule of ['DNS-RECORD-MISSING', 'DNS-RECORD-WRONG-IP', 'DNS-RECORD-TTL'] as const)
      expect(of(findings, rule)).toEqual([])
    const denied = one(findings, 'ACCESS-DENIED')
    expect(denied.message).toContain('Microsoft.Network/privateDnsZones/A/read')
    expect(denied.notRun).toEqual(
      expect.arrayContaining([
        'DNS-RECORD-MISSING',
        'DNS-RECORD-NAME',
        'DNS-RECORD-WRONG-IP',
        'DNS-RECORD-EXTRA-IP',
        'DNS-RECORD-TTL'
      ])
    )
    expect(denied.fix).toBe(
      `az role assignment create --assignee app-123 --role Reader --scope ${h.zone.id}`
    )
  })
})

describe('DNS-RECORD-WRONG-IP / DNS-RECORD-EXTRA-IP', () => {
  test('wrong IP: add the PE IP first, then remove the wrong one (no window without an answer)', () => {
    const h = healthy()
    h.record.ipv4Addresses = ['10.1.2.9']
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual(['DNS-RECORD-WRONG-IP error'])
    const f = one(findings, 'DNS-RECORD-WRONG-IP')
    expect(f.resource).toBe(h.record.id)
    expect(f.message).toBe(
      'A record kv1 in privatelink.vaultcore.azure.net points to 10.1.2.9; the private endpoint pe-kv1 in VNet vnet-app has 10.1.2.3: ' +
        'clients in vnet-app connect to the wrong address. Add the right IP to the record, then remove the wrong one'
    )
    expect(f.observed).toBe('10.1.2.9')
    expect(f.expected).toBe('10.1.2.3')
    expect(f.fix?.split('\n')).toEqual([
      `az network private-dns record-set a add-record -g rg-dns -z ${ZONE} --subscription ${SUB} -n kv1 -a 10.1.2.3`,
      `az network private-dns record-set a remove-record -g rg-dns -z ${ZONE} --subscription ${SUB} -n kv1 -a 10.1.2.9`
    ])
  })

  test('wrong IP keeps an in-range TTL and clamps an out-of-range one', () => {
    const h = healthy()
    h.record.ipv4Addresses = ['10.1.2.9']
    h.record.ttl = 60
    expect(one(run(h.snapshot), 'DNS-RECORD-WRONG-IP').fix).not.toContain('ttl')
    h.record.ttl = 3600
    expect(one(run(h.snapshot), 'DNS-RECORD-WRONG-IP').fix).toContain('--set ttl=300')
  })

  test('extra IPs: warning naming stale and foreign ones, fix removes each', () => {
    const h = healthy()
    const other = addEndpoint(h.snapshot, h.vault, { name: 'pe-b', vnet: 'vnet-b', ip: '10.2.0.4' })
    h.record.ipv4Addresses = ['10.1.2.3', '10.1.2.99', '10.2.0.4']
    const findings = run(h.snapshot)
    const extras = of(findings, 'DNS-RECORD-EXTRA-IP', 'warning')
    expect(extras).toHaveLength(1)
    const f = extras[0]
    expect(one(findings, 'DNS-RECORD-WRONG-IP').severity).toBe('pass')
    expect(f?.message).toContain('10.1.2.99 (no private endpoint of the vault has it: stale)')
    expect(f?.message).toContain('10.2.0.4 (private endpoint pe-b in VNet vnet-b)')
    expect(f?.fix?.split('\n')).toEqual([
      `az network private-dns record-set a remove-record -g rg-dns -z ${ZONE} --subscription ${SUB} -n kv1 -a 10.1.2.99`,
      `az network private-dns record-set a remove-record -g rg-dns -z ${ZONE} --subscription ${SUB} -n kv1 -a 10.2.0.4`
    ])
    expect(other.pe.name).toBe('pe-b')
  })
})

describe('DNS-RECORD-TTL', () => {
  test.each([
    [9, 'warning'],
    [10, 'pass'],
    [300, 'pass'],
    [600, 'pass'],
    [601, 'warning'],
    [0, 'warning'],
    [3600, 'warning']
  ] as const)('TTL %i with defaults → %s', (ttl, severity) => {
    const h = healthy()
    h.record.ttl = ttl
    const f = one(run(h.snapshot), 'DNS-RECORD-TTL')
    expect(f.severity).toBe(severity)
    expect(f.observed).toBe(String(ttl))
    expect(f.expected).toBe('10–600 s')
    if (severity === 'warning') {
      expect(f.resource).toBe(h.record.id)
      expect(f.fix).toBe(
        `az network private-dns record-set a update -g rg-dns -z ${ZONE} --subscription ${SUB} -n kv1 --set ttl=300`
      )
    } else {
      expect(f.fix).toBeNull()
    }
  })

  test.each([
    [29, 'warning'],
    [30, 'pass'],
    [120, 'pass'],
    [121, 'warning']
  ] as const)('TTL %i with ttl-min 30, ttl-max 120 → %s, fix clamped to 120', (ttl, severity) => {
    const h = healthy()
    h.record.ttl = ttl
    const f = one(run(h.snapshot, { ttlMin: 30, ttlMax: 120 }), 'DNS-RECORD-TTL')
    expect(f.severity).toBe(severity)
    if (severity === 'warning') expect(f.fix).toContain('--set ttl=120')
  })

  test('fix clamps up to ttl-min', () => {
    const h = healthy()
    h.record.ttl = 5
    expect(one(run(h.snapshot, { ttlMin: 400, ttlMax: 900 }), 'DNS-RECORD-TTL').fix).toContain(
      '--set ttl=400'
    )
  })

  test('a record without TTL is not judged', () => {
    const h = healthy()
    h.record.ttl = null
    expect(of(run(h.snapshot), 'DNS-RECORD-TTL')).toEqual([])
  })
})

describe('DNS-ZONE-CONFLICT', () => {
  test('two VNets with different PE IPs linked to one zone', () => {
    const h = healthy()
    const other = addEndpoint(h.snapshot, h.vault, { name: 'pe-b', vnet: 'vnet-b', ip: '10.2.0.4' })
    linkZone(h.zone, other.pe.vnetId as string)
    const findings = run(h.snapshot)
    const f = one(findings, 'DNS-ZONE-CONFLICT')
    expect(f.severity).toBe('error')
    expect(f.resource).toBe(h.zone.id)
    expect(f.message).toContain('vnet-app (pe-kv1 → 10.1.2.3)')
    expect(f.message).toContain('vnet-b (pe-b → 10.2.0.4)')
    expect(f.message).toContain('clients in vnet-b get')
    const lines = (f.fix ?? '').split('\n')
    expect(lines[0]).toBe(
      `az network private-dns link vnet delete -g rg-dns -z ${ZONE} --subscription ${SUB} -n vnet-b-link --yes`
    )
    expect(lines[1]).toBe(
      `az network private-dns zone create -g rg-net -n ${ZONE} --subscription ${SUB}`
    )
    expect(lines.at(-1)).toBe(
      `az network private-dns record-set a add-record -g rg-net -z ${ZONE} --subscription ${SUB} -n kv1 -a 10.2.0.4`
    )
    // vnet-b's record check says the same thing and points at the conflict.
    const wrong = one(findings, 'DNS-RECORD-WRONG-IP', 'error')
    expect(wrong.message).toContain('DNS-ZONE-CONFLICT')
    expect(wrong.fix).toBe(f.fix)
  })

  test('one zone per VNet: no conflict', () => {
    const h = healthy()
    const other = addEndpoint(h.snapshot, h.vault, { name: 'pe-b', vnet: 'vnet-b', ip: '10.2.0.4' })
    const second = addZone(h.snapshot, ZONE, 'rg-dns-b')
    linkZone(second, other.pe.vnetId as string)
    addRecord(second, 'kv1', ['10.2.0.4'])
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual([])
    expect(of(findings, 'DNS-ZONE-CONFLICT', 'pass')).toHaveLength(2)
  })

  test('overlapping address spaces with the same PE IP: one record serves both', () => {
    const h = healthy()
    const other = addEndpoint(h.snapshot, h.vault, { name: 'pe-b', vnet: 'vnet-b', ip: '10.1.2.3' })
    linkZone(h.zone, other.pe.vnetId as string)
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual([])
    expect(one(findings, 'DNS-ZONE-CONFLICT').severity).toBe('pass')
  })

  test('a VNet linked to the zone without a PE of the vault is no conflict (peering)', () => {
    const h = healthy()
    linkZone(
      h.zone,
      '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-spoke'
    )
    expect(problems(run(h.snapshot))).toEqual([])
  })
})

describe('several vaults in one zone', () => {
  test('each vault is judged on its own record', () => {
    const h = healthy()
    const kv2 = {
      ...h.vault,
      name: 'kv2',
      id: h.vault.id.replace(/kv1$/, 'kv2'),
      connections: [],
      privateEndpoints: {}
    }
    h.snapshot.vaults.push(kv2)
    addEndpoint(h.snapshot, kv2, { name: 'pe-kv2', ip: '10.1.2.20' })
    addRecord(h.zone, 'kv2', ['10.1.2.21'], 3600)
    const findings = run(h.snapshot)
    expect(findings.filter((f) => f.vault === 'kv1' && f.severity !== 'pass')).toEqual([])
    expect(problems(findings.filter((f) => f.vault === 'kv2'))).toEqual([
      'DNS-RECORD-WRONG-IP error',
      'DNS-RECORD-TTL warning'
    ])
  })
})
