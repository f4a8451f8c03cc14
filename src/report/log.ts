/** The step log: one collapsible group per vault listing its findings, then a line of totals. */
import * as core from '@actions/core'
import type { Finding } from '../evaluate/finding.js'
import { countsOf, type ReportJson } from './report.js'
import { countsText, plural, RESULT_ICON, vaultSections } from './group.js'

export interface LogSink {
  info(message: string): void
  startGroup(name: string): void
  endGroup(): void
}

/**
 * One line of log text. A line break inside a value from Azure would let it start a line of its
 * own, and the runner reads any line starting with `::` as a workflow command.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[ \t]*\\\r?\n[ \t]*/g, ' ')
    .replace(/\s*[\r\n\u2028\u2029\u0085]+\s*/g, ' ; ')
    .trim()
}

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

export function logFindings(report: ReportJson, sink: LogSink = core): void {
  for (const section of vaultSections(report)) {
    const title = section.name === null ? 'Not tied to one vault' : `Vault ${section.name}`
    sink.startGroup(
      oneLine(
        `${RESULT_ICON[section.result]} ${title}: ${section.result} (${countsText(countsOf(section.findings))})`
      )
    )
    for (const finding of section.findings)
      for (const line of findingLines(finding)) sink.info(line)
    sink.endGroup()
  }
  sink.info(
    `Key Vault private link check: ${report.result} - ${countsText(report.counts)}; ${plural(report.vaults.length, 'vault')} checked`
  )
}
