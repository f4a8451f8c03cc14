/**
 * The VNets that must resolve the vault (guide §8): VNET-CUSTOM-DNS, judged along each VNet's DNS
 * path (model/dns-path.ts): inbound endpoints of DNS private resolvers are followed and pass;
 * forwarders inside a known VNet are assumed to forward to Azure DNS; other servers are not
 * followed.
 */
import { sameId } from '../../collect/snapshot.js'
import { vnetName, type Hop } from '../../model/dns-path.js'
import { AZURE_PLATFORM_IP } from '../../common/ip.js'
import { list } from '../../common/names.js'
import { defineRule } from '../rule.js'
import { resolving } from './dns.js'

type FirstHop = Extract<Hop, { kind: 'resolver' | 'forwarder' | 'unknown' }>

export const NETWORK_RULES = [
  defineRule({
    id: 'VNET-CUSTOM-DNS',
    severity: 'info',
    title: 'VNet uses custom DNS servers',
    summary:
      'A VNet that must resolve the vault uses custom DNS servers the action cannot follow for certain.',
    section: 'other',
    needs: ['private-endpoint', 'virtual-network'],
    scope: 'target',
    check(ctx, out) {
      const { vault, names } = ctx.model
      if (ctx.model.effective.length === 0) return
      for (const entry of resolving(ctx)) {
        const vnet = entry.vnet
        if (vnet === undefined) continue
        if ('failure' in vnet) {
          out.notRun(vnet.failure)
          continue
        }
        const group = ctx.model.vnets.find((g) => sameId(g.vnetId, entry.vnetId))
        const role = group
          ? `private endpoint ${group.pes.map((item) => item.pe.name).join(', ')} of ${names.label} ${vault.name}`
          : entry.why === 'runner'
            ? `this runner's VNet, a client of ${names.label} ${vault.name}`
            : `a client VNet of ${names.label} ${vault.name}`
        const custom = vnet.dnsServers.filter((server) => server.trim() !== AZURE_PLATFORM_IP)
        const expected = `Azure-provided DNS, DNS private resolver inbound endpoints, or servers that forward to ${AZURE_PLATFORM_IP}`
        if (custom.length === 0) {
          out.pass({
            resource: vnet.id,
            message: `VNet ${vnet.name} (${role}) uses Azure-provided DNS, which applies private DNS zones`,
            observed:
              vnet.dnsServers.length === 0
                ? 'Azure-provided DNS'
                : `DNS servers ${list(vnet.dnsServers)}`,
            expected
          })
          continue
        }
        const first = entry.paths
          .map((path) => path.hops[0])
          .filter((hop): hop is FirstHop => hop !== undefined && hop.kind !== 'azure-dns')
        const resolvers = first.filter((hop) => hop.kind === 'resolver')
        const forwarders = first.filter((hop) => hop.kind === 'forwarder')
        const unknown = first.filter((hop) => hop.kind === 'unknown')
        if (forwarders.length === 0 && unknown.length === 0 && resolvers.length > 0) {
          out.pass({
            resource: vnet.id,
            message:
              `VNet ${vnet.name} (${role}) uses DNS servers ${list(vnet.dnsServers)}, inbound endpoints of DNS private ` +
              `resolver${resolvers.length === 1 ? '' : 's'} ${list([...new Set(resolvers.map((hop) => hop.resolver.name))])}: ` +
              `Azure DNS answers in the resolver's VNet, with the private zones linked there`,
            observed: `DNS servers ${list(vnet.dnsServers)}`,
            expected
          })
          continue
        }
        const said = [
          ...forwarders.map(
            (hop) =>
              `${hop.server} lies in VNet ${vnetName(ctx.snapshot, hop.vnetId)}: assumed to be a forwarder that sends ${names.zone} to ${AZURE_PLATFORM_IP} there, so the zone linked to that VNet serves ${vnet.name}`
          ),
          ...unknown.map(
            (hop) =>
              `${hop.server} is outside every known VNet and is no DNS private resolver inbound endpoint (on premises, or in a subscription not searched): not followed`
          )
        ]
        out.finding({
          resource: vnet.id,
          message:
            `VNet ${vnet.name} (${role}) uses custom DNS servers ${list(vnet.dnsServers)}: ${said.join('; ')}. ` +
            `The private zone ${names.zone} applies there only if they forward ${names.zone} ` +
            `(or the whole ${names.hostSuffix} chain) to ${AZURE_PLATFORM_IP} or to a DNS private resolver inbound ` +
            `endpoint in a VNet linked to the zone. The inside probe confirms what clients actually get`,
          observed: `DNS servers ${list(vnet.dnsServers)}`,
          expected,
          fix: null
        })
      }
    }
  })
]
