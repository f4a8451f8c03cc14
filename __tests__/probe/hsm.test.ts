// The probe for a managed HSM, end to end: the real bundled action in a private network
// namespace (fixtures/hsm-scenario.mjs) against the emulator's HSM estate, a DNS server and an
// HTTPS endpoint with a test certificate on the HSM's private endpoint IP. DNS, TCP and TLS are
// checked by name and straight to the PE IP; Key Vault's /healthstatus header and data-plane
// checks are not run (no finding, a line in the log).
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/evaluate/finding.js'
import type { ProbeRun } from '../../src/probe/result.js'
import { namespaceReason, runFixture } from './namespace.js'

const suite = namespaceReason ? describe.skip : describe
const HOST = 'hsm-healthy.managedhsm.azure.net'
const ALIAS = 'hsm-healthy.privatelink.managedhsm.azure.net'
const NOT_RUN =
  "hsm-healthy is a managed HSM: DNS, TCP and TLS are probed; the /healthstatus header and data-plane checks are Key Vault's and were not run"

interface HsmScenarioResult {
  exitCode: number
  report: { result: string; findings: Finding[]; probe?: ProbeRun } | null
  stdout: string
  stderr: string
  vaultRequests: { ip: string; requests: { path: string; authorized: boolean; host: string }[] }[]
}

function runHsmScenario(name: string): Promise<HsmScenarioResult> {
  return runFixture<HsmScenarioResult>('hsm-scenario.mjs', name)
}

const probeOf = (run: HsmScenarioResult): Finding[] =>
  (run.report?.findings ?? []).filter(
    (f) => f.rule.startsWith('PROBE-') || f.rule === 'PUBLIC-ACCESS-OPEN'
  )
const problemsOf = (run: HsmScenarioResult): string[] =>
  probeOf(run)
    .filter((f) => f.severity !== 'pass')
    .map((f) => `${f.rule}:${f.severity}`)
    .sort()

suite('inside probe of a managed HSM', () => {
  it('healthy: DNS, TCP and TLS pass by name and to the PE IP; the Key Vault checks do not run', async () => {
    const run = await runHsmScenario('healthy')
    expect(run.report?.result).toBe('pass')
    expect(problemsOf(run)).toEqual([])
    expect([...new Set(probeOf(run).map((f) => f.rule))]).toEqual([
      'PROBE-NO-PRIVATELINK-ALIAS',
      'PROBE-NXDOMAIN',
      'PROBE-PUBLIC-IP',
      'PROBE-WRONG-IP',
      'PROBE-HOSTS-OVERRIDE',
      'PROBE-PROXY',
      'PROBE-CONNECT-FAILED',
      'PROBE-TLS-FAILED',
      'PROBE-DNS-FAILED'
    ])
    const probe = run.report?.probe?.vaults[0]
    // The model's host name, although the HSM's hsmUri carries a region label.
    expect(probe?.hostname).toBe(HOST)
    // The kind the probe recorded, which heads its table in the summary as a managed HSM's.
    expect(probe?.kind).toBe('managedHsm')
    expect(probe?.dns?.chain).toEqual([HOST, ALIAS])
    expect(probe?.health.map((h) => `${h.via}:${h.ip}:${h.status}`)).toEqual([
      'name:10.70.1.4:200',
      'pe-ip:10.70.1.4:200'
    ])
    expect(probe?.dataPlane).toBeNull()
    // Two unauthenticated requests, by name and straight to the PE IP: no token, no data plane.
    expect(run.vaultRequests[0]?.requests).toEqual([
      expect.objectContaining({ path: '/healthstatus', authorized: false, host: HOST }),
      expect.objectContaining({ path: '/healthstatus', authorized: false, host: HOST })
    ])
    expect(run.stdout).toContain(NOT_RUN)
  })

  it("PROBE-NO-PRIVATELINK-ALIAS names the HSM's privatelink alias", async () => {
    const run = await runHsmScenario('no-alias')
    expect(problemsOf(run)).toEqual(['PROBE-NO-PRIVATELINK-ALIAS:error'])
    const f = probeOf(run).find((x) => x.rule === 'PROBE-NO-PRIVATELINK-ALIAS')
    expect(f?.message).toContain(`without the alias ${ALIAS}`)
    expect(f?.message).toContain(
      'a zone named after managedhsm.azure.net instead of privatelink.managedhsm.azure.net'
    )
    expect(f?.fix).toBe(`nslookup -type=CNAME ${HOST}`)
  })

  it('PROBE-WRONG-IP: the name leads to a private address that is no PE of the HSM', async () => {
    const run = await runHsmScenario('wrong-ip')
    expect(problemsOf(run)).toEqual(['PROBE-WRONG-IP:error'])
    const f = probeOf(run).find((x) => x.rule === 'PROBE-WRONG-IP')
    expect(f?.observed).toBe(`${HOST} → ${ALIAS} → 10.70.1.99`)
    expect(f?.expected).toBe('10.70.1.4')
    expect(f?.message).toContain('not an effective private endpoint IP')
  })

  it('PROBE-TLS-FAILED: a certificate that is not for the HSM name (verification stays on)', async () => {
    const run = await runHsmScenario('wrong-cert')
    expect(problemsOf(run)).toEqual(['PROBE-TLS-FAILED:error'])
    const f = probeOf(run).find((x) => x.rule === 'PROBE-TLS-FAILED')
    expect(f?.observed).toBe('tls (ERR_TLS_CERT_ALTNAME_INVALID)')
    expect(run.vaultRequests[0]?.requests).toEqual([])
  })
})

suite('outside probe of a managed HSM', () => {
  it('no data-plane request and no PUBLIC-ACCESS-OPEN finding; the log says it was not run', async () => {
    const run = await runHsmScenario('outside')
    expect(probeOf(run).map((f) => `${f.rule}:${f.severity}`)).toEqual(['PROBE-PROXY:pass'])
    expect(run.report?.probe?.vaults[0]?.dataPlane).toBeNull()
    expect(run.vaultRequests[0]?.requests).toEqual([])
    expect(run.stdout).toContain(
      "hsm-healthy is a managed HSM: the outside probe's data-plane check is Key Vault's and was not run"
    )
  })
})
