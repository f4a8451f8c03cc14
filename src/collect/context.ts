/** What every collector shares during one run: clients, read-once caches, failure conversion. */
import type { NetworkInterface, PrivateEndpoint, VirtualNetwork } from '@azure/arm-network'
import type { Cloud } from '../inputs/cloud.js'
import { type ErrorBodies, ok, failed, type Read, toReadFailure } from './arm-errors.js'
import type { ArmClients } from './clients.js'
import { Memo } from './memo.js'
import type {
  DnsZoneGroupSnapshot,
  PrivateEndpointSnapshot,
  PrivateZoneSnapshot,
  ReadFailure,
  VirtualNetworkSnapshot
} from './snapshot.js'
import type { TargetRead } from './vaults.js'

/** A private DNS zone as found in a listing (or by GET). */
export interface ZoneRef {
  id: string
  name: string
}

/** A private endpoint read: the PE, `null` when ARM says 404, or another failure. */
export type PrivateEndpointRead =
  { ok: true; value: PrivateEndpointSnapshot | null } | { ok: false; failure: ReadFailure }

/** A subscription-wide listing, by lower-cased resource ID. */
export type Listing<T> = Read<Map<string, T>>

/**
 * The items a listing has delivered so far, by lower-cased ID: a read waits for the page that
 * holds its item, not for the listing's last page (at 2,000 vaults, twenty pages later).
 */
export class ListingIndex<T> {
  /** What has arrived, by lower-cased ID (once ended, the whole listing). */
  readonly items = new Map<string, T>()
  private readonly waiting = new Map<string, ((item: T | undefined) => void)[]>()
  private ended = false

  add(id: string, item: T): void {
    const key = id.toLowerCase()
    if (this.items.has(key)) return
    this.items.set(key, item)
    const waiters = this.waiting.get(key)
    if (!waiters) return
    this.waiting.delete(key)
    for (const resolve of waiters) resolve(item)
  }

  /** No more items will come (the last page is in, or the listing failed). */
  end(): void {
    this.ended = true
    for (const waiters of this.waiting.values()) for (const resolve of waiters) resolve(undefined)
    this.waiting.clear()
  }

  /** The item once its page is in; undefined once the listing ended without it. */
  lookup(id: string): Promise<T | undefined> {
    const key = id.toLowerCase()
    const item = this.items.get(key)
    if (item !== undefined || this.ended) return Promise.resolve(item)
    return new Promise((resolve) => {
      const waiters = this.waiting.get(key)
      if (waiters) waiters.push(resolve)
      else this.waiting.set(key, [resolve])
    })
  }
}

export interface CollectContext {
  cloud: Cloud
  /**
   * Subscriptions (lower-cased) read in bulk: their private endpoints, NICs and VNets come from
   * one listing each instead of a GET per resource (see bulk.ts).
   */
  bulk: Set<string>
  /**
   * Subscriptions (lower-cased) whose VNets are listed for the DNS path (dns-path.ts): their VNets
   * are answered from that listing.
   */
  vnetListings: Set<string>
  clients: (subscriptionId: string) => ArmClients
  /** The bulk listings' items as they arrive, keyed by the listing's resource (bulk.ts). */
  listingIndexes: Map<string, ListingIndex<unknown>>
  /** Runs one ARM read (a GET or a whole listing); whatever it throws becomes a ReadFailure. */
  read<T>(resource: string, work: () => Promise<T>): Promise<Read<T>>
  memo: {
    /** Key vault listings (discovery, names without a resource group), keyed by scope. */
    vaultLists: Memo<Read<TargetRead[]>>
    /** Managed HSM listings, the same way. */
    hsmLists: Memo<Read<TargetRead[]>>
    privateEndpoints: Memo<PrivateEndpointRead>
    /** NIC private IPs, keyed by NIC ID. */
    nics: Memo<Read<string[]>>
    virtualNetworks: Memo<Read<VirtualNetworkSnapshot>>
    /** All private DNS zones in a scope (unfiltered), keyed by scope. */
    zoneScopes: Memo<Read<ZoneRef[]>>
    /** Zones read by GET (named by a DNS zone group but not found in any scope). */
    zoneGets: Memo<Read<ZoneRef>>
    zoneDetails: Memo<PrivateZoneSnapshot>
    /** A private endpoint's DNS zone groups, keyed by its ID. */
    zoneGroups: Memo<Read<DnsZoneGroupSnapshot[]>>
    /** Bulk listings, keyed by subscription scope. */
    privateEndpointLists: Memo<Listing<PrivateEndpoint>>
    nicLists: Memo<Listing<NetworkInterface>>
    virtualNetworkLists: Memo<Listing<VirtualNetwork>>
  }
}

export function createContext(
  cloud: Cloud,
  clients: (subscriptionId: string) => ArmClients,
  errorBodies: ErrorBodies
): CollectContext {
  return {
    cloud,
    clients,
    bulk: new Set(),
    vnetListings: new Set(),
    listingIndexes: new Map(),
    async read<T>(resource: string, work: () => Promise<T>): Promise<Read<T>> {
      try {
        return ok(await work())
      } catch (error) {
        return failed(toReadFailure(error, resource, errorBodies))
      }
    },
    memo: {
      vaultLists: new Memo(),
      hsmLists: new Memo(),
      privateEndpoints: new Memo(),
      nics: new Memo(),
      virtualNetworks: new Memo(),
      zoneScopes: new Memo(),
      zoneGets: new Memo(),
      zoneDetails: new Memo(),
      zoneGroups: new Memo(),
      privateEndpointLists: new Memo(),
      nicLists: new Memo(),
      virtualNetworkLists: new Memo()
    }
  }
}

/** A paged listing as the SDKs give it: its items and, from the generated clients, its pages. */
export type Paged<T> = AsyncIterable<T> & { byPage?: () => AsyncIterableIterator<T[]> }

/**
 * Hands every item of every page to `each`, in order, as its page arrives. The next page is asked
 * for before this one's items are handled: its request is on the wire meanwhile, and a listing of
 * twenty pages does not wait on its own handling twenty times (nor on everything else the thread
 * does between two pages).
 */
export async function eachItem<T>(items: Paged<T>, each: (item: T) => void): Promise<void> {
  if (!items.byPage) {
    for await (const item of items) each(item)
    return
  }
  const pages = items.byPage()
  let next = pages.next()
  for (;;) {
    const page = await next
    if (page.done) return
    next = pages.next()
    // Awaited on the next turn; if `each` throws first, its failure must not go unhandled.
    next.catch(() => undefined)
    for (const item of page.value) each(item)
  }
}

/** Every item of a paged listing, all pages. */
export async function listAll<T>(items: Paged<T>): Promise<T[]> {
  const result: T[] = []
  await eachItem(items, (item) => result.push(item))
  return result
}

/** A failure for something we could not even address (an ID that does not parse). */
export function badIdFailure(resource: string, what: string): ReadFailure {
  return {
    kind: 'error',
    resource,
    code: 'InvalidResourceId',
    message: `Not a valid ${what} ID: ${resource}`
  }
}

export function strings(values: (string | null | undefined)[] | null | undefined): string[] {
  return (values ?? []).filter((v): v is string => typeof v === 'string' && v !== '')
}
