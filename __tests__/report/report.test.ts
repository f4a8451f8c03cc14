import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { shouldFail } from '../../src/report/exit.js'
import { setOutputs } from '../../src/report/outputs.js'
import {
  buildReport,
  findingsByVault,
  jsonAt,
  REPORT_FILE_NAME,
  resultOf,
  writeReport
} from '../../src/report/report.js'
import { finding, pass, vaultId } from './findings.js'

const VAULTS = [
  { name: 'kv1', id: vaultId('kv1') },
  { name: 'kv2', id: vaultId('kv2') },
  { name: 'kv3', id: vaultId('kv3') }
]

const FINDINGS = [
  finding('DNS-RECORD-WRONG-IP', 'kv1', {
    observed: '10.1.2.9',
    expected: '10.1.2.3',
    message:
      'A record kv1 in privatelink.vaultcore.azure.net points to 10.1.2.9; the private endpoint pe-kv1 has 10.1.2.3'
  }),
  pass('DNS-RECORD-TTL', 'kv1'),
  finding('DNS-RECORD-TTL', 'KV2'),
  finding('FW-TRUSTED-SERVICES', 'kv2'),
  pass('PE-NONE', 'kv3'),
  finding('ACCESS-DENIED', null, { notRun: ['DNS-ZONE-MISSING'] })
]

describe('resultOf', () => {
  it('is fail on any error, else warn on any warning, else pass', () => {
    expect(resultOf([{ severity: 'pass' }, { severity: 'warning' }, { severity: 'error' }])).toBe(
      'fail'
    )
    expect(resultOf([{ severity: 'info' }, { severity: 'warning' }])).toBe('warn')
    expect(resultOf([{ severity: 'info' }, { severity: 'pass' }])).toBe('pass')
    expect(resultOf([])).toBe('pass')
  })
})

describe('findingsByVault', () => {
  it('groups by vault name in any case, in order of first appearance, each group in report order', () => {
    const mixed = [
      finding('PE-NONE', 'kv1'),
      finding('PE-NONE', 'KV2'),
      finding('ACCESS-DENIED', null),
      pass('DNS-RECORD-TTL', 'KV1'),
      pass('DNS-RECORD-TTL', 'kv2'),
      pass('PE-NONE', 'kv2'),
      finding('ARM-ERROR', null),
      pass('FW-TRUSTED-SERVICES', 'kv1')
    ]
    const groups = findingsByVault(mixed)
    expect([...groups.keys()]).toEqual(['kv1', 'kv2', null])
    expect(groups.get('kv1')).toEqual([mixed[0], mixed[3], mixed[7]])
    expect(groups.get('kv2')).toEqual([mixed[1], mixed[4], mixed[5]])
    expect(groups.get(null)).toEqual([mixed[2], mixed[6]])
    expect(findingsByVault([]).size).toBe(0)
  })
})

describe('buildReport', () => {
  it('builds schema version 1 with counts, per-vault results and the findings as given', () => {
    const report = buildReport(FINDINGS, VAULTS)
    expect(report).toEqual({
      schemaVersion: 1,
      generatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      result: 'fail',
      counts: { error: 2, warning: 1, info: 1, pass: 2 },
      vaults: [
        { name: 'kv1', id: vaultId('kv1'), type: 'vault', result: 'fail' },
        { name: 'kv2', id: vaultId('kv2'), type: 'vault', result: 'warn' },
        { name: 'kv3', id: vaultId('kv3'), type: 'vault', result: 'pass' }
      ],
      findings: FINDINGS
    })
  })

  it('keeps every required field of each finding, with vault null where tied to none', () => {
    const report = JSON.parse(JSON.stringify(buildReport(FINDINGS, VAULTS))) as {
      findings: Record<string, unknown>[]
    }
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining([
          'rule',
          'severity',
          'vault',
          'resource',
          'message',
          'observed',
          'expected',
          'fix',
          'docs'
        ])
      )
    }
    expect(report.findings.at(-1)?.vault).toBeNull()
  })

  it('passes with no findings and no vaults', () => {
    expect(buildReport([], [])).toEqual({
      schemaVersion: 1,
      generatedAt: expect.any(String),
      result: 'pass',
      counts: { error: 0, warning: 0, info: 0, pass: 0 },
      vaults: [],
      findings: []
    })
  })
})

describe('shouldFail', () => {
  const counts = (error: number, warning: number) => ({
    counts: { error, warning, info: 3, pass: 9 }
  })
  it.each([
    ['error', 1, 0, true],
    ['error', 0, 2, false],
    ['warning', 0, 2, true],
    ['warning', 1, 0, true],
    ['warning', 0, 0, false],
    ['never', 5, 5, false]
  ] as const)(
    'fail-on %s with %d errors and %d warnings: %p',
    (failOn, errors, warnings, fails) => {
      expect(shouldFail(counts(errors, warnings), failOn)).toBe(fails)
    }
  )
})

describe('writeReport', () => {
  it('writes the JSON under the directory, never overwriting an earlier report', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kvpld-report-')), 'runner-temp')
    const first = buildReport(FINDINGS, VAULTS)
    const second = buildReport([], VAULTS)
    const firstPath = await writeReport(first, dir)
    const secondPath = await writeReport(second, dir)
    expect(firstPath).toBe(join(dir, REPORT_FILE_NAME))
    expect(secondPath).toBe(join(dir, 'kv-private-link-doctor-report-2.json'))
    expect(JSON.parse(readFileSync(firstPath, 'utf8'))).toEqual(first)
    expect(JSON.parse(readFileSync(secondPath, 'utf8'))).toEqual(second)
    expect(readdirSync(dir).sort()).toEqual(
      [REPORT_FILE_NAME, 'kv-private-link-doctor-report-2.json'].sort()
    )
  })

  /** The report's layout: a 2-space indent, each finding of `findings` and `resolved` one line. */
  const layout = (report: object): string => {
    const entries = Object.entries(report)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => {
        const text =
          (key === 'findings' || key === 'resolved') && Array.isArray(value) && value.length > 0
            ? `[\n${value.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]`
            : JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')
        return `  ${JSON.stringify(key)}: ${text}`
      })
    return `{\n${entries.join(',\n')}\n}\n`
  }

  it('writes the report indented, a finding per line, extra fields included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvpld-report-'))
    const many = Array.from({ length: 450 }, (_, i) => ({
      ...FINDINGS[i % FINDINGS.length]!,
      message: `line one\nline "two" #${i}`
    }))
    // Over 3 MB: the file is written a megabyte at a time while the rest is stringified.
    const large = Array.from({ length: 6000 }, (_, i) => ({
      ...FINDINGS[i % FINDINGS.length]!,
      message: `finding #${i} — ${'x'.repeat(400)}`
    }))
    // A piece bigger than a write (the vaults, about 1 MB here) is written as it comes, in order.
    const vaults = Array.from({ length: 6000 }, (_, i) => ({
      name: `kv-${i}`,
      id: vaultId(`kv-${i}`)
    }))
    for (const report of [
      buildReport(many, VAULTS),
      buildReport(large, VAULTS),
      buildReport(large, vaults),
      Object.assign(buildReport(FINDINGS, VAULTS), { probe: { mode: 'inside', vaults: [] } }),
      Object.assign(buildReport(FINDINGS.slice(1), VAULTS), { resolved: FINDINGS.slice(0, 1) }),
      buildReport([], [])
    ]) {
      const path = await writeReport(report, dir)
      const text = readFileSync(path, 'utf8')
      expect(text).toBe(layout(report))
      expect(JSON.parse(text)).toEqual(report)
      // Every finding is a line of its own that parses alone.
      const lines = text.split('\n').filter((line) => line.startsWith('    {"rule":'))
      expect(lines).toHaveLength(report.findings.length + (report.resolved?.length ?? 0))
      for (const line of lines)
        expect(JSON.parse(line.trim().replace(/,$/, ''))).toHaveProperty('rule')
    }
  })

  it('lays out plain data as JSON.stringify with a 2-space indent does, at any depth', () => {
    const values: unknown[] = [
      null,
      0,
      -1.5e-7,
      Number.NaN,
      true,
      'a "quoted"\nline with \u2028 and é',
      [],
      {},
      [1, [2, []], { a: [] }, null, undefined],
      { a: undefined, b: { c: { d: [{}, { e: 'x' }] } }, f: [], g: null, h: () => 1 }
    ]
    for (const value of values) {
      for (const depth of [0, 1, 2, 5]) {
        const expected = JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`)
        expect(jsonAt(value, depth)).toBe(expected)
      }
    }
    expect(jsonAt(undefined, 1)).toBe('null')
  })

  it('gives each of many concurrent writers its own complete file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvpld-report-'))
    const reports = Array.from({ length: 8 }, (_, i) => buildReport(FINDINGS.slice(0, i), VAULTS))
    const paths = await Promise.all(reports.map((report) => writeReport(report, dir)))
    expect(new Set(paths).size).toBe(8)
    paths.forEach((path, i) => expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(reports[i]))
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

describe('setOutputs', () => {
  it('sets result, errors, warnings and the paths of the report, the SARIF file and the fix script', () => {
    const outputFile = join(mkdtempSync(join(tmpdir(), 'kvpld-outputs-')), 'output.txt')
    writeFileSync(outputFile, '')
    const saved = process.env.GITHUB_OUTPUT
    process.env.GITHUB_OUTPUT = outputFile
    try {
      setOutputs(buildReport(FINDINGS, VAULTS), {
        report: '/tmp/runner/kv-private-link-doctor-report.json',
        sarif: '/tmp/runner/kv-private-link-doctor-report.sarif',
        fixScript: '/tmp/runner/kv-private-link-doctor-fix.sh'
      })
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT
      else process.env.GITHUB_OUTPUT = saved
    }
    const outputs = Object.fromEntries(
      [...readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map(
        (m) => [m[1], m[3]]
      )
    )
    expect(outputs).toEqual({
      result: 'fail',
      errors: '2',
      warnings: '1',
      'report-path': '/tmp/runner/kv-private-link-doctor-report.json',
      'sarif-path': '/tmp/runner/kv-private-link-doctor-report.sarif',
      'fix-script': '/tmp/runner/kv-private-link-doctor-fix.sh'
    })
  })
})
