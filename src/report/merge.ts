/**
 * `merge-reports`: one summary, one JSON report and one set of outputs from the JSON reports of
 * several runs (a matrix job per subscription, each uploading its report as an artifact). No
 * Azure call is made: the findings are taken as the runs wrote them, and only the counts and
 * results are worked out again over the union.
 */
import * as core from '@actions/core'
import { readdir, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Finding } from '../evaluate/finding.js'
import type { FailOn } from '../inputs/inputs.js'
import { InputError } from '../inputs/parse.js'
import { shouldFail } from './exit.js'
import { logFindings } from './log.js'
import { setOutputs } from './outputs.js'
import { buildReport, type ReportJson, writeReport } from './report.js'
import { writeSummary } from './summary.js'

/** Entries (files or folders; folders are searched for `*.json`, sub-folders included). */
export async function reportFiles(spec: string, cwd = process.cwd()): Promise<string[]> {
  const entries = spec
    .split(/[\n,]/)
    .map((e) => e.trim())
    .filter((e) => e !== '')
  const files: string[] = []
  for (const entry of entries) {
    const path = resolve(cwd, entry)
    const info = await stat(path).catch(() => null)
    if (!info) {
      throw new InputError(
        'merge-reports',
        `Input 'merge-reports' names '${entry}', which does not exist: expected JSON report files or folders holding them`
      )
    }
    if (info.isDirectory()) files.push(...(await jsonFilesUnder(path)))
    else files.push(path)
  }
  const unique = [...new Set(files)]
  if (unique.length === 0) {
    throw new InputError(
      'merge-reports',
      `Input 'merge-reports' is '${spec.trim()}': no JSON report found there (download the jobs' report artifacts first)`
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

/** Reads one report; a file that is not a schema-1 report is a bad input, named. */
export async function readReport(path: string): Promise<ReportJson> {
  let value: unknown
  try {
    value = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new InputError(
      'merge-reports',
      `Input 'merge-reports': ${path} is not JSON (${(error as Error).message.split('\n')[0]})`
    )
  }
  const report = value as Partial<ReportJson> | null
  if (
    !report ||
    report.schemaVersion !== 1 ||
    !Array.isArray(report.findings) ||
    !Array.isArray(report.vaults)
  ) {
    throw new InputError(
      'merge-reports',
      `Input 'merge-reports': ${path} is not a kv-private-link-doctor report (schemaVersion 1 with vaults and findings)`
    )
  }
  return report as ReportJson
}

/**
 * The union of several reports. A vault checked by two jobs (same ID) is listed once, and a
 * finding both reported (same content) is kept once.
 */
export function mergeReports(reports: readonly ReportJson[]): ReportJson {
  const vaults = new Map<string, { name: string; id: string }>()
  const findings = new Map<string, Finding>()
  for (const report of reports) {
    for (const vault of report.vaults) {
      const key = (vault.id || vault.name).toLowerCase()
      if (!vaults.has(key)) vaults.set(key, { name: vault.name, id: vault.id })
    }
    for (const finding of report.findings) findings.set(JSON.stringify(finding), finding)
  }
  return buildReport([...findings.values()], [...vaults.values()])
}

/** The whole `merge-reports` run: read, merge, report, outputs, fail per `fail-on`. */
export async function runMerge(spec: string, get: (name: string) => string): Promise<void> {
  const failOn = (get('fail-on').trim() || 'error') as FailOn
  if (!['error', 'warning', 'never'].includes(failOn)) {
    throw new InputError(
      'fail-on',
      `Input 'fail-on' is '${failOn}': expected error, warning or never`
    )
  }
  const targets = (get('report').trim() || 'summary').split(',').map((t) => t.trim())
  const files = await reportFiles(spec)
  const report = mergeReports(await Promise.all(files.map(readReport)))
  core.info(
    `Merged ${files.length} report(s): ${report.vaults.length} vault(s), ${report.findings.length} finding(s)`
  )
  logFindings(report)
  const reportPath = await writeReport(report, process.env.RUNNER_TEMP || tmpdir())
  if (targets.includes('summary')) await writeSummary(report)
  setOutputs(report, reportPath)
  if (shouldFail(report, failOn)) {
    core.setFailed(
      `Key Vault private link check (${files.length} reports merged): ${report.counts.error} error(s), ${report.counts.warning} warning(s) (fail-on: ${failOn})`
    )
  }
}
