// report.sarif against the published SARIF 2.1.0 schema (the schemastore copy shipped in
// @microsoft/jest-sarif, vendored under __tests__/fixtures/sarif/), validated with ajv; and fix.sh
// through bash's own parser.
import { describe, expect, it } from '@jest/globals'
import Ajv from 'ajv'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RULE_IDS } from '../../src/evaluate/catalog.js'
import { renderFixScript } from '../../src/report/fix-script.js'
import { buildReport, besideReport } from '../../src/report/report.js'
import { fingerprint, locationUri, renderSarif, SARIF_MAX_RESULTS } from '../../src/report/sarif.js'
import { finding, pass, vaultId } from './findings.js'

interface SarifRun {
  tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } }
  results: {
    ruleId: string
    level: string
    message: { text: string }
    locations: {
      physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }
    }[]
  }[]
  properties: { omittedResults?: number }
}
type SarifLog = { runs: SarifRun[] }

const require = createRequire(import.meta.url)
const schema = JSON.parse(
  readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')
)

function validator() {
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true })
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'))
  return ajv.compile(schema)
}

const REPORT = buildReport(
  [
    finding('DNS-RECORD-WRONG-IP', 'kv1', {
      fix: 'az network private-dns record-set a add-record -g rg -z z -n kv1 -a 10.1.2.3'
    }),
    finding('PE-LEFTOVER', 'kv1'),
    finding('FW-TRUSTED-SERVICES', 'kv2'),
    finding('ACCESS-DENIED', null),
    pass('DNS-RECORD-TTL', 'kv2')
  ],
  [
    { name: 'kv1', id: vaultId('kv1') },
    { name: 'kv2', id: vaultId('kv2') }
  ]
)

describe('report.sarif', () => {
  const validate = validator()

  it('is valid SARIF 2.1.0 with the catalogue as rules and one result per error and warning', () => {
    const sarif = renderSarif(REPORT, {
      workflowRef: 'contoso/infra/.github/workflows/kv.yml@refs/pull/7/merge'
    }) as SarifLog
    expect(validate(sarif)).toBe(true)
    expect(validate.errors ?? null).toBeNull()
    const run = sarif.runs[0] as SarifRun
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULE_IDS)
    expect(run.results.map((r) => `${r.ruleId}:${r.level}`)).toEqual([
      'DNS-RECORD-WRONG-IP:error',
      'PE-LEFTOVER:warning',
      'ACCESS-DENIED:error'
    ])
    const first = run.results[0]!
    expect(first.message.text).toContain('Fix:\naz network private-dns record-set a add-record')
    expect(first.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      '.github/workflows/kv.yml'
    )
    expect(first.locations[0]?.physicalLocation.region.startLine).toBe(1)
    expect(run.tool.driver.rules[RULE_IDS.indexOf('PE-LEFTOVER')]?.defaultConfiguration.level).toBe(
      'warning'
    )
  })

  it('a schema violation is caught (the validator can fail)', () => {
    const broken = renderSarif(REPORT) as SarifLog
    broken.runs[0]!.results[0]!.level = 'fatal'
    expect(validate(broken)).toBe(false)
  })

  it('fingerprints stay the same for the same rule, vault and resource, and differ otherwise', () => {
    const a = finding('PE-LEFTOVER', 'kv1')
    expect(fingerprint(a)).toBe(fingerprint({ ...a, resource: a.resource.toUpperCase() }))
    expect(fingerprint(a)).not.toBe(fingerprint({ ...a, vault: 'kv2' }))
    expect(fingerprint(a)).not.toBe(fingerprint({ ...a, rule: 'PE-NONE' }))
  })

  it('points at the plan file when there is one', () => {
    expect(
      locationUri({ planPath: './infra/tfplan.json', workflowRef: 'o/r/.github/workflows/x.yml@r' })
    ).toBe('infra/tfplan.json')
  })

  it(`stays within GitHub's ${SARIF_MAX_RESULTS} results and says how many it left out`, () => {
    const many = buildReport(
      Array.from({ length: SARIF_MAX_RESULTS + 3 }, (_, i) => finding('PE-LEFTOVER', `kv${i}`)),
      []
    )
    const run = (renderSarif(many) as SarifLog).runs[0]!
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS)
    expect(run.properties.omittedResults).toBe(3)
  })
})

describe('fix.sh', () => {
  it('is bash -n clean, every fix after a comment naming rule, vault and resource', () => {
    const evil = finding('PE-LEFTOVER', 'kv1', {
      resource: `${vaultId('kv1')}\nrm -rf /`,
      fix: 'az network private-endpoint-connection delete --id x --yes'
    })
    const text = renderFixScript(buildReport([evil, finding('ACCESS-DENIED', null)], []))
    const lines = text.split('\n')
    expect(lines[0]).toBe('#!/usr/bin/env bash')
    expect(lines).toContain('set -euo pipefail')
    // Text from Azure stays inside one comment line.
    expect(
      lines.filter((line) => line.includes('rm -rf')).every((line) => line.startsWith('#'))
    ).toBe(true)
    const at = lines.indexOf('az network private-endpoint-connection delete --id x --yes')
    expect(lines[at - 2]).toBe('# PE-LEFTOVER (warning), vault kv1')
    expect(lines[at - 1]).toMatch(/^# resource: \/subscriptions\/.*kv1 rm -rf \/$/)
    const file = join(mkdtempSync(join(tmpdir(), 'kvpld-fix-')), 'fix.sh')
    writeFileSync(file, text)
    expect(spawnSync('bash', ['-n', file], { encoding: 'utf8' }).status).toBe(0)
  })

  it('sits beside the report with the same suffix', () => {
    expect(besideReport('/t/kv-private-link-doctor-report.json', 'fix', 'sh')).toBe(
      '/t/kv-private-link-doctor-fix.sh'
    )
    expect(besideReport('/t/kv-private-link-doctor-report-2.json', 'report', 'sarif')).toBe(
      '/t/kv-private-link-doctor-report-2.sarif'
    )
  })
})
