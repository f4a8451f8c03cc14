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
 * Reader only on some resource groups: the subscription-wide list is denied) falls back to GETs
 * for what its pages had not delivered yet: each read waits for the page that holds its resource
 * (`ListingIndex`), not for the listing's last page.
 */
import type { NetworkInterface, PrivateEndpoint, VirtualNetwork } from '@azure/arm-network'
import { ok, type Read } from './arm-errors.js'
import { subscriptionScope } from '../common/arm-id.js'
import { type CollectContext, eachItem, type Listing, ListingIndex } from './context.js'
import type { Memo } from './memo.js'
import type { NetworkReads } from './network-client.js'

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
  return listed(ctx, ctx.memo.privateEndpointLists, subscriptionId, 'privateEndpoints', (network) =>
    network.privateEndpoints.listBySubscription()
  )
}

export function listedNics(
  ctx: CollectContext,
  subscriptionId: string
): Promise<Listing<NetworkInterface>> {
  return listed(ctx, ctx.memo.nicLists, subscriptionId, 'networkInterfaces', (network) =>
    network.networkInterfaces.listAll()
  )
}

export function listedVirtualNetworks(
  ctx: CollectContext,
  subscriptionId: string
): Promise<Listing<VirtualNetwork>> {
  return listed(ctx, ctx.memo.virtualNetworkLists, subscriptionId, 'virtualNetworks', (network) =>
    network.virtualNetworks.listAll()
  )
}

export type BulkType = 'privateEndpoints' | 'networkInterfaces' | 'virtualNetworks'

function listingResource(subscriptionId: string, type: BulkType): string {
  return `${subscriptionScope(subscriptionId)}/providers/Microsoft.Network/${type}`
}

function indexOf<T>(ctx: CollectContext, resource: string): ListingIndex<T> {
  const key = resource.toLowerCase()
  let index = ctx.listingIndexes.get(key)
  if (!index) ctx.listingIndexes.set(key, (index = new ListingIndex()))
  return index as ListingIndex<T>
}

/**
 * A subscription's listing of one type, read once; its items are indexed as they arrive, and the
 * index, once the last page is in, is the listing.
 */
function listed<T extends { id?: string }>(
  ctx: CollectContext,
  memo: Memo<Listing<T>>,
  subscriptionId: string,
  type: BulkType,
  list: (network: NetworkReads) => AsyncIterable<T>
): Promise<Listing<T>> {
  const resource = listingResource(subscriptionId, type)
  return memo.get(subscriptionScope(subscriptionId), async () => {
    const index = indexOf<T>(ctx, resource)
    try {
      return await ctx.read(resource, async () => {
        await eachItem(list(ctx.clients(subscriptionId).network), (item) => {
          if (item.id) index.add(item.id, item)
        })
        return index.items
      })
    } finally {
      index.end()
    }
  })
}

/** What each bulk listing holds. */
interface BulkItems {
  privateEndpoints: PrivateEndpoint
  networkInterfaces: NetworkInterface
  virtualNetworks: VirtualNetwork
}

const LISTINGS: {
  [K in BulkType]: (ctx: CollectContext, subscriptionId: string) => Promise<Listing<BulkItems[K]>>
} = {
  privateEndpoints: listedPrivateEndpoints,
  networkInterfaces: listedNics,
  virtualNetworks: listedVirtualNetworks
}

/**
 * `id` from its subscription's listing of `type` when that subscription is read in bulk and the
 * listing has it, as soon as the page that holds it is in (an item a listing delivered is ARM's
 * answer, even if a later page fails); otherwise `get()` (a GET of that one resource).
 */
export async function fromListingOrGet<K extends BulkType>(
  ctx: CollectContext,
  subscriptionId: string,
  id: string,
  type: K,
  get: () => Promise<Read<BulkItems[K]>>
): Promise<Read<BulkItems[K]>> {
  if (ctx.bulk.has(subscriptionId.toLowerCase())) {
    // Started (read once) before its index is waited on: the index ends when the listing does.
    const whole = LISTINGS[type](ctx, subscriptionId)
    const index = indexOf<BulkItems[K]>(ctx, listingResource(subscriptionId, type))
    const found = await index.lookup(id)
    if (found) return ok(found)
    await whole
  }
  return get()
}
