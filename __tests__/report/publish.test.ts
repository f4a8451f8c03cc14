// The tail a run and a `merge-reports` run share: every sink it writes to, in order, through the
// one logger it is handed, and the step's exit decision per `fail-on`.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../../src/logger.js'
import type { MergeInputs } from '../../src/inputs/parse.js'
import { publish } from '../../src/report/publish.js'
import { buildReport, REPORT_FILE_NAME } from '../../src/report/report.js'
import { finding, pass, vaultId } from './findings.js'

function recorder(): { log: Logger; lines: string[] } {
  const lines: string[] = []
  const log: Logger = {
    info: (m) => lines.push(`info ${m}`),
    debug: (m) => lines.push(`debug ${m}`),
    notice: (m) => lines.push(`notice ${m}`),
    warning: (m, p) => lines.push(`warning ${p?.title ?? ''}: ${m}`),
    error: (m, p) => lines.push(`error ${p?.title ?? ''}: ${m}`),
    startGroup: (name) => lines.push(`group ${name}`),
    endGroup: () => lines.push('endgroup'),
    group: async (name, fn) => {
      lines.push(`group ${name}`)
      try {
        return await fn()
      } finally {
        lines.push('endgroup')
      }
    }
  }
  return { log, lines }
}

const REPORT = buildReport(
  [
    finding('DNS-RECORD-WRONG-IP', 'kv1', { message: 'A record kv1 points to 10.1.2.9' }),
    finding('DNS-RECORD-TTL', 'kv1', { severity: 'warning', message: 'TTL 3600' }),
    pass('PE-NONE', 'kv1')
  ],
  [{ name: 'kv1', id: vaultId('kv1') }]
)

const inputs = (fields: Partial<MergeInputs> = {}): MergeInputs => ({
  report: ['summary'],
  githubToken: '',
  commentKey: 'k',
  failOn: 'error',
  ...fields
})

describe('publish', () => {
  let dir: string
  let stdout: string[]
  const saved = { ...process.env }
  const savedExitCode = process.exitCode
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kvpld-publish-'))
    writeFileSync(join(dir, 'output'), '')
    writeFileSync(join(dir, 'summary.md'), '')
    process.env.GITHUB_OUTPUT = join(dir, 'output')
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary.md')
    stdout = []
    // setFailed writes its workflow command straight to stdout.
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
    process.env = { ...saved }
    process.exitCode = savedExitCode
  })

  it('logs, annotates, writes the report, the summary and the outputs, then fails per fail-on', async () => {
    const { log, lines } = recorder()
    await publish(REPORT, { inputs: inputs(), env: { RUNNER_TEMP: join(dir, 'temp') }, log })

    expect(lines).toEqual([
      'group ❌ Vault kv1: fail (1 error, 1 warning, 0 info, 1 passed)',
      'info ERROR   DNS-RECORD-WRONG-IP: A record kv1 points to 10.1.2.9',
      'info         observed: observed value; expected: expected value',
      `info         resource: ${vaultId('kv1')}`,
      'info         fix: az keyvault update --name kv1',
      'info WARNING DNS-RECORD-TTL: TTL 3600',
      'info         observed: observed value; expected: expected value',
      `info         resource: ${vaultId('kv1')}`,
      'info         fix: az keyvault update --name kv1',
      'info PASS    PE-NONE: PE-NONE for kv1',
      'endgroup',
      'info Key Vault private link check: fail - 1 error, 1 warning, 0 info, 1 passed; 1 vault checked',
      'error DNS-RECORD-WRONG-IP @ kv1: A record kv1 points to 10.1.2.9. Fix: az keyvault update --name kv1',
      'warning DNS-RECORD-TTL @ kv1: TTL 3600. Fix: az keyvault update --name kv1'
    ])
    const path = join(dir, 'temp', REPORT_FILE_NAME)
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(REPORT)
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(
      /^## ❌ Key Vault private link check failed\n/
    )
    const output = readFileSync(join(dir, 'output'), 'utf8')
    expect(output).toContain('result<<')
    expect(output).toContain(`\n${path}\n`)
    expect(process.exitCode).toBe(1)
    expect(stdout).toEqual([
      '::error::Key Vault private link check: 1 error(s), 1 warning(s) (fail-on: error)\n'
    ])
  })

  it('names the merged reports when a merge fails the step, and writes no summary without `summary`', async () => {
    const { log } = recorder()
    const temp = join(dir, 'temp')
    await publish(REPORT, {
      inputs: inputs({ report: [] }),
      merged: 3,
      env: { RUNNER_TEMP: temp },
      log
    })
    // The JSON report, with report.sarif and fix.sh beside it.
    expect(readdirSync(temp).sort()).toEqual([
      'kv-private-link-doctor-fix.sh',
      REPORT_FILE_NAME,
      'kv-private-link-doctor-report.sarif'
    ])
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe('')
    expect(stdout).toEqual([
      '::error::Key Vault private link check (3 reports merged): 1 error(s), 1 warning(s) (fail-on: error)\n'
    ])
  })

  it('leaves the step green under fail-on: never', async () => {
    const { log } = recorder()
    process.exitCode = undefined
    await publish(REPORT, {
      inputs: inputs({ failOn: 'never' }),
      env: { RUNNER_TEMP: join(dir, 'temp') },
      log
    })
    expect(process.exitCode).toBeUndefined()
    expect(stdout).toEqual([])
  })
})
