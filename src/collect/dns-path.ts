/**
 * The reads the client VNets' DNS path needs (see "Client VNets and the DNS path"): every VNet of
 * each scope searched (with its peerings and DNS servers), the DNS private resolvers there with
 * their inbound endpoints, the DNS forwarding rulesets with their rules and VNet links, and the
 * client VNets named. A listing per scope and type, plus two per ruleset and one per resolver:
 * nothing here grows with the number of vaults. Resolvers are listed only where one can be on a
 * path (a VNet with DNS servers of its own, a forwarding rule with a target).
 *
 * `startDnsPath` starts the listings at once (alongside the vaults); `finishDnsPath` adds the
 * client VNets once the private endpoints' VNets are known (`peered` needs their peerings).
 */
import type {
  DnsForwardingRuleset,
  DnsResolver,
  ForwardingRule,
  InboundEndpoint,
  VirtualNetworkLink
} from '@azure/arm-dnsresolver'
import type { VirtualNetwork } from '@azure/arm-network'
import type { Read } from './arm-errors.js'
import { parseResourceId, parseScope, subscriptionScope } from '../common/arm-id.js'
import { listedVirtualNetworks } from './bulk.js'
import { type CollectContext, listAll, strings } from './context.js'
import { readVirtualNetwork, seedVirtualNetwork } from './networks.js'
import type {
  DnsPathSnapshot,
  DnsResolverSnapshot,
  ForwardingRulesetSnapshot,
  ReadFailure,
  VirtualNetworkSnapshot
} from './snapshot.js'

export interface DnsPathRequest {
  /** `/subscriptions/<id>` or `/subscriptions/<id>/resourceGroups/<rg>` scopes to list. */
  scopes: string[]
  /** Client VNet IDs named in `client-vnets`. */
  clientVnets: string[]
  peered: boolean
}

export interface DnsPathReads {
  finish(peVnetIds: string[]): Promise<DnsPathSnapshot>
}

export function startDnsPath(ctx: CollectContext, req: DnsPathRequest): DnsPathReads {
  const scopes = unique(req.scopes)
  for (const scope of scopes) {
    const parsed = parseScope(scope)
    if (parsed && parsed.resourceGroup === null)
      ctx.vnetListings.add(parsed.subscriptionId.toLowerCase())
  }
  const vnets = Promise.all(scopes.map((scope) => listVnets(ctx, scope)))
  const rulesets = Promise.all(scopes.map((scope) => listRulesets(ctx, scope)))
  const clients = req.clientVnets.map((id) => readVirtualNetwork(ctx, id))

  return {
    async finish(peVnetIds) {
      const failures: ReadFailure[] = []
      const listed = await vnets
      for (const read of listed) if (!read.ok) failures.push(read.failure)
      const known = [...(await Promise.all(clients))]
      // The PE VNets were read for the vaults (memoized): no request here.
      const peVnets = await Promise.all(peVnetIds.map((id) => readVirtualNetwork(ctx, id)))
      known.push(...peVnets)
      if (req.peered) {
        // Both sides of each peering: the PE's VNet names the clients; reading them gives the
        // other side's state (VNET-PEERING-NOT-CONNECTED).
        const remotes = peVnets.flatMap((read) =>
          read.ok ? (read.value.peerings ?? []).flatMap((p) => p.remoteVirtualNetworkId ?? []) : []
        )
        known.push(...(await Promise.all(unique(remotes).map((id) => readVirtualNetwork(ctx, id)))))
      }
      const rulesetList: ForwardingRulesetSnapshot[] = []
      for (const read of await rulesets) {
        if (!read.ok) failures.push(read.failure)
        else rulesetList.push(...read.value)
      }
      // A resolver is on a query's path only through an inbound endpoint: a VNet's DNS server or
      // a forwarding rule's target. Where no VNet has DNS servers of its own and no rule has a
      // target, there is nothing a resolver could change, and its listing (plus one per
      // resolver) is skipped: the common estate reads none.
      const customDns =
        listed.some(
          (read) => read.ok && read.value.some((v) => strings(v.dhcpOptions?.dnsServers).length > 0)
        ) || known.some((read) => read.ok && read.value.dnsServers.length > 0)
      const ruleTargets = rulesetList.some((r) => r.rules.some((rule) => rule.targets.length > 0))
      const resolverList: DnsResolverSnapshot[] = []
      if (customDns || ruleTargets) {
        for (const read of await Promise.all(scopes.map((scope) => listResolvers(ctx, scope)))) {
          if (!read.ok) failures.push(read.failure)
          else resolverList.push(...read.value)
        }
      }
      return {
        subscriptions: scopes,
        resolvers: dedupe(resolverList).sort(byId),
        rulesets: dedupe(rulesetList).sort(byId),
        failures,
        clientVnets: req.clientVnets,
        peered: req.peered
      }
    }
  }
}

async function listVnets(ctx: CollectContext, scope: string): Promise<Read<VirtualNetwork[]>> {
  const parsed = parseScope(scope)
  if (!parsed) return { ok: true, value: [] }
  let read: Read<VirtualNetwork[]>
  if (parsed.resourceGroup === null) {
    const listing = await listedVirtualNetworks(ctx, parsed.subscriptionId)
    read = listing.ok ? { ok: true, value: [...listing.value.values()] } : listing
  } else {
    const rg = parsed.resourceGroup
    read = await ctx.read(`${scope}/providers/Microsoft.Network/virtualNetworks`, () =>
      listAll(ctx.clients(parsed.subscriptionId).network.virtualNetworks.list(rg))
    )
  }
  if (read.ok) for (const vnet of read.value) if (vnet.id) void seedVirtualNetwork(ctx, vnet)
  return read
}

async function listResolvers(
  ctx: CollectContext,
  scope: string
): Promise<Read<DnsResolverSnapshot[]>> {
  const parsed = parseScope(scope)
  if (!parsed) return { ok: true, value: [] }
  const client = ctx.clients(parsed.subscriptionId).dnsResolver
  const rg = parsed.resourceGroup
  const read = await ctx.read(`${scope}/providers/Microsoft.Network/dnsResolvers`, () =>
    listAll<DnsResolver>(
      rg === null ? client.dnsResolvers.list() : client.dnsResolvers.listByResourceGroup(rg)
    )
  )
  if (!read.ok) return read
  return {
    ok: true,
    value: await Promise.all(read.value.filter((r) => r.id).map((r) => resolverSnapshot(ctx, r)))
  }
}

async function resolverSnapshot(
  ctx: CollectContext,
  resolver: DnsResolver
): Promise<DnsResolverSnapshot> {
  const id = resolver.id ?? ''
  const parsed = parseResourceId(id)
  const endpoints = parsed
    ? await ctx.read(`${id}/inboundEndpoints`, () =>
        listAll<InboundEndpoint>(
          ctx
            .clients(parsed.subscriptionId)
            .dnsResolver.inboundEndpoints.list(parsed.resourceGroup, parsed.name)
        )
      )
    : null
  return {
    id,
    name: resolver.name ?? parsed?.name ?? '',
    virtualNetworkId: resolver.virtualNetwork?.id ?? null,
    inboundEndpoints:
      endpoints?.ok === true
        ? endpoints.value.map((endpoint) => ({
            id: endpoint.id ?? '',
            name: endpoint.name ?? '',
            ips: strings((endpoint.ipConfigurations ?? []).map((c) => c.privateIpAddress))
          }))
        : [],
    inboundEndpointsFailure: endpoints && !endpoints.ok ? endpoints.failure : null
  }
}

async function listRulesets(
  ctx: CollectContext,
  scope: string
): Promise<Read<ForwardingRulesetSnapshot[]>> {
  const parsed = parseScope(scope)
  if (!parsed) return { ok: true, value: [] }
  const client = ctx.clients(parsed.subscriptionId).dnsResolver
  const rg = parsed.resourceGroup
  const read = await ctx.read(`${scope}/providers/Microsoft.Network/dnsForwardingRulesets`, () =>
    listAll<DnsForwardingRuleset>(
      rg === null
        ? client.dnsForwardingRulesets.list()
        : client.dnsForwardingRulesets.listByResourceGroup(rg)
    )
  )
  if (!read.ok) return read
  return {
    ok: true,
    value: await Promise.all(read.value.filter((r) => r.id).map((r) => rulesetSnapshot(ctx, r)))
  }
}

async function rulesetSnapshot(
  ctx: CollectContext,
  ruleset: DnsForwardingRuleset
): Promise<ForwardingRulesetSnapshot> {
  const id = ruleset.id ?? ''
  const parsed = parseResourceId(id)
  const name = ruleset.name ?? parsed?.name ?? ''
  if (!parsed) {
    return { id, name, rules: [], rulesFailure: null, vnetLinks: [], vnetLinksFailure: null }
  }
  const client = ctx.clients(parsed.subscriptionId).dnsResolver
  const [rules, links] = await Promise.all([
    ctx.read(`${id}/forwardingRules`, () =>
      listAll<ForwardingRule>(client.forwardingRules.list(parsed.resourceGroup, parsed.name))
    ),
    ctx.read(`${id}/virtualNetworkLinks`, () =>
      listAll<VirtualNetworkLink>(
        client.virtualNetworkLinks.list(parsed.resourceGroup, parsed.name)
      )
    )
  ])
  return {
    id,
    name,
    rules: rules.ok
      ? rules.value.map((rule) => ({
          id: rule.id ?? '',
          name: rule.name ?? '',
          domainName: rule.domainName,
          state: rule.forwardingRuleState ?? null,
          targets: (rule.targetDnsServers ?? []).map((target) => ({
            ipAddress: target.ipAddress,
            port: target.port ?? 53
          }))
        }))
      : [],
    rulesFailure: rules.ok ? null : rules.failure,
    vnetLinks: links.ok
      ? links.value.flatMap((link) =>
          link.virtualNetwork?.id
            ? [
                {
                  id: link.id ?? '',
                  name: link.name ?? '',
                  virtualNetworkId: link.virtualNetwork.id
                }
              ]
            : []
        )
      : [],
    vnetLinksFailure: links.ok ? null : links.failure
  }
}

/** The subscription scopes of the vaults plus `dns-zone-scopes`, deduplicated. */
export function dnsPathScopes(vaultSubscriptions: string[], zoneScopes: string[]): string[] {
  const scopes = unique([...vaultSubscriptions.map(subscriptionScope), ...zoneScopes])
  const whole = new Set(
    scopes.flatMap((scope) => {
      const parsed = parseScope(scope)
      return parsed && parsed.resourceGroup === null ? [parsed.subscriptionId.toLowerCase()] : []
    })
  )
  // A resource group inside a subscription listed whole adds nothing.
  return scopes.filter((scope) => {
    const parsed = parseScope(scope)
    return (
      parsed !== null &&
      (parsed.resourceGroup === null || !whole.has(parsed.subscriptionId.toLowerCase()))
    )
  })
}

/** VNet snapshots that are not failures. */
export function readVnets(
  vnets: Record<string, VirtualNetworkSnapshot | { failure: ReadFailure }>
): VirtualNetworkSnapshot[] {
  return Object.values(vnets).filter((v): v is VirtualNetworkSnapshot => !('failure' in v))
}

function unique(values: string[]): string[] {
  const seen = new Map<string, string>()
  for (const value of values) {
    const key = value.toLowerCase().replace(/\/+$/, '')
    if (!seen.has(key)) seen.set(key, value)
  }
  return [...seen.values()]
}

function dedupe<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = item.id.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id.localeCompare(b.id)
}
