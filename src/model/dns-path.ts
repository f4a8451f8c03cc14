/**
 * The DNS path of a VNet that must resolve a target, as a pure function of the snapshot (the
 * contract's "Client VNets and the DNS path"): from the VNet's DNS servers, through DNS private
 * resolver inbound endpoints, forwarder VMs and forwarding rulesets, to the VNet where Azure DNS
 * answers (the answering VNet), whose linked privatelink zone then serves the client. It decides
 * nothing: the rules judge what it finds.
 */
import type {
  DnsResolverSnapshot,
  ForwardingRuleSnapshot,
  ForwardingRulesetSnapshot,
  ReadFailure,
  Snapshot,
  VirtualNetworkSnapshot
} from '../collect/snapshot.js'
import { idKey, sameId } from '../collect/snapshot.js'
import { nameOf } from '../common/arm-id.js'
import { AZURE_PLATFORM_IP, inPrefixes } from '../common/ip.js'
import { dnsName, sameText } from '../common/names.js'

/** The most hops a path may take (the contract: at most 4). */
export const MAX_HOPS = 4

export type Hop =
  /** Azure DNS (168.63.129.16) asked from this VNet. */
  | { kind: 'azure-dns'; vnetId: string }
  /** A DNS server that is a resolver's inbound endpoint: Azure DNS answers in its VNet. */
  | { kind: 'resolver'; server: string; resolver: DnsResolverSnapshot; endpoint: string }
  /** A server inside a known VNet's address space: assumed to forward to Azure DNS there. */
  | { kind: 'forwarder'; server: string; vnetId: string }
  /** A forwarding rule of a ruleset linked to the VNet where Azure DNS was asked. */
  | {
      kind: 'rule'
      vnetId: string
      ruleset: ForwardingRulesetSnapshot
      rule: ForwardingRuleSnapshot
      /** The name the rule matched: the hostname or its privatelink alias. */
      matched: string
    }
  /** A server outside every known VNet and not an inbound endpoint: not followed. */
  | { kind: 'unknown'; server: string }

export type PathEnd =
  /** Azure DNS answers in `answering`. */
  | 'answered'
  /** A server the action cannot follow (on premises, unknown). */
  | 'unfollowed'
  /** Back to a VNet the path already passed. */
  | 'loop'
  /** More than MAX_HOPS hops. */
  | 'too-long'
  /** A VNet on the way could not be read. */
  | 'unread'

export interface DnsPath {
  hops: Hop[]
  end: PathEnd
  /** The VNet where Azure DNS answers (end `answered`). */
  answering: string | null
  /** For `loop`: the VNet the path came back to. */
  loopAt: string | null
  /** What was assumed on the way (forwarders), in words. */
  assumed: string[]
  /** Reads that could have changed the path (failed listings, unreadable rules or links). */
  blockers: ReadFailure[]
}

/** A VNet that must resolve the target, and why. */
export interface ResolvingVnet {
  vnetId: string
  name: string
  vnet: VirtualNetworkSnapshot | { failure: ReadFailure } | undefined
  /** `endpoint`: holds an effective PE; `client`: named in client-vnets; `peered`: peered with a PE's VNet; `runner`: this runner's. */
  why: 'endpoint' | 'client' | 'peered' | 'runner'
  paths: DnsPath[]
}

function knownVnets(snapshot: Snapshot): VirtualNetworkSnapshot[] {
  return Object.values(snapshot.virtualNetworks).filter(
    (v): v is VirtualNetworkSnapshot => !('failure' in v)
  )
}

/** The resolver whose inbound endpoint has `ip`, if any. */
function inboundEndpointOf(
  snapshot: Snapshot,
  ip: string
): { resolver: DnsResolverSnapshot; endpoint: string } | null {
  for (const resolver of snapshot.dnsPath?.resolvers ?? []) {
    for (const endpoint of resolver.inboundEndpoints) {
      if (endpoint.ips.includes(ip)) return { resolver, endpoint: endpoint.name }
    }
  }
  return null
}

function vnetHoldingIp(snapshot: Snapshot, ip: string): VirtualNetworkSnapshot | null {
  return knownVnets(snapshot).find((vnet) => inPrefixes(ip, vnet.addressPrefixes)) ?? null
}

/** `vault.azure.net.` → `vault.azure.net`; `.` → `` (the root matches every name). */
function ruleDomain(domain: string): string {
  return dnsName(domain)
}

function ruleMatches(domain: string, name: string): boolean {
  const d = ruleDomain(domain)
  return d === '' || name === d || name.endsWith(`.${d}`)
}

/**
 * The enabled rule that takes a query for `names` (hostname first, then its alias) in `vnetId`:
 * the longest match among the rulesets linked to it.
 */
export function matchingRule(
  snapshot: Snapshot,
  vnetId: string,
  names: string[]
): { ruleset: ForwardingRulesetSnapshot; rule: ForwardingRuleSnapshot; matched: string } | null {
  const linked = (snapshot.dnsPath?.rulesets ?? []).filter((ruleset) =>
    ruleset.vnetLinks.some((link) => sameId(link.virtualNetworkId, vnetId))
  )
  for (const name of names) {
    let best: { ruleset: ForwardingRulesetSnapshot; rule: ForwardingRuleSnapshot } | null = null
    for (const ruleset of linked) {
      for (const rule of ruleset.rules) {
        if (rule.state !== null && !sameText(rule.state, 'Enabled')) continue
        if (!ruleMatches(rule.domainName, name)) continue
        if (!best || ruleDomain(rule.domainName).length > ruleDomain(best.rule.domainName).length)
          best = { ruleset, rule }
      }
    }
    if (best) return { ...best, matched: name }
  }
  return null
}

/** Reads whose failure leaves the rulesets that apply in `vnetId` uncertain. */
function rulesetBlockers(snapshot: Snapshot, vnetId: string): ReadFailure[] {
  const blockers: ReadFailure[] = []
  for (const ruleset of snapshot.dnsPath?.rulesets ?? []) {
    if (ruleset.vnetLinksFailure) blockers.push(ruleset.vnetLinksFailure)
    else if (
      ruleset.rulesFailure &&
      ruleset.vnetLinks.some((link) => sameId(link.virtualNetworkId, vnetId))
    )
      blockers.push(ruleset.rulesFailure)
  }
  return blockers
}

/**
 * Every path from `vnetId`'s DNS servers (one per server; one for Azure-provided DNS) for a query
 * of `names` (the target's hostname, then its privatelink alias).
 */
export function dnsPaths(snapshot: Snapshot, vnetId: string, names: string[]): DnsPath[] {
  const vnet = snapshot.virtualNetworks[idKey(vnetId)]
  if (!vnet || 'failure' in vnet) {
    return [
      {
        hops: [],
        end: 'unread',
        answering: null,
        loopAt: null,
        assumed: [],
        blockers: vnet && 'failure' in vnet ? [vnet.failure] : []
      }
    ]
  }
  const listingFailures = snapshot.dnsPath?.failures ?? []
  const servers = vnet.dnsServers.map((s) => s.trim()).filter((s) => s !== '')
  const custom = servers.filter((s) => s !== AZURE_PLATFORM_IP)
  const starts = custom.length === 0 ? [null] : custom

  return starts.map((server) => {
    const path: DnsPath = {
      hops: [],
      end: 'answered',
      answering: null,
      loopAt: null,
      assumed: [],
      blockers: []
    }
    const visited = new Set<string>()

    const azureDnsIn = (at: string): void => {
      if (visited.has(idKey(at))) {
        path.end = 'loop'
        path.loopAt = at
        return
      }
      if (path.hops.length >= MAX_HOPS) {
        path.end = 'too-long'
        return
      }
      visited.add(idKey(at))
      path.hops.push({ kind: 'azure-dns', vnetId: at })
      path.blockers.push(...rulesetBlockers(snapshot, at))
      const hit = matchingRule(snapshot, at, names)
      if (!hit) {
        path.answering = at
        return
      }
      path.hops.push({ kind: 'rule', vnetId: at, ...hit })
      // Several targets: the first is followed (the resolver tries them in order).
      const target = hit.rule.targets[0]
      if (!target) {
        path.end = 'unfollowed'
        return
      }
      toServer(target.ipAddress)
    }

    const toServer = (ip: string): void => {
      const inbound = inboundEndpointOf(snapshot, ip)
      if (inbound?.resolver.virtualNetworkId) {
        path.hops.push({ kind: 'resolver', server: ip, ...inbound })
        azureDnsIn(inbound.resolver.virtualNetworkId)
        return
      }
      const holder = vnetHoldingIp(snapshot, ip)
      if (holder) {
        path.hops.push({ kind: 'forwarder', server: ip, vnetId: holder.id })
        path.assumed.push(
          `${ip} (in VNet ${holder.name}) is assumed to forward to Azure DNS (${AZURE_PLATFORM_IP})`
        )
        azureDnsIn(holder.id)
        return
      }
      path.hops.push({ kind: 'unknown', server: ip })
      path.end = 'unfollowed'
      // A failed listing may have hidden the VNet or resolver that holds it.
      path.blockers.push(...listingFailures)
    }

    if (server === null) azureDnsIn(vnet.id)
    else toServer(server)
    return path
  })
}

/** The VNets where Azure DNS answers for `paths` (deduplicated, in order). */
export function answeringVnets(paths: DnsPath[]): string[] {
  const seen = new Map<string, string>()
  for (const path of paths) {
    if (path.end === 'answered' && path.answering && !seen.has(idKey(path.answering)))
      seen.set(idKey(path.answering), path.answering)
  }
  return [...seen.values()]
}

/** The name of a VNet of the snapshot (its last ID segment when unknown). */
export function vnetName(snapshot: Snapshot, vnetId: string): string {
  const vnet = snapshot.virtualNetworks[idKey(vnetId)]
  return vnet && !('failure' in vnet) ? vnet.name : nameOf(vnetId)
}

/** A path in words: `vnet-spoke → 10.0.0.4 (resolver dnspr-hub) → Azure DNS in vnet-hub`. */
export function describePath(snapshot: Snapshot, from: string, path: DnsPath): string {
  const parts = [vnetName(snapshot, from)]
  for (const hop of path.hops) {
    switch (hop.kind) {
      case 'azure-dns':
        parts.push(`Azure DNS in ${vnetName(snapshot, hop.vnetId)}`)
        break
      case 'resolver':
        parts.push(`${hop.server} (inbound endpoint of DNS private resolver ${hop.resolver.name})`)
        break
      case 'forwarder':
        parts.push(`${hop.server} (a DNS server in ${vnetName(snapshot, hop.vnetId)})`)
        break
      case 'rule':
        parts.push(
          `forwarding rule ${hop.rule.name} (${hop.rule.domainName}) of ruleset ${hop.ruleset.name}`
        )
        break
      case 'unknown':
        parts.push(`${hop.server} (outside every known VNet)`)
        break
    }
  }
  return parts.join(' → ')
}

/**
 * The VNets that must resolve the target: those of its effective PEs (`peVnets`), the
 * client-vnets named, every VNet peered with a PE's VNet when `peered` was asked, and the
 * runner's own VNet (`runnerVnets`).
 */
export function resolvingVnets(
  snapshot: Snapshot,
  peVnets: string[],
  names: string[],
  runnerVnets: string[] = []
): ResolvingVnet[] {
  const result: ResolvingVnet[] = []
  const add = (vnetId: string, why: ResolvingVnet['why']): void => {
    if (result.some((known) => sameId(known.vnetId, vnetId))) return
    result.push({
      vnetId,
      name: vnetName(snapshot, vnetId),
      vnet: snapshot.virtualNetworks[idKey(vnetId)],
      why,
      paths: dnsPaths(snapshot, vnetId, names)
    })
  }
  for (const id of peVnets) add(id, 'endpoint')
  for (const id of snapshot.dnsPath?.clientVnets ?? []) add(id, 'client')
  if (snapshot.dnsPath?.peered) {
    for (const id of peVnets) {
      const vnet = snapshot.virtualNetworks[idKey(id)]
      if (!vnet || 'failure' in vnet) continue
      for (const peering of vnet.peerings ?? [])
        if (peering.remoteVirtualNetworkId) add(peering.remoteVirtualNetworkId, 'peered')
    }
    // The other side's peerings name the PE's VNet too (a peering created on one side only).
    for (const other of knownVnets(snapshot)) {
      if (
        (other.peerings ?? []).some((p) =>
          peVnets.some((id) => sameId(id, p.remoteVirtualNetworkId))
        )
      )
        add(other.id, 'peered')
    }
  }
  for (const id of runnerVnets) add(id, 'runner')
  return result
}
