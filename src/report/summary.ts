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
import { clientsLine, hasProblems, overviewMarkdown } from './overview.js'
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
  countsText,
  plural,
  RESULT_HEADLINE,
  RESULT_ICON,
  SEVERITY_ICON,
  vaultSections,
  vaultTally,
  type VaultSection
} from './group.js'

/** GitHub rejects a step summary over 1 MiB; stay well under it. */
export const SUMMARY_MAX_CHARS = 900_000

/** Past this many vaults, each vault's details are folded under its heading. */
export const FOLD_VAULTS_FROM = 20
/** Pictures only for vaults with problems, and at most this many (Mermaid is heavy to draw). */
export const MAX_DIAGRAMS = 10

/** Problems sit under `###` vault headings, in full. */
export const SUMMARY_STYLE: FindingStyle = { headingLevel: 4, severityInTitle: true, notRun: true }

function vaultHeading(vault: VaultSection): string {
  return vault.name === null ? 'Not tied to one vault' : `Vault ${inlineCode(vault.name)}`
}

/** A section with problems: its picture, each problem in full, then what passed, folded. */
function problemSection(
  vault: VaultSection,
  withPasses: boolean,
  diagram: string | null,
  fold: boolean
): string {
  const title = `${RESULT_ICON[vault.result]} ${vaultHeading(vault)}`
  const counts = countsText(countsOf(vault.findings))
  const clients = clientsLine(vault.findings)
  const body = [
    ...(clients ? [clients] : []),
    ...problemsMarkdown(vault, withPasses ? diagram : null, withPasses, SUMMARY_STYLE)
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
    const label = `${RESULT_ICON.pass} ${vaultHeading(vault)}: ${count} passed${clients ? ` · ${inline}` : ''}`
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

/** What the change fixes (the other state's errors and warnings that are gone), folded. */
function resolvedList(report: ReportJson): string {
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
  return `<details><summary>✅ Fixed by this change: ${plural(resolved.length, 'problem')}</summary>\n\n${shown.join('\n')}\n\n</details>`
}

/** The whole summary as GitHub Markdown (a pure function of the report). */
export function renderSummary(
  report: ReportJson,
  maxChars = SUMMARY_MAX_CHARS,
  probe: ProbeRun | null = null,
  diagrams: Diagrams = null
): string {
  const sections = vaultSections(report)
  const withProblems = sections.filter(hasProblems)
  const withoutProblems = sections.filter((s) => !hasProblems(s))
  const fold = report.vaults.length > FOLD_VAULTS_FROM
  // Pictures for the vaults with problems and, with a plan, those the change adds to: the first
  // MAX_DIAGRAMS of them.
  const added = withoutProblems.filter((s) => s.findings.some((f) => f.change === 'new'))
  const drawn = new Set([...withProblems, ...added].slice(0, MAX_DIAGRAMS))
  const pictureOf = (vault: VaultSection): string | null =>
    drawn.has(vault) ? diagramOf(vault, diagrams) : null
  // Part by part, so that a summary that cannot fit with its passed checks is given up as soon
  // as it outgrows the limit, not after rendering every vault's passes (at 500 vaults, most of
  // what the summary allocated).
  function* render(withPasses: boolean, budget: () => number): Generator<string | null> {
    yield headline(report)
    if (report.resolved?.length) yield resolvedList(report)
    yield* overviewMarkdown(sections)
    if (!withPasses)
      yield '> [!NOTE]\n> Passed checks are left out so the summary fits; the JSON report lists them.'
    if (withProblems.length > MAX_DIAGRAMS && diagrams)
      yield `> [!NOTE]\n> Pictures are drawn for the first ${MAX_DIAGRAMS} vaults with problems only.`
    for (const vault of withProblems)
      yield problemSection(vault, withPasses, pictureOf(vault), fold)
    if (withoutProblems.length > 0)
      yield passedSection(withoutProblems, withPasses, pictureOf, withPasses ? budget() : Infinity)
    // What the probe saw, per vault (probe-summary.ts).
    if (probe) yield renderProbeSummary(probe)
  }
  const whole = (withPasses: boolean): string[] | null => {
    const parts: string[] = []
    let length = -2 // the parts are joined by blank lines
    for (const part of render(withPasses, () => maxChars - length - 2)) {
      if (part === null) return null
      length += part.length + 2
      if (withPasses && length > maxChars) return null
      parts.push(part)
    }
    return parts
  }
  const parts = whole(true) ?? (whole(false) as string[])
  let text = ''
  for (const [index, part] of parts.entries()) {
    const next = text === '' ? part : `${text}\n\n${part}`
    if (next.length > maxChars - 300) {
      const left = plural(parts.length - index, 'more section')
      return `${text}\n\n> [!NOTE]\n> The summary is cut short: ${left} did not fit. The JSON report (output \`report-path\`) has every finding.\n`
    }
    text = next
  }
  return `${text}\n`
}
