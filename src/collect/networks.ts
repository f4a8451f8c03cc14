/** Virtual networks and network interfaces (each read once per run). */
import { failed, ok, type Read } from './arm-errors.js'
import { isResourceOfType, parseLooseId, parseResourceId } from '../model/arm-id.js'
import { fromListingOrGet, listedNics, listedVirtualNetworks } from './bulk.js'
import { badIdFailure, type CollectContext, strings } from './context.js'
import type { VirtualNetworkSnapshot } from './snapshot.js'

export function readVirtualNetwork(
  ctx: CollectContext,
  vnetId: string
): Promise<Read<VirtualNetworkSnapshot>> {
  return ctx.memo.virtualNetworks.get(vnetId, async () => {
    const parsed = parseResourceId(vnetId)
    if (!isResourceOfType(parsed, 'Microsoft.Network/virtualNetworks') || !parsed) {
      return failed(badIdFailure(vnetId, 'virtual network'))
    }
    const read = await fromListingOrGet(
      ctx,
      parsed.subscriptionId,
      vnetId,
      listedVirtualNetworks,
      () =>
        ctx.read(vnetId, () =>
          ctx
            .clients(parsed.subscriptionId)
            .network.virtualNetworks.get(parsed.resourceGroup, parsed.name)
        )
    )
    if (!read.ok) return read
    const vnet = read.value
    return ok({
      id: vnet.id ?? vnetId,
      name: vnet.name ?? parsed.name,
      addressPrefixes: strings(vnet.addressSpace?.addressPrefixes),
      dnsServers: strings(vnet.dhcpOptions?.dnsServers)
    })
  })
}

/** The private IPs of a NIC's IP configurations. */
export function readNicIps(ctx: CollectContext, nicId: string): Promise<Read<string[]>> {
  return ctx.memo.nics.get(nicId, async () => {
    const parsed = parseLooseId(nicId)
    if (!parsed) return failed(badIdFailure(nicId, 'network interface'))
    const read = await fromListingOrGet(ctx, parsed.subscriptionId, nicId, listedNics, () =>
      ctx.read(nicId, () =>
        ctx
          .clients(parsed.subscriptionId)
          .network.networkInterfaces.get(parsed.resourceGroup, parsed.name)
      )
    )
    if (!read.ok) return read
    return ok(strings((read.value.ipConfigurations ?? []).map((c) => c.privateIPAddress)))
  })
}
