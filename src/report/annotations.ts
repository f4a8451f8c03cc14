/**
 * Annotations: one `core.error` / `core.warning` per error / warning finding, titled with the rule
 * ID and the vault. GitHub shows only 10 annotations of each kind per step, so a subscription-wide
 * run is capped: the last slot says how many more there are, and the job summary lists them all.
 */
import type { Finding } from '../evaluate/finding.js'
import { logger, oneLine, type Logger } from '../logger.js'
import type { ReportJson } from './report.js'
import { bySeverity } from './group.js'

export type AnnotationSink = Pick<Logger, 'error' | 'warning' | 'info'>

/**
 * Per kind, how many this writes: GitHub displays 10 of each per step, and each kind keeps one
 * slot free for a line the step writes later. For errors that is the step's own failure line
 * (`core.setFailed`); for warnings, e.g. "report: comment failed", which comes after these.
 */
export const ANNOTATION_LIMITS = { error: 9, warning: 9 } as const

const MAX_MESSAGE_CHARS = 1000

function text(finding: Finding): string {
  const message = oneLine(finding.message)
  const stop = finding.fix && !/[.!?]$/.test(message) ? '.' : ''
  const fix = finding.fix ? ` Fix: ${oneLine(finding.fix)}` : ''
  const full = `${message}${stop}${fix}`
  return full.length > MAX_MESSAGE_CHARS ? `${full.slice(0, MAX_MESSAGE_CHARS - 1)}…` : full
}

function titleOf(finding: Finding): string {
  return oneLine(finding.vault === null ? finding.rule : `${finding.rule} @ ${finding.vault}`)
}

/** Writes the annotations; returns how many of each kind were left out. */
export function annotate(
  report: ReportJson,
  sink: AnnotationSink = logger,
  limits: { error: number; warning: number } = ANNOTATION_LIMITS
): { error: number; warning: number } {
  const left = { error: 0, warning: 0 }
  const ordered = bySeverity(report.findings)
  for (const kind of ['error', 'warning'] as const) {
    const findings = ordered.filter((f) => f.severity === kind)
    const limit = Math.max(1, limits[kind])
    const capped = findings.length > limit
    const shown = capped ? findings.slice(0, limit - 1) : findings
    for (const finding of shown) sink[kind](text(finding), { title: titleOf(finding) })
    if (capped) {
      left[kind] = findings.length - shown.length
      const label = kind === 'error' ? 'error' : 'warning'
      sink[kind](
        `${left[kind]} more ${label}${left[kind] === 1 ? '' : 's'} not annotated (GitHub shows ${limit} per step): the job summary and the JSON report list every finding.`,
        { title: `kv-private-link-doctor: ${findings.length} ${label}s in all` }
      )
      sink.info(
        `Annotations capped: ${shown.length} of ${findings.length} ${label}s annotated; the job summary has all.`
      )
    }
  }
  return left
}
