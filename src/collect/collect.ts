/**
 * The collect stage: reads ARM into the plain, JSON-serialisable `Snapshot` the rules evaluate.
 *
 * Reads run concurrently under one bound (`concurrency`, enforced per HTTP request in the
 * pipeline); shared resources (a VNet, a zone, a scope's zone listing, a subscription's vault
 * listing) are read once per run. Every failure is recorded where the data would have been and
 * collection of everything else goes on: this function only throws on programming errors.
 *
 * Order: vaults (named: GET each, or the subscription's listing when many are named there, plus
 * those with an endpoint in a VNet a plan touches, planned.ts; else discovery) → per subscription, bulk or targeted reads of the private endpoints, NICs and
 * VNets (bulk.ts) → in bulk mode, the DNS zone groups that are still needed (those of vaults
 * without an A record as soon as the listings show it, the rest once each vault's snapshot is
 * built) → zones named by zone groups. Zone scopes and each kept zone's links and records are read
 * alongside from the start.
 * A 429 holds back every read of its subscription for its Retry-After (gate.ts).
 */
import type { TlsSettings } from '@azure/core-rest-pipeline'
import type { TokenCredential } from '@azure/identity'
import type { Cloud } from '../inputs/cloud.js'
import type { VaultRef } from '../inputs/inputs.js'
import { ErrorBodies, ok, type Read } from './arm-errors.js'
import { lastSegment, parseResourceId, parseScope, subscriptionScope } from '../common/arm-id.js'
import {
  BULK_THRESHOLD,
  listedNics,
  listedPrivateEndpoints,
  listedVirtualNetworks,
  startBulk
} from './bulk.js'
import { createClientFactory } from './clients.js'
import { createContext, type CollectContext, type ZoneRef } from './context.js'
import { dnsPathScopes, startDnsPath } from './dns-path.js'
import { readZoneGroups } from './endpoints.js'
import { ThrottleGate } from './gate.js'
import { createLimit } from './limit.js'
import { type EndpointVnet, vaultsWithEndpointsIn } from './planned.js'
import { DEFAULT_RETRY, type RetrySettings } from './retry.js'
import { sharedTokenCredential } from './tokens.js'
import { isPrivate } from '../common/ip.js'
import type {
  ARecordSetSnapshot,
  PrivateEndpointSnapshot,
  PrivateZoneSnapshot,
  ReadFailure,
  Snapshot,
  VaultSnapshot,
  VirtualNetworkSnapshot,
  ZoneScopeSnapshot
} from './snapshot.js'
import { TARGET_KINDS, targetNames, type TargetKind } from '../common/target.js'
import {
  discoverVaults,
  failedVault,
  kindOfId,
  listSubscriptionTargets,
  readNamedVault,
  type TargetRead,
  vaultSnapshot
} from './vaults.js'
import { getZone, isKeptZone, listZonesInScope, readZoneDetails } from './zones.js'

export interface CollectRequest {
  subscriptionId: string
  resourceGroup: string | null
  /** Empty: discover (resource group, else whole subscription). */
  vaults: VaultRef[]
  /** Normalised `/subscriptions/<id>` or `/subscriptions/<id>/resourceGroups/<rg>`. */
  dnsZoneScopes: string[]
  /** `armEndpoint` already has overrides applied. */
  cloud: Cloud
  /** `client-vnets`: VNet IDs whose DNS path is followed too (see dns-path.ts). */
  clientVnets?: string[]
  /** `client-vnets` said `peered`: every VNet peered with a private endpoint's VNet. */
  clientVnetsPeered?: boolean
  /**
   * With named `vaults`: also read the vaults with a private endpoint in these VNets (a plan
   * touches them; planned.ts).
   */
  endpointVnets?: EndpointVnet[]
}

export interface CollectOptions {
  /** Bound on concurrent ARM requests (default `DEFAULT_CONCURRENCY`). */
  concurrency?: number
  retry?: {
    maxRetries?: number
    baseDelayMs?: number
    maxDelayMs?: number
    timeoutMs?: number
    totalMs?: number
  }
  /** Progress lines (one every `progressIntervalMs` while collecting, plus start and end). */
  log?: (line: string) => void
  /** How often to log progress on long runs (default 5000 ms). */
  progressIntervalMs?: number
  /**
   * Extra TLS settings for the ARM clients, e.g. `{ ca: [...tls.rootCertificates, privateCa] }`
   * for a private cloud's ARM (or the tests' emulator). Default: Node's (NODE_EXTRA_CA_CERTS).
   */
  tlsOptions?: TlsSettings
  /**
   * From how many private endpoints (or named vaults) in one subscription on it is read in bulk
   * (default `BULK_THRESHOLD`). 0 or 1: always bulk; Infinity: never.
   */
  bulkThreshold?: number
}

/**
 * ARM limits reads by count (the bucket gate.ts follows), not by how many are in flight; the bound
 * keeps a run from opening a connection per read. 24 rather than 8: the zone groups of 100 broken
 * endpoints at 2,000 vaults, read once the records are in, take 5 round trips instead of 13 (bench).
 */
export const DEFAULT_CONCURRENCY = 24

export async function collect(
  req: CollectRequest,
  credential: TokenCredential,
  options: CollectOptions = {}
): Promise<Snapshot> {
  const started = Date.now()
  const log = options.log ?? (() => undefined)
  const limit = createLimit(options.concurrency ?? DEFAULT_CONCURRENCY)
  const gate = new ThrottleGate()
  const threshold = Math.max(1, options.bulkThreshold ?? envThreshold() ?? BULK_THRESHOLD)
  const errorBodies = new ErrorBodies()
  let armRequests = 0
  const clients = createClientFactory(sharedTokenCredential(credential), req.cloud.armEndpoint, {
    limit,
    gate,
    retry: retrySettings(options.retry),
    errorBodies,
    onRequest: () => {
      armRequests++
    },
    ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
  })
  const ctx = createContext(req.cloud, clients, errorBodies)

  const progress: { vaultsDone: number; vaultsTotal: number | null } = {
    vaultsDone: 0,
    vaultsTotal: req.vaults.length > 0 ? req.vaults.length : null // null until discovered
  }
  const seconds = (): string => ((Date.now() - started) / 1000).toFixed(1)
  const ticker = setInterval(() => {
    const total = progress.vaultsTotal === null ? '?' : String(progress.vaultsTotal)
    log(
      `Reading Azure: ${progress.vaultsDone}/${total} vault(s) done, ${armRequests} ARM request(s), ` +
        `${limit.active} in flight, ${limit.pending} queued, ` +
        `${(gate.waitedMs / 1000).toFixed(1)} s waiting on throttling (${seconds()} s)`
    )
  }, options.progressIntervalMs ?? 5000)
  ticker.unref?.()

  try {
    log(
      req.vaults.length > 0
        ? `Reading ${req.vaults.length} vault(s) from ${req.cloud.armEndpoint}`
        : `Discovering vaults in ${req.resourceGroup ? `resource group ${req.resourceGroup} of ` : ''}subscription ${req.subscriptionId}`
    )

    // Started now: its listing pages while the zone scopes and the DNS path are read.
    const endpointVaults =
      req.vaults.length > 0
        ? vaultsWithEndpointsIn(ctx, req.endpointVnets ?? [], req.vaults, log)
        : Promise.resolve([])

    // Zone scopes start at once, in parallel with the vaults.
    const vaultSubscriptions =
      req.vaults.length > 0 ? req.vaults.map(refSubscription) : [req.subscriptionId]
    const scopes = uniqueIgnoringCase([
      ...vaultSubscriptions.map(subscriptionScope),
      ...req.dnsZoneScopes
    ])
    const searchedSubscriptions = new Set(
      scopes.filter((s) => parseScope(s)?.resourceGroup === null).map((s) => s.toLowerCase())
    )
    const scopeReads = scopes.map(async (scope) => {
      const read = await listZonesInScope(ctx, scope, searchedSubscriptions)
      if (read.ok) {
        for (const zone of read.value)
          if (isKeptZone(zone.name, req.cloud)) void readZoneDetails(ctx, zone)
      }
      return { scope, read }
    })

    // The DNS path's VNets, resolvers and rulesets: a few listings per scope, from the start.
    const dnsPathReads = startDnsPath(ctx, {
      scopes: dnsPathScopes(vaultSubscriptions, req.dnsZoneScopes),
      clientVnets: req.clientVnets ?? [],
      peered: req.clientVnetsPeered ?? false
    })

    const discoveryFailures: ReadFailure[] = []
    const done = (snapshot: VaultSnapshot): VaultSnapshot => {
      progress.vaultsDone++
      return snapshot
    }
    type VaultRead = {
      name: string
      vault: TargetRead
      fallback: Parameters<typeof vaultSnapshot>[3]
    }
    const reads: (VaultRead | VaultSnapshot)[] = []

    const scopesRead = Promise.all(scopeReads)
    // In bulk mode, what decides which deferred zone groups to read; known once the zones are.
    let deciding: Promise<DecidingRecords> | null = null
    const decided = (): Promise<DecidingRecords> =>
      (deciding ??= scopesRead.then((scopes) => decidingRecords(ctx, scopes, req.cloud)))
    /** A vault's snapshot, with the deferred zone groups a finding may depend on. */
    const snapshotOf = async (r: VaultRead): Promise<VaultSnapshot> => {
      const snapshot = await vaultSnapshot(ctx, r.name, r.vault, r.fallback)
      if (Object.values(snapshot.privateEndpoints).some((pe) => pe?.dnsZoneGroupsSkipped)) {
        await readDeferredZoneGroups(ctx, snapshot, await decided())
      }
      return done(snapshot)
    }
    // Discovered vaults whose endpoints are all read in bulk: built as the listings page in, each
    // as soon as the pages that hold its endpoint, NIC and VNet are (the listings page side by
    // side, mostly waiting on ARM), instead of all at once after the last page. The zone groups
    // they need go out as soon as the records decide, while the vault listing may still page: its
    // next pages take a free slot ahead of them (gate.ts), so they do not lengthen its chain.
    const early = new Map<TargetRead, Promise<VaultSnapshot>>()
    if (req.vaults.length > 0) {
      const refs = [...req.vaults, ...(await endpointVaults)]
      // Many vaults named in one subscription: its listings (a request per 25 vaults or HSMs)
      // answer them instead of a GET each.
      const named = countBy(refs.map(refSubscription))
      const listed = new Set([...named].filter(([, n]) => n >= threshold).map(([sub]) => sub))
      // As on a discovery run: their private endpoints are most likely in the same subscription,
      // so its listings page alongside the vault listing instead of after it.
      for (const sub of listed) startBulk(ctx, sub)
      progress.vaultsTotal = refs.length
      const vaultReads = await Promise.all(
        refs.map(async (ref): Promise<VaultRead | VaultSnapshot | null> => {
          const subscriptionId = refSubscription(ref)
          const read = listed.has(subscriptionId.toLowerCase())
            ? await fromVaultListing(ctx, ref, subscriptionId)
            : await readNamedVault(ctx, ref)
          if (!read.ok) {
            if (ref.ifExists && read.failure.kind === 'not-found') return null
            return failedVault(ref, read.failure)
          }
          return {
            name: ref.name,
            vault: read.value,
            fallback: { subscriptionId, resourceGroup: ref.resourceGroup }
          }
        })
      )
      // A vault read only if it exists (a plan's stale record or endpoint) that does not: no entry.
      for (const read of vaultReads) if (read) reads.push(read)
      progress.vaultsTotal = reads.length
    } else {
      // Many vaults: their private endpoints are most likely in the same subscription, so its
      // bulk listings start while the vault listing is still paging (no page waits for another).
      const fallback = { subscriptionId: req.subscriptionId, resourceGroup: req.resourceGroup }
      const found = await discoverVaults(ctx, req.subscriptionId, req.resourceGroup, {
        onCount: (n) => {
          if (n === threshold) startBulk(ctx, req.subscriptionId)
        },
        onTarget: (vault) => {
          const subscriptions = endpointSubscriptions(vault)
          if (subscriptions.length === 0 || !subscriptions.every((sub) => ctx.bulk.has(sub))) return
          const name = vault.name ?? lastSegment(vault.id ?? '')
          early.set(vault, snapshotOf({ name, vault, fallback }))
        }
      })
      discoveryFailures.push(...found.failures)
      const list = found.targets
      progress.vaultsTotal = list.length
      for (const vault of list) {
        reads.push({ name: vault.name ?? lastSegment(vault.id ?? ''), vault, fallback })
      }
    }

    // Bulk or targeted, per subscription of the private endpoints to read.
    const peSubscriptions = countBy(
      reads.flatMap((r) =>
        'vault' in r
          ? uniqueIgnoringCase(
              r.vault.connections.map((c) => c.privateEndpointId ?? '').filter((id) => id !== '')
            ).map((id) => parseScopeOfId(id))
          : []
      )
    )
    for (const [sub, n] of peSubscriptions) if (sub && n >= threshold) startBulk(ctx, sub)
    if (ctx.bulk.size > 0) {
      log(
        `Reading subscription(s) ${[...ctx.bulk].join(', ')} in bulk: private endpoints, NICs ` +
          `and VNets from one listing each instead of a GET per resource`
      )
    }

    const turn = pacer(SNAPSHOTS_PER_TURN)
    // A vault without an A record is known from the listings alone: its endpoints' zone groups
    // are sent for before any snapshot is built.
    const unrecordedSent =
      ctx.bulk.size > 0 ? readZoneGroupsOfUnrecorded(ctx, reads, decided) : Promise.resolve()
    const vaultTasks = reads.map(async (r) => {
      if (!('vault' in r)) return done(r)
      const started = early.get(r.vault)
      if (started) return started
      // A vault read from bulk listings once they are in is answered by the same listings as
      // thousands of others, so all their snapshots would be built in one go, with no I/O in
      // between: built a few hundred per turn of the event loop instead, the zone group reads go
      // out and come back meanwhile. A vault whose endpoints are read by GET does not wait.
      const bulkSubscriptions = endpointSubscriptions(r.vault).filter((sub) => ctx.bulk.has(sub))
      if (bulkSubscriptions.length > 0) {
        await Promise.all(bulkSubscriptions.map((sub) => bulkListings(ctx, sub)))
        // Those zone groups go out first: building snapshots holds the thread for a while.
        await unrecordedSent
        await turn()
      }
      return snapshotOf(r)
    })
    const vaults = await Promise.all(vaultTasks)
    // A vault of a discovery listing that failed after its page came is no part of the result;
    // its reads are let finish, so that none is still out once collect returns.
    await Promise.all(early.values())
    const scopeResults = await scopesRead

    const zoneFailures = await readZoneGroupZones(
      ctx,
      vaults,
      scopeResults.map((s) => s.read)
    )
    const dnsPath = await dnsPathReads.finish(
      vaults.flatMap((vault) =>
        Object.values(vault.privateEndpoints).flatMap((pe) => (pe?.vnetId ? [pe.vnetId] : []))
      )
    )
    const zones = (await ctx.memo.zoneDetails.values()).sort(byNameThenId)
    const virtualNetworks: Snapshot['virtualNetworks'] = {}
    for (const [key, read] of (await ctx.memo.virtualNetworks.entries()).sort(byKey)) {
      virtualNetworks[key] = read.ok ? read.value : { failure: read.failure }
    }
    const zoneScopes: ZoneScopeSnapshot[] = scopeResults.map(({ scope, read }) => ({
      scope,
      failure: read.ok ? null : read.failure
    }))

    const snapshot: Snapshot = {
      cloud: req.cloud.name,
      privateLinkZone: req.cloud.privateLinkZone,
      vaultDnsSuffix: req.cloud.vaultDnsSuffix,
      vaults,
      discoveryFailures,
      zoneScopes,
      zones,
      zoneFailures,
      virtualNetworks,
      dnsPath,
      armRequests
    }
    log(
      summaryLine(snapshot, seconds()) +
        (gate.throttled > 0
          ? `; ARM throttled ${gate.throttled} request(s), ${(gate.waitedMs / 1000).toFixed(1)} s spent waiting`
          : '')
    )
    return snapshot
  } finally {
    clearInterval(ticker)
  }
}

/**
 * Zones named by PE DNS zone groups: taken from a scope listing when one holds them (even when
 * their name is no near miss), else read by ID. Returns the ones that could not be read.
 */
async function readZoneGroupZones(
  ctx: CollectContext,
  vaults: VaultSnapshot[],
  listings: Read<ZoneRef[]>[]
): Promise<ReadFailure[]> {
  const listed = new Map<string, ZoneRef>()
  for (const listing of listings) {
    if (!listing.ok) continue
    for (const zone of listing.value) listed.set(zone.id.toLowerCase(), zone)
  }
  const named = new Map<string, string>()
  for (const vault of vaults) {
    for (const pe of Object.values(vault.privateEndpoints)) {
      for (const group of pe?.dnsZoneGroups ?? []) {
        for (const config of group.configs) {
          if (config.privateDnsZoneId)
            named.set(config.privateDnsZoneId.toLowerCase(), config.privateDnsZoneId)
        }
      }
    }
  }
  const failures: ReadFailure[] = []
  await Promise.all(
    [...named].map(async ([key, id]) => {
      const known = listed.get(key)
      if (known) {
        await readZoneDetails(ctx, known)
        return
      }
      const read = await getZone(ctx, id)
      if (read.ok) await readZoneDetails(ctx, read.value)
      else failures.push(read.failure)
    })
  )
  return failures.sort((a, b) => a.resource.localeCompare(b.resource))
}

/**
 * A named vault from its subscription's listings (key vaults first, then managed HSMs); a GET
 * when the listings lack it or failed.
 */
async function fromVaultListing(
  ctx: CollectContext,
  ref: VaultRef,
  subscriptionId: string
): Promise<Read<TargetRead>> {
  const idKind = ref.id ? kindOfId(parseResourceId(ref.id)) : null
  const kinds: readonly TargetKind[] = idKind ? [idKind] : TARGET_KINDS
  const name = ref.name.toLowerCase()
  const rg = ref.resourceGroup?.toLowerCase()
  for (const kind of kinds) {
    const listing = await listSubscriptionTargets(ctx, kind, subscriptionId)
    if (!listing.ok) continue
    const found = listing.value.find((v) => {
      if (ref.id) return (v.id ?? '').toLowerCase() === ref.id.toLowerCase()
      const parsed = v.id ? parseResourceId(v.id) : null
      return (
        (v.name ?? '').toLowerCase() === name &&
        (rg === undefined || parsed?.resourceGroup.toLowerCase() === rg)
      )
    })
    if (found) return ok(found)
  }
  // Not listed (or no listing): the GET gives ARM's own 404 / 403 for it.
  return readNamedVault(ctx, ref)
}

/**
 * Bulk mode deferred the DNS zone groups (ARM has no subscription-wide list of them: a request
 * per private endpoint). They are read only where a rule's finding or fix could depend on them
 * (docs/rules.md, "DNS zone groups in bulk mode"):
 * - every endpoint, unless all zone scopes were read and every kept zone is a privatelink
 *   zone itself, one per target kind (a near-miss zone, a missing zone or two exact zones: which zone a group names is
 *   what tells ZONE-MISNAMED from ZONE-MISSING, and which exact zone a link fix should use);
 * - an endpoint whose vault has no A record named after it there (a group may point at a
 *   misnamed zone outside the scopes searched: a misnamed zone rather than a missing one);
 * - an endpoint whose fix may be to recreate it (connection neither Approved nor Pending, not
 *   provisioned Succeeded, unreadable NICs, more than one or a non-private IP): the recreate fix
 *   restores its zone groups.
 * Otherwise the record alone decides every DNS finding (right IP, wrong IP, TTL); a zone group
 * could only name the zone that holds it.
 *
 * Per kind, the A records of its one privatelink zone by lower-cased name (one lookup per vault,
 * not a scan of the zone's records); a kind without such a zone has none, and every endpoint of
 * that kind is read.
 */
type DecidingRecords = Map<TargetKind, Map<string, ARecordSetSnapshot>>

async function decidingRecords(
  ctx: CollectContext,
  scopes: { read: Read<ZoneRef[]> }[],
  cloud: CollectRequest['cloud']
): Promise<DecidingRecords> {
  const kept = new Map<string, ZoneRef>()
  for (const scope of scopes) {
    if (!scope.read.ok) continue
    for (const zone of scope.read.value)
      if (isKeptZone(zone.name, cloud)) kept.set(zone.id.toLowerCase(), zone)
  }
  const zoneOf = (kind: TargetKind): string =>
    targetNames(cloud.name, kind, {
      hostSuffix: cloud.vaultDnsSuffix,
      zone: cloud.privateLinkZone
    }).zone.toLowerCase()
  const named = (zone: ZoneRef): string => zone.name.toLowerCase().replace(/\.$/, '')
  const exactNames = TARGET_KINDS.map(zoneOf)
  const clean =
    scopes.every((s) => s.read.ok) && [...kept.values()].every((z) => exactNames.includes(named(z)))
  const records: DecidingRecords = new Map()
  for (const kind of TARGET_KINDS) {
    const zones = [...kept.values()].filter((z) => named(z) === zoneOf(kind))
    const only = zones.length === 1 ? zones[0] : undefined
    if (!clean || !only) continue
    const exact = await readZoneDetails(ctx, only)
    if (exact.recordsFailure) continue
    const byName = new Map<string, ARecordSetSnapshot>()
    for (const record of exact.aRecords) {
      const name = record.name.toLowerCase()
      if (!byName.has(name)) byName.set(name, record)
    }
    records.set(kind, byName)
  }
  return records
}

function hasRecord(records: DecidingRecords, kind: TargetKind, name: string): boolean {
  return records.get(kind)?.has(name.toLowerCase()) ?? false
}

/**
 * Starts reading the zone groups of the listed endpoints of the vaults that have no A record
 * (above), from the vault, zone and private endpoint listings, before any snapshot is built.
 * An endpoint missing from its listing is gone: nothing to read.
 */
async function readZoneGroupsOfUnrecorded(
  ctx: CollectContext,
  reads: ({ name: string; vault: TargetRead } | VaultSnapshot)[],
  decided: () => Promise<DecidingRecords>
): Promise<void> {
  const records = await decided()
  const listings = new Map(
    await Promise.all(
      [...ctx.bulk].map(async (sub) => [sub, await listedPrivateEndpoints(ctx, sub)] as const)
    )
  )
  // Sent in one go, with no await between them: the snapshots built meanwhile would otherwise
  // run between every two sends (at 2,000 vaults they went out over 200 ms instead of at once).
  for (const read of reads) {
    if (!('vault' in read) || hasRecord(records, read.vault.kind, read.name)) continue
    for (const connection of read.vault.connections) {
      const peId = connection.privateEndpointId ?? ''
      const listing = listings.get(parseScopeOfId(peId).toLowerCase())
      const listed = listing?.ok ? listing.value.get(peId.toLowerCase()) : undefined
      if (listed) void readZoneGroups(ctx, listed.id ?? peId)
    }
  }
}

/** Reads the deferred zone groups of one vault's endpoints that a finding may depend on (above). */
async function readDeferredZoneGroups(
  ctx: CollectContext,
  vault: VaultSnapshot,
  records: DecidingRecords
): Promise<void> {
  const recorded = hasRecord(records, vault.kind ?? 'vault', vault.name)
  const needed: PrivateEndpointSnapshot[] = []
  for (const [key, pe] of Object.entries(vault.privateEndpoints)) {
    if (!pe?.dnsZoneGroupsSkipped) continue
    if (!recorded || mayBeRecreated(vault, key, pe)) needed.push(pe)
  }
  if (needed.length === 0) return
  await Promise.all(
    needed.map(async (pe) => {
      const groups = await readZoneGroups(ctx, pe.id)
      pe.dnsZoneGroups = groups.ok ? groups.value : []
      pe.dnsZoneGroupsFailure = groups.ok ? null : groups.failure
      delete pe.dnsZoneGroupsSkipped
    })
  )
}

/** Vault snapshots built per turn of the event loop in bulk mode (see `collect`). */
const SNAPSHOTS_PER_TURN = 200

/** A bulk subscription's three listings, settled (they never reject). */
async function bulkListings(ctx: CollectContext, subscriptionId: string): Promise<void> {
  await Promise.all([
    listedPrivateEndpoints(ctx, subscriptionId),
    listedNics(ctx, subscriptionId),
    listedVirtualNetworks(ctx, subscriptionId)
  ])
}

/** The subscriptions (lower-cased) of a vault's private endpoints. */
function endpointSubscriptions(vault: TargetRead): string[] {
  return [
    ...new Set(
      vault.connections.map((c) => parseScopeOfId(c.privateEndpointId ?? '').toLowerCase())
    )
  ]
}

/**
 * A turn for each caller: the first `per` callers get the next turn of the event loop, the next
 * `per` the one after, and so on, each after I/O had its chance.
 */
function pacer(per: number): () => Promise<void> {
  let callers = 0
  let turn: Promise<void> = Promise.resolve()
  return () => {
    if (callers++ % per === 0) {
      turn = turn.then(() => new Promise<void>((resolve) => setImmediate(resolve)))
    }
    return turn
  }
}

/** Whether a finding on this endpoint may tell the user to recreate it (see above). */
function mayBeRecreated(vault: VaultSnapshot, peKey: string, pe: PrivateEndpointSnapshot): boolean {
  const succeeded = (state: string | null | undefined): boolean =>
    (state ?? '').toLowerCase() === 'succeeded'
  const connections = vault.connections.filter(
    (c) => (c.privateEndpointId ?? '').toLowerCase() === peKey
  )
  const ips = new Set([
    ...pe.nicIps,
    ...(pe.ipConfigurations ?? []).map((c) => c.privateIpAddress).filter((ip) => ip !== '')
  ])
  return (
    !succeeded(pe.provisioningState) ||
    connections.length === 0 ||
    connections.some(
      (c) =>
        !['approved', 'pending'].includes(c.status.toLowerCase()) || !succeeded(c.provisioningState)
    ) ||
    pe.nicFailures.length > 0 ||
    ips.size !== 1 ||
    [...ips].some((ip) => !isPrivate(ip))
  )
}

/**
 * `KVPLD_BULK_THRESHOLD`: overrides `BULK_THRESHOLD` for a run (the benchmark measures the
 * crossover with it: 1 = always bulk, a huge number = never). Not an input: users need not tune it.
 */
function envThreshold(): number | undefined {
  const value = Number(process.env.KVPLD_BULK_THRESHOLD ?? '')
  return process.env.KVPLD_BULK_THRESHOLD && value >= 0 ? value : undefined
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) {
    const k = key.toLowerCase()
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return counts
}

/** The subscription of a resource ID ('' when it does not parse). */
function parseScopeOfId(id: string): string {
  return /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1] ?? ''
}

function retrySettings(options: CollectOptions['retry']): RetrySettings {
  const settings = { ...DEFAULT_RETRY }
  for (const key of Object.keys(settings) as (keyof RetrySettings)[]) {
    const value = options?.[key]
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) settings[key] = value
  }
  return settings
}

function refSubscription(ref: VaultRef): string {
  return (ref.id ? parseResourceId(ref.id)?.subscriptionId : undefined) ?? ref.subscriptionId
}

function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Set<string>()
  return values.filter((v) => {
    const key = v.toLowerCase().replace(/\/+$/, '')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function byNameThenId(a: PrivateZoneSnapshot, b: PrivateZoneSnapshot): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
}

function byKey<T>(a: [string, T], b: [string, T]): number {
  return a[0].localeCompare(b[0])
}

function summaryLine(snapshot: Snapshot, seconds: string): string {
  const vnets = Object.values(snapshot.virtualNetworks).filter(
    (v): v is VirtualNetworkSnapshot => !('failure' in v)
  ).length
  const failures =
    snapshot.vaults.filter((v) => v.failure).length +
    snapshot.discoveryFailures.length +
    snapshot.zoneScopes.filter((s) => s.failure).length
  return (
    `Read ${snapshot.vaults.length} vault(s), ${snapshot.zones.length} private DNS zone(s) and ` +
    `${vnets} VNet(s) with ${snapshot.armRequests} ARM request(s) in ${seconds} s` +
    (failures > 0 ? ` (${failures} vault/scope read(s) failed)` : '')
  )
}
