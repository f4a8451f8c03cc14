// Managed HSMs through the same rule definitions as key vaults: the checks use the kind's names
// (zone privatelink.managedhsm.azure.net, host <name>.managedhsm.azure.net, group ID managedhsm)
// and the fixes the HSM's commands; Key Vault's /healthstatus header and data-plane checks do not
// run for an HSM.
import { describe, expect, test } from '@jest/globals'
import type { Snapshot } from '../../src/collect/snapshot.js'
import type { ProbeRun, VaultProbe } from '../../src/probe/result.js'
import {
  addRecord,
  addZone,
  failure,
  healthy,
  linkZone,
  of,
  one,
  probeFindings,
  problems,
  run,
  SUB,
  zoneIdOf,
  type Healthy
} from '../helpers/snapshot-builder.js'

const HSM_ZONE = 'privatelink.managedhsm.azure.net'
const VAULT_ZONE = 'privatelink.vaultcore.azure.net'
const HSM_ARGS = `--hsm-name hsm1 --resource-group rg-kv --subscription ${SUB}`

/** healthy(), turned into a managed HSM: its ID, host name, PE DNS entry and zone are the HSM's. */
function healthyHsm(name = 'hsm1'): Healthy {
  const h = healthy(name)
  h.vault.kind = 'managedHsm'
  h.vault.id = h.vault.id.replace('/Microsoft.KeyVault/vaults/', '/Microsoft.KeyVault/managedHSMs/')
  h.vault.vaultUri = `https://${name}.managedhsm.azure.net/`
  h.pe.customDnsConfigs = [{ fqdn: `${name}.managedhsm.azure.net`, ipAddresses: ['10.1.2.3'] }]
  h.zone.name = HSM_ZONE
  h.zone.id = zoneIdOf(HSM_ZONE)
  return h
}

describe('control-plane rules for a managed HSM', () => {
  test('a healthy HSM passes every check, under the same rule IDs', () => {
    const h = healthyHsm()
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual([])
    expect(one(findings, 'DNS-ZONE-MISSING', 'pass').message).toContain(HSM_ZONE)
    expect(one(findings, 'DNS-RECORD-MISSING', 'pass').message).toBe(
      `Zone ${HSM_ZONE} has an A record hsm1 for managed HSM hsm1`
    )
    expect(one(findings, 'FW-PUBLIC-OPEN', 'pass').message).toMatch(/^Managed HSM hsm1 /)
  })

  test("only the key vaults' zone: DNS-ZONE-MISSING names the HSM zone; a vault of the same name is no misnamed zone", () => {
    const h = healthyHsm()
    h.zone.name = VAULT_ZONE
    h.zone.id = zoneIdOf(VAULT_ZONE)
    const findings = run(h.snapshot)
    const missing = one(findings, 'DNS-ZONE-MISSING', 'error')
    expect(missing.message).toContain(`No private DNS zone named exactly ${HSM_ZONE}`)
    expect(missing.message).toContain('hsm1.managedhsm.azure.net')
    expect(missing.fix).toContain(`az network private-dns zone create -g rg-net -n ${HSM_ZONE}`)
    // The record hsm1 in the key vaults' zone belongs to a key vault named hsm1, if anything.
    expect(of(findings, 'DNS-ZONE-MISNAMED', 'error')).toEqual([])
  })

  test('a near miss of the HSM zone holding its record is DNS-ZONE-MISNAMED', () => {
    const h = healthyHsm()
    h.zone.aRecords = []
    const near = addZone(h.snapshot, 'managedhsm.azure.net')
    addRecord(near, 'hsm1', ['10.1.2.3'])
    linkZone(near, h.vnet.id)
    const f = one(run(h.snapshot), 'DNS-ZONE-MISNAMED', 'error')
    expect(f.message).toContain(`is not ${HSM_ZONE}, the zone private link uses for managed HSMs`)
    expect(f.fix).toBe(
      `az network private-dns record-set a delete -g rg-dns -z managedhsm.azure.net --subscription ${SUB} -n hsm1 --yes`
    )
  })

  test('FW-PUBLIC-OPEN: the HSM fix sets publicNetworkAccess through update-hsm (or Deny, restricted)', () => {
    const h = healthyHsm()
    h.vault.publicNetworkAccess = 'Enabled'
    h.vault.networkAcls = {
      bypass: 'None',
      defaultAction: 'Allow',
      ipRules: [],
      virtualNetworkRules: []
    }
    expect(one(run(h.snapshot), 'FW-PUBLIC-OPEN', 'error').fix).toBe(
      `az keyvault update-hsm ${HSM_ARGS} --set properties.publicNetworkAccess=Disabled`
    )
    expect(
      one(run(h.snapshot, { publicNetworkAccess: 'restricted' }), 'FW-PUBLIC-OPEN', 'error').fix
    ).toBe(`az keyvault update-hsm ${HSM_ARGS} --default-action Deny`)
  })

  test('FW-RULES-PRESENT: az keyvault network-rule has no HSM form, so update-hsm empties the lists', () => {
    const h = healthyHsm()
    h.vault.publicNetworkAccess = 'Enabled'
    h.vault.networkAcls = {
      bypass: 'None',
      defaultAction: 'Deny',
      ipRules: ['198.51.100.7/32', '198.51.100.8/32'],
      virtualNetworkRules: []
    }
    expect(one(run(h.snapshot), 'FW-RULES-PRESENT', 'warning').fix).toBe(
      `az keyvault update-hsm ${HSM_ARGS} --set 'properties.networkAcls.ipRules=[]'`
    )
    h.vault.networkAcls.virtualNetworkRules = [`${h.vnet.id}/subnets/snet-app`]
    expect(one(run(h.snapshot), 'FW-RULES-PRESENT', 'warning').fix).toBe(
      `az keyvault update-hsm ${HSM_ARGS} --set 'properties.networkAcls.ipRules=[]' 'properties.networkAcls.virtualNetworkRules=[]'`
    )
  })

  test('FW-TRUSTED-SERVICES: update-hsm --bypass None', () => {
    const h = healthyHsm()
    h.vault.networkAcls = {
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules: [],
      virtualNetworkRules: []
    }
    expect(one(run(h.snapshot), 'FW-TRUSTED-SERVICES', 'info').fix).toBe(
      `az keyvault update-hsm ${HSM_ARGS} --bypass None`
    )
  })

  test('PE-NONE: the new private endpoint has group ID managedhsm and the HSM zone', () => {
    const h = healthyHsm()
    h.vault.connections = []
    h.vault.privateEndpoints = {}
    const f = one(run(h.snapshot), 'PE-NONE', 'error')
    expect(f.message).toMatch(/^Managed HSM hsm1 has no private endpoint connection/)
    expect(f.fix).toContain(`--private-connection-resource-id ${h.vault.id} --group-id managedhsm`)
    expect(f.fix).toContain(`--private-dns-zone ${zoneIdOf(HSM_ZONE)}`)
  })
})

describe('reading a managed HSM', () => {
  test('a 403 without the action in its message: ACCESS-DENIED names Microsoft.KeyVault/managedHSMs/read', () => {
    const h = healthyHsm()
    h.vault.failure = failure('denied', h.vault.id, { message: 'Forbidden' })
    const f = one(run(h.snapshot), 'ACCESS-DENIED', 'error')
    expect(f.message).toContain('The identity may not read managed HSM hsm1')
    expect(f.message).toContain('(it needs Microsoft.KeyVault/managedHSMs/read)')
    expect(f.observed).toBe('403 AuthorizationFailed: Microsoft.KeyVault/managedHSMs/read')
  })

  test('ARM-ERROR on the HSM: the retry command is az keyvault show --hsm-name', () => {
    const h = healthyHsm()
    h.vault.failure = failure('error', h.vault.id)
    expect(one(run(h.snapshot), 'ARM-ERROR', 'error').fix).toBe(`az keyvault show ${HSM_ARGS}`)
  })

  test('VAULT-NOT-FOUND for an HSM given by ID: a deleted HSM is looked for by --hsm-name', () => {
    const h = healthyHsm()
    h.vault.failure = failure('not-found', h.vault.id)
    const f = one(run(h.snapshot), 'VAULT-NOT-FOUND', 'error')
    expect(f.message).toMatch(/^Managed HSM hsm1 was not found in resource group rg-kv/)
    expect(f.fix?.split('\n')).toEqual([
      `az keyvault list --subscription ${SUB} --query "[?name=='hsm1'].id" -o tsv`,
      `az keyvault show-deleted --hsm-name hsm1 --subscription ${SUB}`
    ])
  })

  test('a failed HSM listing in discovery: the managed HSMs in the scope, its action, its own list command', () => {
    const snapshot: Snapshot = healthyHsm().snapshot
    snapshot.vaults = []
    const listing = `/subscriptions/${SUB}/providers/Microsoft.KeyVault/managedHSMs`
    snapshot.discoveryFailures = [failure('denied', listing, { message: 'Forbidden' })]
    const denied = one(run(snapshot), 'ACCESS-DENIED', 'error')
    expect(denied.message).toContain(`may not read the managed HSMs in /subscriptions/${SUB}`)
    expect(denied.message).toContain('Microsoft.KeyVault/managedHSMs/read')
    expect(denied.fix).toContain(`--scope /subscriptions/${SUB}`)
    snapshot.discoveryFailures = [failure('not-found', listing)]
    const missing = one(run(snapshot), 'VAULT-NOT-FOUND', 'error')
    expect(missing.message).toMatch(/^Listing the managed HSMs in \/subscriptions\//)
    expect(missing.fix).toBe(`az keyvault list --resource-type hsm --subscription ${SUB}`)
  })
})

describe('probe rules for a managed HSM', () => {
  /** What an inside probe measured: DNS and TCP/TLS fine, /healthstatus without Key Vault's header. */
  function measured(h: Healthy, host: string, alias: string): ProbeRun {
    const attempt = {
      ip: '10.1.2.3',
      status: 200,
      networkInfo: null,
      addr: null,
      error: null,
      ms: 5
    }
    const probe: VaultProbe = {
      vault: h.vault.name,
      kind: 'managedHsm',
      hostname: host,
      peIps: ['10.1.2.3'],
      endpoints: [{ name: h.pe.name, ips: ['10.1.2.3'] }],
      skipped: null,
      dns: {
        servers: ['10.53.0.53'],
        chain: [host, alias],
        addresses: ['10.1.2.3'],
        error: null,
        failure: null,
        ms: 3
      },
      os: { addresses: ['10.1.2.3'], error: null, failure: null, ms: 2 },
      health: [
        { via: 'name', ...attempt },
        { via: 'pe-ip', ...attempt }
      ],
      dataPlane: null,
      proxy: null,
      ms: 20
    }
    return { mode: 'inside', timeoutSeconds: 5, runnerAddresses: ['10.1.0.10'], vaults: [probe] }
  }

  test("no /healthstatus header: PROBE-NOT-KEYVAULT for a key vault, nothing for an HSM (Key Vault's check)", () => {
    const vault = healthy('kv1')
    const forVault = probeFindings(
      vault.snapshot,
      measured(vault, 'kv1.vault.azure.net', 'kv1.privatelink.vaultcore.azure.net')
    )
    expect(problems(forVault)).toEqual(['PROBE-NOT-KEYVAULT error'])

    const hsm = healthyHsm()
    const forHsm = probeFindings(
      hsm.snapshot,
      measured(hsm, 'hsm1.managedhsm.azure.net', 'hsm1.privatelink.managedhsm.azure.net')
    )
    expect(problems(forHsm)).toEqual([])
    const ran = [...new Set(forHsm.map((f) => f.rule))]
    expect(ran).toEqual([
      'PROBE-NO-PRIVATELINK-ALIAS',
      'PROBE-NXDOMAIN',
      'PROBE-PUBLIC-IP',
      'PROBE-WRONG-IP',
      'PROBE-HOSTS-OVERRIDE',
      'PROBE-PROXY',
      'PROBE-CONNECT-FAILED',
      'PROBE-TLS-FAILED',
      'PROBE-DNS-FAILED'
    ])
    expect(one(forHsm, 'PROBE-NO-PRIVATELINK-ALIAS', 'pass').message).toBe(
      'hsm1.managedhsm.azure.net is an alias for hsm1.privatelink.managedhsm.azure.net'
    )
  })

  test('outside: no PUBLIC-ACCESS-OPEN for an HSM (the data-plane check is not run)', () => {
    const hsm = healthyHsm()
    const outside = measured(
      hsm,
      'hsm1.managedhsm.azure.net',
      'hsm1.privatelink.managedhsm.azure.net'
    )
    outside.mode = 'outside'
    const probe = outside.vaults[0] as VaultProbe
    probe.dns = null
    probe.os = null
    probe.health = []
    expect(probeFindings(hsm.snapshot, outside).map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'PROBE-PROXY pass'
    ])
  })
})
