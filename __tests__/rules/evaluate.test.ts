import { describe, expect, test } from '@jest/globals'
import { idKey } from '../../src/collect/snapshot.js'
import { RULES } from '../../src/evaluate/catalog.js'
import { evaluate } from '../../src/evaluate/evaluate.js'
import type { Finding } from '../../src/evaluate/finding.js'
import {
  addEndpoint,
  addRecord,
  addZone,
  failure,
  healthy,
  linkZone,
  makeVault,
  of,
  options,
  problems,
  run,
  summary
} from '../helpers/snapshot-builder.js'

describe('a healthy vault', () => {
  test('zero errors and warnings, and a pass for every main check', () => {
    const findings = run(healthy().snapshot)
    expect(findings.filter((f) => f.severity !== 'pass')).toEqual([])
    const passed = new Set(findings.map((f) => f.rule))
    for (const rule of [
      'PE-NONE',
      'PE-NOT-APPROVED',
      'PE-NOT-SUCCEEDED',
      'PE-LEFTOVER',
      'PE-DUPLICATE-VNET',
      'PE-IP-NOT-PRIVATE',
      'PE-DNS-CONFIG-MULTIPLE',
      'FW-PUBLIC-OPEN',
      'FW-RULES-PRESENT',
      'FW-TRUSTED-SERVICES',
      'DNS-ZONE-MISSING',
      'DNS-ZONE-MISNAMED',
      'DNS-LINK-MISSING',
      'DNS-LINK-NOT-READY',
      'DNS-RECORD-MISSING',
      'DNS-RECORD-NAME',
      'DNS-RECORD-WRONG-IP',
      'DNS-RECORD-EXTRA-IP',
      'DNS-RECORD-TTL',
      'DNS-ZONE-CONFLICT',
      'VNET-CUSTOM-DNS'
    ] as const) {
      expect(passed.has(rule)).toBe(true)
    }
    const ttl = of(findings, 'DNS-RECORD-TTL')[0]
    expect(ttl?.observed).toBe('300')
  })

  test('passes carry no fix and the catalogue docs link', () => {
    for (const f of run(healthy().snapshot)) {
      expect(f.fix).toBeNull()
      expect(f.docs).toBe(RULES[f.rule].docs)
      expect(f.vault).toBe('kv1')
      expect(f.resource).toMatch(/^\/subscriptions\//)
    }
  })

  test('is pure: the same snapshot gives the same findings and is not modified', () => {
    const h = healthy()
    const before = JSON.stringify(h.snapshot)
    const first = run(h.snapshot)
    expect(run(h.snapshot)).toEqual(first)
    expect(JSON.stringify(h.snapshot)).toBe(before)
  })

  test('survives a JSON round trip (a saved snapshot replays the run)', () => {
    const h = healthy()
    h.record.ipv4Addresses = ['10.1.2.9']
    const replayed = JSON.parse(JSON.stringify(h.snapshot))
    expect(run(replayed)).toEqual(run(h.snapshot))
  })
})

/** A messy estate: two vaults with a bit of everything wrong. */
function broken() {
  const h = healthy()
  const { snapshot } = h
  h.vault.publicNetworkAccess = 'Enabled'
  h.vault.networkAcls = {
    bypass: 'AzureServices',
    defaultAction: 'Allow',
    ipRules: [],
    virtualNetworkRules: []
  }
  h.record.ttl = 3600
  h.record.ipv4Addresses = ['10.1.2.3', '10.1.2.77']
  addEndpoint(snapshot, h.vault, {
    name: 'pe-pending',
    vnet: 'vnet-b',
    ip: '10.2.0.4',
    status: 'Pending'
  })
  const dup = addEndpoint(snapshot, h.vault, { name: 'pe-dup', ip: '10.1.2.5' })
  dup.pe.customDnsConfigs.push({ fqdn: 'kv1.vault.azure.net', ipAddresses: ['10.1.2.50'] })

  const kv2 = makeVault('kv2', { publicNetworkAccess: 'Enabled' })
  kv2.networkAcls = {
    bypass: 'None',
    defaultAction: 'Deny',
    ipRules: ['198.51.100.0/24'],
    virtualNetworkRules: []
  }
  snapshot.vaults.push(kv2)
  const c = addEndpoint(snapshot, kv2, { name: 'pe-kv2', vnet: 'vnet-c', ip: '10.3.0.4' })
  const near = addZone(snapshot, 'privatelink.vault.azure.net')
  addRecord(near, 'kv2', ['10.3.0.4'])
  linkZone(h.zone, c.pe.vnetId as string, { virtualNetworkLinkState: 'InProgress' })
  const kv3 = makeVault('kv3', { failure: failure('not-found', makeVault('kv3').id) })
  snapshot.vaults.push(kv3)
  snapshot.zoneScopes.push({
    scope: '/subscriptions/33333333-3333-3333-3333-333333333333',
    failure: failure('denied', '/subscriptions/33333333-3333-3333-3333-333333333333', {
      message: 'nope'
    })
  })
  return snapshot
}

describe('every finding of a broken estate', () => {
  const findings = run(broken())

  test('covers the expected problems', () => {
    expect(problems(findings).sort()).toEqual(
      [
        'ACCESS-DENIED error',
        'PE-NOT-APPROVED error',
        'PE-DUPLICATE-VNET warning',
        'PE-DNS-CONFIG-MULTIPLE warning',
        'FW-PUBLIC-OPEN error',
        'DNS-RECORD-EXTRA-IP warning',
        'DNS-RECORD-TTL warning',
        'FW-RULES-PRESENT warning',
        'DNS-ZONE-MISNAMED error',
        'DNS-LINK-NOT-READY error',
        'DNS-RECORD-MISSING error',
        'VAULT-NOT-FOUND error'
      ].sort()
    )
  })

  test.each(
    findings
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => [`${f.rule} ${f.vault}`, f] as [string, Finding])
  )('%s: message, observed, expected, fix, docs, resource', (_name, f) => {
    expect(f.severity).toBe(RULES[f.rule].severity)
    expect(f.docs).toBe(RULES[f.rule].docs)
    expect(f.resource).toMatch(/^\/subscriptions\/[^/]+/)
    expect(f.message.length).toBeGreaterThan(30)
    if (f.vault) expect(f.message).toContain(f.vault)
    expect(f.observed).not.toBe('')
    expect(f.expected).not.toBe('')
    expect(f.fix).toMatch(/^az /)
    for (const line of (f.fix ?? '').split('\n')) expect(line).toMatch(/^az /)
    // Only the identity (no client-id input) is unknowable here.
    expect((f.fix ?? '').replace('<client-id-of-the-identity>', '')).not.toMatch(/<[a-z-]+>/)
  })
})

describe('order', () => {
  test('findings tied to no vault first, then per vault in snapshot order, by rule group', () => {
    const findings = run(broken())
    const vaults = findings.map((f) => f.vault)
    const firstKv1 = vaults.indexOf('kv1')
    expect(vaults.slice(0, firstKv1).every((v) => v === null)).toBe(true)
    expect(vaults.lastIndexOf('kv1')).toBeLessThan(vaults.indexOf('kv2'))
    expect(vaults.lastIndexOf('kv2')).toBeLessThan(vaults.indexOf('kv3'))

    const group = (rule: string): number =>
      // The catalogue's order: DNS path rules (DNS-FORWARDING-*) come after the networks'.
      ['VAULT|ACCESS|ARM', 'PE', 'FW', 'DNS(?!-FORWARDING)', 'VNET', 'DNS-FORWARDING'].findIndex(
        (prefix) => new RegExp(`^(${prefix})-`).test(rule)
      )
    for (const vault of ['kv1', 'kv2']) {
      const groups = findings.filter((f) => f.vault === vault).map((f) => group(f.rule))
      expect(groups).toEqual([...groups].sort((a, b) => a - b))
    }
  })

  test('reading findings of a vault come before its checks', () => {
    const h = healthy()
    h.vault.privateEndpointFailures[idKey('/x/pe-gone')] = failure(
      'error',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe-gone'
    )
    const findings = run(h.snapshot)
    expect(findings[0]?.rule).toBe('ARM-ERROR')
    expect(findings[0]?.vault).toBe('kv1')
  })
})

describe('ignore', () => {
  const snapshot = broken()
  const all = evaluate(snapshot, null, options(), [])

  test('RULE drops it everywhere, passes included', () => {
    const findings = evaluate(snapshot, null, options(), [
      { rule: 'DNS-RECORD-TTL', vault: null },
      { rule: 'FW-PUBLIC-OPEN', vault: null }
    ])
    expect(of(findings, 'DNS-RECORD-TTL')).toEqual([])
    expect(of(findings, 'FW-PUBLIC-OPEN')).toEqual([])
    expect(findings.length).toBe(
      all.length - of(all, 'DNS-RECORD-TTL').length - of(all, 'FW-PUBLIC-OPEN').length
    )
  })

  test('RULE@vault drops it for that vault only, case-insensitively', () => {
    const findings = evaluate(snapshot, null, options(), [{ rule: 'FW-PUBLIC-OPEN', vault: 'KV1' }])
    expect(of(findings, 'FW-PUBLIC-OPEN').map((f) => f.vault)).toEqual(['kv2'])
  })

  test('RULE@vault of another vault keeps it; findings tied to no vault stay', () => {
    const findings = evaluate(snapshot, null, options(), [
      { rule: 'DNS-ZONE-MISNAMED', vault: 'kv1' },
      { rule: 'ACCESS-DENIED', vault: 'kv1' }
    ])
    expect(of(findings, 'DNS-ZONE-MISNAMED', 'error').map((f) => f.vault)).toEqual(['kv2'])
    expect(of(findings, 'ACCESS-DENIED')).toHaveLength(1)
  })

  test('a vault name given in any case', () => {
    const h = healthy('Kv-Payments')
    h.record.ttl = 5
    expect(
      problems(run(h.snapshot, {}, [{ rule: 'DNS-RECORD-TTL', vault: 'kv-payments' }]))
    ).toEqual([])
    expect(summary(run(h.snapshot, {}, [{ rule: 'DNS-RECORD-TTL', vault: 'other' }]))).toContain(
      'DNS-RECORD-TTL warning'
    )
  })
})
