import * as core from '@actions/core'
import { newCounts } from '../compare/compare.js'
import { isCompared, type ReportJson } from './report.js'

/** The step's outputs of the contract: `result`, `errors`, `warnings`, `report-path`, and
 * with a comparison (`plan`) `new-errors` and `new-warnings`. */
export function setOutputs(report: ReportJson, reportPath: string): void {
  core.setOutput('result', report.result)
  core.setOutput('errors', String(report.counts.error))
  core.setOutput('warnings', String(report.counts.warning))
  core.setOutput('report-path', reportPath)
  if (isCompared(report)) {
    const fresh = newCounts(report.findings)
    core.setOutput('new-errors', String(fresh.errors))
    core.setOutput('new-warnings', String(fresh.warnings))
  }
}
