/**
 * The job summary: a headline (result, counts, vaults checked), then per vault its problems
 * (errors, warnings, info) with message, observed/expected, resource, fix and guide link, and what
 * passed folded into `<details>`. A pure function of the report: publish.ts writes it, and
 * finding-markdown.ts renders each finding as the comment does.
 */
import type { ProbeRun } from '../probe/result.js'
import { countsOf, type ReportJson } from './report.js'
import { renderProbeSummary } from './probe-summary.js'
import { escapeMarkdown, inlineCode } from './markdown.js'
import {
  clientsLine,
  FOLD_VAULTS_FROM,
  fullReport,
  hasProblems,
  listedIn,
  overviewMarkdown
} from './overview.js'
import {
  diagramOf,
  folded,
  passedMarkdown,
  problemsMarkdown,
  type Diagrams,
  type FindingStyle
} from './finding-markdown.js'
import {
  changeLine,
  changeWords,
  countsText,
  plural,
  RESULT_HEADLINE,
  RESULT_ICON,
  sectionTitle,
  SEVERITY_ICON,
  vaultSections,
  vaultTally,
  type ChangeWords,
  type VaultSection
} from './group.js'

/**
 * GitHub rejects a step summary over 1 MiB (of UTF-8: each icon takes 3 or 4 bytes); stay well
 * under it.
 */
export const SUMMARY_MAX_BYTES = 900_000

/** Rows of the vaults-with-problems table; the rest are counted, with where to find them. */
export const SUMMARY_TABLE_ROWS = 1_000

export { FOLD_VAULTS_FROM }
/** Pictures only for vaults with problems, and at most this many (Mermaid is heavy to draw). */
export const MAX_DIAGRAMS = 10

/** Problems sit under `###` vault headings, in full. */
export const SUMMARY_STYLE: FindingStyle = { headingLevel: 4, severityInTitle: true, notRun: true }

/** A section with problems: its picture, each problem in full, then what passed, folded. */
function problemSection(
  vault: VaultSection,
  withPasses: boolean,
  diagram: string | null,
  fold: boolean,
  words: ChangeWords | null
): string {
  const title = `${RESULT_ICON[vault.result]} ${sectionTitle(vault, inlineCode)}`
  const counts = countsText(countsOf(vault.findings))
  const clients = clientsLine(vault.findings)
  const body = [
    ...(clients ? [clients] : []),
    ...problemsMarkdown(vault, withPasses ? diagram : null, withPasses, SUMMARY_STYLE, words)
  ]
  if (fold) return folded(`<strong>${title}</strong>: ${counts}`, body.join('\n\n'))
  return [`### ${title}`, counts, ...body].join('\n\n')
}

/** Sections without problems, together: one folded list of passes (and picture) per vault. */
/** The vaults without problems, or null once the text would pass `budget` characters. */
function passedSection(
  vaults: VaultSection[],
  withPasses: boolean,
  pictureOf: (vault: VaultSection) => string | null,
  budget = Infinity
): string | null {
  const parts = [`### ${RESULT_ICON.pass} ${plural(vaults.length, 'vault')} without problems`]
  let length = parts[0]!.length
  for (const vault of vaults) {
    const count = plural(vault.findings.length, 'check')
    const clients = clientsLine(vault.findings)
    const inline = clients.replace(/\*\*(.*?)\*\*/, '<strong>$1</strong>')
    const label = `${RESULT_ICON.pass} ${sectionTitle(vault, inlineCode)}: ${count} passed${clients ? ` · ${inline}` : ''}`
    // Without a pass to fold, the label stands alone, picture or not.
    const shown = withPasses && vault.findings.length > 0
    const part = passedMarkdown(label, shown ? pictureOf(vault) : null, shown ? vault.findings : [])
    length += part.length + 2
    if (length > budget) return null
    parts.push(part)
  }
  return parts.join('\n\n')
}

function headline(report: ReportJson): string {
  const parts = [`## ${RESULT_ICON[report.result]} ${RESULT_HEADLINE[report.result]}`]
  const change = changeLine(report)
  if (change) parts.push(change)
  parts.push(`**${countsText(report.counts)}**`)
  if (report.vaults.length === 0) {
    parts.push('No vaults were found to check.')
  } else {
    const names =
      report.vaults.length <= 20
        ? `: ${report.vaults.map((v) => `${RESULT_ICON[v.result]} ${inlineCode(v.name)}`).join(', ')}`
        : ''
    parts.push(`${plural(report.vaults.length, 'vault')} checked (${vaultTally(report)})${names}`)
  }
  return parts.join('\n\n')
}

/** What the change fixes, or what is gone since the baseline, folded. */
function resolvedList(report: ReportJson, title: string): string {
  const resolved = report.resolved ?? []
  const shown = resolved
    .slice(0, 50)
    .map(
      (f) =>
        `- ${SEVERITY_ICON[f.severity]} ${inlineCode(f.rule)} ${f.vault === null ? '' : `on ${inlineCode(f.vault)}`}: ${escapeMarkdown(f.message)}`
    )
  if (resolved.length > shown.length)
    shown.push(
      `- … and ${resolved.length - shown.length} more (the JSON report's \`resolved\` lists them)`
    )
  return `<details><summary>✅ ${title}: ${plural(resolved.length, 'problem')}</summary>\n\n${shown.join('\n')}\n\n</details>`
}

/** A piece of the summary, and what a reader misses if it is cut. */
interface Part {
  text: string
  /** Vaults with problems whose details it holds. */
  problems?: number
  /** Vaults without problems it lists. */
  healthy?: number
  /** What else it is, e.g. "the probe's results". */
  label?: string
  /** Known not to fit in what is left, so not rendered (`text` is empty). */
  unfit?: boolean
}

/** What the parts that did not fit held, for the note that says so. */
function leftOut(parts: readonly Part[]): string {
  const problems = parts.reduce((n, p) => n + (p.problems ?? 0), 0)
  const healthy = parts.reduce((n, p) => n + (p.healthy ?? 0), 0)
  return [
    problems ? `the details of ${plural(problems, 'vault')} with problems` : '',
    healthy ? `${plural(healthy, 'vault')} without problems` : '',
    ...new Set(parts.map((p) => p.label ?? ''))
  ]
    .filter(Boolean)
    .join('; ')
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

/**
 * The whole summary as GitHub Markdown (a pure function of the report), at most `maxBytes` of
 * UTF-8. `reportPath` (the JSON report's) is named wherever something is left out.
 */
export function renderSummary(
  report: ReportJson,
  maxBytes = SUMMARY_MAX_BYTES,
  probe: ProbeRun | null = null,
  diagrams: Diagrams = null,
  reportPath: string | null = null
): string {
  const sections = vaultSections(report)
  const withProblems = sections.filter(hasProblems)
  const withoutProblems = sections.filter((s) => !hasProblems(s))
  const fold = report.vaults.length > FOLD_VAULTS_FROM
  const where = fullReport(reportPath)
  const words = changeWords(report)
  // Pictures for the vaults with problems and, with a plan, those the change adds to: the first
  // MAX_DIAGRAMS of them.
  const added = withoutProblems.filter((s) => s.findings.some((f) => f.change === 'new'))
  const drawn = new Set([...withProblems, ...added].slice(0, MAX_DIAGRAMS))
  const pictureOf = (vault: VaultSection): string | null =>
    drawn.has(vault) ? diagramOf(vault, diagrams) : null
  // Part by part, so that a summary that cannot fit with its passed checks is given up as soon
  // as it outgrows the limit, not after rendering every vault's passes (at 500 vaults, most of
  // what the summary allocated). `budget` is what is left of the limit.
  function* render(withPasses: boolean, budget: () => number): Generator<Part | null> {
    yield { text: headline(report), label: 'the headline' }
    if (words && report.resolved?.length)
      yield { text: resolvedList(report, words.resolved), label: 'the list of what was fixed' }
    // Without a vault with problems, the healthy line would only repeat the headline's tally and
    // the heading of the passed section under it.
    const overview = overviewMarkdown(sections, SUMMARY_TABLE_ROWS, listedIn(reportPath), {
      healthy: withProblems.length > 0
    })
    for (const text of overview) yield { text, label: 'part of the overview' }
    if (!withPasses)
      yield {
        text: '> [!NOTE]\n> Passed checks are left out so the summary fits; the JSON report lists them.'
      }
    if (withProblems.length > MAX_DIAGRAMS && diagrams)
      yield {
        text: `> [!NOTE]\n> Pictures are drawn for the first ${MAX_DIAGRAMS} vaults with problems only.`
      }
    for (const vault of withProblems)
      yield { text: problemSection(vault, withPasses, pictureOf(vault), fold, words), problems: 1 }
    if (withoutProblems.length > 0) {
      // Its length in UTF-16 units is at most its size in bytes: past the budget, it cannot fit.
      // Without passes, a section that cannot fit is not rendered in full only to be cut below
      // (at 2,000 vaults, 1,400 healthy ones' lines).
      const text = passedSection(withoutProblems, withPasses, pictureOf, budget())
      const healthy = withoutProblems.filter((s) => s.name !== null).length
      yield text !== null
        ? { text, healthy }
        : withPasses
          ? null
          : { text: '', healthy, unfit: true }
    }
    // What the probe saw, per vault (probe-summary.ts).
    if (probe) yield { text: renderProbeSummary(probe), label: 'what the probe saw' }
  }
  // Sizes once each: the budget is GitHub's, in bytes, and a summary can be most of a MiB.
  const sized = (withPasses: boolean): (Part & { size: number })[] | null => {
    const parts: (Part & { size: number })[] = []
    let used = -2 // the parts are joined by blank lines
    for (const part of render(withPasses, () => maxBytes - used - 2)) {
      if (part === null) return null
      const size = part.unfit ? Infinity : bytes(part.text)
      used += size + 2
      if (withPasses && used > maxBytes) return null
      parts.push({ ...part, size })
    }
    return parts
  }
  // Every pass is a line of at least its rule ID and message with passes: when those alone
  // outgrow the limit (40,000 passes at 2,000 vaults), that rendering is not even begun.
  let passBytes = 0
  for (const section of sections)
    for (const f of section.findings)
      if (f.severity === 'pass') passBytes += f.rule.length + f.message.length + 4
  const parts =
    (passBytes <= maxBytes ? sized(true) : null) ?? (sized(false) as (Part & { size: number })[])
  const total = (list: { size: number }[]) =>
    list.reduce((n, p) => n + p.size, 0) + 2 * Math.max(0, list.length - 1)
  if (total(parts) <= maxBytes) return `${parts.map((p) => p.text).join('\n\n')}\n`
  // Whole parts, in order, while they fit with room for the note that names what did not.
  const kept: string[] = []
  let used = 0
  for (const [index, part] of parts.entries()) {
    const next = used + (kept.length > 0 ? 2 : 0) + part.size
    if (next > maxBytes - 600) {
      const rest = parts.slice(index)
      const left = plural(rest.length, 'more section')
      const full = where.charAt(0).toUpperCase() + where.slice(1)
      return `${kept.join('\n\n')}\n\n> [!NOTE]\n> The summary is cut short: ${left} did not fit (${leftOut(rest)}). ${full} has every finding.\n`
    }
    kept.push(part.text)
    used = next
  }
  return `${kept.join('\n\n')}\n`
}
