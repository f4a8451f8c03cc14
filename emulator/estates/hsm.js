// Managed HSMs through the same rules as key vaults: one HSM per break that applies to an HSM,
// each named after it (hsm-pe-none → PE-NONE), beside one healthy key vault (kv-beside-hsm), so
// that discovery finds both kinds. All HSMs and the vault live in rg-hsm of the app
// subscription; the VNets in rg-network. The privatelink.managedhsm.azure.net zone lives in the
// hub (connectivity) subscription, as in hub-spoke.js: searched with the defaults (the HSMs'
// own subscription only) no HSM zone is found (DNS-ZONE-MISSING); with the hub subscription in
// `dns-zone-scopes`, only the breaks below remain. The key vaults' zone is in the app
// subscription.
//
//   VNets   vnet-hsm          10.70.0.0/16  linked to both zones (Completed)
//           vnet-hsm-linking  10.71.0.0/16  linked to the HSM zone, link still InProgress
//           vnet-hsm-unlinked 10.72.0.0/16  NOT linked to the HSM zone
//
// hsm-healthy's hsmUri carries a region label, as ManagedHsm_Get.json shows it
// (`https://westeurope.hsm-healthy.managedhsm.azure.net`): the doctor still expects the name
// `hsm-healthy.managedhsm.azure.net` in DNS.
import {
  HSM_DNS_SUFFIX,
  HSM_TYPE,
  HSM_ZONE,
  makeEstate,
  managedHsm,
  networkAcls,
  privateDnsZone,
  privateLinkedHsm,
  privateLinkedVault,
  resourceGroupId,
  resourceId,
  sampleIdentity,
  subnetId,
  virtualNetwork,
  virtualNetworkLink
} from '../estate.js'

export const SUBSCRIPTION_ID = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d'
export const HUB_SUBSCRIPTION_ID = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'
export const HSM_RG = 'rg-hsm'
export const NETWORK_RG = 'rg-network'
export const DNS_RG = 'rg-dns'
export const HUB_DNS_RG = 'rg-private-dns'
export const VAULT_NAME = 'kv-beside-hsm'
/** A near miss of the HSM zone (the `privatelink.` label left out). */
export const NEAR_MISS_ZONE = HSM_DNS_SUFFIX

/** HSM name → the rule it breaks (hsm-healthy breaks none). */
export const RULE_OF_HSM = {
  'hsm-healthy': null,
  'hsm-pe-none': 'PE-NONE',
  'hsm-pe-not-approved': 'PE-NOT-APPROVED',
  'hsm-pe-not-succeeded': 'PE-NOT-SUCCEEDED',
  'hsm-fw-public-open': 'FW-PUBLIC-OPEN',
  'hsm-fw-rules-present': 'FW-RULES-PRESENT',
  'hsm-fw-trusted': 'FW-TRUSTED-SERVICES',
  'hsm-dns-zone-misnamed': 'DNS-ZONE-MISNAMED',
  // Healthy while the hub subscription is searched; DNS-ZONE-MISSING when it is not.
  'hsm-dns-zone-missing': 'DNS-ZONE-MISSING',
  'hsm-dns-link-missing': 'DNS-LINK-MISSING',
  'hsm-dns-link-not-ready': 'DNS-LINK-NOT-READY',
  'hsm-dns-record-missing': 'DNS-RECORD-MISSING',
  'hsm-dns-record-wrong-ip': 'DNS-RECORD-WRONG-IP',
  'hsm-dns-record-ttl': 'DNS-RECORD-TTL'
}

/** The IP of each HSM's private endpoint (hsm-pe-none has none). */
export const HSM_IP = {
  'hsm-healthy': '10.70.1.4',
  'hsm-pe-not-approved': '10.70.1.5',
  'hsm-pe-not-succeeded': '10.70.1.6',
  'hsm-fw-public-open': '10.70.1.7',
  'hsm-fw-rules-present': '10.70.1.8',
  'hsm-fw-trusted': '10.70.1.9',
  'hsm-dns-zone-misnamed': '10.70.1.10',
  'hsm-dns-zone-missing': '10.70.1.14',
  'hsm-dns-link-missing': '10.72.1.4',
  'hsm-dns-link-not-ready': '10.71.1.4',
  'hsm-dns-record-missing': '10.70.1.11',
  'hsm-dns-record-wrong-ip': '10.70.1.12',
  'hsm-dns-record-ttl': '10.70.1.13'
}

export default function hsmEstate() {
  const identity = sampleIdentity()
  const sub = SUBSCRIPTION_ID
  const hub = HUB_SUBSCRIPTION_ID
  const vnetOf = (name, prefix) =>
    virtualNetwork({
      subscriptionId: sub,
      resourceGroup: NETWORK_RG,
      name,
      addressPrefixes: [`${prefix}.0.0/16`],
      subnets: [
        { name: 'snet-app', addressPrefix: `${prefix}.0.0/24` },
        { name: 'snet-private-endpoints', addressPrefix: `${prefix}.1.0/24` }
      ]
    })
  const hsmVnet = vnetOf('vnet-hsm', '10.70')
  const linkingVnet = vnetOf('vnet-hsm-linking', '10.71')
  const unlinkedVnet = vnetOf('vnet-hsm-unlinked', '10.72')
  const peSubnet = (vnet) => subnetId(vnet.id, 'snet-private-endpoints')

  const hsmZone = privateDnsZone({ subscriptionId: hub, resourceGroup: HUB_DNS_RG, name: HSM_ZONE })
  const vaultZone = privateDnsZone({ subscriptionId: sub, resourceGroup: DNS_RG })
  const nearMiss = privateDnsZone({
    subscriptionId: sub,
    resourceGroup: DNS_RG,
    name: NEAR_MISS_ZONE
  })
  const links = [
    virtualNetworkLink({ zoneId: hsmZone.id, name: 'link-vnet-hsm', vnetId: hsmVnet.id }),
    virtualNetworkLink({
      zoneId: hsmZone.id,
      name: 'link-vnet-hsm-linking',
      vnetId: linkingVnet.id,
      state: 'InProgress'
    }),
    virtualNetworkLink({ zoneId: vaultZone.id, name: 'link-vnet-hsm', vnetId: hsmVnet.id })
  ]

  const common = {
    subscriptionId: sub,
    resourceGroup: HSM_RG,
    tenantId: identity.tenantId,
    subnetId: peSubnet(hsmVnet),
    zoneId: hsmZone.id
  }
  const hsm = (name, options = {}) =>
    privateLinkedHsm({ ...common, name, ip: HSM_IP[name], ...options }).resources

  const resources = [
    hsmVnet,
    linkingVnet,
    unlinkedVnet,
    hsmZone,
    vaultZone,
    nearMiss,
    ...links,

    // kv-beside-hsm: a healthy key vault next to the HSMs, in the key vaults' own zone.
    ...privateLinkedVault({
      ...common,
      name: VAULT_NAME,
      ip: '10.70.1.30',
      zoneId: vaultZone.id
    }).resources,

    // hsm-healthy: everything right (the control); its hsmUri has the example's region label.
    ...hsm('hsm-healthy', { hsmUri: `https://westeurope.hsm-healthy.${HSM_DNS_SUFFIX}` }),

    // hsm-pe-none: public network access off, and no private endpoint connection at all.
    managedHsm({
      subscriptionId: sub,
      resourceGroup: HSM_RG,
      name: 'hsm-pe-none',
      tenantId: identity.tenantId,
      networkAcls: networkAcls()
    }),

    // hsm-pe-not-approved: the connection is Pending (manual approval nobody gave).
    ...hsm('hsm-pe-not-approved', { connectionStatus: 'Pending' }),

    // hsm-pe-not-succeeded: approved, but the private endpoint's provisioning Failed.
    ...hsm('hsm-pe-not-succeeded', { peProvisioningState: 'Failed' }),

    // hsm-fw-public-open: public network access Enabled and the firewall allows all networks.
    ...hsm('hsm-fw-public-open', {
      publicNetworkAccess: 'Enabled',
      networkAcls: networkAcls({ defaultAction: 'Allow' })
    }),

    // hsm-fw-rules-present: public access Enabled with default action Deny, but an office IP
    // and a subnet of vnet-hsm are still allowed.
    ...hsm('hsm-fw-rules-present', {
      publicNetworkAccess: 'Enabled',
      networkAcls: networkAcls({
        defaultAction: 'Deny',
        ipRules: ['198.51.100.24'],
        virtualNetworkRules: [subnetId(hsmVnet.id, 'snet-app')]
      })
    }),

    // hsm-fw-trusted: trusted Azure services may bypass the firewall (an info).
    ...hsm('hsm-fw-trusted', { networkAcls: networkAcls({ bypass: 'AzureServices' }) }),

    // hsm-dns-zone-misnamed: the endpoint's DNS zone group writes into managedhsm.azure.net
    // (no `privatelink.`), so the real zone lacks the record too (DNS-RECORD-MISSING).
    ...hsm('hsm-dns-zone-misnamed', { zoneId: nearMiss.id }),

    // hsm-dns-zone-missing: right in every way, but its record was written by the hub team (no
    // DNS zone group), so nothing in the app subscription points at the hub zone: unless
    // dns-zone-scopes names the hub, no privatelink.managedhsm.azure.net zone is found.
    ...hsm('hsm-dns-zone-missing', { dnsZoneGroup: false }),

    // hsm-dns-link-missing: the endpoint sits in vnet-hsm-unlinked, which the zone is not
    // linked to (its record is in the zone all the same).
    ...hsm('hsm-dns-link-missing', { subnetId: peSubnet(unlinkedVnet) }),

    // hsm-dns-link-not-ready: the endpoint sits in vnet-hsm-linking, whose link is InProgress.
    ...hsm('hsm-dns-link-not-ready', { subnetId: peSubnet(linkingVnet) }),

    // hsm-dns-record-missing: no DNS zone group and no record (someone deleted it).
    ...hsm('hsm-dns-record-missing', { dnsZoneGroup: false, aRecord: false }),

    // hsm-dns-record-wrong-ip: the record points at a stale IP (no zone group keeps it right).
    ...hsm('hsm-dns-record-wrong-ip', { dnsZoneGroup: false, aRecord: { ips: ['10.70.1.99'] } }),

    // hsm-dns-record-ttl: the record was written by hand with a TTL of an hour.
    ...hsm('hsm-dns-record-ttl', { dnsZoneGroup: false, aRecord: { ttl: 3600 } })
  ]

  return makeEstate({
    identity,
    // The app subscription first: the emulator's env() passes it as subscription-id.
    subscriptions: [sub, hub],
    resourceGroups: [
      resourceGroupId(sub, HSM_RG),
      resourceGroupId(sub, NETWORK_RG),
      resourceGroupId(sub, DNS_RG),
      resourceGroupId(hub, HUB_DNS_RG)
    ],
    resources
  })
}

/** An HSM's resource ID in this estate. */
export const hsmId = (name) => resourceId(SUBSCRIPTION_ID, HSM_RG, HSM_TYPE, name)
