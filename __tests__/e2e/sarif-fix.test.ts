// The built action writes report.sarif and fix.sh beside the JSON report, names them in its
// outputs, and both hold every error and warning of the run (the sample estate: each vault broken
// a different way).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import Ajv from 'ajv'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import sampleEstate from '../../emulator/estates/sample.js'
import { findings, runAgainst, startEmulator, type ActionRun, type Emulator } from './harness.js'

const require = createRequire(import.meta.url)

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
    const schema = JSON.parse(
      readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')
    )
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true })
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'))
    const validate = ajv.compile(schema)
    expect(validate(sarif) ? null : validate.errors).toBeNull()
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
