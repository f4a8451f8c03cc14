/**
 * Reads the `baseline` input before any Azure call: an earlier JSON report of this action (schema
 * version 1), e.g. last night's artifact. A path that does not exist is the first night (`null`,
 * and the run goes on as without one); a file that is not such a report is a `BaselineError`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import type { Finding } from '../evaluate/finding.js'

export class BaselineError extends Error {}

export interface Baseline {
  /** As the input gave it. */
  path: string
  /** The baseline report's `generatedAt` (null for reports written before it existed). */
  generatedAt: string | null
  findings: Finding[]
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'pass'])

/** `null` when the file does not exist; throws BaselineError when it is not a report. */
export function readBaseline(path: string, workspace: string): Baseline | null {
  const file = isAbsolute(path) ? path : resolve(workspace, path)
  if (!existsSync(file)) return null
  let document: unknown
  try {
    document = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new BaselineError(`not JSON (${why}); give a JSON report of this action`)
  }
  const report = document as { schemaVersion?: unknown; findings?: unknown; generatedAt?: unknown }
  if (typeof document !== 'object' || document === null || report.schemaVersion !== 1) {
    throw new BaselineError(
      'not a report of this action (schemaVersion 1): give the JSON report of an earlier run (output report-path)'
    )
  }
  if (!Array.isArray(report.findings)) {
    throw new BaselineError('the report has no findings list')
  }
  const findings = report.findings as Finding[]
  const bad = findings.findIndex(
    (f) =>
      typeof f !== 'object' ||
      f === null ||
      typeof f.rule !== 'string' ||
      typeof f.resource !== 'string' ||
      !SEVERITIES.has(f.severity) ||
      (f.vault !== null && typeof f.vault !== 'string')
  )
  if (bad >= 0) {
    throw new BaselineError(`finding ${bad + 1} is not a finding (rule, severity, vault, resource)`)
  }
  return {
    path,
    generatedAt: typeof report.generatedAt === 'string' ? report.generatedAt : null,
    findings
  }
}
