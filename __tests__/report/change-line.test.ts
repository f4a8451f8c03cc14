// With a plan, the summary and the comment lead with what the change does, and each problem says
// whether the change brings it.
import { describe, expect, it } from '@jest/globals'
import { compareFindings } from '../../src/compare/compare.js'
import { renderComment } from '../../src/report/comment.js'
import { buildReport, type ReportJson } from '../../src/report/report.js'
import { renderSummary } from '../../src/report/summary.js'
import { finding, vaultId } from './findings.js'

function compared(): ReportJson {
  const live = [
    finding('DNS-RECORD-TTL', 'kv1', { severity: 'warning' }),
    finding('FW-PUBLIC-OPEN', 'kv1'),
    finding('PE-NONE', 'kv2')
  ]
  const proposed = [
    finding('FW-PUBLIC-OPEN', 'kv1'),
    finding('DNS-LINK-MISSING', 'kv2'),
    finding('PE-NONE', 'kv2')
  ]
  const { findings, resolved } = compareFindings(proposed, live)
  const report = buildReport(findings, [
    { name: 'kv1', id: vaultId('kv1') },
    { name: 'kv2', id: vaultId('kv2') }
  ])
  return { ...report, resolved, plan: { format: 'what-if', path: 'whatif.json', resources: 2 } }
}

describe('the change line', () => {
  it('leads the summary, and each problem says new or there before', () => {
    const text = renderSummary(compared())
    const lead = 'This change introduces 1 problem and fixes 1; 2 were there before.'
    expect(text.indexOf(lead)).toBeGreaterThan(0)
    expect(text.indexOf(lead)).toBeLessThan(text.indexOf('\n### '))
    expect(text).toContain('**New after this change.** DNS-LINK-MISSING for kv2')
    expect(text).toContain('**There before this change.** FW-PUBLIC-OPEN for kv1')
    expect(text).toContain('Fixed by this change: 1 problem')
  })

  it('leads the comment', () => {
    const text = renderComment(compared(), { key: 'infra/kv-doctor' })
    expect(text).toContain('**This change introduces 1 problem and fixes 1; 2 were there before.**')
  })

  it('is absent without a comparison', () => {
    const plain = buildReport(
      [finding('FW-PUBLIC-OPEN', 'kv1')],
      [{ name: 'kv1', id: vaultId('kv1') }]
    )
    expect(renderSummary(plain)).not.toContain('This change')
    expect(renderComment(plain, { key: 'k' })).not.toContain('This change')
  })
})
