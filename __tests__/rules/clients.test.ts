// The DNS path as a pure function of the snapshot, and the client VNet rules over it.
import { describe, expect, test } from '@jest/globals'
import type { DnsPathSnapshot, Snapshot } from '../../src/collect/snapshot.js'
import { evaluate } from '../../src/evaluate/evaluate.js'
import { answeringVnets, dnsPaths, MAX_HOPS, matchingRule } from '../../src/model/dns-path.js'
import {
  failure,
  healthy,
  makeVnet,
  of,
  options,
  one,
  problems,
  run,
  SUB,
  vnetIdOf
} from '../helpers/snapshot-builder.js'

const NAMES = ['kv1.vault.azure.net', 'kv1.privatelink.vaultcore.azure.net']

function withPath(snapshot: Snapshot, over: Partial<DnsPathSnapshot> = {}): DnsPathSnapshot {
  const path: DnsPathSnapshot = {
    subscriptions: [`/subscriptions/${SUB}`],
    resolvers: [],
    rulesets: [],
    failures: [],
    clientVnets: [],
    peered: false,
    ...over
  }
  snapshot.dnsPath = path
  return path
}

/** A hub with a resolver (inbound 10.9.0.4) beside the builder's vnet-app (10.1.0.0/16). */
function hubAndSpoke() {
  const h = healthy()
  const hub = makeVnet(h.snapshot, 'vnet-hub', { addressPrefixes: ['10.9.0.0/16'] })
  const path = withPath(h.snapshot, {
    resolvers: [
      {
        id: `${hub.id.replace(/virtualNetworks\/vnet-hub$/, 'dnsResolvers/dnspr')}`,
        name: 'dnspr',
        virtualNetworkId: hub.id,
        inboundEndpoints: [{ id: 'in', name: 'inbound', ips: ['10.9.0.4'] }],
        inboundEndpointsFailure: null
      }
    ]
  })
  return { ...h, hub, path }
}

function ruleset(vnetId: string, domainName: string, targets: string[], state = 'Enabled') {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/dnsForwardingRulesets/frs`,
    name: 'frs',
    rules: [
      {
        id: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/dnsForwardingRulesets/frs/forwardingRules/r1`,
        name: 'r1',
        domainName,
        state,
        targets: targets.map((ipAddress) => ({ ipAddress, port: 53 }))
      }
    ],
    rulesFailure: null,
    vnetLinks: [{ id: 'link', name: 'link-hub', virtualNetworkId: vnetId }],
    vnetLinksFailure: null
  }
}

describe('the DNS path', () => {
  test('Azure-provided DNS (none, or only 168.63.129.16): answered in the VNet itself', () => {
    const h = healthy()
    for (const servers of [[], ['168.63.129.16']]) {
      h.vnet.dnsServers = servers
      const paths = dnsPaths(h.snapshot, h.vnet.id, NAMES)
      expect(paths.map((p) => p.end)).toEqual(['answered'])
      expect(answeringVnets(paths)).toEqual([h.vnet.id])
    }
  })

  test('an inbound endpoint: answered in the resolver VNet; a forwarder: assumed, in its VNet; other: not followed', () => {
    const h = hubAndSpoke()
    h.vnet.dnsServers = ['10.9.0.4', '10.9.5.5', '192.168.1.1']
    const paths = dnsPaths(h.snapshot, h.vnet.id, NAMES)
    expect(paths.map((p) => [p.end, p.hops[0]?.kind])).toEqual([
      ['answered', 'resolver'],
      ['answered', 'forwarder'],
      ['unfollowed', 'unknown']
    ])
    expect(paths[1]?.assumed[0]).toContain('10.9.5.5 (in VNet vnet-hub) is assumed to forward')
    expect(answeringVnets(paths)).toEqual([h.hub.id])
  })

  test('rules: disabled ones are skipped, the longest match wins, hostname before alias', () => {
    const h = hubAndSpoke()
    const broad = ruleset(h.hub.id, '.', ['192.168.0.1'])
    const narrow = ruleset(h.hub.id, 'privatelink.vaultcore.azure.net.', ['10.9.5.5'])
    const off = ruleset(h.hub.id, 'vaultcore.azure.net.', ['192.168.0.2'], 'Disabled')
    h.path.rulesets = [
      {
        ...broad,
        rules: [
          ...broad.rules,
          ...narrow.rules.map((r) => ({ ...r, name: 'r2' })),
          ...off.rules.map((r) => ({ ...r, name: 'r3' }))
        ]
      }
    ]
    // The root rule takes the hostname itself before the alias is ever asked.
    expect(matchingRule(h.snapshot, h.hub.id, NAMES)?.rule.name).toBe('r1')
    expect(matchingRule(h.snapshot, h.hub.id, [NAMES[1] as string])?.rule.name).toBe('r2')
    expect(matchingRule(h.snapshot, h.vnet.id, NAMES)).toBeNull() // not linked there
  })

  test('a rule to the inbound endpoint of the VNet it applies in: a loop; never more than 4 hops', () => {
    const h = hubAndSpoke()
    h.vnet.dnsServers = ['10.9.0.4']
    h.path.rulesets = [ruleset(h.hub.id, 'vaultcore.azure.net.', ['10.9.0.4'])]
    const [path] = dnsPaths(h.snapshot, h.vnet.id, NAMES)
    expect(path?.end).toBe('loop')
    expect(path?.loopAt).toBe(h.hub.id)
    expect(path?.hops.length).toBeLessThanOrEqual(MAX_HOPS + 1)
    const f = one(run(h.snapshot), 'DNS-FORWARDING-LOOP')
    expect(f.severity).toBe('error')
    expect(f.fix).toContain('az dns-resolver vnet-link delete')
  })

  test('an unreadable VNet: the path is unread, with its failure', () => {
    const h = healthy()
    const denied = failure('denied', h.vnet.id)
    h.snapshot.virtualNetworks[h.vnet.id.toLowerCase()] = { failure: denied }
    const [path] = dnsPaths(h.snapshot, h.vnet.id, NAMES)
    expect(path?.end).toBe('unread')
    expect(path?.blockers).toEqual([denied])
  })
})

describe('the DNS rules judged on the answering VNet', () => {
  test('the zone linked to the hub only serves the spoke that resolves there: no false DNS-LINK-MISSING', () => {
    const h = hubAndSpoke()
    h.vnet.dnsServers = ['10.9.0.4']
    h.link.virtualNetworkId = h.hub.id
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual([])
    expect(one(findings, 'DNS-LINK-MISSING', 'pass').message).toContain(
      'is linked to VNet vnet-hub, where Azure DNS answers for VNet vnet-app'
    )
  })

  test('the zone linked to the spoke but the spoke resolves in the hub: link the hub', () => {
    const h = hubAndSpoke()
    h.vnet.dnsServers = ['10.9.0.4']
    const f = one(run(h.snapshot), 'DNS-LINK-MISSING', 'error')
    expect(f.message).toContain(
      'is not linked to VNet vnet-hub, where Azure DNS answers for VNet vnet-app'
    )
    expect(f.fix).toContain(`-v ${h.hub.id} -e false`)
  })

  test('a client VNet named in client-vnets is judged too; without a PE of the vault it gets any PE IP', () => {
    const h = healthy()
    const client = makeVnet(h.snapshot, 'vnet-client', { addressPrefixes: ['10.7.0.0/16'] })
    withPath(h.snapshot, { clientVnets: [client.id] })
    const findings = run(h.snapshot)
    const missing = of(findings, 'DNS-LINK-MISSING', 'error')
    expect(missing).toHaveLength(1)
    expect(missing[0]?.message).toContain('VNet vnet-client')
    expect(missing[0]?.fix).toContain(`-v ${vnetIdOf('vnet-client')} -e false`)
    // No peering either way: no route to the PE.
    expect(one(findings, 'VNET-NO-ROUTE-TO-PE').severity).toBe('warning')
  })

  test("with probe: inside, this runner's VNet is a client of the run; an address in no VNet read is none", () => {
    const h = healthy()
    makeVnet(h.snapshot, 'vnet-runners', { addressPrefixes: ['10.7.0.0/16'] })
    withPath(h.snapshot)
    const probe = (runnerAddresses: string[], mode: 'inside' | 'outside' = 'inside') =>
      evaluate(h.snapshot, { mode, timeoutSeconds: 2, runnerAddresses, vaults: [] }, options(), [])
    const f = one(probe(['10.7.0.9']), 'DNS-LINK-MISSING', 'error')
    expect(f.message).toContain("VNet vnet-runners (this runner's VNet, a client of key vault kv1)")
    expect(f.fix).toContain(`-v ${vnetIdOf('vnet-runners')} -e false`)
    expect(problems(probe(['172.16.0.9']))).toEqual([])
    expect(problems(probe(['10.7.0.9'], 'outside'))).toEqual([])
  })
})
