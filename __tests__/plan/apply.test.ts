// applyPlan is a pure function of the live snapshot and the plan: the live snapshot is left as it
// was, read-only values keep their live values, and values Azure assigns at apply get stand-ins.
import { describe, expect, it } from '@jest/globals'
import { compareFindings, newCounts } from '../../src/compare/compare.js'
import { applyPlan } from '../../src/plan/apply.js'
import type { Plan, PlannedChange } from '../../src/plan/plan.js'
import { settleUnknowns } from '../../src/plan/settle.js'
import { healthy, one, peIdOf, run, vaultIdOf, zoneIdOf } from '../helpers/snapshot-builder.js'
import { finding } from '../report/findings.js'

function plan(changes: PlannedChange[]): Plan {
  return { format: 'what-if', path: 'p.json', changes, ignored: 0, ignoredTypes: [] }
}

function change(
  action: PlannedChange['action'],
  id: string,
  type: string,
  after: Record<string, unknown> | null
): PlannedChange {
  return { action, id, type, after: after ? { id, type, ...after } : null, source: id }
}

describe('applyPlan', () => {
  it('leaves the live snapshot alone and keeps the vault’s connections (read-only)', () => {
    const { snapshot } = healthy()
    const before = structuredClone(snapshot)
    const applied = applyPlan(
      snapshot,
      plan([
        change('modify', vaultIdOf('kv1'), 'Microsoft.KeyVault/vaults', {
          name: 'kv1',
          properties: { publicNetworkAccess: 'Enabled' }
        })
      ])
    )
    expect(snapshot).toEqual(before)
    const vault = applied.snapshot.vaults[0]
    expect(vault?.publicNetworkAccess).toBe('Enabled')
    expect(vault?.networkAcls).toBeNull()
    expect(vault?.connections).toEqual(before.vaults[0]?.connections)
    expect(applied.inScope).toEqual(['kv1'])
    expect(one(run(applied.snapshot), 'FW-PUBLIC-OPEN').severity).toBe('error')
  })

  it('a replaced endpoint gets a stand-in IP in its VNet; a check that compares it is PLAN-UNRESOLVED', () => {
    const { snapshot, pe } = healthy()
    const after = {
      name: pe.name,
      properties: {
        subnet: { id: pe.subnetId },
        privateLinkServiceConnections: [
          { name: 'c', properties: { privateLinkServiceId: vaultIdOf('kv1'), groupIds: ['vault'] } }
        ]
      }
    }
    const applied = applyPlan(
      snapshot,
      plan([change('replace', peIdOf(pe.name), 'Microsoft.Network/privateEndpoints', after)])
    )
    expect(applied.unresolved).toHaveLength(1)
    const standIn = applied.unresolved[0]?.value ?? ''
    expect(
      applied.snapshot.vaults[0]?.privateEndpoints[peIdOf(pe.name).toLowerCase()]?.nicIps
    ).toEqual([standIn])
    const settled = settleUnknowns(run(applied.snapshot), applied.unresolved)
    // The hand-made record keeps 10.1.2.3: whether the new IP is the same is known after apply.
    expect(settled.filter((f) => f.rule === 'DNS-RECORD-WRONG-IP')).toEqual([])
    const unresolved = one(settled, 'PLAN-UNRESOLVED')
    expect(unresolved.message).toMatch(
      /^DNS-RECORD-WRONG-IP .* needs the private IP of pe-kv1, which the plan knows only after apply/
    )
    expect(JSON.stringify(settled)).not.toContain(standIn)
  })

  it('a zone group on the right zone writes the record with the endpoint’s IP and TTL 10', () => {
    const { snapshot, pe, zone } = healthy()
    zone.aRecords = []
    const groupId = `${peIdOf(pe.name)}/privateDnsZoneGroups/default`
    const applied = applyPlan(
      snapshot,
      plan([
        change('create', groupId, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups', {
          name: 'default',
          properties: { privateDnsZoneConfigs: [{ properties: { privateDnsZoneId: zoneIdOf() } }] }
        })
      ])
    )
    expect(applied.snapshot.zones[0]?.aRecords).toEqual([
      expect.objectContaining({ name: 'kv1', ttl: 10, ipv4Addresses: ['10.1.2.3'] })
    ])
    expect(one(run(applied.snapshot), 'DNS-RECORD-MISSING').severity).toBe('pass')
  })
})

describe('compareFindings', () => {
  it('marks new and unchanged on rule, vault and resource; resolved keeps the gone problems as they were', () => {
    const live = [
      finding('DNS-RECORD-TTL', 'kv1', { severity: 'warning' }),
      finding('FW-PUBLIC-OPEN', 'kv1', { severity: 'error' }),
      finding('PE-NONE', 'kv1', { severity: 'pass' })
    ]
    const proposed = [
      finding('DNS-RECORD-TTL', 'KV1', { severity: 'pass' }),
      finding('FW-PUBLIC-OPEN', 'kv1', {
        severity: 'error',
        resource: live[1]?.resource.toUpperCase()
      }),
      finding('PE-NONE', 'kv1', { severity: 'pass' }),
      finding('DNS-LINK-MISSING', 'kv1', { severity: 'error' })
    ]
    const { findings, resolved } = compareFindings(proposed, live)
    expect(findings.map((f) => `${f.rule}:${f.change}`)).toEqual([
      'DNS-RECORD-TTL:new',
      'FW-PUBLIC-OPEN:unchanged',
      'PE-NONE:unchanged',
      'DNS-LINK-MISSING:new'
    ])
    expect(resolved).toEqual([live[0]])
    expect(newCounts(findings)).toEqual({ errors: 1, warnings: 0 })
  })

  it('matches two findings of one rule on one resource one for one', () => {
    const twice = [finding('PE-LEFTOVER', 'kv1'), finding('PE-LEFTOVER', 'kv1')]
    const { findings } = compareFindings(twice, twice.slice(0, 1))
    expect(findings.map((f) => f.change)).toEqual(['unchanged', 'new'])
  })
})

describe('an A record whose IPs are known only after apply and name no private endpoint', () => {
  it('is not an empty record: DNS-RECORD-WRONG-IP is PLAN-UNRESOLVED, naming the attribute', () => {
    const { snapshot, record } = healthy()
    const applied = applyPlan(
      snapshot,
      plan([
        change('modify', record.id, 'Microsoft.Network/privateDnsZones/A', {
          name: 'kv1',
          properties: {
            ttl: 300,
            aRecords: [
              { ipv4Address: 'known-after-apply:azurerm_private_dns_a_record.kv1.records' }
            ]
          }
        })
      ])
    )
    expect(applied.unresolved.map((u) => u.what)).toEqual([
      'the IPs of A record kv1 (azurerm_private_dns_a_record.kv1.records)'
    ])
    const findings = settleUnknowns(run(applied.snapshot), applied.unresolved)
    const unresolved = one(findings, 'PLAN-UNRESOLVED')
    expect(unresolved.message).toMatch(
      /^DNS-RECORD-WRONG-IP \(.*\) cannot be judged before apply: it needs the IPs of A record kv1 \(azurerm_private_dns_a_record\.kv1\.records\)/
    )
    expect(findings.filter((f) => f.severity === 'error' || f.severity === 'warning')).toEqual([])
  })
})
