/**
 * Bulk collection: ARM throttles reads per subscription (a bucket of about 250 requests refilled
 * at about 25 a second), so on a large estate the number of requests, not CPU, bounds the run.
 * Reading each vault's private endpoint, NIC and VNet by GET costs a request per resource; when a
 * subscription holds many of the private endpoints to read, its private endpoints, NICs and VNets
 * are listed instead (one request per page of 100) and the per-ID reads are answered from the
 * listings. The decision is per subscription (`BULK_THRESHOLD`, measured with `npm run bench`).
 *
 * A resource missing from a listing that succeeded is still read by GET: ARM then says whether it
 * is gone (404) or hidden from us (403), exactly as in targeted mode. A listing that fails (e.g.
 * Reader only on some resource groups: the subscription-wide list is denied) falls back to GETs.
 */
import type { NetworkInterface, PrivateEndpoint, VirtualNetwork } from '@azure/arm-network'
import { ok, type Read } from './arm-errors.js'
import { subscriptionScope } from '../common/arm-id.js'
import { type CollectContext, listAll, type Listing } from './context.js'

/**
 * Private endpoints to read in one subscription from which on it is read in bulk. Measured with
 * `npm run bench` (README, Performance): targeted costs 3 requests per private endpoint (PE, NIC,
 * DNS zone groups); bulk costs a page per 100 PEs, NICs and VNets of the subscription plus the
 * zone groups of the endpoints whose A record does not already check out. Bulk is cheaper from
 * 2 endpoints on in the emulator; real subscriptions hold other NICs (VMs) too, which bulk pages
 * through, hence the margin.
 */
export const BULK_THRESHOLD = 5

/** Reads this subscription in bulk from now on, and starts its three listings. */
export function startBulk(ctx: CollectContext, subscriptionId: string): void {
  const key = subscriptionId.toLowerCase()
  if (ctx.bulk.has(key)) return
  ctx.bulk.add(key)
  void listedPrivateEndpoints(ctx, subscriptionId)
  void listedNics(ctx, subscriptionId)
  void listedVirtualNetworks(ctx, subscriptionId)
}

export function listedPrivateEndpoints(
  ctx: CollectContext,
  subscriptionId: string
): Promise<Listing<PrivateEndpoint>> {
  const scope = subscriptionScope(subscriptionId)
  return ctx.memo.privateEndpointLists.get(scope, () =>
    ctx.read(`${scope}/providers/Microsoft.Network/privateEndpoints`, async () =>
      byId(await listAll(ctx.clients(subscriptionId).network.privateEndpoints.listBySubscription()))
    )
  )
}

export function listedNics(
  ctx: CollectContext,
  subscriptionId: string
): Promise<Listing<NetworkInterface>> {
  const scope = subscriptionScope(subscriptionId)
  return ctx.memo.nicLists.get(scope, () =>
    ctx.read(`${scope}/providers/Microsoft.Network/networkInterfaces`, async () =>
      byId(await listAll(ctx.clients(subscriptionId).network.networkInterfaces.listAll()))
    )
  )
}

export function listedVirtualNetworks(
  ctx: CollectContext,
  subscriptionId: string
): Promise<Listing<VirtualNetwork>> {
  const scope = subscriptionScope(subscriptionId)
  return ctx.memo.virtualNetworkLists.get(scope, () =>
    ctx.read(`${scope}/providers/Microsoft.Network/virtualNetworks`, async () =>
      byId(await listAll(ctx.clients(subscriptionId).network.virtualNetworks.listAll()))
    )
  )
}

/**
 * `id` from its subscription's listing when that subscription is read in bulk and the listing has
 * it; otherwise `get()` (a GET of that one resource).
 */
export async function fromListingOrGet<T>(
  ctx: CollectContext,
  subscriptionId: string,
  id: string,
  listing: (ctx: CollectContext, subscriptionId: string) => Promise<Listing<T>>,
  get: () => Promise<Read<T>>
): Promise<Read<T>> {
  if (ctx.bulk.has(subscriptionId.toLowerCase())) {
    const listed = await listing(ctx, subscriptionId)
    const found = listed.ok ? listed.value.get(id.toLowerCase()) : undefined
    if (found) return ok(found)
  }
  return get()
}

function byId<T extends { id?: string }>(items: T[]): Map<string, T> {
  const map = new Map<string, T>()
  for (const item of items) if (item.id) map.set(item.id.toLowerCase(), item)
  return map
}
