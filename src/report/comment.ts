/**
 * `report: comment`: one sticky comment on the pull request, created on the first run and updated
 * in place on later ones. It is found by a hidden marker that carries `comment-key`, and only a
 * comment written by this token's own identity is ever updated: anyone can paste the marker into
 * a comment, and a token with write access could edit theirs. When concurrent runs each created
 * one, the oldest is kept and this identity's other marked comments are deleted (never anyone
 * else's). A comment that cannot be written (not a pull request event, a fork's read-only token)
 * never fails the step: the job summary still has everything.
 */
import * as core from '@actions/core'
import * as github from '@actions/github'
import type { Finding } from '../evaluate/finding.js'
import { countsOf, type ReportJson, type Result } from './report.js'
import { codeBlock, escapeMarkdown, inlineCode, link } from './markdown.js'
import {
  countsText,
  plural,
  RESULT_HEADLINE,
  RESULT_ICON,
  SEVERITY_ICON,
  vaultSections,
  vaultTally,
  type VaultSection
} from './group.js'
import {
  diagramOf,
  passedMarkdown,
  problemsMarkdown,
  type Diagrams,
  type FindingStyle
} from './finding-markdown.js'

/** GitHub rejects an issue comment body over 65,536 characters. */
export const COMMENT_MAX_CHARS = 65_536

/** The login GitHub shows for comments written with a workflow's GITHUB_TOKEN. */
export const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]'

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
}

/** Problems sit under `####` vault headings; the vault's icon and counts say the severity. */
export const COMMENT_STYLE: FindingStyle = {
  headingLevel: 5,
  severityInTitle: false,
  notRun: false
}

function vaultLabel(name: string | null): string {
  return name === null ? 'not tied to one vault' : inlineCode(name)
}

function headline(report: ReportJson, options: CommentOptions): string {
  const parts = [`### ${RESULT_ICON[report.result]} ${RESULT_HEADLINE[report.result]}`]
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
  withPasses: boolean
): string {
  const diagram = diagramOf(section, options.diagrams)
  const heading = `${RESULT_ICON[section.result]} Vault ${vaultLabel(section.name)}: ${countsText(countsOf(section.findings))}`
  if (section.findings.every((f) => f.severity === 'pass')) {
    return passedMarkdown(heading, diagram, withPasses ? section.findings : [])
  }
  return [`#### ${heading}`, ...problemsMarkdown(section, diagram, withPasses, COMMENT_STYLE)].join(
    '\n\n'
  )
}

/** Level 3: errors only, each with its fix; no diagrams, no warnings' detail. */
function compactError(finding: Finding): string {
  const message =
    finding.message.length > 400 ? `${finding.message.slice(0, 399)}…` : finding.message
  const parts = [
    `- ${SEVERITY_ICON.error} ${inlineCode(finding.rule)} on ${vaultLabel(finding.vault)}: ${escapeMarkdown(message)}`
  ]
  if (finding.fix) parts.push(codeBlock(finding.fix, 'sh').replace(/^/gm, '  '))
  return parts.join('\n\n')
}

/** Level 4: errors only, rule, vault and fix, nothing else. */
function minimalError(finding: Finding): string {
  const fix = finding.fix ? `\n\n${codeBlock(finding.fix, 'sh').replace(/^/gm, '  ')}` : ''
  return `- ${inlineCode(finding.rule)} on ${vaultLabel(finding.vault)}${fix}`
}

/**
 * The comment's Markdown, at most `maxChars` long. When it would not fit: passes go first, then
 * the per-vault detail (diagrams, warnings, observed/expected); every error keeps its fix, and the
 * link to the full job summary is always there.
 */
export function renderComment(
  report: ReportJson,
  options: CommentOptions,
  maxChars = COMMENT_MAX_CHARS
): string {
  const top = [commentMarker(options.key), resultMarker(report.result), headline(report, options)]
  const bottom = footer(options)
  const sections = vaultSections(report)
  const errors = sections.flatMap((s) => s.findings.filter((f) => f.severity === 'error'))
  const others = report.counts.warning + report.counts.info
  const note = (text: string) => `> [!NOTE]\n> ${text}`
  const assemble = (middle: string[]) => [...top, ...middle, bottom].join('\n\n') + '\n'

  const levels: (() => string[])[] = [
    () => sections.map((s) => detailedSection(s, options, true)),
    () => [
      note('Passed checks are left out so the comment fits GitHub’s size limit.'),
      ...sections.map((s) => detailedSection(s, options, false))
    ],
    () => [
      note(
        `Only errors are shown, so the comment fits GitHub’s size limit` +
          (others > 0
            ? `; ${plural(report.counts.warning, 'warning')} and ${plural(report.counts.info, 'info finding')} are in the job summary.`
            : '.')
      ),
      ...errors.map(compactError)
    ],
    () => [
      note('Only errors and their fixes are shown, so the comment fits GitHub’s size limit.'),
      ...errors.map(minimalError)
    ]
  ]
  for (const level of levels) {
    const body = assemble(level())
    if (body.length <= maxChars) return body
  }
  // Even rule, vault and fix per error is too much: as many as fit, and say how many did not.
  const kept: string[] = []
  const room = maxChars - assemble([]).length - 400
  let used = 0
  for (const error of errors) {
    const item = minimalError(error)
    if (used + item.length + 2 > room) break
    kept.push(item)
    used += item.length + 2
  }
  return assemble([
    note(
      `${plural(errors.length - kept.length, 'more error')} did not fit in a comment: the job summary and the JSON report list every one with its fix.`
    ),
    ...kept
  ])
}

// ---- Posting -----------------------------------------------------------------------------

export interface CommentSink {
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
}

export interface PostOptions extends Omit<CommentOptions, 'previous' | 'summaryUrl' | 'sha'> {
  token: string
  /** `github.context` in the action; tests may pass their own. */
  context?: Pick<typeof github.context, 'eventName' | 'payload'>
  env?: NodeJS.ProcessEnv
  sink?: CommentSink
}

interface IssueComment {
  id: number
  body?: string | null
  user?: { login?: string; id?: number; type?: string } | null
  html_url?: string
  created_at?: string
}

/** Who this token writes comments as. `id` is the user ID when known: compared before the login. */
export interface Identity {
  login: string
  id: number | null
  bot: boolean
}

type Octokit = ReturnType<typeof github.getOctokit>

/**
 * Who writes the comments. GET /user answers for a person's token (a PAT). An installation token
 * (the workflow's GITHUB_TOKEN, or a GitHub App's from actions/create-github-app-token) gets
 * 401/403/404 there, but GraphQL's `viewer` names its bot: `github-actions[bot]`, `my-app[bot]`.
 * Only when that fails too is it assumed to be the workflow token's `github-actions[bot]`.
 */
export async function whoAmI(
  octokit: Pick<Octokit, 'rest' | 'graphql'>,
  sink: Pick<CommentSink, 'info'> = core
): Promise<Identity> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return { login: data.login, id: data.id ?? null, bot: data.type === 'Bot' }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status !== 401 && status !== 403 && status !== 404) throw error
  }
  try {
    const { viewer } = await octokit.graphql<{
      viewer: { login?: string | null; databaseId?: number | null } | null
    }>('query { viewer { login databaseId } }')
    if (viewer?.login) {
      // Only an installation token gets here, and its comments are a bot's.
      return { login: viewer.login, id: viewer.databaseId ?? null, bot: true }
    }
    throw new Error('GraphQL viewer has no login')
  } catch (error) {
    const status = (error as { status?: number }).status
    sink.info(
      `The token's identity is unknown (GET /user refused it; GraphQL viewer: ${status ? `HTTP ${status}: ` : ''}${firstLine(error)}): assuming the workflow token's ${WORKFLOW_TOKEN_LOGIN}.`
    )
    return { login: WORKFLOW_TOKEN_LOGIN, id: null, bot: true }
  }
}

/** `my-app[bot]` in REST is `my-app` in some GraphQL answers: the same bot. */
function botName(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, '')
}

/**
 * Whether this identity wrote the comment: the same user ID (where both are known) or the same
 * login. Either names one account (logins are unique, and `[bot]` ones are only apps'), so a
 * login that GraphQL spells without `[bot]`, or a renamed account, still matches. A bot's comment
 * must be a bot's: no person's `my-app` passes for the app `my-app[bot]`.
 */
export function sameAuthor(comment: IssueComment, me: Identity): boolean {
  const user = comment.user
  if (!user) return false
  if (me.bot && user.type !== 'Bot') return false
  if (me.id !== null && typeof user.id === 'number' && user.id === me.id) return true
  if (!user.login) return false
  return me.bot
    ? botName(user.login) === botName(me.login)
    : user.login.toLowerCase() === me.login.toLowerCase()
}

/** Oldest first: by creation time, then by ID (IDs only grow). */
function oldestFirst(a: IssueComment, b: IssueComment): number {
  const time = (c: IssueComment) => (c.created_at ? Date.parse(c.created_at) : NaN)
  const [ta, tb] = [time(a), time(b)]
  return !Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb ? ta - tb : a.id - b.id
}

function summaryUrl(env: NodeJS.ProcessEnv): string | null {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT } = env
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return null
  const server = (GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const attempt =
    GITHUB_RUN_ATTEMPT && GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${GITHUB_RUN_ATTEMPT}` : ''
  return `${server}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${attempt}`
}

function repoOf(
  payload: (typeof github.context)['payload'],
  env: NodeJS.ProcessEnv
): { owner: string; repo: string } | null {
  const full = payload.repository?.full_name ?? env.GITHUB_REPOSITORY ?? ''
  const [owner, repo] = full.split('/')
  return owner && repo ? { owner, repo } : null
}

/** Outcome, for logs and tests. `removed`: how many duplicates of this job's comment went. */
export type CommentOutcome =
  | { action: 'created'; id: number; url: string | null }
  | { action: 'updated'; id: number; url: string | null; removed: number }
  | { action: 'skipped'; reason: string }

/**
 * Deletes this identity's other comments with this job's marker (the caller passes only those).
 * One that is gone already (a concurrent run deleted it: 404) counts as removed; any other
 * failure is logged and left for the next run.
 */
async function removeDuplicates(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  duplicates: IssueComment[],
  sink: CommentSink
): Promise<number> {
  let removed = 0
  for (const duplicate of duplicates) {
    try {
      await octokit.rest.issues.deleteComment({ ...repo, comment_id: duplicate.id })
      removed++
    } catch (error) {
      const status = (error as { status?: number }).status
      if (status === 404) {
        removed++
        continue
      }
      sink.info(
        `Could not delete the duplicate pull request comment #${duplicate.id} (${status ? `HTTP ${status}: ` : ''}${firstLine(error)}); the next run tries again.`
      )
    }
  }
  if (removed > 0) {
    sink.info(
      `Deleted ${plural(removed, 'duplicate comment')} of this job (written by concurrent runs).`
    )
  }
  return removed
}

/**
 * Creates or updates this job's comment. Never throws: a comment that cannot be written is a
 * notice (not a pull request, a fork) or a warning (anything else), and the step goes on.
 */
export async function postComment(
  report: ReportJson,
  options: PostOptions
): Promise<CommentOutcome> {
  const sink = options.sink ?? core
  const env = options.env ?? process.env
  const context = options.context ?? github.context
  const skip = (reason: string, level: 'notice' | 'warning' = 'notice'): CommentOutcome => {
    const where =
      options.summaryWritten === false ? 'The JSON report (output report-path)' : 'The job summary'
    sink[level](`${reason} ${where} has the full report.`)
    return { action: 'skipped', reason }
  }

  if (context.eventName !== 'pull_request' && context.eventName !== 'pull_request_target') {
    return skip(
      `report: comment skipped: the '${context.eventName || 'unknown'}' event has no pull request to comment on (only pull_request and pull_request_target do).`
    )
  }
  const number = context.payload.pull_request?.number
  const repo = repoOf(context.payload, env)
  if (typeof number !== 'number' || !repo) {
    return skip('report: comment skipped: the event payload names no pull request.')
  }
  // GitHub hands a read-only token to pull requests from forks (a deleted fork leaves the head
  // repository null) and to those Dependabot triggers: no permissions block changes that.
  const headRepo = context.payload.pull_request?.head?.repo as { full_name?: string } | null
  const head = headRepo?.full_name
  const dependabot = (env.GITHUB_ACTOR ?? '').toLowerCase() === 'dependabot[bot]'
  const fork =
    headRepo === null ||
    (head !== undefined && head.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase())
  const readOnly = fork || dependabot

  try {
    const octokit = github.getOctokit(options.token, {
      baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
      // A GitHub API that hangs must not hold the step: one minute for all the comment's calls.
      request: { signal: AbortSignal.timeout(60_000) }
    })
    const me = await whoAmI(octokit, sink)
    const comments = (await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: number,
      per_page: 100
    })) as IssueComment[]
    const marker = commentMarker(options.key)
    const marked = comments.filter((c) => c.body?.includes(marker))
    // Two runs at once can each create a comment: the oldest stays, the other ones of ours go.
    const [mine, ...duplicates] = marked.filter((c) => sameAuthor(c, me)).sort(oldestFirst)
    const foreign = marked.filter((c) => !sameAuthor(c, me))
    if (foreign.length > 0) {
      sink.info(
        `Left ${plural(foreign.length, 'comment')} that carr${foreign.length === 1 ? 'ies' : 'y'} this job's marker but ${foreign.length === 1 ? 'was' : 'were'} not written by ${me.login} untouched.`
      )
    }
    const body = renderComment(report, {
      key: options.key,
      diagrams: options.diagrams,
      summaryUrl: summaryUrl(env),
      summaryWritten: options.summaryWritten,
      previous: mine?.body ? previousResult(mine.body) : null,
      sha: (context.payload.pull_request?.head?.sha as string | undefined) ?? env.GITHUB_SHA ?? null
    })
    if (mine) {
      const { data } = await octokit.rest.issues.updateComment({
        ...repo,
        comment_id: mine.id,
        body
      })
      sink.info(`Updated the pull request comment ${data.html_url ?? `#${mine.id}`}`)
      const removed = await removeDuplicates(octokit, repo, duplicates, sink)
      return { action: 'updated', id: data.id, url: data.html_url ?? null, removed }
    }
    const { data } = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: number,
      body
    })
    sink.info(`Created the pull request comment ${data.html_url ?? `#${data.id}`}`)
    return { action: 'created', id: data.id, url: data.html_url ?? null }
  } catch (error) {
    const status = (error as { status?: number }).status
    const message = firstLine(error)
    if (status === 403 || status === 404) {
      return readOnly
        ? skip(
            `report: comment skipped: the token may not write to this pull request (HTTP ${status}: ${message}); ${fork ? 'a pull request from a fork' : 'a run triggered by Dependabot'} gets a read-only token.`
          )
        : skip(
            `report: comment skipped: the token may not write pull request comments (HTTP ${status}: ${message}). Give the job 'permissions: pull-requests: write'.`,
            'warning'
          )
    }
    return skip(`report: comment failed: ${status ? `HTTP ${status}: ` : ''}${message}.`, 'warning')
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return (text.split('\n')[0] ?? '').replace(/\s*-\s*https:\/\/docs\.github\.com\S*$/, '').trim()
}
