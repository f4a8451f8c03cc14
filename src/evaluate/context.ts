/**
 * What every rule works from: the vault, a derived model of its connections and private
 * endpoints, the options, and a tracker that records which checks could not run because a read
 * failed (the reading rules report those as `notRun`).
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
import type { RuleOptions } from '../inputs/inputs.js'
import { RULES, RULE_IDS, type RuleId } from './catalog.js'
import type { Finding, Severity } from './finding.js'
import { nameOf, resourceGroupOf } from './ids.js'
import type { VaultPlace } from './fixes.js'

// ---- Names --------------------------------------------------------------------------------

/** Lower-cased DNS name without a trailing dot. */
export function dnsName(name: string): string {
  return name.trim().replace(/\.+$/, '').toLowerCase()
}

export function sameText(a: string | null | undefined, b: string): boolean {
  return a != null && a.toLowerCase() === b.toLowerCase()
}

export function list(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : values.join(', ')
}

/** Which checks could not run because of which failed read. Shared by all vaults of a run. */
export class NotRunTracker {
  private readonly blocked = new Map<ReadFailure, Set<RuleId>>()

  add(failures: readonly ReadFailure[], ...rules: RuleId[]): void {
    for (const failure of failures) {
      let set = this.blocked.get(failure)
      if (!set) this.blocked.set(failure, (set = new Set()))
      for (const rule of rules) set.add(rule)
    }
  }

  /** The rules `failure` kept from running, in catalogue order. */
  rulesFor(failure: ReadFailure): RuleId[] {
    const set = this.blocked.get(failure)
    return set ? RULE_IDS.filter((rule) => set.has(rule)) : []
  }
}

// ---- The vault model ----------------------------------------------------------------------

/** One private endpoint connection of the vault, with its PE looked up. */
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
}

/** A PE that serves the vault (its connection is effective). */
export interface EffectivePe {
  view: ConnectionView
  pe: PrivateEndpointSnapshot
  /** The PE's private IPs: from its NICs (authoritative), else its custom DNS configs. */
  ips: string[]
  /** False when a NIC could not be read or no IP is known at all. */
  ipsKnown: boolean
}

/** The effective PEs of the vault in one VNet. */
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

export interface VaultModel {
  vault: VaultSnapshot
  /** `<vault>.<vaultDnsSuffix>`, lower-cased. */
  hostname: string
  place: VaultPlace
  connections: ConnectionView[]
  /** One entry per effective PE (deduplicated by PE ID), in connection order. */
  effective: EffectivePe[]
  /** VNets of the effective PEs, in order of first appearance. */
  vnets: VnetGroup[]
  /** Every PE of the vault that exists and was read, in connection order. */
  endpoints: PrivateEndpointSnapshot[]
  /** Failures of PEs that could not be read. */
  peFailures: ReadFailure[]
}

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

export function buildVaultModel(snapshot: Snapshot, vault: VaultSnapshot): VaultModel {
  const hostname = dnsName(`${vault.name}.${snapshot.vaultDnsSuffix}`)
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
    return { connection, pe, peFailure, approved, connectionSucceeded, peSucceeded, effective }
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
  const place: VaultPlace = {
    name: vault.name,
    resourceGroup: vault.resourceGroup ?? resourceGroupOf(vault.id),
    subscriptionId: vault.subscriptionId
  }
  return { vault, hostname, place, connections, effective, vnets, endpoints, peFailures }
}

// ---- Zones --------------------------------------------------------------------------------

export function isExactZone(snapshot: Snapshot, zoneName: string): boolean {
  return dnsName(zoneName) === dnsName(snapshot.privateLinkZone)
}

export function exactZones(snapshot: Snapshot): PrivateZoneSnapshot[] {
  return snapshot.zones.filter((zone) => isExactZone(snapshot, zone.name))
}

export function zoneScopeFailures(snapshot: Snapshot): ReadFailure[] {
  return snapshot.zoneScopes.flatMap((scope) => (scope.failure ? [scope.failure] : []))
}

/**
 * Reads that may have hidden an exact-name zone: failed scope listings, and exact-name zones a
 * DNS zone group names that could not be read by ID (a 404 there means the zone is gone).
 */
export function zoneSearchFailures(snapshot: Snapshot): ReadFailure[] {
  const unreadable = (snapshot.zoneFailures ?? []).filter(
    (failure) => failure.kind !== 'not-found' && isExactZone(snapshot, nameOf(failure.resource))
  )
  return [...zoneScopeFailures(snapshot), ...unreadable]
}

// ---- Rule context and findings ------------------------------------------------------------

export interface RuleContext {
  snapshot: Snapshot
  options: RuleOptions
  vault: VaultSnapshot
  model: VaultModel
  tracker: NotRunTracker
}

export interface FindingFields {
  resource: string
  message: string
  observed: string
  expected: string
  fix?: string | null
  severity?: Severity
  notRun?: RuleId[]
}

/** A finding with the catalogue's default severity and docs link. */
export function finding(rule: RuleId, vault: string | null, fields: FindingFields): Finding {
  const result: Finding = {
    rule,
    severity: fields.severity ?? RULES[rule].severity,
    vault,
    resource: fields.resource,
    message: fields.message,
    observed: fields.observed,
    expected: fields.expected,
    fix: fields.fix ?? null,
    docs: RULES[rule].docs
  }
  if (fields.notRun) result.notRun = fields.notRun
  return result
}

/** A check that held. */
export function pass(
  rule: RuleId,
  vault: string | null,
  fields: Omit<FindingFields, 'fix' | 'severity'>
): Finding {
  return finding(rule, vault, { ...fields, severity: 'pass', fix: null })
}

/** The exact-name zone linked to `vnetId` (Azure allows one per VNet), among zones whose links were read. */
export function linkedExactZone(
  snapshot: Snapshot,
  vnetId: string
): { zone: PrivateZoneSnapshot; link: PrivateZoneSnapshot['links'][number] } | null {
  for (const zone of exactZones(snapshot)) {
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
