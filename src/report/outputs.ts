import * as core from '@actions/core'
import type { ReportJson } from './report.js'

/** Where the run's files were written. */
export interface ReportPaths {
  report: string
  sarif: string
  fixScript: string
}

/** The step's outputs of the contract: result, counts and the paths of the files written. */
export function setOutputs(report: ReportJson, paths: ReportPaths): void {
  core.setOutput('result', report.result)
  core.setOutput('errors', String(report.counts.error))
  core.setOutput('warnings', String(report.counts.warning))
  core.setOutput('report-path', paths.report)
  core.setOutput('sarif-path', paths.sarif)
  core.setOutput('fix-script', paths.fixScript)
}
