// Tests of the local Azure emulator, driven through the real SDK clients and a real
// ClientAssertionCredential. In process, TLS trust comes from `tlsOptions: emu.tlsOptions` on every
// Azure client and credential, and `ca: emu.caPem` on plain https requests (see emulator/server.js).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { KeyVaultManagementClient } from '@azure/arm-keyvault'
import { NetworkManagementClient } from '@azure/arm-network'
import { PrivateDnsManagementClient } from '@azure/arm-privatedns'
import { ClientAssertionCredential } from '@azure/identity'
import { createPublicKey, createVerify, generateKeyPairSync, createSign } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import https from 'node:https'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import tls from 'node:tls'
import { startEmulator, trustEmulatorCa } from '../emulator/server.js'
import { serial } from '../emulator/ca.js'
import {
  aRecordSet,
  makeEstate,
  privateDnsZone,
  privateLinkedVault,
  sampleIdentity,
  subnetId,
  virtualNetwork,
  virtualNetworkLink
} from '../emulator/estate.js'
import sampleEstate, {
  HSM_PROBLEMS,
  PROBLEMS,
  SUBSCRIPTION_ID
} from '../emulator/estates/sample.js'
import healthyEstate from '../emulator/estates/healthy.js'
import hsmEstate from '../emulator/estates/hsm.js'

type Emulator = Awaited<ReturnType<typeof startEmulator>>
type Raw = { status: number; headers: Record<string, string | string[] | undefined>; text: string }

const SUB = SUBSCRIPTION_ID
const VAULT_RG = 'rg-secrets-prod'
const ZONE = 'privatelink.vaultcore.azure.net'
const RG_ID = `/subscriptions/${SUB}/resourceGroups/${VAULT_RG}`
const ZONE_ID = `/subscriptions/${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${ZONE}`
const VAULT_NAMES = Object.keys(PROBLEMS)
const HSM_NAMES = Object.keys(HSM_PROBLEMS)
const HSM_ZONE = 'privatelink.managedhsm.azure.net'

/** A plain HTTPS request that trusts only the emulator's CA. */
function request(
  emu: Emulator,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${emu.url}${path}`,
      { method, headers, ca: emu.caPem, agent: false },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
      }
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

/** The workflow's ID token, fetched the way @actions/core does it. */
async function fetchIdToken(
  emu: Emulator,
  audience = 'api://AzureADTokenExchange'
): Promise<string> {
  const env = emu.env()
  const url = new URL(
    `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`
  )
  const res = await request(emu, 'GET', `${url.pathname}${url.search}`, {
    authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`
  })
  if (res.status !== 200) throw new Error(`OIDC token endpoint answered ${res.status}: ${res.text}`)
  return (JSON.parse(res.text) as { value: string }).value
}

function credentialFor(emu: Emulator, getAssertion = () => fetchIdToken(emu)) {
  const env = emu.env()
  return new ClientAssertionCredential(
    env['INPUT_TENANT-ID'],
    env['INPUT_CLIENT-ID'],
    getAssertion,
    {
      authorityHost: emu.url,
      disableInstanceDiscovery: true,
      tlsOptions: emu.tlsOptions
    }
  )
}

function clientsFor(emu: Emulator) {
  const credential = credentialFor(emu)
  const options = { endpoint: emu.url, tlsOptions: emu.tlsOptions }
  return {
    credential,
    kv: new KeyVaultManagementClient(credential, SUB, options),
    net: new NetworkManagementClient(credential, SUB, options),
    dns: new PrivateDnsManagementClient(credential, SUB, options)
  }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise
  } catch (err) {
    return err as Error & Record<string, unknown>
  }
  throw new Error('expected the call to fail, it succeeded')
}

const decodeJwt = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >

describe('emulator with the sample estate (page size 2)', () => {
  let emu: Emulator
  let c: ReturnType<typeof clientsFor>
  let armToken: string

  beforeAll(async () => {
    emu = await startEmulator({ estate: sampleEstate(), pageSize: 2 })
    c = clientsFor(emu)
    const token = await c.credential.getToken(`${emu.url}/.default`)
    armToken = token.token
  })
  afterAll(async () => {
    await emu?.stop()
  })

  describe('TLS and env', () => {
    test('serves a leaf for 127.0.0.1/localhost signed by its own CA, and is refused without that CA', async () => {
      const cert = await new Promise<tls.PeerCertificate>((resolve, reject) => {
        const socket = tls.connect(
          {
            host: '127.0.0.1',
            port: Number(new URL(emu.url).port),
            ca: emu.caPem,
            servername: 'localhost'
          },
          () => {
            resolve(socket.getPeerCertificate())
            socket.end()
          }
        )
        socket.on('error', reject)
      })
      expect(cert.subjectaltname).toBe('IP Address:127.0.0.1, DNS:localhost')
      expect(readFileSync(emu.caPath, 'utf8')).toBe(emu.caPem)
      expect(emu.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/)

      const refused = await rejection(
        new Promise((resolve, reject) =>
          https
            .get(`${emu.url}/subscriptions/${SUB}`, { agent: false }, resolve)
            .on('error', reject)
        )
      )
      expect(String(refused.code)).toMatch(
        /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE/
      )
    })

    test('env() points everything at the emulator', () => {
      const env = emu.env()
      expect(emu.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      expect(env).toEqual({
        NODE_EXTRA_CA_CERTS: emu.caPath,
        ACTIONS_ID_TOKEN_REQUEST_URL: `${emu.url}/_github/oidc/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: expect.stringMatching(/^[\w-]{20,}$/),
        GITHUB_API_URL: `${emu.url}/_github/api`,
        'INPUT_ARM-ENDPOINT': emu.url,
        'INPUT_AUTHORITY-HOST': emu.url,
        'INPUT_CLIENT-ID': sampleIdentity().clientId,
        'INPUT_TENANT-ID': sampleIdentity().tenantId,
        'INPUT_SUBSCRIPTION-ID': SUB
      })
    })
  })

  describe('GitHub OIDC token endpoint', () => {
    test('issues an RS256 JWT with iss, sub and aud, verifiable with the published key', async () => {
      const jwt = await fetchIdToken(emu, 'api://AzureADTokenExchange')
      const [head, body, sig] = jwt.split('.')
      const header = JSON.parse(Buffer.from(head ?? '', 'base64url').toString('utf8'))
      const claims = decodeJwt(jwt)
      expect(header.alg).toBe('RS256')
      expect(claims.iss).toBe('https://token.actions.githubusercontent.com')
      expect(claims.sub).toBe('repo:contoso/infra:pull_request')
      expect(claims.aud).toBe('api://AzureADTokenExchange')
      expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000)

      const jwks = JSON.parse((await request(emu, 'GET', '/_github/oidc/.well-known/jwks')).text)
      expect(jwks.keys[0].kid).toBe(header.kid)
      const key = createPublicKey({ key: jwks.keys[0], format: 'jwk' })
      const ok = createVerify('RSA-SHA256')
        .update(`${head}.${body}`)
        .verify(key, Buffer.from(sig ?? '', 'base64url'))
      expect(ok).toBe(true)
    })

    test('answers 401 without the request token or with a wrong one', async () => {
      const path = '/_github/oidc/token?api-version=2.0&audience=api://AzureADTokenExchange'
      expect((await request(emu, 'GET', path)).status).toBe(401)
      expect((await request(emu, 'GET', path, { authorization: 'Bearer nope' })).status).toBe(401)
    })
  })

  describe('ARM reads through the real SDK clients', () => {
    test('vault get returns the vault with firewall and its approved connection', async () => {
      const vault = await c.kv.vaults.get(VAULT_RG, 'kv-healthy')
      expect(vault.id).toBe(`${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-healthy`)
      expect(vault.properties.sku).toEqual({ family: 'A', name: 'standard' })
      expect(vault.properties.tenantId).toBe(sampleIdentity().tenantId)
      expect(vault.properties.vaultUri).toBe('https://kv-healthy.vault.azure.net/')
      expect(vault.properties.publicNetworkAccess).toBe('Disabled')
      expect(vault.properties.networkAcls).toEqual({
        defaultAction: 'Deny',
        bypass: 'None',
        ipRules: [],
        virtualNetworkRules: []
      })
      const [connection] = vault.properties.privateEndpointConnections ?? []
      expect(connection?.privateLinkServiceConnectionState?.status).toBe('Approved')
      expect(connection?.privateEndpoint?.id).toBe(
        `${RG_ID}/providers/Microsoft.Network/privateEndpoints/pe-kv-healthy`
      )
    })

    test('IDs are case-insensitive', async () => {
      const vault = await c.kv.vaults.get(VAULT_RG.toUpperCase(), 'KV-PUBLIC')
      expect(vault.name).toBe('kv-public')
      expect(vault.properties.publicNetworkAccess).toBe('Enabled')
      expect(vault.properties.networkAcls?.defaultAction).toBe('Allow')
    })

    test('vault lists page through nextLink/$skipToken (listBySubscription, list, listByResourceGroup)', async () => {
      emu.resetLog()
      const bySub = await collect(c.kv.vaults.listBySubscription())
      expect(bySub.map((v) => v.name)).toEqual(VAULT_NAMES)
      const calls = emu.requests.filter((r) => r.kind === 'arm').map((r) => r.path)
      expect(calls).toHaveLength(4) // 8 vaults, 2 per page
      expect(calls[0]).toBe(
        `/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults?api-version=2026-02-01`
      )
      expect(calls[1]).toMatch(
        new RegExp(
          `^/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults\\?api-version=2026-02-01&\\$skipToken=[\\w-]+$`
        )
      )
      expect(emu.requests.every((r) => r.kind !== 'arm' || r.status === 200)).toBe(true)

      const pages: number[] = []
      for await (const page of c.kv.vaults.listByResourceGroup(VAULT_RG).byPage())
        pages.push(page.length)
      expect(pages).toEqual([2, 2, 2, 2])

      emu.resetLog()
      const generic = await collect(c.kv.vaults.list())
      expect(generic.map((r) => `${r.name}|${r.type}`)).toEqual(
        VAULT_NAMES.map((n) => `${n}|Microsoft.KeyVault/vaults`)
      )
      expect(generic[0]).toEqual({
        id: `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-healthy`,
        name: 'kv-healthy',
        type: 'Microsoft.KeyVault/vaults',
        location: 'westeurope',
        tags: {}
      })
      expect(emu.requests[emu.requests.length - 1]?.path).toContain(
        '/resources?%24filter=resourceType%20eq%20%27Microsoft.KeyVault%2Fvaults%27&api-version=2015-11-01&$skipToken='
      )
      expect(emu.armRequestCount()).toBe(4)
    })

    test('private endpoint connections: list and get', async () => {
      const list = await collect(
        c.kv.privateEndpointConnections.listByResource(VAULT_RG, 'kv-pending')
      )
      expect(list).toHaveLength(1)
      expect(list[0]?.type).toBe('Microsoft.KeyVault/vaults/privateEndpointConnections')
      // @azure/arm-keyvault 5 flattens `properties` into the connection object.
      expect(list[0]?.privateLinkServiceConnectionState?.status).toBe('Pending')
      expect(list[0]?.privateEndpoint?.id).toBe(
        `${RG_ID}/providers/Microsoft.Network/privateEndpoints/pe-kv-pending`
      )
      const one = await c.kv.privateEndpointConnections.get(
        VAULT_RG,
        'kv-pending',
        list[0]?.name ?? ''
      )
      expect(one.id).toBe(list[0]?.id)
      expect(one.provisioningState).toBe('Succeeded')
    })

    test('private endpoint → NIC → VNet, and the DNS zone group', async () => {
      const pe = await c.net.privateEndpoints.get(VAULT_RG, 'pe-kv-customdns')
      expect(pe.subnet?.id).toBe(
        `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-onprem-dns/subnets/snet-private-endpoints`
      )
      expect(pe.privateLinkServiceConnections?.[0]?.privateLinkServiceId).toBe(
        `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-customdns`
      )
      expect(pe.privateLinkServiceConnections?.[0]?.groupIds).toEqual(['vault'])
      expect(pe.customDnsConfigs).toEqual([
        { fqdn: 'kv-customdns.vault.azure.net', ipAddresses: ['10.40.1.4'] }
      ])

      const nicName = (pe.networkInterfaces?.[0]?.id ?? '').split('/').pop() ?? ''
      const nic = await c.net.networkInterfaces.get(VAULT_RG, nicName)
      expect(nic.ipConfigurations?.[0]?.privateIPAddress).toBe('10.40.1.4')
      expect(nic.privateEndpoint?.id).toBe(pe.id)

      const vnet = await c.net.virtualNetworks.get('rg-network', 'vnet-onprem-dns')
      expect(vnet.dhcpOptions?.dnsServers).toEqual(['10.40.0.4', '10.40.0.5'])
      expect(vnet.addressSpace?.addressPrefixes).toEqual(['10.40.0.0/16'])
      const app = await c.net.virtualNetworks.get('rg-network', 'vnet-app-prod')
      expect(app.dhcpOptions).toBeUndefined()

      const groups = await collect(c.net.privateDnsZoneGroups.list('pe-kv-healthy', VAULT_RG))
      expect(groups).toHaveLength(1)
      expect(groups[0]?.privateDnsZoneConfigs?.[0]?.privateDnsZoneId).toBe(ZONE_ID)
      expect(groups[0]?.privateDnsZoneConfigs?.[0]?.recordSets?.[0]).toEqual({
        fqdn: `kv-healthy.${ZONE}`,
        ipAddresses: ['10.20.1.4'],
        recordSetName: 'kv-healthy',
        recordType: 'A'
      })
    })

    test('network lists by subscription and resource group, paged', async () => {
      const pes = await collect(c.net.privateEndpoints.listBySubscription())
      expect(pes.map((p) => p.name)).toEqual([...VAULT_NAMES, ...HSM_NAMES].map((n) => `pe-${n}`))
      expect(await collect(c.net.privateEndpoints.list(VAULT_RG))).toHaveLength(9)
      const nics = await collect(c.net.networkInterfaces.listAll())
      expect(nics.map((n) => n.ipConfigurations?.[0]?.privateIPAddress)).toEqual([
        '10.20.1.4',
        '10.20.1.5',
        '10.20.1.6',
        '10.30.1.4',
        '10.20.1.8',
        '10.20.1.9',
        '10.20.1.10',
        '10.40.1.4',
        '10.20.1.20'
      ])
      expect(await collect(c.net.networkInterfaces.list(VAULT_RG))).toHaveLength(9)
      const vnets = await collect(c.net.virtualNetworks.listAll())
      expect(vnets.map((v) => v.name)).toEqual([
        'vnet-app-prod',
        'vnet-spoke-batch',
        'vnet-onprem-dns'
      ])
      expect(await collect(c.net.virtualNetworks.list('rg-network'))).toHaveLength(3)
    })

    test('private DNS: zones, links, A records (by type and ALL)', async () => {
      const zones = await collect(c.dns.privateZones.list())
      expect(zones.map((z) => z.name)).toEqual([ZONE, HSM_ZONE])
      expect(zones[0]?.numberOfVirtualNetworkLinks).toBe(2)
      expect(zones[0]?.numberOfRecordSets).toBe(7)
      expect(zones[1]?.numberOfVirtualNetworkLinks).toBe(1)
      expect(zones[1]?.numberOfRecordSets).toBe(1)
      expect(await collect(c.dns.privateZones.listByResourceGroup('rg-dns'))).toHaveLength(2)
      expect((await c.dns.privateZones.get('rg-dns', ZONE)).location).toBe('global')

      const links = await collect(c.dns.virtualNetworkLinks.list('rg-dns', ZONE))
      expect(
        links.map((l) => [
          l.name,
          l.virtualNetworkLinkState,
          l.virtualNetwork?.id?.split('/').pop()
        ])
      ).toEqual([
        ['link-vnet-app-prod', 'Completed', 'vnet-app-prod'],
        ['link-vnet-onprem-dns', 'Completed', 'vnet-onprem-dns']
      ])

      const a = await collect(c.dns.recordSets.listByType('rg-dns', ZONE, 'A'))
      const byName = Object.fromEntries(a.map((r) => [r.name, r]))
      expect(Object.keys(byName)).toEqual(VAULT_NAMES.filter((n) => n !== 'kv-norecord'))
      expect(byName['kv-ttl']?.ttl).toBe(3600)
      expect(byName['kv-wrongip']?.aRecords).toEqual([{ ipv4Address: '10.20.1.99' }])
      expect(byName['kv-healthy']?.fqdn).toBe(`kv-healthy.${ZONE}.`)

      const all = await collect(c.dns.recordSets.list('rg-dns', ZONE))
      expect(all.map((r) => r.name)).toEqual(a.map((r) => r.name))
      const one = await c.dns.recordSets.get('rg-dns', ZONE, 'A', 'kv-healthy')
      expect(one.aRecords).toEqual([{ ipv4Address: '10.20.1.4' }])
      expect(one.ttl).toBe(10)
    })

    test('managed HSM get, lists, and its private endpoint connections (lower-case managedhsms)', async () => {
      const hsm = await c.kv.managedHsms.get(VAULT_RG, 'hsm-payments')
      expect(hsm.id).toBe(`${RG_ID}/providers/Microsoft.KeyVault/managedHSMs/hsm-payments`)
      expect(hsm.type).toBe('Microsoft.KeyVault/managedHSMs')
      expect(hsm.sku).toEqual({ family: 'B', name: 'Standard_B1' })
      expect(hsm.properties?.hsmUri).toBe('https://hsm-payments.managedhsm.azure.net/')
      expect(hsm.properties?.publicNetworkAccess).toBe('Enabled')
      expect(hsm.properties?.networkAcls).toEqual({
        defaultAction: 'Allow',
        bypass: 'None',
        ipRules: [],
        virtualNetworkRules: []
      })
      const [embedded] = hsm.properties?.privateEndpointConnections ?? []
      expect(embedded?.privateLinkServiceConnectionState?.status).toBe('Approved')
      expect(embedded?.id).toMatch(
        new RegExp(
          `^${RG_ID}/providers/Microsoft.KeyVault/managedhsms/hsm-payments/privateEndpointConnections/`
        )
      )

      expect((await collect(c.kv.managedHsms.listBySubscription())).map((h) => h.name)).toEqual(
        HSM_NAMES
      )
      expect(await collect(c.kv.managedHsms.listByResourceGroup(VAULT_RG))).toHaveLength(1)
      // Key vault lists hold no HSM, and the other way round.
      expect((await collect(c.kv.vaults.listBySubscription())).map((v) => v.name)).toEqual(
        VAULT_NAMES
      )

      const list = await collect(
        c.kv.mhsmPrivateEndpointConnections.listByResource(VAULT_RG, 'hsm-payments')
      )
      expect(list).toHaveLength(1)
      expect(list[0]?.id).toBe(embedded?.id)
      expect(list[0]?.type).toBe('Microsoft.KeyVault/managedhsms/privateEndpointConnections')
      expect(list[0]?.privateEndpoint?.id).toBe(
        `${RG_ID}/providers/Microsoft.Network/privateEndpoints/pe-hsm-payments`
      )
      const one = await c.kv.mhsmPrivateEndpointConnections.get(
        VAULT_RG,
        'hsm-payments',
        list[0]?.name ?? ''
      )
      expect(one.provisioningState).toBe('Succeeded')

      const pe = await c.net.privateEndpoints.get(VAULT_RG, 'pe-hsm-payments')
      expect(pe.privateLinkServiceConnections?.[0]?.groupIds).toEqual(['managedhsm'])
      expect(pe.customDnsConfigs).toEqual([
        { fqdn: 'hsm-payments.managedhsm.azure.net', ipAddresses: ['10.20.1.20'] }
      ])
      const groups = await collect(c.net.privateDnsZoneGroups.list('pe-hsm-payments', VAULT_RG))
      expect(groups[0]?.privateDnsZoneConfigs?.[0]?.recordSets?.[0]?.fqdn).toBe(
        `hsm-payments.${HSM_ZONE}`
      )
      const record = await c.dns.recordSets.get('rg-dns', HSM_ZONE, 'A', 'hsm-payments')
      expect(record.aRecords).toEqual([{ ipv4Address: '10.20.1.20' }])
    })

    test('a managed HSM that does not exist: 404 naming managedHSMs', async () => {
      const err = await rejection(c.kv.managedHsms.get(VAULT_RG, 'hsm9'))
      expect(err.statusCode).toBe(404)
      expect(err.message).toMatch(/^The Resource 'Microsoft\.KeyVault\/managedHSMs\/hsm9'/)
    })

    test('embedded children (a VNet subnet) are served at their own ID', async () => {
      const subnet = await c.net.subnets.get(
        'rg-network',
        'vnet-app-prod',
        'snet-private-endpoints'
      )
      expect(subnet.addressPrefix).toBe('10.20.1.0/24')
    })
  })

  describe('ARM errors', () => {
    test('404 ResourceNotFound with ARM’s body, through the SDK and on the wire', async () => {
      const err = await rejection(c.kv.vaults.get(VAULT_RG, 'kv9'))
      const message = `The Resource 'Microsoft.KeyVault/vaults/kv9' under resource group '${VAULT_RG}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
      expect(err.statusCode).toBe(404)
      expect(err.code).toBe('ResourceNotFound')
      expect(err.message).toBe(message)

      const raw = await request(
        emu,
        'GET',
        `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv9?api-version=2025-05-01`,
        { authorization: `Bearer ${armToken}` }
      )
      expect(raw.status).toBe(404)
      expect(JSON.parse(raw.text)).toEqual({ error: { code: 'ResourceNotFound', message } })
    })

    test('404 ResourceGroupNotFound and SubscriptionNotFound', async () => {
      const err = await rejection(c.net.virtualNetworks.get('rg-nope', 'vnet-app-prod'))
      expect(err.statusCode).toBe(404)
      expect(err.code).toBe('ResourceGroupNotFound')
      expect(err.message).toBe("Resource group 'rg-nope' could not be found.")

      const other = '11111111-2222-4333-8444-555555555555'
      const raw = await request(
        emu,
        'GET',
        `/subscriptions/${other}/providers/Microsoft.Network/privateEndpoints`,
        {
          authorization: `Bearer ${armToken}`
        }
      )
      expect(raw.status).toBe(404)
      expect(JSON.parse(raw.text).error.code).toBe('SubscriptionNotFound')
    })

    test('401 without a bearer token or with one Entra did not issue', async () => {
      const path = `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-healthy?api-version=2025-05-01`
      const none = await request(emu, 'GET', path)
      expect(none.status).toBe(401)
      expect(JSON.parse(none.text).error.code).toBe('AuthenticationFailed')
      const bad = await request(emu, 'GET', path, { authorization: 'Bearer not-a-token' })
      expect(bad.status).toBe(401)
      expect(JSON.parse(bad.text)).toEqual({
        error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' }
      })
    })

    test('403 AuthorizationFailed from deny rules, with the derived action', async () => {
      const { clientId, objectId } = sampleIdentity()
      const vaultScope = `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-ttl`
      emu.estate.deny = [
        { scope: vaultScope },
        { scope: ZONE_ID, action: 'Microsoft.Network/privateDnsZones/A/read' }
      ]
      try {
        const err = await rejection(c.kv.vaults.get(VAULT_RG, 'kv-ttl'))
        expect(err.statusCode).toBe(403)
        expect(err.code).toBe('AuthorizationFailed')
        expect(err.message).toBe(
          `The client '${clientId}' with object id '${objectId}' does not have authorization to perform action 'Microsoft.KeyVault/vaults/read' over scope '${vaultScope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
        )

        // A list above the denied scope leaves the denied vault out.
        const names = (await collect(c.kv.vaults.listBySubscription())).map((v) => v.name)
        expect(names).toEqual(VAULT_NAMES.filter((n) => n !== 'kv-ttl'))

        // The A record list is denied; the zone itself (another action) is still readable.
        const raw = await request(emu, 'GET', `${ZONE_ID}/A?api-version=2024-06-01`, {
          authorization: `Bearer ${armToken}`
        })
        expect(raw.status).toBe(403)
        expect(JSON.parse(raw.text)).toEqual({
          error: {
            code: 'AuthorizationFailed',
            message: `The client '${clientId}' with object id '${objectId}' does not have authorization to perform action 'Microsoft.Network/privateDnsZones/A/read' over scope '${ZONE_ID}/A' or the scope is invalid. If access was recently granted, please refresh your credentials.`
          }
        })
        const sdkErr = await rejection(collect(c.dns.recordSets.listByType('rg-dns', ZONE, 'A')))
        expect(sdkErr.statusCode).toBe(403)
        expect((await c.dns.privateZones.get('rg-dns', ZONE)).name).toBe(ZONE)
      } finally {
        emu.estate.deny = []
      }
    })
  })

  describe('faults', () => {
    test('429 with Retry-After and the throttling body, then success on the SDK’s retry', async () => {
      const path = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-app-prod?api-version=2025-07-01`
      emu.faults.add({
        match: 'virtualNetworks/vnet-app-prod?',
        status: 429,
        retryAfter: 0,
        times: 1
      })
      const raw = await request(emu, 'GET', path, { authorization: `Bearer ${armToken}` })
      expect(raw.status).toBe(429)
      expect(raw.headers['retry-after']).toBe('0')
      expect(JSON.parse(raw.text)).toEqual({
        error: {
          code: 'SubscriptionRequestsThrottled',
          message: `Number of 'read' requests for subscription '${SUB}' actor '${sampleIdentity().objectId}' exceeded. Please try again after '0' seconds.`
        }
      })

      emu.faults.add({
        match: /GET \S+\/virtualNetworks\/vnet-app-prod\?/,
        status: 429,
        retryAfter: 0,
        times: 1
      })
      emu.resetLog()
      const vnet = await c.net.virtualNetworks.get('rg-network', 'vnet-app-prod')
      expect(vnet.name).toBe('vnet-app-prod')
      expect(emu.requests.filter((r) => r.kind === 'arm').map((r) => r.status)).toEqual([429, 200])
      expect(emu.faults.pending()).toHaveLength(0)
    })

    test('500 once: the SDK retries and gets the resource', async () => {
      emu.faults.add({ match: '/privateEndpoints/pe-kv-ttl?', status: 500, times: 1 })
      emu.resetLog()
      const pe = await c.net.privateEndpoints.get(VAULT_RG, 'pe-kv-ttl')
      expect(pe.name).toBe('pe-kv-ttl')
      expect(emu.requests.filter((r) => r.kind === 'arm').map((r) => r.status)).toEqual([500, 200])
    })

    test('malformed JSON makes the SDK call fail, once', async () => {
      emu.faults.add({ match: 'vaults/kv-public?', malformed: true, times: 1 })
      const err = await rejection(c.kv.vaults.get(VAULT_RG, 'kv-public'))
      expect(err.message).toMatch(/JSON|Unexpected end|Unterminated/i)
      expect((await c.kv.vaults.get(VAULT_RG, 'kv-public')).name).toBe('kv-public')
    })

    test('delayMs slows the answer down', async () => {
      emu.faults.add({ match: 'vnet-spoke-batch?', delayMs: 300, times: 1 })
      const started = Date.now()
      const vnet = await c.net.virtualNetworks.get('rg-network', 'vnet-spoke-batch')
      expect(vnet.name).toBe('vnet-spoke-batch')
      expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    })
  })

  describe('Entra', () => {
    const tenant = sampleIdentity().tenantId
    const tokenPath = `/${tenant}/oauth2/v2.0/token`
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
    const post = (path: string, fields: Record<string, string>) =>
      request(
        emu,
        'POST',
        path,
        { 'content-type': 'application/x-www-form-urlencoded' },
        form(fields)
      )
    const fields = (assertion: string, overrides: Record<string, string> = {}) => ({
      client_id: sampleIdentity().clientId,
      scope: `${emu.url}/.default`,
      grant_type: 'client_credentials',
      client_assertion: assertion,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      ...overrides
    })

    test('openid-configuration points back at the emulator', async () => {
      const raw = await request(emu, 'GET', `/${tenant}/v2.0/.well-known/openid-configuration`)
      const doc = JSON.parse(raw.text)
      expect(doc.token_endpoint).toBe(`${emu.url}/${tenant}/oauth2/v2.0/token`)
      expect(doc.authorization_endpoint).toBe(`${emu.url}/${tenant}/oauth2/v2.0/authorize`)
      expect(doc.issuer).toBe(`${emu.url}/${tenant}/v2.0`)
      expect(doc.jwks_uri).toBe(`${emu.url}/${tenant}/discovery/v2.0/keys`)
      expect((await request(emu, 'GET', `/${tenant}/discovery/v2.0/keys`)).status).toBe(200)
    })

    test('a good assertion gets an opaque Bearer token', async () => {
      const raw = await post(tokenPath, fields(await fetchIdToken(emu)))
      expect(raw.status).toBe(200)
      const body = JSON.parse(raw.text)
      expect(body).toEqual({
        token_type: 'Bearer',
        expires_in: 3599,
        access_token: expect.any(String)
      })
      expect(body.access_token.split('.')).toHaveLength(1)
      expect(emu.issuedSecrets()).toEqual(expect.arrayContaining([body.access_token, armToken]))
      expect(
        emu.issuedSecrets().filter((t: string) => t.split('.').length === 3).length
      ).toBeGreaterThan(0)
    })

    test('wrong subject → AADSTS70021, through ClientAssertionCredential and on the wire', async () => {
      emu.estate.github = { subject: 'repo:contoso/infra:ref:refs/heads/main' }
      try {
        const err = await rejection(credentialFor(emu).getToken(`${emu.url}/.default`))
        expect(err.message).toContain(
          'AADSTS70021: No matching federated identity record found for presented assertion.'
        )
        expect(err.message).toContain("Assertion Subject: 'repo:contoso/infra:ref:refs/heads/main'")

        const raw = await post(tokenPath, fields(await fetchIdToken(emu)))
        expect(raw.status).toBe(400)
        const body = JSON.parse(raw.text)
        expect(body.error).toBe('invalid_request')
        expect(body.error_codes).toEqual([70021])
        expect(body.error_description).toMatch(
          /^AADSTS70021: No matching federated identity record found for presented assertion\. Assertion Issuer: 'https:\/\/token\.actions\.githubusercontent\.com'\. Assertion Subject: 'repo:contoso\/infra:ref:refs\/heads\/main'\. Assertion Audience: 'api:\/\/AzureADTokenExchange'\./
        )
        expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/)
      } finally {
        delete emu.estate.github
      }
    })

    test('wrong audience → AADSTS70021; unknown client → AADSTS700016; unknown tenant → AADSTS90002', async () => {
      const wrongAud = await post(
        tokenPath,
        fields(await fetchIdToken(emu, 'https://github.com/contoso'))
      )
      expect(wrongAud.status).toBe(400)
      expect(JSON.parse(wrongAud.text).error_codes).toEqual([70021])

      const unknownClient = await post(
        tokenPath,
        fields(await fetchIdToken(emu), { client_id: '00000000-1111-4222-8333-444444444444' })
      )
      expect(unknownClient.status).toBe(400)
      const uc = JSON.parse(unknownClient.text)
      expect(uc.error).toBe('unauthorized_client')
      expect(uc.error_description).toMatch(
        /^AADSTS700016: Application with identifier '00000000-1111-4222-8333-444444444444' was not found in the directory/
      )

      const otherTenant = '99999999-8888-4777-8666-555555555555'
      const unknownTenant = await request(
        emu,
        'GET',
        `/${otherTenant}/v2.0/.well-known/openid-configuration`
      )
      expect(unknownTenant.status).toBe(400)
      expect(JSON.parse(unknownTenant.text).error_description).toMatch(
        new RegExp(`^AADSTS90002: Tenant '${otherTenant}' not found\\.`)
      )
      const viaToken = await post(
        `/${otherTenant}/oauth2/v2.0/token`,
        fields(await fetchIdToken(emu))
      )
      expect(JSON.parse(viaToken.text).error_codes).toEqual([90002])
    })

    test('an assertion signed by another key, or expired, is refused', async () => {
      const good = await fetchIdToken(emu)
      const [head, body] = good.split('.')
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
      const forged = `${head}.${body}.${createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url')}`
      const forgedRes = await post(tokenPath, fields(forged))
      expect(forgedRes.status).toBe(401)
      expect(JSON.parse(forgedRes.text).error_codes).toEqual([50013])

      const past = Math.floor(Date.now() / 1000) - 3600
      const expired = emu.issueIdToken('api://AzureADTokenExchange', {
        iat: past - 300,
        nbf: past - 300,
        exp: past
      })
      const expiredRes = await post(tokenPath, fields(expired))
      expect(expiredRes.status).toBe(400)
      expect(JSON.parse(expiredRes.text).error_codes).toEqual([700024])
    })

    test('scope without /.default → AADSTS1002012', async () => {
      const raw = await post(tokenPath, fields(await fetchIdToken(emu), { scope: emu.url }))
      expect(raw.status).toBe(400)
      expect(JSON.parse(raw.text).error).toBe('invalid_scope')
    })
  })

  describe('GitHub REST API (issue comments)', () => {
    const base = '/_github/api/repos/contoso/infra/issues'
    const auth = { authorization: 'token ghs_test', 'content-type': 'application/json' }

    test('create, list with Link paging, update', async () => {
      const first = await request(
        emu,
        'POST',
        `${base}/7/comments`,
        auth,
        JSON.stringify({ body: 'one' })
      )
      expect(first.status).toBe(201)
      const created = JSON.parse(first.text)
      await request(emu, 'POST', `${base}/7/comments`, auth, JSON.stringify({ body: 'two' }))

      const page1 = await request(emu, 'GET', `${base}/7/comments?per_page=1`, auth)
      expect(JSON.parse(page1.text).map((c: { body: string }) => c.body)).toEqual(['one'])
      expect(page1.headers.link).toContain(
        `<${emu.url}${base}/7/comments?per_page=1&page=2>; rel="next"`
      )
      const page2 = await request(emu, 'GET', `${base}/7/comments?per_page=1&page=2`, auth)
      expect(JSON.parse(page2.text).map((c: { body: string }) => c.body)).toEqual(['two'])
      expect(String(page2.headers.link)).not.toContain('rel="next"')

      const patched = await request(
        emu,
        'PATCH',
        `/_github/api/repos/contoso/infra/issues/comments/${created.id}`,
        auth,
        JSON.stringify({ body: 'one, edited' })
      )
      expect(patched.status).toBe(200)
      expect(
        emu.github.comments('contoso', 'infra', 7).map((c: { body: string }) => c.body)
      ).toEqual(['one, edited', 'two'])
      expect((await request(emu, 'GET', `${base}/7/comments`)).status).toBe(401)
    })
  })

  test('the request log records kind, method, path and status', async () => {
    emu.resetLog()
    await c.net.virtualNetworks.get('rg-network', 'vnet-app-prod')
    await rejection(c.net.virtualNetworks.get('rg-network', 'vnet-missing'))
    expect(emu.requests).toEqual([
      {
        kind: 'arm',
        method: 'GET',
        path: `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-app-prod?api-version=2025-05-01`,
        status: 200
      },
      {
        kind: 'arm',
        method: 'GET',
        path: `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-missing?api-version=2025-05-01`,
        status: 404
      }
    ])
    expect(emu.armRequestCount()).toBe(2)
  })
})

describe('estates', () => {
  test('healthy estate: two vaults, linked zone, records within TTL bounds, nothing open', async () => {
    const estate = healthyEstate()
    const vaults = estate.resources.filter((r) => r.type === 'Microsoft.KeyVault/vaults')
    expect(vaults.map((v) => v.name)).toEqual(['kv-payments-prod', 'kv-orders-prod'])
    for (const v of vaults) {
      expect(v.properties.publicNetworkAccess).toBe('Disabled')
      expect(v.properties.networkAcls).toEqual({
        defaultAction: 'Deny',
        bypass: 'None',
        ipRules: [],
        virtualNetworkRules: []
      })
      expect(
        v.properties.privateEndpointConnections[0].properties.privateLinkServiceConnectionState
          .status
      ).toBe('Approved')
    }
    const records = estate.resources.filter((r) => r.type === 'Microsoft.Network/privateDnsZones/A')
    expect(records.map((r) => r.properties.ttl)).toEqual([10, 300])
    const nics = estate.resources.filter((r) => r.type === 'Microsoft.Network/networkInterfaces')
    expect(records.map((r) => r.properties.aRecords[0].ipv4Address)).toEqual(
      nics.map((n) => n.properties.ipConfigurations[0].properties.privateIPAddress)
    )
    const links = estate.resources.filter(
      (r) => r.type === 'Microsoft.Network/privateDnsZones/virtualNetworkLinks'
    )
    expect(links.map((l) => l.properties.virtualNetworkLinkState)).toEqual(['Completed'])
  })

  test('builders compose a custom estate the emulator serves (second subscription, NxDomainRedirect link)', async () => {
    const identity = sampleIdentity()
    const hub = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
    const spoke = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff'
    const vnet = virtualNetwork({
      subscriptionId: spoke,
      resourceGroup: 'rg-net',
      name: 'vnet1',
      addressPrefixes: ['10.9.0.0/16']
    })
    const zone = privateDnsZone({ subscriptionId: hub, resourceGroup: 'rg-hub-dns' })
    const linked = privateLinkedVault({
      subscriptionId: spoke,
      resourceGroup: 'rg-kv',
      name: 'kv-one',
      tenantId: identity.tenantId,
      subnetId: subnetId(vnet.id, 'default'),
      ip: '10.9.1.4',
      zoneId: zone.id
    })
    const estate = makeEstate({
      identity,
      subscriptions: [spoke, hub],
      resources: [
        vnet,
        zone,
        virtualNetworkLink({
          zoneId: zone.id,
          name: 'l1',
          vnetId: vnet.id,
          resolutionPolicy: 'NxDomainRedirect'
        }),
        ...linked.resources,
        aRecordSet({ zoneId: zone.id, name: 'Other', ttl: 60, ips: ['10.9.1.9'] })
      ]
    })
    expect(estate.resourceGroups).toEqual([
      `/subscriptions/${spoke}/resourceGroups/rg-net`,
      `/subscriptions/${hub}/resourceGroups/rg-hub-dns`,
      `/subscriptions/${spoke}/resourceGroups/rg-kv`
    ])
    const emu = await startEmulator({ estate, pageSize: 1, latencyMs: 120 })
    try {
      expect(emu.env()['INPUT_SUBSCRIPTION-ID']).toBe(spoke)
      const started = Date.now()
      expect((await request(emu, 'GET', `/subscriptions/${spoke}`)).status).toBe(401)
      expect(Date.now() - started).toBeGreaterThanOrEqual(110) // latencyMs applies to every request
      const credential = credentialFor(emu)
      const options = { endpoint: emu.url, tlsOptions: emu.tlsOptions }
      const dns = new PrivateDnsManagementClient(credential, hub, options)
      const link = await dns.virtualNetworkLinks.get('rg-hub-dns', ZONE, 'l1')
      expect(link.virtualNetworkLinkState).toBe('Completed')
      // @azure/arm-privatedns 3.2 (api-version 2020-06-01) does not know resolutionPolicy and
      // drops it; it is on the wire.
      const token = await credential.getToken(`${emu.url}/.default`)
      const raw = await request(emu, 'GET', `${link.id}?api-version=2024-06-01`, {
        authorization: `Bearer ${token.token}`
      })
      expect(JSON.parse(raw.text).properties.resolutionPolicy).toBe('NxDomainRedirect')
      const records = await collect(dns.recordSets.listByType('rg-hub-dns', ZONE, 'A'))
      expect(records.map((r) => r.name)).toEqual(['kv-one', 'other'])
      expect(emu.requests.filter((r) => r.path.includes('/A?')).length).toBe(2) // page size 1
      const kv = new KeyVaultManagementClient(credential, spoke, options)
      expect(
        (await kv.vaults.get('rg-kv', 'kv-one')).properties.privateEndpointConnections
      ).toHaveLength(1)
    } finally {
      await emu.stop()
    }
  })
})

// Every field the emulator serves must appear in the azure-rest-api-specs examples, or be one of
// the few that INDEX.md lists as coming from the spec definitions. The examples are vendored
// verbatim (provenance in their INDEX.md) so that this runs on every clean clone.
const EXAMPLES = fileURLToPath(new URL('./fixtures/azure-api-examples', import.meta.url))

describe('resource shapes follow the API examples', () => {
  const example = (file: string) => JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'))
  const bodyOf = (file: string) => {
    const responses = example(file).responses
    return responses['200'].body
  }
  /** All key paths of a JSON value; array items become `[]`. */
  function paths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
    if (Array.isArray(value)) {
      for (const item of value) paths(item, `${prefix}[]`, out)
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const p = prefix ? `${prefix}.${k}` : k
        out.add(p)
        paths(v, p, out)
      }
    }
    return out
  }
  const allowed = (files: string[], extra: string[] = [], fromList = false) => {
    const set = new Set<string>(extra)
    for (const f of files) {
      const b = bodyOf(f)
      const items = fromList ? b.value : [b]
      for (const item of items) paths(item, '', set)
    }
    return set
  }
  const pecProps = [
    'properties.privateEndpointConnections',
    'properties.privateEndpointConnections[].id',
    'properties.privateEndpointConnections[].etag',
    ...[...paths(bodyOf('keyvault/getPrivateEndpointConnection.json').properties)].map(
      (p) => `properties.privateEndpointConnections[].properties.${p}`
    ),
    'properties.privateEndpointConnections[].properties'
  ]
  // ManagedHsmProperties fields no example shows (managedHsm.json; see INDEX.md), and the
  // connection list items (ManagedHsm_ListPrivateEndpointConnectionsByResource.json).
  const hsmConnectionItem = bodyOf(
    'keyvault/ManagedHsm_ListPrivateEndpointConnectionsByResource.json'
  ).value[0]
  const hsmProps = [
    'properties.publicNetworkAccess',
    ...[...paths(bodyOf('keyvault/createVaultWithNetworkAcls.json').properties.networkAcls)].map(
      (p) => `properties.networkAcls.${p}`
    ),
    'properties.networkAcls',
    'properties.privateEndpointConnections',
    'properties.privateEndpointConnections[].id',
    'properties.privateEndpointConnections[].etag',
    ...[...paths(hsmConnectionItem.properties)].map(
      (p) => `properties.privateEndpointConnections[].properties.${p}`
    ),
    'properties.privateEndpointConnections[].properties'
  ]
  const rules: Record<string, Set<string>> = {
    'Microsoft.KeyVault/managedHSMs': allowed(
      ['keyvault/ManagedHsm_Get.json'],
      [...hsmProps, ...paths(bodyOf('keyvault/ManagedHsm_ListBySubscription.json').value[0])]
    ),
    'Microsoft.KeyVault/vaults': allowed(
      ['keyvault/getVault.json', 'keyvault/createVaultWithNetworkAcls.json'],
      [...pecProps, ...[...paths(bodyOf('keyvault/listVaultBySubscription.json').value[0])]]
    ),
    'Microsoft.Network/privateEndpoints': allowed(['network/PrivateEndpointGet.json']),
    'Microsoft.Network/networkInterfaces': allowed(
      ['network/NetworkInterfaceGet.json'],
      ['properties.privateEndpoint', 'properties.privateEndpoint.id']
    ),
    'Microsoft.Network/virtualNetworks': allowed(
      ['network/VirtualNetworkGet.json'],
      ['properties.dhcpOptions', 'properties.dhcpOptions.dnsServers']
    ),
    'Microsoft.Network/privateDnsZones': allowed(['privatedns/PrivateZoneGet.json']),
    'Microsoft.Network/privateDnsZones/virtualNetworkLinks': allowed(
      ['privatedns/VirtualNetworkLinkGet.json'],
      ['properties.resolutionPolicy']
    ),
    'Microsoft.Network/privateDnsZones/A': allowed(['privatedns/RecordSetAGet.json']),
    'Microsoft.Network/privateEndpoints/privateDnsZoneGroups': allowed([
      'network/PrivateEndpointDnsZoneGroupGet.json'
    ])
  }
  const typeOf = (r: { id: string; type?: string }) =>
    r.type ??
    (r.id.includes('/privateDnsZoneGroups/')
      ? 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups'
      : '?')

  test.each([
    ['sample', sampleEstate, 9],
    ['healthy', healthyEstate, 8],
    ['hsm', hsmEstate, 9]
  ])('%s estate', (_name, build, types) => {
    const extraFields: string[] = []
    const seenTypes = new Set<string>()
    for (const resource of build().resources) {
      const type = typeOf(resource)
      seenTypes.add(type)
      const rule = rules[type]
      expect(rule).toBeDefined()
      for (const p of paths(resource)) {
        const asAuto = p.replace(
          'manualPrivateLinkServiceConnections',
          'privateLinkServiceConnections'
        )
        if (!rule?.has(p) && !rule?.has(asAuto)) extraFields.push(`${type}: ${p}`)
      }
    }
    expect(extraFields).toEqual([])
    expect(seenTypes.size).toBe(types)
  })

  test("a managed HSM's connections are served as ManagedHsm_ListPrivateEndpointConnectionsByResource.json shows them", async () => {
    const emu = await startEmulator({ estate: sampleEstate() })
    try {
      const credential = credentialFor(emu)
      const token = await credential.getToken(`${emu.url}/.default`)
      const raw = await request(
        emu,
        'GET',
        `${RG_ID}/providers/Microsoft.KeyVault/managedHSMs/hsm-payments/privateEndpointConnections?api-version=2025-05-01`,
        { authorization: `Bearer ${token.token}` }
      )
      expect(raw.status).toBe(200)
      const served = JSON.parse(raw.text) as { value: unknown[] }
      expect(served.value).toHaveLength(1)
      expect([...paths(served.value[0])].sort()).toEqual([...paths(hsmConnectionItem)].sort())
    } finally {
      await emu.stop()
    }
  })

  test('the examples folder has the files this test reads', () => {
    expect(readdirSync(join(EXAMPLES, 'keyvault'))).toContain('getVault.json')
  })
})

describe('certificate serials', () => {
  test('every serial is a minimal positive DER INTEGER (OpenSSL refuses a padded one)', () => {
    // The old serial (high bit cleared only) began 00 <byte under 80> once in 256 draws.
    for (let i = 0; i < 4096; i++) {
      const first = Number.parseInt(serial().slice(0, 2), 16)
      expect(first).toBeGreaterThanOrEqual(0x01)
      expect(first).toBeLessThan(0x80)
    }
  })
})

describe('in-process CA trust and stopping', () => {
  test('trustEmulatorCa: Node with tls.setDefaultCACertificates trusts the CA process-wide; older Node throws', async () => {
    const emu = await startEmulator({ estate: healthyEstate() })
    try {
      const hasSwitch =
        typeof (tls as unknown as Record<string, unknown>).setDefaultCACertificates === 'function'
      if (!hasSwitch) {
        expect(() => trustEmulatorCa(emu)).toThrow(/tls\.setDefaultCACertificates/)
        return
      }
      trustEmulatorCa(emu)
      // No tlsOptions anywhere: the Azure SDK, MSAL and plain https now trust the emulator.
      const env = emu.env()
      const credential = new ClientAssertionCredential(
        env['INPUT_TENANT-ID'],
        env['INPUT_CLIENT-ID'],
        () => fetchIdToken(emu),
        { authorityHost: emu.url, disableInstanceDiscovery: true }
      )
      const kv = new KeyVaultManagementClient(credential, env['INPUT_SUBSCRIPTION-ID'], {
        endpoint: emu.url
      })
      expect((await kv.vaults.get('rg-secrets-prod', 'kv-orders-prod')).name).toBe('kv-orders-prod')
    } finally {
      await emu.stop()
    }
  })

  test('stop() closes the port and removes the CA file; an idle emulator stops itself', async () => {
    const emu = await startEmulator({ estate: healthyEstate() })
    await emu.stop()
    expect(emu.stopped).toBe(true)
    expect(existsSync(emu.caPath)).toBe(false)
    const err = await rejection(request(emu, 'GET', '/subscriptions'))
    expect(err.code).toBe('ECONNREFUSED')

    const idle = await startEmulator({ estate: healthyEstate(), idleTimeoutMs: 200 })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(idle.stopped).toBe(true)
    await idle.stop()
  })
})

describe('an unchanging estate (the benchmark)', () => {
  test('is served byte for byte as a changing one, lists and single reads alike, and is frozen', async () => {
    const make = () => sampleEstate()
    const changing = await startEmulator({ estate: make(), pageSize: 2 })
    const estate = make()
    const unchanging = await startEmulator({ estate, pageSize: 2, unchanging: true })
    try {
      const tokenOf = async (emu: Emulator) =>
        (await credentialFor(emu).getToken(`${emu.url}/.default`)).token
      const [a, b] = [
        { emu: changing, token: await tokenOf(changing) },
        { emu: unchanging, token: await tokenOf(unchanging) }
      ]
      const sub = `/subscriptions/${SUB}`
      const paths = [
        `${sub}/providers/Microsoft.KeyVault/vaults?api-version=2023-07-01`,
        `${sub}/providers/Microsoft.Network/privateEndpoints?api-version=2024-05-01`,
        `${sub}/providers/Microsoft.Network/networkInterfaces?api-version=2024-05-01`,
        `${ZONE_ID}/A?api-version=2024-06-01`,
        `${ZONE_ID}/virtualNetworkLinks?api-version=2024-06-01`,
        `${sub}/resources?$filter=resourceType eq 'Microsoft.Network/privateDnsZones'&api-version=2021-04-01`,
        `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-orders-prod?api-version=2023-07-01`,
        `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-missing?api-version=2023-07-01`
      ]
      let pages = 0
      for (const first of paths) {
        // Each list followed to its end: its nextLinks (which name each emulator's own URL) too.
        let path: string | undefined = first
        while (path) {
          const get = ({ emu, token }: { emu: Emulator; token: string }) =>
            request(emu, 'GET', path!.replace(/ /g, '%20'), { authorization: `Bearer ${token}` })
          const [ra, rb] = await Promise.all([get(a), get(b)])
          pages++
          expect(rb.status).toBe(ra.status)
          expect(rb.headers['content-type']).toBe(ra.headers['content-type'])
          expect(rb.text.replaceAll(unchanging.url, '<url>')).toBe(
            ra.text.replaceAll(changing.url, '<url>')
          )
          const next = (JSON.parse(ra.text) as { nextLink?: string }).nextLink
          path = next?.slice(changing.url.length)
        }
      }
      expect(pages).toBeGreaterThan(paths.length)
      expect(() => {
        ;(estate.resources[0] as { name: string }).name = 'changed'
      }).toThrow(TypeError)
    } finally {
      await Promise.all([changing.stop(), unchanging.stop()])
    }
  })
})
