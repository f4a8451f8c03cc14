// Runs a probe scenario (fixtures/scenarios.mjs) in a fresh private network + mount namespace
// (`unshare -rmn`) and returns what the real bundled action reported. Nothing leaves the
// namespace: it has only lo, and scenario.mjs refuses to run if it sees anything else.
import { RULES } from '../../src/evaluate/catalog.js'
import { spawn, spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Finding } from '../../src/evaluate/finding.js'
import type { ProbeRun } from '../../src/probe/result.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')

export interface ScenarioResult {
  exitCode: number
  report: { result: string; findings: Finding[]; probe?: ProbeRun } | null
  summary: string
  stdout: string
  stderr: string
  wallMs: number
  issuedSecrets: string[]
  vaultRequests: {
    ip: string
    requests: { path: string; remote: string; authorized: boolean; host: string }[]
  }[]
  dnsQueries: { name: string; type: string }[]
}

/** Why namespace tests cannot run here, or null when they can. */
export function namespaceUnavailable(): string | null {
  const check = spawnSync(
    'unshare',
    [
      '-rmn',
      'sh',
      '-c',
      'ip link set lo up && ip addr add 10.255.0.1/32 dev lo && mount --bind /etc/hosts /etc/hosts'
    ],
    { encoding: 'utf8', timeout: 10000 }
  )
  if (check.error) return `unshare could not start: ${check.error.message}`
  if (check.status !== 0) {
    const why = (check.stderr || '').trim()
    return `'unshare -rmn' with 'ip addr add' and 'mount --bind' is not permitted here (exit ${check.status}: ${why})`
  }
  return null
}

const unavailable = namespaceUnavailable()
if (unavailable) {
  console.warn(`Skipping the probe namespace tests: ${unavailable}`)
}
/** Why namespace tests cannot run here (printed above), or null; suites use describe.skip then. */
export const namespaceReason = unavailable

/** The real servers some scenarios start, by the Debian package that installs them (.ci/run). */
const PROGRAMS: Record<string, string> = {
  bind9: '/usr/sbin/named',
  unbound: '/usr/sbin/unbound',
  nginx: '/usr/sbin/nginx'
}

/**
 * Why a suite that needs these Debian packages cannot run (namespaces unavailable, or the
 * packages missing), or null when it can. Printed once; suites use describe.skip then.
 */
export function realServersUnavailable(...packages: (keyof typeof PROGRAMS)[]): string | null {
  if (unavailable) return unavailable
  const missing = packages.filter((name) => {
    try {
      accessSync(PROGRAMS[name] ?? '', constants.X_OK)
      return false
    } catch {
      return true
    }
  })
  if (missing.length === 0) return null
  const why = `the Debian package(s) ${missing.join(', ')} are not installed (.ci/run installs them)`
  console.warn(`Skipping probe tests with real servers: ${why}`)
  return why
}

export function runScenario(name: string): Promise<ScenarioResult> {
  return runFixture<ScenarioResult>('scenario.mjs', name)
}

/**
 * Runs scenario `name` of a fixture script (fixtures/scenario.mjs, fixtures/hsm-scenario.mjs) in
 * a fresh network and mount namespace, and returns the result line it prints.
 */
export async function runFixture<T>(script: string, name: string): Promise<T> {
  const child = spawn('unshare', ['-rmn', process.execPath, join(here, 'fixtures', script), name], {
    cwd: root,
    // KVPLD_DIST (a bundle other than dist/) passes through to run-action.mjs; TMPDIR (the test
    // run's own, removed at its end) to what the scenario writes.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(process.env.KVPLD_DIST ? { KVPLD_DIST: process.env.KVPLD_DIST } : {}),
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {})
    }
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk) => (out += chunk))
  child.stderr.on('data', (chunk) => (err += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const line = out.split('\n').find((l) => l.startsWith('@@RESULT@@ '))
  if (!line)
    throw new Error(
      `scenario ${name} gave no result (exit ${code}):\n${err}\n${out}`.slice(0, 4000)
    )
  return JSON.parse(line.slice('@@RESULT@@ '.length)) as T
}

export function probeFindings(result: ScenarioResult): Finding[] {
  return (result.report?.findings ?? []).filter((f) => RULES[f.rule].scope === 'probe')
}

/** Errors, warnings and infos of the probe rules as `RULE:severity`, sorted and unique. */
export function probeProblems(result: ScenarioResult): string[] {
  return [
    ...new Set(
      probeFindings(result)
        .filter((f) => f.severity !== 'pass')
        .map((f) => `${f.rule}:${f.severity}`)
    )
  ].sort()
}

export function passed(result: ScenarioResult): string[] {
  return [
    ...new Set(
      probeFindings(result)
        .filter((f) => f.severity === 'pass')
        .map((f) => f.rule)
    )
  ].sort()
}
