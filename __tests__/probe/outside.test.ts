// Outside probe (contract "Probe from outside"): the authenticated data-plane request by name,
// through the system resolver, to a public endpoint that lives on lo in a private namespace.
import { describe, expect, it } from '@jest/globals'
import { namespaceReason, probeFindings, probeProblems, runScenario } from './namespace.js'

const suite = namespaceReason ? describe.skip : describe

suite('outside probe', () => {
  it('passes when the vault answers 403 ForbiddenByFirewall, and reports the Client address', async () => {
    const run = await runScenario('outside-closed')
    expect(probeProblems(run)).toEqual([])
    const found = probeFindings(run).find((f) => f.rule === 'PUBLIC-ACCESS-OPEN')
    expect(found?.severity).toBe('pass')
    expect(found?.message).toContain('Client address: 20.126.176.160')
    expect(run.summary).toContain('Client address <code>20.126.176.160</code>')
    // Outside means no DNS chain and no /healthstatus: one data-plane request by name.
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.dns).toBeNull()
    expect(vault?.dataPlane).toMatchObject({ via: 'name', ip: '52.168.109.101', status: 403 })
  })

  it('passes when the vault answers 403 ForbiddenByConnection', async () => {
    const run = await runScenario('outside-closed-connection')
    expect(probeProblems(run)).toEqual([])
    expect(probeFindings(run).find((f) => f.rule === 'PUBLIC-ACCESS-OPEN')?.severity).toBe('pass')
  })

  it('PUBLIC-ACCESS-OPEN when the request gets past the network check', async () => {
    const run = await runScenario('outside-open')
    expect(probeProblems(run)).toEqual(['PUBLIC-ACCESS-OPEN:error'])
    const found = probeFindings(run).find((f) => f.rule === 'PUBLIC-ACCESS-OPEN')
    expect(found?.observed).toBe('404 SecretNotFound')
    expect(found?.fix).toContain('--public-network-access Disabled')
  })

  it('an interceptor with the wrong certificate gets no token, even with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
    const run = await runScenario('outside-wrong-cert-insecure-env')
    expect(probeProblems(run)).toEqual(['PUBLIC-ACCESS-OPEN:warning'])
    expect(run.report?.probe?.vaults[0]?.dataPlane?.error).toMatchObject({
      kind: 'tls',
      code: 'ERR_TLS_CERT_ALTNAME_INVALID'
    })
    expect(run.vaultRequests[0]?.requests).toEqual([])
  })

  it('a name that leads to a private address: a warning that this runner is not outside, not PUBLIC-ACCESS-OPEN:error', async () => {
    const run = await runScenario('outside-private')
    expect(probeProblems(run)).toEqual(['PUBLIC-ACCESS-OPEN:warning'])
    const found = probeFindings(run).find((f) => f.rule === 'PUBLIC-ACCESS-OPEN')
    expect(found?.message).toContain('this runner is not outside the VNet')
    expect(found?.observed).toBe('404 SecretNotFound from 10.20.1.4')
    expect(run.report?.probe?.vaults[0]?.dataPlane).toMatchObject({ ip: '10.20.1.4', status: 404 })
    expect(run.summary).toContain('this runner is not outside')
  })

  it('probe: auto without RUNNER_ENVIRONMENT chooses outside, says so, and reports no false error', async () => {
    const run = await runScenario('auto-unknown-runner')
    expect(run.report?.probe?.mode).toBe('outside')
    expect(run.stdout).toMatch(
      /::notice::probe: auto chose 'outside' because RUNNER_ENVIRONMENT is not set/
    )
    expect(probeProblems(run)).toEqual(['PUBLIC-ACCESS-OPEN:warning'])
    expect(run.report?.result).not.toBe('fail')
  })

  it('names a DNS failure of the request by name (NXDOMAIN)', async () => {
    const run = await runScenario('outside-nxdomain')
    expect(probeProblems(run)).toEqual(['PUBLIC-ACCESS-OPEN:warning'])
    expect(run.report?.probe?.vaults[0]?.dataPlane?.error).toMatchObject({
      kind: 'nxdomain',
      phase: 'dns',
      code: 'ENOTFOUND'
    })
    const found = probeFindings(run).find((f) => f.rule === 'PUBLIC-ACCESS-OPEN')
    expect(found?.message).toContain('does not exist (NXDOMAIN)')
  })

  it('names a resolver that does not answer as a DNS failure, not a connect timeout', async () => {
    const run = await runScenario('outside-dns-timeout')
    expect(probeProblems(run)).toEqual(['PUBLIC-ACCESS-OPEN:warning'])
    const error = run.report?.probe?.vaults[0]?.dataPlane?.error
    expect(error?.phase).toBe('dns')
    expect(['dns-timeout', 'dns-failed']).toContain(error?.kind)
  })
})
