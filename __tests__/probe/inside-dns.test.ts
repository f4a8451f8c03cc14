// Inside probe, name resolution (guide §5, §8): real DNS server, real hosts file, real action,
// in a private network namespace. See namespace.ts and fixtures/scenarios.mjs.
import { describe, expect, it } from '@jest/globals'
import { namespaceReason, passed, probeFindings, probeProblems, runScenario } from './namespace.js'

const suite = namespaceReason ? describe.skip : describe
const HOST = 'kv-payments-prod.vault.azure.net'
const ALIAS = 'kv-payments-prod.privatelink.vaultcore.azure.net'

suite('inside probe: a healthy private link', () => {
  it('reports no probe error or warning, and says what each step saw', async () => {
    const run = await runScenario('healthy')
    expect(run.report?.result).toBe('pass')
    expect(probeProblems(run)).toEqual([])
    expect(passed(run)).toEqual(
      [
        'PROBE-CONNECT-FAILED',
        'PROBE-DNS-FAILED',
        'PROBE-FORBIDDEN-BY-FIREWALL',
        'PROBE-HOSTS-OVERRIDE',
        'PROBE-IP-DIVERGES',
        'PROBE-NO-PRIVATELINK-ALIAS',
        'PROBE-NXDOMAIN',
        'PROBE-PROXY',
        'PROBE-PUBLIC-IP',
        'PROBE-PUBLIC-PATH',
        'PROBE-TLS-FAILED',
        'PROBE-WRONG-IP'
      ].sort()
    )
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.dns?.chain).toEqual([HOST, ALIAS])
    expect(vault?.dns?.addresses).toEqual(['10.20.1.4'])
    expect(vault?.health.map((a) => [a.via, a.ip, a.addr])).toEqual([
      ['name', '10.20.1.4', '10.20.0.10'],
      ['pe-ip', '10.20.1.4', '10.20.0.10']
    ])
    expect(vault?.dataPlane).toMatchObject({ via: 'pe-ip', status: 404, code: 'SecretNotFound' })

    // Two /healthstatus requests on their own connections, SNI/Host for the vault, one
    // authenticated data-plane request for a random secret name.
    const requests = run.vaultRequests.find((s) => s.ip === '10.20.1.4')?.requests ?? []
    expect(requests.filter((r) => r.path === '/healthstatus')).toHaveLength(2)
    expect(requests.every((r) => r.host === HOST)).toBe(true)
    const secrets = requests.filter((r) => r.path.startsWith('/secrets/'))
    expect(secrets).toHaveLength(1)
    expect(secrets[0]?.authorized).toBe(true)
    expect(secrets[0]?.path).toMatch(/^\/secrets\/kvpld-probe-[0-9a-f]{32}\?api-version=/)

    // The summary shows the chain and the PE it should be; no token anywhere.
    expect(run.summary).toContain(
      `<code>${HOST}</code> → <code>${ALIAS}</code> → <code>10.20.1.4</code>`
    )
    expect(run.summary).toContain('<code>pe-kv-payments-prod</code> <code>10.20.1.4</code>')
    expect(run.summary).toContain('addr=<code>10.20.0.10</code>')
    expect(run.issuedSecrets.length).toBeGreaterThan(0)
    // (Only @actions/core's own ::add-mask:: lines may hold a token: that is how it masks them.)
    const log = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
    // Every token, the vault-audience one of the probe included, is masked in the step log.
    const masked = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length))
    for (const secret of run.issuedSecrets) {
      expect(masked).toContain(secret)
      expect(log).not.toContain(secret)
      expect(run.summary).not.toContain(secret)
      expect(JSON.stringify(run.report)).not.toContain(secret)
    }
  })

  it('uses the system resolvers when dns-servers is empty', async () => {
    const run = await runScenario('healthy-system-dns')
    expect(probeProblems(run)).toEqual([])
    expect(run.report?.probe?.vaults[0]?.dns).toMatchObject({
      servers: 'system',
      chain: [HOST, ALIAS],
      addresses: ['10.20.1.4']
    })
    expect(run.dnsQueries.some((q) => q.name === ALIAS)).toBe(true)
  })
})

suite('inside probe: DNS problems', () => {
  it('PROBE-NO-PRIVATELINK-ALIAS: the name answers without the privatelink alias', async () => {
    const run = await runScenario('no-alias')
    expect(probeProblems(run)).toEqual(['PROBE-NO-PRIVATELINK-ALIAS:error'])
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-NO-PRIVATELINK-ALIAS')
    expect(found?.observed).toBe(HOST)
  })

  it('PROBE-NXDOMAIN: the alias exists, the private zone lacks the A record', async () => {
    const run = await runScenario('nxdomain')
    expect(probeProblems(run)).toEqual(['PROBE-NXDOMAIN:error'])
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-NXDOMAIN')
    expect(found?.observed).toBe(`${HOST} → ${ALIAS}: nxdomain`)
    expect(found?.message).toContain('lacks the A record')
    // The fix recreates the record with the PE's IP in the linked zone.
    expect(found?.fix).toContain('az network private-dns record-set a add-record')
    expect(found?.fix).toContain('-a 10.20.1.4')
    // The alias was there: that check held.
    expect(passed(run)).toContain('PROBE-NO-PRIVATELINK-ALIAS')
  })

  it('a DNS timeout is PROBE-DNS-FAILED (not NXDOMAIN: the name may exist), within probe-timeout', async () => {
    const run = await runScenario('dns-timeout')
    expect(probeProblems(run)).toEqual(['PROBE-DNS-FAILED:error'])
    const dns = run.report?.probe?.vaults[0]?.dns
    expect(dns?.error?.kind).toBe('dns-timeout')
    expect(dns?.ms).toBeLessThan(2000 + 1500)
  })

  it('PROBE-PUBLIC-IP, PROBE-PUBLIC-PATH, PROBE-IP-DIVERGES: the name leads to the public endpoint', async () => {
    const run = await runScenario('public-ip')
    expect(probeProblems(run)).toEqual([
      'PROBE-IP-DIVERGES:warning',
      'PROBE-PUBLIC-IP:error',
      'PROBE-PUBLIC-PATH:error'
    ])
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.dns?.chain).toEqual([
      HOST,
      ALIAS,
      'data-prod-weu.vaultcore.azure.net',
      'data-prod-weu-region.vaultcore.azure.net'
    ])
    const path = probeFindings(run).find((f) => f.rule === 'PROBE-PUBLIC-PATH')
    expect(path?.observed).toBe('addr=20.126.176.160')
  })

  it('PROBE-WRONG-IP: the name resolves to a private IP that is no effective PE IP', async () => {
    const run = await runScenario('wrong-ip')
    expect(probeProblems(run)).toEqual(['PROBE-WRONG-IP:error'])
    const found = probeFindings(run).find((f) => f.rule === 'PROBE-WRONG-IP')
    expect(found?.expected).toBe('10.20.1.4')
    expect(found?.observed).toContain('10.20.1.99')
  })

  it('PROBE-HOSTS-OVERRIDE: the hosts file answers differently from DNS', async () => {
    const run = await runScenario('hosts-override')
    expect(probeProblems(run)).toEqual(['PROBE-HOSTS-OVERRIDE:warning'])
    const vault = run.report?.probe?.vaults[0]
    expect(vault?.os?.addresses).toEqual(['10.20.1.99'])
    // The request by name went where the hosts file points, as applications would.
    expect(vault?.health[0]).toMatchObject({ via: 'name', ip: '10.20.1.99', status: 200 })
  })
})
