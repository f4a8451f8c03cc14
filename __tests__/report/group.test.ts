import { describe, expect, it } from '@jest/globals'
import type { Severity } from '../../src/evaluate/finding.js'
import { bySeverity } from '../../src/report/group.js'
import { finding, pass } from './findings.js'

describe('bySeverity', () => {
  it('puts errors, then warnings, then info, then passes, each in the order given', () => {
    const given = [
      pass('PE-NONE', 'kv1'),
      finding('DNS-RECORD-TTL', 'kv1', { severity: 'warning' }),
      finding('FW-PUBLIC-OPEN', 'kv1'),
      pass('DNS-RECORD-TTL', 'kv1'),
      finding('DNS-LINK-MISSING', 'kv1', { severity: 'info' }),
      finding('PE-NONE', 'kv1', { severity: 'error' }),
      finding('FW-TRUSTED-SERVICES', 'kv1', { severity: 'warning' })
    ]
    expect(bySeverity(given)).toEqual([
      given[2],
      given[5],
      given[1],
      given[6],
      given[4],
      given[0],
      given[3]
    ])
    expect(bySeverity([])).toEqual([])
  })

  it('leaves out a finding of no known severity (a merged report of a later version)', () => {
    const odd = finding('PE-NONE', 'kv1', { severity: 'notice' as Severity })
    expect(bySeverity([odd, pass('PE-NONE', 'kv2')])).toEqual([pass('PE-NONE', 'kv2')])
  })
})
