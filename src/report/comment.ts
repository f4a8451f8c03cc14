/**
 * `report: comment`, the body: a pure function of the report (and of what the comment said
 * before). sticky-comment.ts writes it to the pull request and knows nothing of reports.
 *
 * The body carries a hidden marker with `comment-key`, by which later runs find it, and the
 * result it showed, so the next run can say what changed.
 */
import type { Finding } from '../evaluate/finding.js'
import { countsOf, type ReportJson, type Result } from './report.js'
import { codeBlock, escapeMarkdown, inlineCode, link, wrapFix } from './markdown.js'
import {
  FOLD_VAULTS_FROM,
  fullReport,
  listedIn,
  overviewMarkdown,
  problemsFirst
} from './overview.js'
import {
  changeLine,
  changeWords,
  countsText,
  plural,
  RESULT_HEADLINE,
  RESULT_ICON,
  sectionTitle,
  SEVERITY_ICON,
  vaultSections,
  vaultText,
  vaultTally,
  type ChangeWords,
  type VaultSection
} from './group.js'
import {
  diagramOf,
  folded,
  passedMarkdown,
  problemsMarkdown,
  type Diagrams,
  type FindingStyle
} from './finding-markdown.js'

/** GitHub rejects an issue comment body over 65,536 characters. */
export const COMMENT_MAX_CHARS = 65_536

/**
 * Rows of the vaults-with-problems table once the comment has to shrink (only errors shown):
 * the table stays, so a large run still reads at a glance, and the rest are counted.
 */
export const COMMENT_TABLE_ROWS = 100

const TOOL = 'kv-private-link-doctor'

/**
 * The hidden marker that names this job's comment. The key is percent-encoded (and so is `-`),
 * so no key can end the HTML comment early or make one marker a prefix of another.
 */
export function commentMarker(key: string): string {
  const encoded = encodeURIComponent(key).replace(
    /[-!'()*~.]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
  return `<!-- ${TOOL} comment-key=${encoded} -->`
}

function resultMarker(result: Result): string {
  return `<!-- ${TOOL} result=${result} -->`
}

/** The result an earlier version of the comment recorded, if any. */
export function previousResult(body: string): Result | null {
  const m = new RegExp(`<!-- ${TOOL} result=(pass|warn|fail) -->`).exec(body)
  return (m?.[1] as Result | undefined) ?? null
}

export interface CommentOptions {
  /** The `comment-key` input. */
  key: string
  /** Mermaid sources per lower-cased vault name (from mermaid.ts). */
  diagrams?: Diagrams
  /** Where the full job summary is (the workflow run's page), if known. */
  summaryUrl?: string | null
  /** False when `report` has no `summary`: then the link says workflow run, not job summary. */
  summaryWritten?: boolean
  /** The result the comment showed before this run, if it existed. */
  previous?: Result | null
  /** The commit checked, shown short. */
  sha?: string | null
  /** The JSON report's path (output `report-path`), named where something is left out. */
  reportPath?: string | null
}

/**
 * Problems sit under `###` vault headings as `####`, readable in GitHub's comment style (a
 * `#####` title renders smaller than the text under it); the vault's icon and counts say the
 * severity.
 */
export const COMMENT_STYLE: FindingStyle = {
  headingLevel: 4,
  severityInTitle: false,
  notRun: false
}

function headline(report: ReportJson, options: CommentOptions): string {
  const parts = [`## ${RESULT_ICON[report.result]} ${RESULT_HEADLINE[report.result]}`]
  const change = changeLine(report)
  if (change) parts.push(change)
  const before = options.previous
  if (before && before !== report.result) {
    parts.push(
      report.result === 'pass'
        ? `**Fixed:** the previous run ${before === 'fail' ? 'failed' : 'had warnings'}; every check passes now.`
        : `**Changed:** the previous run was ${RESULT_ICON[before]} ${before}; now ${RESULT_ICON[report.result]} ${report.result}.`
    )
  }
  parts.push(
    `**${countsText(report.counts)}** · ${plural(report.vaults.length, 'vault')} checked ` +
      `(${vaultTally(report)})`
  )
  return parts.join('\n\n')
}

function footer(options: CommentOptions): string {
  const where = options.summaryWritten === false ? 'workflow run' : 'job summary'
  const summary = options.summaryUrl
    ? link(`Full report in the ${where}`, options.summaryUrl)
    : `Full report in the ${where} of this workflow run`
  const sha = options.sha ? ` · commit ${inlineCode(options.sha.slice(0, 12))}` : ''
  return `<sub>${summary} · comment-key ${inlineCode(options.key)}${sha}</sub>`
}

/** Level 1 and 2: every vault in full, with its diagram; passes only at level 1. */
function detailedSection(
  section: VaultSection,
  options: CommentOptions,
  withPasses: boolean,
  fold: boolean,
  words: ChangeWords | null
): string {
  const diagram = diagramOf(section, options.diagrams)
  const heading = `${RESULT_ICON[section.result]} ${sectionTitle(section, inlineCode)}: ${countsText(countsOf(section.findings))}`
  if (section.findings.every((f) => f.severity === 'pass')) {
    return passedMarkdown(heading, diagram, withPasses ? section.findings : [])
  }
  const body = problemsMarkdown(section, diagram, withPasses, COMMENT_STYLE, words)
  // As in the job summary: past FOLD_VAULTS_FROM vaults each vault folds under its heading.
  if (fold) return folded(`<strong>${heading}</strong>`, body.join('\n\n'))
  return [`### ${heading}`, ...body].join('\n\n')
}

/** Level 3: errors only, each with its fix; no diagrams, no warnings' detail. */
function compactError(finding: Finding): string {
  const message =
    finding.message.length > 400 ? `${finding.message.slice(0, 399)}…` : finding.message
  const parts = [
    `- ${SEVERITY_ICON.error} ${inlineCode(finding.rule)} on ${vaultText(finding.vault)}: ${escapeMarkdown(message)}`
  ]
  if (finding.fix) parts.push(codeBlock(wrapFix(finding.fix), 'sh').replace(/^/gm, '  '))
  return parts.join('\n\n')
}

/** Level 4: errors only, rule, vault and fix, nothing else. */
function minimalError(finding: Finding): string {
  const fix = finding.fix ? `\n\n${codeBlock(wrapFix(finding.fix), 'sh').replace(/^/gm, '  ')}` : ''
  return `- ${inlineCode(finding.rule)} on ${vaultText(finding.vault)}${fix}`
}

/**
 * The comment's Markdown, at most `maxChars` long. When it would not fit: passes go first, then
 * the per-vault detail (diagrams, warnings, observed/expected); every error keeps its fix, and the
 * link to the full job summary is always there. The overview (vaults table, healthy line, rules
 * table) stays at every level; once only errors are shown, its table is capped. A run without
 * errors that does not fit keeps the capped overview and a note of what the run found.
 */
export function renderComment(
  report: ReportJson,
  options: CommentOptions,
  maxChars = COMMENT_MAX_CHARS
): string {
  const top = [commentMarker(options.key), resultMarker(report.result), headline(report, options)]
  const bottom = footer(options)
  // The summary's order: vaults with problems first, then the healthy ones.
  const sections = problemsFirst(vaultSections(report))
  const errors = sections.flatMap((s) => s.findings.filter((f) => f.severity === 'error'))
  const others = report.counts.warning + report.counts.info
  const fold = report.vaults.length > FOLD_VAULTS_FROM
  const words = changeWords(report)
  const where = listedIn(options.reportPath, options.summaryWritten !== false)
  const overview = overviewMarkdown(sections, Infinity, where)
  const capped = overviewMarkdown(sections, COMMENT_TABLE_ROWS, where)
  const note = (text: string) => `> [!NOTE]\n> ${text}`
  const assemble = (middle: string[]) => [...top, ...middle, bottom].join('\n\n') + '\n'
  // Past FOLD_VAULTS_FROM vaults the errors fold too, under one line that counts them.
  const errorList = (items: string[], shown = items.length) =>
    !fold || items.length === 0
      ? items
      : [
          folded(
            `${SEVERITY_ICON.error} ${shown < errors.length ? `${shown} of ${errors.length}` : errors.length} ${errors.length === 1 ? 'error' : 'errors'} with ${shown === 1 ? 'its fix' : 'their fixes'}`,
            items.join('\n\n')
          )
        ]

  // The end of a sentence about `what` the comment leaves out: where a reader finds it.
  const listedWith = (what: string) =>
    options.summaryWritten === false
      ? `${fullReport(options.reportPath)} lists ${what}`
      : `the job summary and ${fullReport(options.reportPath)} list ${what}`
  const noErrors = () =>
    others === 0
      ? `No problems: ${plural(report.vaults.length, 'vault')} passed every check; ${listedWith('the checks')}.`
      : `No errors; the detail of ${plural(report.counts.warning, 'warning')} and ${plural(report.counts.info, 'info finding')} ` +
        `is left out so the comment fits GitHub’s size limit: ${listedWith('them')}.`

  // Without errors, what is left past the passes is the overview under this note: a note that
  // errors are shown would promise what is not there.
  const withoutErrors = () => [...capped, note(noErrors())]
  const errorLevels: (() => string[])[] = [
    () => [
      ...capped,
      note(
        `Only errors are shown, so the comment fits GitHub’s size limit` +
          (others > 0
            ? `; ${plural(report.counts.warning, 'warning')} and ${plural(report.counts.info, 'info finding')} are in the job summary.`
            : '.')
      ),
      ...errorList(errors.map(compactError))
    ],
    () => [
      ...capped,
      note('Only errors and their fixes are shown, so the comment fits GitHub’s size limit.'),
      ...errorList(errors.map(minimalError))
    ]
  ]
  const levels: (() => string[])[] = [
    () => [...overview, ...sections.map((s) => detailedSection(s, options, true, fold, words))],
    () => [
      ...overview,
      note('Passed checks are left out so the comment fits GitHub’s size limit.'),
      ...sections.map((s) => detailedSection(s, options, false, fold, words))
    ],
    ...(errors.length === 0 ? [withoutErrors] : errorLevels)
  ]
  for (const level of levels) {
    const body = assemble(level())
    if (body.length <= maxChars) return body
  }
  // The overview is capped: it fits.
  if (errors.length === 0) return assemble(withoutErrors())
  // Even rule, vault and fix per error is too much: as many as fit, and say how many did not.
  const kept: string[] = []
  const missing = (count: number) =>
    note(
      `${plural(count, 'more error')} did not fit in a comment: the job summary and ${fullReport(options.reportPath)} list every one with its fix.`
    )
  // Less what the folded list's line may add once the count is known.
  const room =
    maxChars - assemble([...capped, missing(errors.length), ...errorList([''])]).length - 100
  let used = 0
  for (const error of errors) {
    const item = minimalError(error)
    if (used + item.length + 2 > room) break
    kept.push(item)
    used += item.length + 2
  }
  return assemble([...capped, missing(errors.length - kept.length), ...errorList(kept)])
}
