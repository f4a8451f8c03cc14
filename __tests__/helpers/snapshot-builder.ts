/**
 * Builds snapshots for rule tests. `healthy()` gives one vault that passes every check:
 * pe-kv1 (approved, succeeded, NIC IP 10.1.2.3) in vnet-app, the exact privatelink zone linked
 * to vnet-app (Completed/Succeeded), A record kv1 → 10.1.2.3 with TTL 300, public network access
 * Disabled. Tests change what they need through the returned references, or add more with the
 * `add*` helpers.
 */
import type {
  ARecordSetSnapshot,
  PrivateEndpointConnectionSnapshot,
  PrivateEndpointSnapshot,
  PrivateZoneSnapshot,
  ReadFailure,
  Snapshot,
  VaultSnapshot,
  VirtualNetworkLinkSnapshot,
  VirtualNetworkSnapshot
} from '../../src/collect/snapshot.js'
import { idKey } from '../../src/collect/snapshot.js'
import { RULES, type RuleId } from '../../src/evaluate/catalog.js'
import type { ProbeRun } from '../../src/probe/result.js'
import { evaluate } from '../../src/evaluate/evaluate.js'
import type { Finding, Severity } from '../../src/evaluate/finding.js'
import type { RuleOptions, Suppression } from '../../src/inputs/inputs.js'

export const SUB = '11111111-1111-1111-1111-111111111111'
export const HUB_SUB = '22222222-2222-2222-2222-222222222222'
export const RG = 'rg-kv'
export const NET_RG = 'rg-net'
export const DNS_RG = 'rg-dns'
export const ZONE = 'privatelink.vaultcore.azure.net'

export function vaultIdOf(name: string, rg = RG, sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}`
}
export function vnetIdOf(name: string, rg = NET_RG, sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${name}`
}
export function peIdOf(name: string, rg = NET_RG, sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/privateEndpoints/${name}`
}
export function nicIdOf(peName: string, rg = NET_RG, sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/networkInterfaces/${peName}.nic.0001`
}
export function zoneIdOf(name = ZONE, rg = DNS_RG, sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/privateDnsZones/${name}`
}

export function failure(
  kind: ReadFailure['kind'],
  resource: string,
  extra: Partial<ReadFailure> = {}
): ReadFailure {
  const defaults: Record<ReadFailure['kind'], Partial<ReadFailure>> = {
    denied: {
      status: 403,
      code: 'AuthorizationFailed',
      message: `The client 'app-id' with object id '99999999-0000-0000-0000-000000000009' does not have authorization to perform action 'Microsoft.Network/privateEndpoints/read' over scope '${resource}' or the scope is invalid.`
    },
    'not-found': {
      status: 404,
      code: 'ResourceNotFound',
      message: `The Resource '${resource}' was not found.`
    },
    error: { status: 503, code: 'ServiceUnavailable', message: 'The service is unavailable.' }
  }
  return { kind, resource, message: '', ...defaults[kind], ...extra }
}

export function makeVault(name = 'kv1', over: Partial<VaultSnapshot> = {}): VaultSnapshot {
  return {
    name,
    id: vaultIdOf(name),
    subscriptionId: SUB,
    resourceGroup: RG,
    failure: null,
    location: 'westeurope',
    vaultUri: `https://${name}.vault.azure.net/`,
    publicNetworkAccess: 'Disabled',
    networkAcls: { bypass: 'None', defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] },
    connections: [],
    privateEndpoints: {},
    privateEndpointFailures: {},
    ...over
  }
}

export function makeVnet(
  snapshot: Snapshot,
  name: string,
  over: Partial<VirtualNetworkSnapshot> = {}
): VirtualNetworkSnapshot {
  const id = over.id ?? vnetIdOf(name)
  const existing = snapshot.virtualNetworks[idKey(id)]
  if (existing && !('failure' in existing)) return existing
  const vnet: VirtualNetworkSnapshot = {
    id,
    name,
    addressPrefixes: ['10.1.0.0/16'],
    dnsServers: [],
    ...over
  }
  snapshot.virtualNetworks[idKey(id)] = vnet
  return vnet
}

export interface EndpointSpec {
  name: string
  vnet?: string
  /** Overrides the VNet ID (e.g. another subscription). */
  vnetId?: string
  ip?: string | null
  status?: string
  connectionProvisioning?: string | null
  peProvisioning?: string | null
  /** Zone IDs the PE's DNS zone group `default` points to. */
  zoneGroupZones?: string[]
  customDnsIps?: string[]
}

export interface Endpoint {
  connection: PrivateEndpointConnectionSnapshot
  pe: PrivateEndpointSnapshot
}

export function addEndpoint(
  snapshot: Snapshot,
  vault: VaultSnapshot,
  spec: EndpointSpec
): Endpoint {
  const vnetName = spec.vnet ?? 'vnet-app'
  const vnet = makeVnet(snapshot, vnetName, spec.vnetId ? { id: spec.vnetId } : {})
  const id = peIdOf(spec.name)
  const ip = spec.ip === undefined ? '10.1.2.3' : spec.ip
  const ips = ip === null ? [] : [ip]
  const hostname = `${vault.name}.${snapshot.vaultDnsSuffix}`
  const pe: PrivateEndpointSnapshot = {
    id,
    name: spec.name,
    location: 'westeurope',
    provisioningState: spec.peProvisioning === undefined ? 'Succeeded' : spec.peProvisioning,
    subnetId: `${vnet.id}/subnets/snet-pe`,
    vnetId: vnet.id,
    networkInterfaceIds: [nicIdOf(spec.name)],
    customDnsConfigs: [{ fqdn: hostname, ipAddresses: spec.customDnsIps ?? ips }],
    nicIps: ips,
    nicFailures: [],
    dnsZoneGroups: spec.zoneGroupZones
      ? [
          {
            id: `${id}/privateDnsZoneGroups/default`,
            name: 'default',
            configs: spec.zoneGroupZones.map((zoneId) => ({
              privateDnsZoneId: zoneId,
              recordSets: [
                { recordSetName: vault.name, fqdn: `${vault.name}.${ZONE}`, ipAddresses: ips }
              ]
            }))
          }
        ]
      : [],
    dnsZoneGroupsFailure: null
  }
  const connection: PrivateEndpointConnectionSnapshot = {
    id: `${vault.id}/privateEndpointConnections/${spec.name}.conn`,
    name: `${spec.name}.conn`,
    status: spec.status ?? 'Approved',
    description: null,
    provisioningState:
      spec.connectionProvisioning === undefined ? 'Succeeded' : spec.connectionProvisioning,
    privateEndpointId: id
  }
  vault.connections.push(connection)
  vault.privateEndpoints[idKey(id)] = pe
  return { connection, pe }
}

export function makeZone(name = ZONE, rg = DNS_RG, sub = SUB): PrivateZoneSnapshot {
  return {
    id: zoneIdOf(name, rg, sub),
    name,
    subscriptionId: sub,
    resourceGroup: rg,
    links: [],
    linksFailure: null,
    aRecords: [],
    recordsFailure: null
  }
}

export function addZone(
  snapshot: Snapshot,
  name = ZONE,
  rg = DNS_RG,
  sub = SUB
): PrivateZoneSnapshot {
  const zone = makeZone(name, rg, sub)
  snapshot.zones.push(zone)
  return zone
}

export function linkZone(
  zone: PrivateZoneSnapshot,
  vnetId: string,
  over: Partial<VirtualNetworkLinkSnapshot> = {}
): VirtualNetworkLinkSnapshot {
  const name = over.name ?? `${vnetId.split('/').at(-1)}-link`
  const link: VirtualNetworkLinkSnapshot = {
    id: `${zone.id}/virtualNetworkLinks/${name}`,
    name,
    virtualNetworkId: vnetId,
    virtualNetworkLinkState: 'Completed',
    provisioningState: 'Succeeded',
    registrationEnabled: false,
    resolutionPolicy: null,
    ...over
  }
  zone.links.push(link)
  return link
}

export function addRecord(
  zone: PrivateZoneSnapshot,
  name: string,
  ips: string[],
  ttl: number | null = 300
): ARecordSetSnapshot {
  const record: ARecordSetSnapshot = {
    id: `${zone.id}/A/${name}`,
    name,
    fqdn: `${name}.${zone.name}.`,
    ttl,
    ipv4Addresses: ips
  }
  zone.aRecords.push(record)
  return record
}

export function emptySnapshot(): Snapshot {
  return {
    cloud: 'AzureCloud',
    privateLinkZone: ZONE,
    vaultDnsSuffix: 'vault.azure.net',
    vaults: [],
    discoveryFailures: [],
    zoneScopes: [{ scope: `/subscriptions/${SUB}`, failure: null }],
    zones: [],
    zoneFailures: [],
    virtualNetworks: {},
    armRequests: 0
  }
}

export interface Healthy {
  snapshot: Snapshot
  vault: VaultSnapshot
  connection: PrivateEndpointConnectionSnapshot
  pe: PrivateEndpointSnapshot
  vnet: VirtualNetworkSnapshot
  zone: PrivateZoneSnapshot
  link: VirtualNetworkLinkSnapshot
  record: ARecordSetSnapshot
}

/** One vault that passes every check (see the file comment). */
export function healthy(vaultName = 'kv1'): Healthy {
  const snapshot = emptySnapshot()
  const vault = makeVault(vaultName)
  snapshot.vaults.push(vault)
  const { connection, pe } = addEndpoint(snapshot, vault, { name: `pe-${vaultName}` })
  const vnet = makeVnet(snapshot, 'vnet-app')
  const zone = addZone(snapshot)
  const link = linkZone(zone, vnet.id)
  const record = addRecord(zone, vaultName, ['10.1.2.3'], 300)
  return { snapshot, vault, connection, pe, vnet, zone, link, record }
}

export function options(over: Partial<RuleOptions> = {}): RuleOptions {
  return { publicNetworkAccess: 'disabled', ttlMin: 10, ttlMax: 600, assignee: null, ...over }
}

export function run(
  snapshot: Snapshot,
  opts: Partial<RuleOptions> = {},
  ignore: Suppression[] = []
): Finding[] {
  return evaluate(snapshot, null, options(opts), ignore)
}

/** The probe rules' findings for what a probe measured (the same evaluate stage as a run). */
export function probeFindings(
  snapshot: Snapshot,
  probeRun: ProbeRun,
  ignore: Suppression[] = [],
  opts: Partial<RuleOptions> = {}
): Finding[] {
  return evaluate(snapshot, probeRun, options(opts), ignore).filter(
    (f) => RULES[f.rule].scope === 'probe'
  )
}

/** Findings of one rule (optionally of one severity). */
export function of(findings: Finding[], rule: RuleId, severity?: Severity): Finding[] {
  return findings.filter(
    (f) => f.rule === rule && (severity === undefined || f.severity === severity)
  )
}

/** The single finding of a rule; fails when there is not exactly one. */
export function one(findings: Finding[], rule: RuleId, severity?: Severity): Finding {
  const found = of(findings, rule, severity)
  if (found.length !== 1) {
    throw new Error(
      `expected exactly one ${rule}${severity ? ` (${severity})` : ''}, got ${found.length}:\n` +
        findings.map((f) => `  ${f.rule} ${f.severity} ${f.vault}: ${f.message}`).join('\n')
    )
  }
  return found[0] as Finding
}

/** Errors and warnings, as `RULE severity` strings (handy in toEqual). */
export function problems(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.rule} ${f.severity}`)
}

/** Every finding as `RULE severity`. */
export function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity}`)
}
