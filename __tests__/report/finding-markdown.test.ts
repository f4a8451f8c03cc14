// The job summary and the PR comment render a finding through one function; each surface only
// picks its heading level and how much it spells out.
import { describe, expect, it } from '@jest/globals'
import { COMMENT_STYLE, renderComment } from '../../src/report/comment.js'
import { folded, passList, problemMarkdown } from '../../src/report/finding-markdown.js'
import { buildReport } from '../../src/report/report.js'
import { renderSummary, SUMMARY_STYLE } from '../../src/report/summary.js'
import { finding, pass, vaultId } from './findings.js'

const WRONG_IP = finding('DNS-RECORD-WRONG-IP', 'kv1', {
  message: 'A record kv1 points to 10.1.2.9 <img src=x onerror=alert(1)>',
  observed: '10.1.2.9',
  expected: '10.1.2.3',
  fix: 'az network private-dns record-set a add-record -n kv1 -a 10.1.2.3'
})
const DENIED = finding('ACCESS-DENIED', 'kv1', {
  notRun: ['DNS-ZONE-MISSING'],
  docs: 'javascript:alert(1)'
})

function report() {
  return buildReport(
    [WRONG_IP, DENIED, pass('PE-NONE', 'kv1', { message: 'one *private* endpoint' })],
    [{ name: 'kv1', id: vaultId('kv1') }]
  )
}

describe('problemMarkdown', () => {
  it('is the block both surfaces show for a problem, at their own heading level', () => {
    const summary = renderSummary(report())
    const comment = renderComment(report(), { key: 'k' })
    for (const f of [WRONG_IP, DENIED]) {
      expect(summary).toContain(`\n\n${problemMarkdown(f, SUMMARY_STYLE)}\n\n`)
      expect(comment).toContain(`\n\n${problemMarkdown(f, COMMENT_STYLE)}\n\n`)
    }
  })

  it('gives the summary the severity and the checks not run; the comment leaves both out', () => {
    const full = problemMarkdown(DENIED, SUMMARY_STYLE)
    const short = problemMarkdown(DENIED, COMMENT_STYLE)
    expect(full.split('\n')[0]).toBe(
      '#### ❌ ACCESS-DENIED: Access denied to a resource a check needs (error)'
    )
    expect(short.split('\n')[0]).toBe(
      '#### ❌ ACCESS-DENIED: Access denied to a resource a check needs'
    )
    expect(full).toContain('- **Not run because of this:** <code>DNS-ZONE-MISSING</code>')
    expect(short).not.toContain('Not run')
    // Apart from those two lines, the same text.
    const rest = (text: string) =>
      text
        .split('\n')
        .slice(1)
        .filter((line) => !line.startsWith('- **Not run'))
    expect(rest(short)).toEqual(rest(full))
  })

  it('escapes what came from Azure and links only http(s) guides', () => {
    const text = problemMarkdown(WRONG_IP, SUMMARY_STYLE)
    expect(text).not.toContain('<img')
    expect(text).toContain('&#60;img src=x onerror=alert&#40;1&#41;&#62;')
    expect(text).toContain('```sh\naz network private-dns record-set a add-record')
    expect(text).toMatch(/📖 \[Troubleshooting guide\]\(https:\/\//)
    const denied = problemMarkdown(DENIED, SUMMARY_STYLE)
    expect(denied).toContain('📖 Troubleshooting guide')
    expect(denied).not.toContain('javascript:')
  })
})

describe('passList and folded', () => {
  it('fold what passed the same way on both surfaces', () => {
    const passed = [pass('PE-NONE', 'kv1', { message: 'one *private* endpoint' })]
    const block = folded('✅ 1 check passed', passList(passed))
    expect(block).toBe(
      '<details><summary>✅ 1 check passed</summary>\n\n- ✅ <code>PE-NONE</code> one &#42;private&#42; endpoint\n\n</details>'
    )
    expect(renderSummary(report())).toContain(block)
    expect(renderComment(report(), { key: 'k' })).toContain(block)
  })
})
