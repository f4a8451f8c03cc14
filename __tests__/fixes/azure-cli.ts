// Runs command lines through the real Azure CLI (Debian's azure-cli package) without a login,
// each in an empty network namespace (`unshare -rn`: nothing can leave it) with a throwaway
// AZURE_CONFIG_DIR. Without a login, a line whose arguments parse stops at "Please run 'az login'";
// a line the CLI cannot parse stops earlier with its own message.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** See az-shim/sitecustomize.py: makes Debian's `az network …` load at all. */
export const SHIM_DIR = join(here, 'az-shim')

export const LOGIN_ERROR = "ERROR: Please run 'az login' to setup account."

/** What the CLI prints, without a login, for a line that parsed and names a subscription. */
const HARMLESS = [/^WARNING: Subscription '[^']*' not recognized\.$/]

/** The CLI's hints after a parse error; the error line before them is the reason. */
const NOISE = [
  /^Examples from AI knowledge base:$/,
  /^https:\/\/aka\.ms\/cli_ref$/,
  /^Read more about the command in reference docs$/,
  /^To learn more about .* use --help/,
  /^Try this: /
]

/** Why the Azure CLI cannot be used here, or null when it can. */
export function azUnavailable(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v az'], { encoding: 'utf8' })
  if (which.status !== 0) {
    return (
      "The Azure CLI ('az') is not installed, so the fix commands cannot be checked. Install it: " +
      'apt-get install -y azure-cli (.ci/run does this in CI)'
    )
  }
  const ns = spawnSync('unshare', ['-rn', 'true'], { encoding: 'utf8', timeout: 10000 })
  if (ns.error || ns.status !== 0) {
    return `'unshare -rn' is not permitted here (${ns.error?.message ?? ns.stderr.trim()}), so az cannot run in an empty network namespace`
  }
  return null
}

export interface AzRun {
  exitCode: number | null
  output: string
  ms: number
}

/** Runs one line with `sh -c` (so POSIX quoting applies) inside `unshare -rn`. */
export function runInNamespace(line: string, configDir: string, timeoutMs = 60000): Promise<AzRun> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn('unshare', ['-rn', 'sh', '-c', line], {
      cwd: configDir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: configDir,
        AZURE_CONFIG_DIR: configDir,
        AZURE_CORE_COLLECT_TELEMETRY: 'false',
        AZURE_CORE_NO_COLOR: 'true',
        PYTHONPATH: SHIM_DIR,
        // No __pycache__ next to the shim in the repo.
        PYTHONDONTWRITEBYTECODE: '1'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ exitCode: code, output, ms: Date.now() - started })
    })
  })
}

export interface Verdict {
  ok: boolean
  /** For a failure: the CLI's (or the shell's) own error line. */
  reason: string
}

/** Passes only when the CLI got as far as asking for a login and said nothing else of note. */
export function verdict(run: AzRun): Verdict {
  const lines = run.output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !HARMLESS.some((re) => re.test(l)))
  if (lines.length === 1 && lines[0] === LOGIN_ERROR) return { ok: true, reason: '' }
  const meaningful = lines.filter((l) => !NOISE.some((re) => re.test(l)))
  const reason =
    meaningful.find((l) => /^(ERROR|error|az|sh|usage)\b/.test(l)) ??
    meaningful[0] ??
    `no output (exit ${run.exitCode})`
  return { ok: false, reason: reason.length > 300 ? `${reason.slice(0, 297)}...` : reason }
}

/** `bash -n` over a whole fix: null when it parses, else bash's complaint. */
export function bashSyntaxError(text: string): string | null {
  const check = spawnSync('bash', ['-n'], { input: text, encoding: 'utf8', timeout: 10000 })
  if (check.status === 0 && !check.stderr.trim()) return null
  return check.stderr.trim() || `bash -n exited ${check.status}`
}

/** A fresh config dir per worker: the first call in each builds the CLI's command index. */
export function azConfigDir(): string {
  return mkdtempSync(join(tmpdir(), 'kvpld-az-'))
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, worker: number) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const index = next++
        results[index] = await work(items[index] as T, worker)
      }
    })
  )
  return results
}
