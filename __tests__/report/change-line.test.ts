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

const NIGHT = '2025-06-01T02:00:00.000Z'

/** The same comparison, made against last night's report instead of a plan. */
function sinceBaseline(generatedAt: string | null = NIGHT): ReportJson {
  const report = compared()
  delete report.plan
  return {
    ...report,
    baseline: { path: 'baseline/report.json', generatedAt, new: 1, resolved: 1 }
  }
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

  it('with a baseline and no plan, speaks of the time since the baseline, not of a change', () => {
    const text = renderSummary(sinceBaseline())
    expect(text).toContain(`**Since ${NIGHT}: 1 new, 1 resolved; 2 unchanged.**`)
    expect(text).toContain(`**New since ${NIGHT}.** DNS-LINK-MISSING for kv2`)
    expect(text).toContain(`**Also in the report of ${NIGHT}.** FW-PUBLIC-OPEN for kv1`)
    expect(text).toContain(`<details><summary>✅ Resolved since ${NIGHT}: 1 problem</summary>`)
    expect(text).not.toMatch(/this change|Fixed by/i)
    const comment = renderComment(sinceBaseline(), { key: 'nightly' })
    expect(comment).toContain(`**New since ${NIGHT}.** DNS-LINK-MISSING for kv2`)
    expect(comment).toContain(`**Also in the report of ${NIGHT}.** FW-PUBLIC-OPEN for kv1`)
    expect(comment).not.toMatch(/this change/i)
  })

  it('names the baseline by its path when it has no generatedAt', () => {
    const text = renderSummary(sinceBaseline(null))
    const where = 'the baseline &#40;baseline/report.json&#41;'
    expect(text).toContain(`**New since ${where}.** DNS-LINK-MISSING for kv2`)
    expect(text).toContain(`**Also in ${where}.** FW-PUBLIC-OPEN for kv1`)
    expect(text).toContain(`<summary>✅ Resolved since ${where}: 1 problem</summary>`)
  })

  it('with a plan and a baseline, words the problems as the plan does, the baseline beside', () => {
    const both = { ...compared(), baseline: sinceBaseline().baseline }
    const text = renderSummary(both)
    expect(text).toContain(
      `**This change introduces 1 problem and fixes 1; 2 were there before.**\n\n**Since ${NIGHT}: 1 new, 1 resolved.**`
    )
    expect(text).toContain('**New after this change.** DNS-LINK-MISSING for kv2')
    expect(text).toContain('**There before this change.** FW-PUBLIC-OPEN for kv1')
    expect(text).toContain('<summary>✅ Fixed by this change: 1 problem</summary>')
    expect(text).not.toContain(`New since ${NIGHT}`)
  })
})
