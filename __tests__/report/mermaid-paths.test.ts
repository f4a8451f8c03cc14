// The diagram draws each client's DNS path: VNet → resolver (or DNS server) → rule → answering
// VNet → zone, the broken hop red; parsed with the real Mermaid parser.
import { describe, expect, it } from '@jest/globals'
import { vaultDiagram } from '../../src/report/mermaid.js'
import { healthy, makeVnet, run, SUB } from '../helpers/snapshot-builder.js'
import { graphOf, labelLines as lines } from './mermaid-parser.js'

function hubAndSpoke(loop = false) {
  const h = healthy()
  const hub = makeVnet(h.snapshot, 'vnet-hub', { addressPrefixes: ['10.9.0.0/16'] })
  h.vnet.dnsServers = ['10.9.0.4']
  h.link.virtualNetworkId = hub.id
  const rulesetId = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/dnsForwardingRulesets/frs`
  h.snapshot.dnsPath = {
    subscriptions: [`/subscriptions/${SUB}`],
    resolvers: [
      {
        id: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/dnsResolvers/dnspr`,
        name: 'dnspr',
        virtualNetworkId: hub.id,
        inboundEndpoints: [{ id: 'in', name: 'inbound', ips: ['10.9.0.4'] }],
        inboundEndpointsFailure: null
      }
    ],
    rulesets: loop
      ? [
          {
            id: rulesetId,
            name: 'frs',
            rules: [
              {
                id: `${rulesetId}/forwardingRules/loop`,
                name: 'loop',
                domainName: 'vaultcore.azure.net.',
                state: 'Enabled',
                targets: [{ ipAddress: '10.9.0.4', port: 53 }]
              }
            ],
            rulesFailure: null,
            vnetLinks: [
              { id: `${rulesetId}/virtualNetworkLinks/hub`, name: 'hub', virtualNetworkId: hub.id }
            ],
            vnetLinksFailure: null
          }
        ]
      : [],
    failures: [],
    clientVnets: [],
    peered: false
  }
  return h
}

describe('DNS paths in the diagram', () => {
  it('spoke → resolver → hub, and the zone linked to the hub', () => {
    const h = hubAndSpoke()
    const { vertices, edges } = graphOf(vaultDiagram(h.snapshot, h.vault, run(h.snapshot)))
    const first = (v: { text: string }) => lines(v.text)
    const resolver = vertices.find((v) => first(v)[0] === 'DNS private resolver')
    expect(resolver && first(resolver)).toEqual(['DNS private resolver', 'dnspr', '10.9.0.4'])
    const hub = vertices.find((v) => first(v)[1] === 'vnet-hub')
    const link = vertices.find((v) => first(v)[0] === 'VNet link')
    expect(edges.some((e) => e.start === resolver?.id && e.end === hub?.id)).toBe(true)
    expect(edges.some((e) => e.start === link?.id && e.end === hub?.id)).toBe(true)
    expect(vertices.filter((v) => v.classes.includes('fail'))).toEqual([])
  })

  it('a looping forwarding rule is drawn red', () => {
    const h = hubAndSpoke(true)
    const { vertices } = graphOf(vaultDiagram(h.snapshot, h.vault, run(h.snapshot)))
    const red = vertices.filter((v) => v.classes.includes('fail')).map((v) => lines(v.text)[0])
    expect(red).toContain('Forwarding rule')
  })
})
