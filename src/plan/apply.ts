/**
 * Applies a proposed change to the live snapshot: a pure function, so the same rules judge the
 * live and the proposed state. What ARM sets itself (a vault's private endpoint connections,
 * provisioning states, a link's state) keeps its live value, or for a resource the plan creates,
 * the value Azure gives it when the apply succeeds. Values Azure decides only at apply (a new
 * private endpoint's dynamic IP) are never guessed: each gets a stand-in address, listed in
 * `unresolved`, which settle.ts turns back into words (or into PLAN-UNRESOLVED) after the rules ran.
 */
import ipaddr from 'ipaddr.js'
import {
  idKey,
  sameId,
  type ARecordSetSnapshot,
  type DnsPathSnapshot,
  type DnsZoneGroupSnapshot,
  type ForwardingRulesetSnapshot,
  type NetworkAcls,
  type PrivateEndpointSnapshot,
  type PrivateZoneSnapshot,
  type Snapshot,
  type VaultSnapshot,
  type VirtualNetworkLinkSnapshot,
  type VirtualNetworkPeeringSnapshot,
  type VirtualNetworkSnapshot
} from '../collect/snapshot.js'
import { nameOf, parseResourceId, vnetIdFromSubnetId } from '../common/arm-id.js'
import { inPrefixes } from '../common/ip.js'
import { resolvingVnets, type DnsPath } from '../model/dns-path.js'
import { buildTargetModel, namesOf } from '../model/model.js'
import { isObject, type ArmResource, type Json, type Plan, type PlannedChange } from './plan.js'
import { IP_OF, KNOWN_AFTER_APPLY } from './terraform.js'

/** A value the plan knows only after apply, and the stand-in the proposed snapshot holds. */
export interface Unresolved {
  /** The vault it belongs to. */
  vault: string
  /** ARM ID of the resource that gets the value (e.g. the private endpoint). */
  resource: string
  /** The stand-in address in the proposed snapshot. */
  value: string
  /** What it is, for messages: `the private IP of pe-kv1`. */
  what: string
  /**
   * Addresses the plan names literally (DNS servers, forwarding targets) that may turn out to be
   * this value: whether they are the new inbound endpoint is known only after apply.
   */
  candidates?: string[]
  /**
   * A DNS server known only after apply (a VNet's own, or a forwarding rule's target): the VNets
   * whose DNS path passes it, per vault. Their DNS-path checks cannot be judged (settle.ts).
   */
  paths?: { vault: string; vnetId: string; vnet: string }[]
  /**
   * A peering whose remote VNet is known only after apply: the VNet that holds it. Whether that
   * VNet and the one the rules pair it with are peered is unknown (settle.ts).
   */
  peeredFrom?: { vnetId: string; vnet: string }
}

export interface AppliedPlan {
  snapshot: Snapshot
  unresolved: Unresolved[]
  /** Vaults the plan creates or changes, or whose endpoints, zones, links, records or VNets it touches. */
  inScope: string[]
  /** How many understood resources the plan changes. */
  resources: number
  /** What could not be applied (a parent the run did not read), for the log. */
  skipped: string[]
}

function obj(value: unknown): Json {
  return isObject(value) ? value : {}
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj) : []
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/** The parent's ID: `<parent>/<childType>/<name>` → `<parent>`. */
function parentId(id: string): string {
  return id.replace(/\/[^/]+\/[^/]+\/?$/, '')
}

/** Parents before children; within a type, the plan's order. */
const ORDER = [
  'microsoft.network/virtualnetworks',
  'microsoft.network/virtualnetworks/virtualnetworkpeerings',
  'microsoft.network/dnsresolvers',
  'microsoft.network/dnsresolvers/inboundendpoints',
  'microsoft.network/dnsforwardingrulesets',
  'microsoft.network/dnsforwardingrulesets/forwardingrules',
  'microsoft.network/dnsforwardingrulesets/virtualnetworklinks',
  'microsoft.network/privatednszones',
  'microsoft.network/privatednszones/virtualnetworklinks',
  'microsoft.keyvault/vaults',
  'microsoft.keyvault/managedhsms',
  'microsoft.network/privateendpoints',
  'microsoft.network/privateendpoints/privatednszonegroups',
  'microsoft.keyvault/vaults/privateendpointconnections',
  'microsoft.keyvault/managedhsms/privateendpointconnections',
  'microsoft.network/privatednszones/a'
]

export function applyPlan(live: Snapshot, plan: Plan): AppliedPlan {
  const snapshot = structuredClone(live)
  const state = new Applier(snapshot)
  const ordered = [...plan.changes].sort(
    (a, b) => ORDER.indexOf(a.type.toLowerCase()) - ORDER.indexOf(b.type.toLowerCase())
  )
  for (const change of ordered) state.apply(change)
  state.finish(live)
  return {
    snapshot,
    unresolved: state.unresolved,
    inScope: [...state.scope.values()],
    resources: plan.changes.length,
    skipped: state.skipped
  }
}

class Applier {
  readonly unresolved: Unresolved[] = []
  readonly scope = new Map<string, string>()
  readonly skipped: string[] = []
  private readonly used = new Set<string>()
  /** Lower-cased IDs of the VNets, resolvers and rulesets the plan touches. */
  private readonly touched = new Set<string>()
  /** Lower-cased IDs of the peerings the plan creates (their state is Azure's, set at the end). */
  private readonly createdPeerings = new Set<string>()
  private readonly gonePeerings: { from: string; to: string }[] = []
  /** A new inbound endpoint's stand-in address → the address space it is taken from. */
  private readonly endpointPrefixes = new Map<string, string[]>()

  constructor(private readonly snapshot: Snapshot) {
    for (const vault of snapshot.vaults) {
      for (const pe of Object.values(vault.privateEndpoints))
        for (const ip of pe?.nicIps ?? []) this.used.add(ip)
    }
    for (const zone of snapshot.zones)
      for (const set of zone.aRecords) for (const ip of set.ipv4Addresses) this.used.add(ip)
    // A stand-in must not be taken for a server the VNets or rules already name.
    for (const vnet of Object.values(snapshot.virtualNetworks))
      if (!('failure' in vnet)) for (const ip of vnet.dnsServers) this.used.add(ip)
    for (const resolver of snapshot.dnsPath?.resolvers ?? [])
      for (const endpoint of resolver.inboundEndpoints)
        for (const ip of endpoint.ips) this.used.add(ip)
    for (const ruleset of snapshot.dnsPath?.rulesets ?? [])
      for (const rule of ruleset.rules) for (const t of rule.targets) this.used.add(t.ipAddress)
  }

  apply(change: PlannedChange): void {
    switch (change.type.toLowerCase()) {
      case 'microsoft.network/virtualnetworks':
        return this.virtualNetwork(change)
      case 'microsoft.network/privatednszones':
        return this.zone(change)
      case 'microsoft.network/privatednszones/virtualnetworklinks':
        return this.link(change)
      case 'microsoft.keyvault/vaults':
      case 'microsoft.keyvault/managedhsms':
        return this.vault(change)
      case 'microsoft.network/privateendpoints':
        return this.privateEndpoint(change)
      case 'microsoft.network/privateendpoints/privatednszonegroups':
        return this.zoneGroup(change)
      case 'microsoft.keyvault/vaults/privateendpointconnections':
      case 'microsoft.keyvault/managedhsms/privateendpointconnections':
        return this.connection(change)
      case 'microsoft.network/privatednszones/a':
        return this.record(change)
      case 'microsoft.network/virtualnetworks/virtualnetworkpeerings':
        return this.peering(change)
      case 'microsoft.network/dnsresolvers':
        return this.resolver(change)
      case 'microsoft.network/dnsresolvers/inboundendpoints':
        return this.inboundEndpoint(change)
      case 'microsoft.network/dnsforwardingrulesets':
        return this.ruleset(change)
      case 'microsoft.network/dnsforwardingrulesets/forwardingrules':
        return this.forwardingRule(change)
      case 'microsoft.network/dnsforwardingrulesets/virtualnetworklinks':
        return this.rulesetLink(change)
    }
  }

  /** After every change: what follows from them together (peering states, IP references, scope). */
  finish(live: Snapshot): void {
    this.settlePeerings()
    this.pathsThrough(this.resolveIpReferences())
    this.touchDependents(live)
  }

  private touch(vault: VaultSnapshot): void {
    this.scope.set(vault.name.toLowerCase(), vault.name)
  }

  private skip(change: PlannedChange, why: string): void {
    this.skipped.push(`${change.action} ${change.source}: ${why}`)
  }

  // ---- VNets -----------------------------------------------------------------------------

  private virtualNetwork(change: PlannedChange): void {
    const key = idKey(change.id)
    this.touched.add(key)
    const before = this.snapshot.virtualNetworks[key]
    const kept = before && !('failure' in before) ? before : undefined
    if (change.action === 'delete') {
      for (const peering of kept?.peerings ?? []) this.peeringGone(kept?.id ?? change.id, peering)
      delete this.snapshot.virtualNetworks[key]
    } else {
      const props = obj(change.after?.properties)
      if (change.partial && !kept) return this.skip(change, 'its VNet was not read')
      const fresh = !kept || change.action === 'replace'
      const vnet: VirtualNetworkSnapshot = {
        ...kept,
        id: kept?.id ?? change.id,
        name: str(change.after?.name) ?? kept?.name ?? nameOf(change.id),
        addressPrefixes:
          change.partial && kept
            ? kept.addressPrefixes
            : strings(obj(props.addressSpace).addressPrefixes),
        dnsServers: strings(obj(props.dhcpOptions).dnsServers),
        // Peerings are their own resources (azurerm_virtual_network_peering, or a template's
        // child resources): a VNet whose `after` does not list them keeps them.
        peerings: fresh ? [] : (kept?.peerings ?? [])
      }
      if (!fresh && kept) {
        for (const peering of kept.peerings ?? [])
          this.touched.add(idKey(peering.remoteVirtualNetworkId ?? ''))
      }
      this.snapshot.virtualNetworks[key] = vnet
      if (!change.partial && Array.isArray(props.virtualNetworkPeerings)) {
        this.embeddedPeerings(vnet, list(props.virtualNetworkPeerings))
      }
    }
    for (const vault of this.snapshot.vaults) {
      if (Object.values(vault.privateEndpoints).some((pe) => sameId(pe?.vnetId, change.id)))
        this.touch(vault)
    }
  }

  // ---- Peerings ----------------------------------------------------------------------------

  /** A VNet's `after` that lists its peerings (what-if of a template that embeds them): that list. */
  private embeddedPeerings(vnet: VirtualNetworkSnapshot, listed: Json[]): void {
    const before = vnet.peerings ?? []
    const next: VirtualNetworkPeeringSnapshot[] = []
    for (const entry of listed) {
      const name = str(entry.name)
      const id = str(entry.id) ?? (name ? `${vnet.id}/virtualNetworkPeerings/${name}` : null)
      if (!id) continue
      const existing = before.find((p) => sameId(p.id, id))
      next.push(this.peeringOf(id, entry, existing, vnet))
    }
    for (const gone of before) {
      if (!next.some((p) => sameId(p.id, gone.id))) this.peeringGone(vnet.id, gone)
    }
    vnet.peerings = next
  }

  /**
   * A peering as the change leaves it. Its state and sync level are ARM's (read-only): an
   * existing peering keeps its live ones; a new one gets its state once every change is applied
   * (settlePeerings), from the other side's.
   */
  private peeringOf(
    id: string,
    resource: Json,
    existing: VirtualNetworkPeeringSnapshot | undefined,
    vnet: VirtualNetworkSnapshot
  ): VirtualNetworkPeeringSnapshot {
    const props = obj(resource.properties)
    let remote = str(obj(props.remoteVirtualNetwork).id) ?? existing?.remoteVirtualNetworkId ?? null
    if (remote?.startsWith(KNOWN_AFTER_APPLY)) {
      const name = str(resource.name) ?? nameOf(id)
      remote = this.standInVnet(
        vnet.id,
        id,
        `the remote VNet of peering ${name} (${remote.slice(KNOWN_AFTER_APPLY.length)})`,
        { vnetId: vnet.id, vnet: vnet.name }
      )
    }
    this.touched.add(idKey(vnet.id))
    if (remote) this.touched.add(idKey(remote))
    if (existing && sameId(existing.remoteVirtualNetworkId, remote)) {
      return { ...existing, id: existing.id, name: str(resource.name) ?? existing.name }
    }
    if (existing) this.peeringGone(vnet.id, existing)
    this.createdPeerings.add(idKey(id))
    return {
      id,
      name: str(resource.name) ?? nameOf(id),
      remoteVirtualNetworkId: remote,
      peeringState: null,
      peeringSyncLevel: null
    }
  }

  private peering(change: PlannedChange): void {
    const vnetId = parentId(change.id)
    const vnet = this.snapshot.virtualNetworks[idKey(vnetId)]
    if (!vnet || 'failure' in vnet) return this.skip(change, 'its VNet was not read')
    const peerings = vnet.peerings ?? []
    const index = peerings.findIndex((p) => sameId(p.id, change.id))
    const existing = index >= 0 ? peerings[index] : undefined
    this.touched.add(idKey(vnet.id))
    if (change.action === 'delete' || change.action === 'replace') {
      if (existing) {
        this.peeringGone(vnet.id, existing)
        peerings.splice(index, 1)
      }
      if (change.action === 'delete') {
        vnet.peerings = peerings
        return
      }
    }
    const kept = change.action === 'replace' ? undefined : existing
    const peering = this.peeringOf(change.id, change.after ?? {}, kept, vnet)
    const at = peerings.findIndex((p) => sameId(p.id, change.id))
    if (at >= 0) peerings[at] = peering
    else peerings.push(peering)
    vnet.peerings = peerings
  }

  /** A peering deleted: the other side, if it was Connected, becomes Disconnected (Azure never reconnects it). */
  private peeringGone(vnetId: string, peering: VirtualNetworkPeeringSnapshot): void {
    this.createdPeerings.delete(idKey(peering.id))
    if (peering.remoteVirtualNetworkId) {
      this.touched.add(idKey(peering.remoteVirtualNetworkId))
      this.gonePeerings.push({ from: vnetId, to: peering.remoteVirtualNetworkId })
    }
  }

  /** The peering from `from` to `to` in the proposed state. */
  private peeringBetween(from: string, to: string): VirtualNetworkPeeringSnapshot | undefined {
    const vnet = this.snapshot.virtualNetworks[idKey(from)]
    if (!vnet || 'failure' in vnet) return undefined
    return (vnet.peerings ?? []).find((p) => sameId(p.remoteVirtualNetworkId, to))
  }

  /**
   * Azure's rules for a peering's state: a side whose other side exists (and is not
   * Disconnected) is Connected, both sides; a side alone is Initiated; the other side of a deleted
   * peering is Disconnected until it is deleted and created again. Where the other VNet was not
   * read, the state is not known: it stays unset, and the rules report the pair as not run.
   */
  private settlePeerings(): void {
    for (const { from, to } of this.gonePeerings) {
      if (this.peeringBetween(from, to)) continue // created again by the plan
      const other = this.peeringBetween(to, from)
      if (!other || this.createdPeerings.has(idKey(other.id))) continue
      if (other.peeringState?.toLowerCase() === 'connected') {
        other.peeringState = 'Disconnected'
        other.peeringSyncLevel = null
      }
    }
    for (const vnet of Object.values(this.snapshot.virtualNetworks)) {
      if ('failure' in vnet) continue
      for (const peering of vnet.peerings ?? []) {
        if (!this.createdPeerings.has(idKey(peering.id)) || !peering.remoteVirtualNetworkId)
          continue
        const remote = this.snapshot.virtualNetworks[idKey(peering.remoteVirtualNetworkId)]
        if (!remote || 'failure' in remote) continue
        const other = this.peeringBetween(remote.id, vnet.id)
        const otherNew = other ? this.createdPeerings.has(idKey(other.id)) : false
        if (other && (otherNew || other.peeringState?.toLowerCase() !== 'disconnected')) {
          peering.peeringState = 'Connected'
          peering.peeringSyncLevel = 'FullyInSync'
          other.peeringState = 'Connected'
          other.peeringSyncLevel = 'FullyInSync'
        } else {
          peering.peeringState = 'Initiated'
          peering.peeringSyncLevel = 'FullyInSync'
        }
      }
    }
  }

  // ---- DNS private resolvers and forwarding rulesets ---------------------------------------

  private dnsPath(change: PlannedChange): DnsPathSnapshot | null {
    if (this.snapshot.dnsPath) return this.snapshot.dnsPath
    this.skip(change, 'DNS private resolvers and rulesets were not read in this run')
    return null
  }

  private resolver(change: PlannedChange): void {
    const path = this.dnsPath(change)
    if (!path) return
    this.touched.add(idKey(change.id))
    const index = path.resolvers.findIndex((r) => sameId(r.id, change.id))
    const before = index >= 0 ? path.resolvers[index] : undefined
    if (before?.virtualNetworkId) this.touched.add(idKey(before.virtualNetworkId))
    if (change.action === 'delete') {
      if (index >= 0) path.resolvers.splice(index, 1)
      return
    }
    const vnetId = str(obj(obj(change.after?.properties).virtualNetwork).id)
    if (vnetId) this.touched.add(idKey(vnetId))
    // Replaced: the endpoints go with the old resolver; the plan's endpoint changes add them again.
    const kept = change.action === 'replace' ? undefined : before
    const resolver = {
      id: before?.id ?? change.id,
      name: str(change.after?.name) ?? before?.name ?? nameOf(change.id),
      virtualNetworkId: vnetId ?? before?.virtualNetworkId ?? null,
      inboundEndpoints: kept?.inboundEndpoints ?? [],
      inboundEndpointsFailure: kept?.inboundEndpointsFailure ?? null
    }
    if (index >= 0) path.resolvers[index] = resolver
    else path.resolvers.push(resolver)
  }

  private inboundEndpoint(change: PlannedChange): void {
    const path = this.dnsPath(change)
    if (!path) return
    const resolver = path.resolvers.find((r) => sameId(r.id, parentId(change.id)))
    if (!resolver) return this.skip(change, 'its DNS private resolver was not read')
    this.touched.add(idKey(resolver.id))
    const index = resolver.inboundEndpoints.findIndex(
      (e) => sameId(e.id, change.id) || e.name.toLowerCase() === nameOf(change.id).toLowerCase()
    )
    const before = index >= 0 ? resolver.inboundEndpoints[index] : undefined
    if (change.action === 'delete') {
      if (index >= 0) resolver.inboundEndpoints.splice(index, 1)
      return
    }
    const configs = list(obj(change.after?.properties).ipConfigurations)
    const name = str(change.after?.name) ?? before?.name ?? nameOf(change.id)
    const ips = configs.flatMap((config) => {
      const ip = str(config.privateIpAddress)
      if (ip) return [ip]
      // Dynamic: an existing endpoint keeps its address; a new one gets one at apply.
      if (before && change.action === 'modify') return before.ips
      const subnet = str(obj(config.subnet).id)
      const vnetId = subnet ? vnetIdFromSubnetId(subnet) : resolver.virtualNetworkId
      return [
        this.standIn('', change.id, vnetId, `the private IP of inbound endpoint ${name}`).value
      ]
    })
    const endpoint = { id: before?.id ?? change.id, name, ips: [...new Set(ips)] }
    if (index >= 0) resolver.inboundEndpoints[index] = endpoint
    else resolver.inboundEndpoints.push(endpoint)
  }

  private ruleset(change: PlannedChange): void {
    const path = this.dnsPath(change)
    if (!path) return
    this.touched.add(idKey(change.id))
    const index = path.rulesets.findIndex((r) => sameId(r.id, change.id))
    const before = index >= 0 ? path.rulesets[index] : undefined
    for (const link of before?.vnetLinks ?? []) this.touched.add(idKey(link.virtualNetworkId))
    if (change.action === 'delete') {
      if (index >= 0) path.rulesets.splice(index, 1)
      return
    }
    // Rules and links are the ruleset's children: they go with a replaced one.
    const kept = change.action === 'replace' ? undefined : before
    const ruleset: ForwardingRulesetSnapshot = {
      id: before?.id ?? change.id,
      name: str(change.after?.name) ?? before?.name ?? nameOf(change.id),
      rules: kept?.rules ?? [],
      rulesFailure: kept?.rulesFailure ?? null,
      vnetLinks: kept?.vnetLinks ?? [],
      vnetLinksFailure: kept?.vnetLinksFailure ?? null
    }
    if (index >= 0) path.rulesets[index] = ruleset
    else path.rulesets.push(ruleset)
  }

  private rulesetOf(change: PlannedChange): ForwardingRulesetSnapshot | null {
    const path = this.dnsPath(change)
    if (!path) return null
    const ruleset = path.rulesets.find((r) => sameId(r.id, parentId(change.id)))
    if (!ruleset) {
      this.skip(change, 'its DNS forwarding ruleset was not read')
      return null
    }
    this.touched.add(idKey(ruleset.id))
    return ruleset
  }

  private forwardingRule(change: PlannedChange): void {
    const ruleset = this.rulesetOf(change)
    if (!ruleset) return
    const index = ruleset.rules.findIndex((r) => sameId(r.id, change.id))
    if (change.action === 'delete') {
      if (index >= 0) ruleset.rules.splice(index, 1)
      return
    }
    const before = index >= 0 && change.action !== 'replace' ? ruleset.rules[index] : undefined
    const props = obj(change.after?.properties)
    const domain = str(props.domainName) ?? before?.domainName ?? ''
    const rule = {
      id: before?.id ?? change.id,
      name: str(change.after?.name) ?? before?.name ?? nameOf(change.id),
      // ARM keeps the trailing dot, which the rules compare with.
      domainName: domain === '' || domain.endsWith('.') ? domain : `${domain}.`,
      state: str(props.forwardingRuleState) ?? before?.state ?? 'Enabled',
      targets: Array.isArray(props.targetDnsServers)
        ? list(props.targetDnsServers).flatMap((t) => {
            const ip = str(t.ipAddress)
            return ip ? [{ ipAddress: ip, port: typeof t.port === 'number' ? t.port : 53 }] : []
          })
        : (before?.targets ?? [])
    }
    if (index >= 0) ruleset.rules[index] = rule
    else ruleset.rules.push(rule)
  }

  private rulesetLink(change: PlannedChange): void {
    const ruleset = this.rulesetOf(change)
    if (!ruleset) return
    const index = ruleset.vnetLinks.findIndex((l) => sameId(l.id, change.id))
    const before = index >= 0 ? ruleset.vnetLinks[index] : undefined
    if (before) this.touched.add(idKey(before.virtualNetworkId))
    if (change.action === 'delete') {
      if (index >= 0) ruleset.vnetLinks.splice(index, 1)
      return
    }
    const vnetId =
      str(obj(obj(change.after?.properties).virtualNetwork).id) ?? before?.virtualNetworkId
    if (!vnetId) return this.skip(change, 'its VNet is not known')
    this.touched.add(idKey(vnetId))
    const link = {
      id: before?.id ?? change.id,
      name: str(change.after?.name) ?? before?.name ?? nameOf(change.id),
      virtualNetworkId: vnetId
    }
    if (index >= 0) ruleset.vnetLinks[index] = link
    else ruleset.vnetLinks.push(link)
  }

  /**
   * `ip-of:<ID>` (a Terraform attribute that refers to a private endpoint's or an inbound
   * endpoint's IP, known after apply) in DNS servers and forwarding targets: that resource's IPs
   * in the proposed state, stand-ins included. Literal addresses inside a VNet where a new
   * inbound endpoint gets its IP at apply may be that endpoint: they become its candidates.
   */
  private resolveIpReferences(): Unresolved[] {
    const servers: Unresolved[] = []
    const expand = (ips: string[], resource: string, what: (attribute: string) => string) =>
      ips.flatMap((ip) => {
        if (ip.startsWith(IP_OF)) return this.ipsOf(ip.slice(IP_OF.length))
        if (!ip.startsWith(KNOWN_AFTER_APPLY)) return [ip]
        // Outside every VNet, the stand-in leads the DNS path nowhere: no rule follows it further.
        const server = this.standIn('', resource, null, what(ip.slice(KNOWN_AFTER_APPLY.length)))
        servers.push(server)
        return [server.value]
      })
    const isLiteral = (ip: string): boolean =>
      !ip.startsWith(IP_OF) && !ip.startsWith(KNOWN_AFTER_APPLY)
    const literal: string[] = []
    for (const vnet of Object.values(this.snapshot.virtualNetworks)) {
      if ('failure' in vnet) continue
      literal.push(...vnet.dnsServers.filter(isLiteral))
      vnet.dnsServers = [
        ...new Set(
          expand(
            vnet.dnsServers,
            vnet.id,
            (attribute) => `the DNS servers of VNet ${vnet.name} (${attribute})`
          )
        )
      ]
    }
    for (const ruleset of this.snapshot.dnsPath?.rulesets ?? []) {
      for (const rule of ruleset.rules) {
        literal.push(...rule.targets.map((t) => t.ipAddress).filter(isLiteral))
        rule.targets = rule.targets.flatMap((t) =>
          expand(
            [t.ipAddress],
            rule.id,
            (attribute) =>
              `the target of forwarding rule ${rule.name} of ruleset ${ruleset.name} (${attribute})`
          ).map((ipAddress) => ({ ...t, ipAddress }))
        )
      }
    }
    const known = new Set(
      (this.snapshot.dnsPath?.resolvers ?? []).flatMap((r) =>
        r.inboundEndpoints.flatMap((e) => e.ips)
      )
    )
    for (const u of this.unresolved) {
      if (!u.resource.toLowerCase().includes('/inboundendpoints/')) continue
      const prefixes = this.endpointPrefixes.get(u.value) ?? []
      const candidates = [...new Set(literal)].filter(
        (ip) => !known.has(ip) && prefixes.length > 0 && inPrefixes(ip, prefixes)
      )
      if (candidates.length > 0) u.candidates = candidates
    }
    return servers
  }

  /** For each DNS server known only after apply: the VNets whose DNS path passes it, per vault. */
  private pathsThrough(servers: Unresolved[]): void {
    if (servers.length === 0) return
    const byValue = new Map(servers.map((u) => [u.value, u]))
    for (const vault of this.snapshot.vaults) {
      if (vault.failure) continue
      const model = buildTargetModel(this.snapshot, vault)
      // The DNS-path rules judge nothing for a vault without an effective PE.
      if (model.effective.length === 0) continue
      const vnets = resolvingVnets(
        this.snapshot,
        model.vnets.map((group) => group.vnetId),
        [model.hostname, model.alias]
      )
      for (const vnet of vnets) {
        for (const ip of vnet.paths.flatMap(serversOn)) {
          const u = byValue.get(ip)
          if (!u) continue
          const paths = (u.paths ??= [])
          if (!paths.some((p) => p.vault === vault.name && sameId(p.vnetId, vnet.vnetId)))
            paths.push({ vault: vault.name, vnetId: vnet.vnetId, vnet: vnet.name })
        }
      }
    }
  }

  /** A private endpoint's or an inbound endpoint's IPs in the proposed state. */
  private ipsOf(id: string): string[] {
    for (const resolver of this.snapshot.dnsPath?.resolvers ?? []) {
      const endpoint = resolver.inboundEndpoints.find((e) => sameId(e.id, id))
      if (endpoint) return endpoint.ips
    }
    return this.ipsOfPe(id)
  }

  /**
   * The vaults whose DNS path or reach the plan changes: those with a private endpoint in, or a
   * VNet that must resolve them through, a VNet, resolver or ruleset the plan touches, in the live
   * or the proposed state (a deleted peering matters as much as a new one).
   */
  private touchDependents(live: Snapshot): void {
    if (this.touched.size === 0) return
    for (const vault of this.snapshot.vaults) {
      if (vault.failure) continue
      const before = live.vaults.find((v) => sameId(v.id, vault.id))
      const ids = [
        ...dependencies(this.snapshot, vault),
        ...(before && !before.failure ? dependencies(live, before) : [])
      ]
      if (ids.some((id) => this.touched.has(id))) this.touch(vault)
    }
  }

  // ---- Zones, links, records -------------------------------------------------------------

  private findZone(id: string): PrivateZoneSnapshot | undefined {
    return this.snapshot.zones.find((zone) => sameId(zone.id, id))
  }

  /** Zone and link changes concern every vault whose kind uses a zone of that name. */
  private touchZoneName(zoneName: string): void {
    for (const vault of this.snapshot.vaults) {
      if (vault.failure) continue
      if (namesOf(this.snapshot, vault).zone.toLowerCase() === zoneName.toLowerCase())
        this.touch(vault)
    }
  }

  private zone(change: PlannedChange): void {
    const name = str(change.after?.name) ?? nameOf(change.id)
    const index = this.snapshot.zones.findIndex((zone) => sameId(zone.id, change.id))
    if (change.action === 'delete') {
      if (index >= 0) this.snapshot.zones.splice(index, 1)
    } else if (index < 0 || change.action === 'replace') {
      const parsed = parseResourceId(change.id)
      const zone: PrivateZoneSnapshot = {
        id: change.id,
        name,
        subscriptionId: parsed?.subscriptionId ?? '',
        resourceGroup: parsed?.resourceGroup ?? '',
        links: [],
        linksFailure: null,
        aRecords: [],
        recordsFailure: null
      }
      if (index >= 0) this.snapshot.zones[index] = zone
      else this.snapshot.zones.push(zone)
    }
    this.touchZoneName(name)
  }

  private link(change: PlannedChange): void {
    const zone = this.findZone(parentId(change.id))
    if (!zone) return this.skip(change, 'its zone was not read (not in a searched scope)')
    this.touchZoneName(zone.name)
    const index = zone.links.findIndex((link) => sameId(link.id, change.id))
    if (change.action === 'delete') {
      if (index >= 0) zone.links.splice(index, 1)
      return
    }
    const props = obj(change.after?.properties)
    const before = index >= 0 && change.action !== 'replace' ? zone.links[index] : undefined
    const link: VirtualNetworkLinkSnapshot = {
      ...before,
      id: change.id,
      name: str(change.after?.name) ?? nameOf(change.id),
      virtualNetworkId:
        this.linkedVnet(zone, change, str(obj(props.virtualNetwork).id)) ??
        before?.virtualNetworkId ??
        '',
      // Set by Azure: a link the apply creates is Completed and Succeeded once it is done.
      virtualNetworkLinkState: before?.virtualNetworkLinkState ?? 'Completed',
      provisioningState: before?.provisioningState ?? 'Succeeded',
      registrationEnabled: props.registrationEnabled === true,
      resolutionPolicy: str(props.resolutionPolicy) ?? null
    }
    if (index >= 0) zone.links[index] = link
    else zone.links.push(link)
  }

  /**
   * A link's VNet; one known only after apply gets a stand-in VNet that no rule knows, whose name
   * settle.ts finds in the findings that list the zone's links.
   */
  private linkedVnet(
    zone: PrivateZoneSnapshot,
    change: PlannedChange,
    id: string | null
  ): string | null {
    if (!id?.startsWith(KNOWN_AFTER_APPLY)) return id
    const link = str(change.after?.name) ?? nameOf(change.id)
    return this.standInVnet(
      `/subscriptions/${zone.subscriptionId}/resourceGroups/${zone.resourceGroup}`,
      change.id,
      `the VNet of link ${link} (${id.slice(KNOWN_AFTER_APPLY.length)})`
    )
  }

  /**
   * A VNet ID known only after apply: a stand-in VNet that no rule knows (beside `near`, an ID
   * whose subscription and resource group it takes), whose name settle.ts finds in findings.
   */
  private standInVnet(
    near: string,
    resource: string,
    what: string,
    peeredFrom?: Unresolved['peeredFrom']
  ): string {
    let n = 1
    while (this.used.has(`vnet-known-after-apply-${n}`)) n++
    const value = `vnet-known-after-apply-${n}`
    this.used.add(value)
    this.unresolved.push({
      vault: '',
      resource,
      value,
      what,
      ...(peeredFrom ? { peeredFrom } : {})
    })
    const scope = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/i.exec(near)?.[0] ?? near
    return `${scope}/providers/Microsoft.Network/virtualNetworks/${value}`
  }

  private record(change: PlannedChange): void {
    const zone = this.findZone(parentId(change.id))
    if (!zone) return this.skip(change, 'its zone was not read (not in a searched scope)')
    const name = (str(change.after?.name) ?? nameOf(change.id)).toLowerCase()
    this.touchVaultNamed(name)
    const index = zone.aRecords.findIndex((set) => sameId(set.id, change.id))
    if (change.action === 'delete') {
      if (index >= 0) zone.aRecords.splice(index, 1)
      return
    }
    const props = obj(change.after?.properties)
    const ttl = typeof props.ttl === 'number' ? props.ttl : null
    const set: ARecordSetSnapshot = {
      ...(index >= 0 ? zone.aRecords[index] : {}),
      id: change.id,
      name,
      fqdn: `${name}.${zone.name.replace(/\.+$/, '')}.`,
      ttl,
      ipv4Addresses: list(props.aRecords).flatMap((r) => {
        const ip = str(r.ipv4Address)
        if (ip?.startsWith(IP_OF)) return this.ipsOfPe(ip.slice(IP_OF.length))
        if (ip?.startsWith(KNOWN_AFTER_APPLY)) {
          const attribute = ip.slice(KNOWN_AFTER_APPLY.length)
          return [
            this.standIn(name, change.id, null, `the IPs of A record ${name} (${attribute})`).value
          ]
        }
        return ip ? [ip] : []
      })
    }
    if (index >= 0) zone.aRecords[index] = set
    else zone.aRecords.push(set)
  }

  /** A private endpoint's IPs in the proposed state (stand-ins included). */
  private ipsOfPe(peId: string): string[] {
    for (const vault of this.snapshot.vaults) {
      const pe = vault.privateEndpoints[idKey(peId)]
      if (pe) return pe.nicIps
    }
    return []
  }

  private touchVaultNamed(recordName: string): void {
    const vault = this.snapshot.vaults.find((v) => v.name.toLowerCase() === recordName)
    if (vault) this.touch(vault)
  }

  // ---- Vaults and their connections ------------------------------------------------------

  private findVault(id: string): VaultSnapshot | undefined {
    return this.snapshot.vaults.find((vault) => sameId(vault.id, id))
  }

  private vault(change: PlannedChange): void {
    const index = this.snapshot.vaults.findIndex((vault) => sameId(vault.id, change.id))
    if (change.action === 'delete') {
      if (index >= 0) this.snapshot.vaults.splice(index, 1)
      return
    }
    const after = change.after as ArmResource
    const props = obj(after.properties)
    const before = index >= 0 ? this.snapshot.vaults[index] : undefined
    if (before?.failure) return this.skip(change, 'the vault could not be read')
    const parsed = parseResourceId(change.id)
    const managedHsm = change.type.toLowerCase() === 'microsoft.keyvault/managedhsms'
    const name = str(after.name) ?? nameOf(change.id)
    const fresh = !before || change.action === 'replace'
    const vault: VaultSnapshot = {
      ...before,
      ...(managedHsm ? { kind: 'managedHsm' as const } : {}),
      name: before?.name ?? name,
      id: before?.id ?? change.id,
      subscriptionId: before?.subscriptionId ?? parsed?.subscriptionId ?? '',
      resourceGroup: before?.resourceGroup ?? parsed?.resourceGroup ?? null,
      failure: null,
      location: str(after.location) ?? before?.location ?? null,
      vaultUri: before?.vaultUri ?? str(props.vaultUri) ?? str(props.hsmUri) ?? null,
      publicNetworkAccess: str(props.publicNetworkAccess),
      networkAcls: networkAcls(props.networkAcls),
      // Read-only: ARM keeps them, whatever the template says.
      connections: fresh ? [] : before.connections,
      privateEndpoints: fresh ? {} : before.privateEndpoints,
      privateEndpointFailures: fresh ? {} : before.privateEndpointFailures
    }
    if (index >= 0) this.snapshot.vaults[index] = vault
    else this.snapshot.vaults.push(vault)
    this.touch(vault)
  }

  private connection(change: PlannedChange): void {
    const vault = this.findVault(parentId(change.id))
    if (!vault || vault.failure) return this.skip(change, 'its vault is not checked in this run')
    this.touch(vault)
    const index = vault.connections.findIndex(
      (c) => sameId(c.id, change.id) || c.name.toLowerCase() === nameOf(change.id).toLowerCase()
    )
    if (change.action === 'delete') {
      if (index >= 0) vault.connections.splice(index, 1)
      return
    }
    const props = obj(change.after?.properties)
    const state = obj(props.privateLinkServiceConnectionState)
    const peId = str(obj(props.privateEndpoint).id)
    const before = index >= 0 ? vault.connections[index] : undefined
    const connection = {
      ...before,
      id: before?.id ?? change.id,
      name: before?.name ?? nameOf(change.id),
      status: str(state.status) ?? before?.status ?? 'Pending',
      description: str(state.description) ?? before?.description ?? null,
      provisioningState: before?.provisioningState ?? 'Succeeded',
      privateEndpointId: before?.privateEndpointId ?? peId
    }
    if (index >= 0) vault.connections[index] = connection
    else vault.connections.push(connection)
  }

  // ---- Private endpoints and their zone groups ---------------------------------------------

  /** The vault a PE serves: by an existing connection, else by the PE's own connection target. */
  private vaultOfPe(peId: string, target: string | null): VaultSnapshot | undefined {
    return (
      this.snapshot.vaults.find(
        (vault) =>
          !vault.failure && vault.connections.some((c) => sameId(c.privateEndpointId, peId))
      ) ?? (target ? this.findVault(target) : undefined)
    )
  }

  private privateEndpoint(change: PlannedChange): void {
    const props = obj(change.after?.properties)
    const auto = list(props.privateLinkServiceConnections)
    const manual = list(props.manualPrivateLinkServiceConnections)
    const link = auto[0] ?? manual[0]
    const target = link ? str(obj(link.properties).privateLinkServiceId) : null
    const vault = this.vaultOfPe(change.id, target)
    if (!vault || vault.failure) {
      if (target && /\/providers\/Microsoft\.KeyVault\//i.test(target)) {
        this.skip(change, `its vault ${nameOf(target)} is not checked in this run`)
      }
      return
    }
    this.touch(vault)
    const key = idKey(change.id)
    const before = vault.privateEndpoints[key] ?? null
    if (change.action === 'delete' || change.action === 'replace') {
      if (before) this.removeRecordsOf(vault, before, before.dnsZoneGroups)
      delete vault.privateEndpoints[key]
      vault.connections = vault.connections.filter((c) => !sameId(c.privateEndpointId, change.id))
      if (change.action === 'delete') return
    }
    const fresh = change.action === 'replace' || !before
    const subnetId = str(obj(props.subnet).id) ?? before?.subnetId ?? null
    const vnetId = subnetId ? vnetIdFromSubnetId(subnetId) : null
    const statics = list(props.ipConfigurations).flatMap((config) => {
      const ip = str(obj(config.properties).privateIPAddress)
      return ip ? [{ name: str(config.name) ?? '', privateIpAddress: ip }] : []
    })
    const sameSubnet = !fresh && sameId(before?.subnetId, subnetId)
    let nicIps: string[]
    if (statics.length > 0) nicIps = statics.map((config) => config.privateIpAddress)
    else if (sameSubnet && before) nicIps = before.nicIps
    else
      nicIps = [
        this.standIn(vault.name, change.id, vnetId, `the private IP of ${nameOf(change.id)}`).value
      ]
    const pe: PrivateEndpointSnapshot = {
      ...(fresh ? {} : before),
      id: before?.id ?? change.id,
      name: str(change.after?.name) ?? before?.name ?? nameOf(change.id),
      location: str(change.after?.location) ?? before?.location ?? null,
      provisioningState: fresh ? 'Succeeded' : (before?.provisioningState ?? 'Succeeded'),
      subnetId,
      vnetId,
      networkInterfaceIds: fresh ? [] : (before?.networkInterfaceIds ?? []),
      customDnsConfigs: sameSubnet && before ? before.customDnsConfigs : [],
      ipConfigurations: statics,
      nicIps,
      nicFailures: sameSubnet && before ? before.nicFailures : [],
      dnsZoneGroups: fresh ? [] : (before?.dnsZoneGroups ?? []),
      dnsZoneGroupsFailure: fresh ? null : (before?.dnsZoneGroupsFailure ?? null)
    }
    if (fresh) delete pe.dnsZoneGroupsSkipped
    vault.privateEndpoints[key] = pe
    if (!vault.connections.some((c) => sameId(c.privateEndpointId, change.id))) {
      // A connection the PE requests itself is approved by the apply (it fails otherwise); a
      // manual one waits for the vault's owner.
      const name = `${pe.name}.${str(link?.name) ?? 'connection'}`
      vault.connections.push({
        id: `${vault.id}/privateEndpointConnections/${name}`,
        name,
        status: auto.length > 0 ? 'Approved' : 'Pending',
        description: auto.length > 0 ? 'Auto-Approved' : str(obj(link?.properties).requestMessage),
        provisioningState: 'Succeeded',
        privateEndpointId: pe.id
      })
    }
    // The zone groups the PE keeps write its new IPs into their zones.
    if (before && !fresh && before.nicIps.join() !== nicIps.join()) {
      this.removeRecordsOf(vault, before, pe.dnsZoneGroups)
      this.writeRecordsOf(vault, pe, pe.dnsZoneGroups)
    }
  }

  /** A stand-in address for an IP Azure assigns at apply, from the top of the VNet's space. */
  private standIn(
    owner: string,
    resource: string,
    vnetId: string | null,
    what: string
  ): Unresolved {
    const vnet = vnetId ? this.snapshot.virtualNetworks[idKey(vnetId)] : undefined
    const prefix =
      vnet && !('failure' in vnet)
        ? vnet.addressPrefixes.find((p) => ipaddr.IPv4.isValidCIDR(p))
        : undefined
    // Unknown VNet: a documentation address, which no check takes for a private IP.
    let top = prefix ? ipaddr.IPv4.broadcastAddressFromCIDR(prefix).toByteArray() : [192, 0, 2, 255]
    let value: string
    do {
      const n =
        (top[0] ?? 0) * 2 ** 24 +
        (top[1] ?? 0) * 2 ** 16 +
        (top[2] ?? 0) * 2 ** 8 +
        (top[3] ?? 0) -
        1
      top = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
      value = top.join('.')
    } while (this.used.has(value))
    this.used.add(value)
    if (vnet && !('failure' in vnet)) this.endpointPrefixes.set(value, vnet.addressPrefixes)
    const unresolved: Unresolved = { vault: owner, resource, value, what }
    this.unresolved.push(unresolved)
    return unresolved
  }

  private zoneGroup(change: PlannedChange): void {
    const peId = parentId(change.id)
    const vault = this.vaultOfPe(peId, null)
    const pe = vault?.privateEndpoints[idKey(peId)]
    if (!vault || !pe)
      return this.skip(change, 'its private endpoint is not one of a checked vault')
    this.touch(vault)
    const index = pe.dnsZoneGroups.findIndex((g) => sameId(g.id, change.id))
    const before = index >= 0 ? pe.dnsZoneGroups[index] : undefined
    if (before) this.removeRecordsOf(vault, pe, [before])
    if (change.action === 'delete') {
      if (index >= 0) pe.dnsZoneGroups.splice(index, 1)
      return
    }
    const props = obj(change.after?.properties)
    const recordName = vault.name.toLowerCase()
    const group: DnsZoneGroupSnapshot = {
      id: change.id,
      name: str(change.after?.name) ?? nameOf(change.id),
      configs: list(props.privateDnsZoneConfigs).flatMap((config) => {
        const zoneId = str(obj(config.properties).privateDnsZoneId)
        if (!zoneId) return []
        return [
          {
            privateDnsZoneId: zoneId,
            recordSets: [
              {
                recordSetName: recordName,
                fqdn: `${recordName}.${nameOf(zoneId)}`,
                ipAddresses: [...pe.nicIps]
              }
            ]
          }
        ]
      })
    }
    if (index >= 0) pe.dnsZoneGroups[index] = group
    else pe.dnsZoneGroups.push(group)
    pe.dnsZoneGroupsFailure = null
    delete pe.dnsZoneGroupsSkipped
    this.writeRecordsOf(vault, pe, [group])
  }

  /** Azure keeps an A record named after the vault, with the PE's IPs, in each zone of a group. */
  private writeRecordsOf(
    vault: VaultSnapshot,
    pe: PrivateEndpointSnapshot,
    groups: DnsZoneGroupSnapshot[]
  ): void {
    const name = vault.name.toLowerCase()
    for (const config of groups.flatMap((g) => g.configs)) {
      const zone = this.findZone(config.privateDnsZoneId)
      if (!zone) continue
      const set = zone.aRecords.find((s) => s.name.toLowerCase() === name)
      if (set) {
        set.ipv4Addresses = [...new Set([...set.ipv4Addresses, ...pe.nicIps])]
      } else {
        zone.aRecords.push({
          id: `${zone.id}/A/${name}`,
          name,
          fqdn: `${name}.${zone.name.replace(/\.+$/, '')}.`,
          // The TTL a zone group writes.
          ttl: 10,
          ipv4Addresses: [...pe.nicIps]
        })
      }
    }
  }

  /** A group that goes (or a PE whose IPs change) takes its IPs out of the records it kept. */
  private removeRecordsOf(
    vault: VaultSnapshot,
    pe: PrivateEndpointSnapshot,
    groups: DnsZoneGroupSnapshot[]
  ): void {
    const name = vault.name.toLowerCase()
    for (const config of groups.flatMap((g) => g.configs)) {
      const zone = this.findZone(config.privateDnsZoneId)
      if (!zone) continue
      const set = zone.aRecords.find((s) => s.name.toLowerCase() === name)
      if (!set) continue
      set.ipv4Addresses = set.ipv4Addresses.filter((ip) => !pe.nicIps.includes(ip))
      if (set.ipv4Addresses.length === 0) zone.aRecords = zone.aRecords.filter((s) => s !== set)
    }
  }
}

/**
 * What a vault's reach and DNS path rest on: its private endpoints' VNets, the VNets that must
 * resolve it, and every VNet, resolver and ruleset on their DNS paths (lower-cased IDs).
 */
function dependencies(snapshot: Snapshot, vault: VaultSnapshot): string[] {
  const model = buildTargetModel(snapshot, vault)
  const peVnets = model.endpoints.flatMap((pe) => (pe.vnetId ? [pe.vnetId] : []))
  const ids: string[] = [...peVnets]
  for (const vnet of resolvingVnets(snapshot, peVnets, [model.hostname, model.alias])) {
    ids.push(vnet.vnetId)
    for (const path of vnet.paths) {
      for (const hop of path.hops) {
        if (hop.kind === 'azure-dns' || hop.kind === 'forwarder') ids.push(hop.vnetId)
        else if (hop.kind === 'resolver') ids.push(hop.resolver.id)
        else if (hop.kind === 'rule') ids.push(hop.ruleset.id, hop.vnetId)
      }
    }
  }
  return ids.map(idKey)
}

/** The DNS servers a path asks, and the targets of the forwarding rules it passes. */
function serversOn(path: DnsPath): string[] {
  return path.hops.flatMap((hop) => {
    if (hop.kind === 'rule') return hop.rule.targets.map((t) => t.ipAddress)
    return hop.kind === 'azure-dns' ? [] : [hop.server]
  })
}

function networkAcls(value: unknown): NetworkAcls | null {
  if (typeof value !== 'object' || value === null) return null
  const acls = obj(value)
  return {
    bypass: str(acls.bypass),
    defaultAction: str(acls.defaultAction),
    ipRules: list(acls.ipRules).flatMap((r) => (str(r.value) ? [str(r.value) as string] : [])),
    virtualNetworkRules: list(acls.virtualNetworkRules).flatMap((r) =>
      str(r.id) ? [str(r.id) as string] : []
    )
  }
}
