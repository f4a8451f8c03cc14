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
})
