// An unreadable private endpoint: every check that works from it is reported as not run (the
// contract: "the checks that needed it are reported as not run").
import { describe, expect, test } from '@jest/globals'
import { idKey } from '../../src/collect/snapshot.js'
import { failure, healthy, of, one, problems, run } from '../helpers/snapshot-builder.js'

describe('private endpoint unreadable', () => {
  test('ACCESS-DENIED lists the PE, IP, DNS and VNet checks it kept from running', () => {
    const h = healthy()
    h.vault.privateEndpoints = {}
    h.vault.privateEndpointFailures[idKey(h.pe.id)] = failure('denied', h.pe.id)
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual(['ACCESS-DENIED error'])
    const denied = one(findings, 'ACCESS-DENIED')
    // PE-LEFTOVER too (it needs the PE to tell a leftover): before rule definitions said what they
    // read, it was missing from a hand-kept list and silently dropped.
    expect(denied.notRun).toEqual([
      'PE-NOT-SUCCEEDED',
      'PE-LEFTOVER',
      'PE-DUPLICATE-VNET',
      'PE-IP-NOT-PRIVATE',
      'PE-DNS-CONFIG-MULTIPLE',
      'DNS-ZONE-MISNAMED',
      'DNS-LINK-MISSING',
      'DNS-LINK-NOT-READY',
      'DNS-RECORD-MISSING',
      'DNS-RECORD-NAME',
      'DNS-RECORD-WRONG-IP',
      'DNS-RECORD-EXTRA-IP',
      'DNS-RECORD-TTL',
      'DNS-ZONE-CONFLICT',
      'VNET-CUSTOM-DNS',
      'VNET-PEERING-NOT-CONNECTED',
      'VNET-NO-ROUTE-TO-PE',
      'DNS-FORWARDING-RULE',
      'DNS-FORWARDING-LOOP'
    ])
    expect(denied.message).toContain('DNS-RECORD-WRONG-IP')
    // None of them gave a verdict, not even a pass.
    for (const rule of ['DNS-RECORD-WRONG-IP', 'PE-IP-NOT-PRIVATE', 'VNET-CUSTOM-DNS'] as const)
      expect(of(findings, rule)).toEqual([])
  })
})
