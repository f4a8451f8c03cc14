import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import healthyEstate from '../../emulator/estates/healthy.js'
import sampleEstate from '../../emulator/estates/sample.js'
import {
  errorLines,
  findings,
  problems,
  runAgainst,
  startEmulator,
  type ActionRun,
  type Emulator
} from './harness.js'

describe('a healthy estate', () => {
  let emu: Emulator
  let run: ActionRun
  beforeAll(async () => {
    emu = await startEmulator({ estate: healthyEstate(), pageSize: 1 })
    run = await runAgainst(emu)
  })
  afterAll(() => emu.stop())

  it('passes with no error or warning and exit code 0', () => {
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(run.outputs.errors).toBe('0')
    expect(run.outputs.warnings).toBe('0')
    expect(problems(run)).toEqual([])
  })

  it('reports what it verified as pass findings for every vault', () => {
    const passes = findings(run).filter((f) => f.severity === 'pass')
    const vaults = [...new Set(passes.map((f) => f.vault))].sort()
    expect(vaults).toEqual(run.report.vaults.map((v: { name: string }) => v.name).sort())
    for (const rule of [
      'DNS-RECORD-TTL',
      'DNS-RECORD-WRONG-IP',
      'DNS-LINK-MISSING',
      'FW-PUBLIC-OPEN'
    ]) {
      expect(passes.filter((f) => f.rule === rule).length).toBe(vaults.length)
    }
  })

  it('writes the JSON report of schema version 1 where report-path says', () => {
    expect(run.reportPath).toBe(run.outputs['report-path'])
    expect(run.report.schemaVersion).toBe(1)
    expect(run.report.result).toBe('pass')
    expect(run.report.counts.error).toBe(0)
    expect(run.report.counts.pass).toBeGreaterThan(10)
  })

  it('writes a job summary with the headline and the passes folded away', () => {
    expect(run.summary).toMatch(/pass/i)
    expect(run.summary).toContain('<details>')
    for (const v of run.report.vaults) expect(run.summary).toContain(v.name)
  })
})

describe('the sample estate (each vault broken a different way)', () => {
  let emu: Emulator
  let run: ActionRun
  beforeAll(async () => {
    emu = await startEmulator({ estate: sampleEstate(), pageSize: 3 })
    run = await runAgainst(emu)
  })
  afterAll(() => emu.stop())

  it('fails the step with exit code 1 and result fail', () => {
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(Number(run.outputs.errors)).toBe(run.report.counts.error)
    expect(Number(run.outputs.warnings)).toBe(run.report.counts.warning)
  })

  it('names each broken piece under the right rule and vault', () => {
    const found = problems(run)
    expect(found).toEqual(
      expect.arrayContaining([
        'PE-NOT-APPROVED@kv-pending',
        'FW-PUBLIC-OPEN@kv-public',
        'DNS-LINK-MISSING@kv-nolink',
        'DNS-RECORD-WRONG-IP@kv-wrongip',
        'DNS-RECORD-TTL@kv-ttl',
        'DNS-RECORD-MISSING@kv-norecord'
      ])
    )
    expect(found.filter((p) => p.endsWith('@kv-healthy'))).toEqual([])
    const info = findings(run)
      .filter((f) => f.severity === 'info')
      .map((f) => `${f.rule}@${f.vault}`)
    expect(info).toContain('VNET-CUSTOM-DNS@kv-customdns')
  })

  it('gives each error a filled-in fix with the real names and IPs', () => {
    const wrongIp = findings(run).find(
      (f) => f.rule === 'DNS-RECORD-WRONG-IP' && f.severity === 'error'
    )
    expect(wrongIp?.observed).toContain('10.20.1.99')
    expect(wrongIp?.expected).toContain('10.20.1.8')
    expect(wrongIp?.fix).toMatch(/az network private-dns record-set a .*kv-wrongip/s)
    expect(wrongIp?.fix).toContain('10.20.1.8')
    const ttl = findings(run).find((f) => f.rule === 'DNS-RECORD-TTL' && f.severity === 'warning')
    expect(ttl?.observed).toContain('3600')
    expect(ttl?.severity).toBe('warning')
    const pending = findings(run).find(
      (f) => f.rule === 'PE-NOT-APPROVED' && f.severity === 'error'
    )
    expect(pending?.fix).toMatch(/approve/)
    for (const f of findings(run).filter(
      (x) => x.severity === 'error' || x.severity === 'warning'
    )) {
      expect(f.fix).toBeTruthy()
      expect(f.message.length).toBeGreaterThan(20)
      expect(f.docs).toMatch(/^https:\/\/learn\.microsoft\.com\//)
    }
  })

  it('lists problems before passes in the summary, each with its fix', () => {
    const kvTtl = run.summary.indexOf('DNS-RECORD-TTL')
    expect(kvTtl).toBeGreaterThan(-1)
    expect(run.summary).toContain('az network private-dns record-set a')
  })

  it('prints one log group per vault', () => {
    const groups = run.stdout.split('\n').filter((l: string) => l.startsWith('::group::'))
    expect(groups.length).toBe(run.report.vaults.length)
  })

  it('honours ignore and fail-on never', async () => {
    const again = await runAgainst(emu, {
      ignore: 'DNS-RECORD-TTL@kv-ttl, FW-PUBLIC-OPEN',
      'fail-on': 'never'
    })
    expect(again.exitCode).toBe(0)
    expect(again.outputs.result).toBe('fail')
    const rules = findings(again).map((f) => `${f.rule}@${f.vault}`)
    expect(rules).not.toContain('DNS-RECORD-TTL@kv-ttl')
    expect(rules.some((r) => r.startsWith('FW-PUBLIC-OPEN@'))).toBe(false)
    expect(rules).toContain('DNS-RECORD-TTL@kv-healthy')
  })

  it('checks only the vaults named, by name and by resource ID', async () => {
    const sub = emu.estate.subscriptions[0]
    const id = `/subscriptions/${sub}/resourceGroups/rg-secrets-prod/providers/Microsoft.KeyVault/vaults/kv-ttl`
    const again = await runAgainst(emu, { vaults: `kv-healthy\n${id}` })
    expect(again.report.vaults.map((v: { name: string }) => v.name).sort()).toEqual([
      'kv-healthy',
      'kv-ttl'
    ])
    expect(problems(again)).toEqual(['DNS-RECORD-TTL@kv-ttl'])
    expect(again.outputs.result).toBe('warn')
    expect(again.exitCode).toBe(0)
    const strict = await runAgainst(emu, { vaults: 'kv-ttl', 'fail-on': 'warning' })
    expect(strict.exitCode).toBe(1)
  })
})

describe('bad input', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ estate: healthyEstate() })
  })
  afterAll(() => emu.stop())

  const cases: [Record<string, string>, RegExp][] = [
    [{ vaults: 'my--vault' }, /^::error::Input 'vaults'.*my--vault.*3-24 characters/],
    [
      { vaults: '/subscriptions/nope/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1' },
      /^::error::Input 'vaults'/
    ],
    [{ 'subscription-id': 'not-a-guid' }, /^::error::Input 'subscription-id' is 'not-a-guid'/],
    [{ 'ttl-min': '700' }, /^::error::Input 'ttl-min' \(700\) is greater than 'ttl-max' \(600\)/],
    [{ probe: 'sideways' }, /^::error::Input 'probe' is 'sideways'/],
    [{ 'fail-on': 'sometimes' }, /^::error::Input 'fail-on' is 'sometimes'/],
    [{ environment: 'Mars' }, /^::error::Input 'environment' is 'Mars'/],
    [{ ignore: 'DNS-RECORD-TTLL' }, /^::error::Input 'ignore'.*DNS-RECORD-TTLL/]
  ]
  it.each(cases)('%j fails in one line before any Azure call', async (inputs, line) => {
    emu.resetLog()
    const run = await runAgainst(emu, inputs)
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(line)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(emu.requests.length).toBe(0)
    expect(run.report).toBeNull()
    expect(run.summary).toBe('')
  })

  it('says to add id-token: write when the OIDC request URL is missing', async () => {
    const run = await runAgainst(emu, {}, { ACTIONS_ID_TOKEN_REQUEST_URL: '' })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)).toHaveLength(1)
    expect(errorLines(run)[0]).toMatch(/id-token: write/)
  })

  it('names the AADSTS code and the subject when the federated credential does not match', async () => {
    const other = healthyEstate()
    // The federated credential trusts main; the run is a pull request.
    other.identity.subject = 'repo:contoso/infra:ref:refs/heads/main'
    other.github = { subject: 'repo:contoso/infra:pull_request' }
    const strict = await startEmulator({ estate: other })
    try {
      const run = await runAgainst(strict)
      expect(run.exitCode).toBe(1)
      const errors = errorLines(run)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/AADSTS70021/)
      expect(errors[0]).toMatch(/subject/i)
      expect(errors[0]).toContain('repo:contoso/infra:pull_request')
      expect(strict.requests.filter((r: { kind: string }) => r.kind === 'arm')).toHaveLength(0)
    } finally {
      await strict.stop()
    }
  })
})
