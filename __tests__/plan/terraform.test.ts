// Terraform plans as `terraform show -json` writes them: the real plans of
// shared/azure-api-examples/terraform (copied here) parse, and the azurerm types map onto ARM.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parsePlanDocument } from '../../src/plan/read.js'

const REAL =
  '/work/shared/azure-api-examples/terraform/zodiac-azure-spring-cloud-app-infra.plan.json'

/** The real plan, with the vault's name (there: from random_string, known after apply) set. */
function realPlan(): Record<string, unknown> {
  const document = JSON.parse(readFileSync(REAL, 'utf8'))
  for (const rc of document.resource_changes) {
    if (rc.type !== 'azurerm_key_vault') continue
    rc.change.after.name = 'kv-spring-boot'
    delete rc.change.after_unknown.name
  }
  return document
}

describe('a real plan (a new key vault with a private endpoint)', () => {
  const plan = parsePlanDocument(realPlan(), 'plan.json')

  it('leaves out a vault whose name is known only after apply', () => {
    const raw = parsePlanDocument(JSON.parse(readFileSync(REAL, 'utf8')), 'plan.json')
    expect(raw.changes.filter((c) => c.type === 'Microsoft.KeyVault/vaults')).toEqual([])
  })

  it('maps the vault, the endpoint, the zone and the VNet; the rest is ignored', () => {
    expect(plan.format).toBe('terraform')
    const types = plan.changes.map((c) => `${c.action} ${c.type}`)
    expect(types).toEqual(
      expect.arrayContaining([
        'create Microsoft.KeyVault/vaults',
        'create Microsoft.Network/privateEndpoints',
        'create Microsoft.Network/privateDnsZones',
        'create Microsoft.Network/virtualNetworks'
      ])
    )
    expect(plan.ignoredTypes).toEqual(
      expect.arrayContaining(['azurerm_application_gateway', 'azurerm_subnet'])
    )
  })

  it('ties the new endpoint to the new vault and subnet through configuration references', () => {
    const vault = plan.changes.find((c) => c.type === 'Microsoft.KeyVault/vaults')
    const pe = plan.changes.find((c) => c.type === 'Microsoft.Network/privateEndpoints')
    const props = pe?.after?.properties as {
      subnet?: { id: string }
      privateLinkServiceConnections: {
        properties: { privateLinkServiceId: string; groupIds: string[] }
      }[]
    }
    expect(props.privateLinkServiceConnections[0]?.properties.privateLinkServiceId).toBe(vault?.id)
    expect(props.privateLinkServiceConnections[0]?.properties.groupIds).toEqual(['vault'])
    expect(props.subnet?.id).toMatch(
      /\/resourceGroups\/rg-spring-boot\/providers\/Microsoft\.Network\/virtualNetworks\/spring-boot\/subnets\/snet_springapp$/
    )
    expect(vault?.id).toMatch(
      /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/rg-spring-boot\/providers\/Microsoft\.KeyVault\/vaults\//
    )
    // public_network_access_enabled = true, no network_acls: open to all networks.
    expect(vault?.after?.properties).toEqual({ publicNetworkAccess: 'Enabled' })
  })
})

describe('values known only after apply (after_unknown)', () => {
  it('a VNet that leaves dns_servers unset (unknown in the plan, no expression) uses Azure-provided DNS', () => {
    const vnet = parsePlanDocument(realPlan(), 'plan.json').changes.find(
      (c) => c.type === 'Microsoft.Network/virtualNetworks'
    )
    expect(vnet?.after?.properties).toEqual({
      addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    })
  })

  it('dns_servers set from something other than an endpoint’s IP: marked, not taken for Azure-provided DNS', () => {
    const document = realPlan()
    const config = (
      document.configuration as { root_module: { resources: Record<string, unknown>[] } }
    ).root_module.resources
    const vnet = config.find((r) => r.address === 'azurerm_virtual_network.this') as {
      expressions: Record<string, unknown>
    }
    vnet.expressions.dns_servers = {
      references: ['module.dns.server_ips', 'module.dns']
    }
    const change = parsePlanDocument(document, 'plan.json').changes.find(
      (c) => c.type === 'Microsoft.Network/virtualNetworks'
    )
    expect(change?.after?.properties).toMatchObject({
      dhcpOptions: { dnsServers: ['known-after-apply:azurerm_virtual_network.this.dns_servers'] }
    })
  })
})

describe('an A record whose records are known only after apply', () => {
  const SUB = '00000000-0000-0000-0000-000000000001'
  function recordPlan(references: string[]) {
    return parsePlanDocument(
      {
        format_version: '1.2',
        resource_changes: [
          {
            address: 'azurerm_private_dns_a_record.kv',
            mode: 'managed',
            type: 'azurerm_private_dns_a_record',
            change: {
              actions: ['create'],
              before: null,
              after: {
                name: 'kv1',
                zone_name: 'privatelink.vaultcore.azure.net',
                resource_group_name: 'rg-dns',
                ttl: 10
              },
              after_unknown: { id: true, records: true, fqdn: true }
            }
          },
          {
            address: 'azurerm_private_endpoint.kv',
            mode: 'managed',
            type: 'azurerm_private_endpoint',
            change: {
              actions: ['create'],
              before: null,
              after: { name: 'pe-kv1', resource_group_name: 'rg-app', location: 'westeurope' },
              after_unknown: { id: true }
            }
          }
        ],
        prior_state: {
          values: { root_module: { resources: [{ values: { subscription_id: SUB } }] } }
        },
        configuration: {
          root_module: {
            resources: [
              {
                address: 'azurerm_private_dns_a_record.kv',
                expressions: { records: { references } }
              }
            ]
          }
        }
      },
      'plan.json'
    ).changes[0]?.after?.properties
  }

  it('the private endpoint’s IP: ip-of the endpoint', () => {
    expect(
      recordPlan([
        'azurerm_private_endpoint.kv.private_service_connection[0].private_ip_address',
        'azurerm_private_endpoint.kv.private_service_connection[0]',
        'azurerm_private_endpoint.kv'
      ])
    ).toEqual({
      ttl: 10,
      aRecords: [
        {
          ipv4Address: `ip-of:/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Network/privateEndpoints/pe-kv1`
        }
      ]
    })
  })

  it('anything else (a NIC’s address): known after apply, not an empty record', () => {
    expect(
      recordPlan([
        'azurerm_network_interface.vm.private_ip_address',
        'azurerm_network_interface.vm'
      ])
    ).toEqual({
      ttl: 10,
      aRecords: [{ ipv4Address: 'known-after-apply:azurerm_private_dns_a_record.kv.records' }]
    })
  })
})
