/**
 * Findings as GitHub Markdown, for both surfaces that render Markdown: the job summary and the
 * PR comment. A surface says how a finding sits under its own headings (a `FindingStyle`); what a
 * finding shows, and how every value from Azure is escaped (markdown.ts), is decided only here.
 */
import { RULES } from '../evaluate/catalog.js'
import type { Finding } from '../evaluate/finding.js'
import { plural, SEVERITY_ICON, type ChangeWords, type VaultSection } from './group.js'
import { codeBlock, escapeMarkdown, inlineCode, link, wrapFix } from './markdown.js'
import { mermaidBlock } from './mermaid.js'

export interface FindingStyle {
  /** The problem's heading level: one below the surface's vault heading. */
  headingLevel: number
  /** `(error)` after the title. The icon says it too; the size-capped comment leaves it out. */
  severityInTitle: boolean
  /** The checks a failed read kept from running (`notRun`). */
  notRun: boolean
}

/** Mermaid sources of the vaults' pictures (mermaid.ts), keyed by lower-cased vault name. */
/** A vault's diagram by its lower-case name; drawn when asked for (vaultDiagrams). */
export interface DiagramLookup {
  get(vaultKey: string): string | undefined
}

export type Diagrams = DiagramLookup | null | undefined

export function ruleTitle(finding: Finding): string {
  return RULES[finding.rule]?.title ?? finding.rule
}

/**
 * A problem in full: heading, message, observed/expected/resource, fix, guide link. With a
 * comparison, `words` (changeWords) say whether it is new or was there already.
 */
export function problemMarkdown(
  finding: Finding,
  style: FindingStyle,
  words: ChangeWords | null = null
): string {
  const severity = style.severityInTitle ? ` (${finding.severity})` : ''
  const said = finding.change && words?.[finding.change]
  const change = said ? `**${said}** ` : ''
  const parts = [
    `${'#'.repeat(style.headingLevel)} ${SEVERITY_ICON[finding.severity]} ${escapeMarkdown(finding.rule)}: ${escapeMarkdown(ruleTitle(finding))}${severity}`,
    `${change}${escapeMarkdown(finding.message)}`
  ]
  const facts: string[] = []
  if (finding.observed) facts.push(`- **Observed:** ${inlineCode(finding.observed)}`)
  if (finding.expected) facts.push(`- **Expected:** ${inlineCode(finding.expected)}`)
  if (finding.resource) facts.push(`- **Resource:** ${inlineCode(finding.resource)}`)
  if (style.notRun && finding.notRun?.length) {
    const rules = finding.notRun.map((rule) => inlineCode(rule)).join(', ')
    facts.push(`- **Not run because of this:** ${rules}`)
  }
  if (facts.length > 0) parts.push(facts.join('\n'))
  if (finding.fix) parts.push('**Fix:**', codeBlock(wrapFix(finding.fix), 'sh'))
  if (finding.docs) parts.push(`📖 ${link('Troubleshooting guide', finding.docs)}`)
  return parts.join('\n\n')
}

/** What passed, one line each. */
export function passList(findings: readonly Finding[]): string {
  return findings
    .map((f) => `- ${SEVERITY_ICON.pass} ${inlineCode(f.rule)} ${escapeMarkdown(f.message)}`)
    .join('\n')
}

/** `<details>` with a blank line after `<summary>`, or Markdown inside would not render. */
export function folded(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/** A vault's picture as a Mermaid block, if there is one. */
export function diagramOf(section: Pick<VaultSection, 'name'>, diagrams: Diagrams): string | null {
  const source = section.name === null ? undefined : diagrams?.get(section.name.toLowerCase())
  return source ? mermaidBlock(source) : null
}

/**
 * The body of a vault with problems, under the surface's heading: its picture, each problem in
 * full, then (with `withPasses`) what passed, folded.
 */
export function problemsMarkdown(
  section: VaultSection,
  diagram: string | null,
  withPasses: boolean,
  style: FindingStyle,
  words: ChangeWords | null
): string[] {
  const passed = section.findings.filter((f) => f.severity === 'pass')
  const parts = diagram ? [diagram] : []
  parts.push(
    ...section.findings
      .filter((f) => f.severity !== 'pass')
      .map((f) => problemMarkdown(f, style, words))
  )
  if (withPasses && passed.length > 0) {
    parts.push(
      folded(`${SEVERITY_ICON.pass} ${plural(passed.length, 'check')} passed`, passList(passed))
    )
  }
  return parts
}

/** A vault without problems: its label, with its picture and passes folded under it if any. */
export function passedMarkdown(
  label: string,
  diagram: string | null,
  passed: readonly Finding[]
): string {
  const inner = [diagram ?? '', passList(passed)].filter(Boolean).join('\n\n')
  return inner ? folded(label, inner) : label
}
