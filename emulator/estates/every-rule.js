// One vault per control-plane rule: each vault is named after the rule it breaks (kv-pe-none →
// PE-NONE) and is broken in that one way only, so the doctor reports exactly that rule for it (a
// few breakages bring a second finding along by nature; the comments say which). kv-healthy is the
// control. All in one subscription: vaults and their private endpoints in rg-secrets-prod, VNets in
// rg-network, the privatelink.vaultcore.azure.net zone (and one near miss) in rg-dns.
//
//   VNets   vnet-app        10.50.0.0/16  Azure DNS; linked to the zone (Completed)
//           vnet-branch     10.53.0.0/16  Azure DNS; linked (Completed)
//           vnet-linking    10.51.0.0/16  Azure DNS; linked, link still InProgress
//           vnet-redirect   10.52.0.0/16  Azure DNS; linked with resolutionPolicy NxDomainRedirect
//           vnet-unlinked   10.54.0.0/16  Azure DNS; NOT linked to the zone
//           vnet-onprem-dns 10.55.0.0/16  custom DNS servers 10.55.0.4, 10.55.0.5; linked
//           vnet-public-ips 20.40.0.0/16  a public range used as private address space; linked
//
// DNS-ZONE-MISSING needs a run that finds no exact zone at all: see hub-spoke.js.
import {
  VAULT_DNS_SUFFIX,
  aRecordSet,
  guidFrom,
  makeEstate,
  networkAcls,
  networkInterface,
  privateDnsZone,
  privateDnsZoneGroup,
  privateEndpoint,
  privateEndpointConnection,
  privateLinkedVault,
  resourceGroupId,
  resourceId,
  sampleIdentity,
  subnetId,
  vault,
  virtualNetwork,
  virtualNetworkLink
} from '../estate.js'

export const SUBSCRIPTION_ID = '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f'
export const VAULT_RG = 'rg-secrets-prod'
export const NETWORK_RG = 'rg-network'
export const DNS_RG = 'rg-dns'

/** Vault name → the rule it breaks (kv-healthy breaks none). */
export const RULE_OF_VAULT = {
  'kv-healthy': null,
  'kv-pe-none': 'PE-NONE',
  'kv-pe-not-approved': 'PE-NOT-APPROVED',
  'kv-pe-not-succeeded': 'PE-NOT-SUCCEEDED',
  'kv-pe-leftover': 'PE-LEFTOVER',
  'kv-pe-leftover-deleted': 'PE-LEFTOVER',
  'kv-pe-duplicate-vnet': 'PE-DUPLICATE-VNET',
  'kv-pe-ip-not-private': 'PE-IP-NOT-PRIVATE',
  'kv-pe-dns-config-multi': 'PE-DNS-CONFIG-MULTIPLE',
  'kv-fw-public-open': 'FW-PUBLIC-OPEN',
  'kv-fw-rules-present': 'FW-RULES-PRESENT',
  'kv-fw-trusted-services': 'FW-TRUSTED-SERVICES',
  'kv-dns-zone-misnamed': 'DNS-ZONE-MISNAMED',
  'kv-dns-link-missing': 'DNS-LINK-MISSING',
  'kv-dns-link-not-ready': 'DNS-LINK-NOT-READY',
  'kv-dns-record-missing': 'DNS-RECORD-MISSING',
  'kv-dns-record-missing-nx': 'DNS-RECORD-MISSING',
  'kv-dns-record-name': 'DNS-RECORD-NAME',
  'kv-dns-record-wrong-ip': 'DNS-RECORD-WRONG-IP',
  'kv-dns-record-extra-ip': 'DNS-RECORD-EXTRA-IP',
  'kv-dns-record-ttl': 'DNS-RECORD-TTL',
  'kv-dns-zone-conflict': 'DNS-ZONE-CONFLICT',
  'kv-vnet-custom-dns': 'VNET-CUSTOM-DNS'
}

export default function everyRuleEstate() {
  const identity = sampleIdentity()
  const sub = SUBSCRIPTION_ID
  const net = { subscriptionId: sub, resourceGroup: NETWORK_RG }
  /** A VNet with a subnet for private endpoints at <prefix>.1.0/24. */
  const vnetOf = (name, prefix, extra = {}) =>
    virtualNetwork({
      ...net,
      name,
      addressPrefixes: [`${prefix}.0.0/16`],
      subnets: [
        { name: 'snet-app', addressPrefix: `${prefix}.0.0/24` },
        { name: 'snet-private-endpoints', addressPrefix: `${prefix}.1.0/24` }
      ],
      ...extra
    })
  const appVnet = vnetOf('vnet-app', '10.50')
  const branchVnet = vnetOf('vnet-branch', '10.53')
  const linkingVnet = vnetOf('vnet-linking', '10.51')
  const redirectVnet = vnetOf('vnet-redirect', '10.52')
  const unlinkedVnet = vnetOf('vnet-unlinked', '10.54')
  const onpremVnet = vnetOf('vnet-onprem-dns', '10.55', { dnsServers: ['10.55.0.4', '10.55.0.5'] })
  const publicIpsVnet = vnetOf('vnet-public-ips', '20.40')
  const vnets = [
    appVnet,
    branchVnet,
    linkingVnet,
    redirectVnet,
    unlinkedVnet,
    onpremVnet,
    publicIpsVnet
  ]
  const peSubnet = (vnet) => subnetId(vnet.id, 'snet-private-endpoints')

  const zone = privateDnsZone({ subscriptionId: sub, resourceGroup: DNS_RG })
  // A near miss someone created by hand: "vault" instead of "vaultcore".
  const nearMiss = privateDnsZone({
    subscriptionId: sub,
    resourceGroup: DNS_RG,
    name: 'privatelink.vault.azure.net'
  })
  const link = (vnet, options = {}) =>
    virtualNetworkLink({ zoneId: zone.id, name: `link-${vnet.name}`, vnetId: vnet.id, ...options })
  const links = [
    link(appVnet),
    link(branchVnet),
    link(linkingVnet, { state: 'InProgress' }),
    link(redirectVnet, { resolutionPolicy: 'NxDomainRedirect' }),
    link(onpremVnet),
    link(publicIpsVnet)
  ]

  const common = {
    subscriptionId: sub,
    resourceGroup: VAULT_RG,
    tenantId: identity.tenantId,
    subnetId: peSubnet(appVnet),
    zoneId: zone.id
  }
  const vaultIdOf = (name) => resourceId(sub, VAULT_RG, 'Microsoft.KeyVault/vaults', name)

  /** A private endpoint of `vaultName` with its NIC and the vault's side of the connection. */
  function endpoint({
    vaultName,
    name,
    subnet,
    ip,
    status = 'Approved',
    zoneGroup = false,
    deleted = false
  }) {
    const vaultId = vaultIdOf(vaultName)
    const peId = resourceId(sub, VAULT_RG, 'Microsoft.Network/privateEndpoints', name)
    const nicName = `${name}.nic.${guidFrom(peId)}`
    const nicId = resourceId(sub, VAULT_RG, 'Microsoft.Network/networkInterfaces', nicName)
    const connection = privateEndpointConnection({ vaultId, peId, status })
    if (deleted) return { connection, resources: [] }
    const pe = privateEndpoint({
      subscriptionId: sub,
      resourceGroup: VAULT_RG,
      name,
      subnetId: subnet,
      vaultId,
      nicId,
      ip,
      connectionStatus: status
    })
    const nic = networkInterface({
      subscriptionId: sub,
      resourceGroup: VAULT_RG,
      name: nicName,
      ip,
      subnetId: subnet,
      peId
    })
    const group = zoneGroup
      ? privateDnsZoneGroup({
          peId,
          zones: [
            {
              zoneId: zone.id,
              recordSets: [{ recordSetName: vaultName, ipAddresses: [ip] }]
            }
          ]
        })
      : null
    return { connection, resources: [pe, nic, ...(group ? [group] : [])] }
  }

  /** A vault served by several endpoints (private, firewall Deny/None). */
  function multiVault(name, endpoints, records = []) {
    const v = vault({
      subscriptionId: sub,
      resourceGroup: VAULT_RG,
      name,
      tenantId: identity.tenantId,
      publicNetworkAccess: 'Disabled',
      networkAcls: networkAcls(),
      privateEndpointConnections: endpoints.map((e) => e.connection)
    })
    return [v, ...endpoints.flatMap((e) => e.resources), ...records]
  }

  const resources = [
    ...vnets,
    zone,
    nearMiss,
    ...links,

    // kv-healthy: everything right (the control).
    ...privateLinkedVault({ ...common, name: 'kv-healthy', ip: '10.50.1.4' }).resources,

    // kv-pe-none: private network access off, but no private endpoint connection at all, so
    // nothing can reach it.
    vault({
      subscriptionId: sub,
      resourceGroup: VAULT_RG,
      name: 'kv-pe-none',
      tenantId: identity.tenantId,
      publicNetworkAccess: 'Disabled',
      networkAcls: networkAcls()
    }),

    // kv-pe-not-approved: the connection is Pending (manual approval nobody gave).
    ...privateLinkedVault({
      ...common,
      name: 'kv-pe-not-approved',
      ip: '10.50.1.5',
      connectionStatus: 'Pending'
    }).resources,

    // kv-pe-not-succeeded: the connection is Approved, but the private endpoint's provisioning
    // Failed, and no other endpoint serves vnet-app.
    ...privateLinkedVault({
      ...common,
      name: 'kv-pe-not-succeeded',
      ip: '10.50.1.6',
      peProvisioningState: 'Failed'
    }).resources,

    // kv-pe-leftover: pe-kv-pe-leftover serves vnet-app; a second endpoint in vnet-app,
    // pe-kv-pe-leftover-old, was Rejected and left behind.
    ...multiVault(
      'kv-pe-leftover',
      [
        endpoint({
          vaultName: 'kv-pe-leftover',
          name: 'pe-kv-pe-leftover',
          subnet: peSubnet(appVnet),
          ip: '10.50.1.7',
          zoneGroup: true
        }),
        endpoint({
          vaultName: 'kv-pe-leftover',
          name: 'pe-kv-pe-leftover-old',
          subnet: peSubnet(appVnet),
          ip: '10.50.1.8',
          status: 'Rejected'
        })
      ],
      [aRecordSet({ zoneId: zone.id, name: 'kv-pe-leftover', ips: ['10.50.1.7'] })]
    ),

    // kv-pe-leftover-deleted: pe-kv-pe-leftover-deleted serves vnet-app; the vault still holds a
    // Disconnected connection of pe-kv-pe-leftover-gone, an endpoint that was deleted.
    ...multiVault(
      'kv-pe-leftover-deleted',
      [
        endpoint({
          vaultName: 'kv-pe-leftover-deleted',
          name: 'pe-kv-pe-leftover-deleted',
          subnet: peSubnet(appVnet),
          ip: '10.50.1.9',
          zoneGroup: true
        }),
        endpoint({
          vaultName: 'kv-pe-leftover-deleted',
          name: 'pe-kv-pe-leftover-gone',
          status: 'Disconnected',
          deleted: true
        })
      ],
      [aRecordSet({ zoneId: zone.id, name: 'kv-pe-leftover-deleted', ips: ['10.50.1.9'] })]
    ),

    // kv-pe-duplicate-vnet: two approved, succeeded endpoints in vnet-app (10.50.1.10 and
    // 10.50.1.11); the A record holds the first one's IP.
    ...multiVault(
      'kv-pe-duplicate-vnet',
      [
        endpoint({
          vaultName: 'kv-pe-duplicate-vnet',
          name: 'pe-kv-pe-duplicate-vnet',
          subnet: peSubnet(appVnet),
          ip: '10.50.1.10',
          zoneGroup: true
        }),
        endpoint({
          vaultName: 'kv-pe-duplicate-vnet',
          name: 'pe-kv-pe-duplicate-vnet-2',
          subnet: peSubnet(appVnet),
          ip: '10.50.1.11'
        })
      ],
      [aRecordSet({ zoneId: zone.id, name: 'kv-pe-duplicate-vnet', ips: ['10.50.1.10'] })]
    ),

    // kv-pe-ip-not-private: the endpoint sits in vnet-public-ips, whose address space is the
    // public 20.40.0.0/16, so it got 20.40.1.4.
    ...privateLinkedVault({
      ...common,
      name: 'kv-pe-ip-not-private',
      subnetId: peSubnet(publicIpsVnet),
      ip: '20.40.1.4'
    }).resources,

    // kv-pe-dns-config-multi: the endpoint lists two DNS entries for the vault's hostname
    // (10.50.1.12 from its NIC, and a stale 10.50.1.112 from a static IP configuration).
    ...privateLinkedVault({
      ...common,
      name: 'kv-pe-dns-config-multi',
      ip: '10.50.1.12',
      customDnsConfigs: [
        { fqdn: `kv-pe-dns-config-multi.${VAULT_DNS_SUFFIX}`, ipAddresses: ['10.50.1.12'] },
        { fqdn: `kv-pe-dns-config-multi.${VAULT_DNS_SUFFIX}`, ipAddresses: ['10.50.1.112'] }
      ],
      ipConfigurations: [{ name: 'pestaticconfig2', ip: '10.50.1.112' }]
    }).resources,

    // kv-fw-public-open: publicNetworkAccess Enabled and the firewall allows all networks.
    ...privateLinkedVault({
      ...common,
      name: 'kv-fw-public-open',
      ip: '10.50.1.13',
      publicNetworkAccess: 'Enabled',
      networkAcls: networkAcls({ defaultAction: 'Allow' })
    }).resources,

    // kv-fw-rules-present: public access Enabled with default action Deny, but an office IP and
    // a subnet of vnet-app are still allowed (an unfinished migration to private link).
    ...privateLinkedVault({
      ...common,
      name: 'kv-fw-rules-present',
      ip: '10.50.1.14',
      publicNetworkAccess: 'Enabled',
      networkAcls: networkAcls({
        defaultAction: 'Deny',
        ipRules: ['203.0.113.7'],
        virtualNetworkRules: [subnetId(appVnet.id, 'snet-app')]
      })
    }).resources,

    // kv-fw-trusted-services: private only, but trusted Azure services may bypass the firewall
    // (info, not a problem).
    ...privateLinkedVault({
      ...common,
      name: 'kv-fw-trusted-services',
      ip: '10.50.1.15',
      networkAcls: networkAcls({ defaultAction: 'Deny', bypass: 'AzureServices' })
    }).resources,

    // kv-dns-zone-misnamed: the endpoint's DNS zone group writes into privatelink.vault.azure.net
    // (not vaultcore), so the record landed there and the real zone has none (so
    // DNS-RECORD-MISSING comes along).
    ...privateLinkedVault({
      ...common,
      name: 'kv-dns-zone-misnamed',
      ip: '10.50.1.16',
      zoneId: nearMiss.id
    }).resources,

    // kv-dns-link-missing: the endpoint is in vnet-unlinked, which the zone is not linked to.
    ...privateLinkedVault({
      ...common,
      name: 'kv-dns-link-missing',
      subnetId: peSubnet(unlinkedVnet),
      ip: '10.54.1.4'
    }).resources,

    // kv-dns-link-not-ready: the endpoint is in vnet-linking, whose link is still InProgress.
    ...privateLinkedVault({
      ...common,
      name: 'kv-dns-link-not-ready',
      subnetId: peSubnet(linkingVnet),
      ip: '10.51.1.4'
    }).resources,

    // kv-dns-record-missing: no DNS zone group, no A record (clients get NXDOMAIN).
    ...privateLinkedVault({
      ...common,
      name: 'kv-dns-record-missing',
      ip: '10.50.1.17',
      dnsZoneGroup: false,
      aRecord: false
    }).resources,

    // kv-dns-record-missing-nx: no A record, and the endpoint's VNet (vnet-redirect) is linked
    // with resolutionPolicy NxDomainRedirect: clients silently get the public IP.
    ...privateLinkedVault({
      ...common,
      name: 'kv-dns-record-missing-nx',
      subnetId: peSubnet(redirectVnet),
      ip: '10.52.1.4',
      dnsZoneGroup: false,
      aRecord: false
    }).resources,

    // kv-dns-record-name: the record was created by hand as "kv-dns-record-name.vault".
    ...privateLinkedVault({
      ...common,
      name: 'kv-dns-record-name',
      ip: '10.50.1.18',
      dnsZoneGroup: false,
      aRecord: false
    }).resources,
    aRecordSet({ zoneId: zone.id, name: 'kv-dns-record-name.vault', ips: ['10.50.1.18'] }),

    // kv-dns-record-wrong-ip: the record points at 10.50.1.99, the endpoint has 10.50.1.19.
    ...privateLinkedVault({
      ...common,
      name: 'kv-dns-record-wrong-ip',
      ip: '10.50.1.19',
      dnsZoneGroup: false,
      aRecord: { ips: ['10.50.1.99'] }
    }).resources,

    // kv-dns-record-extra-ip: the record holds the endpoint's 10.50.1.20 and a stale 10.50.1.200.
    ...privateLinkedVault({
      ...common,
      name: 'kv-dns-record-extra-ip',
      ip: '10.50.1.20',
      dnsZoneGroup: false,
      aRecord: { ips: ['10.50.1.20', '10.50.1.200'] }
    }).resources,

    // kv-dns-record-ttl: right IP, TTL 3600 (allowed 10..600).
    ...privateLinkedVault({
      ...common,
      name: 'kv-dns-record-ttl',
      ip: '10.50.1.21',
      aRecord: { ttl: 3600 }
    }).resources,

    // kv-dns-zone-conflict: endpoints in vnet-app (10.50.1.22) and vnet-branch (10.53.1.4), both
    // VNets linked to the one zone, whose single A record holds 10.50.1.22: clients in
    // vnet-branch get the wrong IP (so DNS-RECORD-WRONG-IP comes along for vnet-branch).
    ...multiVault(
      'kv-dns-zone-conflict',
      [
        endpoint({
          vaultName: 'kv-dns-zone-conflict',
          name: 'pe-kv-dns-zone-conflict-app',
          subnet: peSubnet(appVnet),
          ip: '10.50.1.22',
          zoneGroup: true
        }),
        endpoint({
          vaultName: 'kv-dns-zone-conflict',
          name: 'pe-kv-dns-zone-conflict-branch',
          subnet: peSubnet(branchVnet),
          ip: '10.53.1.4'
        })
      ],
      [aRecordSet({ zoneId: zone.id, name: 'kv-dns-zone-conflict', ips: ['10.50.1.22'] })]
    ),

    // kv-vnet-custom-dns: the endpoint's VNet (vnet-onprem-dns) uses custom DNS servers (info).
    ...privateLinkedVault({
      ...common,
      name: 'kv-vnet-custom-dns',
      subnetId: peSubnet(onpremVnet),
      ip: '10.55.1.4'
    }).resources
  ]

  return makeEstate({
    identity,
    subscriptions: [sub],
    resourceGroups: [VAULT_RG, NETWORK_RG, DNS_RG].map((rg) => resourceGroupId(sub, rg)),
    resources
  })
}
