// Client VNets and the DNS path, end to end: the built action over the emulator's hub and spoke
// (emulator/estates/clients.js), with and without `client-vnets`.
import { describe, expect, it } from '@jest/globals'
import clientsEstate, {
  clientVnetsInput,
  INBOUND_IP,
  SECOND_SUBSCRIPTION_ID,
  SUBSCRIPTION_ID
} from '../../emulator/estates/clients.js'
import { findings, problems, runAgainst, startEmulator, type ActionRun } from './harness.js'

type Scenario = Parameters<typeof clientsEstate>[0]

async function runScenario(
  scenario: Scenario,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  const emu = await startEmulator({ estate: clientsEstate(scenario) })
  try {
    return await runAgainst(emu, inputs)
  } finally {
    await emu.stop()
  }
}

const withClients = (scenario: Scenario, extra: Record<string, string> = {}) =>
  runScenario(scenario, { 'client-vnets': clientVnetsInput(scenario), ...extra })

function only(run: ActionRun, rule: string) {
  const hits = findings(run).filter((f) => f.rule === rule && f.severity !== 'pass')
  expect(hits).toHaveLength(1)
  return hits[0]!
}

const HUB_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworks/vnet-hub`

describe('a healthy hub and spoke with a DNS private resolver in the hub', () => {
  it.each([
    ['without client-vnets', {}],
    ['with the AKS spoke as a client', { 'client-vnets': clientVnetsInput('healthy') }],
    ['with client-vnets: peered', { 'client-vnets': 'peered' }]
  ])('%s: pass, no error or warning, the spoke resolves through the hub', async (_, inputs) => {
    const run = await runScenario('healthy', inputs)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(problems(run)).toEqual([])
    const link = findings(run).filter((f) => f.rule === 'DNS-LINK-MISSING')
    expect(link.map((f) => f.severity)).toEqual(link.map(() => 'pass'))
    expect(link[0]?.message).toContain(
      'is linked to VNet vnet-hub, where Azure DNS answers for VNet vnet-spoke-app'
    )
    const custom = findings(run).find((f) => f.rule === 'VNET-CUSTOM-DNS')
    expect(custom?.severity).toBe('pass')
    // The summary says per VNet that must resolve the vault that it resolves privately.
    expect(run.summary).toMatch(
      /<strong>VNets that must resolve it:<\/strong> ✅ <code>vnet-spoke-app<\/code> resolves privately/
    )
    expect(custom?.message).toContain(`inbound endpoints of DNS private resolver dnspr-hub`)
  })

  it('peered: the hub and the AKS spoke are clients, their peerings Connected', async () => {
    const run = await runScenario('healthy', { 'client-vnets': 'peered' })
    const peerings = findings(run).filter((f) => f.rule === 'VNET-PEERING-NOT-CONNECTED')
    expect(peerings.map((f) => `${f.severity} ${f.message.split(' and VNet')[0]}`).sort()).toEqual([
      'pass Client VNet vnet-hub',
      'pass Client VNet vnet-spoke-aks'
    ])
  })
})

describe('broken client DNS paths', () => {
  it('a client spoke with Azure-provided DNS linked to nothing: point it at the inbound endpoint', async () => {
    expect(problems(await runScenario('spoke-unlinked'))).toEqual([])
    const run = await withClients('spoke-unlinked')
    expect(run.outputs.result).toBe('fail')
    expect(problems(run)).toEqual(['DNS-LINK-MISSING@kv-clients'])
    // Per client in the summary: the PE's spoke resolves privately, the AKS spoke does not.
    expect(run.summary).toContain(
      '**VNets that must resolve it:** ❌ <code>vnet-spoke-aks</code> does not: <code>DNS-LINK-MISSING</code> · ✅ <code>vnet-spoke-app</code> resolves privately'
    )
    const f = only(run, 'DNS-LINK-MISSING')
    expect(f.severity).toBe('error')
    expect(f.message).toContain(
      'VNet vnet-spoke-aks (a client VNet of key vault kv-clients) uses Azure-provided DNS'
    )
    expect(f.message).toContain(
      `DNS private resolver dnspr-hub has its inbound endpoint (${INBOUND_IP})`
    )
    expect(f.fix).toBe(
      `az network vnet update -g rg-spoke-network -n vnet-spoke-aks --dns-servers ${INBOUND_IP} --subscription ${SUBSCRIPTION_ID}`
    )
  })

  it("the resolver's VNet not linked (the zone linked to the spokes): link the hub, once for both spokes", async () => {
    const run = await withClients('resolver-unlinked')
    expect(problems(run)).toEqual(['DNS-LINK-MISSING@kv-clients'])
    const f = only(run, 'DNS-LINK-MISSING')
    expect(f.message).toContain(
      'is not linked to VNet vnet-hub, where Azure DNS answers for VNet vnet-spoke-app (which holds a private endpoint of key vault kv-clients) and for vnet-spoke-aks'
    )
    expect(f.message).toContain(
      `vnet-spoke-app → ${INBOUND_IP} (inbound endpoint of DNS private resolver dnspr-hub) → Azure DNS in vnet-hub`
    )
    expect(f.message).toContain('a link to vnet-spoke-app itself does not help')
    expect(f.fix).toContain(`-v ${HUB_ID} -e false`)
  })

  it('a ruleset sending vaultcore.azure.net on premises: DNS-FORWARDING-RULE, disable it (an extension)', async () => {
    const run = await withClients('ruleset-onprem')
    expect(run.outputs.result).toBe('warn')
    expect(problems(run)).toEqual(['DNS-FORWARDING-RULE@kv-clients'])
    const f = only(run, 'DNS-FORWARDING-RULE')
    expect(f.severity).toBe('warning')
    expect(f.message).toContain(
      'ruleset frs-hub, linked to VNet vnet-hub, has an enabled rule vaultcore for vaultcore.azure.net. that takes kv-clients.privatelink.vaultcore.azure.net and sends it to 192.168.10.4:53'
    )
    expect(f.message).toContain('vnet-spoke-app, vnet-spoke-aks')
    expect(f.message).toContain('az extension add --name dns-resolver')
    expect(f.fix).toBe(
      `az dns-resolver forwarding-rule update -g rg-hub-network --ruleset-name frs-hub --subscription ${SUBSCRIPTION_ID} -n vaultcore --forwarding-rule-state Disabled`
    )
  })

  it("a ruleset loop (a rule to the hub's own inbound endpoint): DNS-FORWARDING-LOOP, unlink the hub", async () => {
    const run = await runScenario('ruleset-loop')
    expect(run.exitCode).toBe(1)
    expect(problems(run)).toEqual(['DNS-FORWARDING-LOOP@kv-clients'])
    const f = only(run, 'DNS-FORWARDING-LOOP')
    expect(f.message).toContain('comes back to VNet vnet-hub, which it already passed')
    expect(f.message).toContain(
      'forwarding rule privatelink (privatelink.vaultcore.azure.net.) of ruleset frs-hub'
    )
    expect(f.fix).toBe(
      `az dns-resolver vnet-link delete -g rg-hub-network --ruleset-name frs-hub --subscription ${SUBSCRIPTION_ID} -n link-vnet-hub --yes`
    )
  })

  it('a forwarder VM in the hub: assumed to forward there (info), the hub link serves the spokes', async () => {
    const run = await withClients('forwarder-vm')
    expect(run.outputs.result).toBe('pass')
    expect(problems(run)).toEqual([])
    const infos = findings(run).filter((f) => f.rule === 'VNET-CUSTOM-DNS')
    expect(infos.map((f) => f.severity)).toEqual(['info', 'info'])
    expect(infos[0]?.message).toContain(
      '10.100.2.4 lies in VNet vnet-hub: assumed to be a forwarder that sends privatelink.vaultcore.azure.net to 168.63.129.16 there'
    )
  })

  it('DNS servers outside every known VNet: not followed (info), no false DNS-LINK-MISSING', async () => {
    const run = await withClients('dns-outside')
    expect(problems(run)).toEqual([])
    const info = findings(run).filter((f) => f.rule === 'VNET-CUSTOM-DNS' && f.severity === 'info')
    expect(info).toHaveLength(2)
    expect(info[1]?.message).toContain('192.168.1.53 is outside every known VNet')
    expect(info[1]?.message).toContain('not followed')
  })

  it('a same-named zone in a second subscription linked to a client and lacking the record', async () => {
    const run = await withClients('second-zone', { 'dns-zone-scopes': SECOND_SUBSCRIPTION_ID })
    expect(problems(run)).toEqual(['DNS-RECORD-MISSING@kv-clients'])
    const f = only(run, 'DNS-RECORD-MISSING')
    expect(f.message).toContain('is linked to VNet vnet-spoke-aks but has no A record kv-clients')
    expect(f.fix).toContain(
      `az network private-dns record-set a add-record -g rg-aks-dns -z privatelink.vaultcore.azure.net --subscription ${SECOND_SUBSCRIPTION_ID} -n kv-clients -a 10.101.1.4`
    )
  })

  it('a peering in Initiated and one Disconnected: create the missing side, recreate the Disconnected one', async () => {
    for (const run of [
      await withClients('peering-initiated'),
      await runScenario('peering-initiated', { 'client-vnets': 'peered' })
    ]) {
      expect(problems(run)).toEqual([
        'VNET-PEERING-NOT-CONNECTED@kv-clients',
        'VNET-PEERING-NOT-CONNECTED@kv-clients'
      ])
      const [aks, batch] = findings(run).filter(
        (f) => f.rule === 'VNET-PEERING-NOT-CONNECTED' && f.severity === 'error'
      )
      expect(aks?.message).toContain(
        'vnet-spoke-aks: peering peer-vnet-spoke-app Initiated; vnet-spoke-app: no peering'
      )
      expect(aks?.fix).toMatch(
        /^az network vnet peering create -g rg-spoke-network --vnet-name vnet-spoke-app -n vnet-spoke-app-to-vnet-spoke-aks /
      )
      expect(batch?.message).toContain(
        'delete and recreate the Disconnected side in vnet-spoke-batch'
      )
      expect(batch?.fix?.split('\n')).toHaveLength(3)
      expect(batch?.fix).toMatch(
        /^az network vnet peering delete -g rg-spoke-network --vnet-name vnet-spoke-batch -n peer-vnet-spoke-app /
      )
    }
  })

  it('a client not peered with the endpoint VNet: VNET-NO-ROUTE-TO-PE, peer both sides', async () => {
    const run = await withClients('not-peered')
    expect(run.outputs.result).toBe('warn')
    expect(problems(run)).toEqual(['VNET-NO-ROUTE-TO-PE@kv-clients'])
    const f = only(run, 'VNET-NO-ROUTE-TO-PE')
    expect(f.message).toContain('neither part of nor directly peered with it')
    expect(f.fix?.split('\n')).toHaveLength(2)
  })
})
