/**
 * Private DNS (guide §6): DNS-ZONE-MISSING, DNS-ZONE-MISNAMED, DNS-LINK-MISSING,
 * DNS-LINK-NOT-READY, DNS-RECORD-MISSING, DNS-RECORD-NAME, DNS-RECORD-WRONG-IP,
 * DNS-RECORD-EXTRA-IP, DNS-RECORD-TTL, DNS-ZONE-CONFLICT.
 *
 * The exact zone is the one named like the target kind's privatelink zone (case-insensitive,
 * trailing dot ignored). Checks run per VNet that holds an effective private endpoint of it.
 */
import type {
  ARecordSetSnapshot,
  PrivateZoneSnapshot,
  ReadFailure,
  VirtualNetworkLinkSnapshot
} from '../../collect/snapshot.js'
import { idKey, sameId } from '../../collect/snapshot.js'
import { nameOf, resourceGroupOf, subscriptionOf } from '../../common/arm-id.js'
import {
  exactZones,
  IN_PROGRESS,
  isZoneNamed,
  linkedExactZone,
  zonePlace,
  zoneScopeFailures,
  zoneSearchFailures,
  type VnetGroup
} from '../../model/model.js'
import { dnsName, isNamedAfter, list, sameText } from '../../common/names.js'
import { privateLinkZones } from '../../common/target.js'
import {
  answeringVnets,
  describePath,
  resolvingVnets,
  vnetName,
  type DnsPath,
  type ResolvingVnet
} from '../../model/dns-path.js'
import {
  linkCreate,
  linkDelete,
  linkRecreate,
  recordCreate,
  recordDelete,
  recordRemoveIp,
  recordRepoint,
  recordSetTtl,
  steps,
  suggestedTtl,
  zoneCreate,
  zoneGroupCreate,
  zoneId,
  vnetSetDnsServers,
  type ZonePlace
} from '../fixes.js'
import { defineRule, perTarget, type Outcomes, type TargetContext } from '../rule.js'

// ---- Helpers ------------------------------------------------------------------------------

function describeZone(zone: PrivateZoneSnapshot | ZonePlace, vaultSubscription: string): string {
  const sub =
    zone.subscriptionId && zone.subscriptionId !== vaultSubscription
      ? `, subscription ${zone.subscriptionId}`
      : ''
  return `${zone.name} (resource group ${zone.resourceGroup}${sub})`
}

function peNames(group: VnetGroup): string {
  return group.pes.map((item) => item.pe.name).join(', ')
}

/**
 * A zone's A records by DNS name and by first label, built once per records array: every vault
 * looks its record up in the shared zone, and a scan per vault is quadratic at thousands of
 * vaults. The index remembers each record and its name as they were, as the snapshot may change
 * after it was built (a plan's changes are applied in place): a hit is checked on the spot, a miss
 * (rarer: a missing or misnamed record) by comparing every record with what was indexed, which
 * costs no string work.
 */
interface RecordIndex {
  items: ARecordSetSnapshot[]
  names: string[]
  /** Positions in `items`. */
  byName: Map<string, number>
  byLabel: Map<string, number[]>
}

const recordIndexes = new WeakMap<ARecordSetSnapshot[], RecordIndex>()

function unchangedAt(records: ARecordSetSnapshot[], index: RecordIndex, at: number): boolean {
  const record = records[at]
  return record !== undefined && record === index.items[at] && record.name === index.names[at]
}

function recordIndex(records: ARecordSetSnapshot[], checked: boolean): RecordIndex {
  const known = recordIndexes.get(records)
  if (
    known &&
    known.items.length === records.length &&
    (!checked || records.every((_, at) => unchangedAt(records, known, at)))
  )
    return known
  const index: RecordIndex = {
    items: [...records],
    names: records.map((r) => r.name),
    byName: new Map(),
    byLabel: new Map()
  }
  records.forEach((record, at) => {
    const name = dnsName(record.name)
    if (!index.byName.has(name)) index.byName.set(name, at)
    const label = name.split('.', 1)[0] ?? name
    const same = index.byLabel.get(label)
    if (same) same.push(at)
    else index.byLabel.set(label, [at])
  })
  recordIndexes.set(records, index)
  return index
}

function vaultRecord(
  ctx: TargetContext,
  zone: PrivateZoneSnapshot
): ARecordSetSnapshot | undefined {
  const vault = ctx.model.vault.name.toLowerCase()
  const records = zone.aRecords
  const quick = recordIndex(records, false)
  const hit = quick.byName.get(vault)
  if (hit !== undefined && unchangedAt(records, quick, hit)) return records[hit]
  const at = recordIndex(records, true).byName.get(vault)
  return at === undefined ? undefined : records[at]
}

/**
 * The zone's records that look meant for the vault: named after it, maybe with a suffix or dots
 * (`kv1`, `kv1.vault`), in the zone's order: among those whose first label is the vault name's.
 */
function vaultLikeRecords(ctx: TargetContext, zone: PrivateZoneSnapshot): ARecordSetSnapshot[] {
  const vault = ctx.model.vault.name
  const label = vault.toLowerCase().split('.', 1)[0] ?? ''
  const same = recordIndex(zone.aRecords, true).byLabel.get(label) ?? []
  return same.flatMap((at) => {
    const record = zone.aRecords[at]
    return record && isNamedAfter(record.name, vault) ? [record] : []
  })
}

function ttlFor(ctx: TargetContext, current: number | null | undefined): number {
  const { ttlMin, ttlMax } = ctx.options
  return current != null && current >= ttlMin && current <= ttlMax
    ? current
    : suggestedTtl(ttlMin, ttlMax)
}

function ipsOrPlaceholder(group: VnetGroup): string[] {
  return group.ips.length > 0 ? group.ips : ['<private-endpoint-ip>']
}

function groupsLinkedTo(ctx: TargetContext, zone: PrivateZoneSnapshot): VnetGroup[] {
  if (zone.linksFailure) return []
  return ctx.model.vnets.filter((group) =>
    zone.links.some((link) => sameId(link.virtualNetworkId, group.vnetId))
  )
}

interface Misnamed {
  zoneId: string
  name: string
  zone: PrivateZoneSnapshot | undefined
  /** DNS zone groups of the vault's PEs that write into this zone. */
  groups: { peId: string; peName: string; groupName: string }[]
  /** Records in it meant for the vault. */
  records: ARecordSetSnapshot[]
}

interface MisnamedResult {
  found: Misnamed[]
  blockers: ReadFailure[]
}

const misnamedZones = perTarget((ctx: TargetContext): MisnamedResult => {
  const { snapshot, model } = ctx
  const found = new Map<string, Misnamed>()
  const entry = (zoneIdValue: string): Misnamed => {
    const key = idKey(zoneIdValue)
    let item = found.get(key)
    if (!item) {
      const zone = snapshot.zones.find((candidate) => sameId(candidate.id, zoneIdValue))
      item = {
        zoneId: zone?.id ?? zoneIdValue,
        name: zone?.name ?? nameOf(zoneIdValue),
        zone,
        groups: [],
        records: []
      }
      found.set(key, item)
    }
    return item
  }

  const blockers: ReadFailure[] = [...zoneScopeFailures(snapshot), ...model.peFailures]
  for (const pe of model.endpoints) {
    if (pe.dnsZoneGroupsFailure) blockers.push(pe.dnsZoneGroupsFailure)
    for (const group of pe.dnsZoneGroups) {
      for (const config of group.configs) {
        if (isZoneNamed(nameOf(config.privateDnsZoneId), model.names.zone)) continue
        const item = entry(config.privateDnsZoneId)
        if (
          !item.groups.some((known) => sameId(known.peId, pe.id) && known.groupName === group.name)
        ) {
          item.groups.push({ peId: pe.id, peName: pe.name, groupName: group.name })
        }
      }
    }
  }
  // The other kind's privatelink zone holds that kind's records: a key vault and a managed HSM may
  // share a name, so a record there named like this target is no sign of a misplaced one.
  const otherZones = [snapshot.privateLinkZone, ...privateLinkZones(snapshot.cloud)].filter(
    (name) => !isZoneNamed(name, model.names.zone)
  )
  for (const zone of snapshot.zones) {
    if (isZoneNamed(zone.name, model.names.zone)) continue
    if (otherZones.some((name) => isZoneNamed(zone.name, name))) continue
    if (zone.recordsFailure) {
      blockers.push(zone.recordsFailure)
      continue
    }
    const records = vaultLikeRecords(ctx, zone)
    if (records.length > 0) entry(zone.id).records.push(...records)
  }
  return { found: [...found.values()], blockers }
})

/** Where a new exact zone should go: next to a misnamed one the vault uses, else next to its PE. */
function newZonePlace(ctx: TargetContext, misnamed: MisnamedResult): ZonePlace {
  const name = ctx.model.names.zone
  const near = misnamed.found.find((item) => item.groups.length > 0) ?? misnamed.found[0]
  if (near) {
    const group = near.zone?.resourceGroup ?? resourceGroupOf(near.zoneId)
    if (group)
      return {
        name,
        resourceGroup: group,
        subscriptionId: near.zone?.subscriptionId ?? subscriptionOf(near.zoneId)
      }
  }
  const pe = ctx.model.effective[0]?.pe
  const peGroup = pe ? resourceGroupOf(pe.id) : null
  if (pe && peGroup) return { name, resourceGroup: peGroup, subscriptionId: subscriptionOf(pe.id) }
  return {
    name,
    resourceGroup: ctx.model.place.resourceGroup ?? '<resource-group>',
    subscriptionId: ctx.model.vault.subscriptionId
  }
}

function zoneMissing(ctx: TargetContext, out: Outcomes): void {
  const { snapshot, model } = ctx
  const vault = model.vault
  const misnamed = misnamedZones(ctx)
  const zones = exactZones(snapshot, model.names.zone)
  if (zones.length > 0) {
    out.pass({
      resource: zones[0]?.id ?? vault.id,
      message: `Private DNS zone ${model.names.zone} exists: ${zones.map((zone) => describeZone(zone, vault.subscriptionId)).join('; ')}`,
      observed: `${zones.length} zone${zones.length === 1 ? '' : 's'}`,
      expected: `a zone named exactly ${model.names.zone}`
    })
    return
  }
  const searchFailures = zoneSearchFailures(snapshot, model.names.zone)
  if (searchFailures.length > 0) {
    out.notRun(...searchFailures)
    return
  }
  const place = newZonePlace(ctx, misnamed)
  const newId = zoneId(place)
  const scopes = snapshot.zoneScopes.map((scope) => scope.scope)
  const dangling = model.endpoints.flatMap((pe) =>
    pe.dnsZoneGroups.flatMap((group) =>
      group.configs
        .filter((config) => isZoneNamed(nameOf(config.privateDnsZoneId), model.names.zone))
        .map(
          (config) =>
            `${pe.name}'s DNS zone group ${group.name} points to ${config.privateDnsZoneId}, which was not found`
        )
    )
  )
  out.finding({
    resource: vault.id,
    message:
      `No private DNS zone named exactly ${model.names.zone} was found in the scopes searched (${list(scopes)}). ` +
      `Without it, clients in the VNet resolve ${model.hostname} to the ${model.names.short}'s public IP. ` +
      (dangling.length > 0 ? `${dangling.join('; ')}. ` : '') +
      `If the zone lives in another subscription or resource group (hub and spoke), add that scope to the ` +
      `dns-zone-scopes input; otherwise create it, link it to the VNets of the private endpoints and register them in it`,
    observed: 'no zone',
    expected: `a private DNS zone named ${model.names.zone}`,
    fix: steps(
      zoneCreate(place),
      ...model.vnets.map((group) => linkCreate(place, group.vnetId)),
      ...model.effective.map((item) =>
        zoneGroupCreate(item.pe.id, item.pe.dnsZoneGroups[0]?.name ?? 'default', newId)
      )
    )
  })
}

function misnamedFindings(ctx: TargetContext, out: Outcomes): void {
  const { snapshot, model } = ctx
  const vault = model.vault
  const misnamed = misnamedZones(ctx)
  const exact = model.names.zone
  if (misnamed.found.length === 0) {
    if (misnamed.blockers.length > 0) {
      out.notRun(...misnamed.blockers)
      return
    }
    out.pass({
      resource: vault.id,
      message: `No misnamed private DNS zone is used by ${model.names.label} ${vault.name}'s private endpoints or holds a record for it`,
      observed: 'no misnamed zone',
      expected: 'no misnamed zone'
    })
    return
  }
  const zones = exactZones(snapshot, model.names.zone)
  for (const item of misnamed.found) {
    const reasons = [
      ...item.groups.map(
        (group) =>
          `private endpoint ${group.peName}'s DNS zone group ${group.groupName} writes its record into it`
      ),
      ...item.records.map(
        (record) => `it holds A record ${record.name} → ${list(record.ipv4Addresses)}`
      )
    ]
    const place: ZonePlace = item.zone
      ? zonePlace(item.zone)
      : {
          name: item.name,
          resourceGroup: resourceGroupOf(item.zoneId) ?? '<resource-group>',
          subscriptionId: subscriptionOf(item.zoneId)
        }
    const target = (peId: string): string => {
      const pe = ctx.model.endpoints.find((candidate) => sameId(candidate.id, peId))
      const linked = pe?.vnetId ? linkedExactZone(snapshot, model.names.zone, pe.vnetId) : null
      return linked?.zone.id ?? zones[0]?.id ?? zoneId(newZonePlace(ctx, misnamed))
    }
    out.finding({
      resource: item.zoneId,
      message:
        `Private DNS zone ${describeZone(place, vault.subscriptionId)} is not ${exact}, the zone private link uses for ${model.names.label}s: ` +
        `DNS never looks there for ${ctx.model.hostname}, so what it holds for ${vault.name} has no effect (${reasons.join('; ')}). ` +
        (zones.length === 0 ? `Create ${exact} (see DNS-ZONE-MISSING) and p` : 'P') +
        (item.groups.length > 0
          ? `oint the DNS zone group${item.groups.length === 1 ? '' : 's'} at ${exact}`
          : `ut the ${model.names.short}'s record in ${exact} instead`) +
        (item.records.length > 0
          ? `, and delete the misplaced record${item.records.length === 1 ? '' : 's'}`
          : '') +
        `; delete the zone ${item.name} once nothing else uses it`,
      observed: item.name,
      expected: exact,
      fix: steps(
        ...item.groups.map((group) =>
          zoneGroupCreate(group.peId, group.groupName, target(group.peId))
        ),
        ...item.records.map((record) => recordDelete(place, record.name))
      )
    })
  }
}

/** The exact zone to link a VNet to: the one its PEs' zone groups use, else the one holding its IP, … */
function pickZone(
  ctx: TargetContext,
  zones: PrivateZoneSnapshot[],
  group: VnetGroup
): PrivateZoneSnapshot {
  const referenced = zones.find((zone) =>
    group.pes.some((item) =>
      item.pe.dnsZoneGroups.some((zg) =>
        zg.configs.some((config) => sameId(config.privateDnsZoneId, zone.id))
      )
    )
  )
  if (referenced) return referenced
  const holding = zones.find((zone) => {
    const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone)
    return record?.ipv4Addresses.some((ip) => group.ips.includes(ip))
  })
  if (holding) return holding
  const peSubscription = group.pes[0] ? subscriptionOf(group.pes[0].pe.id) : null
  return (
    zones.find((zone) => zone.subscriptionId === peSubscription) ??
    (zones[0] as PrivateZoneSnapshot)
  )
}

// ---- Which zone serves each VNet, read once for the link and record rules -----------------

/**
 * Where a VNet that must resolve the vault gets its answer: Azure DNS in `answering` (the VNet
 * itself, a resolver's VNet, a forwarder's VNet: see model/dns-path.ts).
 */
interface Via {
  resolving: ResolvingVnet
  answering: string
  answeringName: string
  /** The path that ends there; null when the VNet's own zone is judged for want of a path. */
  path: DnsPath | null
}

type VnetDns =
  | { group: VnetGroup; via: Via; state: 'blocked'; blockers: ReadFailure[] }
  | { group: VnetGroup; via: Via; state: 'no-zone' }
  | { group: VnetGroup; via: Via; state: 'unlinked'; zone: PrivateZoneSnapshot }
  | {
      group: VnetGroup
      via: Via
      state: 'linked'
      zone: PrivateZoneSnapshot
      link: VirtualNetworkLinkSnapshot
      /** The vault's A record (undefined: none, or the records could not be read). */
      record: ARecordSetSnapshot | undefined
      /** True for the first VNet served by this zone: record-level checks report once per zone. */
      firstTime: boolean
    }

/** The VNets that must resolve the vault, with their DNS paths (once per target). */
export const resolving = perTarget((ctx: TargetContext): ResolvingVnet[] =>
  resolvingVnets(
    ctx.snapshot,
    ctx.model.vnets.map((group) => group.vnetId),
    [ctx.model.hostname, ctx.model.alias],
    ctx.runnerVnets ?? []
  )
)

/** A client VNet holds no PE: it may get any effective PE IP of the vault. */
function clientGroup(ctx: TargetContext, vnet: ResolvingVnet): VnetGroup {
  const ips = [...new Set(ctx.model.effective.flatMap((item) => item.ips))]
  return {
    vnetId: vnet.vnetId,
    name: vnet.name,
    vnet: vnet.vnet,
    pes: ctx.model.effective,
    ips,
    ipsKnown: ctx.model.effective.every((item) => item.ipsKnown),
    ipFailures: ctx.model.effective.flatMap((item) => item.pe.nicFailures)
  }
}

const vnetDns = perTarget((ctx: TargetContext): VnetDns[] => {
  const { snapshot, model } = ctx
  const zones = exactZones(snapshot, model.names.zone)
  const searchFailures = zoneSearchFailures(snapshot, model.names.zone)
  const zonesDone = new Set<string>()
  const entries: VnetDns[] = []
  for (const vnet of resolving(ctx)) {
    const own = model.vnets.find((group) => sameId(group.vnetId, vnet.vnetId))
    if (!own && model.effective.length === 0) continue
    const base = own ?? clientGroup(ctx, vnet)
    const ends = answeringVnets(vnet.paths).map((answering) => ({
      answering,
      path: vnet.paths.find((path) => sameId(path.answering, answering)) ?? null
    }))
    // A PE's VNet whose path cannot be followed (servers on premises, a forwarding rule, a loop):
    // the zone linked to the VNet itself, if any, is judged for its records as before the DNS path
    // was known; a missing link there is no finding, since the answer comes from elsewhere
    // (VNET-CUSTOM-DNS and DNS-FORWARDING-* say where). An unreadable VNet keeps the old check.
    const unread = vnet.paths.every((path) => path.end === 'unread')
    if (ends.length === 0 && own) {
      if (!unread && !linkedExactZone(snapshot, model.names.zone, own.vnetId)) continue
      ends.push({ answering: own.vnetId, path: null })
    }
    for (const { answering, path } of ends) {
      const answeringName = vnetName(snapshot, answering)
      const via: Via = { resolving: vnet, answering, answeringName, path }
      const same = sameId(answering, base.vnetId)
      // Messages and fixes speak of the VNet the zone must be linked to.
      const group: VnetGroup = same ? base : { ...base, vnetId: answering, name: answeringName }
      const linked = linkedExactZone(snapshot, model.names.zone, answering)
      if (!linked) {
        const blockers = [
          ...searchFailures,
          ...zones.flatMap((zone) => (zone.linksFailure ? [zone.linksFailure] : []))
        ]
        if (blockers.length > 0) entries.push({ group, via, state: 'blocked', blockers })
        else if (zones.length === 0) entries.push({ group, via, state: 'no-zone' })
        else entries.push({ group, via, state: 'unlinked', zone: pickZone(ctx, zones, base) })
        continue
      }
      const { zone, link } = linked
      const firstTime = !zonesDone.has(idKey(zone.id))
      zonesDone.add(idKey(zone.id))
      // A client served by a zone a PE's VNet already uses adds nothing to the record checks.
      if (!own && !firstTime) continue
      const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone)
      entries.push({ group, via, state: 'linked', zone, link, record, firstTime })
    }
  }
  return entries
})

/**
 * The VNets whose zone and record were read, for the record rules; the reads that kept the
 * others from being checked are reported as not run.
 */
function readRecords(ctx: TargetContext, out: Outcomes) {
  const ready = []
  for (const entry of vnetDns(ctx)) {
    if (entry.state === 'blocked') out.notRun(...entry.blockers)
    if (entry.state !== 'linked') continue
    if (entry.zone.recordsFailure) {
      out.notRun(entry.zone.recordsFailure)
      continue
    }
    ready.push(entry)
  }
  return ready
}

function linkMissing(
  ctx: TargetContext,
  out: Outcomes,
  zone: PrivateZoneSnapshot,
  group: VnetGroup,
  via: Via,
  others: string[]
): void {
  if (
    !sameId(via.answering, via.resolving.vnetId) ||
    via.resolving.why !== 'endpoint' ||
    others.length > 0 ||
    (azureDnsAtHome(via) && linkedResolver(ctx) !== null)
  ) {
    linkMissingOnPath(ctx, out, zone, via, others)
    return
  }
  const { model } = ctx
  const vault = model.vault
  const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone)
  const foreign = record ? record.ipv4Addresses.filter((ip) => !group.ips.includes(ip)) : []
  const note =
    record &&
    foreign.length > 0 &&
    group.ips.length > 0 &&
    !record.ipv4Addresses.some((ip) => group.ips.includes(ip))
      ? ` Note: its A record ${record.name} points to ${list(record.ipv4Addresses)}, not to ${list(group.ips)}: once linked, ` +
        `fix the record too, or give ${group.name} a zone of its own (guide §6, more than one VNet)`
      : ''
  const linkedTo = zone.links.map((link) => nameOf(link.virtualNetworkId))
  out.finding({
    resource: zone.id,
    message:
      `Private DNS zone ${describeZone(zone, vault.subscriptionId)} is not linked to VNet ${group.name}, which holds ` +
      `private endpoint ${peNames(group)} of ${model.names.label} ${vault.name}: DNS queries from ${group.name} ignore the zone, ` +
      `so ${model.hostname} resolves to the ${model.names.short}'s public IP there. Link the zone to the VNet.${note}`,
    observed: linkedTo.length > 0 ? `linked to ${list(linkedTo)}` : 'linked to no VNet',
    expected: `linked to ${group.name}`,
    fix: linkCreate(zonePlace(zone), group.vnetId)
  })
}

/** The VNet uses Azure-provided DNS, answered in the VNet itself (no server, no rule). */
function azureDnsAtHome(via: Via): boolean {
  const hops = via.path?.hops ?? []
  return (
    hops.length === 1 &&
    hops[0]?.kind === 'azure-dns' &&
    sameId(via.answering, via.resolving.vnetId)
  )
}

/** A DNS private resolver whose VNet is linked to an exact zone: where spokes should point. */
function linkedResolver(
  ctx: TargetContext
): { name: string; vnetId: string; ips: string[] } | null {
  for (const resolver of ctx.snapshot.dnsPath?.resolvers ?? []) {
    const vnetId = resolver.virtualNetworkId
    const ips = resolver.inboundEndpoints.flatMap((endpoint) => endpoint.ips)
    if (vnetId && ips.length > 0 && linkedExactZone(ctx.snapshot, ctx.model.names.zone, vnetId))
      return { name: resolver.name, vnetId, ips }
  }
  return null
}

/** The zone is not linked where Azure DNS answers for one or more VNets that must resolve. */
function linkMissingOnPath(
  ctx: TargetContext,
  out: Outcomes,
  zone: PrivateZoneSnapshot,
  via: Via,
  others: string[]
): void {
  const { model, snapshot } = ctx
  const vault = model.vault
  const clients = [via.resolving.name, ...others]
  const why =
    via.resolving.why === 'endpoint'
      ? `which holds a private endpoint of ${model.names.label} ${vault.name}`
      : via.resolving.why === 'runner'
        ? `this runner's VNet, a client of ${model.names.label} ${vault.name}`
        : `a client VNet of ${model.names.label} ${vault.name}`
  const path = via.path ? describePath(snapshot, via.resolving.vnetId, via.path) : null
  const linkedTo = zone.links.map((link) => nameOf(link.virtualNetworkId))
  const resolver = azureDnsAtHome(via) ? linkedResolver(ctx) : null
  if (resolver) {
    // Azure-provided DNS in a VNet while a resolver serves the zone elsewhere: the hub-and-spoke
    // way is to point the VNet's DNS at the resolver, not to link every spoke.
    out.finding({
      resource: zone.id,
      message:
        `VNet ${via.resolving.name} (${why}) uses Azure-provided DNS, and private DNS zone ` +
        `${describeZone(zone, vault.subscriptionId)} is not linked to it: ${model.hostname} resolves to the vault's ` +
        `public IP for clients in ${list(clients)}. The zone is linked to VNet ${vnetName(snapshot, resolver.vnetId)}, ` +
        `where DNS private resolver ${resolver.name} has its inbound endpoint (${list(resolver.ips)}): point ` +
        `${via.resolving.name}'s DNS servers at it (VMs pick the change up when they renew their DHCP lease or restart), ` +
        `or link the zone to ${via.resolving.name}`,
      observed: linkedTo.length > 0 ? `linked to ${list(linkedTo)}` : 'linked to no VNet',
      expected: `${via.resolving.name} resolving through ${resolver.name}, or linked to the zone`,
      fix: vnetSetDnsServers(via.resolving.vnetId, resolver.ips)
    })
    return
  }
  out.finding({
    resource: zone.id,
    message:
      `Private DNS zone ${describeZone(zone, vault.subscriptionId)} is not linked to VNet ${via.answeringName}` +
      (sameId(via.answering, via.resolving.vnetId)
        ? ` (${why}), where Azure DNS answers its queries`
        : `, where Azure DNS answers for VNet ${via.resolving.name} (${why})`) +
      (others.length > 0 ? ` and for ${list(others)}` : '') +
      (path && !sameId(via.answering, via.resolving.vnetId) ? ` along the DNS path ${path}` : '') +
      `: DNS answers there ignore the zone, so ${model.hostname} resolves to the vault's public IP for clients in ` +
      `${list(clients)}. Link the zone to ${via.answeringName}` +
      (sameId(via.answering, via.resolving.vnetId)
        ? ''
        : ` (a link to ${via.resolving.name} itself does not help: its queries are answered in ${via.answeringName})`),
    observed: linkedTo.length > 0 ? `linked to ${list(linkedTo)}` : 'linked to no VNet',
    expected: `linked to ${via.answeringName}`,
    fix: linkCreate(zonePlace(zone), via.answering)
  })
}

function linkReady(
  ctx: TargetContext,
  out: Outcomes,
  zone: PrivateZoneSnapshot,
  link: VirtualNetworkLinkSnapshot,
  group: VnetGroup
): void {
  const { model } = ctx
  const vault = model.vault
  const state = link.virtualNetworkLinkState ?? 'unknown'
  const provisioning = link.provisioningState ?? 'unknown'
  const observed = `link state ${state}, provisioning ${provisioning}`
  if (
    sameText(link.virtualNetworkLinkState, 'Completed') &&
    sameText(link.provisioningState, 'Succeeded')
  ) {
    out.pass({
      resource: link.id,
      message: `The link ${link.name} from ${zone.name} to VNet ${group.name} is Completed and Succeeded`,
      observed,
      expected: 'link state Completed, provisioning Succeeded'
    })
    return
  }
  const inProgress =
    IN_PROGRESS.includes(state.toLowerCase()) || IN_PROGRESS.includes(provisioning.toLowerCase())
  out.finding({
    resource: link.id,
    message:
      `The link ${link.name} from private DNS zone ${zone.name} to VNet ${group.name} (private endpoint ${peNames(group)} ` +
      `of ${model.names.label} ${vault.name}) is not ready (${observed}): until it is Completed and Succeeded, ${group.name} may not ` +
      `use the zone. ` +
      (inProgress
        ? 'A link that was just saved can take a few minutes; if it stays so, recreate it'
        : 'Recreate the link'),
    observed,
    expected: 'link state Completed, provisioning Succeeded',
    fix: linkRecreate(zonePlace(zone), link.name, group.vnetId)
  })
}

function recordMissingOrMisnamed(
  ctx: TargetContext,
  out: Outcomes,
  rule: 'DNS-RECORD-MISSING' | 'DNS-RECORD-NAME',
  zone: PrivateZoneSnapshot,
  link: VirtualNetworkLinkSnapshot,
  group: VnetGroup
): void {
  const { model } = ctx
  const vault = model.vault
  const place = zonePlace(zone)
  const ips = ipsOrPlaceholder(group)
  const ttl = suggestedTtl(ctx.options.ttlMin, ctx.options.ttlMax)
  const wrong = vaultLikeRecords(ctx, zone)
  if (wrong.length > 0) {
    if (rule === 'DNS-RECORD-NAME')
      out.finding({
        resource: wrong[0]?.id ?? zone.id,
        message:
          `Private DNS zone ${zone.name} has no A record named ${vault.name}, only ` +
          `${wrong.map((record) => `${record.name} (→ ${list(record.ipv4Addresses)})`).join(', ')}. ` +
          `The record must carry the bare vault name, without suffix or dots, or clients in ${group.name} cannot resolve ` +
          `${model.hostname} to the private endpoint. Replace it with a record named ${vault.name}`,
        observed: wrong.map((record) => record.name).join(', '),
        expected: vault.name,
        fix: steps(
          ...wrong.map((record) => recordDelete(place, record.name)),
          recordCreate(place, vault.name, ips, ttl)
        )
      })
    return
  }
  if (rule !== 'DNS-RECORD-MISSING') return
  const redirect = sameText(link.resolutionPolicy, 'NxDomainRedirect')
  out.finding({
    resource: zone.id,
    message:
      `Private DNS zone ${zone.name} is linked to VNet ${group.name} but has no A record ${vault.name}` +
      (redirect
        ? `. Because the link ${link.name} uses resolutionPolicy NxDomainRedirect, clients in ${group.name} silently ` +
          `fall back to the ${model.names.short}'s public IP instead of getting NXDOMAIN, and their requests leave over the public endpoint`
        : `: clients in ${group.name} get NXDOMAIN for ${model.hostname}`) +
      `. Add the record with the IP of private endpoint ${peNames(group)} (${list(ips)})`,
    observed:
      `no A record ${vault.name}` + (redirect ? ' (link resolutionPolicy NxDomainRedirect)' : ''),
    expected: `A record ${vault.name} → ${list(ips)}`,
    fix: recordCreate(place, vault.name, ips, ttl)
  })
}

function recordIps(
  ctx: TargetContext,
  out: Outcomes,
  rule: 'DNS-RECORD-WRONG-IP' | 'DNS-RECORD-EXTRA-IP',
  zone: PrivateZoneSnapshot,
  record: ARecordSetSnapshot,
  group: VnetGroup
): void {
  if (!group.ipsKnown || group.ips.length === 0) {
    out.notRun(...group.ipFailures)
    return
  }
  const place = zonePlace(zone)
  const recordIpsValue = record.ipv4Addresses
  const others = groupsLinkedTo(ctx, zone).filter((other) => other !== group)
  const ownerOf = (ip: string): string | null => {
    for (const item of ctx.model.effective) {
      if (item.ips.includes(ip))
        return (
          `private endpoint ${item.pe.name}` +
          (item.pe.vnetId ? ` in VNet ${nameOf(item.pe.vnetId)}` : '')
        )
    }
    return null
  }

  if (!recordIpsValue.some((ip) => group.ips.includes(ip))) {
    const conflicting = others.filter((other) =>
      other.ips.some((ip) => recordIpsValue.includes(ip))
    )
    const conflict = conflicting.length > 0
    if (rule === 'DNS-RECORD-WRONG-IP')
      out.finding({
        resource: record.id,
        message:
          `A record ${record.name} in ${zone.name} points to ${list(recordIpsValue)}; the private endpoint ` +
          `${peNames(group)} in VNet ${group.name} has ${list(group.ips)}: clients in ${group.name} connect to the wrong address. ` +
          (conflict
            ? `The record is right for ${conflicting.map((other) => `VNet ${other.name}`).join(', ')}, also linked to this zone ` +
              `(see DNS-ZONE-CONFLICT): fixing the record alone breaks the other VNet, so give ${group.name} its own zone`
            : 'Add the right IP to the record, then remove the wrong one'),
        observed: list(recordIpsValue),
        expected: list(group.ips),
        fix: conflict
          ? ownZoneFix(ctx, zone, group)
          : recordRepoint(
              place,
              record.name,
              group.ips,
              recordIpsValue,
              ttlFor(ctx, record.ttl) === record.ttl ? null : ttlFor(ctx, record.ttl)
            )
      })
    return
  }
  if (rule === 'DNS-RECORD-WRONG-IP') {
    out.pass({
      resource: record.id,
      message: `A record ${record.name} in ${zone.name} holds ${list(group.ips.filter((ip) => recordIpsValue.includes(ip)))}, the IP of private endpoint ${peNames(group)} in VNet ${group.name}`,
      observed: list(recordIpsValue),
      expected: list(group.ips)
    })
    return
  }
  const extras = recordIpsValue.filter((ip) => !group.ips.includes(ip))
  if (extras.length === 0) {
    out.pass({
      resource: record.id,
      message: `A record ${record.name} in ${zone.name} holds no IP besides the private endpoint's`,
      observed: list(recordIpsValue),
      expected: list(group.ips)
    })
    return
  }
  const held = group.ips.filter((ip) => recordIpsValue.includes(ip))
  const heldBy = group.pes
    .filter((item) => item.ips.some((ip) => held.includes(ip)))
    .map((item) => item.pe.name)
  const described = extras.map((ip) => {
    const owner = ownerOf(ip)
    return owner ? `${ip} (${owner})` : `${ip} (no private endpoint of the vault has it: stale)`
  })
  const fromLinkedVnet = others.some((other) => other.ips.some((ip) => extras.includes(ip)))
  out.finding({
    resource: record.id,
    message:
      `A record ${record.name} in ${zone.name} holds ${described.join(', ')} besides ${list(held)} of private endpoint ` +
      `${heldBy.join(', ')}: clients in ${group.name} pick any of them, so some requests go to an address that is not ` +
      `their private endpoint. Remove the extra IP${extras.length === 1 ? '' : 's'}` +
      (fromLinkedVnet ? ` after giving the other VNet its own zone (see DNS-ZONE-CONFLICT)` : ''),
    observed: list(recordIpsValue),
    expected: list(group.ips),
    fix: steps(...extras.map((ip) => recordRemoveIp(place, record.name, ip)))
  })
}

function recordTtl(
  ctx: TargetContext,
  out: Outcomes,
  zone: PrivateZoneSnapshot,
  record: ARecordSetSnapshot
): void {
  const { options } = ctx
  if (record.ttl == null) return
  const expected = `${options.ttlMin}–${options.ttlMax} s`
  if (record.ttl >= options.ttlMin && record.ttl <= options.ttlMax) {
    out.pass({
      resource: record.id,
      message: `A record ${record.name} in ${zone.name} has TTL ${record.ttl} s, within ${expected}`,
      observed: String(record.ttl),
      expected
    })
    return
  }
  const target = suggestedTtl(options.ttlMin, options.ttlMax)
  const low = record.ttl < options.ttlMin
  out.finding({
    resource: record.id,
    message:
      `A record ${record.name} in ${zone.name} has TTL ${record.ttl} s, outside ${expected}: ` +
      (low
        ? 'clients query DNS for the vault again almost every time'
        : `after a change or an outage, clients keep using the old IP for up to ${record.ttl} s`) +
      `. Set it to ${target} s`,
    observed: String(record.ttl),
    expected,
    fix: recordSetTtl(zonePlace(zone), record.name, target)
  })
}

/** Move `group`'s VNet off the shared zone onto a zone of its own, holding its PE's IP. */
function ownZoneFix(ctx: TargetContext, zone: PrivateZoneSnapshot, group: VnetGroup): string {
  const shared = zonePlace(zone)
  const link = zone.links.find((candidate) => sameId(candidate.virtualNetworkId, group.vnetId))
  const pe = group.pes[0]?.pe
  const peGroup = pe ? resourceGroupOf(pe.id) : null
  const peSubscription = pe ? subscriptionOf(pe.id) : null
  const sameGroup =
    peGroup !== null &&
    peGroup.toLowerCase() === zone.resourceGroup.toLowerCase() &&
    (peSubscription ?? '').toLowerCase() === (zone.subscriptionId ?? '').toLowerCase()
  const own: ZonePlace = {
    name: shared.name,
    resourceGroup: peGroup && !sameGroup ? peGroup : '<another-resource-group>',
    subscriptionId: peSubscription ?? shared.subscriptionId
  }
  return steps(
    link ? linkDelete(shared, link.name) : null,
    zoneCreate(own),
    linkCreate(own, group.vnetId),
    recordCreate(
      own,
      ctx.model.vault.name,
      ipsOrPlaceholder(group),
      suggestedTtl(ctx.options.ttlMin, ctx.options.ttlMax)
    )
  )
}

function ipKey(ips: string[]): string {
  return [...ips].sort().join(',')
}

function conflicts(ctx: TargetContext, out: Outcomes): void {
  const { snapshot, model } = ctx
  const vault = model.vault
  for (const zone of exactZones(snapshot, model.names.zone)) {
    if (zone.linksFailure) {
      if (model.vnets.length > 0) out.notRun(zone.linksFailure)
      continue
    }
    const groups = groupsLinkedTo(ctx, zone)
    if (groups.length === 0) continue
    const known = groups.filter((group) => group.ipsKnown && group.ips.length > 0)
    const keys = [...new Set(known.map((group) => ipKey(group.ips)))]
    if (keys.length < 2) {
      if (known.length < groups.length) {
        out.notRun(...groups.flatMap((group) => group.ipFailures))
        continue
      }
      out.pass({
        resource: zone.id,
        message:
          groups.length === 1
            ? `Private DNS zone ${zone.name} serves one VNet with private endpoints of ${model.names.label} ${vault.name}: ` +
              `${groups[0]?.name} → ${list(known[0]?.ips ?? [])}`
            : `Private DNS zone ${zone.name} serves ${groups.length} VNets with private endpoints of ${model.names.label} ${vault.name} ` +
              `(${groups.map((group) => group.name).join(', ')}), which all use ${list(known[0]?.ips ?? [])}`,
        observed: groups.map((group) => `${group.name} → ${list(group.ips)}`).join('; '),
        expected: 'one IP set per zone'
      })
      continue
    }
    const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone)
    const served =
      known.find((group) => record?.ipv4Addresses.some((ip) => group.ips.includes(ip))) ?? known[0]
    const servedKey = served ? ipKey(served.ips) : ''
    const losers = known.filter((group) => ipKey(group.ips) !== servedKey)
    const loserNames = losers.map((group) => group.name).join(', ')
    out.finding({
      resource: zone.id,
      message:
        `Private DNS zone ${describeZone(zone, vault.subscriptionId)} is linked to ${groups.length} VNets that hold different ` +
        `private endpoints of ${model.names.label} ${vault.name}: ${known.map((group) => `${group.name} (${peNames(group)} → ${list(group.ips)})`).join(', ')}. ` +
        `Its single A record ${vault.name}${record ? ` (→ ${list(record.ipv4Addresses)})` : ''} cannot serve them all: ` +
        `clients in ${loserNames} get an IP that is not their private endpoint's. Give ${loserNames} a ${zone.name} zone of ` +
        `${losers.length === 1 ? 'its' : 'their'} own holding ${vault.name} → its private endpoint's IP (guide §6, more than one VNet); ` +
        `that zone must also hold the records of every other vault those clients use. If the VNets are peered, you can ` +
        `instead keep one private endpoint and delete the other`,
      observed: known.map((group) => `${group.name} → ${list(group.ips)}`).join('; '),
      expected: 'VNets linked to one zone share one private endpoint IP',
      fix: steps(...losers.map((group) => ownZoneFix(ctx, zone, group)))
    })
  }
}

type Linked = Extract<VnetDns, { state: 'linked' }>

/** A check over the VNets whose zone and records were read (see `readRecords`). */
function eachRecord(check: (ctx: TargetContext, out: Outcomes, entry: Linked) => void) {
  return (ctx: TargetContext, out: Outcomes): void => {
    for (const entry of readRecords(ctx, out))
      check(ctx, out.forClients(entry.via.resolving.vnetId), entry)
  }
}

/** What the record rules read: the PE (its VNet), the zone found and linked to it, its records. */
const RECORD_NEEDS = ['private-endpoint', 'zone-search', 'zone-links', 'zone-records'] as const

export const DNS_RULES = [
  defineRule({
    id: 'DNS-ZONE-MISSING',
    severity: 'error',
    title: 'Private DNS zone missing',
    summary: 'No zone named exactly `privatelink.vaultcore.azure.net`.',
    section: 'privateZone',
    needs: ['zone-search'],
    scope: 'target',
    check: zoneMissing
  }),
  defineRule({
    id: 'DNS-ZONE-MISNAMED',
    severity: 'error',
    title: 'Private DNS zone misnamed',
    summary: 'A near-miss zone is in use.',
    section: 'privateZone',
    needs: ['zone-search', 'private-endpoint', 'dns-zone-group', 'zone-records'],
    scope: 'target',
    check: misnamedFindings
  }),
  defineRule({
    id: 'DNS-LINK-MISSING',
    severity: 'error',
    title: 'Private DNS zone not linked to the VNet',
    summary: "The zone is not linked to the PE's VNet.",
    section: 'privateZone',
    needs: ['private-endpoint', 'zone-search', 'zone-links'],
    scope: 'target',
    check(ctx, out) {
      const entries = vnetDns(ctx)
      const reported = new Set<string>()
      for (const entry of entries) {
        if (entry.state === 'blocked') out.notRun(...entry.blockers)
        if (entry.state === 'unlinked') {
          // One finding per answering VNet, naming every VNet that resolves there.
          const key = idKey(entry.via.answering)
          if (reported.has(key)) continue
          reported.add(key)
          const others = entries
            .filter(
              (other) =>
                other !== entry &&
                other.state === 'unlinked' &&
                sameId(other.via.answering, entry.via.answering)
            )
            .map((other) => other.via.resolving.name)
          const clients = entries
            .filter(
              (other) =>
                other.state === 'unlinked' && sameId(other.via.answering, entry.via.answering)
            )
            .map((other) => other.via.resolving.vnetId)
          linkMissing(
            ctx,
            out.forClients(...new Set(clients)),
            entry.zone,
            entry.group,
            entry.via,
            [...new Set(others)]
          )
        }
        if (entry.state !== 'linked') continue
        const served = sameId(entry.via.answering, entry.via.resolving.vnetId)
          ? ''
          : `, where Azure DNS answers for VNet ${entry.via.resolving.name}`
        out.forClients(entry.via.resolving.vnetId).pass({
          resource: entry.link.id,
          message: `Private DNS zone ${entry.zone.name} is linked to VNet ${entry.group.name}${served} (link ${entry.link.name})`,
          observed: `link ${entry.link.name}`,
          expected: `a link to ${entry.group.name}`
        })
      }
    }
  }),
  defineRule({
    id: 'DNS-LINK-NOT-READY',
    severity: 'error',
    title: 'VNet link not ready',
    summary: 'The link is not `Completed` / `Succeeded`.',
    section: 'privateZone',
    needs: ['private-endpoint', 'zone-search', 'zone-links'],
    scope: 'target',
    check(ctx, out) {
      for (const entry of vnetDns(ctx)) {
        if (entry.state === 'blocked') out.notRun(...entry.blockers)
        if (entry.state === 'linked')
          linkReady(
            ctx,
            out.forClients(entry.via.resolving.vnetId),
            entry.zone,
            entry.link,
            entry.group
          )
      }
    }
  }),
  defineRule({
    id: 'DNS-RECORD-MISSING',
    severity: 'error',
    title: 'A record missing',
    summary: 'No A record named after the vault.',
    section: 'privateZone',
    needs: RECORD_NEEDS,
    scope: 'target',
    check: eachRecord((ctx, out, { zone, record, link, group, firstTime }) => {
      if (!firstTime) return
      if (!record) {
        recordMissingOrMisnamed(ctx, out, 'DNS-RECORD-MISSING', zone, link, group)
        return
      }
      out.pass({
        resource: record.id,
        message: `Zone ${zone.name} has an A record ${record.name} for ${ctx.model.names.label} ${ctx.model.vault.name}`,
        observed: `A record ${record.name}`,
        expected: `A record ${ctx.model.vault.name}`
      })
    })
  }),
  defineRule({
    id: 'DNS-RECORD-NAME',
    severity: 'error',
    title: 'A record under a wrong name',
    summary: 'The A record exists only under a wrong name.',
    section: 'privateZone',
    needs: RECORD_NEEDS,
    scope: 'target',
    check: eachRecord((ctx, out, { zone, record, link, group, firstTime }) => {
      if (!firstTime) return
      if (!record) {
        recordMissingOrMisnamed(ctx, out, 'DNS-RECORD-NAME', zone, link, group)
        return
      }
      out.pass({
        resource: record.id,
        message: `The A record for ${ctx.model.names.label} ${ctx.model.vault.name} in ${zone.name} is named exactly ${record.name}`,
        observed: record.name,
        expected: ctx.model.vault.name
      })
    })
  }),
  defineRule({
    id: 'DNS-RECORD-WRONG-IP',
    severity: 'error',
    title: 'A record points to the wrong IP',
    summary: "The A record lacks the PE's IP.",
    section: 'privateZone',
    needs: [...RECORD_NEEDS, 'network-interface'],
    scope: 'target',
    check: eachRecord((ctx, out, { zone, record, group }) => {
      if (record) recordIps(ctx, out, 'DNS-RECORD-WRONG-IP', zone, record, group)
    })
  }),
  defineRule({
    id: 'DNS-RECORD-EXTRA-IP',
    severity: 'warning',
    title: 'A record holds extra IPs',
    summary: "The A record holds other IPs besides the PE's.",
    section: 'privateZone',
    needs: [...RECORD_NEEDS, 'network-interface'],
    scope: 'target',
    check: eachRecord((ctx, out, { zone, record, group }) => {
      if (record) recordIps(ctx, out, 'DNS-RECORD-EXTRA-IP', zone, record, group)
    })
  }),
  defineRule({
    id: 'DNS-RECORD-TTL',
    severity: 'warning',
    title: 'A record TTL out of range',
    summary: "The A record's TTL is outside [`ttl-min`, `ttl-max`].",
    section: 'privateZone',
    needs: RECORD_NEEDS,
    scope: 'target',
    check: eachRecord((ctx, out, { zone, record, firstTime }) => {
      if (record && firstTime) recordTtl(ctx, out, zone, record)
    })
  }),
  defineRule({
    id: 'DNS-ZONE-CONFLICT',
    severity: 'error',
    title: 'One zone serves VNets that need different IPs',
    summary: 'One zone serves VNets that need different IPs.',
    section: 'privateZone',
    needs: ['private-endpoint', 'network-interface', 'zone-links'],
    scope: 'target',
    check: conflicts
  })
]
