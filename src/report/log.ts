/** The step log: one collapsible group per vault listing its findings, then a line of totals. */
import type { Finding } from '../evaluate/finding.js'
import { logger, oneLine, type Logger } from '../logger.js'
import { countsOf, type ReportJson } from './report.js'
import { countsText, plural, RESULT_ICON, sectionTitle, vaultSections } from './group.js'
import { FOLD_VAULTS_FROM } from './overview.js'

export type LogSink = Pick<Logger, 'info' | 'startGroup' | 'endGroup'>

const LABEL = { error: 'ERROR  ', warning: 'WARNING', info: 'INFO   ', pass: 'PASS   ' } as const

function findingLines(finding: Finding): string[] {
  const lines = [`${LABEL[finding.severity]} ${finding.rule}: ${oneLine(finding.message)}`]
  if (finding.severity === 'pass') return lines
  lines.push(
    `        observed: ${oneLine(finding.observed)}; expected: ${oneLine(finding.expected)}`
  )
  if (finding.resource) lines.push(`        resource: ${oneLine(finding.resource)}`)
  if (finding.notRun?.length) lines.push(`        not run: ${finding.notRun.join(', ')}`)
  if (finding.fix) lines.push(`        fix: ${oneLine(finding.fix)}`)
  return lines
}

export function logFindings(report: ReportJson, sink: LogSink = logger): void {
  // Past a handful of vaults, a vault's passes are one line of rule IDs: at 2,000 vaults a line
  // per pass is 46,000 lines that bury the problems (and a third of the run's report stage).
  const briefPasses = report.vaults.length > FOLD_VAULTS_FROM
  if (briefPasses)
    sink.info(
      `Passed checks are listed by rule ID (more than ${FOLD_VAULTS_FROM} vaults); the JSON report has their messages.`
    )
  for (const section of vaultSections(report)) {
    const title = sectionTitle(section)
    sink.startGroup(
      oneLine(
        `${RESULT_ICON[section.result]} ${title}: ${section.result} (${countsText(countsOf(section.findings))})`
      )
    )
    const passes = briefPasses ? section.findings.filter((f) => f.severity === 'pass') : []
    for (const finding of section.findings) {
      if (briefPasses && finding.severity === 'pass') continue
      for (const line of findingLines(finding)) sink.info(line)
    }
    if (passes.length > 0)
      sink.info(
        `${LABEL.pass} ${plural(passes.length, 'check')}: ${passes.map((f) => f.rule).join(', ')}`
      )
    sink.endGroup()
  }
  sink.info(
    `Key Vault private link check: ${report.result} - ${countsText(report.counts)}; ${plural(report.vaults.length, 'vault')} checked`
  )
}
