// What a reader of the job summary and of the sticky PR comment gets, from 1 to 2,000 vaults: the
// built action against the emulator (the scale estate, 30 % broken) on a pull request, both
// surfaces rendered by cmark-gfm as github.com renders them, and the HTML read back as a DOM.
// The contract's "Reports at any size": result and counts first, the vaults with problems as a
// table, past a handful of vaults the rules table, details folded past 20 vaults, within GitHub's
// limits at every size, and what is left out named with the path of the full report.
import { beforeAll, describe, expect, it } from '@jest/globals'
import scaleEstate, { SCALE_SUBSCRIPTION_ID } from '../../emulator/estates/scale.js'
import { readRendered, type Page } from '../report/gfm.js'
import {
  findings,
  pullRequestEnv,
  runAgainst,
  startEmulator,
  stickyComment,
  type ActionRun
} from './harness.js'

const KEY = 'render/kv-doctor'
const TOKEN = 'ghs_workflowtoken0000000000000000000000'
/** GitHub's limits: a step summary of 1 MiB (bytes), a comment of 65,536 characters. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024
const COMMENT_LIMIT_CHARS = 65_536
/** The README's cap on the comment's vault table once only errors are shown. */
const COMMENT_TABLE_ROWS = 100

const ICON = { fail: '❌', warn: '⚠️', pass: '✅' } as const
const SEVERITY_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const
type Result = keyof typeof ICON

interface Case {
  vaults: number
  run: ActionRun
  comment: string
  summary: Page
  commentPage: Page
  /** The vaults with problems, failing ones first: name, result, rule IDs (sorted). */
  problemVaults: { name: string; result: Result; rules: string[] }[]
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

function countsText(run: ActionRun): string {
  const c = run.report.counts
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info, ${c.pass} passed`
}

function tally(run: ActionRun): string {
  const n = (result: Result) =>
    (run.report.vaults as { result: Result }[]).filter((v) => v.result === result).length
  return `${n('fail')} failed, ${n('warn')} with warnings, ${n('pass')} passed`
}

/** From the JSON report: every vault with a finding other than a pass. */
function problemVaults(run: ActionRun): Case['problemVaults'] {
  const order: Result[] = ['fail', 'warn', 'pass']
  const rows = (run.report.vaults as { name: string; result: Result }[]).flatMap((vault) => {
    const rules = new Set(
      findings(run)
        .filter((f) => f.vault === vault.name && f.severity !== 'pass')
        .map((f) => f.rule)
    )
    return rules.size ? [{ name: vault.name, result: vault.result, rules: [...rules].sort() }] : []
  })
  return rows.sort((a, b) => order.indexOf(a.result) - order.indexOf(b.result))
}

const SIZES = [1, 4, 8, 200, 2000]

/** One run per size, each read by every test of its size (2,000 vaults take a while). */
const cases = new Map<number, Case>()

async function commentedRun(
  vaults: number,
  broken = 0.3
): Promise<Omit<Case, 'summary' | 'commentPage'>> {
  const emu = await startEmulator({ estate: scaleEstate({ vaults, broken }) })
  try {
    const run = await runAgainst(
      emu,
      {
        'subscription-id': SCALE_SUBSCRIPTION_ID,
        report: 'summary,comment',
        'github-token': TOKEN,
        'comment-key': KEY
      },
      pullRequestEnv()
    )
    return { vaults, run, comment: stickyComment(emu, KEY), problemVaults: problemVaults(run) }
  } finally {
    await emu.stop()
  }
}

beforeAll(async () => {
  const runs = []
  for (const vaults of SIZES) runs.push(await commentedRun(vaults))
  // One parser process for all of them: jsdom takes a second to load.
  const pages = readRendered(runs.flatMap((r) => [r.run.summary, r.comment]))
  for (const [i, r] of runs.entries()) {
    cases.set(r.vaults, {
      ...r,
      summary: pages[2 * i] as Page,
      commentPage: pages[2 * i + 1] as Page
    })
  }
}, 300_000)

const vaultTable = (page: Page) =>
  page.tables.find((t) => t.header.join('|') === 'vault|result|rules')
const rulesTable = (page: Page) =>
  page.tables.find((t) => t.header.join('|') === 'rule|severity|vaults')
/** Where the full report is, as the rendered text shows it. */
const fullReport = (c: Case) => `the JSON report ${c.run.reportPath} (output report-path)`

// 4 vaults: one broken, so the vaults table shows below the rules table's threshold.
describe.each(SIZES)('%i vaults, 30 % broken', (vaults) => {
  let c: Case
  beforeAll(() => {
    c = cases.get(vaults) as Case
  })

  it('checks every vault and finds the estate’s broken ones', () => {
    expect(c.run.report.vaults).toHaveLength(vaults)
    expect(c.problemVaults).toHaveLength(Math.floor(vaults * 0.3))
    expect(c.run.exitCode).toBe(vaults < 4 ? 0 : 1)
  })

  it('stays under 1 MiB for the summary and 65,536 characters for the comment', () => {
    expect(Buffer.byteLength(c.run.summary, 'utf8')).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(c.comment.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS)
    // Both are the whole rendering, not an empty shell that fits trivially.
    expect(c.summary.blocks.length).toBeGreaterThan(3)
    expect(c.commentPage.blocks.length).toBeGreaterThan(2)
  })

  it('opens both with the result and the counts; the summary names the vaults up to 20', () => {
    const result = c.run.report.result as Result
    const title = `${ICON[result]} Key Vault private link check ${result === 'pass' ? 'passed' : 'failed'}`
    const checked = `${plural(vaults, 'vault')} checked (${tally(c.run)})`
    const named = (c.run.report.vaults as { name: string; result: Result }[])
      .map((v) => `${ICON[v.result]} ${v.name}`)
      .join(', ')
    expect(c.summary.blocks.slice(0, 3)).toEqual([
      { tag: 'h2', text: title },
      { tag: 'p', text: countsText(c.run) },
      { tag: 'p', text: vaults <= 20 ? `${checked}: ${named}` : checked }
    ])
    if (vaults <= 20) {
      for (const { name } of c.problemVaults.filter((v) => v.result === 'fail'))
        expect(c.summary.blocks[2]?.text).toContain(`❌ ${name}`)
    }
    expect(c.commentPage.blocks.slice(0, 2)).toEqual([
      { tag: 'h2', text: title },
      { tag: 'p', text: `${countsText(c.run)} · ${checked}` }
    ])
  })

  it('then a table of the vaults with problems: one row each (capped in a large comment)', () => {
    for (const [page, first, cap, where] of [
      [c.summary, 3, Infinity, `${fullReport(c)} lists every one`],
      [
        c.commentPage,
        2,
        vaults > 200 ? COMMENT_TABLE_ROWS : Infinity,
        `the job summary and ${fullReport(c)} list every one`
      ]
    ] as const) {
      const table = vaultTable(page)
      if (c.problemVaults.length === 0) {
        expect(table).toBeUndefined()
        continue
      }
      // Right after the headline, before any details.
      expect(page.blocks[first]?.tag).toBe('table')
      expect(table?.inDetails).toBe(false)
      const shown = c.problemVaults.slice(0, cap)
      expect(
        table?.rows.map(([vault, result, rules]) => ({
          name: vault,
          result: result?.split(' ')[1],
          icon: result?.split(' ')[0],
          rules: rules?.split(' ').sort()
        }))
      ).toEqual(shown.map((v) => ({ ...v, icon: ICON[v.result] })))
      const left = c.problemVaults.length - shown.length
      if (left > 0) {
        expect(table?.after).toBe(
          `… and ${left} more vaults with problems, left out of this table: ${where}.`
        )
      } else {
        expect(table?.after).not.toMatch(/more vaults? with problems/)
      }
    }
    // At 2,000 vaults only the comment needs the cap.
    if (vaults === 2000) expect(vaultTable(c.commentPage)?.rows).toHaveLength(COMMENT_TABLE_ROWS)
  })

  it('adds the rules by the number of vaults they hit past five vaults, not below', () => {
    const hits = new Map<string, { severity: string; vaults: Set<string> }>()
    for (const f of findings(c.run).filter((f) => f.severity !== 'pass')) {
      const entry = hits.get(f.rule) ?? { severity: f.severity, vaults: new Set<string>() }
      entry.vaults.add(f.vault ?? '-')
      hits.set(f.rule, entry)
    }
    const expected = [...hits].map(([rule, { severity, vaults: hit }]) => [
      rule,
      `${SEVERITY_ICON[severity as keyof typeof SEVERITY_ICON]} ${severity}`,
      String(hit.size)
    ])
    for (const page of [c.summary, c.commentPage]) {
      const table = rulesTable(page)
      if (vaults <= 5) {
        expect(table).toBeUndefined()
        continue
      }
      expect(table?.inDetails).toBe(false)
      expect([...(table?.rows ?? [])].sort()).toEqual(expected.sort())
      const counts = (table?.rows ?? []).map((row) => Number(row[2]))
      expect(counts).toEqual([...counts].sort((a, b) => b - a))
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(c.problemVaults.length)
    }
    if (vaults === 4) expect(vaultTable(c.summary)?.rows).toHaveLength(1)
  })

  it('shows each problem in full under its vault’s heading up to 20 vaults, folded past that', () => {
    const problems = findings(c.run).filter((f) => f.severity !== 'pass' && f.vault !== null)
    const titles = (page: Page, inDetails: boolean) =>
      page.headings.filter((h) => h.level === 4 && h.inDetails === inDetails)
    const vaultSummaries = (page: Page) =>
      page.details.filter((d) => /^(❌|⚠️) Vault kv-scale-\d+: /.test(d.summary))
    const problemHeadings = (page: Page) =>
      page.headings.filter((h) => h.level === 3 && /^(❌|⚠️) Vault /.test(h.text))
    if (vaults <= 20) {
      for (const page of [c.summary, c.commentPage]) {
        expect(
          problemHeadings(page).map((h) => [h.text.split(' ')[2]?.replace(/:$/, ''), h.inDetails])
        ).toEqual(c.problemVaults.map((v) => [v.name, false]))
        expect(titles(page, false)).toHaveLength(problems.length)
        expect(titles(page, true)).toEqual([])
        expect(vaultSummaries(page)).toEqual([])
      }
      return
    }
    // The summary: each vault with problems folds, its problems' headings inside.
    expect(problemHeadings(c.summary)).toEqual([])
    expect(titles(c.summary, false)).toEqual([])
    const folded = vaultSummaries(c.summary)
    expect(folded.map((d) => d.summary.split(' ')[2]?.replace(/:$/, ''))).toEqual(
      c.problemVaults.map((v) => v.name)
    )
    for (const [i, d] of folded.entries()) {
      const rules = new Set(d.headings.map((h) => h.split(' ')[1]?.replace(/:$/, '')))
      expect([...rules].sort()).toEqual(c.problemVaults[i]?.rules)
    }
    // The comment: no detail outside <details>; the errors and their fixes fold under one line.
    expect(c.commentPage.headings.filter((h) => h.level > 2 && !h.inDetails)).toEqual([])
    const errors = c.run.report.counts.error as number
    const list = c.commentPage.details.find((d) =>
      / errors? with (its|their) fixes$/.test(d.summary)
    )
    const shown = Number(/^❌ (\d+) of /.exec(list?.summary ?? '')?.[1] ?? errors)
    expect(list?.summary).toBe(
      shown < errors
        ? `❌ ${shown} of ${errors} errors with their fixes`
        : `❌ ${errors} errors with their fixes`
    )
    expect(list?.items).toBe(shown)
    expect(list?.itemsWithCode).toBe(shown)
    if (vaults === 2000) {
      expect(shown).toBeLessThan(errors)
      expect(c.commentPage.blockquotes).toContain(
        `[!NOTE] ${errors - shown} more errors did not fit in a comment: the job summary and ${fullReport(c)} list every one with its fix.`
      )
    } else {
      expect(shown).toBe(errors)
    }
  })

  it('renders as markup, never as escaped or unparsed text', () => {
    expect(c.summary.junk).toEqual([])
    expect(c.commentPage.junk).toEqual([])
    // The hidden markers stay hidden.
    expect(c.commentPage.blocks.map((b) => b.text).join(' ')).not.toContain('comment-key=')
  })
})

describe('1 vault, healthy: the summary counts it once', () => {
  it('in the heading of the passed section, not also on an overview line', () => {
    const c = cases.get(1) as Case
    expect(c.problemVaults).toEqual([])
    expect(c.summary.blocks[3]).toEqual({ tag: 'h3', text: '✅ 1 vault without problems' })
    const said = c.summary.blocks.filter((b) => b.text.includes('without problems'))
    expect(said).toEqual([{ tag: 'h3', text: '✅ 1 vault without problems' }])
  })
})

describe('2,000 vaults: what the summary leaves out', () => {
  let c: Case
  beforeAll(() => {
    c = cases.get(2000) as Case
  })

  it('drops passes, then the healthy vaults’ section, and names it with the report’s path', () => {
    expect(c.summary.blockquotes).toContain(
      '[!NOTE] Passed checks are left out so the summary fits; the JSON report lists them.'
    )
    expect(c.summary.blockquotes.at(-1)).toBe(
      `[!NOTE] The summary is cut short: 1 more section did not fit (1400 vaults without problems). The JSON report ${c.run.reportPath} (output report-path) has every finding.`
    )
    // The healthy vaults are still counted in the overview.
    expect(c.summary.blocks.map((b) => b.text)).toContainEqual(
      expect.stringMatching(/^✅ 1400 vaults without problems: kv-scale-00001, .* and 1370 more$/)
    )
  })
})

describe('500 healthy vaults: the comment without a problem to show', () => {
  let run: ActionRun
  let comment: string
  let page: Page
  beforeAll(async () => {
    ;({ run, comment } = await commentedRun(500, 0))
    ;[page] = readRendered([comment]) as [Page]
  }, 120_000)

  it('says every vault passed, not that only errors are shown', () => {
    expect(run.exitCode).toBe(0)
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS)
    expect(comment).not.toContain('Only errors')
    expect(page.blockquotes).toEqual([
      `[!NOTE] No problems: 500 vaults passed every check; the job summary and the JSON report ${run.reportPath} (output report-path) list the checks.`
    ])
    expect(page.blocks.map((b) => b.text)).toEqual([
      '✅ Key Vault private link check passed',
      `${countsText(run)} · 500 vaults checked (0 failed, 0 with warnings, 500 passed)`,
      expect.stringMatching(/^✅ 500 vaults without problems: kv-scale-00001, .* and 470 more$/),
      expect.stringMatching(/^\[!NOTE\] No problems: /),
      expect.stringMatching(/^Full report in the job summary · comment-key /)
    ])
  })
})
