// `baseline`: the built action compares its findings with an earlier report of its own (last
// night's artifact): `change` on each finding, `resolved` for what is gone, the "Since" lead line,
// `new-errors`/`new-warnings`, and `gate: new` counting only what is new. A baseline that does
// not exist yet is a notice; one that is not a report is one input error line before any Azure call.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sampleEstate from '../../emulator/estates/sample.js'
import scaleEstate, { SCALE_SUBSCRIPTION_ID } from '../../emulator/estates/scale.js'
import { readRendered } from '../report/gfm.js'
import {
  errorLines,
  findings,
  runAgainst,
  startEmulator,
  type ActionRun,
  type Emulator,
  type Finding
} from './harness.js'

describe('baseline: what changed since an earlier run', () => {
  let emu: Emulator
  let first: ActionRun
  let second: ActionRun
  let dropped: Finding
  const dir = mkdtempSync(join(tmpdir(), 'kvpld-baseline-'))
  const path = join(dir, 'last-night.json')
  const gone: Finding = {
    rule: 'DNS-RECORD-TTL',
    severity: 'warning',
    vault: 'kv-gone',
    resource:
      '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/z/A/kv-gone',
    message: 'A record kv-gone has TTL 3600 s',
    observed: '3600',
    expected: '10–600 s',
    fix: 'az network private-dns record-set a update -g rg -z z -n kv-gone --set ttl=300',
    docs: 'https://learn.microsoft.com/azure/key-vault/general/private-link-diagnostics'
  }

  beforeAll(async () => {
    emu = await startEmulator({ estate: sampleEstate() })
    first = await runAgainst(emu)
    // Last night: one of today's errors was not there yet, and a warning since fixed was.
    const report = JSON.parse(JSON.stringify(first.report))
    dropped = (report.findings as Finding[]).find((f) => f.severity === 'error') as Finding
    report.findings = [...(report.findings as Finding[]).filter((f) => f !== dropped), gone]
    writeFileSync(path, JSON.stringify(report))
    second = await runAgainst(emu, { baseline: path, gate: 'new' })
  })
  afterAll(() => emu.stop())

  it('marks each finding new or unchanged against the baseline, and lists what is gone', () => {
    const marked = findings(second)
    const fresh = marked.filter((f) => f.change === 'new')
    expect(fresh.map((f) => `${f.rule}@${f.vault}`)).toEqual([`${dropped.rule}@${dropped.vault}`])
    expect(marked.filter((f) => f.change !== 'unchanged' && f.change !== 'new')).toEqual([])
    expect(second.report.resolved.map((f: Finding) => `${f.rule}@${f.vault}`)).toEqual([
      'DNS-RECORD-TTL@kv-gone'
    ])
    expect(second.report.baseline).toEqual({ path, generatedAt: first.report.generatedAt })
    expect(second.outputs['new-errors']).toBe('1')
    expect(second.outputs['new-warnings']).toBe('0')
  })

  it('leads the summary with what changed since the baseline was made', () => {
    expect(second.summary).toContain(
      `**Since ${first.report.generatedAt}: 1 new, 1 resolved; ${
        findings(second).filter(
          (f) => (f.severity === 'error' || f.severity === 'warning') && f.change === 'unchanged'
        ).length
      } unchanged.**`
    )
  })

  it('with gate: new, fails on the new error only; an unchanged estate passes', async () => {
    expect(second.exitCode).toBe(1)
    expect(errorLines(second).at(-1)).toMatch(
      /^::error::Key Vault private link check: new since the baseline: 1 error\(s\), 0 warning\(s\); \d+ were there before \(fail-on: error, gate: new\)$/
    )
    writeFileSync(path, JSON.stringify({ ...first.report }))
    const same = await runAgainst(emu, { baseline: path, gate: 'new' })
    expect(same.exitCode).toBe(0)
    expect(same.outputs['new-errors']).toBe('0')
    // gate: all still counts every finding.
    const all = await runAgainst(emu, { baseline: path, gate: 'all' })
    expect(all.exitCode).toBe(1)
  })

  it('a baseline that does not exist yet (the first night) is a notice, and the run goes on', async () => {
    const run = await runAgainst(emu, { baseline: join(dir, 'none.json') })
    expect(run.stdout).toMatch(/^::notice::baseline: .*none\.json does not exist/m)
    expect(run.report.baseline).toBeUndefined()
    expect(findings(run).every((f) => f.change === undefined)).toBe(true)
  })

  it('a file that is not a report is one input error, before any Azure call', async () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ hello: 'world' }))
    const before = emu.armRequestCount()
    const run = await runAgainst(emu, { baseline: bad })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        /^::error::Input 'baseline' is '.*bad\.json': not a report of this action/
      )
    ])
    expect(emu.armRequestCount()).toBe(before)
  })
})

describe('baseline: two nights of a drift check, the estate changed in between', () => {
  // Night 1: kv-scale-00004 pending, kv-scale-00007 with a wrong A record, kv-scale-00010 without
  // one. By night 2 someone fixed kv-scale-00007's record and gave kv-scale-00002's a long TTL.
  let first: ActionRun
  let second: ActionRun
  const inputs = { 'subscription-id': SCALE_SUBSCRIPTION_ID }
  const record = (estate: ReturnType<typeof scaleEstate>, vault: string) =>
    estate.resources.find((r: { id: string }) => r.id.endsWith(`/A/${vault}`)) as {
      properties: { ttl: number; aRecords: { ipv4Address: string }[] }
    }
  const problemsOf = (run: ActionRun, change?: string) =>
    findings(run)
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .filter((f) => change === undefined || f.change === change)
      .map((f) => `${f.rule}@${f.vault}`)
      .sort()

  beforeAll(async () => {
    const night1 = await startEmulator({ estate: scaleEstate({ vaults: 10, broken: 0.3 }) })
    try {
      first = await runAgainst(night1, inputs)
    } finally {
      await night1.stop()
    }
    const estate = scaleEstate({ vaults: 10, broken: 0.3 })
    const wrong = findings(first).find(
      (f) => f.rule === 'DNS-RECORD-WRONG-IP' && f.vault === 'kv-scale-00007'
    )
    record(estate, 'kv-scale-00007').properties.aRecords = [{ ipv4Address: wrong?.expected ?? '' }]
    record(estate, 'kv-scale-00002').properties.ttl = 3600
    const night2 = await startEmulator({ estate })
    try {
      second = await runAgainst(night2, { ...inputs, baseline: first.reportPath ?? '' })
    } finally {
      await night2.stop()
    }
  })

  it('night 1 writes the report night 2 compares with', () => {
    expect(problemsOf(first)).toEqual([
      'DNS-RECORD-MISSING@kv-scale-00010',
      'DNS-RECORD-WRONG-IP@kv-scale-00007',
      'PE-NOT-APPROVED@kv-scale-00004'
    ])
    expect(first.report.baseline).toBeUndefined()
    expect(second.report.baseline).toEqual({
      path: first.reportPath,
      generatedAt: first.report.generatedAt
    })
  })

  it('marks the new problem new, the others unchanged, and lists the fixed one as resolved', () => {
    expect(problemsOf(second, 'new')).toEqual(['DNS-RECORD-TTL@kv-scale-00002'])
    expect(problemsOf(second, 'unchanged')).toEqual([
      'DNS-RECORD-MISSING@kv-scale-00010',
      'PE-NOT-APPROVED@kv-scale-00004'
    ])
    expect(findings(second).filter((f) => f.change === undefined)).toEqual([])
    expect(second.report.resolved.map((f: Finding) => `${f.rule}@${f.vault}`)).toEqual([
      'DNS-RECORD-WRONG-IP@kv-scale-00007'
    ])
    // As it was on night 1.
    expect(second.report.resolved[0].observed).toBe('10.63.255.250')
    expect(second.outputs['new-errors']).toBe('0')
    expect(second.outputs['new-warnings']).toBe('1')
    // gate: all (no plan): the unchanged errors still fail the step.
    expect(second.exitCode).toBe(1)
  })

  it('leads the rendered summary with what changed since night 1', () => {
    const [page] = readRendered([second.summary])
    expect(page?.blocks.slice(0, 2)).toEqual([
      { tag: 'h2', text: '❌ Key Vault private link check failed' },
      { tag: 'p', text: `Since ${first.report.generatedAt}: 1 new, 1 resolved; 2 unchanged.` }
    ])
    const resolved = page?.details.find((d) => d.items === 1 && /1 problem$/.test(d.summary))
    expect(resolved?.summary).toBe(`✅ Resolved since ${first.report.generatedAt}: 1 problem`)
    expect(second.summary).toMatch(
      /^- ❌ <code>DNS-RECORD-WRONG-IP<\/code> on <code>kv-scale-00007<\/code>: A record kv-scale-00007 /m
    )
  })

  it('words each problem by the time since night 1, not as a change', () => {
    const since = first.report.generatedAt
    const blocks = second.summary.split('\n\n')
    // The paragraph under a problem's heading.
    const under = (rule: string) =>
      blocks[blocks.findIndex((b) => b.startsWith('#### ') && b.includes(` ${rule}: `)) + 1]
    expect(under('DNS-RECORD-TTL')).toMatch(new RegExp(`^\\*\\*New since ${since}\\.\\*\\* `))
    expect(under('DNS-RECORD-MISSING')).toMatch(
      new RegExp(`^\\*\\*Also in the report of ${since}\\.\\*\\* `)
    )
    expect(second.summary).not.toMatch(/this change/i)
  })
})
