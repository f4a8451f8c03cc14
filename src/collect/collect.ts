/**
 * The collect stage: reads ARM into the plain, JSON-serialisable `Snapshot` the rules evaluate.
 *
 * Reads run concurrently under one bound (`concurrency`, enforced per HTTP request in the
 * pipeline); shared resources (a VNet, a zone, a scope's zone listing, a subscription's vault
 * listing) are read once per run. Every failure is recorded where the data would have been and
 * collection of everything else goes on: this function only throws on programming errors.
 */
import type { TlsSettings } from '@azure/core-rest-pipeline'
import type { TokenCredential } from '@azure/identity'
import type { Cloud } from '../inputs/cloud.js'
import type { VaultRef } from '../inputs/inputs.js'
import { ErrorBodies, type Read } from './arm-errors.js'
import { lastSegment, parseResourceId, parseScope, subscriptionScope } from './arm-id.js'
import { createClientFactory } from './clients.js'
import { createContext, type CollectContext, type ZoneRef } from './context.js'
import { createLimit } from './limit.js'
import { DEFAULT_RETRY, type RetrySettings } from './retry.js'
import { sharedTokenCredential } from './tokens.js'
import type {
  PrivateZoneSnapshot,
  ReadFailure,
  Snapshot,
  VaultSnapshot,
  VirtualNetworkSnapshot,
  ZoneScopeSnapshot
} from './snapshot.js'
import { discoverVaults, failedVault, readNamedVault, vaultSnapshot } from './vaults.js'
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
}

export interface CollectOptions {
  /** Bound on concurrent ARM requests (default 8). */
  concurrency?: number
  retry?: { maxRetries?: number; baseDelayMs?: number; maxDelayMs?: number; timeoutMs?: number }
  /** Progress lines (one every `progressIntervalMs` while collecting, plus start and end). */
  log?: (line: string) => void
  /** How often to log progress on long runs (default 5000 ms). */
  progressIntervalMs?: number
  /**
   * Extra TLS settings for the ARM clients, e.g. `{ ca: [...tls.rootCertificates, privateCa] }`
   * for a private cloud's ARM (or the tests' emulator). Default: Node's (NODE_EXTRA_CA_CERTS).
   */
  tlsOptions?: TlsSettings
}

export const DEFAULT_CONCURRENCY = 8

export async function collect(
  req: CollectRequest,
  credential: TokenCredential,
  options: CollectOptions = {}
): Promise<Snapshot> {
  const started = Date.now()
  const log = options.log ?? (() => undefined)
  const limit = createLimit(options.concurrency ?? DEFAULT_CONCURRENCY)
  const errorBodies = new ErrorBodies()
  let armRequests = 0
  const clients = createClientFactory(sharedTokenCredential(credential), req.cloud.armEndpoint, {
    limit,
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
        `${limit.active} in flight, ${limit.pending} queued (${seconds()} s)`
    )
  }, options.progressIntervalMs ?? 5000)
  ticker.unref?.()

  try {
    log(
      req.vaults.length > 0
        ? `Reading ${req.vaults.length} vault(s) from ${req.cloud.armEndpoint}`
        : `Discovering vaults in ${req.resourceGroup ? `resource group ${req.resourceGroup} of ` : ''}subscription ${req.subscriptionId}`
    )

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

    const discoveryFailures: ReadFailure[] = []
    const done = (snapshot: VaultSnapshot): VaultSnapshot => {
      progress.vaultsDone++
      return snapshot
    }
    let vaultTasks: Promise<VaultSnapshot>[]
    if (req.vaults.length > 0) {
      vaultTasks = req.vaults.map(async (ref) => {
        const read = await readNamedVault(ctx, ref)
        if (!read.ok) return done(failedVault(ref, read.failure))
        return done(
          await vaultSnapshot(ctx, ref.name, read.value, {
            subscriptionId: refSubscription(ref),
            resourceGroup: ref.resourceGroup
          })
        )
      })
    } else {
      const found = await discoverVaults(ctx, req.subscriptionId, req.resourceGroup)
      if (!found.ok) discoveryFailures.push(found.failure)
      const list = found.ok ? found.value : []
      progress.vaultsTotal = list.length
      vaultTasks = list.map(async (vault) =>
        done(
          await vaultSnapshot(ctx, vault.name ?? lastSegment(vault.id ?? ''), vault, {
            subscriptionId: req.subscriptionId,
            resourceGroup: req.resourceGroup
          })
        )
      )
    }
    const vaults = await Promise.all(vaultTasks)
    const scopeResults = await Promise.all(scopeReads)

    const zoneFailures = await readZoneGroupZones(
      ctx,
      vaults,
      scopeResults.map((s) => s.read)
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
      armRequests
    }
    log(summaryLine(snapshot, seconds()))
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
