import * as core from '@actions/core'
import type { ReportJson } from './report.js'

/** The step's outputs of the contract: `result`, `errors`, `warnings`, `report-path`. */
export function setOutputs(report: ReportJson, reportPath: string): void {
  core.setOutput('result', report.result)
  core.setOutput('errors', String(report.counts.error))
  core.setOutput('warnings', String(report.counts.warning))
  core.setOutput('report-path', reportPath)
}
