import type { FailOn } from '../inputs/inputs.js'
import type { ReportJson } from './report.js'

/** Whether the step fails, per `fail-on`: the lowest severity that fails it. */
export function shouldFail(report: Pick<ReportJson, 'counts'>, failOn: FailOn): boolean {
  switch (failOn) {
    case 'error':
      return report.counts.error > 0
    case 'warning':
      return report.counts.error > 0 || report.counts.warning > 0
    case 'never':
      return false
  }
}
