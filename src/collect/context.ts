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

/** Every item of a paged listing, all pages; `onCount` hears how many arrived so far. */
export async function listAll<T>(
  items: AsyncIterable<T>,
  onCount?: (count: number) => void
): Promise<T[]> {
  const result: T[] = []
  for await (const item of items) {
    result.push(item)
    onCount?.(result.length)
  }
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
