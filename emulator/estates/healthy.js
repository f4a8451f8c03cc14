// A healthy estate: two vaults reachable only through approved private endpoints in one VNet,
// the shared privatelink.vaultcore.azure.net zone linked to that VNet (Completed), A records with
// the endpoints' IPs and TTLs inside 10..600, public network access Disabled, firewall
// defaultAction Deny / bypass None / no rules. The doctor should find nothing wrong.
import {
  makeEstate,
  privateDnsZone,
  privateLinkedVault,
  resourceGroupId,
  sampleIdentity,
  subnetId,
  virtualNetwork,
  virtualNetworkLink
} from '../estate.js'

export const SUBSCRIPTION_ID = '3f2b7c1d-8e4a-4b6f-9c0d-1a2b3c4d5e6f'
export const VAULT_RG = 'rg-secrets-prod'
export const NETWORK_RG = 'rg-network'
export const DNS_RG = 'rg-dns'

export default function healthyEstate() {
  const identity = sampleIdentity()
  const sub = SUBSCRIPTION_ID
  const vnet = virtualNetwork({
    subscriptionId: sub,
    resourceGroup: NETWORK_RG,
    name: 'vnet-app-prod',
    addressPrefixes: ['10.20.0.0/16'],
    subnets: [
      { name: 'snet-app', addressPrefix: '10.20.0.0/24' },
      { name: 'snet-private-endpoints', addressPrefix: '10.20.1.0/24' }
    ]
  })
  const peSubnet = subnetId(vnet.id, 'snet-private-endpoints')
  const zone = privateDnsZone({ subscriptionId: sub, resourceGroup: DNS_RG })
  const link = virtualNetworkLink({ zoneId: zone.id, name: 'link-vnet-app-prod', vnetId: vnet.id })

  const common = {
    subscriptionId: sub,
    resourceGroup: VAULT_RG,
    tenantId: identity.tenantId,
    subnetId: peSubnet,
    zoneId: zone.id
  }
  // kv-payments-prod: healthy; its DNS zone group wrote the A record (TTL 10).
  const payments = privateLinkedVault({ ...common, name: 'kv-payments-prod', ip: '10.20.1.4' })
  // kv-orders-prod: healthy; the A record's TTL was raised to 300 (still inside 10..600).
  const orders = privateLinkedVault({
    ...common,
    name: 'kv-orders-prod',
    ip: '10.20.1.5',
    aRecord: { ttl: 300 }
  })

  return makeEstate({
    identity,
    subscriptions: [sub],
    resourceGroups: [VAULT_RG, NETWORK_RG, DNS_RG].map((rg) => resourceGroupId(sub, rg)),
    resources: [vnet, zone, link, ...payments.resources, ...orders.resources]
  })
}
