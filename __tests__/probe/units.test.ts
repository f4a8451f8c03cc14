// The probe's pure parts, without a network namespace: proxy matching, parsing what Key Vault
// answers, this runner's addresses, the rules over hand-made probe results, the summary section.
import { describe, expect, it } from '@jest/globals'
import { evaluateProbe, probeRules } from '../../src/evaluate/rules/probe.js'
import { parseKeyVaultError } from '../../src/probe/data-plane.js'
import { parseNetworkInfo } from '../../src/probe/https-probe.js'
import { noProxyMatch, proxyFor, redactProxy } from '../../src/probe/proxy.js'
import type { ProbeRun, VaultProbe } from '../../src/probe/result.js'
import { isOwnAddress, runnerAddresses } from '../../src/probe/runner-addresses.js'
import { renderProbeSummary } from '../../src/report/probe-summary.js'
import { healthy } from '../helpers/snapshot-builder.js'

const HOST = 'kv1.vault.azure.net'
const ALIAS = 'kv1.privatelink.vaultcore.azure.net'

function vaultProbe(over: Partial<VaultProbe> = {}): VaultProbe {
  return {
    vault: 'kv1',
    hostname: HOST,
    peIps: ['10.1.2.3'],
    endpoints: [{ name: 'pe-kv1', ips: ['10.1.2.3'] }],
    skipped: null,
    dns: {
      servers: ['10.0.0.53'],
      chain: [HOST, ALIAS],
      addresses: ['10.1.2.3'],
      error: null,
      ms: 3
    },
    os: { addresses: ['10.1.2.3'], error: null, ms: 1 },
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
      error: null,
      ms: 4
    },
    proxy: null,
    ...over
  }
}

function probeRun(vault: VaultProbe, mode: ProbeRun['mode'] = 'inside'): ProbeRun {
  return { mode, timeoutSeconds: 2, runnerAddresses: ['10.1.0.4'], vaults: [vault] }
}

function problems(run: ProbeRun): string[] {
  const { snapshot } = healthy()
  return probeRules(snapshot, run)
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
      ms: 1
    }
    expect(problems(probeRun(vaultProbe({ dns })))).toEqual([
      'PROBE-HOSTS-OVERRIDE:warning',
      'PROBE-WRONG-IP:error'
    ])
  })

  it('a TLS handshake that never finishes is PROBE-TLS-FAILED, once per address', () => {
    const error = {
      kind: 'timeout' as const,
      phase: 'tls' as const,
      code: 'KVPLD_TIMEOUT',
      message: 'slow'
    }
    const health = vaultProbe().health.map((a) => ({
      ...a,
      status: null,
      networkInfo: null,
      addr: null,
      error
    }))
    expect(problems(probeRun(vaultProbe({ health, dataPlane: null })))).toEqual([
      'PROBE-TLS-FAILED:error'
    ])
  })

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

  it('suppressions apply to probe rules', () => {
    const { snapshot } = healthy()
    const run = probeRun(
      vaultProbe({ proxy: { variable: 'HTTPS_PROXY', proxy: 'http://p:1', excludedBy: null } })
    )
    const rules = (ignore: Parameters<typeof evaluateProbe>[2]) =>
      evaluateProbe(snapshot, run, ignore)
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
      ms: 1
    }
    const text = renderProbeSummary(probeRun(vaultProbe({ health, dns })))
    expect(text).not.toContain('<img')
    expect(text).not.toContain('*evil*|')
    expect(text).toContain('&#42;evil&#42;&#124;x')
  })
})
