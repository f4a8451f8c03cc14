import * as core from '@actions/core'
import { newCounts } from '../compare/compare.js'
import { isCompared, type ReportJson } from './report.js'

/** Where the run's files were written. */
export interface ReportPaths {
  report: string
  sarif: string
  fixScript: string
}

/**
 * The step's outputs of the contract: result, counts, the paths of the files written, and with a
 * comparison (`plan`) `new-errors` and `new-warnings`.
 */
export function setOutputs(report: ReportJson, paths: ReportPaths): void {
  core.setOutput('result', report.result)
  core.setOutput('errors', String(report.counts.error))
  core.setOutput('warnings', String(report.counts.warning))
  core.setOutput('report-path', paths.report)
  core.setOutput('sarif-path', paths.sarif)
  core.setOutput('fix-script', paths.fixScript)
  if (isCompared(report)) {
    const fresh = newCounts(report.findings)
    core.setOutput('new-errors', String(fresh.errors))
    core.setOutput('new-warnings', String(fresh.warnings))
  }
}
