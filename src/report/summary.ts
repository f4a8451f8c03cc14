/**
 * The job summary: a headline (result, counts, vaults checked), then per vault its problems
 * (errors, warnings, info) with message, observed/expected, resource, fix and guide link, and what
 * passed folded into `<details>`. Every value from Azure goes through markdown.ts.
 */
import * as core from '@actions/core'
import { RULES } from '../evaluate/catalog.js'
import type { Finding } from '../evaluate/finding.js'
import { countsOf, type ReportJson } from './report.js'
import type { ProbeRun } from '../probe/result.js'
import { renderProbeSummary } from './probe-summary.js'
import { mermaidBlock } from './mermaid.js'
import { codeBlock, escapeMarkdown, inlineCode, link } from './markdown.js'
import {
  countsText,
  plural,
  RESULT_ICON,
  SEVERITY_ICON,
  vaultSections,
  type VaultSection
} from './group.js'

/** GitHub rejects a step summary over 1 MiB; stay well under it. */
export const SUMMARY_MAX_CHARS = 900_000

const HEADLINE = {
  fail: 'Key Vault private link check failed',
  warn: 'Key Vault private link check passed with warnings',
  pass: 'Key Vault private link check passed'
} as const

function title(finding: Finding): string {
  return RULES[finding.rule]?.title ?? finding.rule
}

function problem(finding: Finding): string {
  const parts = [
    `#### ${SEVERITY_ICON[finding.severity]} ${escapeMarkdown(finding.rule)}: ${escapeMarkdown(title(finding))} (${finding.severity})`,
    escapeMarkdown(finding.message)
  ]
  const facts: string[] = []
  if (finding.observed) facts.push(`- **Observed:** ${inlineCode(finding.observed)}`)
  if (finding.expected) facts.push(`- **Expected:** ${inlineCode(finding.expected)}`)
  if (finding.resource) facts.push(`- **Resource:** ${inlineCode(finding.resource)}`)
  if (finding.notRun?.length) {
    const rules = finding.notRun.map((rule) => inlineCode(rule)).join(', ')
    facts.push(`- **Not run because of this:** ${rules}`)
  }
  if (facts.length > 0) parts.push(facts.join('\n'))
  if (finding.fix) parts.push('**Fix:**', codeBlock(finding.fix, 'sh'))
  if (finding.docs) parts.push(`📖 ${link('Troubleshooting guide', finding.docs)}`)
  return parts.join('\n\n')
}

/** What passed, folded: `<details>` with a blank line after `<summary>` so Markdown renders. */
function passes(summary: string, findings: Finding[]): string {
  const items = findings.map(
    (finding) =>
      `- ${SEVERITY_ICON.pass} ${inlineCode(finding.rule)} ${escapeMarkdown(finding.message)}`
  )
  return [`<details><summary>${summary}</summary>`, '', ...items, '', '</details>'].join('\n')
}

function vaultHeading(vault: VaultSection): string {
  return vault.name === null ? 'Not tied to one vault' : `Vault ${inlineCode(vault.name)}`
}

/** Mermaid source of a vault's picture (mermaid.ts), keyed by lower-cased vault name. */
type Diagrams = ReadonlyMap<string, string> | null

function diagramOf(vault: VaultSection, diagrams: Diagrams): string | null {
  const source = vault.name === null ? undefined : diagrams?.get(vault.name.toLowerCase())
  return source ? mermaidBlock(source) : null
}

/** A section with problems: its picture, each problem in full, then what passed, folded. */
function problemSection(
  vault: VaultSection,
  withPasses: boolean,
  diagrams: Diagrams = null
): string {
  const passed = vault.findings.filter((finding) => finding.severity === 'pass')
  const diagram = withPasses ? diagramOf(vault, diagrams) : null
  const parts = [
    `### ${RESULT_ICON[vault.result]} ${vaultHeading(vault)}`,
    countsText(countsOf(vault.findings)),
    ...(diagram ? [diagram] : []),
    ...vault.findings.filter((finding) => finding.severity !== 'pass').map(problem)
  ]
  if (withPasses && passed.length > 0) {
    parts.push(passes(`${SEVERITY_ICON.pass} ${plural(passed.length, 'check')} passed`, passed))
  }
  return parts.join('\n\n')
}

/** Sections without problems, together: one folded list of passes (and picture) per vault. */
function passedSection(
  vaults: VaultSection[],
  withPasses: boolean,
  diagrams: Diagrams = null
): string {
  const parts = [`### ${RESULT_ICON.pass} ${plural(vaults.length, 'vault')} without problems`]
  for (const vault of vaults) {
    const count = plural(vault.findings.length, 'check')
    const label = `${RESULT_ICON.pass} ${vaultHeading(vault)}: ${count} passed`
    const diagram = withPasses ? diagramOf(vault, diagrams) : null
    const list = withPasses && vault.findings.length > 0 ? passes(label, vault.findings) : label
    // The picture goes inside the fold, first, where a passing vault's detail belongs.
    parts.push(diagram ? list.replace(/<\/summary>\n/, () => `</summary>\n\n${diagram}\n`) : list)
  }
  return parts.join('\n\n')
}

function headline(report: ReportJson): string {
  const parts = [
    `## ${RESULT_ICON[report.result]} ${HEADLINE[report.result]}`,
    `**${countsText(report.counts)}**`
  ]
  if (report.vaults.length === 0) {
    parts.push('No vaults were found to check.')
  } else {
    const count = (result: string) => report.vaults.filter((v) => v.result === result).length
    const tally = `${count('fail')} failed, ${count('warn')} with warnings, ${count('pass')} passed`
    const names =
      report.vaults.length <= 20
        ? `: ${report.vaults.map((v) => `${RESULT_ICON[v.result]} ${inlineCode(v.name)}`).join(', ')}`
        : ''
    parts.push(`${plural(report.vaults.length, 'vault')} checked (${tally})${names}`)
  }
  return parts.join('\n\n')
}

/** The whole summary as GitHub Markdown (a pure function of the report). */
export function renderSummary(
  report: ReportJson,
  maxChars = SUMMARY_MAX_CHARS,
  probe: ProbeRun | null = null,
  diagrams: Diagrams = null
): string {
  const sections = vaultSections(report)
  const withProblems = sections.filter((s) => s.findings.some((f) => f.severity !== 'pass'))
  const withoutProblems = sections.filter((s) => !withProblems.includes(s))
  const render = (withPasses: boolean): string[] => [
    headline(report),
    ...(withPasses
      ? []
      : [
          '> [!NOTE]\n> Passed checks are left out so the summary fits; the JSON report lists them.'
        ]),
    ...withProblems.map((vault) => problemSection(vault, withPasses, diagrams)),
    ...(withoutProblems.length > 0 ? [passedSection(withoutProblems, withPasses, diagrams)] : []),
    // What the probe saw, per vault (probe-summary.ts).
    ...(probe ? [renderProbeSummary(probe)] : [])
  ]
  let parts = render(true)
  if (parts.join('\n\n').length > maxChars) parts = render(false)
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

/** Appends the summary to the job summary (GITHUB_STEP_SUMMARY). */
export async function writeSummary(
  report: ReportJson,
  probe: ProbeRun | null = null,
  diagrams: Diagrams = null
): Promise<void> {
  await core.summary.addRaw(renderSummary(report, SUMMARY_MAX_CHARS, probe, diagrams)).write()
}
