// Which vaults a plan brings into scope beyond the named ones (contract, "Proposed changes": every
// vault whose PEs, zones, links, records or VNets the plan touches), on plans in the real formats.
import { describe, expect, it } from '@jest/globals'
import { CLOUDS } from '../../src/inputs/cloud.js'
import type { VaultRef } from '../../src/inputs/inputs.js'
import { withPlannedVaults } from '../../src/plan/judge.js'
import { parsePlanDocument } from '../../src/plan/read.js'
import { planScope } from '../../src/plan/scope.js'

const SUB = '3f2b7c1d-8e4a-4b6f-9c0d-1a2b3c4d5e6f'
const RG = `/subscriptions/${SUB}/resourceGroups`
const vaultId = (name: string): string =>
  `${RG}/rg-secrets/providers/Microsoft.KeyVault/vaults/${name}`
const hsmId = (name: string): string =>
  `${RG}/rg-secrets/providers/Microsoft.KeyVault/managedHSMs/${name}`
const vnetId = (name: string): string =>
  `${RG}/rg-network/providers/Microsoft.Network/virtualNetworks/${name}`
const zoneId = (zone: string): string =>
  `${RG}/rg-dns/providers/Microsoft.Network/privateDnsZones/${zone}`
const peId = (name: string): string =>
  `${RG}/rg-secrets/providers/Microsoft.Network/privateEndpoints/${name}`
const VAULT_ZONE = 'privatelink.vaultcore.azure.net'
const HSM_ZONE = 'privatelink.managedhsm.azure.net'
const cloud = CLOUDS.AzureCloud
const named: VaultRef[] = [{ name: 'kv-named', subscriptionId: SUB, resourceGroup: null, id: null }]

function whatIf(changes: unknown[]) {
  return parsePlanDocument({ status: 'Succeeded', changes, error: null }, 'plan.json')
}

function terraform(
  changes: { type: string; name: string; actions: string[]; before: unknown; after: unknown }[]
) {
  return parsePlanDocument(
    {
      format_version: '1.2',
      terraform_version: '1.9.4',
      resource_changes: changes.map((c) => ({
        address: `${c.type}.${c.name}`,
        mode: 'managed',
        type: c.type,
        name: c.name,
        provider_name: 'registry.terraform.io/hashicorp/azurerm',
        change: { actions: c.actions, before: c.before, after: c.after, after_unknown: {} }
      })),
      configuration: { root_module: { resources: [] } }
    },
    'plan.json'
  )
}

/** azurerm_private_endpoint as the state holds it. */
function peState(name: string, vault: string): Record<string, unknown> {
  return {
    id: peId(name),
    name,
    resource_group_name: 'rg-secrets',
    location: 'westeurope',
    subnet_id: `${vnetId('vnet-app')}/subnets/snet-pe`,
    ip_configuration: [],
    private_service_connection: [
      {
        name,
        is_manual_connection: false,
        private_connection_resource_id: vault,
        private_ip_address: '10.20.1.4',
        request_message: null,
        subresource_names: ['vault']
      }
    ],
    private_dns_zone_group: [],
    tags: {}
  }
}

function armPe(name: string, vault: string, manual = false): Record<string, unknown> {
  const link = { name, properties: { privateLinkServiceId: vault, groupIds: ['vault'] } }
  return {
    id: peId(name),
    name,
    type: 'Microsoft.Network/privateEndpoints',
    properties: {
      subnet: { id: `${vnetId('vnet-app')}/subnets/snet-pe` },
      privateLinkServiceConnections: manual ? [] : [link],
      manualPrivateLinkServiceConnections: manual ? [link] : []
    }
  }
}

describe('private endpoints the plan deletes or replaces', () => {
  it('Terraform delete: the vault comes from `before`, read only if it exists', () => {
    const plan = terraform([
      {
        type: 'azurerm_private_endpoint',
        name: 'orders',
        actions: ['delete'],
        before: peState('pe-kv-orders', vaultId('kv-orders')),
        after: null
      }
    ])
    expect(plan.changes[0]?.before?.properties).toMatchObject({
      privateLinkServiceConnections: [
        { properties: { privateLinkServiceId: vaultId('kv-orders') } }
      ]
    })
    expect(planScope(plan, cloud).vaults).toEqual([{ id: vaultId('kv-orders'), fromBefore: true }])
    expect(withPlannedVaults({ vaults: named, subscriptionId: SUB, cloud }, plan).vaults).toEqual([
      ...named,
      {
        name: 'kv-orders',
        subscriptionId: SUB,
        resourceGroup: 'rg-secrets',
        id: vaultId('kv-orders'),
        ifExists: true
      }
    ])
  })

  it('Terraform replace that moves the endpoint to another vault: both vaults', () => {
    const after = peState('pe-kv-orders', vaultId('kv-billing'))
    delete after.id
    const plan = terraform([
      {
        type: 'azurerm_private_endpoint',
        name: 'orders',
        actions: ['delete', 'create'],
        before: peState('pe-kv-orders', vaultId('kv-orders')),
        after
      }
    ])
    expect(planScope(plan, cloud).vaults).toEqual([
      { id: vaultId('kv-billing'), fromBefore: false },
      { id: vaultId('kv-orders'), fromBefore: true }
    ])
  })

  it('what-if Delete (manual connection, a managed HSM): the vault from `before`', () => {
    const plan = whatIf([
      {
        resourceId: peId('pe-hsm'),
        changeType: 'Delete',
        before: armPe('pe-hsm', hsmId('hsm-keys'), true),
        after: null
      }
    ])
    expect(planScope(plan, cloud).vaults).toEqual([{ id: hsmId('hsm-keys'), fromBefore: true }])
  })

  it('a vault named in `vaults` is not added again; one the plan creates is not read', () => {
    const plan = whatIf([
      {
        resourceId: peId('pe-kv-named'),
        changeType: 'Delete',
        before: armPe('pe-kv-named', vaultId('kv-named')),
        after: null
      },
      {
        resourceId: vaultId('kv-new'),
        changeType: 'Create',
        after: { name: 'kv-new', type: 'Microsoft.KeyVault/vaults', properties: {} }
      },
      {
        resourceId: peId('pe-kv-new'),
        changeType: 'Create',
        after: armPe('pe-kv-new', vaultId('kv-new'))
      }
    ])
    expect(withPlannedVaults({ vaults: named, subscriptionId: SUB, cloud }, plan).vaults).toEqual(
      named
    )
  })
})

describe('A records in the privatelink zones', () => {
  const record = (zone: string, name: string, changeType = 'Delete') => ({
    resourceId: `${zoneId(zone)}/A/${name}`,
    changeType,
    before: { name, type: 'Microsoft.Network/privateDnsZones/A', properties: { ttl: 10 } },
    after:
      changeType === 'Delete'
        ? null
        : { name, type: 'Microsoft.Network/privateDnsZones/A', properties: { ttl: 3600 } }
  })

  it('name the vault (the kind the zone names), looked up in the subscription searched', () => {
    const plan = whatIf([
      record(VAULT_ZONE, 'kv-orders'),
      record(HSM_ZONE, 'hsm-keys', 'Modify'),
      record('privatelink.blob.core.windows.net', 'storage1'),
      record(VAULT_ZONE, '@', 'Modify')
    ])
    expect(planScope(plan, cloud).records).toEqual([
      { name: 'kv-orders', kind: 'vault' },
      { name: 'hsm-keys', kind: 'managedHsm' }
    ])
    const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
    expect(
      withPlannedVaults({ vaults: named, subscriptionId: other, cloud }, plan).vaults.slice(1)
    ).toEqual([
      {
        name: 'kv-orders',
        subscriptionId: other,
        resourceGroup: null,
        id: null,
        kind: 'vault',
        ifExists: true
      },
      {
        name: 'hsm-keys',
        subscriptionId: other,
        resourceGroup: null,
        id: null,
        kind: 'managedHsm',
        ifExists: true
      }
    ])
  })

  it('Terraform creates a record: the same', () => {
    const plan = terraform([
      {
        type: 'azurerm_private_dns_a_record',
        name: 'orders',
        actions: ['create'],
        before: null,
        after: {
          name: 'kv-orders',
          zone_name: VAULT_ZONE,
          resource_group_name: 'rg-dns',
          ttl: 10,
          records: ['10.20.1.9']
        }
      },
      // Only for the subscription azurerm builds the record's ID in.
      {
        type: 'azurerm_virtual_network',
        name: 'app',
        actions: ['no-op'],
        before: { id: vnetId('vnet-app') },
        after: { id: vnetId('vnet-app') }
      }
    ])
    expect(planScope(plan, cloud).records).toEqual([{ name: 'kv-orders', kind: 'vault' }])
  })

  it('follow the cloud: the US Government zone names its vaults', () => {
    const gov = CLOUDS.AzureUSGovernment
    const plan = whatIf([
      record(VAULT_ZONE, 'kv-public'),
      record('privatelink.vaultcore.usgovcloudapi.net', 'kv-gov')
    ])
    expect(planScope(plan, gov).records).toEqual([{ name: 'kv-gov', kind: 'vault' }])
  })
})

describe('VNets: handed to the collector, which lists their endpoints', () => {
  it('VNets, peerings (both ends), zone links (before and after), resolvers and ruleset links', () => {
    const link = `${zoneId(VAULT_ZONE)}/virtualNetworkLinks/link-app`
    const plan = whatIf([
      {
        resourceId: vnetId('vnet-spoke'),
        changeType: 'Modify',
        before: { name: 'vnet-spoke', type: 'Microsoft.Network/virtualNetworks', properties: {} },
        after: {
          name: 'vnet-spoke',
          type: 'Microsoft.Network/virtualNetworks',
          properties: { dhcpOptions: { dnsServers: ['10.0.0.4'] } }
        }
      },
      {
        resourceId: `${vnetId('vnet-hub')}/virtualNetworkPeerings/hub-to-aks`,
        changeType: 'Delete',
        before: {
          name: 'hub-to-aks',
          type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
          properties: { remoteVirtualNetwork: { id: vnetId('vnet-aks') } }
        },
        after: null
      },
      {
        resourceId: link,
        changeType: 'Delete',
        before: {
          name: 'link-app',
          type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
          properties: { virtualNetwork: { id: vnetId('vnet-app') } }
        },
        after: null
      },
      {
        resourceId: `${RG}/rg-dns/providers/Microsoft.Network/dnsResolvers/resolver`,
        changeType: 'Create',
        after: {
          name: 'resolver',
          type: 'Microsoft.Network/dnsResolvers',
          properties: { virtualNetwork: { id: vnetId('vnet-dns') } }
        }
      },
      {
        resourceId: `${RG}/rg-dns/providers/Microsoft.Network/dnsResolvers/resolver/inboundEndpoints/in`,
        changeType: 'Create',
        after: {
          name: 'in',
          type: 'Microsoft.Network/dnsResolvers/inboundEndpoints',
          properties: {
            ipConfigurations: [{ subnet: { id: `${vnetId('vnet-inbound')}/subnets/snet-in` } }]
          }
        }
      },
      {
        resourceId: `${RG}/rg-dns/providers/Microsoft.Network/dnsForwardingRulesets/rs/virtualNetworkLinks/l`,
        changeType: 'Create',
        after: {
          name: 'l',
          type: 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks',
          properties: { virtualNetwork: { id: vnetId('vnet-ruled') } }
        }
      }
    ])
    const scope = planScope(plan, cloud)
    expect(scope.vnets).toEqual([
      { id: vnetId('vnet-spoke'), why: 'changes' },
      { id: vnetId('vnet-hub'), why: 'changes' },
      { id: vnetId('vnet-aks'), why: 'changes' },
      { id: vnetId('vnet-app'), why: 'zone-links' },
      { id: vnetId('vnet-dns'), why: 'changes' },
      { id: vnetId('vnet-inbound'), why: 'changes' },
      { id: vnetId('vnet-ruled'), why: 'changes' }
    ])
    expect(scope.vaults).toEqual([])
    const planned = withPlannedVaults({ vaults: named, subscriptionId: SUB, cloud }, plan)
    expect(planned.vaults).toEqual(named)
    expect(planned.endpointVnets).toContainEqual({
      id: vnetId('vnet-app'),
      why: 'with private endpoints in VNets whose zone links the plan changes'
    })
    expect(planned.endpointVnets).toContainEqual({
      id: vnetId('vnet-spoke'),
      why: 'with private endpoints in VNets the plan changes'
    })
  })

  it('Terraform deletes a zone link: its VNet from `before`', () => {
    const plan = terraform([
      {
        type: 'azurerm_private_dns_zone_virtual_network_link',
        name: 'app',
        actions: ['delete'],
        before: {
          id: `${zoneId(VAULT_ZONE)}/virtualNetworkLinks/link-app`,
          name: 'link-app',
          resource_group_name: 'rg-dns',
          private_dns_zone_name: VAULT_ZONE,
          virtual_network_id: vnetId('vnet-app'),
          registration_enabled: false
        },
        after: null
      }
    ])
    expect(planScope(plan, cloud).vnets).toEqual([{ id: vnetId('vnet-app'), why: 'zone-links' }])
  })

  it('discovery reads every vault anyway: nothing is added', () => {
    const plan = whatIf([
      {
        resourceId: peId('pe-kv-orders'),
        changeType: 'Delete',
        before: armPe('pe-kv-orders', vaultId('kv-orders')),
        after: null
      }
    ])
    expect(withPlannedVaults({ vaults: [], subscriptionId: SUB, cloud }, plan)).toEqual({
      vaults: [],
      endpointVnets: []
    })
  })
})
