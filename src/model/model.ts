/**
 * The model: what the snapshot says about each private-link target (key vault or managed HSM),
 * derived once per run and shared by the rules, the probe and the diagram. It decides nothing:
 * it only joins connections to endpoints, endpoints to VNets, and names the zone the kind uses.
 */
import type {
  PrivateEndpointConnectionSnapshot,
  PrivateEndpointSnapshot,
  PrivateZoneSnapshot,
  ReadFailure,
  Snapshot,
  VaultSnapshot,
  VirtualNetworkSnapshot
} from '../collect/snapshot.js'
import { idKey, sameId } from '../collect/snapshot.js'
import { nameOf, resourceGroupOf } from '../common/arm-id.js'
import { inPrefixes } from '../common/ip.js'
import { dnsName, sameText } from '../common/names.js'
import { targetNames, type TargetNames } from '../common/target.js'

/** Where a target lives, for `az` commands. */
export interface TargetPlace {
  name: string
  resourceGroup: string | null
  subscriptionId: string
}

/**
 * How a connection stands, decided once from the states ARM reports:
 * `orphan` (no PE, or the PE is gone), `effective`, `unknown` (approved and succeeded on the
 * target's side, but the PE could not be read), `served` (ineffective while another effective PE
 * serves its VNet), `undecided` (ineffective, and whether another PE serves its VNet is unknown),
 * `not-approved`, `not-succeeded`.
 */
export type ConnectionStanding =
  'orphan' | 'effective' | 'unknown' | 'served' | 'undecided' | 'not-approved' | 'not-succeeded'

/** One private endpoint connection of the target, with its PE looked up. */
export interface ConnectionView {
  connection: PrivateEndpointConnectionSnapshot
  /** `undefined`: not read (see `peFailure`); `null`: the PE no longer exists. */
  pe: PrivateEndpointSnapshot | null | undefined
  peFailure: ReadFailure | null
  approved: boolean
  connectionSucceeded: boolean
  /** null when the PE could not be read. */
  peSucceeded: boolean | null
  /** Approved and provisioned Succeeded (connection and PE); null when that is unknown. */
  effective: boolean | null
  standing: ConnectionStanding
  /** For `served`: the effective PE that serves the same VNet. */
  servedBy: EffectivePe | null
  /** For `undecided`: the reads that kept it undecided. */
  blockers: ReadFailure[]
}

/** A PE that serves the target (its connection is effective). */
export interface EffectivePe {
  view: ConnectionView
  pe: PrivateEndpointSnapshot
  /** The PE's private IPs: from its NICs (authoritative), else its custom DNS configs. */
  ips: string[]
  /** False when a NIC could not be read or no IP is known at all. */
  ipsKnown: boolean
}

/** The effective PEs of the target in one VNet. */
export interface VnetGroup {
  vnetId: string
  name: string
  vnet: VirtualNetworkSnapshot | { failure: ReadFailure } | undefined
  pes: EffectivePe[]
  /** Union of the PEs' IPs. */
  ips: string[]
  ipsKnown: boolean
  /** NIC failures of the PEs in this VNet. */
  ipFailures: ReadFailure[]
}

export interface TargetModel {
  vault: VaultSnapshot
  names: TargetNames
  /** `<name>.<hostSuffix>`, lower-cased. */
  hostname: string
  /** `<name>.<zone>`, lower-cased: the CNAME target public DNS gives when private link is on. */
  alias: string
  place: TargetPlace
  connections: ConnectionView[]
  /** One entry per effective PE (deduplicated by PE ID), in connection order. */
  effective: EffectivePe[]
  /** VNets of the effective PEs, in order of first appearance. */
  vnets: VnetGroup[]
  /** Every PE of the target that exists and was read, in connection order. */
  endpoints: PrivateEndpointSnapshot[]
  /** Failures of PEs that could not be read. */
  peFailures: ReadFailure[]
}

/** The model of a run: one entry per target that could be read, in snapshot order. */
export interface RunModel {
  snapshot: Snapshot
  targets: TargetModel[]
}

/** Provisioning states that mean "still working on it". */
export const IN_PROGRESS = [
  'inprogress',
  'creating',
  'updating',
  'deleting',
  'provisioning',
  'accepted'
]

function succeeded(state: string | null | undefined): boolean {
  return sameText(state, 'Succeeded')
}

function peIps(pe: PrivateEndpointSnapshot, hostname: string): { ips: string[]; known: boolean } {
  if (pe.nicFailures.length > 0) return { ips: [...pe.nicIps], known: false }
  if (pe.nicIps.length > 0) return { ips: [...pe.nicIps], known: true }
  const fromDns = pe.customDnsConfigs
    .filter((config) => dnsName(config.fqdn) === hostname)
    .flatMap((config) => config.ipAddresses)
  return { ips: [...new Set(fromDns)], known: fromDns.length > 0 }
}

/** The names of the target's kind in the snapshot's cloud. */
export function namesOf(
  snapshot: Pick<Snapshot, 'cloud' | 'vaultDnsSuffix' | 'privateLinkZone'>,
  vault: Pick<VaultSnapshot, 'kind'>
): TargetNames {
  return targetNames(snapshot.cloud, vault.kind ?? 'vault', {
    hostSuffix: snapshot.vaultDnsSuffix,
    zone: snapshot.privateLinkZone
  })
}

export function buildTargetModel(snapshot: Snapshot, vault: VaultSnapshot): TargetModel {
  const names = namesOf(snapshot, vault)
  const hostname = dnsName(`${vault.name}.${names.hostSuffix}`)
  const connections: ConnectionView[] = vault.connections.map((connection) => {
    const key = connection.privateEndpointId ? idKey(connection.privateEndpointId) : null
    const pe =
      key === null
        ? null
        : Object.hasOwn(vault.privateEndpoints, key)
          ? vault.privateEndpoints[key]
          : undefined
    const peFailure = key === null ? null : (vault.privateEndpointFailures[key] ?? null)
    const approved = sameText(connection.status, 'Approved')
    const connectionSucceeded = succeeded(connection.provisioningState)
    const peSucceeded = pe ? succeeded(pe.provisioningState) : pe === null ? false : null
    let effective: boolean | null
    if (!approved || !connectionSucceeded || pe === null || peSucceeded === false) effective = false
    else effective = peSucceeded
    return {
      connection,
      pe,
      peFailure,
      approved,
      connectionSucceeded,
      peSucceeded,
      effective,
      standing: 'unknown',
      servedBy: null,
      blockers: []
    }
  })

  const effective: EffectivePe[] = []
  const endpoints: PrivateEndpointSnapshot[] = []
  for (const view of connections) {
    const pe = view.pe
    if (!pe) continue
    if (!endpoints.some((known) => sameId(known.id, pe.id))) endpoints.push(pe)
    if (view.effective && !effective.some((known) => sameId(known.pe.id, pe.id))) {
      const { ips, known } = peIps(pe, hostname)
      effective.push({ view, pe, ips, ipsKnown: known })
    }
  }
  for (const view of connections) standConnection(view, connections, effective)

  const vnets: VnetGroup[] = []
  for (const item of effective) {
    const vnetId = item.pe.vnetId
    if (!vnetId) continue
    let group = vnets.find((known) => sameId(known.vnetId, vnetId))
    if (!group) {
      const vnet = snapshot.virtualNetworks[idKey(vnetId)]
      const name = vnet && !('failure' in vnet) ? vnet.name : nameOf(vnetId)
      group = { vnetId, name, vnet, pes: [], ips: [], ipsKnown: true, ipFailures: [] }
      vnets.push(group)
    }
    group.pes.push(item)
    for (const ip of item.ips) if (!group.ips.includes(ip)) group.ips.push(ip)
    if (!item.ipsKnown) group.ipsKnown = false
    group.ipFailures.push(...item.pe.nicFailures)
  }

  const peFailures = Object.values(vault.privateEndpointFailures)
  const place: TargetPlace = {
    name: vault.name,
    resourceGroup: vault.resourceGroup ?? resourceGroupOf(vault.id),
    subscriptionId: vault.subscriptionId
  }
  return {
    vault,
    names,
    hostname,
    alias: dnsName(`${vault.name}.${names.zone}`),
    place,
    connections,
    effective,
    vnets,
    endpoints,
    peFailures
  }
}

function standConnection(
  view: ConnectionView,
  all: ConnectionView[],
  effective: EffectivePe[]
): void {
  const conn = view.connection
  if (conn.privateEndpointId === null || view.pe === null) {
    view.standing = 'orphan'
    return
  }
  if (view.effective === true) {
    view.standing = 'effective'
    return
  }
  if (view.effective === null) {
    view.standing = 'unknown'
    view.blockers = view.peFailure ? [view.peFailure] : []
    return
  }
  const vnetId = view.pe?.vnetId ?? null
  const servedBy =
    view.pe && vnetId
      ? effective.find((other) => other.view !== view && sameId(other.pe.vnetId, vnetId))
      : undefined
  if (servedBy) {
    view.standing = 'served'
    view.servedBy = servedBy
    return
  }
  const unknownOthers = all.filter((other) => other !== view && other.effective === null)
  if (unknownOthers.length > 0 || (view.pe === undefined && effective.length > 0)) {
    view.standing = 'undecided'
    view.blockers = [
      ...(view.peFailure ? [view.peFailure] : []),
      ...unknownOthers.flatMap((other) => (other.peFailure ? [other.peFailure] : []))
    ]
    return
  }
  view.standing = view.approved ? 'not-succeeded' : 'not-approved'
}

export function buildRunModel(snapshot: Snapshot): RunModel {
  return {
    snapshot,
    targets: snapshot.vaults
      .filter((vault) => !vault.failure)
      .map((vault) => buildTargetModel(snapshot, vault))
  }
}

/** The known VNet whose address space holds `ip` (e.g. this runner's own VNet), if any. */
export function vnetHolding(snapshot: Snapshot, ip: string): VirtualNetworkSnapshot | null {
  for (const vnet of Object.values(snapshot.virtualNetworks)) {
    if (!('failure' in vnet) && inPrefixes(ip, vnet.addressPrefixes)) return vnet
  }
  return null
}

// ---- Zones --------------------------------------------------------------------------------

/** True when `zoneName` is the privatelink zone `zone` (case and trailing dot ignored). */
export function isZoneNamed(zoneName: string, zone: string): boolean {
  return dnsName(zoneName) === dnsName(zone)
}

/** The zones named exactly like the target's privatelink zone. */
export function exactZones(snapshot: Snapshot, zone: string): PrivateZoneSnapshot[] {
  return snapshot.zones.filter((candidate) => isZoneNamed(candidate.name, zone))
}

export function zoneScopeFailures(snapshot: Snapshot): ReadFailure[] {
  return snapshot.zoneScopes.flatMap((scope) => (scope.failure ? [scope.failure] : []))
}

/**
 * Reads that may have hidden an exact-name zone: failed scope listings, and exact-name zones a
 * DNS zone group names that could not be read by ID (a 404 there means the zone is gone).
 */
export function zoneSearchFailures(snapshot: Snapshot, zone: string): ReadFailure[] {
  const unreadable = (snapshot.zoneFailures ?? []).filter(
    (failure) => failure.kind !== 'not-found' && isZoneNamed(nameOf(failure.resource), zone)
  )
  return [...zoneScopeFailures(snapshot), ...unreadable]
}

/** The exact-name zone linked to `vnetId` (Azure allows one per VNet), among zones whose links were read. */
export function linkedExactZone(
  snapshot: Snapshot,
  zoneName: string,
  vnetId: string
): { zone: PrivateZoneSnapshot; link: PrivateZoneSnapshot['links'][number] } | null {
  for (const zone of exactZones(snapshot, zoneName)) {
    if (zone.linksFailure) continue
    const link = zone.links.find((candidate) => sameId(candidate.virtualNetworkId, vnetId))
    if (link) return { zone, link }
  }
  return null
}

/** The zone's place for `az` commands. */
export function zonePlace(zone: PrivateZoneSnapshot): {
  name: string
  resourceGroup: string
  subscriptionId: string | null
} {
  return {
    name: zone.name.replace(/\.+$/, ''),
    resourceGroup: zone.resourceGroup,
    subscriptionId: zone.subscriptionId
  }
}
