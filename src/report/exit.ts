import { newCounts } from '../compare/compare.js'
import type { FailOn, Gate } from '../inputs/inputs.js'
import { isCompared, type ReportJson } from './report.js'

/** What `fail-on` counts: every error and warning, or with `gate: new` only those marked `new`. */
export function gateCounts(
  report: Pick<ReportJson, 'counts'> & Partial<Pick<ReportJson, 'findings' | 'resolved'>>,
  gate: Gate = 'all'
): { errors: number; warnings: number } {
  if (gate === 'new' && isCompared(report)) return newCounts(report.findings ?? [])
  return { errors: report.counts.error, warnings: report.counts.warning }
}

/** Whether the step fails, per `fail-on` (the lowest severity that fails it) and `gate`. */
export function shouldFail(
  report: Pick<ReportJson, 'counts'> & Partial<Pick<ReportJson, 'findings' | 'resolved'>>,
  failOn: FailOn,
  gate: Gate = 'all'
): boolean {
  const counts = gateCounts(report, gate)
  switch (failOn) {
    case 'error':
      return counts.errors > 0
    case 'warning':
      return counts.errors > 0 || counts.warnings > 0
    case 'never':
      return false
  }
}
