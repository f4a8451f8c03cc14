// Client VNets and the DNS path: a hub and spoke built the recommended way, and the ways it breaks.
//
// Healthy (the default): vnet-hub holds DNS private resolver dnspr-hub (inbound endpoint
// 10.100.0.4); the privatelink zone (rg-dns) is linked to vnet-hub only. vnet-spoke-app holds
// kv-clients' private endpoint (10.101.1.4) and vnet-spoke-aks is a client; both spokes point their
// DNS at 10.100.0.4 and are peered (Connected) with the hub and with each other. So queries from
// either spoke are answered in the hub, where the zone is linked: no error or warning (with or
// without client-vnets; `peered` adds vnet-hub and vnet-spoke-aks).
//
// Scenarios (`clientsEstate(name)`), each one thing broken:
//   spoke-unlinked       vnet-spoke-aks uses Azure-provided DNS and is linked to nothing
//   resolver-unlinked    the zone is linked to the spokes instead of the hub
//   ruleset-onprem       ruleset frs-hub (linked to vnet-hub) sends vaultcore.azure.net on premises
//   ruleset-loop         frs-hub sends privatelink.vaultcore.azure.net to the hub's own inbound endpoint
//   forwarder-vm         the spokes' DNS is 10.100.2.4, a DNS VM in vnet-hub (assumed to forward)
//   dns-outside          the spokes' DNS is 192.168.1.53 (on premises, outside every known VNet)
//   second-zone          vnet-spoke-aks lives in a second subscription with its own privatelink
//                        zone (linked to it, Azure-provided DNS) that lacks kv-clients' record
//   peering-initiated    vnet-spoke-aks peered to vnet-spoke-app, which never peered back;
//                        vnet-spoke-batch's peering with vnet-spoke-app is Disconnected
//   not-peered           vnet-spoke-aks is peered with the hub only
import {
  dnsForwardingRuleset,
  dnsResolver,
  makeEstate,
  peer,
  peerBoth,
  privateDnsZone,
  privateLinkedVault,
  resourceGroupId,
  sampleIdentity,
  subnetId,
  virtualNetwork,
  virtualNetworkLink
} from '../estate.js'

export const SUBSCRIPTION_ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f'
export const SECOND_SUBSCRIPTION_ID = '8d2e3f4a-5b6c-4d7e-9f80-a1b2c3d4e5f6'
export const HUB_RG = 'rg-hub-network'
export const DNS_RG = 'rg-dns'
export const SPOKE_RG = 'rg-spoke-network'
export const VAULT_RG = 'rg-app-secrets'
export const VAULT_NAME = 'kv-clients'
export const VAULT_IP = '10.101.1.4'
export const INBOUND_IP = '10.100.0.4'

export const SCENARIOS = /** @type {const} */ ([
  'healthy',
  'spoke-unlinked',
  'resolver-unlinked',
  'ruleset-onprem',
  'ruleset-loop',
  'forwarder-vm',
  'dns-outside',
  'second-zone',
  'peering-initiated',
  'not-peered'
])

/** @param {typeof SCENARIOS[number]} [scenario] */
export default function clientsEstate(scenario = 'healthy') {
  const identity = sampleIdentity()
  const sub = SUBSCRIPTION_ID
  const sub2 = SECOND_SUBSCRIPTION_ID
  const spokeDns = {
    'forwarder-vm': ['10.100.2.4'],
    'dns-outside': ['192.168.1.53']
  }[scenario] ?? [INBOUND_IP]

  const hub = virtualNetwork({
    subscriptionId: sub,
    resourceGroup: HUB_RG,
    name: 'vnet-hub',
    addressPrefixes: ['10.100.0.0/16'],
    subnets: [
      { name: 'snet-dns-inbound', addressPrefix: '10.100.0.0/28' },
      { name: 'snet-dns-outbound', addressPrefix: '10.100.0.16/28' },
      { name: 'snet-dns-vms', addressPrefix: '10.100.2.0/24' }
    ]
  })
  const app = virtualNetwork({
    subscriptionId: sub,
    resourceGroup: SPOKE_RG,
    name: 'vnet-spoke-app',
    addressPrefixes: ['10.101.0.0/16'],
    subnets: [
      { name: 'snet-app', addressPrefix: '10.101.0.0/24' },
      { name: 'snet-private-endpoints', addressPrefix: '10.101.1.0/24' }
    ],
    dnsServers: spokeDns
  })
  const aks = virtualNetwork({
    subscriptionId: scenario === 'second-zone' ? sub2 : sub,
    resourceGroup: SPOKE_RG,
    name: 'vnet-spoke-aks',
    addressPrefixes: ['10.102.0.0/16'],
    subnets: [{ name: 'snet-aks', addressPrefix: '10.102.0.0/22' }],
    dnsServers: scenario === 'spoke-unlinked' || scenario === 'second-zone' ? undefined : spokeDns
  })
  const vnets = [hub, app, aks]
  peerBoth(hub, app)
  peerBoth(hub, aks)
  if (scenario === 'peering-initiated') {
    peer(aks, app, { state: 'Initiated' })
    const batch = virtualNetwork({
      subscriptionId: sub,
      resourceGroup: SPOKE_RG,
      name: 'vnet-spoke-batch',
      addressPrefixes: ['10.103.0.0/16'],
      subnets: [{ name: 'snet-batch', addressPrefix: '10.103.0.0/24' }],
      dnsServers: spokeDns
    })
    peerBoth(hub, batch)
    peer(batch, app, { state: 'Disconnected' })
    vnets.push(batch)
  } else if (scenario !== 'not-peered') {
    peerBoth(app, aks)
  }

  const resolver = dnsResolver({
    subscriptionId: sub,
    resourceGroup: HUB_RG,
    name: 'dnspr-hub',
    vnetId: hub.id,
    inboundIp: INBOUND_IP
  })
  const rulesets =
    scenario === 'ruleset-onprem' || scenario === 'ruleset-loop'
      ? dnsForwardingRuleset({
          subscriptionId: sub,
          resourceGroup: HUB_RG,
          name: 'frs-hub',
          outboundEndpointIds: [resolver.outbound.id],
          rules: [
            { name: 'onprem', domainName: 'corp.contoso.com.', targets: ['192.168.10.4'] },
            scenario === 'ruleset-onprem'
              ? { name: 'vaultcore', domainName: 'vaultcore.azure.net.', targets: ['192.168.10.4'] }
              : {
                  name: 'privatelink',
                  domainName: 'privatelink.vaultcore.azure.net.',
                  targets: [INBOUND_IP]
                }
          ],
          vnetIds: [hub.id]
        }).resources
      : []

  const zone = privateDnsZone({ subscriptionId: sub, resourceGroup: DNS_RG })
  const links =
    scenario === 'resolver-unlinked'
      ? [
          virtualNetworkLink({ zoneId: zone.id, name: 'link-vnet-spoke-app', vnetId: app.id }),
          virtualNetworkLink({ zoneId: zone.id, name: 'link-vnet-spoke-aks', vnetId: aks.id })
        ]
      : [virtualNetworkLink({ zoneId: zone.id, name: 'link-vnet-hub', vnetId: hub.id })]
  const second = []
  if (scenario === 'second-zone') {
    // The AKS team's own privatelink zone, linked to their spoke: it shadows the hub's.
    const own = privateDnsZone({ subscriptionId: sub2, resourceGroup: 'rg-aks-dns' })
    second.push(
      own,
      virtualNetworkLink({ zoneId: own.id, name: 'link-vnet-spoke-aks', vnetId: aks.id })
    )
  }

  const vault = privateLinkedVault({
    subscriptionId: sub,
    resourceGroup: VAULT_RG,
    name: VAULT_NAME,
    tenantId: identity.tenantId,
    subnetId: subnetId(app.id, 'snet-private-endpoints'),
    ip: VAULT_IP,
    zoneId: zone.id
  })
  return makeEstate({
    identity,
    subscriptions: [sub, sub2],
    resourceGroups: [
      resourceGroupId(sub, HUB_RG),
      resourceGroupId(sub, DNS_RG),
      resourceGroupId(sub, SPOKE_RG),
      resourceGroupId(sub, VAULT_RG),
      resourceGroupId(sub2, SPOKE_RG),
      resourceGroupId(sub2, 'rg-aks-dns')
    ],
    resources: [
      ...vnets,
      ...resolver.resources,
      ...rulesets,
      zone,
      ...links,
      ...second,
      ...vault.resources
    ]
  })
}

/** `client-vnets` naming the AKS spoke (and the batch spoke where it exists). */
export function clientVnetsInput(scenario = 'healthy') {
  const aksSub = scenario === 'second-zone' ? SECOND_SUBSCRIPTION_ID : SUBSCRIPTION_ID
  const entries = [
    `/subscriptions/${aksSub}/resourceGroups/${SPOKE_RG}/providers/Microsoft.Network/virtualNetworks/vnet-spoke-aks`
  ]
  if (scenario === 'peering-initiated') entries.push(`${SPOKE_RG}/vnet-spoke-batch`)
  return entries.join('\n')
}
