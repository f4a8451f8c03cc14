/**
 * Client VNets and the DNS path (guide §6, §8): VNET-PEERING-NOT-CONNECTED, VNET-NO-ROUTE-TO-PE,
 * DNS-FORWARDING-RULE, DNS-FORWARDING-LOOP. The VNets that must resolve the vault and their DNS
 * paths come from `resolving` (dns.ts, over model/dns-path.ts); these rules judge what is there.
 */
import type { ReadFailure, VirtualNetworkPeeringSnapshot } from '../../collect/snapshot.js'
import { idKey, sameId } from '../../collect/snapshot.js'
import { describePath, vnetName, type DnsPath, type ResolvingVnet } from '../../model/dns-path.js'
import type { VnetGroup } from '../../model/model.js'
import { list, sameText } from '../../common/names.js'
import {
  forwardingRuleDisable,
  peeringCreate,
  peeringDelete,
  rulesetLinkDelete,
  steps
} from '../fixes.js'
import { defineRule, perTarget, type Outcomes, type TargetContext } from '../rule.js'
import { resolving } from './dns.js'

const EXTENSION_NOTE =
  '`az dns-resolver` is an Azure CLI extension: install it first with az extension add --name dns-resolver'

// ---- Peerings -----------------------------------------------------------------------------

interface Side {
  vnetId: string
  name: string
  /** The peering from this side to the other; null: none; undefined: this side was not read. */
  peering: VirtualNetworkPeeringSnapshot | null | undefined
  failure: ReadFailure | null
}

interface Pairing {
  client: ResolvingVnet
  group: VnetGroup
  ours: Side
  theirs: Side
}

function side(ctx: TargetContext, from: string, to: string): Side {
  const vnet = ctx.snapshot.virtualNetworks[idKey(from)]
  const name = vnetName(ctx.snapshot, from)
  if (!vnet) return { vnetId: from, name, peering: undefined, failure: null }
  if ('failure' in vnet) return { vnetId: from, name, peering: undefined, failure: vnet.failure }
  const peering =
    (vnet.peerings ?? []).find((candidate) => sameId(candidate.remoteVirtualNetworkId, to)) ?? null
  return { vnetId: from, name, peering, failure: null }
}

const connected = (s: Side): boolean => sameText(s.peering?.peeringState, 'Connected')

/** Each client VNet (holding no effective PE of the vault) with each of the PEs' VNets. */
const pairings = perTarget((ctx: TargetContext): Pairing[] => {
  const result: Pairing[] = []
  for (const client of resolving(ctx)) {
    if (ctx.model.vnets.some((group) => sameId(group.vnetId, client.vnetId))) continue
    for (const group of ctx.model.vnets) {
      result.push({
        client,
        group,
        ours: side(ctx, client.vnetId, group.vnetId),
        theirs: side(ctx, group.vnetId, client.vnetId)
      })
    }
  }
  return result
})

function stateOf(s: Side): string {
  if (s.peering === undefined) return `${s.name}: not read`
  if (s.peering === null) return `${s.name}: no peering to the other side`
  return `${s.name}: peering ${s.peering.name} ${s.peering.peeringState ?? 'state unknown'}`
}

function peeringFix(pair: Pairing): string {
  const lines: string[] = []
  for (const [here, there] of [
    [pair.ours, pair.theirs],
    [pair.theirs, pair.ours]
  ] as const) {
    if (here.peering === null) lines.push(peeringCreate(here.vnetId, there.vnetId))
    else if (here.peering && sameText(here.peering.peeringState, 'Disconnected')) {
      // A Disconnected peering never recovers: the other side was deleted. Recreate it.
      lines.push(peeringDelete(here.vnetId, here.peering.name))
      lines.push(peeringCreate(here.vnetId, there.vnetId))
    }
  }
  return steps(...lines)
}

function peeringNotConnected(ctx: TargetContext, out: Outcomes): void {
  const { model } = ctx
  for (const pair of pairings(ctx)) {
    const { ours, theirs, client, group } = pair
    const mark = out.forClients(client.vnetId)
    if (ours.peering === null && theirs.peering === null) continue // no peering: VNET-NO-ROUTE-TO-PE
    if (ours.peering === undefined || theirs.peering === undefined) {
      out.notRun(ours.failure, theirs.failure)
      continue
    }
    const observed = `${stateOf(ours)}; ${stateOf(theirs)}`
    const expected = 'Connected on both sides'
    if (connected(ours) && connected(theirs)) {
      mark.pass({
        resource: (ours.peering ?? theirs.peering)?.id ?? client.vnetId,
        message: `Client VNet ${client.name} and VNet ${group.name} (private endpoint of ${model.names.label} ${model.vault.name}) are peered, Connected on both sides`,
        observed,
        expected
      })
      continue
    }
    const missing = [ours, theirs].find((s) => s.peering === null)
    const disconnected = [ours, theirs].filter((s) =>
      sameText(s.peering?.peeringState, 'Disconnected')
    )
    mark.finding({
      resource: (ours.peering ?? theirs.peering)?.id ?? client.vnetId,
      message:
        `Client VNet ${client.name} is peered with VNet ${group.name}, which holds private endpoint ` +
        `${group.pes.map((item) => item.pe.name).join(', ')} of ${model.names.label} ${model.vault.name} (${list(group.ips)}), ` +
        `but the peering is not Connected (${observed}): clients in ${client.name} cannot reach the private endpoint. ` +
        [
          missing
            ? `Create the missing side in ${missing.name} (a peering stays Initiated until both sides exist)`
            : null,
          disconnected.length > 0
            ? `delete and recreate the Disconnected side in ${list(disconnected.map((s) => s.name))} (its other side was deleted at some point)`
            : null
        ]
          .filter((part): part is string => part !== null)
          .join('; ')
          .replace(/^d/, 'D'),
      observed,
      expected,
      fix: peeringFix(pair)
    })
  }
}

function noRouteToPe(ctx: TargetContext, out: Outcomes): void {
  const { model } = ctx
  const byClient = new Map<string, Pairing[]>()
  for (const pair of pairings(ctx)) {
    const key = idKey(pair.client.vnetId)
    byClient.set(key, [...(byClient.get(key) ?? []), pair])
  }
  for (const pairs of byClient.values()) {
    const client = pairs[0]?.client
    const first = pairs[0]
    if (!client || !first) continue
    const mark = out.forClients(client.vnetId)
    const unread = pairs.filter(
      (p) => p.ours.peering === undefined || p.theirs.peering === undefined
    )
    if (unread.length > 0) {
      out.notRun(...unread.flatMap((p) => [p.ours.failure, p.theirs.failure]))
      continue
    }
    const direct = pairs.filter((p) => connected(p.ours) && connected(p.theirs))
    if (direct.length > 0) {
      mark.pass({
        resource: client.vnetId,
        message: `Client VNet ${client.name} is peered (Connected) with ${list(direct.map((p) => p.group.name))}, where the private endpoints of ${model.names.label} ${model.vault.name} are`,
        observed: `peered with ${list(direct.map((p) => p.group.name))}`,
        expected: "the PE's VNet, or peered Connected with it"
      })
      continue
    }
    // A peering that exists but is not Connected is VNET-PEERING-NOT-CONNECTED's.
    if (pairs.some((p) => p.ours.peering || p.theirs.peering)) continue
    const peVnets = pairs.map((p) => p.group.name)
    mark.finding({
      resource: client.vnetId,
      message:
        `Client VNet ${client.name} gets ${model.names.label} ${model.vault.name}'s private endpoint IP ` +
        `(${list([...new Set(pairs.flatMap((p) => p.group.ips))])}) in ${list(peVnets)}, but is neither part of ` +
        `nor directly peered with ${peVnets.length === 1 ? 'it' : 'them'}: traffic needs a route (a hub firewall, ` +
        `a gateway, Virtual WAN) that the control plane does not show. If such a route exists on purpose, check it ` +
        `with the inside probe from ${client.name} and ignore this rule for the vault (VNET-NO-ROUTE-TO-PE@${model.vault.name}); ` +
        `else peer the VNets`,
      observed: `no peering with ${list(peVnets)}`,
      expected: "the PE's VNet, or peered Connected with it",
      fix: steps(
        peeringCreate(client.vnetId, first.group.vnetId),
        peeringCreate(first.group.vnetId, client.vnetId)
      )
    })
  }
}

// ---- Forwarding rulesets ------------------------------------------------------------------

interface PathOf {
  vnet: ResolvingVnet
  path: DnsPath
}

function paths(ctx: TargetContext): PathOf[] {
  if (ctx.model.effective.length === 0) return []
  return resolving(ctx).flatMap((vnet) => vnet.paths.map((path) => ({ vnet, path })))
}

function lastRule(path: DnsPath) {
  for (let i = path.hops.length - 1; i >= 0; i--) {
    const hop = path.hops[i]
    if (hop?.kind === 'rule') return hop
  }
  return null
}

function forwardingRule(ctx: TargetContext, out: Outcomes): void {
  const { model, snapshot } = ctx
  const all = paths(ctx)
  const hits = new Map<string, PathOf[]>()
  for (const item of all) {
    out.notRun(...item.path.blockers)
    if (item.path.end !== 'unfollowed') continue
    const last = item.path.hops[item.path.hops.length - 1]
    const rule = lastRule(item.path)
    // Only a server reached through a rule: VNET-CUSTOM-DNS speaks of the VNet's own servers.
    if (
      !rule ||
      last?.kind !== 'unknown' ||
      item.path.hops.indexOf(rule) !== item.path.hops.length - 2
    )
      continue
    const key = idKey(rule.rule.id)
    hits.set(key, [...(hits.get(key) ?? []), item])
  }
  for (const items of hits.values()) {
    const first = items[0]
    const hop = first ? lastRule(first.path) : null
    if (!first || !hop) continue
    const vnets = [...new Set(items.map((item) => item.vnet.name))]
    const targets = hop.rule.targets.map((t) => `${t.ipAddress}:${t.port}`)
    out.finding({
      resource: hop.rule.id,
      message:
        `DNS forwarding ruleset ${hop.ruleset.name}, linked to VNet ${vnetName(snapshot, hop.vnetId)}, has an enabled rule ` +
        `${hop.rule.name} for ${hop.rule.domainName} that takes ${hop.matched} and sends it to ${list(targets)}, outside ` +
        `every known VNet (DNS path: ${describePath(snapshot, first.vnet.vnetId, first.path)}). Private resolution of ` +
        `${model.vault.name} for ${list(vnets)} now depends on those servers forwarding ${model.names.zone} back to a ` +
        `DNS private resolver inbound endpoint in a VNet linked to the zone. If they do not, disable the rule (or narrow ` +
        `it so that it no longer covers ${model.hostname}); ${EXTENSION_NOTE}`,
      observed: `rule ${hop.rule.name}: ${hop.rule.domainName} → ${list(targets)}`,
      expected: `${model.hostname} answered by Azure DNS in a VNet linked to ${model.names.zone}`,
      fix: forwardingRuleDisable(hop.ruleset.id, hop.rule.name)
    })
  }
  if (hits.size === 0 && all.length > 0) {
    const ruled = all.filter((item) => lastRule(item.path))
    out.pass({
      resource: model.vault.id,
      message:
        ruled.length === 0
          ? `No DNS forwarding rule on the DNS path of ${list([...new Set(all.map((item) => item.vnet.name))])} takes ${model.hostname}`
          : `Every forwarding rule on the DNS paths that takes ${model.hostname} leads to a server the action could follow`,
      observed:
        ruled.length === 0
          ? 'no forwarding rule applies'
          : `${ruled.length} path(s) through a forwarding rule`,
      expected: 'no rule sends the vault to servers that cannot be followed'
    })
  }
}

function forwardingLoop(ctx: TargetContext, out: Outcomes): void {
  const { model, snapshot } = ctx
  const all = paths(ctx)
  const reported = new Set<string>()
  let loops = 0
  for (const item of all) {
    if (item.path.end === 'unread') out.notRun(...item.path.blockers)
    if (item.path.end !== 'loop' && item.path.end !== 'too-long') continue
    loops++
    const hop = lastRule(item.path)
    const key = hop ? idKey(hop.rule.id) : idKey(item.vnet.vnetId)
    if (reported.has(key)) continue
    reported.add(key)
    const loopAt = item.path.loopAt
    const link =
      hop && loopAt
        ? hop.ruleset.vnetLinks.find((candidate) => sameId(candidate.virtualNetworkId, loopAt))
        : undefined
    const where = describePath(snapshot, item.vnet.vnetId, item.path)
    out.finding({
      resource: hop?.rule.id ?? item.vnet.vnetId,
      message:
        (item.path.end === 'loop'
          ? `The DNS path of VNet ${item.vnet.name} for ${model.hostname} comes back to VNet ${loopAt ? vnetName(snapshot, loopAt) : '?'}, which it already passed`
          : `The DNS path of VNet ${item.vnet.name} for ${model.hostname} takes more than 4 hops`) +
        ` (${where}): queries for ${model.names.label} ${model.vault.name} go round until they time out and fail. ` +
        (hop
          ? link
            ? `Forwarding rule ${hop.rule.name} of ruleset ${hop.ruleset.name} sends them to an inbound endpoint whose own VNet is linked to that ruleset: ` +
              `unlink the ruleset from ${vnetName(snapshot, link.virtualNetworkId)} (a resolver's inbound endpoint must not sit in a VNet that the ruleset applies to); ${EXTENSION_NOTE}`
            : `Disable forwarding rule ${hop.rule.name} of ruleset ${hop.ruleset.name}, or point it at servers that answer; ${EXTENSION_NOTE}`
          : 'Point the DNS servers along the path at a DNS private resolver inbound endpoint instead'),
      observed: where,
      expected: 'a DNS path that ends where Azure DNS answers',
      fix: hop
        ? link
          ? rulesetLinkDelete(hop.ruleset.id, link.name)
          : forwardingRuleDisable(hop.ruleset.id, hop.rule.name)
        : null
    })
  }
  if (loops === 0 && all.length > 0) {
    out.pass({
      resource: model.vault.id,
      message: `No DNS path of the VNets that must resolve ${model.vault.name} comes back on itself`,
      observed: `${all.length} path(s), none looping`,
      expected: 'no loop'
    })
  }
}

export const CLIENT_VNET_RULES = [
  defineRule({
    id: 'VNET-PEERING-NOT-CONNECTED',
    severity: 'error',
    title: 'Peering with the endpoint VNet not connected',
    summary: "A client VNet's peering with a PE's VNet is not `Connected`.",
    section: 'other',
    needs: ['private-endpoint', 'virtual-network'],
    scope: 'target',
    check: peeringNotConnected
  }),
  defineRule({
    id: 'VNET-NO-ROUTE-TO-PE',
    severity: 'warning',
    title: 'No direct route from the client VNet to the endpoint',
    summary: "A client VNet is neither the PE's VNet nor peered with it.",
    section: 'other',
    needs: ['private-endpoint', 'virtual-network'],
    scope: 'target',
    check: noRouteToPe
  })
]

export const DNS_PATH_RULES = [
  defineRule({
    id: 'DNS-FORWARDING-RULE',
    severity: 'warning',
    title: 'Forwarding rule sends the vault elsewhere',
    summary:
      'A forwarding rule on the DNS path sends the vault to servers that cannot be followed.',
    section: 'other',
    needs: ['private-endpoint', 'virtual-network', 'dns-path'],
    scope: 'target',
    check: forwardingRule
  }),
  defineRule({
    id: 'DNS-FORWARDING-LOOP',
    severity: 'error',
    title: 'DNS path loops',
    summary: 'The DNS path comes back to a VNet it already passed.',
    section: 'other',
    needs: ['private-endpoint', 'virtual-network', 'dns-path'],
    scope: 'target',
    check: forwardingLoop
  })
]
