// Plans that change a client's DNS path or reach: peerings, DNS private resolvers and their inbound
// endpoints, forwarding rulesets, rules and VNet links, from Terraform (azurerm attribute names)
// and what-if (ARM JSON), applied to the snapshot and judged by the same rules.
import { describe, expect, it } from '@jest/globals'
import type { Snapshot, VirtualNetworkSnapshot } from '../../src/collect/snapshot.js'
import { applyPlan } from '../../src/plan/apply.js'
import type { Plan, PlannedChange } from '../../src/plan/plan.js'
import { parsePlanDocument } from '../../src/plan/read.js'
import { settleUnknowns } from '../../src/plan/settle.js'
import {
  healthy,
  linkZone,
  makeVnet,
  of,
  one,
  problems,
  run,
  SUB,
  NET_RG,
  vnetIdOf
} from '../helpers/snapshot-builder.js'

const RESOLVER_ID = `/subscriptions/${SUB}/resourceGroups/${NET_RG}/providers/Microsoft.Network/dnsResolvers/dnspr-hub`
const RULESET_ID = `/subscriptions/${SUB}/resourceGroups/${NET_RG}/providers/Microsoft.Network/dnsForwardingRulesets/frs-hub`
const PROVIDER = 'registry.terraform.io/hashicorp/azurerm'

/**
 * kv1's endpoint in vnet-app (10.1.0.0/16); vnet-client (10.2.0.0/16, a client VNet) peered
 * Connected with it both ways; vnet-hub (10.9.0.0/16) holds resolver dnspr-hub; the zone is linked
 * to vnet-app and vnet-client. No error or warning.
 */
function estate() {
  const h = healthy()
  const client = makeVnet(h.snapshot, 'vnet-client', { addressPrefixes: ['10.2.0.0/16'] })
  const hub = makeVnet(h.snapshot, 'vnet-hub', { addressPrefixes: ['10.9.0.0/16'] })
  peer(h.vnet, client)
  peer(client, h.vnet)
  linkZone(h.zone, client.id)
  h.snapshot.dnsPath = {
    subscriptions: [`/subscriptions/${SUB}`],
    resolvers: [
      {
        id: RESOLVER_ID,
        name: 'dnspr-hub',
        virtualNetworkId: hub.id,
        inboundEndpoints: [],
        inboundEndpointsFailure: null
      }
    ],
    rulesets: [],
    failures: [],
    clientVnets: [client.id],
    peered: false
  }
  return { ...h, client, hub }
}

function peer(from: VirtualNetworkSnapshot, to: VirtualNetworkSnapshot, state = 'Connected') {
  from.peerings = [
    ...(from.peerings ?? []),
    {
      id: `${from.id}/virtualNetworkPeerings/peer-${to.name}`,
      name: `peer-${to.name}`,
      remoteVirtualNetworkId: to.id,
      peeringState: state,
      peeringSyncLevel: 'FullyInSync'
    }
  ]
}

/** `terraform show -json` of these resource changes, with their configuration expressions. */
function terraform(
  changes: {
    address: string
    type: string
    actions: string[]
    before?: Record<string, unknown> | null
    after?: Record<string, unknown> | null
    unknown?: Record<string, unknown>
    expressions?: Record<string, unknown>
  }[]
): Plan {
  return parsePlanDocument(
    {
      format_version: '1.2',
      terraform_version: '1.9.4',
      resource_changes: changes.map((c) => ({
        address: c.address,
        mode: 'managed',
        type: c.type,
        name: c.address.split('.')[1],
        provider_name: PROVIDER,
        change: {
          actions: c.actions,
          before: c.before ?? null,
          after: c.after ?? null,
          after_unknown: c.unknown ?? {}
        }
      })),
      configuration: {
        root_module: {
          resources: changes.map((c) => ({
            address: c.address,
            mode: 'managed',
            type: c.type,
            name: c.address.split('.')[1],
            expressions: c.expressions ?? {}
          }))
        }
      }
    },
    'plan.json',
    // As the run passes `subscription-id`: a plan whose every ID is built at apply names none.
    SUB
  )
}

/** azurerm_virtual_network_peering as the state holds it. */
function peeringState(from: string, to: string): Record<string, unknown> {
  return {
    id: `${vnetIdOf(from)}/virtualNetworkPeerings/peer-${to}`,
    name: `peer-${to}`,
    resource_group_name: NET_RG,
    virtual_network_name: from,
    remote_virtual_network_id: vnetIdOf(to),
    allow_virtual_network_access: true,
    allow_forwarded_traffic: false,
    allow_gateway_transit: false,
    use_remote_gateways: false,
    triggers: null
  }
}

function createPeering(from: string, to: string) {
  const after = peeringState(from, to)
  delete after.id
  return {
    address: `azurerm_virtual_network_peering.${from.replace(/-/g, '_')}`,
    type: 'azurerm_virtual_network_peering',
    actions: ['create'],
    after,
    unknown: { id: true }
  }
}

function whatIf(changes: PlannedChange[]): Plan {
  return { format: 'what-if', path: 'w.json', changes, ignored: 0, ignoredTypes: [] }
}

function judge(snapshot: Snapshot, plan: Plan) {
  const applied = applyPlan(snapshot, plan)
  return { applied, findings: settleUnknowns(run(applied.snapshot), applied.unresolved) }
}

describe('Terraform: azurerm_virtual_network_peering', () => {
  it('maps name, VNet and remote onto the ARM peering and its ID', () => {
    const plan = terraform([createPeering('vnet-client', 'vnet-hub')])
    expect(plan.ignored).toBe(0)
    expect(plan.changes).toEqual([
      {
        action: 'create',
        id: `${vnetIdOf('vnet-client')}/virtualNetworkPeerings/peer-vnet-hub`,
        type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        source: 'azurerm_virtual_network_peering.vnet_client',
        after: {
          id: `${vnetIdOf('vnet-client')}/virtualNetworkPeerings/peer-vnet-hub`,
          type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
          name: 'peer-vnet-hub',
          properties: {
            remoteVirtualNetwork: { id: vnetIdOf('vnet-hub') },
            allowVirtualNetworkAccess: true,
            allowForwardedTraffic: false,
            allowGatewayTransit: false,
            useRemoteGateways: false
          }
        }
      }
    ])
  })

  it('deleting the client’s side: the other side is Disconnected, VNET-PEERING-NOT-CONNECTED', () => {
    const e = estate()
    expect(problems(run(e.snapshot))).toEqual([])
    const plan = terraform([
      {
        address: 'azurerm_virtual_network_peering.client',
        type: 'azurerm_virtual_network_peering',
        actions: ['delete'],
        before: peeringState('vnet-client', 'vnet-app')
      }
    ])
    const { applied, findings } = judge(e.snapshot, plan)
    expect(applied.inScope).toEqual(['kv1'])
    const f = one(findings, 'VNET-PEERING-NOT-CONNECTED', 'error')
    expect(f.observed).toBe(
      'vnet-client: no peering to the other side; vnet-app: peering peer-vnet-client Disconnected'
    )
    // The live snapshot is left alone.
    expect(e.client.peerings).toHaveLength(1)
  })

  it('both sides created by the plan: Connected; one side only: Initiated', () => {
    const e = estate()
    e.client.peerings = []
    e.vnet.peerings = []
    expect(problems(run(e.snapshot))).toEqual(['VNET-NO-ROUTE-TO-PE warning'])
    const both = judge(
      e.snapshot,
      terraform([
        createPeering('vnet-client', 'vnet-app'),
        createPeering('vnet-app', 'vnet-client')
      ])
    )
    expect(problems(both.findings)).toEqual([])
    expect(one(both.findings, 'VNET-PEERING-NOT-CONNECTED').severity).toBe('pass')
    const half = judge(e.snapshot, terraform([createPeering('vnet-client', 'vnet-app')]))
    expect(one(half.findings, 'VNET-PEERING-NOT-CONNECTED', 'error').observed).toBe(
      'vnet-client: peering peer-vnet-app Initiated; vnet-app: no peering to the other side'
    )
  })

  it('a new side facing a Disconnected one stays Initiated: the Disconnected side must be recreated', () => {
    const e = estate()
    e.client.peerings = []
    const vnetApp = e.vnet.peerings?.[0]
    if (vnetApp) vnetApp.peeringState = 'Disconnected'
    const { findings } = judge(e.snapshot, terraform([createPeering('vnet-client', 'vnet-app')]))
    expect(one(findings, 'VNET-PEERING-NOT-CONNECTED', 'error').observed).toBe(
      'vnet-client: peering peer-vnet-app Initiated; vnet-app: peering peer-vnet-client Disconnected'
    )
  })
})

describe('Terraform: a peering whose remote VNet is known only after apply', () => {
  /** vnet-client peered with a VNet another module creates: no reference names it. */
  function unknownRemote(from: string) {
    const after = peeringState(from, 'vnet-app')
    delete after.id
    delete after.remote_virtual_network_id
    return {
      address: 'azurerm_virtual_network_peering.to_module_vnet',
      type: 'azurerm_virtual_network_peering',
      actions: ['create'],
      after,
      unknown: { id: true, remote_virtual_network_id: true },
      expressions: {
        remote_virtual_network_id: { references: ['module.spoke.vnet_id', 'module.spoke'] }
      }
    }
  }

  it('the client may be peered with the endpoint VNet after apply: VNET-NO-ROUTE-TO-PE is PLAN-UNRESOLVED', () => {
    const e = estate()
    e.client.peerings = []
    e.vnet.peerings = []
    expect(problems(run(e.snapshot))).toEqual(['VNET-NO-ROUTE-TO-PE warning'])
    const { findings } = judge(e.snapshot, terraform([unknownRemote('vnet-client')]))
    expect(problems(findings)).toEqual([])
    const f = one(findings, 'PLAN-UNRESOLVED')
    expect(f.message).toMatch(
      /^VNET-NO-ROUTE-TO-PE \(.+\) cannot be judged before apply: it needs the remote VNet of peering peer-vnet-app \(azurerm_virtual_network_peering\.to_module_vnet\.remote_virtual_network_id\)/
    )
    expect(f.resource).toBe(e.client.id)
  })

  it('the endpoint VNet peered with an unknown VNet: the other side missing is not a certain error', () => {
    const e = estate()
    e.vnet.peerings = []
    // vnet-client → vnet-app stays; vnet-app → (known after apply) may be the missing side.
    const { findings } = judge(e.snapshot, terraform([unknownRemote('vnet-app')]))
    expect(
      findings.filter((x) => x.rule === 'VNET-PEERING-NOT-CONNECTED' && x.severity === 'error')
    ).toEqual([])
    expect(one(findings, 'PLAN-UNRESOLVED').message).toMatch(
      /^VNET-PEERING-NOT-CONNECTED \(.+\) cannot be judged before apply: it needs the remote VNet of peering peer-vnet-app/
    )
  })

  it('a peering whose remote a reference names is judged for certain, as before', () => {
    const e = estate()
    e.client.peerings = []
    e.vnet.peerings = []
    const { findings } = judge(e.snapshot, terraform([createPeering('vnet-client', 'vnet-app')]))
    expect(findings.filter((x) => x.rule === 'PLAN-UNRESOLVED')).toEqual([])
    expect(one(findings, 'VNET-PEERING-NOT-CONNECTED', 'error').observed).toBe(
      'vnet-client: peering peer-vnet-app Initiated; vnet-app: no peering to the other side'
    )
  })
})

describe('Terraform: DNS private resolvers and forwarding rulesets', () => {
  /** A new inbound endpoint (dynamic IP) in vnet-hub, and vnet-client's DNS pointed at it. */
  function endpointAndDns(clientServers: {
    after: Record<string, unknown>
    unknown?: Record<string, unknown>
    expressions?: Record<string, unknown>
  }) {
    return [
      {
        address: 'azurerm_private_dns_resolver_inbound_endpoint.hub',
        type: 'azurerm_private_dns_resolver_inbound_endpoint',
        actions: ['create'],
        after: {
          name: 'inbound',
          location: 'westeurope',
          private_dns_resolver_id: RESOLVER_ID,
          ip_configurations: [
            {
              private_ip_allocation_method: 'Dynamic',
              subnet_id: `${vnetIdOf('vnet-hub')}/subnets/snet-dns-inbound`
            }
          ],
          tags: null
        },
        unknown: { id: true, ip_configurations: [{ private_ip_address: true }] }
      },
      {
        address: 'azurerm_virtual_network_dns_servers.client',
        type: 'azurerm_virtual_network_dns_servers',
        actions: ['create'],
        after: { virtual_network_id: vnetIdOf('vnet-client'), ...clientServers.after },
        unknown: { id: true, ...clientServers.unknown },
        expressions: clientServers.expressions ?? {}
      }
    ]
  }

  it('a client pointed at a new inbound endpoint (IP known after apply) answers in the hub: the hub’s link is judged, for certain', () => {
    const e = estate()
    const plan = terraform(
      endpointAndDns({
        after: {},
        unknown: { dns_servers: true },
        expressions: {
          dns_servers: {
            references: [
              'azurerm_private_dns_resolver_inbound_endpoint.hub.ip_configurations[0].private_ip_address',
              'azurerm_private_dns_resolver_inbound_endpoint.hub.ip_configurations[0]',
              'azurerm_private_dns_resolver_inbound_endpoint.hub.ip_configurations',
              'azurerm_private_dns_resolver_inbound_endpoint.hub'
            ]
          }
        }
      })
    )
    const endpoint = plan.changes.find(
      (c) => c.type === 'Microsoft.Network/dnsResolvers/inboundEndpoints'
    )
    expect(endpoint?.id).toBe(`${RESOLVER_ID}/inboundEndpoints/inbound`)
    expect(endpoint?.after?.properties).toEqual({
      ipConfigurations: [
        {
          privateIpAllocationMethod: 'Dynamic',
          subnet: { id: `${vnetIdOf('vnet-hub')}/subnets/snet-dns-inbound` }
        }
      ]
    })
    const { applied, findings } = judge(e.snapshot, plan)
    expect(applied.inScope).toEqual(['kv1'])
    const standIn = applied.unresolved[0]?.value ?? ''
    expect(applied.unresolved[0]?.what).toBe('the private IP of inbound endpoint inbound')
    expect(applied.snapshot.virtualNetworks[e.client.id.toLowerCase()]).toMatchObject({
      dnsServers: [standIn]
    })
    // The hub is not linked to the zone: certain whatever the endpoint's IP.
    const missing = one(findings, 'DNS-LINK-MISSING', 'error')
    expect(missing.message).toContain('vnet-hub')
    expect(of(findings, 'PLAN-UNRESOLVED')).toEqual([])
    expect(of(findings, 'VNET-CUSTOM-DNS').map((f) => f.severity)).toEqual(['pass', 'pass'])
    expect(JSON.stringify(findings)).not.toContain(standIn)
  })

  it('a client naming an address the new endpoint may get: VNET-CUSTOM-DNS is PLAN-UNRESOLVED, nothing else', () => {
    const e = estate()
    linkZone(e.zone, e.hub.id)
    const plan = terraform(endpointAndDns({ after: { dns_servers: ['10.9.0.4'] } }))
    const { findings } = judge(e.snapshot, plan)
    const unresolved = one(findings, 'PLAN-UNRESOLVED')
    expect(unresolved.message).toMatch(
      /^VNET-CUSTOM-DNS .* whether 10\.9\.0\.4 is the private IP of inbound endpoint inbound/
    )
    expect(of(findings, 'VNET-CUSTOM-DNS').every((f) => f.severity === 'pass')).toBe(true)
    expect(problems(findings)).toEqual([])
  })

  it('a new ruleset linked to the client with a rule for vaultcore.azure.net on premises: DNS-FORWARDING-RULE', () => {
    const e = estate()
    const plan = terraform([
      {
        address: 'azurerm_private_dns_resolver_dns_forwarding_ruleset.hub',
        type: 'azurerm_private_dns_resolver_dns_forwarding_ruleset',
        actions: ['create'],
        after: {
          name: 'frs-hub',
          resource_group_name: NET_RG,
          location: 'westeurope',
          private_dns_resolver_outbound_endpoint_ids: [`${RESOLVER_ID}/outboundEndpoints/out`],
          tags: null
        },
        unknown: { id: true }
      },
      {
        address: 'azurerm_private_dns_resolver_forwarding_rule.vaultcore',
        type: 'azurerm_private_dns_resolver_forwarding_rule',
        actions: ['create'],
        after: {
          name: 'vaultcore',
          domain_name: 'vaultcore.azure.net.',
          enabled: true,
          metadata: null,
          target_dns_servers: [{ ip_address: '192.168.10.4', port: 53 }]
        },
        unknown: { id: true, dns_forwarding_ruleset_id: true },
        expressions: {
          dns_forwarding_ruleset_id: {
            references: [
              'azurerm_private_dns_resolver_dns_forwarding_ruleset.hub.id',
              'azurerm_private_dns_resolver_dns_forwarding_ruleset.hub'
            ]
          }
        }
      },
      {
        address: 'azurerm_private_dns_resolver_virtual_network_link.client',
        type: 'azurerm_private_dns_resolver_virtual_network_link',
        actions: ['create'],
        after: { name: 'link-client', virtual_network_id: vnetIdOf('vnet-client'), metadata: null },
        unknown: { id: true, dns_forwarding_ruleset_id: true },
        expressions: {
          dns_forwarding_ruleset_id: {
            references: [
              'azurerm_private_dns_resolver_dns_forwarding_ruleset.hub.id',
              'azurerm_private_dns_resolver_dns_forwarding_ruleset.hub'
            ]
          }
        }
      }
    ])
    const rule = plan.changes.find((c) => c.type.endsWith('/forwardingRules'))
    expect(rule?.id).toBe(`${RULESET_ID}/forwardingRules/vaultcore`)
    expect(rule?.after?.properties).toEqual({
      domainName: 'vaultcore.azure.net.',
      forwardingRuleState: 'Enabled',
      targetDnsServers: [{ ipAddress: '192.168.10.4', port: 53 }]
    })
    const { applied, findings } = judge(e.snapshot, plan)
    expect(applied.inScope).toEqual(['kv1'])
    const f = one(findings, 'DNS-FORWARDING-RULE', 'warning')
    expect(f.resource).toBe(`${RULESET_ID}/forwardingRules/vaultcore`)
    expect(f.message).toContain('linked to VNet vnet-client')
    // Disabled (`enabled = false`): the rule takes nothing.
    const disabled = terraform([
      {
        address: 'azurerm_private_dns_resolver_forwarding_rule.vaultcore',
        type: 'azurerm_private_dns_resolver_forwarding_rule',
        actions: ['create'],
        after: {
          name: 'vaultcore',
          dns_forwarding_ruleset_id: RULESET_ID,
          domain_name: 'vaultcore.azure.net.',
          enabled: false,
          target_dns_servers: [{ ip_address: '192.168.10.4', port: 53 }]
        }
      }
    ])
    expect(disabled.changes[0]?.after?.properties).toMatchObject({
      forwardingRuleState: 'Disabled'
    })
  })
})

describe('what-if: peerings, resolvers and rulesets', () => {
  const peeringType = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings'

  it('a VNet whose `after` lists its peerings without one: that peering goes', () => {
    const e = estate()
    const after = {
      id: e.client.id,
      type: 'Microsoft.Network/virtualNetworks',
      name: 'vnet-client',
      properties: { addressSpace: { addressPrefixes: ['10.2.0.0/16'] }, virtualNetworkPeerings: [] }
    }
    const { findings } = judge(
      e.snapshot,
      whatIf([
        {
          action: 'modify',
          id: e.client.id,
          type: 'Microsoft.Network/virtualNetworks',
          after,
          source: e.client.id
        }
      ])
    )
    expect(one(findings, 'VNET-PEERING-NOT-CONNECTED', 'error').observed).toContain(
      'vnet-app: peering peer-vnet-client Disconnected'
    )
  })

  it('a VNet whose `after` leaves its peerings out keeps them', () => {
    const e = estate()
    const after = {
      id: e.client.id,
      type: 'Microsoft.Network/virtualNetworks',
      name: 'vnet-client',
      properties: { addressSpace: { addressPrefixes: ['10.2.0.0/16'] } }
    }
    const { applied } = judge(
      e.snapshot,
      whatIf([
        {
          action: 'modify',
          id: e.client.id,
          type: 'Microsoft.Network/virtualNetworks',
          after,
          source: e.client.id
        }
      ])
    )
    expect(applied.snapshot.virtualNetworks[e.client.id.toLowerCase()]).toMatchObject({
      peerings: e.client.peerings
    })
  })

  it('peeringState is read-only: a Modify that says Connected keeps a Disconnected peering as it is', () => {
    const e = estate()
    const live = e.client.peerings?.[0]
    if (live) live.peeringState = 'Disconnected'
    const id = live?.id ?? ''
    const { findings } = judge(
      e.snapshot,
      whatIf([
        {
          action: 'modify',
          id,
          type: peeringType,
          after: {
            id,
            type: peeringType,
            name: live?.name,
            properties: {
              remoteVirtualNetwork: { id: e.vnet.id },
              peeringState: 'Connected',
              peeringSyncLevel: 'FullyInSync'
            }
          },
          source: id
        }
      ])
    )
    expect(one(findings, 'VNET-PEERING-NOT-CONNECTED', 'error').observed).toContain(
      'vnet-client: peering peer-vnet-app Disconnected'
    )
  })

  it('a ruleset VNet link deleted: the rule no longer applies, its finding is gone', () => {
    const e = estate()
    e.snapshot.dnsPath?.rulesets.push({
      id: RULESET_ID,
      name: 'frs-hub',
      rules: [
        {
          id: `${RULESET_ID}/forwardingRules/vaultcore`,
          name: 'vaultcore',
          domainName: 'vaultcore.azure.net.',
          state: 'Enabled',
          targets: [{ ipAddress: '192.168.10.4', port: 53 }]
        }
      ],
      rulesFailure: null,
      vnetLinks: [
        {
          id: `${RULESET_ID}/virtualNetworkLinks/link-client`,
          name: 'link-client',
          virtualNetworkId: e.client.id
        }
      ],
      vnetLinksFailure: null
    })
    expect(problems(run(e.snapshot))).toEqual(['DNS-FORWARDING-RULE warning'])
    const id = `${RULESET_ID}/virtualNetworkLinks/link-client`
    const { applied, findings } = judge(
      e.snapshot,
      whatIf([
        {
          action: 'delete',
          id,
          type: 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks',
          after: null,
          source: id
        }
      ])
    )
    expect(applied.inScope).toEqual(['kv1'])
    expect(problems(findings)).toEqual([])
  })
})

describe('Terraform: DNS servers and forwarding targets known only after apply, from no endpoint', () => {
  /** vnet-client's DNS pointed at a new DNS VM's NIC (its IP known after apply). */
  const dnsVm = {
    address: 'azurerm_virtual_network_dns_servers.client',
    type: 'azurerm_virtual_network_dns_servers',
    actions: ['create'],
    after: { virtual_network_id: vnetIdOf('vnet-client'), timeouts: null },
    unknown: { id: true, dns_servers: true },
    expressions: {
      dns_servers: {
        references: [
          'azurerm_network_interface.dns.private_ip_address',
          'azurerm_network_interface.dns'
        ]
      }
    }
  }

  it('a client VNet’s DNS servers: PLAN-UNRESOLVED for it, naming the VNet and the attribute; no pass for its path', () => {
    const e = estate()
    const plan = terraform([dnsVm])
    expect(plan.changes[0]?.after?.properties).toEqual({
      dhcpOptions: {
        dnsServers: ['known-after-apply:azurerm_virtual_network_dns_servers.client.dns_servers']
      }
    })
    const { applied, findings } = judge(e.snapshot, plan)
    expect(applied.inScope).toEqual(['kv1'])
    expect(applied.unresolved.map((u) => [u.what, u.paths])).toEqual([
      [
        'the DNS servers of VNet vnet-client (azurerm_virtual_network_dns_servers.client.dns_servers)',
        [{ vault: 'kv1', vnetId: e.client.id, vnet: 'vnet-client' }]
      ]
    ])
    const unresolved = one(findings, 'PLAN-UNRESOLVED', 'info')
    expect(unresolved).toMatchObject({
      vault: 'kv1',
      resource: e.client.id,
      observed: 'known after apply',
      clients: [e.client.id],
      fix: null
    })
    expect(unresolved.message).toBe(
      'The DNS path of VNet vnet-client for kv1 cannot be judged before apply: it rests on the DNS servers of ' +
        'VNet vnet-client (azurerm_virtual_network_dns_servers.client.dns_servers), which the plan knows only ' +
        'after apply. VNET-CUSTOM-DNS, DNS-LINK-MISSING, DNS-FORWARDING-RULE, DNS-FORWARDING-LOOP are ' +
        'checked for vnet-client on the next live run'
    )
    // vnet-app's own path is certain; nothing is said of vnet-client's, nor of every path at once.
    expect(of(findings, 'VNET-CUSTOM-DNS').map((f) => [f.severity, f.resource])).toEqual([
      ['pass', e.vnet.id]
    ])
    expect(
      of(findings, 'DNS-LINK-MISSING').map((f) => [f.severity, f.clients?.map((c) => c)])
    ).toEqual([['pass', [e.vnet.id]]])
    expect(of(findings, 'DNS-FORWARDING-RULE')).toEqual([])
    expect(of(findings, 'DNS-FORWARDING-LOOP')).toEqual([])
    expect(problems(findings)).toEqual([])
    expect(JSON.stringify(findings)).not.toContain(applied.unresolved[0]?.value)
  })

  it('where Azure-provided DNS would have been a certain DNS-LINK-MISSING, it is not guessed', () => {
    const e = estate()
    // The hub serves the zone through an inbound endpoint; vnet-client is not linked itself.
    linkZone(e.zone, e.hub.id)
    e.zone.links = e.zone.links.filter((l) => l.virtualNetworkId !== e.client.id)
    const resolver = e.snapshot.dnsPath?.resolvers[0]
    resolver?.inboundEndpoints.push({
      id: `${RESOLVER_ID}/inboundEndpoints/in`,
      name: 'in',
      ips: ['10.9.0.4']
    })
    e.client.dnsServers = ['10.9.0.4']
    expect(problems(run(e.snapshot))).toEqual([])
    const { findings } = judge(e.snapshot, terraform([dnsVm]))
    expect(problems(findings)).toEqual([])
    expect(one(findings, 'PLAN-UNRESOLVED').resource).toBe(e.client.id)
  })

  it('a VNet whose dns_servers mix an endpoint’s IP with a VM’s: still unknown', () => {
    const e = estate()
    const plan = terraform([
      {
        ...dnsVm,
        expressions: {
          dns_servers: {
            references: [
              'azurerm_private_dns_resolver_inbound_endpoint.hub.ip_configurations[0].private_ip_address',
              'azurerm_private_dns_resolver_inbound_endpoint.hub',
              'azurerm_network_interface.dns.private_ip_address',
              'azurerm_network_interface.dns'
            ]
          }
        }
      }
    ])
    const servers = (
      plan.changes[0]?.after?.properties as { dhcpOptions: { dnsServers: string[] } }
    ).dhcpOptions.dnsServers
    expect(servers.at(-1)).toBe(
      'known-after-apply:azurerm_virtual_network_dns_servers.client.dns_servers'
    )
    const { findings } = judge(e.snapshot, plan)
    expect(one(findings, 'PLAN-UNRESOLVED').resource).toBe(e.client.id)
  })

  it('a forwarding rule’s target: PLAN-UNRESOLVED for the VNets its rule takes, no DNS-FORWARDING-RULE either way', () => {
    const e = estate()
    e.snapshot.dnsPath?.rulesets.push({
      id: RULESET_ID,
      name: 'frs-hub',
      rules: [],
      rulesFailure: null,
      vnetLinks: [
        {
          id: `${RULESET_ID}/virtualNetworkLinks/client`,
          name: 'client',
          virtualNetworkId: e.client.id
        }
      ],
      vnetLinksFailure: null
    })
    const plan = terraform([
      {
        address: 'azurerm_private_dns_resolver_forwarding_rule.vaultcore',
        type: 'azurerm_private_dns_resolver_forwarding_rule',
        actions: ['create'],
        after: {
          name: 'vaultcore',
          dns_forwarding_ruleset_id: RULESET_ID,
          domain_name: 'vaultcore.azure.net.',
          enabled: true,
          metadata: null,
          target_dns_servers: [{ port: 53 }]
        },
        unknown: { id: true, target_dns_servers: [{ ip_address: true }] },
        expressions: {
          target_dns_servers: [
            {
              ip_address: {
                references: [
                  'azurerm_network_interface.onprem.private_ip_address',
                  'azurerm_network_interface.onprem'
                ]
              },
              port: { constant_value: 53 }
            }
          ]
        }
      }
    ])
    expect(plan.changes[0]?.after?.properties).toMatchObject({
      targetDnsServers: [
        {
          ipAddress:
            'known-after-apply:azurerm_private_dns_resolver_forwarding_rule.vaultcore.target_dns_servers[0].ip_address',
          port: 53
        }
      ]
    })
    const { findings } = judge(e.snapshot, plan)
    const unresolved = one(findings, 'PLAN-UNRESOLVED')
    expect(unresolved.resource).toBe(e.client.id)
    expect(unresolved.message).toContain(
      'it rests on the target of forwarding rule vaultcore of ruleset frs-hub (azurerm_private_dns_resolver_forwarding_rule.vaultcore.target_dns_servers[0].ip_address)'
    )
    // The VNet's own servers are known: VNET-CUSTOM-DNS judges them.
    expect(unresolved.message).toContain(
      'DNS-LINK-MISSING, DNS-FORWARDING-RULE, DNS-FORWARDING-LOOP are checked for vnet-client'
    )
    expect(of(findings, 'VNET-CUSTOM-DNS').map((f) => f.severity)).toEqual(['pass', 'pass'])
    expect(of(findings, 'DNS-FORWARDING-RULE')).toEqual([])
    expect(problems(findings)).toEqual([])
  })
})

describe('Terraform: a zone link whose VNet is known only after apply', () => {
  it('is no link to nothing: the DNS-LINK-MISSING it may answer is PLAN-UNRESOLVED, naming the link and the attribute', () => {
    const e = estate()
    // The client is not linked today; the plan links the zone to a VNet another module creates.
    e.zone.links = e.zone.links.filter((l) => l.virtualNetworkId !== e.client.id)
    expect(problems(run(e.snapshot))).toContain('DNS-LINK-MISSING error')
    const plan = terraform([
      {
        address: 'azurerm_private_dns_zone_virtual_network_link.spoke',
        type: 'azurerm_private_dns_zone_virtual_network_link',
        actions: ['create'],
        after: {
          name: 'link-spoke',
          private_dns_zone_name: e.zone.name,
          resource_group_name: e.zone.resourceGroup,
          registration_enabled: false,
          tags: null
        },
        unknown: { id: true, virtual_network_id: true },
        expressions: {
          virtual_network_id: { references: ['module.spoke.vnet_id', 'module.spoke'] }
        }
      },
      // Unchanged, but says which subscription azurerm builds the new link's ID in.
      {
        address: 'azurerm_virtual_network.client',
        type: 'azurerm_virtual_network',
        actions: ['no-op'],
        before: { id: e.client.id, name: 'vnet-client' },
        after: { id: e.client.id, name: 'vnet-client' }
      }
    ])
    expect(plan.changes[0]?.after?.properties).toMatchObject({
      virtualNetwork: {
        id: 'known-after-apply:azurerm_private_dns_zone_virtual_network_link.spoke.virtual_network_id'
      }
    })
    const { applied, findings } = judge(e.snapshot, plan)
    expect(applied.inScope).toEqual(['kv1'])
    expect(problems(findings)).toEqual([])
    const unresolved = one(findings, 'PLAN-UNRESOLVED')
    expect(unresolved.resource).toBe(e.zone.id)
    expect(unresolved.message).toMatch(
      /^DNS-LINK-MISSING \(.*\) cannot be judged before apply: it needs the VNet of link link-spoke \(azurerm_private_dns_zone_virtual_network_link\.spoke\.virtual_network_id\)/
    )
    expect(JSON.stringify(findings)).not.toContain('vnet-known-after-apply')
  })
})
