/** The VNets of the private endpoints (guide §8): VNET-CUSTOM-DNS. */
import { AZURE_PLATFORM_IP } from '../../model/ip.js'
import { list } from '../../model/names.js'
import { defineRule } from '../rule.js'

export const NETWORK_RULES = [
  defineRule({
    id: 'VNET-CUSTOM-DNS',
    severity: 'info',
    title: 'VNet uses custom DNS servers',
    summary: "The PE's VNet uses custom DNS servers.",
    section: 'other',
    needs: ['private-endpoint', 'virtual-network'],
    scope: 'target',
    check({ model }, out) {
      const { vault, names } = model
      for (const group of model.vnets) {
        const vnet = group.vnet
        if (vnet === undefined) continue
        if ('failure' in vnet) {
          out.notRun(vnet.failure)
          continue
        }
        const custom = vnet.dnsServers.filter((server) => server.trim() !== AZURE_PLATFORM_IP)
        const pes = group.pes.map((item) => item.pe.name).join(', ')
        const expected = `Azure-provided DNS, or servers that forward to ${AZURE_PLATFORM_IP}`
        if (custom.length === 0) {
          out.pass({
            resource: vnet.id,
            message: `VNet ${vnet.name} (private endpoint ${pes} of ${names.label} ${vault.name}) uses Azure-provided DNS, which applies private DNS zones`,
            observed:
              vnet.dnsServers.length === 0
                ? 'Azure-provided DNS'
                : `DNS servers ${list(vnet.dnsServers)}`,
            expected
          })
          continue
        }
        out.finding({
          resource: vnet.id,
          message:
            `VNet ${vnet.name} (private endpoint ${pes} of ${names.label} ${vault.name}) uses custom DNS servers ${list(vnet.dnsServers)}: ` +
            `the private zone ${names.zone} applies there only if they forward ${names.zone} ` +
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
