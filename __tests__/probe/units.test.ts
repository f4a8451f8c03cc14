// The probe's pure parts, without a network namespace: proxy matching, parsing what Key Vault
// answers, this runner's addresses, the rules over hand-made probe results, the summary section.
import { describe, expect, it, jest } from '@jest/globals'
import { probeFindings } from '../helpers/snapshot-builder.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { parseKeyVaultError } from '../../src/probe/data-plane.js'
import { parseNetworkInfo } from '../../src/probe/https-probe.js'
import { probe } from '../../src/probe/probe.js'
import { noProxyMatch, proxyFor, redactProxy } from '../../src/probe/proxy.js'
import type { ProbeRun, VaultProbe } from '../../src/probe/result.js'
import { isOwnAddress, runnerAddresses } from '../../src/probe/runner-addresses.js'
import { connectionError, StepTimeoutError } from '../../src/probe/step.js'
import { renderProbeSummary } from '../../src/report/probe-summary.js'
import { healthy } from '../helpers/snapshot-builder.js'

const HOST = 'kv1.vault.azure.net'
const ALIAS = 'kv1.privatelink.vaultcore.azure.net'

function vaultProbe(over: Partial<VaultProbe> = {}): VaultProbe {
  return {
    vault: 'kv1',
    kind: 'vault',
    hostname: HOST,
    peIps: ['10.1.2.3'],
    endpoints: [{ name: 'pe-kv1', ips: ['10.1.2.3'] }],
    skipped: null,
    dns: {
      servers: ['10.0.0.53'],
      chain: [HOST, ALIAS],
      addresses: ['10.1.2.3'],
      error: null,
      failure: null,
      ms: 3
    },
    os: { addresses: ['10.1.2.3'], error: null, failure: null, ms: 1 },
    health: [
      {
        via: 'name',
        ip: '10.1.2.3',
        status: 200,
        networkInfo: 'addr=10.1.0.4;',
        addr: '10.1.0.4',
        error: null,
        ms: 5
      },
      {
        via: 'pe-ip',
        ip: '10.1.2.3',
        status: 200,
        networkInfo: 'addr=10.1.0.4;',
        addr: '10.1.0.4',
        error: null,
        ms: 5
      }
    ],
    dataPlane: {
      via: 'pe-ip',
      ip: '10.1.2.3',
      status: 404,
      code: 'SecretNotFound',
      innerCode: null,
      clientAddress: null,
      message: null,
      keyVault: true,
      markers: ['x-ms-keyvault-network-info', 'x-ms-request-id', 'error-body'],
      error: null,
      ms: 4
    },
    proxy: null,
    ms: 20,
    ...over
  }
}

function probeRun(vault: VaultProbe, mode: ProbeRun['mode'] = 'inside'): ProbeRun {
  return { mode, timeoutSeconds: 2, runnerAddresses: ['10.1.0.4'], vaults: [vault] }
}

function problems(run: ProbeRun): string[] {
  const { snapshot } = healthy()
  return probeFindings(snapshot, run)
    .filter((f) => f.severity !== 'pass')
    .map((f) => `${f.rule}:${f.severity}`)
    .sort()
}

describe('proxy', () => {
  it('finds the variable that applies and strips credentials', () => {
    expect(proxyFor(HOST, { HTTPS_PROXY: 'http://u:p4ss@proxy:3128' })).toEqual({
      variable: 'HTTPS_PROXY',
      proxy: 'http://proxy:3128',
      excludedBy: null
    })
    expect(proxyFor(HOST, { HTTP_PROXY: 'proxy:8080' })?.variable).toBe('HTTP_PROXY')
    expect(proxyFor(HOST, {})).toBeNull()
    expect(redactProxy('user:pw@proxy:3128')).toBe('http://proxy:3128')
  })

  it('honours NO_PROXY entries the way curl and the Azure SDK do', () => {
    expect(noProxyMatch(HOST, '.vault.azure.net')).toBe('.vault.azure.net')
    expect(noProxyMatch(HOST, 'localhost, vault.azure.net')).toBe('vault.azure.net')
    expect(noProxyMatch(HOST, '*.azure.net')).toBe('*.azure.net')
    expect(noProxyMatch(HOST, '*')).toBe('*')
    expect(noProxyMatch(HOST, 'kv1.vault.azure.net:443')).toBe('kv1.vault.azure.net:443')
    expect(noProxyMatch(HOST, 'kv1.vault.azure.net:8443')).toBeNull()
    expect(noProxyMatch(HOST, 'ault.azure.net,example.com')).toBeNull()
    expect(proxyFor(HOST, { https_proxy: 'http://p:1', no_proxy: '.azure.net' })?.excludedBy).toBe(
      '.azure.net'
    )
  })
})

describe('parsing what Key Vault answers', () => {
  it('reads addr from x-ms-keyvault-network-info', () => {
    expect(parseNetworkInfo('addr=10.4.5.6;act_addr_fam=InterNetworkV6;')).toBe('10.4.5.6')
    expect(parseNetworkInfo('act_addr_fam=InterNetwork;addr=20.1.2.3')).toBe('20.1.2.3')
    expect(parseNetworkInfo(null)).toBeNull()
    expect(parseNetworkInfo('nothing')).toBeNull()
  })

  it('reads the firewall bodies of ERRORS.md, including the one missing a brace', () => {
    const firewall =
      '{"error":{"code":"Forbidden","message":"Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 20.126.176.160\\r\\nCaller: appid=...\\r\\nVault: labsvnetappses;location=westeurope","innererror":{"code":"ForbiddenByFirewall"}}}'
    expect(parseKeyVaultError(firewall)).toEqual({
      code: 'Forbidden',
      innerCode: 'ForbiddenByFirewall',
      message: 'Client address is not authorized and caller is not a trusted service.',
      clientAddress: '20.126.176.160'
    })
    const broken =
      '{"error":{"code":"Forbidden","message":"Request was not allowed by NSP rules\\r\\nClient address: 1.2.3.4\\r\\nVault: someakv","innererror":{"code":"ForbiddenByFirewall"}}'
    expect(parseKeyVaultError(broken)).toMatchObject({
      innerCode: 'ForbiddenByFirewall',
      clientAddress: '1.2.3.4'
    })
  })
})

describe('runner addresses', () => {
  it('leaves out loopback, keeps other internal addresses', () => {
    const addresses = runnerAddresses({
      lo: [
        { address: '127.0.0.1', internal: true } as never,
        { address: '::1', internal: true } as never,
        { address: '10.20.0.10', internal: true } as never
      ],
      eth0: [{ address: '10.1.0.4', internal: false } as never]
    })
    expect(addresses).toEqual(['10.20.0.10', '10.1.0.4'])
    expect(isOwnAddress('::ffff:10.1.0.4', addresses)).toBe(true)
    expect(isOwnAddress('10.1.0.5', addresses)).toBe(false)
  })
})

describe('probe rules over measured results', () => {
  it('a healthy result has no problem', () => {
    expect(problems(probeRun(vaultProbe()))).toEqual([])
  })

  it('a reserved address is a wrong IP, not a public one', () => {
    const dns = {
      servers: 'system' as const,
      chain: [HOST, ALIAS],
      addresses: ['127.0.0.1'],
      error: null,
      failure: null,
      ms: 1
    }
    expect(problems(probeRun(vaultProbe({ dns })))).toEqual([
      'PROBE-HOSTS-OVERRIDE:warning',
      'PROBE-WRONG-IP:error'
    ])
  })

  /** Every /healthstatus attempt failed with `error`, and no data-plane request followed. */
  function unanswered(error: NonNullable<VaultProbe['health'][number]['error']>): ProbeRun {
    const health = vaultProbe().health.map((a) => ({
      ...a,
      status: null,
      networkInfo: null,
      addr: null,
      error
    }))
    return probeRun(vaultProbe({ health, dataPlane: null }))
  }

  function findingOf(run: ProbeRun, rule: string) {
    return probeFindings(healthy().snapshot, run).find(
      (f) => f.rule === rule && f.severity !== 'pass'
    )
  }

  it('SERVFAIL at the alias is PROBE-DNS-FAILED with a resolver fix, never PROBE-NXDOMAIN or a record to create', () => {
    const failure = {
      kind: 'servfail' as const,
      name: ALIAS,
      query: 'CNAME' as const,
      hop: 1,
      servers: ['10.0.0.53'],
      code: 'ESERVFAIL'
    }
    const dns = {
      servers: ['10.0.0.53'],
      chain: [HOST, ALIAS],
      addresses: [],
      error: {
        kind: 'dns-failed' as const,
        code: 'ESERVFAIL',
        message: 'SERVFAIL'
      },
      failure,
      ms: 3
    }
    const os = {
      addresses: [],
      error: {
        kind: 'dns-failed' as const,
        code: 'EAI_AGAIN',
        message: 'EAI_AGAIN'
      },
      failure: {
        ...failure,
        kind: 'temporary' as const,
        name: HOST,
        query: 'getaddrinfo' as const,
        hop: 0,
        code: 'EAI_AGAIN'
      },
      ms: 1
    }
    const run = probeRun(vaultProbe({ dns, os, health: [], dataPlane: null }))
    const findings = probeFindings(healthy().snapshot, run).filter((f) => f.severity !== 'pass')
    expect(findings.map((f) => `${f.rule}:${f.severity}`)).toEqual([
      'PROBE-DNS-FAILED:error',
      'PROBE-DNS-FAILED:error'
    ])
    const [byDns, byOs] = findings
    expect(byDns?.message).toContain(
      `DNS failed for ${ALIAS} (hop 1 of the chain), asking 10.0.0.53`
    )
    expect(byDns?.message).toContain('SERVFAIL')
    expect(byDns?.fix).toContain(`nslookup -type=CNAME ${ALIAS} 10.0.0.53`)
    expect(byOs?.fix).toContain(`getent hosts ${HOST}`)
    for (const f of findings) expect(f.fix).not.toContain('record-set')
  })

  it('an NXDOMAIN stays PROBE-NXDOMAIN, and DNS-FAILED passes', () => {
    const dns = {
      servers: ['10.0.0.53'],
      chain: [HOST, ALIAS],
      addresses: [],
      error: {
        kind: 'nxdomain' as const,
        code: 'ENOTFOUND',
        message: 'NXDOMAIN'
      },
      failure: {
        kind: 'nxdomain' as const,
        name: ALIAS,
        query: 'CNAME' as const,
        hop: 1,
        servers: ['10.0.0.53'],
        code: 'ENOTFOUND'
      },
      ms: 3
    }
    const run = probeRun(vaultProbe({ dns, health: [], dataPlane: null }))
    const findings = probeFindings(healthy().snapshot, run)
    expect(findings.filter((f) => f.rule === 'PROBE-NXDOMAIN').map((f) => f.severity)).toEqual([
      'error'
    ])
    expect(findings.filter((f) => f.rule === 'PROBE-DNS-FAILED').map((f) => f.severity)).toEqual([
      'pass'
    ])
  })

  it("a data-plane answer that is not Key Vault's is 'Not verified', never a pass", () => {
    const notKeyVault = {
      ...vaultProbe().dataPlane!,
      status: 505,
      code: null,
      keyVault: false,
      markers: []
    }
    const run = probeRun(vaultProbe({ dataPlane: notKeyVault }))
    const found = probeFindings(healthy().snapshot, run).filter(
      (f) => f.rule === 'PROBE-FORBIDDEN-BY-FIREWALL'
    )
    expect(found.map((f) => f.severity)).toEqual(['warning'])
    expect(found[0]?.message).toMatch(/^Not verified: /)
    expect(found[0]?.fix).toContain('--resolve kv1.vault.azure.net:443:10.1.2.3')
  })

  it('a TLS handshake that never finishes is PROBE-CONNECT-FAILED, not a bad certificate, once per address', () => {
    const run = unanswered(connectionError(new StepTimeoutError(2000), 'tls', 2000))
    expect(problems(run)).toEqual(['PROBE-CONNECT-FAILED:error'])
    const found = findingOf(run, 'PROBE-CONNECT-FAILED')
    expect(found?.message).toContain('TLS handshake did not finish within 2 s')
    expect(found?.message).not.toContain('certificate presented is not valid')
  })

  it('a TLS handshake cut off by a reset is PROBE-TLS-FAILED that says no certificate was checked', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    const run = unanswered(connectionError(reset, 'tls', 2000))
    expect(problems(run)).toEqual(['PROBE-TLS-FAILED:error'])
    const found = findingOf(run, 'PROBE-TLS-FAILED')
    expect(found?.message).toContain('before a certificate could be checked')
    expect(found?.message).not.toContain('certificate presented is not valid')
  })

  it('a certificate for another name is PROBE-TLS-FAILED that says so', () => {
    const bad = Object.assign(new Error("Hostname/IP does not match certificate's altnames"), {
      code: 'ERR_TLS_CERT_ALTNAME_INVALID'
    })
    const run = unanswered(connectionError(bad, 'tls', 2000))
    expect(problems(run)).toEqual(['PROBE-TLS-FAILED:error'])
    expect(findingOf(run, 'PROBE-TLS-FAILED')?.message).toContain(
      'The certificate presented is not valid for kv1.vault.azure.net'
    )
  })

  it('no answer after connecting is PROBE-CONNECT-FAILED (timed out after connecting), not PROBE-NOT-KEYVAULT', () => {
    const run = unanswered(connectionError(new StepTimeoutError(2000), 'response', 2000))
    expect(problems(run)).toEqual(['PROBE-CONNECT-FAILED:error'])
    expect(findingOf(run, 'PROBE-CONNECT-FAILED')?.message).toContain('timed out after connecting')
  })

  it.each([
    [
      'a token that could not be had',
      { kind: 'token', code: 'TOKEN', message: 'could not get a token' },
      'getting a token for the vault'
    ],
    [
      'a TLS failure',
      { kind: 'tls', phase: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: 'altnames' },
      'the TLS handshake'
    ],
    [
      'a timeout waiting for the answer',
      { kind: 'timeout', phase: 'response', code: 'KVPLD_TIMEOUT', message: 'no HTTP answer' },
      'waiting for the HTTP answer'
    ]
  ] as const)(
    'inside: a data-plane request that failed (%s) is a warning naming the step',
    (_, error, step) => {
      const dataPlane = {
        ...vaultProbe().dataPlane!,
        status: null,
        code: null,
        error: { ...error }
      }
      const run = probeRun(vaultProbe({ dataPlane }))
      expect(problems(run)).toEqual(['PROBE-FORBIDDEN-BY-FIREWALL:warning'])
      const found = findingOf(run, 'PROBE-FORBIDDEN-BY-FIREWALL')
      expect(found?.message).toMatch(/^Not verified: /)
      expect(found?.message).toContain(`failed at ${step}`)
    }
  )

  it('a 403 that is not the firewall is not PROBE-FORBIDDEN-BY-FIREWALL', () => {
    const dataPlane = {
      ...vaultProbe().dataPlane!,
      status: 403,
      code: 'Forbidden',
      innerCode: 'AccessDenied'
    }
    expect(problems(probeRun(vaultProbe({ dataPlane })))).toEqual([])
  })

  it('outside: an unanswered request is a warning that nothing was verified', () => {
    const dataPlane = {
      ...vaultProbe().dataPlane!,
      via: 'name' as const,
      status: null,
      code: null,
      error: {
        kind: 'timeout' as const,
        phase: 'connect' as const,
        code: 'KVPLD_TIMEOUT',
        message: 'no TCP connection'
      }
    }
    const run = probeRun(vaultProbe({ dns: null, os: null, health: [], dataPlane }), 'outside')
    expect(problems(run)).toEqual(['PUBLIC-ACCESS-OPEN:warning'])
  })

  it('outside: an answer from a private address is a warning that this runner is not outside, not an error', () => {
    const dataPlane = { ...vaultProbe().dataPlane!, via: 'name' as const, ip: '10.1.2.3' }
    const run = probeRun(vaultProbe({ dns: null, os: null, health: [], dataPlane }), 'outside')
    expect(problems(run)).toEqual(['PUBLIC-ACCESS-OPEN:warning'])
    expect(findingOf(run, 'PUBLIC-ACCESS-OPEN')?.message).toContain(
      'Not verified: this runner is not outside the VNet'
    )
    expect(renderProbeSummary(run)).toContain('this runner is not outside')
    // From a public address the same answer is still an open vault.
    const open = { ...dataPlane, ip: '52.168.109.101' }
    expect(
      problems(
        probeRun(vaultProbe({ dns: null, os: null, health: [], dataPlane: open }), 'outside')
      )
    ).toEqual(['PUBLIC-ACCESS-OPEN:error'])
  })

  it('suppressions apply to probe rules', () => {
    const { snapshot } = healthy()
    const run = probeRun(
      vaultProbe({ proxy: { variable: 'HTTPS_PROXY', proxy: 'http://p:1', excludedBy: null } })
    )
    const rules = (ignore: Parameters<typeof probeFindings>[2]) =>
      probeFindings(snapshot, run, ignore)
        .filter((f) => f.severity !== 'pass')
        .map((f) => f.rule)
    expect(rules([])).toEqual(['PROBE-PROXY'])
    expect(rules([{ rule: 'PROBE-PROXY', vault: 'KV1' }])).toEqual([])
  })
})

describe('probe summary', () => {
  it('escapes values that came from the network', () => {
    const health = [
      {
        via: 'name' as const,
        ip: '10.1.2.3',
        status: 200,
        networkInfo: 'addr=<img src=x>;',
        addr: '<img src=x>',
        error: null,
        ms: 1
      }
    ]
    const dns = {
      servers: ['10.0.0.53'],
      chain: [HOST, '*evil*|x'],
      addresses: ['10.1.2.3'],
      error: null,
      failure: null,
      ms: 1
    }
    const text = renderProbeSummary(probeRun(vaultProbe({ health, dns })))
    expect(text).not.toContain('<img')
    expect(text).not.toContain('*evil*|')
    expect(text).toContain('&#42;evil&#42;&#124;x')
  })

  it('heads a managed HSM as one and a key vault as a vault, as the probe recorded the kind', () => {
    const heading = (over: Partial<VaultProbe>) =>
      renderProbeSummary(probeRun(vaultProbe(over))).match(/^#### .*$/m)?.[0]
    expect(heading({})).toBe('#### Vault <code>kv1</code> (<code>kv1.vault.azure.net</code>)')
    expect(
      heading({ vault: 'hsm1', kind: 'managedHsm', hostname: 'hsm1.managedhsm.azure.net' })
    ).toBe('#### Managed HSM <code>hsm1</code> (<code>hsm1.managedhsm.azure.net</code>)')
  })
})

describe('naming what went wrong in a request', () => {
  const coded = (code: string) => Object.assign(new Error(`getaddrinfo ${code} kv1`), { code })

  it("a request's own lookup failing is a DNS failure, not a connect error", () => {
    expect(connectionError(coded('ENOTFOUND'), 'connect', 2000, HOST)).toMatchObject({
      kind: 'nxdomain',
      phase: 'dns',
      code: 'ENOTFOUND',
      message: `${HOST} does not exist (NXDOMAIN)`
    })
    expect(connectionError(coded('EAI_AGAIN'), 'dns', 2000, HOST)).toMatchObject({
      kind: 'dns-failed',
      phase: 'dns',
      code: 'EAI_AGAIN'
    })
    expect(connectionError(coded('EAI_NODATA'), 'dns', 2000, HOST)).toMatchObject({
      kind: 'no-data',
      phase: 'dns'
    })
    expect(connectionError(new StepTimeoutError(2000), 'dns', 2000, HOST)).toMatchObject({
      kind: 'dns-timeout',
      phase: 'dns',
      message: `no DNS answer for ${HOST} in time`
    })
  })

  it('tells a timeout while connecting, in the handshake and waiting for the answer apart', () => {
    const timeout = new StepTimeoutError(2000)
    expect(connectionError(timeout, 'connect', 2000).message).toContain('no TCP connection')
    expect(connectionError(timeout, 'tls', 2000).message).toContain('TLS handshake did not finish')
    expect(connectionError(timeout, 'response', 2000).message).toContain('no HTTP answer')
  })
})

describe('the vault token', () => {
  it('a token error goes into the report with any token in it redacted, and without a request', async () => {
    const { snapshot } = healthy()
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'
    const credential = {
      getToken: () => Promise.reject(new Error(`AADSTS700024: Client assertion ${jwt} is expired`))
    }
    // Outside: the only request needs the token, so nothing is sent when there is none.
    const run = await probe(snapshot, credential, {
      mode: 'outside',
      dnsServers: [],
      timeoutSeconds: 2,
      vaultAudience: 'https://vault.azure.net',
      env: {}
    })
    const error = run.vaults[0]?.dataPlane?.error
    expect(error).toMatchObject({ kind: 'token', code: 'TOKEN' })
    expect(error?.message).toContain('[redacted token]')
    expect(JSON.stringify(run)).not.toContain(jwt)
    const findings = probeFindings(snapshot, run)
    expect(JSON.stringify(findings)).not.toContain(jwt)
    expect(renderProbeSummary(run)).not.toContain(jwt)
  })
})

describe('probe: auto', () => {
  const SUBSCRIPTION = '11111111-1111-1111-1111-111111111111'
  /** The probe mode `auto` resolves to, and what was written to stdout (workflow commands). */
  function auto(runner: string | undefined): { probe: string; out: string } {
    const writes: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk))
      return true
    })
    try {
      const env = runner === undefined ? {} : { RUNNER_ENVIRONMENT: runner }
      const inputs = parseInputs(
        (name) => ({ 'subscription-id': SUBSCRIPTION, probe: 'auto' })[name] ?? '',
        env
      )
      return { probe: inputs.probe, out: writes.join('') }
    } finally {
      spy.mockRestore()
    }
  }

  it('is inside on self-hosted runners and outside on GitHub-hosted ones, silently', () => {
    expect(auto('self-hosted')).toEqual({ probe: 'inside', out: '' })
    expect(auto('github-hosted')).toEqual({ probe: 'outside', out: '' })
  })

  it('is outside when RUNNER_ENVIRONMENT is unset or unknown, with a notice that says what that means', () => {
    for (const runner of [undefined, '', 'something-else']) {
      const { probe, out } = auto(runner)
      expect(probe).toBe('outside')
      expect(out).toMatch(/^::notice::probe: auto chose 'outside' because RUNNER_ENVIRONMENT is /)
      expect(out).toContain('warning that the public path was not verified, never as an error')
    }
  })
})
