/**
 * `merge-reports`: one summary, one JSON report and one set of outputs from the JSON reports of
 * several runs (a matrix job per subscription, each uploading its report as an artifact). No
 * Azure call is made: the findings are taken as the runs wrote them, and only the counts and
 * results are worked out again over the union.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Finding } from '../evaluate/finding.js'
import { InputError, parseMergeInputs, show, splitList } from '../inputs/parse.js'
import { logger } from '../logger.js'
import { publish } from './publish.js'
import { buildReport, type PlanInfo, type ReportJson } from './report.js'

/** Entries (files or folders; folders are searched for `*.json`, sub-folders included). */
export async function reportFiles(spec: string, cwd = process.cwd()): Promise<string[]> {
  const entries = splitList(spec)
  const files: string[] = []
  for (const entry of entries) {
    const path = resolve(cwd, entry)
    const info = await stat(path).catch(() => null)
    if (!info) {
      throw new InputError(
        'merge-reports',
        `Input 'merge-reports' names '${show(entry)}', which does not exist: expected JSON report files or folders holding them`
      )
    }
    if (info.isDirectory()) files.push(...(await jsonFilesUnder(path)))
    else files.push(path)
  }
  const unique = [...new Set(files)]
  if (unique.length === 0) {
    throw new InputError(
      'merge-reports',
      `Input 'merge-reports' is '${show(spec.trim())}': no JSON report found there (download the jobs' report artifacts first)`
    )
  }
  return unique
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name)
  )) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await jsonFilesUnder(path)))
    else if (entry.name.toLowerCase().endsWith('.json')) found.push(path)
  }
  return found
}

/** Reads one report; a file that is not a schema-1 report, or has a malformed entry, is a bad input, named. */
export async function readReport(path: string): Promise<ReportJson> {
  const where = `Input 'merge-reports': ${show(path)}`
  let value: unknown
  try {
    value = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new InputError(
      'merge-reports',
      `${where} is not JSON (${show((error as Error).message.split('\n')[0] ?? '')})`
    )
  }
  const report = value as Partial<ReportJson> | null
  if (
    !report ||
    typeof report !== 'object' ||
    report.schemaVersion !== 1 ||
    !Array.isArray(report.findings) ||
    !Array.isArray(report.vaults)
  ) {
    throw new InputError(
      'merge-reports',
      `${where} is not a kv-private-link-doctor report (schemaVersion 1 with vaults and findings)`
    )
  }
  const problem = reportProblem(
    report as { vaults: unknown[]; findings: unknown[]; resolved?: unknown }
  )
  if (problem) throw new InputError('merge-reports', `${where}: ${problem}`)
  return report as ReportJson
}

const SEVERITIES = ['error', 'warning', 'info', 'pass'] as const
const RESULTS = ['pass', 'warn', 'fail'] as const
const FINDING_TEXTS = ['resource', 'message', 'observed', 'expected', 'docs'] as const

/** A JSON value as a message quotes it: strings quoted, the rest as JSON, all on one line. */
function quoted(value: unknown): string {
  if (value === undefined) return 'missing'
  if (typeof value === 'string') return `'${show(value)}'`
  return show(JSON.stringify(value) ?? String(value))
}

/**
 * The first entry of a report's `vaults` or `findings` that does not have the shape this action
 * writes (what the merge counts and prints relies on it), as `findings[3].severity is 'Error';
 * allowed: …`; null when every entry is well-formed.
 */
export function reportProblem(report: {
  vaults: unknown[]
  findings: unknown[]
  resolved?: unknown
}): string | null {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
  const notText = (at: string, value: unknown, what = 'a string'): string =>
    `${at} is ${quoted(value)}; expected ${what}`

  for (const [i, vault] of report.vaults.entries()) {
    const at = `vaults[${i}]`
    if (!isObject(vault)) return notText(at, vault, 'an object with name, id and result')
    if (typeof vault.name !== 'string' || vault.name.trim() === '')
      return notText(`${at}.name`, vault.name, 'the vault name')
    if (typeof vault.id !== 'string')
      return notText(`${at}.id`, vault.id, "the vault's resource ID")
    if (!RESULTS.includes(vault.result as (typeof RESULTS)[number]))
      return `${at}.result is ${quoted(vault.result)}; allowed: ${RESULTS.join(', ')}`
  }
  if (report.resolved !== undefined && !Array.isArray(report.resolved))
    return notText('resolved', report.resolved, 'a list of findings')
  const resolved: unknown[] = report.resolved ?? []
  const entries = [
    ...report.findings.map((f, i) => [`findings[${i}]`, f] as const),
    ...resolved.map((f, i) => [`resolved[${i}]`, f] as const)
  ]
  for (const [at, finding] of entries) {
    if (!isObject(finding)) {
      return notText(at, finding, 'an object with rule, severity, vault, message and the rest')
    }
    if (typeof finding.rule !== 'string' || finding.rule.trim() === '')
      return notText(`${at}.rule`, finding.rule, 'a rule ID')
    if (!SEVERITIES.includes(finding.severity as (typeof SEVERITIES)[number]))
      return `${at}.severity is ${quoted(finding.severity)}; allowed: ${SEVERITIES.join(', ')}`
    if (finding.vault !== null && typeof finding.vault !== 'string')
      return notText(`${at}.vault`, finding.vault, 'a vault name or null')
    for (const field of FINDING_TEXTS) {
      if (typeof finding[field] !== 'string') return notText(`${at}.${field}`, finding[field])
    }
    if (finding.fix !== null && typeof finding.fix !== 'string')
      return notText(`${at}.fix`, finding.fix, 'a string or null')
    if (
      finding.notRun !== undefined &&
      !(Array.isArray(finding.notRun) && finding.notRun.every((r) => typeof r === 'string'))
    )
      return notText(`${at}.notRun`, finding.notRun, 'a list of rule IDs')
  }
  return null
}

/**
 * The union of several reports. A vault checked by two jobs (same ID) is listed once, and a
 * finding both reported (same content) is kept once. What the runs compared with carries over:
 * `resolved` is the union of theirs, `plan` and `baseline` say what was judged (the counts and
 * the lead the summary and outputs show are then worked out over the union too).
 */
export function mergeReports(reports: readonly ReportJson[]): ReportJson {
  const vaults = new Map<string, { name: string; id: string; type: 'vault' | 'managedHsm' }>()
  const findings = new Map<string, Finding>()
  const resolved = new Map<string, Finding>()
  let compared = false
  for (const report of reports) {
    for (const vault of report.vaults) {
      const key = (vault.id || vault.name).toLowerCase()
      if (!vaults.has(key))
        vaults.set(key, { name: vault.name, id: vault.id, type: vault.type ?? 'vault' })
    }
    for (const finding of report.findings) findings.set(JSON.stringify(finding), finding)
    if (Array.isArray(report.resolved)) {
      compared = true
      for (const finding of report.resolved) resolved.set(JSON.stringify(finding), finding)
    }
  }
  const merged = buildReport([...findings.values()], [...vaults.values()])
  if (compared) merged.resolved = [...resolved.values()]
  const plan = mergedPlan(reports.flatMap((r) => (r.plan ? [r.plan] : [])))
  if (plan) merged.plan = plan
  const baseline = mergedBaseline(reports.flatMap((r) => (r.baseline ? [r.baseline] : [])))
  if (baseline) merged.baseline = baseline
  return merged
}

/**
 * One plan judged by every job of a matrix (each against its own subscription) is that plan;
 * several plans are named together, with every understood resource they change.
 */
function mergedPlan(plans: PlanInfo[]): (PlanInfo & { plans?: PlanInfo[] }) | null {
  const distinct = new Map<string, PlanInfo>()
  for (const plan of plans) {
    const key = `${plan.format}\n${plan.path}`
    const known = distinct.get(key)
    // The same file parses to the same changes: its count is the same in every job.
    if (!known || plan.resources > known.resources) distinct.set(key, plan)
  }
  const all = [...distinct.values()]
  const first = all[0]
  if (!first) return null
  if (all.length === 1) return { ...first }
  return {
    format: first.format,
    path: all.map((p) => p.path).join(', '),
    resources: all.reduce((sum, p) => sum + p.resources, 0),
    plans: all
  }
}

/** The baselines the jobs compared with: their paths, the earliest time, the counts summed. */
function mergedBaseline(
  baselines: NonNullable<ReportJson['baseline']>[]
): ReportJson['baseline'] | null {
  if (baselines.length === 0) return null
  const paths = [...new Set(baselines.map((b) => b.path))]
  const times = baselines
    .map((b) => b.generatedAt)
    .filter((t): t is string => typeof t === 'string')
    .sort()
  const sum = (pick: (b: (typeof baselines)[number]) => number | undefined): number | undefined =>
    baselines.every((b) => pick(b) !== undefined)
      ? baselines.reduce((total, b) => total + (pick(b) ?? 0), 0)
      : undefined
  const merged: NonNullable<ReportJson['baseline']> = {
    path: paths.join(', '),
    generatedAt: times[0] ?? null
  }
  const fresh = sum((b) => b.new)
  const gone = sum((b) => b.resolved)
  if (fresh !== undefined) merged.new = fresh
  if (gone !== undefined) merged.resolved = gone
  return merged
}

/** The whole `merge-reports` run: read, merge, report, outputs, fail per `fail-on`. */
export async function runMerge(
  spec: string,
  get: (name: string) => string,
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  const inputs = parseMergeInputs(get, env)
  const files = await reportFiles(spec)
  const report = mergeReports(await Promise.all(files.map(readReport)))
  logger.info(
    `Merged ${files.length} report(s): ${report.vaults.length} vault(s), ${report.findings.length} finding(s)` +
      (report.resolved ? `, ${report.resolved.length} resolved` : '')
  )
  // As the runs gated: a plan's jobs count only what the change introduces, unless told.
  const gate = inputs.gate ?? (report.plan ? 'new' : 'all')
  // As a normal run ends, comment and fail-on included; there is no probe and no picture.
  await publish(report, { inputs, gate, merged: files.length, env })
}
