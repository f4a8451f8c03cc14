/** The VNets of the private endpoints (guide §8): VNET-CUSTOM-DNS. */
import { AZURE_PLATFORM_IP } from '../ip.js'
import { finding, list, pass, type RuleContext } from '../context.js'
import type { Finding } from '../finding.js'

export function networkRules(ctx: RuleContext): Finding[] {
  const { vault, model, snapshot, tracker } = ctx
  const findings: Finding[] = []
  for (const group of model.vnets) {
    const vnet = group.vnet
    if (vnet === undefined) continue
    if ('failure' in vnet) {
      tracker.add([vnet.failure], 'VNET-CUSTOM-DNS')
      continue
    }
    const custom = vnet.dnsServers.filter((server) => server.trim() !== AZURE_PLATFORM_IP)
    const pes = group.pes.map((item) => item.pe.name).join(', ')
    if (custom.length === 0) {
      findings.push(
        pass('VNET-CUSTOM-DNS', vault.name, {
          resource: vnet.id,
          message: `VNet ${vnet.name} (private endpoint ${pes} of key vault ${vault.name}) uses Azure-provided DNS, which applies private DNS zones`,
          observed:
            vnet.dnsServers.length === 0
              ? 'Azure-provided DNS'
              : `DNS servers ${list(vnet.dnsServers)}`,
          expected: `Azure-provided DNS, or servers that forward to ${AZURE_PLATFORM_IP}`
        })
      )
      continue
    }
    findings.push(
      finding('VNET-CUSTOM-DNS', vault.name, {
        resource: vnet.id,
        message:
          `VNet ${vnet.name} (private endpoint ${pes} of key vault ${vault.name}) uses custom DNS servers ${list(vnet.dnsServers)}: ` +
          `the private zone ${snapshot.privateLinkZone} applies there only if they forward ${snapshot.privateLinkZone} ` +
          `(or the whole ${snapshot.vaultDnsSuffix} chain) to ${AZURE_PLATFORM_IP} or to a DNS private resolver inbound ` +
          `endpoint in a VNet linked to the zone. The inside probe confirms what clients actually get`,
        observed: `DNS servers ${list(vnet.dnsServers)}`,
        expected: `Azure-provided DNS, or servers that forward to ${AZURE_PLATFORM_IP}`,
        fix: null
      })
    )
  }
  return findings
}
