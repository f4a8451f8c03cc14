// Inside probe, the requests (guide §7, §8): real HTTPS endpoints with a test CA, in a private
// network namespace. See namespace.ts and fixtures/scenarios.mjs.
import { describe, expect, it } from '@jest/globals'
import { namespaceReason, passed, probeFindings, probeProblems, runScenario } from './namespace.js'

const suite = namespaceReason ? describe.skip : describe
const TIMEOUT_MS = 2000

suite('inside probe: connecting', () => {
  it('PROBE-CONNECT-FAILED (timeout): a blackholed PE IP ends within probe-timeout per step', async () => {
    const run = await runScenario('blackhole')
    expect(probeProblems(run)).toEqual(['PROBE-CONNECT-FAILED:error'])
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-CONNECT-FAILED')
    expect(found?.observed).toBe('timeout (KVPLD_TIMEOUT)')
    const vault = run.report?.probe?.vaults[0]
    for (const attempt of vault?.health ?? []) {
      expect(attempt.error).toMatchObject({ kind: 'timeout', phase: 'connect' })
      expect(attempt.ms).toBeLessThan(TIMEOUT_MS + 1000)
    }
    // Nothing answered, so no data-plane request waits for another timeout.
    expect(vault?.dataPlane).toBeNull()
    const probeMs =
      (vault?.dns?.ms ?? 0) + Math.max(0, ...(vault?.health ?? []).map((attempt) => attempt.ms))
    expect(probeMs).toBeLessThan(3 * TIMEOUT_MS + 1500)
    // The contract's bound on the vault's whole probe, measured end to end.
    expect(vault?.ms).toBeLessThan(5 * TIMEOUT_MS)
    expect(run.wallMs).toBeLessThan(30000)
  })

  it('PROBE-CONNECT-FAILED (refused): nothing listens on the PE IP', async () => {
    const run = await runScenario('refused')
    expect(probeProblems(run)).toEqual(['PROBE-CONNECT-FAILED:error'])
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-CONNECT-FAILED')
    expect(found?.observed).toBe('refused (ECONNREFUSED)')
    expect(found?.message).toContain('connection refused')
  })

  it('PROBE-TLS-FAILED: the certificate is not for the vault name (verification stays on)', async () => {
    const run = await runScenario('wrong-cert')
    expect(probeProblems(run)).toEqual(['PROBE-TLS-FAILED:error'])
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-TLS-FAILED')
    expect(found?.observed).toBe('tls (ERR_TLS_CERT_ALTNAME_INVALID)')
    // No request got through: the probe never sent HTTP over an unverified connection.
    expect(run.vaultRequests[0]?.requests).toEqual([])
  })

  it('PROBE-TLS-FAILED even with NODE_TLS_REJECT_UNAUTHORIZED=0 on the runner; no token is sent', async () => {
    const run = await runScenario('wrong-cert-insecure-env')
    expect(probeProblems(run)).toEqual(['PROBE-TLS-FAILED:error'])
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-TLS-FAILED')
    expect(found?.observed).toBe('tls (ERR_TLS_CERT_ALTNAME_INVALID)')
    expect(run.report?.probe?.vaults[0]?.dataPlane).toBeNull()
    // The interceptor saw no HTTP at all, so neither /healthstatus nor a bearer token.
    expect(run.vaultRequests[0]?.requests).toEqual([])
  })
})

suite('inside probe: what the vault saw', () => {
  it('PROBE-NOT-KEYVAULT: /healthstatus answers without x-ms-keyvault-network-info', async () => {
    const run = await runScenario('no-header')
    expect(probeProblems(run)).toEqual(['PROBE-NOT-KEYVAULT:error'])
    expect(probeFindings(run).filter((f) => f.rule === 'PROBE-NOT-KEYVAULT')).toHaveLength(1)
  })

  it('PROBE-ROUTED: the vault saw a private address that is not this runner', async () => {
    const run = await runScenario('routed')
    expect(probeProblems(run)).toEqual(['PROBE-ROUTED:info'])
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-ROUTED')
    expect(found?.observed).toBe('addr=10.200.0.9')
  })

  it('PROBE-IP-DIVERGES: by name and by PE IP the vault saw different origins', async () => {
    const run = await runScenario('ip-diverges')
    expect(probeProblems(run)).toEqual([
      'PROBE-HOSTS-OVERRIDE:warning',
      'PROBE-IP-DIVERGES:warning',
      'PROBE-ROUTED:info'
    ])
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-IP-DIVERGES')
    expect(found?.observed).toBe('by name: addr=10.200.0.9; PE IP 10.20.1.4: addr=10.20.0.10')
  })

  it('PROBE-FORBIDDEN-BY-FIREWALL: the data plane refuses the private path', async () => {
    const run = await runScenario('firewall')
    expect(probeProblems(run)).toEqual(['PROBE-FORBIDDEN-BY-FIREWALL:error'])
    expect(run.report?.probe?.vaults[0]?.dataPlane).toMatchObject({
      via: 'pe-ip',
      status: 403,
      innerCode: 'ForbiddenByFirewall',
      clientAddress: '10.20.0.10'
    })
  })
})

suite('inside probe: the data-plane request', () => {
  it('a data-plane request that never answers is a warning that the firewall was not verified, within 5 × probe-timeout', async () => {
    const run = await runScenario('data-plane-hang')
    expect(probeProblems(run)).toEqual(['PROBE-FORBIDDEN-BY-FIREWALL:warning'])
    const found = probeFindings(run).find(
      (f) => f.rule === 'PROBE-FORBIDDEN-BY-FIREWALL' && f.severity === 'warning'
    )
    expect(found?.message).toMatch(/^Not verified: /)
    expect(found?.message).toContain('waiting for the HTTP answer')
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.dataPlane).toMatchObject({
      via: 'pe-ip',
      status: null,
      error: { kind: 'timeout', phase: 'response' }
    })
    // The request did reach the endpoint, with its token, and then hung.
    const secrets = run.vaultRequests[0]?.requests.filter((r) => r.path.startsWith('/secrets/'))
    expect(secrets).toHaveLength(1)
    expect(vault?.dataPlane?.ms).toBeLessThan(TIMEOUT_MS + 1000)
    expect(vault?.ms).toBeLessThan(5 * TIMEOUT_MS)
  })
})

suite('inside probe: proxies', () => {
  it('PROBE-PROXY: HTTPS_PROXY applies to the vault; its password never shows', async () => {
    const run = await runScenario('proxy')
    expect(probeProblems(run)).toEqual(['PROBE-PROXY:warning'])
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-PROXY')
    expect(found?.observed).toBe('HTTPS_PROXY=http://10.20.0.200:3128')
    for (const text of [run.stdout, run.summary, JSON.stringify(run.report)]) {
      expect(text).not.toContain('proxy-secret-42')
    }
  })

  it('no PROBE-PROXY warning when NO_PROXY excludes the vault', async () => {
    const run = await runScenario('proxy-excluded')
    expect(probeProblems(run)).toEqual([])
    expect(passed(run)).toContain('PROBE-PROXY')
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-PROXY')
    expect(found?.message).toContain('.vault.azure.net')
  })
})
