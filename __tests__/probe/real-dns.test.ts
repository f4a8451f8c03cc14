// Inside probe against real resolvers (Debian's unbound in front of BIND, fixtures/real-dns.mjs),
// for dns-servers (c-ares, hop by hop) and the OS resolver (getaddrinfo) alike: a resolver that
// fails is not a missing record. The probe records which hop failed, where and how; the rules
// decide what that means.
import { describe, expect, it } from '@jest/globals'
import {
  probeFindings,
  probeProblems,
  realServersUnavailable,
  runScenario,
  type ScenarioResult
} from './namespace.js'

function fixesOf(run: ScenarioResult, rule: string): string[] {
  return probeFindings(run).flatMap((f) => (f.rule === rule && f.fix ? [f.fix] : []))
}

const suite = realServersUnavailable('bind9', 'unbound') ? describe.skip : describe
const HOST = 'kv-payments-prod.vault.azure.net'
const ALIAS = 'kv-payments-prod.privatelink.vaultcore.azure.net'
const RESOLVER = '10.53.0.53'
const AUTHORITY = '10.53.0.2'
const TIMEOUT_MS = 2000

suite('inside probe with real resolvers', () => {
  it('follows the real chain to the PE IP, with no failure recorded', async () => {
    const run = await runScenario('real-healthy')
    expect(probeProblems(run)).toEqual([])
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.dns).toMatchObject({
      servers: [RESOLVER],
      chain: [HOST, ALIAS],
      addresses: ['10.20.1.4'],
      error: null,
      failure: null
    })
    expect(vault?.os).toMatchObject({ addresses: ['10.20.1.4'], error: null, failure: null })
  })

  it('NXDOMAIN at the alias: the private zone lacks the record (PROBE-NXDOMAIN as before)', async () => {
    const run = await runScenario('real-nxdomain')
    expect(probeProblems(run)).toEqual(['PROBE-NXDOMAIN:error'])
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.dns?.chain).toEqual([HOST, ALIAS])
    expect(vault?.dns?.error?.kind).toBe('nxdomain')
    expect(vault?.dns?.failure).toEqual({
      kind: 'nxdomain',
      name: ALIAS,
      query: 'CNAME',
      hop: 1,
      servers: [RESOLVER],
      code: 'ENOTFOUND'
    })
    expect(vault?.os?.failure).toEqual({
      kind: 'nxdomain',
      name: HOST,
      query: 'getaddrinfo',
      hop: 0,
      servers: [RESOLVER],
      code: 'ENOTFOUND'
    })
  })

  it('SERVFAIL at the alias (a lame delegation) is a servfail, not NXDOMAIN', async () => {
    const run = await runScenario('real-servfail')
    // The rules: a resolver failure, whose fix is the resolver path, not a record to create.
    expect(probeProblems(run)).toContain('PROBE-DNS-FAILED:error')
    expect(probeProblems(run)).not.toContain('PROBE-NXDOMAIN:error')
    expect(fixesOf(run, 'PROBE-DNS-FAILED').join('\n')).toContain(
      `nslookup -type=CNAME ${ALIAS} ${RESOLVER}`
    )
    expect(fixesOf(run, 'PROBE-DNS-FAILED').join('\n')).not.toContain('record-set')
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.dns?.chain).toEqual([HOST, ALIAS])
    expect(vault?.dns?.error?.kind).not.toBe('nxdomain')
    expect(vault?.dns?.failure).toEqual({
      kind: 'servfail',
      name: ALIAS,
      query: 'CNAME',
      hop: 1,
      servers: [RESOLVER],
      code: 'ESERVFAIL'
    })
    // getaddrinfo only says EAI_AGAIN: SERVFAIL, REFUSED or silence, it does not tell which.
    expect(vault?.os?.failure).toMatchObject({
      kind: 'temporary',
      name: HOST,
      code: 'EAI_AGAIN',
      servers: [RESOLVER]
    })
    expect(vault?.dns?.ms).toBeLessThan(TIMEOUT_MS)
  })

  it('REFUSED by unbound (no question section in the answer) is a refusal at the first hop', async () => {
    const run = await runScenario('real-refused')
    expect(probeProblems(run)).toContain('PROBE-DNS-FAILED:error')
    expect(probeProblems(run)).not.toContain('PROBE-NXDOMAIN:error')
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.dns?.chain).toEqual([HOST])
    expect(vault?.dns?.error?.kind).not.toBe('nxdomain')
    // c-ares rejects the answer as malformed (EBADRESP); the probe reads its rcode itself.
    expect(vault?.dns?.failure).toEqual({
      kind: 'refused',
      name: HOST,
      query: 'CNAME',
      hop: 0,
      servers: [RESOLVER],
      code: 'EBADRESP'
    })
    expect(vault?.os?.failure?.kind).not.toBe('nxdomain')
    expect(vault?.os?.failure).toMatchObject({ name: HOST, servers: [RESOLVER] })
    expect(vault?.ms).toBeLessThan(5 * TIMEOUT_MS)
  })

  it('REFUSED by an authoritative-only server named in dns-servers', async () => {
    const run = await runScenario('real-refused-authority')
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.dns?.chain).toEqual([HOST, ALIAS])
    expect(vault?.dns?.failure).toEqual({
      kind: 'refused',
      name: ALIAS,
      query: 'CNAME',
      hop: 1,
      servers: [AUTHORITY],
      code: 'EREFUSED'
    })
  })

  it('no answer within probe-timeout (a black-holed authority) is a timeout, on both paths', async () => {
    const run = await runScenario('real-timeout')
    expect(probeProblems(run)).toContain('PROBE-DNS-FAILED:error')
    expect(probeProblems(run)).not.toContain('PROBE-NXDOMAIN:error')
    // A lookup that timed out is no hosts-file override.
    expect(probeProblems(run)).not.toContain('PROBE-HOSTS-OVERRIDE:warning')
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.dns?.chain).toEqual([HOST, ALIAS])
    expect(vault?.dns?.error?.kind).toBe('dns-timeout')
    expect(vault?.dns?.failure).toMatchObject({
      kind: 'timeout',
      name: ALIAS,
      query: 'CNAME',
      hop: 1,
      servers: [RESOLVER]
    })
    // glibc would wait 2 × 5 s; the probe stops at probe-timeout.
    expect(vault?.os?.failure).toMatchObject({ kind: 'timeout', name: HOST, query: 'getaddrinfo' })
    expect(vault?.dns?.ms).toBeLessThan(TIMEOUT_MS + 1000)
    expect(vault?.os?.ms).toBeLessThan(TIMEOUT_MS + 1000)
    expect(vault?.ms).toBeLessThan(5 * TIMEOUT_MS)
  })
})
