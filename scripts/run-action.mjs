// Runs the real bundled action (dist/index.js) in a child process the way the Actions runner
// does: inputs as INPUT_* variables (with action.yml's defaults filled in, as the runner does,
// except `probe`, which is 'off' unless the caller sets it),
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / RUNNER_TEMP files, and returns what it produced.
// Shared by the demo, the end-to-end tests and the benchmark.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The defaults action.yml declares, as the runner would pass them. */
export function actionDefaults() {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'))
  const defaults = {}
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    if (spec.default !== undefined && !String(spec.default).includes('${{')) {
      defaults[name] = String(spec.default)
    }
  }
  return defaults
}

/**
 * Reads the `name=value` and heredoc (`name<<DELIM`) lines @actions/core writes to GITHUB_OUTPUT.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseOutputFile(text) {
  /** @type {Record<string, string>} */
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i])
      outputs[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}

/**
 * @param {{ inputs?: Record<string,string>, env?: Record<string,string>, timeoutMs?: number, node?: string }} options
 */
export async function runAction({
  inputs = {},
  env = {},
  timeoutMs = 120000,
  node = process.execPath
} = {}) {
  const work = mkdtempSync(join(tmpdir(), 'kvpld-run-'))
  const outputPath = join(work, 'output.txt')
  const summaryPath = join(work, 'summary.md')
  const runnerTemp = join(work, 'runner-temp')
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  mkdirSync(runnerTemp)

  const childEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? work,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKFLOW: 'infra',
    GITHUB_JOB: 'kv-doctor',
    GITHUB_REPOSITORY: 'contoso/infra',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_EVENT_NAME: 'pull_request',
    RUNNER_ENVIRONMENT: 'github-hosted',
    ...env
  }
  // probe defaults to 'off' here (not action.yml's 'auto'): a harness run must never probe the
  // real vault.azure.net by accident. Probe tests set `probe` themselves.
  for (const [name, value] of Object.entries({ ...actionDefaults(), probe: 'off', ...inputs })) {
    childEnv[`INPUT_${name.toUpperCase()}`] = value
  }
  // Uppercase the INPUT_ names env() may have given in lower case, as the runner does.
  for (const name of Object.keys(childEnv)) {
    if (name.startsWith('INPUT_') && name !== name.toUpperCase()) {
      childEnv[name.toUpperCase()] = childEnv[name]
      delete childEnv[name]
    }
  }

  const started = Date.now()
  // KVPLD_DIST points at another build of the bundle (e.g. one under .tmp/ while dist/ is rebuilt).
  const entry = process.env.KVPLD_DIST ?? join(root, 'dist', 'index.js')
  const child = spawn(node, [entry], { env: childEnv, cwd: work })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const exitCode = await new Promise((resolve) => child.on('close', (code) => resolve(code)))
  // The action's own time: until its process has exited, not until its report is parsed here.
  const wallMs = Date.now() - started
  clearTimeout(timer)

  const outputs = parseOutputFile(readFileSync(outputPath, 'utf8'))
  const reportFiles = readdirSync(runnerTemp).filter((f) => f.endsWith('.json'))
  const reportPath =
    outputs['report-path'] ?? (reportFiles[0] ? join(runnerTemp, reportFiles[0]) : null)
  /** @type {any} */
  let report
  try {
    report = reportPath ? JSON.parse(readFileSync(reportPath, 'utf8')) : null
  } catch {
    report = null
  }
  return {
    /** The run's folder (GITHUB_OUTPUT, the summary, RUNNER_TEMP): the caller's to remove. */
    workDir: work,
    exitCode,
    stdout,
    stderr,
    outputs,
    summary: readFileSync(summaryPath, 'utf8'),
    summaryPath,
    report,
    reportPath,
    wallMs
  }
}
