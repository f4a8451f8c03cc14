// A data-plane answer that is not Key Vault's (a real nginx on the PE IP, fixtures/nginx.mjs,
// with a certificate the runner trusts): the probe records that the answer carries none of Key
// Vault's markers, so that no rule can take it for the vault letting the request through.
import { describe, expect, it } from '@jest/globals'
import { passed, probeProblems, realServersUnavailable, runScenario } from './namespace.js'

const suite = realServersUnavailable('nginx') ? describe.skip : describe

suite('inside probe: an answer that is not Key Vault', () => {
  it('an HTTP/2-only front answering 505 is no Key Vault answer', async () => {
    const run = await runScenario('nginx-505')
    // The rules: not verified, never a pass of the firewall check.
    expect(probeProblems(run)).toContain('PROBE-FORBIDDEN-BY-FIREWALL:warning')
    expect(passed(run)).not.toContain('PROBE-FORBIDDEN-BY-FIREWALL')
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.health.map((a) => [a.via, a.status, a.networkInfo])).toEqual([
      ['name', 505, null],
      ['pe-ip', 505, null]
    ])
    expect(vault?.dataPlane).toMatchObject({
      via: 'pe-ip',
      ip: '10.20.1.4',
      status: 505,
      code: null,
      innerCode: null,
      keyVault: false,
      markers: [],
      error: null
    })
  })

  it('a plain 403 without Key Vault headers or error body is no firewall answer and no pass', async () => {
    const run = await runScenario('nginx-403')
    // The rules: not verified, never a pass of the firewall check.
    expect(probeProblems(run)).toContain('PROBE-FORBIDDEN-BY-FIREWALL:warning')
    expect(passed(run)).not.toContain('PROBE-FORBIDDEN-BY-FIREWALL')
    const vault = run.report?.probe?.vaults[0]
    // The front passes /healthstatus through like Key Vault: only the data plane tells.
    expect(vault?.health.every((a) => a.status === 200 && a.addr === '10.20.0.10')).toBe(true)
    expect(vault?.dataPlane).toMatchObject({
      via: 'pe-ip',
      status: 403,
      code: null,
      innerCode: null,
      keyVault: false,
      markers: []
    })
  })

  it("Key Vault's own answers carry its markers", async () => {
    const run = await runScenario('firewall')
    expect(run.report?.probe?.vaults[0]?.dataPlane).toMatchObject({
      status: 403,
      innerCode: 'ForbiddenByFirewall',
      keyVault: true,
      markers: ['x-ms-keyvault-network-info', 'x-ms-request-id', 'error-body']
    })
  })
})
