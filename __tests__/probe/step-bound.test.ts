// The contract's time bound with a system resolver that never answers ("Probe from inside the
// VNet": a vault's probe ends within 5 × probe-timeout, the whole step within the sum of its
// vaults' budgets even when the system resolver hangs). resolv.conf lists three dead name
// servers with glibc's defaults, so every getaddrinfo call takes 3 × 2 × 5 s = 30 s; the built
// action runs in a namespace (fixtures/scenario.mjs) and the wall time of the whole step counts.
import { describe, expect, it } from '@jest/globals'
import { namespaceReason, runScenario } from './namespace.js'

const suite = namespaceReason ? describe.skip : describe
const TIMEOUT_MS = 1000
const DEAD_RESOLVERS = ['10.53.1.1', '10.53.1.2', '10.53.1.3']
/** Starting Node, signing in and reading ARM from the emulator, writing the report. */
const OVERHEAD_MS = 4000

suite('the step ends within the probe budget when getaddrinfo hangs', () => {
  it('one vault: the step does not wait for the pending lookup', async () => {
    const run = await runScenario('os-resolver-hangs')
    expect(run.exitCode).toBe(0)
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.os?.failure).toMatchObject({
      kind: 'timeout',
      query: 'getaddrinfo',
      servers: DEAD_RESOLVERS
    })
    expect(vault?.os?.ms).toBeLessThan(TIMEOUT_MS + 500)
    // dns-servers answered: the probe went on and finished.
    expect(vault?.dns?.addresses).toEqual(['10.20.1.4'])
    expect(vault?.dataPlane).toMatchObject({ status: 404 })
    expect(vault?.ms).toBeLessThan(5 * TIMEOUT_MS)
    expect(run.wallMs).toBeLessThan(5 * TIMEOUT_MS + OVERHEAD_MS)
  })

  it('twelve vaults: the step waits neither for lookups that hang nor for those queued behind them', async () => {
    const run = await runScenario('os-resolver-hangs-many')
    expect(run.exitCode).toBe(0)
    const vaults = run.report?.probe?.vaults ?? []
    expect(vaults).toHaveLength(12)
    for (const vault of vaults) {
      expect(vault.os?.failure?.kind).toBe('timeout')
      expect(vault.os?.ms).toBeLessThan(TIMEOUT_MS + 500)
      expect(vault.ms).toBeLessThan(5 * TIMEOUT_MS)
    }
    expect(run.wallMs).toBeLessThan(12 * 5 * TIMEOUT_MS)
    // Well inside that: a single getaddrinfo call of this resolv.conf takes 30 s.
    expect(run.wallMs).toBeLessThan(15000)
  })

  it('a lookup that answers is not starved by earlier ones that hang', async () => {
    const run = await runScenario('os-resolver-hangs-for-some')
    const vaults = run.report?.probe?.vaults ?? []
    expect(vaults).toHaveLength(20)
    for (const vault of vaults.slice(0, 19)) {
      expect(vault.os?.failure).toMatchObject({ kind: 'timeout', servers: ['10.53.0.53'] })
    }
    expect(vaults[19]?.os).toMatchObject({ addresses: ['10.64.0.23'], failure: null })
    expect(vaults[19]?.os?.ms).toBeLessThan(TIMEOUT_MS)
    expect(run.wallMs).toBeLessThan(20000)
  })
})
