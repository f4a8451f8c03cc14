// The probe's small parsers without a network: the plain DNS query that reads an rcode c-ares
// would not give, the DNS error codes by kind, and Key Vault's marks on a data-plane answer.
import { describe, expect, it } from '@jest/globals'
import packet from 'dns-packet'
import { isKeyVaultErrorBody } from '../../src/probe/data-plane.js'
import { encodeQuery, parseServer } from '../../src/probe/dns-rcode.js'
import { keyVaultMarkers } from '../../src/probe/https-probe.js'
import { dnsError, dnsFailureKind, StepTimeoutError } from '../../src/probe/step.js'

describe('the rcode query', () => {
  it('reads servers the way c-ares writes them', () => {
    expect(parseServer('10.0.0.53')).toEqual({ address: '10.0.0.53', port: 53 })
    expect(parseServer('10.0.0.53:5353')).toEqual({ address: '10.0.0.53', port: 5353 })
    expect(parseServer('fd00::53')).toEqual({ address: 'fd00::53', port: 53 })
    expect(parseServer('[fd00::53]:5353')).toEqual({ address: 'fd00::53', port: 5353 })
    expect(parseServer('dns.example')).toBeNull()
    expect(parseServer('10.0.0.53:0')).toBeNull()
  })

  it('encodes one recursive question, and refuses names DNS cannot carry', () => {
    const query = encodeQuery(0x1234, 'kv1.vault.azure.net.', 'CNAME')
    expect(query).not.toBeNull()
    const decoded = packet.decode(query!)
    expect(decoded).toMatchObject({ id: 0x1234, type: 'query', flag_rd: true })
    expect(decoded.questions).toEqual([{ name: 'kv1.vault.azure.net', type: 'CNAME', class: 'IN' }])
    expect(encodeQuery(1, 'a..b', 'A')).toBeNull()
    expect(encodeQuery(1, `${'x'.repeat(64)}.example`, 'A')).toBeNull()
  })
})

describe('DNS failures by kind', () => {
  const coded = (code: string) => Object.assign(new Error(`query ${code} kv1`), { code })

  it('tells NXDOMAIN, SERVFAIL, REFUSED, silence and getaddrinfo EAI_AGAIN apart', () => {
    expect(dnsFailureKind('ENOTFOUND')).toBe('nxdomain')
    expect(dnsFailureKind('ESERVFAIL')).toBe('servfail')
    expect(dnsFailureKind('EREFUSED')).toBe('refused')
    expect(dnsFailureKind('ETIMEOUT')).toBe('timeout')
    expect(dnsFailureKind(new StepTimeoutError(1000).code)).toBe('timeout')
    expect(dnsFailureKind('EAI_AGAIN')).toBe('temporary')
    expect(dnsFailureKind('ECONNREFUSED')).toBe('unreachable')
    expect(dnsFailureKind('EBADRESP')).toBe('other')
  })

  it('keeps the step error kinds the rules know, and names the servers', () => {
    expect(dnsError(coded('ENOTFOUND'), 'kv1.vault.azure.net')).toMatchObject({
      kind: 'nxdomain',
      message: 'kv1.vault.azure.net does not exist (NXDOMAIN)'
    })
    const servfail = dnsError(coded('ESERVFAIL'), 'kv1.vault.azure.net', { servers: ['10.0.0.53'] })
    expect(servfail.kind).toBe('dns-failed')
    expect(servfail.message).toMatch(/^10\.0\.0\.53 answered SERVFAIL for kv1\.vault\.azure\.net/)
    // EBADRESP whose rcode the probe read itself: REFUSED, under c-ares' code.
    const refused = dnsError(coded('EBADRESP'), 'kv1.vault.azure.net', {
      kind: 'refused',
      servers: ['10.0.0.53']
    })
    expect(refused).toMatchObject({ kind: 'dns-failed', code: 'EBADRESP' })
    expect(refused.message).toContain('answered REFUSED')
  })
})

describe("Key Vault's marks on an answer", () => {
  const firewall =
    '{"error":{"code":"Forbidden","message":"Request was not allowed by NSP rules\\r\\nClient address: 20.1.2.3","innererror":{"code":"ForbiddenByFirewall"}}'

  it("knows Key Vault's error body, also without its last brace, and nothing else", () => {
    expect(isKeyVaultErrorBody(firewall)).toBe(true)
    expect(isKeyVaultErrorBody(`${firewall}}`)).toBe(true)
    expect(isKeyVaultErrorBody('<html><title>403 Forbidden</title></html>')).toBe(false)
    expect(isKeyVaultErrorBody('{"code":"Forbidden","message":"no"}')).toBe(false)
    expect(isKeyVaultErrorBody('{"error":{"code":"Forbidden"}}')).toBe(false)
  })

  it('is Key Vault with a Key Vault header, or a request id with its error body', () => {
    expect(
      keyVaultMarkers(
        {
          'x-ms-request-id': '1',
          'x-ms-keyvault-service-version': '1.9',
          'x-ms-keyvault-network-info': 'addr=10.0.0.4;'
        },
        true
      )
    ).toEqual({
      keyVault: true,
      markers: [
        'x-ms-keyvault-network-info',
        'x-ms-keyvault-service-version',
        'x-ms-request-id',
        'error-body'
      ]
    })
    expect(keyVaultMarkers({ 'x-ms-request-id': '1' }, true).keyVault).toBe(true)
    expect(keyVaultMarkers({ 'x-ms-request-id': '1' }, false).keyVault).toBe(false)
    expect(keyVaultMarkers({}, true)).toEqual({ keyVault: false, markers: ['error-body'] })
    expect(keyVaultMarkers({ server: 'nginx' }, false)).toEqual({ keyVault: false, markers: [] })
  })
})
