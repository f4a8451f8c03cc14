// Every control-plane rule of the contract is reachable from an emulator estate: the real bundled
// action runs over emulator/estates/every-rule.js (one vault per rule, named after it) and
// hub-spoke.js (the zone in a second subscription), and each vault gets exactly the findings its
// breakage calls for.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import everyRuleEstate, { SUBSCRIPTION_ID, VAULT_RG } from '../../emulator/estates/every-rule.js'
import hubSpokeEstate, {
  HUB_DNS_RG,
  HUB_SUBSCRIPTION_ID,
  SPOKE_SUBSCRIPTION_ID,
  VAULT_IP,
  VAULT_NAME
} from '../../emulator/estates/hub-spoke.js'
import {
  findings,
  problems,
  runAgainst,
  startEmulator,
  type ActionRun,
  type Emulator,
  type Finding
} from './harness.js'
import clientsEstate, { clientVnetsInput } from '../../emulator/estates/clients.js'
import { RULE_IDS, RULES } from '../../src/evaluate/catalog.js'
import type { Severity } from '../../src/evaluate/finding.js'

/** The control-plane rules (reading, PE, firewall, DNS, networks) with their default severity,
 * taken from the rule definitions: the contract's catalogue, defined once. PLAN-* judge a
 * proposed change, not an estate: __tests__/e2e/plan.test.ts reaches them. */
const CONTROL_PLANE_RULES: Record<string, Severity> = Object.fromEntries(
  RULE_IDS.filter((rule) => RULES[rule].scope !== 'probe' && !rule.startsWith('PLAN-')).map(
    (rule) => [rule, RULES[rule].severity]
  )
)

/** Vault → the exact rule IDs of its error/warning findings, and of its info findings. */
const EXPECTED: Record<string, { problems: string[]; info?: string[] }> = {
  'kv-healthy': { problems: [] },
  'kv-pe-none': { problems: ['PE-NONE'] },
  'kv-pe-not-approved': { problems: ['PE-NOT-APPROVED'] },
  'kv-pe-not-succeeded': { problems: ['PE-NOT-SUCCEEDED'] },
  'kv-pe-leftover': { problems: ['PE-LEFTOVER'] },
  'kv-pe-leftover-deleted': { problems: ['PE-LEFTOVER'] },
  'kv-pe-duplicate-vnet': { problems: ['PE-DUPLICATE-VNET'] },
  'kv-pe-ip-not-private': { problems: ['PE-IP-NOT-PRIVATE'] },
  'kv-pe-dns-config-multi': { problems: ['PE-DNS-CONFIG-MULTIPLE'] },
  'kv-fw-public-open': { problems: ['FW-PUBLIC-OPEN'] },
  'kv-fw-rules-present': { problems: ['FW-RULES-PRESENT'] },
  'kv-fw-trusted-services': { problems: [], info: ['FW-TRUSTED-SERVICES'] },
  // The record went into the misnamed zone, so the real one lacks it.
  'kv-dns-zone-misnamed': { problems: ['DNS-RECORD-MISSING', 'DNS-ZONE-MISNAMED'] },
  'kv-dns-link-missing': { problems: ['DNS-LINK-MISSING'] },
  'kv-dns-link-not-ready': { problems: ['DNS-LINK-NOT-READY'] },
  'kv-dns-record-missing': { problems: ['DNS-RECORD-MISSING'] },
  'kv-dns-record-missing-nx': { problems: ['DNS-RECORD-MISSING'] },
  'kv-dns-record-name': { problems: ['DNS-RECORD-NAME'] },
  'kv-dns-record-wrong-ip': { problems: ['DNS-RECORD-WRONG-IP'] },
  'kv-dns-record-extra-ip': { problems: ['DNS-RECORD-EXTRA-IP'] },
  'kv-dns-record-ttl': { problems: ['DNS-RECORD-TTL'] },
  // The one record is right for vnet-app and wrong for vnet-branch.
  'kv-dns-zone-conflict': { problems: ['DNS-RECORD-WRONG-IP', 'DNS-ZONE-CONFLICT'] },
  'kv-vnet-custom-dns': { problems: [], info: ['VNET-CUSTOM-DNS'] }
}

const SUB = SUBSCRIPTION_ID
const PE_ID = (name: string): string =>
  `/subscriptions/${SUB}/resourceGroups/${VAULT_RG}/providers/Microsoft.Network/privateEndpoints/${name}`
const ZONE = 'privatelink.vaultcore.azure.net'

/** Rule IDs of every non-pass finding of every run in this file. */
const reached = new Set<string>()
function note(run: ActionRun): ActionRun {
  for (const f of findings(run)) if (f.severity !== 'pass') reached.add(f.rule)
  return run
}

function only(run: ActionRun, vault: string, rule: string): Finding {
  const hits = findings(run).filter(
    (f) => f.vault === vault && f.rule === rule && f.severity !== 'pass'
  )
  expect(hits).toHaveLength(1)
  return hits[0] as Finding
}

describe('the every-rule estate (one vault per rule)', () => {
  let emu: Emulator
  let run: ActionRun
  beforeAll(async () => {
    emu = await startEmulator({ estate: everyRuleEstate(), pageSize: 5 })
    run = note(await runAgainst(emu))
  })
  afterAll(() => emu.stop())

  it('checks every vault of the estate and fails the step', () => {
    expect(run.report?.vaults.map((v: { name: string }) => v.name).sort()).toEqual(
      Object.keys(EXPECTED).sort()
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
  })

  it('reports exactly the expected errors and warnings, vault by vault', () => {
    const expected = Object.entries(EXPECTED)
      .flatMap(([vault, e]) => e.problems.map((rule) => `${rule}@${vault}`))
      .sort()
    expect(problems(run)).toEqual(expected)
  })

  it('reports exactly the expected info findings', () => {
    const info = findings(run)
      .filter((f) => f.severity === 'info')
      .map((f) => `${f.rule}@${f.vault}`)
      .sort()
    const expected = Object.entries(EXPECTED)
      .flatMap(([vault, e]) => (e.info ?? []).map((rule) => `${rule}@${vault}`))
      .sort()
    expect(info).toEqual(expected)
  })

  it("gives every finding its rule's default severity, and every problem a fix", () => {
    for (const f of findings(run).filter((x) => x.severity !== 'pass')) {
      expect([f.rule, f.severity]).toEqual([f.rule, CONTROL_PLANE_RULES[f.rule]])
      if (f.severity !== 'info') expect([f.rule, f.fix]).toEqual([f.rule, expect.any(String)])
      expect(f.docs).toMatch(/^https:\/\/learn\.microsoft\.com\//)
    }
  })

  it('passes the control vault on every check', () => {
    const mine = findings(run).filter((f) => f.vault === 'kv-healthy')
    expect(mine.every((f) => f.severity === 'pass')).toBe(true)
    expect(mine.length).toBeGreaterThan(10)
  })

  it('PE-NONE: no connection at all; the fix creates one for the vault', () => {
    const f = only(run, 'kv-pe-none', 'PE-NONE')
    expect(f.severity).toBe('error')
    expect(f.message).toContain('no private endpoint connection at all')
    expect(f.observed).toBe('0 connections')
    expect(f.fix).toMatch(
      /az network private-endpoint create .*--private-connection-resource-id \S+\/vaults\/kv-pe-none /
    )
    expect(f.fix).toContain(`privateDnsZones/${ZONE}`)
  })

  it('PE-NOT-APPROVED: Pending; the fix approves it', () => {
    const f = only(run, 'kv-pe-not-approved', 'PE-NOT-APPROVED')
    expect(f.observed).toBe('Pending')
    expect(f.expected).toBe('Approved')
    expect(f.fix).toMatch(
      /az network private-endpoint-connection approve --id \S+\/vaults\/kv-pe-not-approved\/privateEndpointConnections\/pe-kv-pe-not-approved\./
    )
  })

  it('PE-NOT-SUCCEEDED: an approved connection whose endpoint Failed; the fix recreates it', () => {
    const f = only(run, 'kv-pe-not-succeeded', 'PE-NOT-SUCCEEDED')
    expect(f.severity).toBe('error')
    expect(f.resource).toBe(PE_ID('pe-kv-pe-not-succeeded'))
    expect(f.message).toContain('is provisioned Failed, not Succeeded')
    expect(f.message).toContain('no other approved private endpoint of the vault serves vnet-app')
    expect(f.observed).toBe('Failed')
    expect(f.expected).toBe('Succeeded')
    expect(f.fix).toContain(
      `az network private-endpoint delete --ids ${PE_ID('pe-kv-pe-not-succeeded')}`
    )
    expect(f.fix).toMatch(
      /az network private-endpoint create --name pe-kv-pe-not-succeeded .*--subnet \S+\/virtualNetworks\/vnet-app\/subnets\/snet-private-endpoints/
    )
  })

  it('PE-LEFTOVER: a Rejected connection beside an effective one in the same VNet', () => {
    const f = only(run, 'kv-pe-leftover', 'PE-LEFTOVER')
    expect(f.severity).toBe('warning')
    expect(f.resource).toMatch(
      /\/vaults\/kv-pe-leftover\/privateEndpointConnections\/pe-kv-pe-leftover-old\./
    )
    expect(f.message).toContain('pe-kv-pe-leftover-old in VNet vnet-app')
    expect(f.message).toContain('pe-kv-pe-leftover already serves vnet-app')
    expect(f.observed).toContain('status Rejected')
    expect(f.fix).toBe(`az network private-endpoint delete --ids ${PE_ID('pe-kv-pe-leftover-old')}`)
  })

  it('PE-LEFTOVER: a connection whose private endpoint was deleted', () => {
    const f = only(run, 'kv-pe-leftover-deleted', 'PE-LEFTOVER')
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('pe-kv-pe-leftover-gone, which no longer exists (Disconnected)')
    expect(f.observed).toBe(`private endpoint ${PE_ID('pe-kv-pe-leftover-gone')} not found`)
    expect(f.fix).toMatch(
      /^az network private-endpoint-connection delete --id \S+\/vaults\/kv-pe-leftover-deleted\/privateEndpointConnections\/pe-kv-pe-leftover-gone\.\S+ --yes$/
    )
  })

  it('PE-DUPLICATE-VNET: two effective endpoints in vnet-app; keeps the one in DNS', () => {
    const f = only(run, 'kv-pe-duplicate-vnet', 'PE-DUPLICATE-VNET')
    expect(f.severity).toBe('warning')
    expect(f.resource).toBe(PE_ID('pe-kv-pe-duplicate-vnet-2'))
    expect(f.message).toContain('VNet vnet-app holds 2 effective private endpoints')
    expect(f.message).toContain('pe-kv-pe-duplicate-vnet (10.50.1.10)')
    expect(f.message).toContain(
      'The A record points to pe-kv-pe-duplicate-vnet, so delete pe-kv-pe-duplicate-vnet-2'
    )
    expect(f.fix).toBe(
      `az network private-endpoint delete --ids ${PE_ID('pe-kv-pe-duplicate-vnet-2')}`
    )
  })

  it('PE-IP-NOT-PRIVATE: an endpoint with the public 20.40.1.4', () => {
    const f = only(run, 'kv-pe-ip-not-private', 'PE-IP-NOT-PRIVATE')
    expect(f.severity).toBe('error')
    expect(f.message).toContain('has IP 20.40.1.4 (public)')
    expect(f.observed).toBe('20.40.1.4')
    expect(f.fix).toContain(
      `az network private-endpoint delete --ids ${PE_ID('pe-kv-pe-ip-not-private')}`
    )
    expect(f.fix).toMatch(/private-endpoint create --name pe-kv-pe-ip-not-private /)
  })

  it('PE-DNS-CONFIG-MULTIPLE: two DNS entries for the hostname; names the stale IP', () => {
    const f = only(run, 'kv-pe-dns-config-multi', 'PE-DNS-CONFIG-MULTIPLE')
    expect(f.severity).toBe('warning')
    expect(f.message).toContain(
      'lists 2 DNS entries with 2 IPs for kv-pe-dns-config-multi.vault.azure.net'
    )
    expect(f.observed).toContain('→ 10.50.1.112')
    expect(f.expected).toBe('one entry for kv-pe-dns-config-multi.vault.azure.net → 10.50.1.12')
    // The static IP configuration that holds the stale address is what to remove.
    expect(f.fix).toContain('ip-config remove --endpoint-name pe-kv-pe-dns-config-multi')
    expect(f.fix).toContain('--name pestaticconfig2')
  })

  it('FW-PUBLIC-OPEN: Enabled and Allow; the fix disables public access', () => {
    const f = only(run, 'kv-fw-public-open', 'FW-PUBLIC-OPEN')
    expect(f.observed).toContain('publicNetworkAccess Enabled, defaultAction Allow')
    expect(f.fix).toBe(
      `az keyvault update --name kv-fw-public-open --resource-group ${VAULT_RG} --subscription ${SUB} --public-network-access Disabled`
    )
  })

  it('FW-RULES-PRESENT: Deny with an IP and a VNet rule; the fix removes both', () => {
    const f = only(run, 'kv-fw-rules-present', 'FW-RULES-PRESENT')
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('IPs 203.0.113.7/32; subnets vnet-app/snet-app')
    expect(f.observed).toBe('1 IP rule(s), 1 VNet rule(s)')
    expect(f.expected).toBe('no IP or VNet rules')
    expect(f.fix).toContain('az keyvault network-rule remove --name kv-fw-rules-present')
    expect(f.fix).toContain('--ip-address 203.0.113.7/32')
    expect(f.fix).toMatch(/--subnet \S+\/virtualnetworks\/vnet-app\/subnets\/snet-app/)
  })

  it('FW-TRUSTED-SERVICES: bypass AzureServices is reported as info', () => {
    const f = only(run, 'kv-fw-trusted-services', 'FW-TRUSTED-SERVICES')
    expect(f.severity).toBe('info')
    expect(f.observed).toBe('bypass AzureServices')
    expect(f.fix).toContain('az keyvault update --name kv-fw-trusted-services')
    expect(f.fix).toContain('--bypass None')
  })

  it('DNS-ZONE-MISNAMED: the zone group writes into privatelink.vault.azure.net', () => {
    const f = only(run, 'kv-dns-zone-misnamed', 'DNS-ZONE-MISNAMED')
    expect(f.severity).toBe('error')
    expect(f.resource).toMatch(/\/privateDnsZones\/privatelink\.vault\.azure\.net$/)
    expect(f.observed).toBe('privatelink.vault.azure.net')
    expect(f.expected).toBe(ZONE)
    expect(f.message).toContain(
      "pe-kv-dns-zone-misnamed's DNS zone group default writes its record into it"
    )
    expect(f.message).toContain('A record kv-dns-zone-misnamed → 10.50.1.16')
    expect(f.fix).toMatch(
      /dns-zone-group create --endpoint-name pe-kv-dns-zone-misnamed .*--private-dns-zone \S+\/privateDnsZones\/privatelink\.vaultcore\.azure\.net /
    )
    expect(f.fix).toContain('record-set a delete -g rg-dns -z privatelink.vault.azure.net')
  })

  it('DNS-LINK-MISSING: vnet-unlinked is not linked; the fix links it', () => {
    const f = only(run, 'kv-dns-link-missing', 'DNS-LINK-MISSING')
    expect(f.expected).toBe('linked to vnet-unlinked')
    expect(f.fix).toMatch(
      /az network private-dns link vnet create -g rg-dns -z privatelink\.vaultcore\.azure\.net .*-v \S+\/virtualNetworks\/vnet-unlinked/
    )
  })

  it('DNS-LINK-NOT-READY: the link to vnet-linking is InProgress', () => {
    const f = only(run, 'kv-dns-link-not-ready', 'DNS-LINK-NOT-READY')
    expect(f.severity).toBe('error')
    expect(f.resource).toMatch(/\/virtualNetworkLinks\/link-vnet-linking$/)
    expect(f.observed).toBe('link state InProgress, provisioning Succeeded')
    expect(f.expected).toBe('link state Completed, provisioning Succeeded')
    expect(f.message).toContain('can take a few minutes')
    expect(f.fix).toContain('link vnet delete -g rg-dns -z privatelink.vaultcore.azure.net')
    expect(f.fix).toMatch(
      /link vnet create .* -n link-vnet-linking -v \S+\/virtualNetworks\/vnet-linking/
    )
  })

  it('DNS-RECORD-MISSING: no record, clients get NXDOMAIN', () => {
    const f = only(run, 'kv-dns-record-missing', 'DNS-RECORD-MISSING')
    expect(f.message).toContain('get NXDOMAIN')
    expect(f.message).not.toContain('NxDomainRedirect')
    expect(f.expected).toBe('A record kv-dns-record-missing → 10.50.1.17')
    expect(f.fix).toContain('-n kv-dns-record-missing -a 10.50.1.17')
  })

  it('DNS-RECORD-MISSING with NxDomainRedirect: says clients silently fall back to the public IP', () => {
    const f = only(run, 'kv-dns-record-missing-nx', 'DNS-RECORD-MISSING')
    expect(f.severity).toBe('error')
    expect(f.message).toContain('link-vnet-redirect uses resolutionPolicy NxDomainRedirect')
    expect(f.message).toContain(
      "silently fall back to the vault's public IP instead of getting NXDOMAIN"
    )
    expect(f.observed).toBe(
      'no A record kv-dns-record-missing-nx (link resolutionPolicy NxDomainRedirect)'
    )
    expect(f.expected).toBe('A record kv-dns-record-missing-nx → 10.52.1.4')
    expect(f.fix).toContain('record-set a add-record -g rg-dns -z privatelink.vaultcore.azure.net')
    expect(f.fix).toContain('-n kv-dns-record-missing-nx -a 10.52.1.4')
  })

  it('DNS-RECORD-NAME: the record is named kv-dns-record-name.vault', () => {
    const f = only(run, 'kv-dns-record-name', 'DNS-RECORD-NAME')
    expect(f.severity).toBe('error')
    expect(f.resource).toMatch(/\/A\/kv-dns-record-name\.vault$/)
    expect(f.observed).toBe('kv-dns-record-name.vault')
    expect(f.expected).toBe('kv-dns-record-name')
    expect(f.fix).toContain('record-set a delete -g rg-dns -z privatelink.vaultcore.azure.net')
    expect(f.fix).toContain('-n kv-dns-record-name.vault --yes')
    expect(f.fix).toContain('-n kv-dns-record-name -a 10.50.1.18')
  })

  it('DNS-RECORD-WRONG-IP: 10.50.1.99 instead of 10.50.1.19', () => {
    const f = only(run, 'kv-dns-record-wrong-ip', 'DNS-RECORD-WRONG-IP')
    expect(f.observed).toBe('10.50.1.99')
    expect(f.expected).toBe('10.50.1.19')
    expect(f.fix).toContain('-n kv-dns-record-wrong-ip -a 10.50.1.19')
  })

  it('DNS-RECORD-EXTRA-IP: a stale 10.50.1.200 beside 10.50.1.20', () => {
    const f = only(run, 'kv-dns-record-extra-ip', 'DNS-RECORD-EXTRA-IP')
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('10.50.1.200 (no private endpoint of the vault has it: stale)')
    expect(f.observed).toBe('10.50.1.20, 10.50.1.200')
    expect(f.expected).toBe('10.50.1.20')
    expect(f.fix).toBe(
      `az network private-dns record-set a remove-record -g rg-dns -z ${ZONE} --subscription ${SUB} -n kv-dns-record-extra-ip -a 10.50.1.200`
    )
  })

  it('DNS-RECORD-TTL: 3600 s', () => {
    const f = only(run, 'kv-dns-record-ttl', 'DNS-RECORD-TTL')
    expect(f.observed).toBe('3600')
    expect(f.fix).toMatch(/-n kv-dns-record-ttl --set ttl=\d+/)
  })

  it('DNS-ZONE-CONFLICT: vnet-app and vnet-branch share the zone with different IPs', () => {
    const f = only(run, 'kv-dns-zone-conflict', 'DNS-ZONE-CONFLICT')
    expect(f.severity).toBe('error')
    expect(f.resource).toMatch(
      /\/resourceGroups\/rg-dns\/providers\/Microsoft\.Network\/privateDnsZones\/privatelink\.vaultcore\.azure\.net$/
    )
    expect(f.observed).toBe('vnet-app → 10.50.1.22; vnet-branch → 10.53.1.4')
    expect(f.message).toContain(
      'clients in vnet-branch get an IP that is not their private endpoint'
    )
    expect(f.fix).toContain('link vnet delete -g rg-dns -z privatelink.vaultcore.azure.net')
    expect(f.fix).toContain('-n link-vnet-branch --yes')
    expect(f.fix).toMatch(/link vnet create .*-v \S+\/virtualNetworks\/vnet-branch/)
    expect(f.fix).toContain('-n kv-dns-zone-conflict -a 10.53.1.4')
    // The record is wrong for vnet-branch, and says the conflict is why.
    const wrong = only(run, 'kv-dns-zone-conflict', 'DNS-RECORD-WRONG-IP')
    expect(wrong.expected).toBe('10.53.1.4')
    expect(wrong.message).toContain('see DNS-ZONE-CONFLICT')
  })

  it('VNET-CUSTOM-DNS: vnet-onprem-dns uses 10.55.0.4 and 10.55.0.5 (info)', () => {
    const f = only(run, 'kv-vnet-custom-dns', 'VNET-CUSTOM-DNS')
    expect(f.severity).toBe('info')
    expect(f.observed).toBe('DNS servers 10.55.0.4, 10.55.0.5')
    expect(f.message).toContain('168.63.129.16')
  })
})

describe('reading Azure over the every-rule estate', () => {
  it('reports a missing vault, a 403 and a failing read, each for its vault only', async () => {
    const estate = everyRuleEstate()
    estate.deny = [{ scope: PE_ID('pe-kv-healthy') }]
    const emu = await startEmulator({
      estate,
      faults: [{ match: 'privateEndpoints/pe-kv-dns-record-ttl?', status: 503 }]
    })
    try {
      const run = note(
        await runAgainst(emu, {
          vaults: 'kv-healthy, kv-dns-record-ttl, kv-fw-public-open, kv-ghost'
        })
      )
      expect(problems(run)).toEqual([
        'ACCESS-DENIED@kv-healthy',
        'ARM-ERROR@kv-dns-record-ttl',
        'FW-PUBLIC-OPEN@kv-fw-public-open',
        'VAULT-NOT-FOUND@kv-ghost'
      ])
      const denied = only(run, 'kv-healthy', 'ACCESS-DENIED')
      expect(denied.resource).toBe(PE_ID('pe-kv-healthy'))
      expect(denied.message).toContain('Microsoft.Network/privateEndpoints/read')
      // Everything that works from the endpoint is reported as not run, DNS included.
      expect(denied.notRun).toEqual(
        expect.arrayContaining(['PE-NOT-SUCCEEDED', 'PE-IP-NOT-PRIVATE', 'DNS-RECORD-WRONG-IP'])
      )
      expect(denied.fix).toMatch(/^az role assignment create --assignee \S+ --role Reader --scope /)
      expect(only(run, 'kv-dns-record-ttl', 'ARM-ERROR').resource).toBe(
        PE_ID('pe-kv-dns-record-ttl')
      )
      expect(only(run, 'kv-ghost', 'VAULT-NOT-FOUND').message).toContain('kv-ghost')
    } finally {
      await emu.stop()
    }
  })
})

describe('hub and spoke: the zone in the connectivity subscription', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ estate: hubSpokeEstate() })
  })
  afterAll(() => emu.stop())

  it('reports DNS-ZONE-MISSING by default and points at dns-zone-scopes', async () => {
    const run = note(await runAgainst(emu))
    expect(problems(run)).toEqual([`DNS-ZONE-MISSING@${VAULT_NAME}`])
    const f = only(run, VAULT_NAME, 'DNS-ZONE-MISSING')
    expect(f.severity).toBe('error')
    expect(f.message).toContain(`scopes searched (/subscriptions/${SPOKE_SUBSCRIPTION_ID})`)
    expect(f.message).toContain('dns-zone-scopes')
    expect(f.message).not.toContain(HUB_SUBSCRIPTION_ID)
    expect(f.fix).toMatch(
      /az network private-dns zone create -g \S+ -n privatelink\.vaultcore\.azure\.net/
    )
    expect(f.fix).toMatch(/link vnet create .*-v \S+\/virtualNetworks\/vnet-spoke-app/)
    expect(run.exitCode).toBe(1)
  })

  it.each([
    ['the hub subscription', HUB_SUBSCRIPTION_ID],
    ['the hub subscription as a scope', `/subscriptions/${HUB_SUBSCRIPTION_ID}`],
    [
      'the hub DNS resource group',
      `/subscriptions/${HUB_SUBSCRIPTION_ID}/resourceGroups/${HUB_DNS_RG}`
    ]
  ])('passes with %s in dns-zone-scopes', async (_label, scope) => {
    const run = note(await runAgainst(emu, { 'dns-zone-scopes': scope }))
    expect(problems(run)).toEqual([])
    expect(run.outputs.result).toBe('pass')
    expect(run.exitCode).toBe(0)
    const passed = (rule: string): Finding | undefined =>
      findings(run).find((f) => f.rule === rule && f.severity === 'pass' && f.vault === VAULT_NAME)
    expect(passed('DNS-ZONE-MISSING')?.resource).toContain(`/subscriptions/${HUB_SUBSCRIPTION_ID}/`)
    expect(passed('DNS-LINK-MISSING')).toBeDefined()
    expect(passed('DNS-RECORD-WRONG-IP')?.observed).toBe(VAULT_IP)
  })
})

// The client VNet rules in detail: clients.test.ts. Here, each reached once at its severity.
describe('client VNets and the DNS path (estate clients.js)', () => {
  it.each([
    ['ruleset-onprem', 'DNS-FORWARDING-RULE'],
    ['ruleset-loop', 'DNS-FORWARDING-LOOP'],
    ['peering-initiated', 'VNET-PEERING-NOT-CONNECTED'],
    ['not-peered', 'VNET-NO-ROUTE-TO-PE']
  ] as const)('%s: %s', async (scenario, rule) => {
    const emu = await startEmulator({ estate: clientsEstate(scenario) })
    try {
      const run = note(await runAgainst(emu, { 'client-vnets': clientVnetsInput(scenario) }))
      const hits = findings(run).filter((f) => f.rule === rule && f.severity !== 'pass')
      expect(hits.length).toBeGreaterThan(0)
      for (const f of hits) expect(f.severity).toBe(CONTROL_PLANE_RULES[rule])
    } finally {
      await emu.stop()
    }
  })
})

describe('coverage of the rule catalogue', () => {
  it('lists exactly the control-plane rules of the catalogue', () => {
    const controlPlane = RULE_IDS.filter(
      (rule) =>
        !rule.startsWith('PROBE-') && !rule.startsWith('PLAN-') && rule !== 'PUBLIC-ACCESS-OPEN'
    )
    expect(Object.keys(CONTROL_PLANE_RULES).sort()).toEqual([...controlPlane].sort())
  })

  it('reaches every control-plane rule from an emulator estate', () => {
    const missing = Object.keys(CONTROL_PLANE_RULES).filter((rule) => !reached.has(rule))
    expect(missing).toEqual([])
  })
})
