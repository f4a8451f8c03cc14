// The action's Microsoft.Network reads (src/collect/network-client.ts) against the SDK clients they
// stand in for: over every emulator estate, each list and GET gives every field, at every depth,
// that @azure/arm-network's NetworkManagementClient (and, for a zone's A record sets,
// @azure/arm-privatedns's client) gives for the same answer, and ARM's errors arrive as the same
// RestError.
import { afterEach, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  NetworkManagementClient,
  type PrivateEndpoint,
  type VirtualNetwork
} from '@azure/arm-network'
import { PrivateDnsManagementClient } from '@azure/arm-privatedns'
import clientsEstate from '../../emulator/estates/clients.js'
import everyRuleEstate from '../../emulator/estates/every-rule.js'
import healthyEstate from '../../emulator/estates/healthy.js'
import hsmEstate from '../../emulator/estates/hsm.js'
import hubSpokeEstate from '../../emulator/estates/hub-spoke.js'
import sampleEstate from '../../emulator/estates/sample.js'
import {
  flattenProperties,
  NetworkReadClient,
  type NetworkReads,
  PRIVATE_DNS_API_VERSION
} from '../../src/collect/network-client.js'
import { parseResourceId } from '../../src/common/arm-id.js'
import { credentialFor, emulator, type Emulator, type Estate } from './helpers.js'

const COLLECT = join(import.meta.dirname, '../../src/collect')

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

/**
 * Fields the SDK's mappers fill in from their default values when ARM did not send them: they are
 * not Azure's answer, and no collector reads them (the last test checks).
 */
const SDK_DEFAULTS = [
  'enableDdosProtection',
  'enableVmProtection',
  'ipVersionType',
  'privateEndpointNetworkPolicies',
  'privateLinkServiceNetworkPolicies'
]

/** The SDK's answer with what JSON keeps (no undefined fields) and without its own defaults. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (key, item: unknown) =>
    SDK_DEFAULTS.includes(key) ? undefined : item
  ) as unknown

const ESTATES: [string, () => Estate][] = [
  ['every-rule', everyRuleEstate as () => Estate],
  ['healthy', healthyEstate as () => Estate],
  ['hsm', hsmEstate as () => Estate],
  ['hub-spoke', hubSpokeEstate as () => Estate],
  ['clients', clientsEstate as () => Estate],
  ['sample', sampleEstate as () => Estate]
]

describe('NetworkReadClient', () => {
  it.each(ESTATES)(
    '%s: every list and GET carries what the SDK client reads',
    async (estate, make) => {
      emu = await emulator(make())
      const credential = credentialFor(emu)
      const options = { endpoint: emu.url, credentialScopes: `${emu.url}/.default` }
      let compared = 0
      let recordSets = 0
      for (const subscriptionId of emu.estate.subscriptions as string[]) {
        const ours = new NetworkReadClient(credential, subscriptionId, {
          ...options,
          tlsOptions: emu.tlsOptions
        })
        const network = new NetworkManagementClient(credential, subscriptionId, {
          ...options,
          tlsOptions: emu.tlsOptions
        })
        const privateDns = new PrivateDnsManagementClient(credential, subscriptionId, {
          ...options,
          apiVersion: PRIVATE_DNS_API_VERSION,
          tlsOptions: emu.tlsOptions
        })
        const sdk: NetworkReads = {
          privateEndpoints: network.privateEndpoints,
          networkInterfaces: network.networkInterfaces,
          virtualNetworks: network.virtualNetworks,
          privateDnsZoneGroups: network.privateDnsZoneGroups,
          privateDnsRecordSets: {
            listA: (group, zone) => privateDns.recordSets.listByType(group, zone, 'A')
          }
        }
        const pairs: [unknown, unknown][] = []
        // The same read from both clients: a GET's answer, or a listing's items.
        const both = async <T>(
          read: (client: NetworkReads) => Promise<T> | AsyncIterable<T>
        ): Promise<[unknown, unknown]> => {
          const settle = async (answer: Promise<T> | AsyncIterable<T>) =>
            Symbol.asyncIterator in answer ? all(answer) : answer
          const pair: [unknown, unknown] = [await settle(read(ours)), await settle(read(sdk))]
          pairs.push(pair)
          return pair
        }
        const [, sdkEndpoints] = await both((c) => c.privateEndpoints.listBySubscription())
        await both((c) => c.networkInterfaces.listAll())
        const [vnets] = await both((c) => c.virtualNetworks.listAll())
        for (const pe of sdkEndpoints as PrivateEndpoint[]) {
          const { resourceGroup, name } = parseResourceId(pe.id as string)!
          await both((c) => c.privateEndpoints.get(resourceGroup, name))
          await both((c) => c.privateDnsZoneGroups.list(name, resourceGroup))
          for (const nic of pe.networkInterfaces ?? []) {
            const ref = parseResourceId(nic.id as string)!
            await both((c) => c.networkInterfaces.get(ref.resourceGroup, ref.name))
          }
        }
        for (const vnet of vnets as VirtualNetwork[]) {
          const { resourceGroup, name } = parseResourceId(vnet.id as string)!
          await both((c) => c.virtualNetworks.get(resourceGroup, name))
          await both((c) => c.virtualNetworks.list(resourceGroup))
        }
        for (const zone of await all(privateDns.privateZones.list())) {
          const { resourceGroup } = parseResourceId(zone.id as string)!
          const [records] = await both((c) =>
            c.privateDnsRecordSets.listA(resourceGroup, zone.name!)
          )
          recordSets += (records as unknown[]).length
        }
        for (const [mine, theirs] of pairs) {
          expect(mine).toMatchObject(plain(theirs) as object)
          compared++
        }
      }
      expect(compared).toBeGreaterThan(3)
      // Every estate but the HSM-only one has a zone with A records.
      if (estate !== 'hsm') expect(recordSets).toBeGreaterThan(0)
    }
  )

  it("an ARM error is the SDK's RestError: status, ARM's code and message", async () => {
    emu = await emulator(healthyEstate() as Estate)
    const [subscriptionId] = emu.estate.subscriptions as [string]
    const ours = new NetworkReadClient(credentialFor(emu), subscriptionId, {
      endpoint: emu.url,
      credentialScopes: `${emu.url}/.default`,
      tlsOptions: emu.tlsOptions
    })
    const [pe] = await all(ours.privateEndpoints.listBySubscription())
    const { resourceGroup } = parseResourceId(pe!.id as string)!
    const error: unknown = await ours.privateEndpoints
      .get(resourceGroup, 'pe-missing')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      name: 'RestError',
      statusCode: 404,
      code: 'ResourceNotFound',
      message: expect.stringMatching(/pe-missing/)
    })
  })

  it("no collector reads a field that only the SDK's defaults would have set", () => {
    const sources = readdirSync(COLLECT)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(COLLECT, f), 'utf8'))
      .join('\n')
    expect(sources.length).toBeGreaterThan(10_000)
    for (const field of SDK_DEFAULTS) expect(sources).not.toContain(field)
  })

  it('flattenProperties lifts `properties` at every depth, leaves tags alone, keeps outer names', () => {
    expect(
      flattenProperties({
        id: 'a',
        tags: { properties: 'user' },
        properties: {
          id: 'inner',
          list: [{ name: 'x', properties: { ip: '10.0.0.4' } }],
          plain: { fqdn: 'kv.vault.azure.net' }
        }
      })
    ).toEqual({
      id: 'a',
      tags: { properties: 'user' },
      list: [{ name: 'x', ip: '10.0.0.4' }],
      plain: { fqdn: 'kv.vault.azure.net' }
    })
  })
})
