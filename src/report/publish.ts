/**
 * The report stage's tail, the same for a run and for `merge-reports`: log, annotate, write the
 * JSON report, the job summary, the outputs, the PR comment, then decide how the step ends.
 * Everything it shows comes from the report; nothing here re-decides a check.
 */
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import type { Gate } from '../inputs/inputs.js'
import type { MergeInputs } from '../inputs/parse.js'
import { inOneWrite, logger, type Logger } from '../logger.js'
import type { ProbeRun } from '../probe/result.js'
import { annotate } from './annotations.js'
import { commentMarker, previousResult, renderComment, type CommentOptions } from './comment.js'
import { gateCounts, shouldFail } from './exit.js'
import type { Diagrams } from './finding-markdown.js'
import { logFindings } from './log.js'
import { setOutputs } from './outputs.js'
import { besideReport, writeBeside, writeReport, type ReportJson } from './report.js'
import { renderFixScript } from './fix-script.js'
import { renderSarif } from './sarif.js'
import type { CommentOutcome, StickyCommentOptions } from './sticky-comment.js'
import { renderSummary, SUMMARY_MAX_BYTES } from './summary.js'

export interface PublishOptions {
  /** How the run reports: `report`, `github-token`, `comment-key`, `fail-on`. */
  inputs: MergeInputs
  /** `gate`: with `new`, `fail-on` counts only findings marked `new` (a plan was compared with). */
  gate?: Gate
  /** What the probe measured, for the summary. */
  probe?: ProbeRun | null
  /** A picture per vault (mermaid.ts), for the summary and the comment. */
  diagrams?: Diagrams
  /** The `plan` input (relative to the workspace): SARIF results point at it. */
  planPath?: string | null
  /** How many reports a `merge-reports` run merged: named in the step's failure line. */
  merged?: number
  /** Where `RUNNER_TEMP` (the JSON report's folder) and the GitHub context are read. */
  env?: NodeJS.ProcessEnv
  log?: Logger
}

export async function publish(report: ReportJson, options: PublishOptions): Promise<void> {
  const { inputs, diagrams = null } = options
  const env = options.env ?? process.env
  const log = options.log ?? logger
  inOneWrite(() => {
    logFindings(report, log)
    annotate(report, log)
  })
  const reportPath = await writeReport(report, env.RUNNER_TEMP || tmpdir())
  // Compact: code scanning reads it, not a person (at 2,000 vaults, 0.9 MB instead of 1.2).
  const sarifPath = await writeBeside(
    besideReport(reportPath, 'report', 'sarif'),
    `${JSON.stringify(
      renderSarif(report, {
        planPath: options.planPath ?? null,
        workflowRef: env.GITHUB_WORKFLOW_REF
      })
    )}\n`
  )
  // Executable for the owner only: it is for a person to review, then run.
  const fixPath = await writeBeside(
    besideReport(reportPath, 'fix', 'sh'),
    renderFixScript(report),
    0o744
  )
  const summaryWritten = inputs.report.includes('summary')
  if (summaryWritten) {
    const text = renderSummary(
      report,
      SUMMARY_MAX_BYTES,
      options.probe ?? null,
      diagrams,
      reportPath
    )
    await core.summary.addRaw(text).write()
  }
  setOutputs(report, { report: reportPath, sarif: sarifPath, fixScript: fixPath })
  // Never throws: a comment that cannot be written is a notice or a warning, not a failure.
  if (inputs.report.includes('comment')) {
    await postComment(report, {
      token: inputs.githubToken,
      key: inputs.commentKey,
      diagrams,
      summaryWritten,
      reportPath,
      env,
      sink: log
    })
  }
  const gate = options.gate ?? 'all'
  if (shouldFail(report, inputs.failOn, gate)) {
    const merged = options.merged === undefined ? '' : ` (${options.merged} reports merged)`
    if (gate === 'new' && report.resolved !== undefined) {
      const fresh = gateCounts(report, gate)
      const before = report.counts.error + report.counts.warning - fresh.errors - fresh.warnings
      core.setFailed(
        `Key Vault private link check${merged}: ${report.plan ? 'the change introduces' : 'new since the baseline:'} ${fresh.errors} error(s), ${fresh.warnings} warning(s); ${before} were there before (fail-on: ${inputs.failOn}, gate: new)`
      )
    } else {
      core.setFailed(
        `Key Vault private link check${merged}: ${report.counts.error} error(s), ${report.counts.warning} warning(s) (fail-on: ${inputs.failOn})`
      )
    }
  }
}

export interface PostOptions
  extends
    Pick<CommentOptions, 'key' | 'diagrams' | 'summaryWritten' | 'reportPath'>,
    Omit<StickyCommentOptions, 'marker' | 'body'> {}

/** `report: comment`: the body comment.ts renders, written by sticky-comment.ts. Never throws. */
export async function postComment(
  report: ReportJson,
  options: PostOptions
): Promise<CommentOutcome> {
  // Loaded only when used: the GitHub client is a large part of the bundle.
  const { writeStickyComment } = await import('./sticky-comment.js')
  const { key, diagrams, summaryWritten, reportPath } = options
  return writeStickyComment({
    ...options,
    marker: commentMarker(key),
    body: ({ existing, sha, runUrl }) =>
      renderComment(report, {
        key,
        diagrams,
        summaryWritten,
        reportPath,
        summaryUrl: runUrl,
        sha,
        previous: existing ? previousResult(existing) : null
      })
  })
}
