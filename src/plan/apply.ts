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
  type DnsZoneGroupSnapshot,
  type NetworkAcls,
  type PrivateEndpointSnapshot,
  type PrivateZoneSnapshot,
  type Snapshot,
  type VaultSnapshot,
  type VirtualNetworkLinkSnapshot
} from '../collect/snapshot.js'
import { nameOf, parseResourceId, vnetIdFromSubnetId } from '../common/arm-id.js'
import { namesOf } from '../model/model.js'
import { isObject, type ArmResource, type Json, type Plan, type PlannedChange } from './plan.js'
import { IP_OF } from './terraform.js'

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

  constructor(private readonly snapshot: Snapshot) {
    for (const vault of snapshot.vaults) {
      for (const pe of Object.values(vault.privateEndpoints))
        for (const ip of pe?.nicIps ?? []) this.used.add(ip)
    }
    for (const zone of snapshot.zones)
      for (const set of zone.aRecords) for (const ip of set.ipv4Addresses) this.used.add(ip)
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
    }
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
    if (change.action === 'delete') {
      delete this.snapshot.virtualNetworks[key]
    } else {
      const props = obj(change.after?.properties)
      const before = this.snapshot.virtualNetworks[key]
      const kept = before && !('failure' in before) ? before : undefined
      if (change.partial && !kept) return this.skip(change, 'its VNet was not read')
      this.snapshot.virtualNetworks[key] = {
        ...kept,
        id: kept?.id ?? change.id,
        name: str(change.after?.name) ?? kept?.name ?? nameOf(change.id),
        addressPrefixes:
          change.partial && kept
            ? kept.addressPrefixes
            : strings(obj(props.addressSpace).addressPrefixes),
        dnsServers: strings(obj(props.dhcpOptions).dnsServers)
      }
    }
    for (const vault of this.snapshot.vaults) {
      if (Object.values(vault.privateEndpoints).some((pe) => sameId(pe?.vnetId, change.id)))
        this.touch(vault)
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
      virtualNetworkId: str(obj(props.virtualNetwork).id) ?? before?.virtualNetworkId ?? '',
      // Set by Azure: a link the apply creates is Completed and Succeeded once it is done.
      virtualNetworkLinkState: before?.virtualNetworkLinkState ?? 'Completed',
      provisioningState: before?.provisioningState ?? 'Succeeded',
      registrationEnabled: props.registrationEnabled === true,
      resolutionPolicy: str(props.resolutionPolicy) ?? null
    }
    if (index >= 0) zone.links[index] = link
    else zone.links.push(link)
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
    else nicIps = [this.standIn(vault, change.id, vnetId)]
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
  private standIn(vault: VaultSnapshot, peId: string, vnetId: string | null): string {
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
    this.unresolved.push({
      vault: vault.name,
      resource: peId,
      value,
      what: `the private IP of ${nameOf(peId)}`
    })
    return value
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
