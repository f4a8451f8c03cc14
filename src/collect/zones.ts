/**
 * Private DNS zones: listed per scope (subscription or resource group, each once), filtered to
 * the privatelink zones (key vaults', managed HSMs') and near misses, plus zones named by PE DNS zone groups; for each kept
 * zone, its VNet links and A record sets (each zone once).
 */
import type {
  PrivateDnsManagementClient,
  PrivateZone,
  RecordSet,
  VirtualNetworkLink,
  VirtualNetworkLinksListOptionalParams
} from '@azure/arm-privatedns'
import type { Cloud } from '../inputs/cloud.js'
import { failed, ok, type Read } from './arm-errors.js'
import { parseResourceId, parseScope, subscriptionScope } from '../common/arm-id.js'
import { privateLinkZones } from '../common/target.js'
import { badIdFailure, type CollectContext, listAll, strings, type ZoneRef } from './context.js'
import { rawJsonBody } from './retry.js'
import type {
  ARecordSetSnapshot,
  PrivateZoneSnapshot,
  ReadFailure,
  VirtualNetworkLinkSnapshot
} from './snapshot.js'

/**
 * A privatelink zone of either kind itself, or a near miss: any zone whose name contains `vault`
 * (key vaults: `privatelink.vault.azure.net`, `vaultcore.azure.net`, ...) or `hsm` (managed
 * HSMs: `privatelink.managedhsm.azure.com`, `hsm.azure.net`, ...).
 */
export function isKeptZone(name: string, cloud: Cloud): boolean {
  const lower = name.toLowerCase().replace(/\.$/, '')
  const exact = [cloud.privateLinkZone, ...privateLinkZones(cloud.name)]
  return (
    exact.some((zone) => zone.toLowerCase() === lower) ||
    lower.includes('vault') ||
    lower.includes('hsm')
  )
}

/**
 * Every zone in a scope. A resource group whose subscription is also searched is answered from
 * the subscription's listing (no extra request) unless that listing failed.
 */
export function listZonesInScope(
  ctx: CollectContext,
  scope: string,
  searchedSubscriptions: ReadonlySet<string>
): Promise<Read<ZoneRef[]>> {
  return ctx.memo.zoneScopes.get(scope, async () => {
    const parsed = parseScope(scope)
    if (!parsed) return failed(badIdFailure(scope, 'subscription or resource group scope'))
    const { subscriptionId, resourceGroup } = parsed
    if (resourceGroup === null) {
      return ctx.read(scope, async () =>
        (await listAll(ctx.clients(subscriptionId).privateDns.privateZones.list())).map(zoneRef)
      )
    }
    const wholeScope = subscriptionScope(subscriptionId)
    if (searchedSubscriptions.has(wholeScope.toLowerCase())) {
      const whole = await listZonesInScope(ctx, wholeScope, searchedSubscriptions)
      if (whole.ok) {
        const rg = resourceGroup.toLowerCase()
        return ok(
          whole.value.filter((z) => parseResourceId(z.id)?.resourceGroup.toLowerCase() === rg)
        )
      }
    }
    return ctx.read(scope, async () =>
      (
        await listAll(
          ctx.clients(subscriptionId).privateDns.privateZones.listByResourceGroup(resourceGroup)
        )
      ).map(zoneRef)
    )
  })
}

/** GET one zone (named by a DNS zone group but not found in any searched scope). */
export function getZone(ctx: CollectContext, zoneId: string): Promise<Read<ZoneRef>> {
  return ctx.memo.zoneGets.get(zoneId, async () => {
    const parsed = parseResourceId(zoneId)
    if (!parsed || parsed.types.length !== 1)
      return failed(badIdFailure(zoneId, 'private DNS zone'))
    const read = await ctx.read(zoneId, () =>
      ctx
        .clients(parsed.subscriptionId)
        .privateDns.privateZones.get(parsed.resourceGroup, parsed.name)
    )
    return read.ok ? ok(zoneRef(read.value)) : read
  })
}

/** A kept zone with its VNet links and A record sets (all pages). */
export function readZoneDetails(ctx: CollectContext, zone: ZoneRef): Promise<PrivateZoneSnapshot> {
  return ctx.memo.zoneDetails.get(zone.id, async () => {
    const parsed = parseResourceId(zone.id)
    const subscriptionId = parsed?.subscriptionId ?? ''
    const resourceGroup = parsed?.resourceGroup ?? ''
    const base = { id: zone.id, name: zone.name, subscriptionId, resourceGroup }
    if (!parsed) {
      const failure = badIdFailure(zone.id, 'private DNS zone')
      return { ...base, links: [], linksFailure: failure, aRecords: [], recordsFailure: failure }
    }
    const dns = ctx.clients(subscriptionId).privateDns
    const [links, records] = await Promise.all([
      ctx.read(`${zone.id}/virtualNetworkLinks`, () => listLinks(dns, resourceGroup, zone.name)),
      ctx.read(`${zone.id}/A`, () =>
        listAll(
          ctx.clients(subscriptionId).network.privateDnsRecordSets.listA(resourceGroup, zone.name)
        )
      )
    ])
    return {
      ...base,
      links: links.ok ? links.value : [],
      linksFailure: failureOf(links),
      aRecords: records.ok ? records.value.map(aRecordSet) : [],
      recordsFailure: failureOf(records)
    }
  })
}

/**
 * The SDK (api-version 2020-06-01 models) drops `properties.resolutionPolicy`, so the raw page
 * bodies are read alongside the typed items.
 */
async function listLinks(
  dns: PrivateDnsManagementClient,
  resourceGroup: string,
  zoneName: string
): Promise<VirtualNetworkLinkSnapshot[]> {
  const policies = new Map<string, string>()
  const onResponse: VirtualNetworkLinksListOptionalParams['onResponse'] = (raw) => {
    for (const [id, policy] of rawResolutionPolicies(rawJsonBody(raw))) policies.set(id, policy)
  }
  const links = await listAll(dns.virtualNetworkLinks.list(resourceGroup, zoneName, { onResponse }))
  return links.map((link) => virtualNetworkLink(link, policies))
}

/** `resolutionPolicy` by lower-cased link ID, from a raw list page. */
function rawResolutionPolicies(body: unknown): [string, string][] {
  const items = (body as { value?: unknown } | null)?.value
  if (!Array.isArray(items)) return []
  const result: [string, string][] = []
  for (const item of items as ({
    id?: unknown
    properties?: { resolutionPolicy?: unknown }
  } | null)[]) {
    const policy = item?.properties?.resolutionPolicy
    if (typeof item?.id === 'string' && typeof policy === 'string') {
      result.push([item.id.toLowerCase(), policy])
    }
  }
  return result
}

function virtualNetworkLink(
  link: VirtualNetworkLink,
  policies: ReadonlyMap<string, string>
): VirtualNetworkLinkSnapshot {
  const fromModel = (link as { resolutionPolicy?: unknown }).resolutionPolicy
  return {
    id: link.id ?? '',
    name: link.name ?? '',
    virtualNetworkId: link.virtualNetwork?.id ?? '',
    virtualNetworkLinkState: link.virtualNetworkLinkState ?? null,
    provisioningState: link.provisioningState ?? null,
    registrationEnabled: link.registrationEnabled ?? false,
    resolutionPolicy:
      policies.get((link.id ?? '').toLowerCase()) ??
      (typeof fromModel === 'string' ? fromModel : null)
  }
}

function aRecordSet(set: RecordSet): ARecordSetSnapshot {
  return {
    id: set.id ?? '',
    name: set.name ?? '',
    fqdn: set.fqdn ?? null,
    ttl: typeof set.ttl === 'number' ? set.ttl : null,
    ipv4Addresses: strings((set.aRecords ?? []).map((r) => r.ipv4Address))
  }
}

function zoneRef(zone: PrivateZone): ZoneRef {
  return { id: zone.id ?? '', name: zone.name ?? '' }
}

function failureOf<T>(read: Read<T>): ReadFailure | null {
  return read.ok ? null : read.failure
}
