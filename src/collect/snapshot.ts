/**
 * The snapshot: everything the collectors read from ARM, as plain JSON-serialisable data.
 * Rules read only this (never Azure), so a snapshot saved to disk replays a run exactly.
 * ARM resource IDs are kept as ARM returned them; compare them with `sameId()`.
 */

import type { TargetKind } from '../common/target.js'
import { equalIgnoringCase } from '../common/names.js'

/** Why a read did not give us the resource. Collectors record it; rules turn it into findings. */
export interface ReadFailure {
  /** `denied` = ARM 403, `not-found` = 404, `error` = 5xx/timeouts/malformed after retries. */
  kind: 'denied' | 'not-found' | 'error'
  /** ARM ID (or list scope) of the resource that could not be read. */
  resource: string
  /** HTTP status, when there was one. */
  status?: number
  /** ARM error code, e.g. `AuthorizationFailed`, `ResourceNotFound`. */
  code?: string
  /** ARM's message, verbatim (403 messages name the denied action). */
  message: string
  /** The denied action, parsed from ARM's 403 message when present. */
  action?: string
}

export interface NetworkAcls {
  bypass: string | null
  defaultAction: string | null
  ipRules: string[]
  virtualNetworkRules: string[]
}

export interface PrivateEndpointConnectionSnapshot {
  id: string
  name: string
  /** privateLinkServiceConnectionState.status: Pending, Approved, Rejected, Disconnected, ... */
  status: string
  description: string | null
  /** The connection's provisioningState. */
  provisioningState: string | null
  privateEndpointId: string | null
}

export interface CustomDnsConfig {
  fqdn: string
  ipAddresses: string[]
}

export interface DnsZoneGroupSnapshot {
  id: string
  name: string
  /** One entry per privateDnsZoneConfigs[] item. */
  configs: {
    privateDnsZoneId: string
    recordSets: { recordSetName: string; fqdn: string; ipAddresses: string[] }[]
  }[]
}

export interface PrivateEndpointSnapshot {
  id: string
  name: string
  location: string | null
  provisioningState: string | null
  subnetId: string | null
  /** VNet ID derived from the subnet ID. */
  vnetId: string | null
  networkInterfaceIds: string[]
  customDnsConfigs: CustomDnsConfig[]
  /**
   * The PE's static IP configurations (`ipConfigurations`): what gives it more than one address
   * for a member. Optional so older snapshots still load.
   */
  ipConfigurations?: { name: string; privateIpAddress: string }[]
  /** Private IPs of the PE's NICs, read from the NICs (the authoritative source). */
  nicIps: string[]
  /** A NIC that could not be read. */
  nicFailures: ReadFailure[]
  dnsZoneGroups: DnsZoneGroupSnapshot[]
  dnsZoneGroupsFailure: ReadFailure | null
  /**
   * Set (true) when the zone groups were not read: bulk collection skips them for a private
   * endpoint whose vault has an A record in the only privatelink zone found, with no near-miss
   * zone around, and which no finding may tell to recreate (see completeZoneGroups in
   * collect.ts; docs/rules.md). `dnsZoneGroups` is then empty. Absent in targeted mode and
   * whenever the groups were read.
   */
  dnsZoneGroupsSkipped?: boolean
}

export interface VaultSnapshot {
  /**
   * Key vault or managed HSM; absent in older snapshots (= `vault`), and for a name that was found
   * as neither kind.
   */
  kind?: TargetKind
  /** The name as the user gave it, or as discovered. */
  name: string
  /** ARM ID (built from the input when the vault could not be read). */
  id: string
  subscriptionId: string
  resourceGroup: string | null
  /** Set when the vault itself could not be read; then nothing below is meaningful. */
  failure: ReadFailure | null
  location: string | null
  /** `vaultUri`, or a managed HSM's `hsmUri` (which may carry a region label). */
  vaultUri: string | null
  /** `Enabled`, `Disabled`, or null when ARM did not say (older vaults: means Enabled). */
  publicNetworkAccess: string | null
  /** null = the vault has no networkAcls at all (open to all networks). */
  networkAcls: NetworkAcls | null
  connections: PrivateEndpointConnectionSnapshot[]
  /** Keyed by lower-cased PE ID. Value null = the PE does not exist (ARM 404). */
  privateEndpoints: Record<string, PrivateEndpointSnapshot | null>
  /** PEs that could not be read for another reason than 404, keyed by lower-cased PE ID. */
  privateEndpointFailures: Record<string, ReadFailure>
}

export interface VirtualNetworkLinkSnapshot {
  id: string
  name: string
  virtualNetworkId: string
  virtualNetworkLinkState: string | null
  provisioningState: string | null
  registrationEnabled: boolean
  /** `Default`, `NxDomainRedirect` or null when absent (= Default). */
  resolutionPolicy: string | null
}

export interface ARecordSetSnapshot {
  id: string
  /** Relative record name, e.g. `kv1` (or a wrong one such as `kv1.vault`). */
  name: string
  fqdn: string | null
  ttl: number | null
  ipv4Addresses: string[]
}

export interface PrivateZoneSnapshot {
  id: string
  name: string
  subscriptionId: string
  resourceGroup: string
  links: VirtualNetworkLinkSnapshot[]
  linksFailure: ReadFailure | null
  aRecords: ARecordSetSnapshot[]
  recordsFailure: ReadFailure | null
}

export interface VirtualNetworkSnapshot {
  id: string
  name: string
  addressPrefixes: string[]
  /** dhcpOptions.dnsServers; empty = Azure-provided DNS. */
  dnsServers: string[]
  /** virtualNetworkPeerings, as embedded in the VNet read. Optional so older snapshots load. */
  peerings?: VirtualNetworkPeeringSnapshot[]
}

export interface VirtualNetworkPeeringSnapshot {
  id: string
  name: string
  remoteVirtualNetworkId: string | null
  /** `Initiated`, `Connected` or `Disconnected`. */
  peeringState: string | null
  /** `FullyInSync`, `RemoteNotInSync`, `LocalNotInSync`, `LocalAndRemoteNotInSync`. */
  peeringSyncLevel: string | null
}

/** A DNS private resolver with its inbound endpoints (the IPs clients may point their DNS at). */
export interface DnsResolverSnapshot {
  id: string
  name: string
  virtualNetworkId: string | null
  inboundEndpoints: { id: string; name: string; ips: string[] }[]
  inboundEndpointsFailure: ReadFailure | null
}

export interface ForwardingRuleSnapshot {
  id: string
  name: string
  /** As ARM returns it, with its trailing dot (e.g. `vaultcore.azure.net.`). */
  domainName: string
  /** `Enabled`, `Disabled`; null when absent (= Enabled). */
  state: string | null
  targets: { ipAddress: string; port: number }[]
}

/** A DNS forwarding ruleset with its rules and the VNets linked to it. */
export interface ForwardingRulesetSnapshot {
  id: string
  name: string
  rules: ForwardingRuleSnapshot[]
  rulesFailure: ReadFailure | null
  vnetLinks: { id: string; name: string; virtualNetworkId: string }[]
  vnetLinksFailure: ReadFailure | null
}

/** What the DNS path of client VNets needs (see "Client VNets and the DNS path"). */
export interface DnsPathSnapshot {
  /** Subscriptions whose VNets, resolvers and rulesets were listed. */
  subscriptions: string[]
  resolvers: DnsResolverSnapshot[]
  rulesets: ForwardingRulesetSnapshot[]
  /** Listings that failed (VNets, resolvers or rulesets of a subscription). */
  failures: ReadFailure[]
  /** The `client-vnets` VNet IDs named (read like every other VNet). */
  clientVnets: string[]
  /** `client-vnets` had `peered`: every VNet peered with a PE's VNet is a client. */
  peered: boolean
}

/** A place where zones were searched: a subscription or a resource group scope. */
export interface ZoneScopeSnapshot {
  /** `/subscriptions/<id>` or `/subscriptions/<id>/resourceGroups/<rg>`. */
  scope: string
  failure: ReadFailure | null
}

export interface Snapshot {
  /** The cloud the run targeted (names the privatelink zones and the DNS suffixes). */
  cloud: string
  /** Key vaults' privatelink zone and DNS suffix (a managed HSM's follow from `cloud`). */
  privateLinkZone: string
  vaultDnsSuffix: string
  vaults: VaultSnapshot[]
  /** Vault discovery that failed (listing a subscription or resource group). */
  discoveryFailures: ReadFailure[]
  zoneScopes: ZoneScopeSnapshot[]
  /**
   * Private DNS zones found in the scopes whose name is a privatelink zone (of key vaults or managed
   * HSMs) or looks like a near miss (any zone whose name contains `vault` or `hsm`), plus any zone a
   * PE's DNS zone group names.
   */
  zones: PrivateZoneSnapshot[]
  /**
   * Zones a PE's DNS zone group names that are in no searched scope and could not be read by ID
   * (`not-found`: the group points at a deleted zone; `denied`: no read access to it).
   * Optional so older snapshots still load; the collector always sets it.
   */
  zoneFailures?: ReadFailure[]
  /** Keyed by lower-cased VNet ID; value is the VNet or the failure reading it. */
  virtualNetworks: Record<string, VirtualNetworkSnapshot | { failure: ReadFailure }>
  /** VNets, resolvers and rulesets for the DNS path; absent in older snapshots. */
  dnsPath?: DnsPathSnapshot
  /** How many ARM requests the collection made (for logs and the benchmark). */
  armRequests: number
}

/** ARM IDs are case-insensitive. */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && equalIgnoringCase(a, b)
}

export function idKey(id: string): string {
  return id.toLowerCase()
}
