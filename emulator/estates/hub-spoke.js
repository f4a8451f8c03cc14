// Hub and spoke: the vault, its private endpoint and the spoke VNet live in the spoke
// (application) subscription; the privatelink.vaultcore.azure.net zone lives in the hub
// (connectivity) subscription, linked to the spoke VNet and holding the vault's A record. The
// endpoint has no DNS zone group (the hub team writes the records), so nothing in the spoke
// subscription points at the hub zone.
//
// Searched with the defaults (the vault's own subscription only), no zone is found:
// DNS-ZONE-MISSING. With the hub subscription (or its DNS resource group) in `dns-zone-scopes`,
// everything passes.
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

export const SPOKE_SUBSCRIPTION_ID = '0b7e5d3c-1a2f-4e8d-9c6b-5a4f3e2d1c0b'
export const HUB_SUBSCRIPTION_ID = 'e4d3c2b1-a0f9-4e8d-a7c6-b5a4f3e2d1c0'
export const SPOKE_VAULT_RG = 'rg-app-secrets'
export const SPOKE_NETWORK_RG = 'rg-spoke-network'
export const HUB_DNS_RG = 'rg-private-dns'
export const VAULT_NAME = 'kv-spoke-app'
export const VAULT_IP = '10.60.1.4'

export default function hubSpokeEstate() {
  const identity = sampleIdentity()
  const spoke = SPOKE_SUBSCRIPTION_ID
  const hub = HUB_SUBSCRIPTION_ID
  const vnet = virtualNetwork({
    subscriptionId: spoke,
    resourceGroup: SPOKE_NETWORK_RG,
    name: 'vnet-spoke-app',
    addressPrefixes: ['10.60.0.0/16'],
    subnets: [
      { name: 'snet-app', addressPrefix: '10.60.0.0/24' },
      { name: 'snet-private-endpoints', addressPrefix: '10.60.1.0/24' }
    ]
  })
  const zone = privateDnsZone({ subscriptionId: hub, resourceGroup: HUB_DNS_RG })
  const link = virtualNetworkLink({ zoneId: zone.id, name: 'link-vnet-spoke-app', vnetId: vnet.id })
  // kv-spoke-app: healthy once the hub zone is searched; its record in the hub zone was written
  // by the hub team (no DNS zone group on the endpoint).
  const app = privateLinkedVault({
    subscriptionId: spoke,
    resourceGroup: SPOKE_VAULT_RG,
    name: VAULT_NAME,
    tenantId: identity.tenantId,
    subnetId: subnetId(vnet.id, 'snet-private-endpoints'),
    ip: VAULT_IP,
    zoneId: zone.id,
    dnsZoneGroup: false
  })
  return makeEstate({
    identity,
    // The spoke first: the emulator's env() passes the first subscription as subscription-id.
    subscriptions: [spoke, hub],
    resourceGroups: [
      resourceGroupId(spoke, SPOKE_VAULT_RG),
      resourceGroupId(spoke, SPOKE_NETWORK_RG),
      resourceGroupId(hub, HUB_DNS_RG)
    ],
    resources: [vnet, zone, link, ...app.resources]
  })
}
