// The demo estate: one healthy vault and several broken ones, each broken in one way, and one
// managed HSM. All in one subscription: vaults, the HSM and their private endpoints in
// rg-secrets-prod, VNets in rg-network, the privatelink.vaultcore.azure.net and
// privatelink.managedhsm.azure.net zones in rg-dns (both linked to vnet-app-prod).
//
//   VNets   vnet-app-prod     10.20.0.0/16  Azure DNS, linked to the zone (Completed)
//           vnet-spoke-batch  10.30.0.0/16  Azure DNS, NOT linked to the zone
//           vnet-onprem-dns   10.40.0.0/16  custom DNS servers 10.40.0.4, 10.40.0.5; linked
import {
  HSM_ZONE,
  makeEstate,
  networkAcls,
  privateDnsZone,
  privateLinkedHsm,
  privateLinkedVault,
  resourceGroupId,
  sampleIdentity,
  subnetId,
  virtualNetwork,
  virtualNetworkLink
} from '../estate.js'

// The same subscription and resource groups as the healthy estate.
import { DNS_RG, NETWORK_RG, SUBSCRIPTION_ID, VAULT_RG } from './healthy.js'
export { DNS_RG, NETWORK_RG, SUBSCRIPTION_ID, VAULT_RG }

/** Vault name → what is wrong with it (for tests and the demo's narrative). */
export const PROBLEMS = {
  'kv-healthy': 'nothing',
  'kv-pending': 'private endpoint connection is Pending (never approved)',
  'kv-public': 'publicNetworkAccess Enabled and firewall defaultAction Allow',
  'kv-nolink': "the zone is not linked to the private endpoint's VNet (vnet-spoke-batch)",
  'kv-wrongip': 'A record points at 10.20.1.99, the private endpoint has 10.20.1.8',
  'kv-ttl': 'A record TTL is 3600 (allowed 10..600)',
  'kv-norecord': 'no A record in the zone (no DNS zone group either)',
  'kv-customdns': "private endpoint's VNet (vnet-onprem-dns) uses custom DNS servers"
}

/** Managed HSM name → what is wrong with it. */
export const HSM_PROBLEMS = {
  'hsm-payments':
    'publicNetworkAccess Enabled and firewall defaultAction Allow (private link itself is fine)'
}

export default function sampleEstate() {
  const identity = sampleIdentity()
  const sub = SUBSCRIPTION_ID
  const net = { subscriptionId: sub, resourceGroup: NETWORK_RG }

  const appVnet = virtualNetwork({
    ...net,
    name: 'vnet-app-prod',
    addressPrefixes: ['10.20.0.0/16'],
    subnets: [
      { name: 'snet-app', addressPrefix: '10.20.0.0/24' },
      { name: 'snet-private-endpoints', addressPrefix: '10.20.1.0/24' }
    ]
  })
  const batchVnet = virtualNetwork({
    ...net,
    name: 'vnet-spoke-batch',
    addressPrefixes: ['10.30.0.0/16'],
    subnets: [{ name: 'snet-private-endpoints', addressPrefix: '10.30.1.0/24' }]
  })
  const onpremVnet = virtualNetwork({
    ...net,
    name: 'vnet-onprem-dns',
    addressPrefixes: ['10.40.0.0/16'],
    subnets: [
      { name: 'snet-dns', addressPrefix: '10.40.0.0/24' },
      { name: 'snet-private-endpoints', addressPrefix: '10.40.1.0/24' }
    ],
    dnsServers: ['10.40.0.4', '10.40.0.5']
  })
  const zone = privateDnsZone({ subscriptionId: sub, resourceGroup: DNS_RG })
  const hsmZone = privateDnsZone({ subscriptionId: sub, resourceGroup: DNS_RG, name: HSM_ZONE })
  const links = [
    virtualNetworkLink({ zoneId: zone.id, name: 'link-vnet-app-prod', vnetId: appVnet.id }),
    virtualNetworkLink({ zoneId: zone.id, name: 'link-vnet-onprem-dns', vnetId: onpremVnet.id }),
    virtualNetworkLink({ zoneId: hsmZone.id, name: 'link-vnet-app-prod', vnetId: appVnet.id })
  ]

  const appSubnet = subnetId(appVnet.id, 'snet-private-endpoints')
  const common = {
    subscriptionId: sub,
    resourceGroup: VAULT_RG,
    tenantId: identity.tenantId,
    zoneId: zone.id
  }
  const vaults = [
    // kv-healthy: everything right (approved PE, public access off, record 10.20.1.4 TTL 10).
    privateLinkedVault({ ...common, name: 'kv-healthy', subnetId: appSubnet, ip: '10.20.1.4' }),
    // kv-pending: the private endpoint was created with manual approval and nobody approved it:
    // the vault's connection and the PE's manual connection are both Pending.
    privateLinkedVault({
      ...common,
      name: 'kv-pending',
      subnetId: appSubnet,
      ip: '10.20.1.5',
      connectionStatus: 'Pending'
    }),
    // kv-public: private link fine, but publicNetworkAccess Enabled and the firewall allows all.
    privateLinkedVault({
      ...common,
      name: 'kv-public',
      subnetId: appSubnet,
      ip: '10.20.1.6',
      publicNetworkAccess: 'Enabled',
      networkAcls: networkAcls({ defaultAction: 'Allow', bypass: 'AzureServices' })
    }),
    // kv-nolink: PE in vnet-spoke-batch, which the privatelink zone is not linked to, so clients
    // there resolve the vault's public address.
    privateLinkedVault({
      ...common,
      name: 'kv-nolink',
      subnetId: subnetId(batchVnet.id, 'snet-private-endpoints'),
      ip: '10.30.1.4'
    }),
    // kv-wrongip: someone replaced the A record by hand; it points at 10.20.1.99, not at the PE's
    // 10.20.1.8 (no DNS zone group, so Azure does not fix it).
    privateLinkedVault({
      ...common,
      name: 'kv-wrongip',
      subnetId: appSubnet,
      ip: '10.20.1.8',
      dnsZoneGroup: false,
      aRecord: { ttl: 10, ips: ['10.20.1.99'] }
    }),
    // kv-ttl: right IP, but TTL 3600: a changed PE IP would be cached for an hour.
    privateLinkedVault({
      ...common,
      name: 'kv-ttl',
      subnetId: appSubnet,
      ip: '10.20.1.9',
      aRecord: { ttl: 3600 }
    }),
    // kv-norecord: PE approved, but no DNS zone group and no A record in the zone.
    privateLinkedVault({
      ...common,
      name: 'kv-norecord',
      subnetId: appSubnet,
      ip: '10.20.1.10',
      dnsZoneGroup: false,
      aRecord: false
    }),
    // kv-customdns: PE in vnet-onprem-dns, whose VNet uses custom DNS servers (10.40.0.4/5); the
    // zone is linked to that VNet, but the VNet's clients only see it if those servers forward
    // privatelink.vaultcore.azure.net to 168.63.129.16.
    privateLinkedVault({
      ...common,
      name: 'kv-customdns',
      subnetId: subnetId(onpremVnet.id, 'snet-private-endpoints'),
      ip: '10.40.1.4'
    })
  ]

  // hsm-payments: a managed HSM with a working private endpoint (group ID managedhsm, record in
  // privatelink.managedhsm.azure.net), but its public access is still open to all networks.
  const hsm = privateLinkedHsm({
    ...common,
    name: 'hsm-payments',
    subnetId: appSubnet,
    ip: '10.20.1.20',
    zoneId: hsmZone.id,
    publicNetworkAccess: 'Enabled',
    networkAcls: networkAcls({ defaultAction: 'Allow' })
  })

  return makeEstate({
    identity,
    subscriptions: [sub],
    resourceGroups: [VAULT_RG, NETWORK_RG, DNS_RG].map((rg) => resourceGroupId(sub, rg)),
    resources: [
      appVnet,
      batchVnet,
      onpremVnet,
      zone,
      hsmZone,
      ...links,
      ...vaults.flatMap((v) => v.resources),
      ...hsm.resources
    ]
  })
}
