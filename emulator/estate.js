// Builders for an emulated Azure estate. Every resource comes out in the shape of the
// azure-rest-api-specs examples under __tests__/fixtures/azure-api-examples (same fields, same nesting),
// with names, IDs and IPs filled in. Fields no example shows but the specs define (see that
// folder's INDEX.md): vault and managed HSM properties.privateEndpointConnections and
// properties.networkAcls (an HSM's publicNetworkAccess too),
// VNet properties.dhcpOptions.dnsServers, link properties.resolutionPolicy; plus the NIC's
// properties.privateEndpoint.id (NetworkInterfacePropertiesFormat.privateEndpoint, read-only),
// which ties a private endpoint's NIC back to it.
//
// An estate:
//   { identity: { tenantId, domains?, clientId, objectId, subject }, // the federated credential
//                                                              // (domains: the tenant's domain names)
//     github?: { subject },                                    // `sub` of the workflow's ID token
//                                                              // (default: identity.subject)
//     subscriptions: [subscriptionId...],
//     resourceGroups: ['/subscriptions/<id>/resourceGroups/<name>'...],
//     resources: [ARM objects...],
//     deny?: [{ scope: '<id prefix>', action?: 'Microsoft.Network/privateDnsZones/read' }] }
// makeEstate() fills resourceGroups from the resources and the zones' record/link counts.
import { createHash } from 'node:crypto'

/**
 * @typedef {{ tenantId: string, domains?: string[], clientId: string, objectId: string,
 *   subject: string, issuer?: string, audience?: string }} Identity
 * @typedef {{ scope: string, action?: string }} DenyRule
 * @typedef {{ identity: Identity, github?: { subject?: string }, subscriptions: string[],
 *   resourceGroups: string[], resources: any[], deny?: DenyRule[] }} Estate
 */

export const VAULT_ZONE = 'privatelink.vaultcore.azure.net'
export const VAULT_DNS_SUFFIX = 'vault.azure.net'
export const HSM_ZONE = 'privatelink.managedhsm.azure.net'
export const HSM_DNS_SUFFIX = 'managedhsm.azure.net'
export const HSM_TYPE = 'Microsoft.KeyVault/managedHSMs'

/** A GUID derived from a seed, so the same estate always gets the same IDs and etags. */
export function guidFrom(seed) {
  const h = createHash('sha256').update(String(seed)).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export const resourceGroupId = (subscriptionId, resourceGroup) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`

export const resourceId = (subscriptionId, resourceGroup, type, name) =>
  `${resourceGroupId(subscriptionId, resourceGroup)}/providers/${type}/${name}`

export const subnetId = (vnetId, name) => `${vnetId}/subnets/${name}`

const nameOf = (id) => id.split('/').filter(Boolean).pop() ?? ''
/** '/subscriptions/s/resourceGroups/rg/...' → { subscriptionId: 's', resourceGroup: 'rg' } */
export function scopeOf(id) {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i.exec(id)
  if (!m) throw new Error(`not a resource group scoped ID: ${id}`)
  return { subscriptionId: m[1], resourceGroup: m[2] }
}
/** The VNet ID in a subnet ID. */
export const vnetOfSubnet = (id) => id.replace(/\/subnets\/[^/]+$/i, '')

const systemData = () => ({
  createdBy: 'platform-team@contoso.com',
  createdByType: 'User',
  createdAt: '2025-01-15T09:30:00.0000000Z',
  lastModifiedBy: 'platform-team@contoso.com',
  lastModifiedByType: 'User',
  lastModifiedAt: '2025-01-15T09:30:00.0000000Z'
})

/**
 * The firewall part of a vault (`properties.networkAcls`), shaped as in
 * createVaultWithNetworkAcls.json: IPs without a prefix get /32, VNet rule IDs are lower-cased.
 * @param {{ defaultAction?: 'Allow' | 'Deny', bypass?: 'AzureServices' | 'None',
 *   ipRules?: string[], virtualNetworkRules?: string[] }} [options] virtualNetworkRules: subnet IDs
 */
export function networkAcls({
  defaultAction = 'Deny',
  bypass = 'None',
  ipRules = [],
  virtualNetworkRules = []
} = {}) {
  return {
    defaultAction,
    bypass,
    ipRules: ipRules.map((value) => ({ value: value.includes('/') ? value : `${value}/32` })),
    virtualNetworkRules: virtualNetworkRules.map((id) => ({ id: id.toLowerCase() }))
  }
}

/**
 * A vault's (or managed HSM's) private endpoint connection in getPrivateEndpointConnection.json's
 * shape. `vault()` and `managedHsm()` embed it as { id, etag, properties }; ARM serves it whole at
 * its own ID.
 * @param {{ vaultId: string, peId: string, name?: string,
 *   status?: 'Pending' | 'Approved' | 'Rejected' | 'Disconnected',
 *   provisioningState?: 'Succeeded' | 'Creating' | 'Updating' | 'Deleting' | 'Failed' | 'Disconnected',
 *   description?: string, actionsRequired?: string }} options
 */
export function privateEndpointConnection({
  vaultId,
  peId,
  name = `${nameOf(peId)}.${guidFrom(`${vaultId}|${peId}`)}`,
  status = 'Approved',
  provisioningState = 'Succeeded',
  description = status === 'Approved'
    ? 'Auto-Approved'
    : status === 'Pending'
      ? 'Please approve my connection.'
      : '',
  actionsRequired = 'None'
}) {
  // A managed HSM's connections carry `managedhsms` in lower case in their IDs and type
  // (ManagedHsm_ListPrivateEndpointConnectionsByResource.json), unlike the HSM's own ID.
  const hsm = /\/providers\/Microsoft\.KeyVault\/managedHSMs\//i.test(vaultId)
  const parentId = hsm ? vaultId.replace(/\/managedHSMs\//i, '/managedhsms/') : vaultId
  return {
    id: `${parentId}/privateEndpointConnections/${name}`,
    name,
    type: hsm
      ? 'Microsoft.KeyVault/managedhsms/privateEndpointConnections'
      : 'Microsoft.KeyVault/vaults/privateEndpointConnections',
    etag: '',
    properties: {
      provisioningState,
      privateEndpoint: { id: peId },
      privateLinkServiceConnectionState: { status, description, actionsRequired }
    }
  }
}

/** A Key Vault in getVault.json's shape (+ networkAcls and privateEndpointConnections).
 * @param {{ subscriptionId: string, resourceGroup: string, name: string, location?: string,
 *   tenantId?: string, sku?: 'standard' | 'premium', publicNetworkAccess?: 'Enabled' | 'Disabled',
 *   networkAcls?: ReturnType<typeof networkAcls>, privateEndpointConnections?: any[],
 *   tags?: Record<string, string> }} options
 */
export function vault({
  subscriptionId,
  resourceGroup,
  name,
  location = 'westeurope',
  tenantId = '00000000-0000-0000-0000-000000000000',
  sku = 'standard',
  publicNetworkAccess = 'Disabled',
  networkAcls: acls = undefined,
  privateEndpointConnections = [],
  tags = {}
}) {
  /** @type {Record<string, unknown>} */
  const properties = {
    sku: { family: 'A', name: sku },
    tenantId
  }
  if (acls) properties.networkAcls = acls
  Object.assign(properties, {
    accessPolicies: [],
    enabledForDeployment: false,
    enabledForDiskEncryption: false,
    enabledForTemplateDeployment: false,
    enableSoftDelete: true,
    vaultUri: `https://${name}.${VAULT_DNS_SUFFIX}/`,
    provisioningState: 'Succeeded'
  })
  if (privateEndpointConnections.length) {
    properties.privateEndpointConnections = embeddedConnections(privateEndpointConnections)
  }
  properties.publicNetworkAccess = publicNetworkAccess
  return {
    id: resourceId(subscriptionId, resourceGroup, 'Microsoft.KeyVault/vaults', name),
    name,
    type: 'Microsoft.KeyVault/vaults',
    location,
    tags,
    systemData: systemData(),
    properties
  }
}

/** Connections as a vault or HSM GET embeds them: id, etag and properties (no name or type). */
function embeddedConnections(connections) {
  return connections.map((c) => ({ id: c.id, etag: c.etag, properties: c.properties }))
}

/** A managed HSM in ManagedHsm_Get.json's shape (+ networkAcls, publicNetworkAccess and
 * privateEndpointConnections, which managedHsm.json defines and no example shows).
 * @param {{ subscriptionId: string, resourceGroup: string, name: string, location?: string,
 *   tenantId?: string, hsmUri?: string, publicNetworkAccess?: 'Enabled' | 'Disabled',
 *   networkAcls?: ReturnType<typeof networkAcls>, privateEndpointConnections?: any[],
 *   tags?: Record<string, string> }} options
 *   hsmUri: default `https://<name>.managedhsm.azure.net/`; ManagedHsm_Get.json shows one with a
 *   region label (`https://westus.hsm1.managedhsm.azure.net`)
 */
export function managedHsm({
  subscriptionId,
  resourceGroup,
  name,
  location = 'westeurope',
  tenantId = '00000000-0000-0000-0000-000000000000',
  hsmUri = `https://${name}.${HSM_DNS_SUFFIX}/`,
  publicNetworkAccess = 'Disabled',
  networkAcls: acls = undefined,
  privateEndpointConnections = [],
  tags = {}
}) {
  /** @type {Record<string, unknown>} */
  const properties = {
    tenantId,
    initialAdminObjectIds: [guidFrom(`${name}|admin`)],
    enableSoftDelete: true,
    softDeleteRetentionInDays: 90,
    enablePurgeProtection: false,
    hsmUri,
    provisioningState: 'Succeeded',
    statusMessage: 'ManagedHsm is functional.'
  }
  if (acls) properties.networkAcls = acls
  if (privateEndpointConnections.length) {
    properties.privateEndpointConnections = embeddedConnections(privateEndpointConnections)
  }
  properties.publicNetworkAccess = publicNetworkAccess
  return {
    properties,
    id: resourceId(subscriptionId, resourceGroup, HSM_TYPE, name),
    name,
    type: HSM_TYPE,
    location,
    sku: { family: 'B', name: 'Standard_B1' },
    tags
  }
}

/** A private endpoint to a vault (or managed HSM), in PrivateEndpointGet.json's shape.
 * @param {{ subscriptionId: string, resourceGroup: string, name: string, location?: string,
 *   subnetId: string, vaultId: string, nicId?: string, ip?: string, groupId?: string,
 *   customDnsConfigs?: { fqdn: string, ipAddresses: string[] }[], provisioningState?: string,
 *   connectionStatus?: 'Pending' | 'Approved' | 'Rejected' | 'Disconnected',
 *   connectionDescription?: string, manual?: boolean,
 *   ipConfigurations?: { name: string, ip: string }[] }} options
 *   manual: the connection sits in manualPrivateLinkServiceConnections (default: when Pending)
 *   groupId: `vault`, or `managedhsm` when vaultId is a managed HSM's
 */
export function privateEndpoint({
  subscriptionId,
  resourceGroup,
  name,
  location = 'westeurope',
  subnetId: subnet,
  vaultId,
  nicId = resourceId(
    subscriptionId,
    resourceGroup,
    'Microsoft.Network/networkInterfaces',
    `${name}.nic.${guidFrom(name)}`
  ),
  ip = undefined,
  groupId = /\/providers\/Microsoft\.KeyVault\/managedHSMs\//i.test(vaultId)
    ? 'managedhsm'
    : 'vault',
  customDnsConfigs = ip
    ? [
        {
          fqdn: `${nameOf(vaultId)}.${groupId === 'managedhsm' ? HSM_DNS_SUFFIX : VAULT_DNS_SUFFIX}`,
          ipAddresses: [ip]
        }
      ]
    : [],
  provisioningState = 'Succeeded',
  connectionStatus = 'Approved',
  connectionDescription = connectionStatus === 'Approved'
    ? 'Auto-Approved'
    : connectionStatus === 'Pending'
      ? 'Please approve my connection.'
      : '',
  manual = connectionStatus === 'Pending',
  ipConfigurations = []
}) {
  const id = resourceId(subscriptionId, resourceGroup, 'Microsoft.Network/privateEndpoints', name)
  const connection = {
    id: `${id}/${manual ? 'manualPrivateLinkServiceConnections' : 'privateLinkServiceConnections'}/${name}`,
    properties: {
      privateLinkServiceId: vaultId,
      groupIds: [groupId],
      ...(manual ? { requestMessage: 'Please approve my connection.' } : {}),
      privateLinkServiceConnectionState: {
        status: connectionStatus,
        description: connectionDescription,
        actionsRequired: 'None'
      }
    }
  }
  return {
    name,
    id,
    type: 'Microsoft.Network/privateEndpoints',
    location,
    properties: {
      provisioningState,
      privateLinkServiceConnections: manual ? [] : [connection],
      manualPrivateLinkServiceConnections: manual ? [connection] : [],
      subnet: { id: subnet },
      networkInterfaces: [{ id: nicId }],
      customDnsConfigs,
      applicationSecurityGroups: [],
      // Static IP configurations, as PrivateEndpointGet.json shows them.
      ipConfigurations: ipConfigurations.map((config) => ({
        name: config.name,
        properties: { groupId, memberName: 'default', privateIPAddress: config.ip }
      }))
    }
  }
}

/** The NIC Azure creates for a private endpoint, in NetworkInterfaceGet.json's shape.
 * @param {{ subscriptionId: string, resourceGroup: string, name: string, location?: string,
 *   ip: string, subnetId: string, peId?: string, dnsServers?: string[] }} options
 */
export function networkInterface({
  subscriptionId,
  resourceGroup,
  name,
  location = 'westeurope',
  ip,
  subnetId: subnet,
  peId,
  dnsServers = []
}) {
  const id = resourceId(subscriptionId, resourceGroup, 'Microsoft.Network/networkInterfaces', name)
  const ipConfigName = `privateEndpointIpConfig.${guidFrom(`${id}|ipconfig`)}`
  /** @type {Record<string, unknown>} */
  const properties = {
    provisioningState: 'Succeeded',
    ipConfigurations: [
      {
        name: ipConfigName,
        id: `${id}/ipConfigurations/${ipConfigName}`,
        properties: {
          provisioningState: 'Succeeded',
          privateIPAddress: ip,
          privateIPAllocationMethod: 'Dynamic',
          subnet: { id: subnet },
          primary: true,
          privateIPAddressVersion: 'IPv4'
        }
      }
    ],
    dnsSettings: { dnsServers, appliedDnsServers: [] },
    macAddress: '',
    enableAcceleratedNetworking: false,
    enableIPForwarding: false,
    vnetEncryptionSupported: false
  }
  if (peId) properties.privateEndpoint = { id: peId }
  return { name, id, location, properties, type: 'Microsoft.Network/networkInterfaces' }
}

/**
 * A VNet in VirtualNetworkGet.json's shape. `dhcpOptions.dnsServers` only when dnsServers is given
 * (absent = Azure-provided DNS).
 * @param {{ subscriptionId: string, resourceGroup: string, name: string, location?: string,
 *   addressPrefixes?: string[], subnets?: { name: string, addressPrefix: string }[],
 *   dnsServers?: string[] }} options
 */
export function virtualNetwork({
  subscriptionId,
  resourceGroup,
  name,
  location = 'westeurope',
  addressPrefixes = ['10.0.0.0/16'],
  subnets = [
    { name: 'default', addressPrefix: addressPrefixes[0].replace(/\.0\.0\/16$/, '.1.0/24') }
  ],
  dnsServers = undefined
}) {
  const id = resourceId(subscriptionId, resourceGroup, 'Microsoft.Network/virtualNetworks', name)
  /** @type {Record<string, unknown>} */
  const properties = { addressSpace: { addressPrefixes } }
  if (dnsServers) properties.dhcpOptions = { dnsServers }
  Object.assign(properties, {
    provisioningState: 'Succeeded',
    subnets: subnets.map((s) => ({
      name: s.name,
      id: subnetId(id, s.name),
      properties: { addressPrefix: s.addressPrefix, provisioningState: 'Succeeded' }
    })),
    virtualNetworkPeerings: []
  })
  return { name, type: 'Microsoft.Network/virtualNetworks', id, location, properties }
}

/**
 * A private endpoint's DNS zone group, in PrivateEndpointDnsZoneGroupGet.json's shape.
 * @param {{ peId: string, name?: string, zones: { zoneId: string, recordSets: { recordSetName: string, ipAddresses: string[] }[] }[] }} args
 */
export function privateDnsZoneGroup({ peId, name = 'default', zones }) {
  return {
    name,
    id: `${peId}/privateDnsZoneGroups/${name}`,
    properties: {
      privateDnsZoneConfigs: zones.map((z) => ({
        properties: {
          privateDnsZoneId: z.zoneId,
          recordSets: z.recordSets.map((r) => ({
            fqdn: `${r.recordSetName}.${nameOf(z.zoneId)}`,
            ipAddresses: r.ipAddresses,
            recordSetName: r.recordSetName,
            recordType: 'A'
          }))
        }
      })),
      provisioningState: 'Succeeded'
    }
  }
}

/** A private DNS zone in PrivateZoneGet.json's shape; makeEstate() fills the counts.
 * @param {{ subscriptionId: string, resourceGroup: string, name?: string,
 *   tags?: Record<string, string> }} options
 */
export function privateDnsZone({
  subscriptionId,
  resourceGroup,
  name = VAULT_ZONE,
  tags = undefined
}) {
  const id = resourceId(subscriptionId, resourceGroup, 'Microsoft.Network/privateDnsZones', name)
  return {
    id,
    name,
    type: 'Microsoft.Network/privateDnsZones',
    location: 'global',
    etag: guidFrom(id),
    properties: {
      maxNumberOfRecordSets: 25000,
      numberOfRecordSets: 0,
      maxNumberOfVirtualNetworkLinks: 1000,
      numberOfVirtualNetworkLinks: 0,
      maxNumberOfVirtualNetworkLinksWithRegistration: 100,
      numberOfVirtualNetworkLinksWithRegistration: 0,
      provisioningState: 'Succeeded'
    },
    ...(tags ? { tags } : {})
  }
}

/** A zone's link to a VNet, in VirtualNetworkLinkGet.json's shape (+ resolutionPolicy when given).
 * @param {{ zoneId: string, name: string, vnetId: string,
 *   state?: 'Completed' | 'InProgress', provisioningState?: string, registrationEnabled?: boolean,
 *   resolutionPolicy?: 'Default' | 'NxDomainRedirect' }} options
 */
export function virtualNetworkLink({
  zoneId,
  name,
  vnetId,
  state = 'Completed',
  provisioningState = 'Succeeded',
  registrationEnabled = false,
  resolutionPolicy = undefined
}) {
  const id = `${zoneId}/virtualNetworkLinks/${name}`
  /** @type {Record<string, unknown>} */
  const properties = { virtualNetwork: { id: vnetId }, registrationEnabled }
  if (resolutionPolicy) properties.resolutionPolicy = resolutionPolicy
  properties.virtualNetworkLinkState = state
  properties.provisioningState = provisioningState
  return {
    id,
    name,
    type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    location: 'global',
    etag: guidFrom(id),
    properties
  }
}

/** An A record set in RecordSetAGet.json's shape (the name is lower-cased, as Azure does).
 * @param {{ zoneId: string, name: string, ttl?: number, ips: string[],
 *   isAutoRegistered?: boolean }} options
 */
export function aRecordSet({ zoneId, name, ttl = 10, ips, isAutoRegistered = false }) {
  const recordName = name.toLowerCase()
  const id = `${zoneId}/A/${recordName}`
  return {
    id,
    etag: guidFrom(`${id}|${ips.join(',')}|${ttl}`),
    name: recordName,
    type: 'Microsoft.Network/privateDnsZones/A',
    properties: {
      ttl,
      fqdn: `${recordName}.${nameOf(zoneId)}.`,
      isAutoRegistered,
      aRecords: ips.map((ipv4Address) => ({ ipv4Address }))
    }
  }
}

/**
 * The options of `privateLinkedVault` / `privateLinkedHsm`.
 * @typedef {{ subscriptionId: string, resourceGroup: string, name: string, location?: string,
 *   tenantId?: string, subnetId: string, ip: string, zoneId?: string, peName?: string,
 *   peSubscriptionId?: string, peResourceGroup?: string,
 *   connectionStatus?: 'Pending' | 'Approved' | 'Rejected' | 'Disconnected',
 *   publicNetworkAccess?: 'Enabled' | 'Disabled', networkAcls?: ReturnType<typeof networkAcls>,
 *   dnsZoneGroup?: boolean, aRecord?: false | { ttl?: number, ips?: string[] },
 *   peProvisioningState?: string,
 *   customDnsConfigs?: { fqdn: string, ipAddresses: string[] }[],
 *   ipConfigurations?: { name: string, ip: string }[], hsmUri?: string }} PrivateLinkedOptions
 */

/** A vault with a working private endpoint in one call (see `privateLinked` below for the parts).
 * @param {PrivateLinkedOptions} options
 */
export function privateLinkedVault(options) {
  return privateLinked('vault', options)
}

/**
 * A managed HSM with a working private endpoint, built like `privateLinkedVault`: the HSM
 * (ManagedHsm_Get.json's shape), an approved connection (lower-case `managedhsms` in its ID), a
 * private endpoint with group ID `managedhsm` and its NIC, and with `zoneId` (a
 * privatelink.managedhsm.azure.net zone) the DNS zone group and the A record it manages.
 * `hsmUri` overrides the HSM's URI (e.g. the example's region-label form).
 * @param {PrivateLinkedOptions & { hsmUri?: string }} options
 */
export function privateLinkedHsm(options) {
  return privateLinked('managedHsm', options)
}

/**
 * A vault or managed HSM with a working private endpoint in one call: the target (public access
 * off, firewall Deny/None), an approved connection, the private endpoint, its NIC, and when
 * `zoneId` is given a DNS zone group plus the A record it manages (TTL 10, as Azure writes it).
 *
 * Every part can be bent to make it broken: `connectionStatus`, `publicNetworkAccess`,
 * `networkAcls`, `dnsZoneGroup: false`, `aRecord: false | { ttl, ips }`, `peProvisioningState`
 * (the private endpoint's), `customDnsConfigs` (the PE's, instead of the one entry with `ip`).
 *
 * @param {'vault' | 'managedHsm'} kind
 * @param {PrivateLinkedOptions} options
 * @returns {{ vault: any, connection: any, privateEndpoint: any, networkInterface: any,
 *   privateDnsZoneGroup?: any, aRecordSet?: any, resources: any[] }}
 */
function privateLinked(
  kind,
  {
    subscriptionId,
    resourceGroup,
    name,
    location = 'westeurope',
    tenantId = undefined,
    subnetId: subnet,
    ip,
    zoneId = undefined,
    peName = `pe-${name}`,
    peSubscriptionId = subscriptionId,
    peResourceGroup = resourceGroup,
    connectionStatus = 'Approved',
    publicNetworkAccess = 'Disabled',
    networkAcls: acls = networkAcls({ defaultAction: 'Deny', bypass: 'None' }),
    dnsZoneGroup = true,
    aRecord = {},
    peProvisioningState = 'Succeeded',
    customDnsConfigs = undefined,
    ipConfigurations = [],
    hsmUri = undefined
  }
) {
  const hsm = kind === 'managedHsm'
  const vaultId = resourceId(
    subscriptionId,
    resourceGroup,
    hsm ? HSM_TYPE : 'Microsoft.KeyVault/vaults',
    name
  )
  const peId = resourceId(
    peSubscriptionId,
    peResourceGroup,
    'Microsoft.Network/privateEndpoints',
    peName
  )
  const nicName = `${peName}.nic.${guidFrom(peId)}`
  const nicId = resourceId(
    peSubscriptionId,
    peResourceGroup,
    'Microsoft.Network/networkInterfaces',
    nicName
  )
  const connection = privateEndpointConnection({ vaultId, peId, status: connectionStatus })
  const parts = {
    vault: (hsm ? managedHsm : vault)({
      subscriptionId,
      resourceGroup,
      name,
      location,
      ...(tenantId ? { tenantId } : {}),
      ...(hsm && hsmUri ? { hsmUri } : {}),
      publicNetworkAccess,
      networkAcls: acls,
      privateEndpointConnections: [connection]
    }),
    connection,
    privateEndpoint: privateEndpoint({
      subscriptionId: peSubscriptionId,
      resourceGroup: peResourceGroup,
      name: peName,
      location,
      subnetId: subnet,
      vaultId,
      nicId,
      ip,
      ...(customDnsConfigs ? { customDnsConfigs } : {}),
      ipConfigurations,
      provisioningState: peProvisioningState,
      connectionStatus
    }),
    networkInterface: networkInterface({
      subscriptionId: peSubscriptionId,
      resourceGroup: peResourceGroup,
      name: nicName,
      location,
      ip,
      subnetId: subnet,
      peId
    }),
    /** @type {any} */ privateDnsZoneGroup: undefined,
    /** @type {any} */ aRecordSet: undefined,
    /** @type {any[]} */ resources: []
  }
  if (zoneId && dnsZoneGroup) {
    parts.privateDnsZoneGroup = privateDnsZoneGroup({
      peId,
      zones: [{ zoneId, recordSets: [{ recordSetName: name.toLowerCase(), ipAddresses: [ip] }] }]
    })
  }
  if (zoneId && aRecord) {
    parts.aRecordSet = aRecordSet({
      zoneId,
      name,
      ttl: aRecord.ttl ?? 10,
      ips: aRecord.ips ?? [ip]
    })
  }
  parts.resources = [
    parts.vault,
    parts.privateEndpoint,
    parts.networkInterface,
    parts.privateDnsZoneGroup,
    parts.aRecordSet
  ].filter(Boolean)
  return parts
}

/**
 * Puts an estate together: resourceGroups default to every group the resources live in, and
 * each private DNS zone's record set / VNet link counts are filled in from its children.
 * @param {{ identity: Identity, github?: { subject?: string }, subscriptions?: string[],
 *   resourceGroups?: string[], resources: any[], deny?: DenyRule[] }} parts
 * @returns {Estate}
 */
export function makeEstate({
  identity,
  github,
  subscriptions,
  resourceGroups = [],
  resources,
  deny = []
}) {
  const groups = new Map(resourceGroups.map((id) => [id.toLowerCase(), id]))
  for (const r of resources) {
    const { subscriptionId, resourceGroup } = scopeOf(r.id)
    const id = resourceGroupId(subscriptionId, resourceGroup)
    if (!groups.has(id.toLowerCase())) groups.set(id.toLowerCase(), id)
  }
  const subs = subscriptions ?? [...new Set(resources.map((r) => scopeOf(r.id).subscriptionId))]
  for (const zone of resources.filter((r) => r.type === 'Microsoft.Network/privateDnsZones')) {
    const prefix = `${zone.id.toLowerCase()}/`
    const children = resources.filter((r) => r.id.toLowerCase().startsWith(prefix))
    const links = children.filter(
      (r) => r.type === 'Microsoft.Network/privateDnsZones/virtualNetworkLinks'
    )
    zone.properties.numberOfRecordSets = children.length - links.length
    zone.properties.numberOfVirtualNetworkLinks = links.length
    zone.properties.numberOfVirtualNetworkLinksWithRegistration = links.filter(
      (l) => l.properties.registrationEnabled
    ).length
  }
  return {
    identity,
    ...(github ? { github } : {}),
    subscriptions: subs,
    resourceGroups: [...groups.values()],
    resources,
    deny
  }
}

/** The identity the sample estates use (a federated credential for contoso/infra pull requests). */
export function sampleIdentity() {
  return {
    tenantId: '72f98ab1-86f1-41af-91ab-2d7cd011db47',
    clientId: '5f0c3a1e-2b4d-4c6e-8f90-a1b2c3d4e5f6',
    objectId: '9d8c7b6a-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
    subject: 'repo:contoso/infra:pull_request'
  }
}

// ---- Client VNets and the DNS path ---------------------------------------------------------

/**
 * Peers `vnet` with `remote` (one side: call it twice for both), embedding the peering in
 * `vnet.properties.virtualNetworkPeerings` in VirtualNetworkPeeringGet.json's shape.
 * @param {any} vnet a virtualNetwork() result
 * @param {any} remote a virtualNetwork() result
 * @param {{ name?: string, state?: 'Initiated' | 'Connected' | 'Disconnected',
 *   syncLevel?: string }} [options]
 */
export function peer(vnet, remote, { name, state = 'Connected', syncLevel = 'FullyInSync' } = {}) {
  const peeringName = name ?? `peer-${remote.name}`
  const prefixes = remote.properties.addressSpace.addressPrefixes
  vnet.properties.virtualNetworkPeerings.push({
    name: peeringName,
    id: `${vnet.id}/virtualNetworkPeerings/${peeringName}`,
    properties: {
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      allowVirtualNetworkAccess: true,
      peeringState: state,
      peeringSyncLevel: syncLevel,
      provisioningState: 'Succeeded',
      remoteAddressSpace: { addressPrefixes: [...prefixes] },
      remoteVirtualNetwork: { id: remote.id },
      remoteVirtualNetworkAddressSpace: { addressPrefixes: [...prefixes] },
      useRemoteGateways: false
    }
  })
}

/** Peers two VNets both ways (`Connected` unless told). */
export function peerBoth(a, b, { stateAB = 'Connected', stateBA = 'Connected' } = {}) {
  peer(a, b, { state: stateAB })
  peer(b, a, { state: stateBA })
}

/**
 * A DNS private resolver in DnsResolver_Get.json's shape, with one inbound endpoint
 * (InboundEndpoint_Get.json: `privateIpAddress`, lower-case p and `Ip`) and one outbound
 * endpoint (OutboundEndpoint_List.json). The children carry IDs under the resolver (ARM's
 * examples sometimes drop the `dnsResolvers/{name}/` segment; readers must not rely on it).
 * @param {{ subscriptionId: string, resourceGroup: string, name: string, vnetId: string,
 *   inboundIp: string, inboundSubnet?: string, outboundSubnet?: string, location?: string }} options
 * @returns {{ resolver: any, inbound: any, outbound: any, resources: any[] }}
 */
export function dnsResolver({
  subscriptionId,
  resourceGroup,
  name,
  vnetId,
  inboundIp,
  inboundSubnet = 'snet-dns-inbound',
  outboundSubnet = 'snet-dns-outbound',
  location = 'westeurope'
}) {
  const id = resourceId(subscriptionId, resourceGroup, 'Microsoft.Network/dnsResolvers', name)
  const resolver = {
    id,
    name,
    type: 'Microsoft.Network/dnsResolvers',
    location,
    etag: guidFrom(id),
    systemData: systemData(),
    properties: {
      virtualNetwork: { id: vnetId },
      dnsResolverState: 'Connected',
      provisioningState: 'Succeeded',
      resourceGuid: guidFrom(`${id}/guid`)
    }
  }
  const inboundId = `${id}/inboundEndpoints/inbound`
  const inbound = {
    name: 'inbound',
    type: 'Microsoft.Network/dnsResolvers/inboundEndpoints',
    etag: guidFrom(inboundId),
    id: inboundId,
    location,
    properties: {
      ipConfigurations: [
        {
          privateIpAddress: inboundIp,
          privateIpAllocationMethod: 'Dynamic',
          subnet: { id: subnetId(vnetId, inboundSubnet) }
        }
      ],
      provisioningState: 'Succeeded',
      resourceGuid: guidFrom(`${inboundId}/guid`)
    },
    systemData: systemData()
  }
  const outboundId = `${id}/outboundEndpoints/outbound`
  const outbound = {
    name: 'outbound',
    type: 'Microsoft.Network/dnsResolvers/outboundEndpoints',
    etag: guidFrom(outboundId),
    id: outboundId,
    location,
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guidFrom(`${outboundId}/guid`),
      subnet: { id: subnetId(vnetId, outboundSubnet) }
    },
    systemData: systemData()
  }
  return { resolver, inbound, outbound, resources: [resolver, inbound, outbound] }
}

/**
 * A DNS forwarding ruleset (DnsForwardingRuleset_Get.json) with its forwarding rules
 * (ForwardingRule_Get.json: `domainName` with its trailing dot, `targetDnsServers[{ipAddress,
 * port}]`) and VNet links (VirtualNetworkLink_Get.json).
 * @param {{ subscriptionId: string, resourceGroup: string, name: string,
 *   outboundEndpointIds: string[], rules?: { name: string, domainName: string, targets: string[],
 *   state?: 'Enabled' | 'Disabled' }[], vnetIds?: string[], location?: string }} options
 */
export function dnsForwardingRuleset({
  subscriptionId,
  resourceGroup,
  name,
  outboundEndpointIds,
  rules = [],
  vnetIds = [],
  location = 'westeurope'
}) {
  const id = resourceId(
    subscriptionId,
    resourceGroup,
    'Microsoft.Network/dnsForwardingRulesets',
    name
  )
  const ruleset = {
    id,
    name,
    type: 'Microsoft.Network/dnsForwardingRulesets',
    location,
    etag: guidFrom(id),
    systemData: systemData(),
    properties: {
      dnsResolverOutboundEndpoints: outboundEndpointIds.map((o) => ({ id: o })),
      provisioningState: 'Succeeded',
      resourceGuid: guidFrom(`${id}/guid`)
    }
  }
  const ruleResources = rules.map((rule) => {
    const ruleId = `${id}/forwardingRules/${rule.name}`
    return {
      id: ruleId,
      name: rule.name,
      type: 'Microsoft.Network/dnsForwardingRulesets/forwardingRules',
      etag: guidFrom(ruleId),
      systemData: systemData(),
      properties: {
        domainName: rule.domainName.endsWith('.') ? rule.domainName : `${rule.domainName}.`,
        targetDnsServers: rule.targets.map((ip) => ({ ipAddress: ip, port: 53 })),
        forwardingRuleState: rule.state ?? 'Enabled',
        provisioningState: 'Succeeded'
      }
    }
  })
  const links = vnetIds.map((vnetId) => {
    const linkName = `link-${nameOf(vnetId)}`
    const linkId = `${id}/virtualNetworkLinks/${linkName}`
    return {
      id: linkId,
      name: linkName,
      type: 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks',
      etag: guidFrom(linkId),
      systemData: systemData(),
      properties: { virtualNetwork: { id: vnetId }, provisioningState: 'Succeeded' }
    }
  })
  return { ruleset, resources: [ruleset, ...ruleResources, ...links] }
}
