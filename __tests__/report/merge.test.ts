// `merge-reports`: every entry of every report is checked before it is counted, and a bad one is
// named in one line (input, file, position); the multi-line input is quoted on one line.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { newCounts } from '../../src/compare/compare.js'
import type { Finding } from '../../src/evaluate/finding.js'
import { InputError } from '../../src/inputs/parse.js'
import { gateCounts } from '../../src/report/exit.js'
import { changeLine } from '../../src/report/group.js'
import { mergeReports, readReport, reportFiles } from '../../src/report/merge.js'
import { buildReport, isCompared, type ReportJson } from '../../src/report/report.js'
import { finding, pass, vaultId } from './findings.js'

type Entry = Record<string, unknown>
/** A report as JSON, open to any edit. */
interface Loose {
  vaults: unknown[]
  findings: unknown[]
}

/** The entry at `i`, to edit a field of it. */
function at(list: unknown[], i: number): Entry {
  return list[i] as Entry
}

function goodReport(): Loose {
  return JSON.parse(
    JSON.stringify(
      buildReport(
        [
          pass('PUBLIC-ACCESS-OPEN', 'kv-a'),
          finding('PE-NONE', 'kv-b', { severity: 'error' }),
          pass('PE-NONE', 'kv-a'),
          finding('DNS-ZONE-MISSING', null, { severity: 'warning' })
        ],
        [
          { name: 'kv-a', id: vaultId('kv-a') },
          { name: 'kv-b', id: vaultId('kv-b') }
        ]
      )
    )
  ) as Loose
}

function write(value: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'kvpld-merge-unit-'))
  const path = join(dir, 'a.json')
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value))
  return path
}

/** The one-line InputError readReport fails with, on a report changed by `edit`. */
async function errorOf(edit: (report: Loose) => void): Promise<string> {
  const report = goodReport()
  edit(report)
  const path = write(report)
  const error = await readReport(path).then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(InputError)
  const { input, message } = error as InputError
  expect(input).toBe('merge-reports')
  expect(message).not.toContain('\n')
  expect(message.startsWith(`Input 'merge-reports': ${path}: `)).toBe(true)
  return message.slice(`Input 'merge-reports': ${path}: `.length)
}

describe('readReport: every entry is checked', () => {
  it('reads a report the action wrote', async () => {
    const report = await readReport(write(goodReport()))
    expect(report.findings).toHaveLength(4)
    expect(report.vaults).toHaveLength(2)
  })

  it('names a finding whose severity is not one of the four (not counted as nothing)', async () => {
    expect(await errorOf((r) => (at(r.findings, 3).severity = 'Error'))).toBe(
      "findings[3].severity is 'Error'; allowed: error, warning, info, pass"
    )
    expect(await errorOf((r) => (at(r.findings, 1).severity = 'critical'))).toBe(
      "findings[1].severity is 'critical'; allowed: error, warning, info, pass"
    )
    expect(await errorOf((r) => delete at(r.findings, 0).severity)).toBe(
      'findings[0].severity is missing; allowed: error, warning, info, pass'
    )
  })

  it('names a null finding and a vault without a name instead of failing unexpectedly', async () => {
    expect(await errorOf((r) => (r.findings[2] = null))).toBe(
      'findings[2] is null; expected an object with rule, severity, vault, message and the rest'
    )
    expect(await errorOf((r) => delete at(r.vaults, 1).name)).toBe(
      'vaults[1].name is missing; expected the vault name'
    )
    expect(await errorOf((r) => (r.vaults[0] = 'kv-a'))).toBe(
      "vaults[0] is 'kv-a'; expected an object with name, id and result"
    )
    expect(await errorOf((r) => (at(r.vaults, 0).id = 42))).toBe(
      "vaults[0].id is 42; expected the vault's resource ID"
    )
    expect(await errorOf((r) => (at(r.vaults, 1).result = 'FAIL'))).toBe(
      "vaults[1].result is 'FAIL'; allowed: pass, warn, fail"
    )
  })

  it('names every required field of a finding', async () => {
    expect(await errorOf((r) => delete at(r.findings, 0).rule)).toBe(
      'findings[0].rule is missing; expected a rule ID'
    )
    expect(await errorOf((r) => (at(r.findings, 0).vault = 7))).toBe(
      'findings[0].vault is 7; expected a vault name or null'
    )
    for (const field of ['resource', 'message', 'observed', 'expected', 'docs']) {
      expect(await errorOf((r) => delete at(r.findings, 1)[field])).toBe(
        `findings[1].${field} is missing; expected a string`
      )
    }
    expect(await errorOf((r) => (at(r.findings, 1).fix = { cmd: 'az' }))).toBe(
      'findings[1].fix is {"cmd":"az"}; expected a string or null'
    )
    expect(await errorOf((r) => (at(r.findings, 1).notRun = 'DNS-RECORD-TTL'))).toBe(
      "findings[1].notRun is 'DNS-RECORD-TTL'; expected a list of rule IDs"
    )
    // A null vault (a finding tied to no vault) and a null fix are fine.
    const report = goodReport()
    at(report.findings, 0).vault = null
    await expect(readReport(write(report))).resolves.toBeDefined()
  })

  it('keeps a bad value on one line', async () => {
    const message = await errorOf((r) => (at(r.findings, 0).severity = 'Err\nor'))
    expect(message).toBe("findings[0].severity is 'Err\\nor'; allowed: error, warning, info, pass")
  })
})

describe('reportFiles', () => {
  it('quotes a multi-line input on one line when no report is found there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvpld-merge-empty-'))
    mkdirSync(join(dir, 'a'))
    mkdirSync(join(dir, 'b'))
    const error = await reportFiles('a\nb\n', dir).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe(
      "Input 'merge-reports' is 'a\\nb': no JSON report found there (download the jobs' report artifacts first)"
    )
  })
})

describe('mergeReports', () => {
  it('counts every finding of the union', async () => {
    const merged = mergeReports([
      await readReport(write(goodReport())),
      await readReport(write(goodReport()))
    ])
    expect(merged.counts).toEqual({ error: 1, warning: 1, info: 0, pass: 2 })
    expect(merged.result).toBe('fail')
    expect(merged.vaults.map((v) => [v.name, v.result])).toEqual([
      ['kv-a', 'pass'],
      ['kv-b', 'fail']
    ])
  })
})

describe('mergeReports: plan judgements of a matrix', () => {
  /** A job's report of a plan judged against its own subscription's vaults. */
  function planReport(
    vault: string,
    found: Finding[],
    resolved: Finding[],
    plan = { format: 'terraform' as const, path: 'tfplan.json', resources: 3 }
  ): ReportJson {
    return {
      ...buildReport(found, [{ name: vault, id: vaultId(vault) }]),
      resolved,
      plan
    }
  }

  const a = planReport(
    'kv-a',
    [
      { ...finding('DNS-LINK-MISSING', 'kv-a', { severity: 'error' }), change: 'new' },
      { ...finding('DNS-RECORD-TTL', 'kv-a', { severity: 'warning' }), change: 'unchanged' }
    ],
    [finding('VNET-NO-ROUTE-TO-PE', 'kv-a', { severity: 'warning' })]
  )
  const b = planReport(
    'kv-b',
    [{ ...finding('DNS-FORWARDING-RULE', 'kv-b', { severity: 'warning' }), change: 'new' }],
    [
      finding('DNS-FORWARDING-LOOP', 'kv-b', { severity: 'error' }),
      finding('PE-NONE', 'kv-b', { severity: 'error' })
    ]
  )

  it('keeps resolved (the union) and the plan; new counts and the lead come from the merged findings', async () => {
    const merged = mergeReports([
      await readReport(write(a)),
      await readReport(write(b)),
      await readReport(write(b))
    ])
    expect(merged.resolved?.map((f) => `${f.rule}@${f.vault}`)).toEqual([
      'VNET-NO-ROUTE-TO-PE@kv-a',
      'DNS-FORWARDING-LOOP@kv-b',
      'PE-NONE@kv-b'
    ])
    expect(merged.plan).toEqual({ format: 'terraform', path: 'tfplan.json', resources: 3 })
    expect(isCompared(merged)).toBe(true)
    expect(newCounts(merged.findings)).toEqual({ errors: 1, warnings: 1 })
    expect(gateCounts(merged, 'new')).toEqual({ errors: 1, warnings: 1 })
    expect(changeLine(merged)).toBe(
      '**This change introduces 2 problems and fixes 3; 1 was there before.**'
    )
  })

  it('several plans are named together; reports without a comparison stay without one', async () => {
    const other = planReport('kv-c', [], [], {
      format: 'terraform',
      path: 'net.json',
      resources: 2
    })
    const merged = mergeReports([a, other])
    expect(merged.plan).toMatchObject({ path: 'tfplan.json, net.json', resources: 5 })
    const plain = mergeReports([await readReport(write(goodReport()))])
    expect(plain.resolved).toBeUndefined()
    expect(plain.plan).toBeUndefined()
    expect(changeLine(plain)).toBeNull()
  })

  it('baselines: the earliest time, counts summed, so the lead says "Since"', () => {
    const since = (generatedAt: string, fresh: number) => ({
      ...buildReport([], [{ name: 'kv-a', id: vaultId('kv-a') }]),
      resolved: [],
      baseline: { path: 'nightly.json', generatedAt, new: fresh, resolved: 0 }
    })
    const merged = mergeReports([
      since('2026-01-02T00:00:00Z', 1),
      since('2026-01-01T00:00:00Z', 2)
    ])
    expect(merged.baseline).toEqual({
      path: 'nightly.json',
      generatedAt: '2026-01-01T00:00:00Z',
      new: 3,
      resolved: 0
    })
    expect(changeLine(merged)).toMatch(/^\*\*Since 2026-01-01T00:00:00Z:/)
  })

  it('checks the resolved entries as it checks findings', async () => {
    const report = JSON.parse(JSON.stringify(b)) as Loose & { resolved: unknown[] }
    at(report.resolved, 1).severity = 'fatal'
    const path = write(report)
    await expect(readReport(path)).rejects.toThrow(
      `Input 'merge-reports': ${path}: resolved[1].severity is 'fatal'; allowed: error, warning, info, pass`
    )
  })
})
