import { describe, expect, test } from '@jest/globals'
import { idKey } from '../../src/collect/snapshot.js'
import { RULES, RULE_IDS } from '../../src/evaluate/catalog.js'
import { roleScope } from '../../src/common/arm-id.js'
import { buildReport } from '../../src/report/report.js'
import {
  failure,
  healthy,
  of,
  one,
  problems,
  run,
  SUB,
  summary
} from '../helpers/snapshot-builder.js'

const OID = '99999999-0000-0000-0000-000000000009'

const VAULT_RULES = RULE_IDS.filter((rule) => RULES[rule].scope === 'target')

describe('the vault itself', () => {
  test('not found: VAULT-NOT-FOUND only, with commands to find it or a deleted one', () => {
    const h = healthy()
    h.vault.kind = 'vault'
    h.vault.failure = failure('not-found', h.vault.id)
    const findings = run(h.snapshot)
    expect(summary(findings)).toEqual(['VAULT-NOT-FOUND error'])
    const f = one(findings, 'VAULT-NOT-FOUND')
    expect(f.vault).toBe('kv1')
    expect(f.resource).toBe(h.vault.id)
    expect(f.message).toMatch(/^Key vault kv1 was not found in /)
    expect(f.message).toContain(`resource group rg-kv of subscription ${SUB}`)
    expect(f.message).toContain('ResourceNotFound')
    expect(f.fix?.split('\n')).toEqual([
      `az keyvault list --subscription ${SUB} --query "[?name=='kv1'].id" -o tsv`,
      `az keyvault show-deleted --name kv1 --subscription ${SUB}`
    ])
  })

  test('not found as either kind (a bare name has no kind): the deleted vault or HSM may be either', () => {
    const h = healthy()
    delete h.vault.kind
    h.vault.failure = failure('not-found', h.vault.id)
    const f = one(run(h.snapshot), 'VAULT-NOT-FOUND')
    expect(f.message).toMatch(/^Key vault or managed HSM kv1 was not found in /)
    expect(f.fix?.split('\n')).toEqual([
      `az keyvault list --subscription ${SUB} --query "[?name=='kv1'].id" -o tsv`,
      `az keyvault show-deleted --name kv1 --subscription ${SUB}`,
      `az keyvault show-deleted --hsm-name kv1 --subscription ${SUB}`
    ])
  })

  test('denied: ACCESS-DENIED with every vault check not run and a filled-in role assignment', () => {
    const h = healthy()
    h.vault.failure = failure('denied', h.vault.id, {
      message: `The client 'app' with object id '${OID}' does not have authorization to perform action 'Microsoft.KeyVault/vaults/read' over scope '${h.vault.id}' or the scope is invalid.`
    })
    const findings = run(h.snapshot)
    expect(summary(findings)).toEqual(['ACCESS-DENIED error'])
    const f = one(findings, 'ACCESS-DENIED')
    expect(f.notRun).toEqual(VAULT_RULES)
    expect(f.message).toContain('Microsoft.KeyVault/vaults/read')
    expect(f.message).toContain('key vault kv1')
    expect(f.observed).toBe('403 AuthorizationFailed: Microsoft.KeyVault/vaults/read')
    expect(f.fix).toBe(
      `az role assignment create --assignee ${OID} --role Reader --scope ${h.vault.id}`
    )
  })

  test('denied: options.assignee wins over the object ID in the message', () => {
    const h = healthy()
    h.vault.failure = failure('denied', h.vault.id)
    const f = one(
      run(h.snapshot, { assignee: '00000000-aaaa-bbbb-cccc-000000000001' }),
      'ACCESS-DENIED'
    )
    expect(f.fix).toBe(
      `az role assignment create --assignee 00000000-aaaa-bbbb-cccc-000000000001 --role Reader --scope ${h.vault.id}`
    )
  })

  test('a read that got no answer says so, not a status ARM never sent', () => {
    const h = healthy()
    h.vault.failure = {
      kind: 'error',
      resource: h.vault.id,
      code: 'Timeout',
      message:
        'no answer from ARM within 60 s (route never answered; 3 attempt(s), at most 30 s each)'
    }
    const f = one(run(h.snapshot), 'ARM-ERROR')
    expect(f.message).toContain('kept failing to read key vault kv1')
    expect(f.message).toContain(': no answer Timeout: no answer from ARM within 60 s')
    expect(f.message).not.toContain('500')
    expect(f.observed).toBe(
      'no answer Timeout: no answer from ARM within 60 s (route never answered; 3 attempt(s), at most 30 s each)'
    )
  })

  test('error: ARM-ERROR with a command that repeats the read', () => {
    const h = healthy()
    h.vault.failure = failure('error', h.vault.id)
    const f = one(run(h.snapshot), 'ARM-ERROR')
    expect(f.message).toContain('503 ServiceUnavailable')
    expect(f.message).toContain('Run the job again')
    expect(f.notRun).toEqual(VAULT_RULES)
    expect(f.fix).toBe(`az keyvault show --name kv1 --resource-group rg-kv --subscription ${SUB}`)
  })

  test('a failed vault read lists every check of a vault, derived from the definitions', () => {
    expect(VAULT_RULES).toContain('PE-NONE')
    expect(VAULT_RULES).toContain('FW-PUBLIC-OPEN')
    expect(VAULT_RULES).toContain('DNS-ZONE-CONFLICT')
    expect(VAULT_RULES).toContain('VNET-CUSTOM-DNS')
    expect(VAULT_RULES.some((rule) => rule.startsWith('PROBE-') || rule === 'ACCESS-DENIED')).toBe(
      false
    )
  })
})

describe('parts of a vault', () => {
  test('PE unreadable: ACCESS-DENIED for it; firewall and other checks still run', () => {
    const h = healthy()
    h.vault.privateEndpoints = {}
    h.vault.privateEndpointFailures[idKey(h.pe.id)] = failure('denied', h.pe.id)
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual(['ACCESS-DENIED error'])
    const f = one(findings, 'ACCESS-DENIED')
    expect(f.vault).toBe('kv1')
    expect(f.resource).toBe(h.pe.id)
    expect(f.message).toContain('private endpoint pe-kv1 of key vault kv1')
    expect(f.notRun).toEqual(expect.arrayContaining(['PE-NOT-SUCCEEDED']))
    expect(f.fix).toBe(
      `az role assignment create --assignee ${OID} --role Reader --scope ${h.pe.id}`
    )
    // No misleading verdicts on what it could not see…
    expect(of(findings, 'PE-NOT-SUCCEEDED')).toEqual([])
    expect(of(findings, 'DNS-LINK-MISSING')).toEqual([])
    // …and every other check still ran.
    expect(one(findings, 'FW-PUBLIC-OPEN').severity).toBe('pass')
    expect(one(findings, 'PE-NOT-APPROVED').severity).toBe('pass')
    expect(one(findings, 'DNS-ZONE-MISSING').severity).toBe('pass')
  })

  test('PE read error: ARM-ERROR with a show command', () => {
    const h = healthy()
    h.vault.privateEndpoints = {}
    h.vault.privateEndpointFailures[idKey(h.pe.id)] = failure('error', h.pe.id, {
      status: 500,
      code: 'InternalServerError'
    })
    const f = one(run(h.snapshot), 'ARM-ERROR')
    expect(f.message).toContain('500 InternalServerError')
    expect(f.fix).toBe(`az network private-endpoint show --ids ${h.pe.id}`)
  })

  test('NIC unreadable', () => {
    const h = healthy()
    const nic = h.pe.networkInterfaceIds[0] as string
    h.pe.nicIps = []
    h.pe.nicFailures = [
      failure('denied', nic, { message: 'no', action: 'Microsoft.Network/networkInterfaces/read' })
    ]
    const f = one(run(h.snapshot), 'ACCESS-DENIED')
    expect(f.message).toContain('network interface pe-kv1.nic.0001 of private endpoint pe-kv1')
    expect(f.observed).toBe('403 AuthorizationFailed: Microsoft.Network/networkInterfaces/read')
    expect(f.fix).toBe(
      `az role assignment create --assignee '<client-id-of-the-identity>' --role Reader --scope ${nic}`
    )
  })

  test('DNS zone groups unreadable: DNS-ZONE-MISNAMED not run', () => {
    const h = healthy()
    h.pe.dnsZoneGroupsFailure = failure('error', `${h.pe.id}/privateDnsZoneGroups`)
    const findings = run(h.snapshot)
    const f = one(findings, 'ARM-ERROR')
    expect(f.notRun).toEqual(['DNS-ZONE-MISNAMED'])
    expect(f.fix).toBe(
      `az network private-endpoint dns-zone-group list --endpoint-name pe-kv1 --resource-group rg-net --subscription ${SUB}`
    )
    expect(of(findings, 'DNS-ZONE-MISNAMED')).toEqual([])
  })

  test('a 404 on a part is an ARM-ERROR that says so', () => {
    const h = healthy()
    const nic = h.pe.networkInterfaceIds[0] as string
    h.pe.nicIps = []
    h.pe.nicFailures = [failure('not-found', nic)]
    const f = one(run(h.snapshot), 'ARM-ERROR')
    expect(f.message).toContain('404 ResourceNotFound')
    expect(f.message).toContain('still exists')
  })
})

describe('reads tied to no single vault', () => {
  test('discovery denied, not found and failing', () => {
    const h = healthy()
    h.snapshot.vaults = []
    h.snapshot.discoveryFailures = [
      failure('denied', `/subscriptions/${SUB}`, { message: 'no' }),
      failure('not-found', `/subscriptions/${SUB}/resourceGroups/rg-missing`, {
        code: 'ResourceGroupNotFound',
        message: "Resource group 'rg-missing' could not be found."
      }),
      failure('error', `/subscriptions/${SUB}/resourceGroups/rg-flaky`)
    ]
    const findings = run(h.snapshot)
    // In catalogue order: VAULT-NOT-FOUND, ACCESS-DENIED, ARM-ERROR.
    expect(summary(findings)).toEqual([
      'VAULT-NOT-FOUND error',
      'ACCESS-DENIED error',
      'ARM-ERROR error'
    ])
    expect(findings.every((f) => f.vault === null)).toBe(true)
    expect(findings[1]?.fix).toBe(
      `az role assignment create --assignee '<client-id-of-the-identity>' --role Reader --scope /subscriptions/${SUB}`
    )
    expect(findings[1]?.message).toContain('Microsoft.KeyVault/vaults/read')
    expect(findings[0]?.message).toContain("Resource group 'rg-missing' could not be found.")
    expect(findings[2]?.fix).toBe(
      `az keyvault list --resource-group rg-flaky --subscription ${SUB}`
    )
  })

  test('a zone reported by several vaults is reported once', () => {
    const h = healthy()
    h.zone.recordsFailure = failure('error', `${h.zone.id}/A`)
    const kv2 = { ...h.vault, name: 'kv2', id: h.vault.id.replace(/kv1$/, 'kv2') }
    h.snapshot.vaults.push(kv2)
    const findings = run(h.snapshot)
    const errors = of(findings, 'ARM-ERROR')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.vault).toBeNull()
    expect(errors[0]?.message).toContain(
      'the A records of private DNS zone privatelink.vaultcore.azure.net'
    )
    // Both vaults' record checks waited on that read: neither may read as `pass`.
    expect(errors[0]?.affectedVaults).toEqual(['kv1', 'kv2'])
    const report = buildReport(findings, [
      { name: 'kv1', id: h.vault.id },
      { name: 'kv2', id: kv2.id }
    ])
    expect(report.vaults.map((v) => `${v.name}:${v.result}`)).toEqual(['kv1:fail', 'kv2:fail'])
  })

  test('one failure recorded for both links and records (bad zone ID) is reported once, with both blocked', () => {
    const h = healthy()
    const bad = failure('error', h.zone.id, {
      code: 'InvalidResourceId',
      message: `Not a valid private DNS zone ID: ${h.zone.id}`
    })
    h.zone.links = []
    h.zone.aRecords = []
    h.zone.linksFailure = bad
    h.zone.recordsFailure = bad
    const errors = of(run(h.snapshot), 'ARM-ERROR')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.notRun).toEqual(
      expect.arrayContaining(['DNS-LINK-MISSING', 'DNS-ZONE-CONFLICT'])
    )
  })

  test('no check needed it: notRun is empty and the message does not claim otherwise', () => {
    const h = healthy()
    h.snapshot.virtualNetworks['/subscriptions/x/vnet-unused'] = {
      failure: failure(
        'error',
        '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-unused'
      )
    }
    const f = one(run(h.snapshot), 'ARM-ERROR')
    expect(f.notRun).toEqual([])
    expect(f.message).not.toContain('did not run')
  })
})

describe('roleScope', () => {
  test.each([
    ['/subscriptions/s', '/subscriptions/s'],
    ['/subscriptions/s/resourceGroups/rg', '/subscriptions/s/resourceGroups/rg'],
    ['/subscriptions/s/resourceGroups', '/subscriptions/s'],
    [
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/z/virtualNetworkLinks',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/z'
    ],
    [
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/z/A',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/z'
    ],
    ['/subscriptions/s/providers/Microsoft.Network/privateDnsZones', '/subscriptions/s'],
    [
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1'
    ]
  ])('%s → %s', (input, scope) => {
    expect(roleScope(input)).toBe(scope)
  })
})
