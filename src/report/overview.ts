/**
 * The overview both Markdown surfaces open with, so a run over hundreds of vaults reads at a
 * glance: a table of the vaults with problems (vault, result, rule IDs), the healthy ones on one
 * line, and — past a handful of vaults — a table of the rules by how many vaults they hit. It
 * counts what the report holds; it decides nothing.
 */
import type { Finding } from '../evaluate/finding.js'
import { RULE_IDS } from '../evaluate/catalog.js'
import { nameOf } from '../common/arm-id.js'
import { plural, RESULT_ICON, SEVERITY_ICON, vaultText, type VaultSection } from './group.js'
import { escapeMarkdown, inlineCode } from './markdown.js'

/** Past this many vaults, the rules table joins the vaults table. */
export const RULES_TABLE_FROM = 5
/** Past this many vaults, each vault's details are folded under its heading (summary and comment). */
export const FOLD_VAULTS_FROM = 20
/** Healthy vaults named on their line; the rest are counted. */
const HEALTHY_NAMES = 30

export function hasProblems(section: VaultSection): boolean {
  return section.findings.some((f) => f.severity !== 'pass')
}

/** Vaults with problems first (as sections already are by result), then the healthy ones. */
export function problemsFirst(sections: readonly VaultSection[]): VaultSection[] {
  return [...sections.filter(hasProblems), ...sections.filter((s) => !hasProblems(s))]
}

function problemRules(findings: readonly Finding[]): string[] {
  const rules = new Set(findings.filter((f) => f.severity !== 'pass').map((f) => f.rule))
  return RULE_IDS.filter((rule) => rules.has(rule))
}

/**
 * Where a reader finds what a surface leaves out: the JSON report, by its path when known (the
 * `report-path` output names it too, for a later step that uploads it).
 */
export function fullReport(reportPath: string | null | undefined): string {
  return reportPath
    ? `the JSON report ${inlineCode(reportPath)} (output \`report-path\`)`
    : 'the JSON report (output `report-path`)'
}

/** `… lists every one`: where what a surface leaves out is, as the end of a sentence. */
export function listedIn(reportPath: string | null | undefined, withSummary = false): string {
  const report = fullReport(reportPath)
  return withSummary ? `the job summary and ${report} list every one` : `${report} lists every one`
}

/**
 * `| vault | result | rules |` for the vaults with problems, at most `limit` rows. The rest are
 * counted on a line of their own after the table, not in a row: a row would read as a vault.
 */
export function problemTable(
  sections: readonly VaultSection[],
  limit = Infinity,
  where = listedIn(null)
): string {
  const rows = sections.filter(hasProblems)
  if (rows.length === 0) return ''
  const shown = rows.slice(0, limit)
  const lines = [
    '| vault | result | rules |',
    '|---|---|---|',
    ...shown.map(
      (s) =>
        `| ${vaultText(s.name)} | ${RESULT_ICON[s.result]} ${s.result} | ${problemRules(s.findings)
          .map((rule) => inlineCode(rule))
          .join(' ')} |`
    )
  ]
  const table = lines.join('\n')
  const left = rows.length - shown.length
  if (left === 0) return table
  // A blank line ends the table: a line right under it would be parsed as one more row.
  return `${table}\n\n… and ${plural(left, 'more vault')} with problems, left out of this table: ${where}.`
}

/** `✅ 12 vaults without problems: a, b, … and 3 more`. */
export function healthyLine(sections: readonly VaultSection[]): string {
  const healthy = sections.filter((s) => !hasProblems(s) && s.name !== null)
  if (healthy.length === 0) return ''
  const names = healthy.slice(0, HEALTHY_NAMES).map((s) => inlineCode(s.name ?? ''))
  const more = healthy.length > HEALTHY_NAMES ? ` and ${healthy.length - HEALTHY_NAMES} more` : ''
  const count = `${healthy.length} vault${healthy.length === 1 ? '' : 's'} without problems`
  return `${RESULT_ICON.pass} ${count}: ${names.join(', ')}${more}`
}

/** `| rule | severity | vaults |`, the rules that hit most vaults first. */
export function rulesTable(sections: readonly VaultSection[]): string {
  const hits = new Map<string, { severity: Finding['severity']; vaults: number }>()
  for (const section of sections) {
    if (!hasProblems(section)) continue
    for (const finding of section.findings) {
      if (finding.severity === 'pass') continue
      const seen = hits.get(finding.rule)
      if (!seen) hits.set(finding.rule, { severity: finding.severity, vaults: 0 })
    }
    for (const rule of problemRules(section.findings)) {
      const entry = hits.get(rule)
      if (entry) entry.vaults++
    }
  }
  if (hits.size === 0) return ''
  const rows = [...hits.entries()].sort(
    (a, b) =>
      b[1].vaults - a[1].vaults || RULE_IDS.indexOf(a[0] as never) - RULE_IDS.indexOf(b[0] as never)
  )
  return [
    '| rule | severity | vaults |',
    '|---|---|---|',
    ...rows.map(
      ([rule, { severity, vaults }]) =>
        `| ${inlineCode(rule)} | ${SEVERITY_ICON[severity]} ${escapeMarkdown(severity)} | ${vaults} |`
    )
  ].join('\n')
}

/**
 * The overview: problem table (at most `tableLimit` rows; `where` says where the rest are),
 * healthy line (unless `healthy` is false), and the rules table past a handful of vaults.
 */
export function overviewMarkdown(
  sections: readonly VaultSection[],
  tableLimit = Infinity,
  where = listedIn(null),
  { healthy = true }: { healthy?: boolean } = {}
): string[] {
  const vaults = sections.filter((s) => s.name !== null).length
  return [
    problemTable(sections, tableLimit, where),
    healthy ? healthyLine(sections) : '',
    vaults > RULES_TABLE_FROM ? rulesTable(sections) : ''
  ].filter(Boolean)
}

/**
 * Per VNet that must resolve the vault (its own PEs' VNets, client VNets, the runner's): whether
 * it resolves privately, from the findings of the DNS-path checks about it. Empty without any.
 */
export function clientsLine(findings: readonly Finding[]): string {
  type Client = { id: string; problems: Set<string>; open: boolean }
  const clients = new Map<string, Client>()
  // The findings of a vault name its VNets with the same few strings: found by the string itself
  // first, a lower-cased copy (a new string, its hash computed anew) is made once per string.
  const byText = new Map<string, Client>()
  // forEach, not for…of: run per vault over all its findings (see findingsByVault in report.ts).
  findings.forEach((finding) => {
    if (!finding.clients) return
    for (const id of finding.clients) {
      let entry = byText.get(id)
      if (!entry) {
        const key = id.toLowerCase()
        entry = clients.get(key) ?? { id, problems: new Set<string>(), open: false }
        clients.set(key, entry)
        byText.set(id, entry)
      }
      if (finding.severity === 'error' || finding.severity === 'warning')
        entry.problems.add(finding.rule)
      // A proposed DNS path through a server known only after apply: neither way yet.
      if (finding.rule === 'PLAN-UNRESOLVED') entry.open = true
    }
  })
  if (clients.size === 0) return ''
  const items = [...clients.values()].map(({ id, problems, open }) =>
    problems.size > 0
      ? `${RESULT_ICON.fail} ${inlineCode(nameOf(id))} does not: ${[...problems].map((rule) => inlineCode(rule)).join(' ')}`
      : open
        ? `${SEVERITY_ICON.info} ${inlineCode(nameOf(id))} known after apply: ${inlineCode('PLAN-UNRESOLVED')}`
        : `${RESULT_ICON.pass} ${inlineCode(nameOf(id))} resolves privately`
  )
  return `**VNets that must resolve it:** ${items.join(' · ')}`
}
