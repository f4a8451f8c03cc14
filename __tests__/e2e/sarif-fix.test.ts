// The built action writes report.sarif and fix.sh beside the JSON report, names them in its
// outputs, and both hold every error and warning of the run (the sample estate: each vault broken
// a different way). Over two runs of the same estate, report.sarif's fingerprints stay the same.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import Ajv from 'ajv'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import sampleEstate from '../../emulator/estates/sample.js'
import scaleEstate, { SCALE_SUBSCRIPTION_ID } from '../../emulator/estates/scale.js'
import { findings, runAgainst, startEmulator, type ActionRun, type Emulator } from './harness.js'

const require = createRequire(import.meta.url)

/** Against the vendored SARIF 2.1.0 schema: null when valid, else ajv's errors. */
function sarifErrors(sarif: unknown): unknown {
  const schema = JSON.parse(
    readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')
  )
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true })
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'))
  const validate = ajv.compile(schema)
  return validate(sarif) ? null : validate.errors
}

describe('report.sarif and fix.sh of a run', () => {
  let emu: Emulator
  let run: ActionRun
  beforeAll(async () => {
    emu = await startEmulator({ estate: sampleEstate() })
    run = await runAgainst(
      emu,
      {},
      { GITHUB_WORKFLOW_REF: 'contoso/infra/.github/workflows/kv.yml@refs/heads/main' }
    )
  })
  afterAll(() => emu.stop())

  const problems = () =>
    findings(run).filter((f) => f.severity === 'error' || f.severity === 'warning')

  it('writes both beside the JSON report and names them in the outputs', () => {
    expect(dirname(run.outputs['sarif-path'] ?? '')).toBe(
      dirname(run.outputs['report-path'] ?? '-')
    )
    expect(run.outputs['sarif-path']).toMatch(/kv-private-link-doctor-report\.sarif$/)
    expect(run.outputs['fix-script']).toMatch(/kv-private-link-doctor-fix\.sh$/)
  })

  it('report.sarif is valid SARIF 2.1.0 with one located result per error and warning', () => {
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-path'] ?? '', 'utf8'))
    expect(sarifErrors(sarif)).toBeNull()
    const results: { ruleId: string; locations: unknown[]; partialFingerprints: object }[] =
      sarif.runs[0].results
    expect(results.map((r) => r.ruleId)).toEqual(problems().map((f) => f.rule))
    expect(problems().length).toBeGreaterThan(3)
    for (const result of results) {
      expect(result.locations).toHaveLength(1)
      expect(Object.keys(result.partialFingerprints)).toEqual(['kvPrivateLinkDoctor/v1'])
    }
    expect(JSON.stringify(results[0]?.locations)).toContain('.github/workflows/kv.yml')
  })

  it('fix.sh holds every fix in order, passes bash -n, and is not run by the action', () => {
    const path = run.outputs['fix-script'] ?? ''
    const text = readFileSync(path, 'utf8')
    let at = 0
    for (const f of problems()) {
      const found = text.indexOf(f.fix ?? '', at)
      expect({ rule: f.rule, vault: f.vault, found: found >= 0 }).toEqual({
        rule: f.rule,
        vault: f.vault,
        found: true
      })
      at = found
    }
    expect(spawnSync('bash', ['-n', path], { encoding: 'utf8' }).status).toBe(0)
  })
})

interface SarifResult {
  ruleId: string
  level: string
  message: { text: string }
  partialFingerprints: Record<string, string>
  properties: { vault: string | null; resource: string }
}

describe('report.sarif over two runs of the same estate', () => {
  // Two separate runs, each against its own emulator (its own CA, tokens and request log), as two
  // nights of a drift check are: code scanning matches alerts across them by fingerprint.
  async function sarifOfRun(): Promise<{ run: ActionRun; results: SarifResult[]; sarif: unknown }> {
    const emu = await startEmulator({ estate: scaleEstate({ vaults: 200, broken: 0.3 }) })
    try {
      const run = await runAgainst(emu, { 'subscription-id': SCALE_SUBSCRIPTION_ID })
      const sarif = JSON.parse(readFileSync(run.outputs['sarif-path'] ?? '', 'utf8'))
      return { run, sarif, results: sarif.runs[0].results }
    } finally {
      await emu.stop()
    }
  }
  let first: Awaited<ReturnType<typeof sarifOfRun>>
  let second: Awaited<ReturnType<typeof sarifOfRun>>
  beforeAll(async () => {
    first = await sarifOfRun()
    second = await sarifOfRun()
  }, 120_000)

  const key = (r: SarifResult) =>
    `${r.ruleId}@${r.properties.vault} ${r.partialFingerprints['kvPrivateLinkDoctor/v1']}`

  it('gives the same results with the same fingerprints, one distinct fingerprint per result', () => {
    // 60 of 200 vaults broken, each with one error or warning.
    expect(first.results).toHaveLength(60)
    expect(first.run.outputs['report-path']).not.toBe(second.run.outputs['report-path'])
    for (const r of [...first.results, ...second.results]) {
      expect(Object.keys(r.partialFingerprints)).toEqual(['kvPrivateLinkDoctor/v1'])
      expect(r.partialFingerprints['kvPrivateLinkDoctor/v1']).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(second.results.map(key).sort()).toEqual(first.results.map(key).sort())
    expect(new Set(first.results.map(key)).size).toBe(first.results.length)
    // The same results, not only the same fingerprints: rule, level, message (with the fix).
    const whole = (results: SarifResult[]) =>
      results.map((r) => ({ ...r })).sort((a, b) => key(a).localeCompare(key(b)))
    expect(whole(second.results)).toEqual(whole(first.results))
    // And they are the run's errors and warnings, per rule and vault.
    expect(first.results.map((r) => `${r.ruleId}@${r.properties.vault}`).sort()).toEqual(
      findings(first.run)
        .filter((f) => f.severity === 'error' || f.severity === 'warning')
        .map((f) => `${f.rule}@${f.vault}`)
        .sort()
    )
  })

  it('is valid SARIF 2.1.0 both times', () => {
    expect(sarifErrors(first.sarif)).toBeNull()
    expect(sarifErrors(second.sarif)).toBeNull()
  })
})
