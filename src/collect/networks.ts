/** Virtual networks and network interfaces (each read once per run). */
import type { VirtualNetwork } from '@azure/arm-network'
import { failed, ok, type Read } from './arm-errors.js'
import { isResourceOfType, parseLooseId, parseResourceId } from '../common/arm-id.js'
import { fromListingOrGet, listedVirtualNetworks } from './bulk.js'
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
    // A subscription whose VNets are listed for the DNS path answers from that listing too.
    const listed = ctx.vnetListings.has(parsed.subscriptionId.toLowerCase())
    if (listed && !ctx.bulk.has(parsed.subscriptionId.toLowerCase())) {
      const listing = await listedVirtualNetworks(ctx, parsed.subscriptionId)
      const found = listing.ok ? listing.value.get(vnetId.toLowerCase()) : undefined
      if (found) return ok(vnetSnapshot(found, vnetId, parsed.name))
    }
    const read = await fromListingOrGet(ctx, parsed.subscriptionId, vnetId, 'virtualNetworks', () =>
      ctx.read(vnetId, () =>
        ctx
          .clients(parsed.subscriptionId)
          .network.virtualNetworks.get(parsed.resourceGroup, parsed.name)
      )
    )
    if (!read.ok) return read
    return ok(vnetSnapshot(read.value, vnetId, parsed.name))
  })
}

/** A VNet found in a listing, so that it is known without a GET of its own. */
export function seedVirtualNetwork(
  ctx: CollectContext,
  vnet: VirtualNetwork
): Promise<Read<VirtualNetworkSnapshot>> {
  const id = vnet.id ?? ''
  return ctx.memo.virtualNetworks.get(id, () =>
    Promise.resolve(ok(vnetSnapshot(vnet, id, vnet.name ?? '')))
  )
}

function vnetSnapshot(vnet: VirtualNetwork, vnetId: string, name: string): VirtualNetworkSnapshot {
  return {
    id: vnet.id ?? vnetId,
    name: vnet.name ?? name,
    addressPrefixes: strings(vnet.addressSpace?.addressPrefixes),
    dnsServers: strings(vnet.dhcpOptions?.dnsServers),
    peerings: (vnet.virtualNetworkPeerings ?? []).map((peering) => ({
      id: peering.id ?? '',
      name: peering.name ?? '',
      remoteVirtualNetworkId: peering.remoteVirtualNetwork?.id ?? null,
      peeringState: peering.peeringState ?? null,
      peeringSyncLevel: peering.peeringSyncLevel ?? null
    }))
  }
}

/** The private IPs of a NIC's IP configurations. */
export function readNicIps(ctx: CollectContext, nicId: string): Promise<Read<string[]>> {
  return ctx.memo.nics.get(nicId, async () => {
    const parsed = parseLooseId(nicId)
    if (!parsed) return failed(badIdFailure(nicId, 'network interface'))
    const read = await fromListingOrGet(
      ctx,
      parsed.subscriptionId,
      nicId,
      'networkInterfaces',
      () =>
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
