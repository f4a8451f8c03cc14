// `plan` end to end: the built action over the emulator's estates, with what-if results and
// Terraform plans in the real formats built for those estates. The rules judge the live state with
// the change applied; findings carry `change`, `resolved` lists what the change fixes, and with
// `gate: new` only what the change introduces fails the step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import healthyEstate, { SUBSCRIPTION_ID, VAULT_RG } from '../../emulator/estates/healthy.js'
import sampleEstate from '../../emulator/estates/sample.js'
import clientsEstate, {
  clientVnetsInput,
  HUB_RG,
  INBOUND_IP,
  SPOKE_RG,
  SUBSCRIPTION_ID as CLIENTS_SUB
} from '../../emulator/estates/clients.js'
import {
  dnsForwardingRuleset,
  privateDnsZoneGroup,
  privateEndpoint,
  resourceId,
  vault as vaultResource,
  virtualNetworkLink,
  VAULT_ZONE
} from '../../emulator/estate.js'
import { runAction } from '../../scripts/run-action.mjs'
import {
  errorLines,
  findings,
  runAgainst,
  startEmulator,
  type ActionRun,
  type Emulator,
  type Finding
} from './harness.js'

const NETWORK_RG = 'rg-network'
const DNS_RG = 'rg-dns'
const zoneId = resourceId(SUBSCRIPTION_ID, DNS_RG, 'Microsoft.Network/privateDnsZones', VAULT_ZONE)
const linkId = `${zoneId}/virtualNetworkLinks/link-vnet-app-prod`
const vnetId = resourceId(
  SUBSCRIPTION_ID,
  NETWORK_RG,
  'Microsoft.Network/virtualNetworks',
  'vnet-app-prod'
)
const peSubnet = `${vnetId}/subnets/snet-private-endpoints`
const paymentsId = resourceId(
  SUBSCRIPTION_ID,
  VAULT_RG,
  'Microsoft.KeyVault/vaults',
  'kv-payments-prod'
)

let workspace: string
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'kvpld-plan-e2e-'))
})
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

/** Writes a plan file into the workspace and returns its relative path. */
function planFile(name: string, document: unknown): string {
  writeFileSync(join(workspace, name), JSON.stringify(document, null, 2))
  return name
}

/** The Azure CLI's `--no-pretty-print` shape. */
function whatIf(changes: unknown[]): unknown {
  return { status: 'Succeeded', changes, error: null }
}

function byRule(run: ActionRun, rule: string, vault: string): Finding[] {
  return findings(run).filter((f) => f.rule === rule && f.vault === vault)
}

async function runPlan(emu: Emulator, plan: string, inputs: Record<string, string> = {}) {
  return runAgainst(emu, { plan, ...inputs }, { GITHUB_WORKSPACE: workspace })
}

describe('a what-if on the healthy estate', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ estate: healthyEstate() })
  })
  afterAll(() => emu.stop())

  it('deleting the zone’s VNet link: DNS-LINK-MISSING is new, the step fails', async () => {
    const estate = healthyEstate()
    const link = estate.resources.find((r: { id: string }) => r.id === linkId)
    const plan = planFile(
      'delete-link.json',
      whatIf([{ resourceId: linkId, changeType: 'Delete', before: link, after: null, delta: [] }])
    )
    const run = await runPlan(emu, plan)
    expect(run.exitCode).toBe(1)
    const missing = byRule(run, 'DNS-LINK-MISSING', 'kv-payments-prod')
    expect(missing.map((f) => [f.severity, f.change])).toEqual([['error', 'new']])
    expect(byRule(run, 'DNS-LINK-MISSING', 'kv-orders-prod')[0]?.change).toBe('new')
    expect(run.outputs['new-errors']).toBe(String(run.report.counts.error))
    expect(Number(run.outputs['new-errors'])).toBeGreaterThanOrEqual(2)
    expect(run.outputs['new-warnings']).toBe('0')
    expect(run.report.resolved).toEqual([])
    expect(run.report.plan).toEqual({ format: 'what-if', path: plan, resources: 1 })
    expect(errorLines(run).join('\n')).toMatch(
      /the change introduces \d+ error\(s\), 0 warning\(s\); 0 were there before \(fail-on: error, gate: new\)/
    )
    // Unchanged passes stay unchanged: the firewall is not touched.
    expect(byRule(run, 'FW-PUBLIC-OPEN', 'kv-payments-prod')[0]).toMatchObject({
      severity: 'pass',
      change: 'unchanged'
    })
  })

  it('raising the record’s TTL to 3600 (REST shape): DNS-RECORD-TTL is a new warning', async () => {
    const recordId = `${zoneId}/A/kv-payments-prod`
    const estate = healthyEstate()
    const before = estate.resources.find((r: { id: string }) => r.id === recordId)
    const after = { ...before, properties: { ...before.properties, ttl: 3600 } }
    const plan = planFile('ttl.json', {
      status: 'Succeeded',
      properties: { changes: [{ resourceId: recordId, changeType: 'Modify', before, after }] }
    })
    const run = await runPlan(emu, plan, { 'fail-on': 'warning' })
    const ttl = byRule(run, 'DNS-RECORD-TTL', 'kv-payments-prod')
    expect(ttl.map((f) => [f.severity, f.change, f.observed])).toEqual([['warning', 'new', '3600']])
    expect(run.outputs['new-warnings']).toBe('1')
    expect(run.exitCode).toBe(1)
  })

  it('opening the firewall: FW-PUBLIC-OPEN is new; read-only connections keep their live values', async () => {
    const estate = healthyEstate()
    const before = estate.resources.find((r: { id: string }) => r.id === paymentsId)
    const after = vaultResource({
      subscriptionId: SUBSCRIPTION_ID,
      resourceGroup: VAULT_RG,
      name: 'kv-payments-prod',
      publicNetworkAccess: 'Enabled'
    })
    const plan = planFile(
      'open.json',
      whatIf([{ resourceId: paymentsId, changeType: 'Modify', before, after }])
    )
    const run = await runPlan(emu, plan)
    expect(byRule(run, 'FW-PUBLIC-OPEN', 'kv-payments-prod')[0]).toMatchObject({
      severity: 'error',
      change: 'new'
    })
    // what-if lists privateEndpointConnections as removed; ARM keeps them.
    expect(byRule(run, 'PE-NONE', 'kv-payments-prod')[0]?.severity).toBe('pass')
    expect(run.exitCode).toBe(1)
  })

  const ordersPe = resourceId(
    SUBSCRIPTION_ID,
    VAULT_RG,
    'Microsoft.Network/privateEndpoints',
    'pe-kv-orders-prod'
  )

  /** The estate's resource with this ID, as ARM returns it (what-if's `before`). */
  function live(id: string) {
    return structuredClone(healthyEstate().resources.find((r: { id: string }) => r.id === id))
  }

  it.each([
    [
      'the A record pointed elsewhere by hand',
      () => {
        const before = live(`${zoneId}/A/kv-orders-prod`)
        const after = structuredClone(before)
        after.properties.aRecords = [{ ipv4Address: '10.20.1.99' }]
        return [{ resourceId: before.id, changeType: 'Modify', before, after }]
      },
      'DNS-RECORD-WRONG-IP'
    ],
    [
      'the zone group deleted (Azure removes the record it kept)',
      () => [{ resourceId: `${ordersPe}/privateDnsZoneGroups/default`, changeType: 'Delete' }],
      'DNS-RECORD-MISSING'
    ],
    [
      'the zone deleted',
      () => [{ resourceId: zoneId, changeType: 'Delete', before: live(zoneId) }],
      'DNS-ZONE-MISSING'
    ],
    [
      'the connection rejected',
      () => {
        const vault = live(
          resourceId(SUBSCRIPTION_ID, VAULT_RG, 'Microsoft.KeyVault/vaults', 'kv-orders-prod')
        )
        const connection = vault.properties.privateEndpointConnections[0]
        return [
          {
            resourceId: connection.id,
            changeType: 'Modify',
            after: {
              id: connection.id,
              type: 'Microsoft.KeyVault/vaults/privateEndpointConnections',
              properties: {
                privateLinkServiceConnectionState: { status: 'Rejected', description: 'no' }
              }
            }
          }
        ]
      },
      'PE-NOT-APPROVED'
    ]
  ])('%s: a new error on kv-orders-prod only', async (label, changes, rule) => {
    const plan = planFile(`break-${rule}.json`, whatIf(changes()))
    const run = await runPlan(emu, plan)
    expect(byRule(run, rule, 'kv-orders-prod').map((f) => [f.severity, f.change])).toEqual([
      ['error', 'new']
    ])
    if (rule !== 'DNS-ZONE-MISSING') {
      expect(
        findings(run).filter(
          (f) => f.vault === 'kv-payments-prod' && f.change === 'new' && f.severity !== 'pass'
        )
      ).toEqual([])
    }
    expect(run.exitCode).toBe(1)
  })

  it('a vault not named in vaults that the plan changes is read and judged too', async () => {
    const id = resourceId(SUBSCRIPTION_ID, VAULT_RG, 'Microsoft.KeyVault/vaults', 'kv-orders-prod')
    const before = live(id)
    const after = structuredClone(before)
    after.properties.publicNetworkAccess = 'Enabled'
    delete after.properties.networkAcls
    const plan = planFile(
      'open-orders.json',
      whatIf([{ resourceId: id, changeType: 'Modify', before, after }])
    )
    const run = await runPlan(emu, plan, { vaults: 'kv-payments-prod', 'resource-group': VAULT_RG })
    expect(run.report.vaults.map((v: { name: string }) => v.name).sort()).toEqual([
      'kv-orders-prod',
      'kv-payments-prod'
    ])
    expect(byRule(run, 'FW-PUBLIC-OPEN', 'kv-orders-prod')[0]).toMatchObject({
      severity: 'error',
      change: 'new'
    })
    expect(run.exitCode).toBe(1)
  })

  describe('with one vault named, the plan touches another vault’s network: that vault is read too', () => {
    const named = { vaults: 'kv-payments-prod', 'resource-group': VAULT_RG }
    const names = (run: ActionRun) => run.report.vaults.map((v: { name: string }) => v.name).sort()

    it('deleting the zone link of its endpoint’s VNet: DNS-LINK-MISSING is new for kv-orders-prod', async () => {
      const plan = planFile(
        'scope-delete-link.json',
        whatIf([{ resourceId: linkId, changeType: 'Delete', before: live(linkId), after: null }])
      )
      const run = await runPlan(emu, plan, named)
      expect(names(run)).toEqual(['kv-orders-prod', 'kv-payments-prod'])
      expect(byRule(run, 'DNS-LINK-MISSING', 'kv-orders-prod')[0]).toMatchObject({
        severity: 'error',
        change: 'new'
      })
      expect(run.stdout).toContain(
        'plan: 1 vault(s) with private endpoints in VNets whose zone links the plan changes: kv-orders-prod'
      )
      expect(run.exitCode).toBe(1)
    })

    it('pointing the VNet at a DNS server it cannot follow: VNET-CUSTOM-DNS is new for kv-orders-prod', async () => {
      const before = live(vnetId)
      const after = structuredClone(before)
      after.properties.dhcpOptions = { dnsServers: ['10.20.0.53'] }
      const plan = planFile(
        'scope-vnet-dns.json',
        whatIf([{ resourceId: vnetId, changeType: 'Modify', before, after }])
      )
      const run = await runPlan(emu, plan, named)
      expect(names(run)).toEqual(['kv-orders-prod', 'kv-payments-prod'])
      const fresh = findings(run).filter((f) => f.change === 'new' && f.severity !== 'pass')
      expect(fresh.map((f) => `${f.rule} ${f.vault}`).sort()).toEqual([
        'VNET-CUSTOM-DNS kv-orders-prod',
        'VNET-CUSTOM-DNS kv-payments-prod'
      ])
      expect(byRule(run, 'VNET-CUSTOM-DNS', 'kv-orders-prod')[0]).toMatchObject({
        severity: 'info',
        change: 'new'
      })
      expect(run.stdout).toContain(
        'plan: 1 vault(s) with private endpoints in VNets the plan changes: kv-orders-prod'
      )
      // An info finding: the step passes.
      expect(run.exitCode).toBe(0)
    })

    it('deleting its A record: DNS-RECORD-MISSING is new for kv-orders-prod', async () => {
      const recordId = `${zoneId}/A/kv-orders-prod`
      const plan = planFile(
        'scope-delete-record.json',
        whatIf([
          { resourceId: recordId, changeType: 'Delete', before: live(recordId), after: null }
        ])
      )
      const run = await runPlan(emu, plan, named)
      expect(names(run)).toEqual(['kv-orders-prod', 'kv-payments-prod'])
      expect(byRule(run, 'DNS-RECORD-MISSING', 'kv-orders-prod')[0]).toMatchObject({
        severity: 'error',
        change: 'new'
      })
      // The named vault keeps its record: nothing new there.
      expect(
        findings(run).filter(
          (f) => f.vault === 'kv-payments-prod' && f.change === 'new' && f.severity !== 'pass'
        )
      ).toEqual([])
      expect(run.stdout).toContain(
        'plan: 1 vault(s) named by A records the plan changes: kv-orders-prod'
      )
      expect(run.exitCode).toBe(1)
    })

    it('deleting a record of a vault that does not exist: nothing read for it, the step passes', async () => {
      const recordId = `${zoneId}/A/kv-long-gone`
      const plan = planFile(
        'scope-stale-record.json',
        whatIf([
          {
            resourceId: recordId,
            changeType: 'Delete',
            before: {
              name: 'kv-long-gone',
              type: 'Microsoft.Network/privateDnsZones/A',
              properties: { ttl: 10, aRecords: [{ ipv4Address: '10.20.1.99' }] }
            },
            after: null
          }
        ])
      )
      const run = await runPlan(emu, plan, named)
      expect(names(run)).toEqual(['kv-payments-prod'])
      expect(run.exitCode).toBe(0)
    })
  })

  it('an unchanged estate with NoChange and Ignore entries passes', async () => {
    const plan = planFile(
      'nochange.json',
      whatIf([
        { resourceId: linkId, changeType: 'NoChange' },
        { resourceId: vnetId, changeType: 'Ignore' },
        {
          resourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${VAULT_RG}/providers/Microsoft.Storage/storageAccounts/st1`,
          changeType: 'Create',
          after: { type: 'Microsoft.Storage/storageAccounts' }
        }
      ])
    )
    const run = await runPlan(emu, plan)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['new-errors']).toBe('0')
    expect(findings(run).every((f) => f.change === 'unchanged')).toBe(true)
  })

  it('a new vault with its endpoint and a zone group on the right zone: no false alarm', async () => {
    const newId = resourceId(SUBSCRIPTION_ID, VAULT_RG, 'Microsoft.KeyVault/vaults', 'kv-new-prod')
    const vault = vaultResource({
      subscriptionId: SUBSCRIPTION_ID,
      resourceGroup: VAULT_RG,
      name: 'kv-new-prod'
    })
    vault.properties.networkAcls = {
      defaultAction: 'Deny',
      bypass: 'None',
      ipRules: [],
      virtualNetworkRules: []
    }
    const pe = privateEndpoint({
      subscriptionId: SUBSCRIPTION_ID,
      resourceGroup: VAULT_RG,
      name: 'pe-kv-new-prod',
      subnetId: peSubnet,
      vaultId: newId
    })
    // What ARM fills in at apply is not in a what-if's `after`.
    delete (pe.properties as Record<string, unknown>).networkInterfaces
    delete (pe.properties as Record<string, unknown>).provisioningState
    const group = privateDnsZoneGroup({ peId: pe.id, zones: [{ zoneId, recordSets: [] }] })
    const plan = planFile(
      'new-vault.json',
      whatIf([
        { resourceId: newId, changeType: 'Create', after: vault },
        { resourceId: pe.id, changeType: 'Create', after: pe },
        { resourceId: group.id, changeType: 'Create', after: group }
      ])
    )
    const run = await runPlan(emu, plan)
    const mine = findings(run).filter((f) => f.vault === 'kv-new-prod')
    expect(mine.filter((f) => f.severity === 'error' || f.severity === 'warning')).toEqual([])
    expect(mine.find((f) => f.rule === 'DNS-RECORD-WRONG-IP')?.severity).toBe('pass')
    expect(mine.every((f) => f.change === 'new')).toBe(true)
    expect(JSON.stringify(mine)).toContain('known after apply')
    expect(run.report.vaults.map((v: { name: string }) => v.name)).toContain('kv-new-prod')
    // The stand-in for the new IP (the top of vnet-app-prod's 10.20.0.0/16) is never shown.
    expect(JSON.stringify(run.report)).not.toContain('10.20.255.254')
    expect(run.summary).not.toContain('10.20.255.254')
    // The picture marks what the change adds.
    expect(run.summary).toMatch(
      /Private endpoint<br>pe-kv-new-prod<br>IP known after apply<br>added by this change/
    )
    expect(run.summary).toContain('classDef planned')
    expect(run.exitCode).toBe(0)
  })
})

describe('bad plan inputs fail before any Azure call', () => {
  it.each([
    ['missing.json', /Input 'plan' is 'missing\.json': the file does not exist/],
    ['failed.json', /Input 'plan' is 'failed\.json': the what-if's status is 'Failed'/]
  ])('%s', async (plan, expected) => {
    writeFileSync(
      join(workspace, 'failed.json'),
      JSON.stringify({ status: 'Failed', error: { code: 'X', message: 'template invalid' } })
    )
    const emu = await startEmulator({ estate: healthyEstate() })
    try {
      const run = await runPlan(emu, plan)
      expect(run.exitCode).toBe(1)
      const lines = errorLines(run)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(expected)
      expect(emu.armRequestCount()).toBe(0)
    } finally {
      await emu.stop()
    }
  })
})

describe('a what-if on the sample estate (each vault broken a different way)', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ estate: sampleEstate() })
  })
  afterAll(() => emu.stop())

  const ttlRecordId = `${zoneId}/A/kv-ttl`
  const spokeVnet = resourceId(
    SUBSCRIPTION_ID,
    NETWORK_RG,
    'Microsoft.Network/virtualNetworks',
    'vnet-spoke-batch'
  )

  function fixingPlan(): string {
    const before = sampleEstate().resources.find((r: { id: string }) => r.id === ttlRecordId)
    const record = { ...before, properties: { ...before.properties, ttl: 300 } }
    const link = virtualNetworkLink({ zoneId, name: 'link-vnet-spoke-batch', vnetId: spokeVnet })
    // A template never carries what ARM sets: the link's state.
    delete (link.properties as Record<string, unknown>).virtualNetworkLinkState
    delete (link.properties as Record<string, unknown>).provisioningState
    return planFile(
      'fix.json',
      whatIf([
        { resourceId: ttlRecordId, changeType: 'Modify', before, after: record },
        { resourceId: link.id, changeType: 'Create', after: link }
      ])
    )
  }

  it('a change that fixes two vaults: resolved holds them, the step passes with gate new', async () => {
    const run = await runPlan(emu, fixingPlan())
    const resolved = (run.report.resolved as Finding[]).map((f) => `${f.rule}@${f.vault}`).sort()
    expect(resolved).toEqual(['DNS-LINK-MISSING@kv-nolink', 'DNS-RECORD-TTL@kv-ttl'])
    expect(byRule(run, 'DNS-RECORD-TTL', 'kv-ttl')[0]).toMatchObject({
      severity: 'pass',
      change: 'new'
    })
    expect(run.outputs['new-errors']).toBe('0')
    expect(run.outputs.result).toBe('fail') // the other broken vaults are still broken
    expect(run.exitCode).toBe(0)
    expect(run.summary).toMatch(
      /This change introduces 0 problems and fixes 2; \d+ were there before\./
    )
    expect(run.summary).toContain('There before this change.')
  })

  it('an unrelated change passes with gate new and fails with gate all', async () => {
    const plan = planFile(
      'unrelated.json',
      whatIf([
        {
          resourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${VAULT_RG}/providers/Microsoft.Storage/storageAccounts/stlogs`,
          changeType: 'Create',
          after: { type: 'Microsoft.Storage/storageAccounts', name: 'stlogs' }
        }
      ])
    )
    const gateNew = await runPlan(emu, plan)
    expect(gateNew.exitCode).toBe(0)
    expect(gateNew.outputs['new-errors']).toBe('0')
    expect(
      findings(gateNew)
        .filter((f) => f.severity === 'error')
        .every((f) => f.change === 'unchanged')
    ).toBe(true)
    const gateAll = await runPlan(emu, plan, { gate: 'all' })
    expect(gateAll.exitCode).toBe(1)
    expect(errorLines(gateAll).join('\n')).toMatch(
      /\d+ error\(s\), \d+ warning\(s\) \(fail-on: error\)/
    )
  })
})

describe('a Terraform plan on the healthy estate', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ estate: healthyEstate() })
  })
  afterAll(() => emu.stop())

  /** azurerm_private_endpoint of a vault of the healthy estate, as the state holds it. */
  function peState(vault: string, ip: string, withGroup: boolean): Record<string, unknown> {
    const id = resourceId(
      SUBSCRIPTION_ID,
      VAULT_RG,
      'Microsoft.Network/privateEndpoints',
      `pe-${vault}`
    )
    return {
      id,
      name: `pe-${vault}`,
      resource_group_name: VAULT_RG,
      location: 'westeurope',
      subnet_id: peSubnet,
      custom_network_interface_name: null,
      ip_configuration: [],
      private_service_connection: [
        {
          name: `pe-${vault}`,
          is_manual_connection: false,
          private_connection_resource_id: resourceId(
            SUBSCRIPTION_ID,
            VAULT_RG,
            'Microsoft.KeyVault/vaults',
            vault
          ),
          private_connection_resource_alias: null,
          private_ip_address: ip,
          request_message: null,
          subresource_names: ['vault']
        }
      ],
      private_dns_zone_group: withGroup
        ? [
            {
              id: `${id}/privateDnsZoneGroups/default`,
              name: 'default',
              private_dns_zone_ids: [zoneId]
            }
          ]
        : [],
      tags: {}
    }
  }

  /** A plan replacing the endpoint (e.g. a new subnet name forced it): its IP is known after apply. */
  function replacing(vault: string, ip: string, groupAfter: boolean): Record<string, unknown> {
    const before = peState(vault, ip, true)
    const after: Record<string, unknown> = { ...peState(vault, ip, groupAfter) }
    delete after.id
    const connection = (after.private_service_connection as Record<string, unknown>[])[0] as Record<
      string,
      unknown
    >
    delete connection.private_ip_address
    const address = `azurerm_private_endpoint.${vault.replace(/-/g, '_')}`
    return {
      format_version: '1.2',
      terraform_version: '1.9.4',
      resource_changes: [
        {
          address,
          mode: 'managed',
          type: 'azurerm_private_endpoint',
          name: vault.replace(/-/g, '_'),
          provider_name: 'registry.terraform.io/hashicorp/azurerm',
          change: {
            actions: ['delete', 'create'],
            before,
            after,
            after_unknown: {
              id: true,
              network_interface: true,
              private_service_connection: [
                { private_ip_address: true, subresource_names: [false] }
              ],
              custom_dns_configs: true,
              private_dns_zone_configs: true
            },
            replace_paths: [['subnet_id']]
          },
          action_reason: 'replace_because_cannot_update'
        }
      ],
      configuration: { root_module: { resources: [] } }
    }
  }

  it('a replaced endpoint that keeps its zone group: the record follows it, nothing new', async () => {
    const plan = planFile('tf-replace-group.json', replacing('kv-orders-prod', '10.20.1.5', true))
    const run = await runPlan(emu, plan)
    expect(run.report.plan).toEqual({ format: 'terraform', path: plan, resources: 2 })
    const wrongIp = byRule(run, 'DNS-RECORD-WRONG-IP', 'kv-orders-prod')
    expect(wrongIp.map((f) => f.severity)).toEqual(['pass'])
    expect(wrongIp[0]?.message).toContain('the private IP of pe-kv-orders-prod, known after apply')
    expect(run.outputs['new-errors']).toBe('0')
    expect(run.exitCode).toBe(0)
  })

  it('a replaced endpoint without a zone group: its record goes, DNS-RECORD-MISSING is new', async () => {
    const plan = planFile(
      'tf-replace-nogroup.json',
      replacing('kv-payments-prod', '10.20.1.4', false)
    )
    const run = await runPlan(emu, plan)
    const missing = byRule(run, 'DNS-RECORD-MISSING', 'kv-payments-prod')
    expect(missing.map((f) => [f.severity, f.change])).toEqual([['error', 'new']])
    // The fix needs the new IP, which Azure assigns at apply: a placeholder, and the message says so.
    expect(missing[0]?.fix).toContain("'<private IP of pe-kv-payments-prod>'")
    expect(missing[0]?.message).toMatch(
      /put the private IP of pe-kv-payments-prod in place of the placeholder/
    )
    expect(run.exitCode).toBe(1)
  })
  it('with one vault named, deleting another vault’s endpoint: that vault is read, PE-NONE is new', async () => {
    const before = peState('kv-orders-prod', '10.20.1.5', true)
    const plan = planFile('tf-delete-other-pe.json', {
      format_version: '1.2',
      terraform_version: '1.9.4',
      resource_changes: [
        {
          address: 'azurerm_private_endpoint.orders',
          mode: 'managed',
          type: 'azurerm_private_endpoint',
          name: 'orders',
          provider_name: 'registry.terraform.io/hashicorp/azurerm',
          change: { actions: ['delete'], before, after: null, after_unknown: {} },
          action_reason: 'delete_because_no_resource_config'
        }
      ],
      configuration: { root_module: { resources: [] } }
    })
    const run = await runPlan(emu, plan, { vaults: 'kv-payments-prod', 'resource-group': VAULT_RG })
    expect(run.report.vaults.map((v: { name: string }) => v.name).sort()).toEqual([
      'kv-orders-prod',
      'kv-payments-prod'
    ])
    const fresh = findings(run).filter((f) => f.change === 'new' && f.severity !== 'pass')
    expect(fresh.map((f) => `${f.rule} ${f.vault}`)).toEqual(['PE-NONE kv-orders-prod'])
    expect(byRule(run, 'PE-NONE', 'kv-orders-prod')[0]).toMatchObject({
      severity: 'error',
      change: 'new'
    })
    expect(run.stdout).toContain(
      'plan: 1 vault(s) whose private endpoints the plan deletes or replaces: kv-orders-prod'
    )
    expect(run.exitCode).toBe(1)
  })
})

describe('a Terraform plan that creates a vault with its endpoint and zone group', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ estate: healthyEstate() })
  })
  afterAll(() => emu.stop())

  /** As `terraform show -json` writes a plan: new IDs unknown, tied through references. */
  function newVaultPlan(groupZone: boolean, publicAccess: boolean): Record<string, unknown> {
    const create = (
      address: string,
      type: string,
      after: Record<string, unknown>,
      unknown: Record<string, unknown>
    ) => ({
      address,
      mode: 'managed',
      type,
      name: address.split('.')[1],
      provider_name: 'registry.terraform.io/hashicorp/azurerm',
      change: { actions: ['create'], before: null, after, after_unknown: { id: true, ...unknown } }
    })
    return {
      format_version: '1.2',
      terraform_version: '1.9.4',
      resource_changes: [
        {
          address: 'data.azurerm_private_dns_zone.kv',
          mode: 'data',
          type: 'azurerm_private_dns_zone',
          name: 'kv',
          // Read at plan time: its ID is known.
          change: {
            actions: ['read'],
            before: null,
            after: { id: zoneId, name: VAULT_ZONE, resource_group_name: DNS_RG },
            after_unknown: {}
          }
        },
        create(
          'azurerm_key_vault.new',
          'azurerm_key_vault',
          {
            name: 'kv-new-prod',
            resource_group_name: VAULT_RG,
            location: 'westeurope',
            sku_name: 'standard',
            public_network_access_enabled: publicAccess,
            network_acls: [
              {
                bypass: 'None',
                default_action: 'Deny',
                ip_rules: [],
                virtual_network_subnet_ids: []
              }
            ]
          },
          { vault_uri: true }
        ),
        create(
          'azurerm_private_endpoint.new',
          'azurerm_private_endpoint',
          {
            name: 'pe-kv-new-prod',
            resource_group_name: VAULT_RG,
            location: 'westeurope',
            subnet_id: peSubnet,
            ip_configuration: [],
            private_service_connection: [
              {
                name: 'kv-new-prod',
                is_manual_connection: false,
                request_message: null,
                subresource_names: ['vault']
              }
            ],
            private_dns_zone_group: groupZone ? [{ name: 'default' }] : []
          },
          {
            network_interface: true,
            custom_dns_configs: true,
            private_service_connection: [
              { private_connection_resource_id: true, private_ip_address: true }
            ],
            private_dns_zone_group: groupZone ? [{ id: true, private_dns_zone_ids: true }] : []
          }
        )
      ],
      configuration: {
        root_module: {
          resources: [
            {
              address: 'azurerm_private_endpoint.new',
              mode: 'managed',
              type: 'azurerm_private_endpoint',
              name: 'new',
              expressions: {
                private_service_connection: [
                  {
                    private_connection_resource_id: {
                      references: ['azurerm_key_vault.new.id', 'azurerm_key_vault.new']
                    }
                  }
                ],
                private_dns_zone_group: [
                  {
                    private_dns_zone_ids: {
                      references: [
                        'data.azurerm_private_dns_zone.kv.id',
                        'data.azurerm_private_dns_zone.kv'
                      ]
                    }
                  }
                ]
              }
            }
          ]
        }
      }
    }
  }

  it('on the right zone: no false alarm although the IP is known only after apply', async () => {
    const plan = planFile('tf-new-vault.json', newVaultPlan(true, false))
    const run = await runPlan(emu, plan)
    const mine = findings(run).filter((f) => f.vault === 'kv-new-prod')
    expect(mine.filter((f) => f.severity !== 'pass' && f.severity !== 'info')).toEqual([])
    expect(mine.find((f) => f.rule === 'DNS-RECORD-WRONG-IP')?.severity).toBe('pass')
    expect(mine.find((f) => f.rule === 'PE-NOT-APPROVED')?.severity).toBe('pass')
    expect(run.report.plan).toMatchObject({ format: 'terraform', resources: 3 })
    expect(run.exitCode).toBe(0)
  })

  it('without a zone group: no A record, DNS-RECORD-MISSING is new; Deny without rules stays closed', async () => {
    const plan = planFile('tf-new-vault-nogroup.json', newVaultPlan(false, true))
    const run = await runPlan(emu, plan)
    expect(
      byRule(run, 'DNS-RECORD-MISSING', 'kv-new-prod').map((f) => [f.severity, f.change])
    ).toEqual([['error', 'new']])
    expect(
      byRule(run, 'FW-RULES-PRESENT', 'kv-new-prod')
        .concat(byRule(run, 'FW-PUBLIC-OPEN', 'kv-new-prod'))
        .some((f) => f.severity !== 'pass')
    ).toBe(false)
    expect(run.exitCode).toBe(1)
  })
})

describe('plans that change the clients’ DNS path and reach (the hub and spoke of clients.js)', () => {
  const CLIENT = clientVnetsInput('healthy')
  const net = (rg: string, name: string) =>
    resourceId(CLIENTS_SUB, rg, 'Microsoft.Network/virtualNetworks', name)
  const hubVnet = net(HUB_RG, 'vnet-hub')
  const aksVnet = net(SPOKE_RG, 'vnet-spoke-aks')
  const resolverId = resourceId(CLIENTS_SUB, HUB_RG, 'Microsoft.Network/dnsResolvers', 'dnspr-hub')
  const rulesetId = resourceId(
    CLIENTS_SUB,
    HUB_RG,
    'Microsoft.Network/dnsForwardingRulesets',
    'frs-hub'
  )

  async function judged(
    scenario: Parameters<typeof clientsEstate>[0],
    plan: string,
    inputs: Record<string, string> = { 'client-vnets': CLIENT },
    estate = clientsEstate(scenario)
  ): Promise<ActionRun> {
    const emu = await startEmulator({ estate })
    try {
      return await runPlan(emu, plan, inputs)
    } finally {
      await emu.stop()
    }
  }

  const problemsOf = (run: ActionRun) =>
    findings(run)
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => `${f.rule} ${f.severity} ${f.change}`)
      .sort()

  /** `terraform show -json` of these changes (azurerm), with their configuration expressions. */
  function terraformPlan(
    changes: {
      address: string
      actions: string[]
      before?: Record<string, unknown> | null
      after?: Record<string, unknown> | null
      unknown?: Record<string, unknown>
      expressions?: Record<string, unknown>
    }[]
  ): Record<string, unknown> {
    const typeOf = (address: string) => address.split('.')[0] as string
    const nameOf = (address: string) => address.split('.')[1] as string
    return {
      format_version: '1.2',
      terraform_version: '1.9.4',
      resource_changes: changes.map((c) => ({
        address: c.address,
        mode: 'managed',
        type: typeOf(c.address),
        name: nameOf(c.address),
        provider_name: 'registry.terraform.io/hashicorp/azurerm',
        change: {
          actions: c.actions,
          before: c.before ?? null,
          after: c.after ?? null,
          after_unknown: c.unknown ?? {},
          before_sensitive: c.before ? {} : false,
          after_sensitive: c.after ? {} : false
        }
      })),
      configuration: {
        provider_config: {
          azurerm: { name: 'azurerm', full_name: 'registry.terraform.io/hashicorp/azurerm' }
        },
        root_module: {
          resources: changes.map((c) => ({
            address: c.address,
            mode: 'managed',
            type: typeOf(c.address),
            name: nameOf(c.address),
            provider_config_key: 'azurerm',
            expressions: c.expressions ?? {},
            schema_version: 0
          }))
        }
      }
    }
  }

  /** azurerm_virtual_network_peering of `from` to `to`, as the state holds it (the emulator's names). */
  function peeringState(rg: string, from: string, to: string): Record<string, unknown> {
    return {
      id: `${net(rg, from)}/virtualNetworkPeerings/peer-${to}`,
      name: `peer-${to}`,
      resource_group_name: rg,
      virtual_network_name: from,
      remote_virtual_network_id: to === 'vnet-hub' ? hubVnet : net(SPOKE_RG, to),
      allow_virtual_network_access: true,
      allow_forwarded_traffic: true,
      allow_gateway_transit: false,
      use_remote_gateways: false,
      local_subnet_names: null,
      remote_subnet_names: null,
      only_ipv6_peering_enabled: false,
      peer_complete_virtual_networks_enabled: true,
      triggers: null,
      timeouts: null
    }
  }

  it('Terraform deletes the AKS spoke’s peering with the endpoint’s spoke: VNET-PEERING-NOT-CONNECTED is new, the step fails', async () => {
    const plan = planFile(
      'tf-delete-peering.json',
      terraformPlan([
        {
          address: 'azurerm_virtual_network_peering.aks_to_app',
          actions: ['delete'],
          before: peeringState(SPOKE_RG, 'vnet-spoke-aks', 'vnet-spoke-app')
        }
      ])
    )
    const run = await judged('healthy', plan)
    expect(run.report.plan).toEqual({ format: 'terraform', path: plan, resources: 1 })
    expect(problemsOf(run)).toEqual(['VNET-PEERING-NOT-CONNECTED error new'])
    const f = byRule(run, 'VNET-PEERING-NOT-CONNECTED', 'kv-clients').find(
      (x) => x.severity === 'error'
    )
    // Azure leaves the other side Disconnected: it must be deleted and created again.
    expect(f?.observed).toBe(
      'vnet-spoke-aks: no peering to the other side; vnet-spoke-app: peering peer-vnet-spoke-aks Disconnected'
    )
    expect(run.outputs['new-errors']).toBe('1')
    expect(run.exitCode).toBe(1)
    expect(errorLines(run).join('\n')).toMatch(/the change introduces 1 error\(s\), 0 warning\(s\)/)
  })

  it('what-if deletes the hub’s peering with the endpoint’s spoke (client-vnets: peered): the same rule, new', async () => {
    const peeringId = `${hubVnet}/virtualNetworkPeerings/peer-vnet-spoke-app`
    const before = clientsEstate('healthy')
      .resources.find((r: { id: string }) => r.id === hubVnet)
      .properties.virtualNetworkPeerings.find((p: { id: string }) => p.id === peeringId)
    const plan = planFile(
      'wi-delete-peering.json',
      whatIf([{ resourceId: peeringId, changeType: 'Delete', before, after: null, delta: [] }])
    )
    const run = await judged('healthy', plan, { 'client-vnets': 'peered' })
    expect(problemsOf(run)).toEqual(['VNET-PEERING-NOT-CONNECTED error new'])
    expect(run.report.resolved).toEqual([])
    expect(run.exitCode).toBe(1)
  })

  /** A new ruleset frs-hub linked to vnet-hub, with one rule. */
  function rulesetPlan(rule: { name: string; domain: string; target: string }) {
    const rulesetRef = {
      references: [
        'azurerm_private_dns_resolver_dns_forwarding_ruleset.hub.id',
        'azurerm_private_dns_resolver_dns_forwarding_ruleset.hub'
      ]
    }
    return terraformPlan([
      {
        address: 'azurerm_private_dns_resolver_dns_forwarding_ruleset.hub',
        actions: ['create'],
        after: {
          name: 'frs-hub',
          resource_group_name: HUB_RG,
          location: 'westeurope',
          private_dns_resolver_outbound_endpoint_ids: [`${resolverId}/outboundEndpoints/outbound`],
          tags: null,
          timeouts: null
        },
        unknown: { id: true, private_dns_resolver_outbound_endpoint_ids: [false] }
      },
      {
        address: `azurerm_private_dns_resolver_forwarding_rule.${rule.name}`,
        actions: ['create'],
        after: {
          name: rule.name,
          domain_name: rule.domain,
          enabled: true,
          metadata: null,
          target_dns_servers: [{ ip_address: rule.target, port: 53 }],
          timeouts: null
        },
        unknown: { id: true, dns_forwarding_ruleset_id: true, target_dns_servers: [{}] },
        expressions: {
          dns_forwarding_ruleset_id: rulesetRef,
          domain_name: { constant_value: rule.domain },
          target_dns_servers: [
            { ip_address: { constant_value: rule.target }, port: { constant_value: 53 } }
          ]
        }
      },
      {
        address: 'azurerm_private_dns_resolver_virtual_network_link.hub',
        actions: ['create'],
        after: {
          name: 'link-vnet-hub',
          virtual_network_id: hubVnet,
          metadata: null,
          timeouts: null
        },
        unknown: { id: true, dns_forwarding_ruleset_id: true },
        expressions: {
          dns_forwarding_ruleset_id: rulesetRef,
          virtual_network_id: { constant_value: hubVnet }
        }
      }
    ])
  }

  it.each([
    [
      'vaultcore.azure.net. sent on premises',
      'DNS-FORWARDING-RULE',
      'warning',
      { name: 'vaultcore', domain: 'vaultcore.azure.net.', target: '192.168.10.4' }
    ],
    [
      "privatelink.vaultcore.azure.net. sent to the hub's own inbound endpoint",
      'DNS-FORWARDING-LOOP',
      'error',
      { name: 'privatelink', domain: 'privatelink.vaultcore.azure.net.', target: INBOUND_IP }
    ]
  ])(
    'Terraform adds a forwarding rule for the vault’s domain, %s: %s (%s) is new',
    async (_, id, severity, rule) => {
      const plan = planFile(`tf-rule-${rule.name}.json`, rulesetPlan(rule))
      const run = await judged('healthy', plan, { 'client-vnets': CLIENT, 'fail-on': 'warning' })
      expect(problemsOf(run)).toEqual([`${id} ${severity} new`])
      const f = byRule(run, id, 'kv-clients').find((x) => x.severity === severity)
      expect(f?.resource).toBe(`${rulesetId}/forwardingRules/${rule.name}`)
      expect(run.outputs[severity === 'error' ? 'new-errors' : 'new-warnings']).toBe('1')
      expect(run.exitCode).toBe(1)
    }
  )

  it('what-if deletes the ruleset link that sent the AKS spoke to the hub: DNS-LINK-MISSING is new', async () => {
    // Live: vnet-spoke-aks uses Azure-provided DNS, and ruleset frs-aks (linked to it) forwards
    // privatelink.vaultcore.azure.net to the hub's inbound endpoint, where the zone is linked.
    const estate = clientsEstate('spoke-unlinked')
    const ruleset = dnsForwardingRuleset({
      subscriptionId: CLIENTS_SUB,
      resourceGroup: HUB_RG,
      name: 'frs-aks',
      outboundEndpointIds: [`${resolverId}/outboundEndpoints/outbound`],
      rules: [
        {
          name: 'privatelink',
          domainName: 'privatelink.vaultcore.azure.net.',
          targets: [INBOUND_IP]
        }
      ],
      vnetIds: [aksVnet]
    })
    estate.resources.push(...ruleset.resources)
    const link = ruleset.resources.find((r: { type: string }) =>
      r.type.endsWith('/virtualNetworkLinks')
    )
    if (!link) throw new Error('the ruleset has no VNet link')
    const plan = planFile(
      'wi-delete-ruleset-link.json',
      whatIf([{ resourceId: link.id, changeType: 'Delete', before: link, after: null, delta: [] }])
    )
    const run = await judged('spoke-unlinked', plan, { 'client-vnets': CLIENT }, estate)
    expect(problemsOf(run)).toEqual(['DNS-LINK-MISSING error new'])
    expect(
      byRule(run, 'DNS-LINK-MISSING', 'kv-clients').find((f) => f.severity === 'error')?.message
    ).toContain(
      'VNet vnet-spoke-aks (a client VNet of key vault kv-clients) uses Azure-provided DNS'
    )
    expect(run.exitCode).toBe(1)
  })

  it('Terraform peers the spokes both ways (a broken estate fixed): VNET-NO-ROUTE-TO-PE is resolved, the step passes', async () => {
    const create = (from: string, to: string) => {
      const after = peeringState(SPOKE_RG, from, to)
      delete after.id
      return {
        address: `azurerm_virtual_network_peering.${from.replace(/-/g, '_')}`,
        actions: ['create'],
        after,
        unknown: { id: true }
      }
    }
    const plan = planFile(
      'tf-peer-spokes.json',
      terraformPlan([
        create('vnet-spoke-app', 'vnet-spoke-aks'),
        create('vnet-spoke-aks', 'vnet-spoke-app')
      ])
    )
    const run = await judged('not-peered', plan, { 'client-vnets': CLIENT, 'fail-on': 'warning' })
    expect((run.report.resolved as Finding[]).map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'VNET-NO-ROUTE-TO-PE warning'
    ])
    expect(problemsOf(run)).toEqual([])
    // Both sides in the plan: Azure connects them.
    expect(
      byRule(run, 'VNET-PEERING-NOT-CONNECTED', 'kv-clients').map((f) => [f.severity, f.change])
    ).toEqual([['pass', 'new']])
    expect(run.outputs['new-warnings']).toBe('0')
    expect(run.summary).toMatch(
      /This change introduces 0 problems and fixes 1; 0 were there before\./
    )
    expect(run.exitCode).toBe(0)
  })

  it('Terraform points the AKS spoke’s DNS at a new DNS VM (IP known after apply): PLAN-UNRESOLVED for the spoke, not Azure-provided DNS', async () => {
    // Taken for Azure-provided DNS, the spoke (not linked to the zone) would be a certain
    // DNS-LINK-MISSING error; its servers are the VM's NIC address, which Azure assigns at apply.
    const nic = {
      address: 'azurerm_network_interface.dns',
      actions: ['create'],
      after: {
        name: 'nic-dns-vm',
        location: 'westeurope',
        resource_group_name: HUB_RG,
        ip_configuration: [
          {
            name: 'ipconfig',
            private_ip_address_allocation: 'Dynamic',
            subnet_id: `${hubVnet}/subnets/snet-dns-vms`
          }
        ]
      },
      unknown: {
        id: true,
        private_ip_address: true,
        private_ip_addresses: true,
        ip_configuration: [{ private_ip_address: true }]
      }
    }
    const plan = planFile(
      'tf-dns-vm.json',
      terraformPlan([
        nic,
        {
          address: 'azurerm_virtual_network_dns_servers.aks',
          actions: ['create'],
          after: { virtual_network_id: aksVnet, timeouts: null },
          unknown: { id: true, dns_servers: true },
          expressions: {
            virtual_network_id: { constant_value: aksVnet },
            dns_servers: {
              references: [
                'azurerm_network_interface.dns.private_ip_address',
                'azurerm_network_interface.dns'
              ]
            }
          }
        }
      ])
    )
    const run = await judged('healthy', plan, { 'client-vnets': CLIENT, 'fail-on': 'warning' })
    expect(run.report.plan).toEqual({ format: 'terraform', path: plan, resources: 1 })
    expect(problemsOf(run)).toEqual([])
    const unresolved = byRule(run, 'PLAN-UNRESOLVED', 'kv-clients')
    expect(unresolved.map((f) => [f.severity, f.change, f.resource, f.observed])).toEqual([
      ['info', 'new', aksVnet, 'known after apply']
    ])
    expect(unresolved[0]?.message).toBe(
      'The DNS path of VNet vnet-spoke-aks for kv-clients cannot be judged before apply: it rests on the DNS ' +
        'servers of VNet vnet-spoke-aks (azurerm_virtual_network_dns_servers.aks.dns_servers), which the plan ' +
        'knows only after apply. VNET-CUSTOM-DNS, DNS-LINK-MISSING, DNS-FORWARDING-RULE, DNS-FORWARDING-LOOP ' +
        'are checked for vnet-spoke-aks on the next live run'
    )
    // Nothing certain about the spoke’s path either way; the endpoint’s spoke is judged as before.
    expect(
      byRule(run, 'VNET-CUSTOM-DNS', 'kv-clients').map((f) => [f.severity, f.resource])
    ).toEqual([['pass', net(SPOKE_RG, 'vnet-spoke-app')]])
    expect(
      byRule(run, 'DNS-LINK-MISSING', 'kv-clients').every(
        (f) => !(f.clients ?? []).includes(aksVnet)
      )
    ).toBe(true)
    expect(byRule(run, 'DNS-FORWARDING-LOOP', 'kv-clients')).toEqual([])
    expect(run.summary).toContain('<code>vnet-spoke-aks</code> known after apply')
    expect(run.outputs['new-errors']).toBe('0')
    expect(run.outputs['new-warnings']).toBe('0')
    // An info fails no gate: fail-on is warning, and the step passes.
    expect(run.exitCode).toBe(0)
  })

  it('merge-reports over two plan judgements keeps what they resolve and gates on new findings', async () => {
    const broke = await judged(
      'healthy',
      planFile(
        'tf-merge-delete.json',
        terraformPlan([
          {
            address: 'azurerm_virtual_network_peering.aks_to_app',
            actions: ['delete'],
            before: peeringState(SPOKE_RG, 'vnet-spoke-aks', 'vnet-spoke-app')
          }
        ])
      )
    )
    const fixed = await judged(
      'ruleset-loop',
      planFile(
        'wi-merge-fix.json',
        whatIf([
          {
            resourceId: `${rulesetId}/virtualNetworkLinks/link-vnet-hub`,
            changeType: 'Delete',
            delta: []
          }
        ])
      ),
      {}
    )
    const dir = mkdtempSync(join(tmpdir(), 'kvpld-plan-merge-'))
    copyFileSync(broke.reportPath as string, join(dir, 'a.json'))
    copyFileSync(fixed.reportPath as string, join(dir, 'b.json'))
    const merged = await runAction({ inputs: { 'merge-reports': dir } })
    try {
      expect((merged.report.resolved as Finding[]).map((f) => f.rule)).toEqual([
        'DNS-FORWARDING-LOOP'
      ])
      expect(merged.report.plan).toMatchObject({ path: 'tf-merge-delete.json, wi-merge-fix.json' })
      expect(merged.outputs['new-errors']).toBe('1')
      expect(merged.outputs['new-warnings']).toBe('0')
      expect(merged.summary).toContain(
        'This change introduces 1 problem and fixes 1; 0 were there before.'
      )
      expect(errorLines(merged).join('\n')).toMatch(
        /\(2 reports merged\): the change introduces 1 error\(s\), 0 warning\(s\); 0 were there before \(fail-on: error, gate: new\)/
      )
      expect(merged.exitCode).toBe(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('what-if unlinks the hub from the looping ruleset (a broken estate fixed): DNS-FORWARDING-LOOP is resolved', async () => {
    const linkId = `${rulesetId}/virtualNetworkLinks/link-vnet-hub`
    const plan = planFile(
      'wi-fix-loop.json',
      whatIf([{ resourceId: linkId, changeType: 'Delete', delta: [] }])
    )
    const run = await judged('ruleset-loop', plan, {})
    expect((run.report.resolved as Finding[]).map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'DNS-FORWARDING-LOOP error'
    ])
    expect(problemsOf(run)).toEqual([])
    expect(run.outputs['new-errors']).toBe('0')
    expect(run.exitCode).toBe(0)
  })
})
