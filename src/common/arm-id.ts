/** Small helpers for ARM resource IDs (case-insensitive, `/subscriptions/<id>/resourceGroups/<rg>/providers/...`). */

export interface ParsedResourceId {
  subscriptionId: string
  resourceGroup: string
  /** Resource provider namespace, e.g. `Microsoft.Network`. */
  provider: string
  /** Resource type segments, e.g. `['virtualNetworks', 'subnets']`. */
  types: string[]
  /** Resource names, one per type segment. */
  names: string[]
  /** The last name (the resource's own name). */
  name: string
}

const RESOURCE_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/(.+?)\/?$/i

export function parseResourceId(id: string): ParsedResourceId | null {
  const match = RESOURCE_ID.exec(id.trim())
  if (!match) return null
  const [, subscriptionId, resourceGroup, provider, rest] = match
  const parts = (rest ?? '').split('/')
  if (parts.length < 2 || parts.length % 2 !== 0 || parts.some((p) => p === '')) return null
  const types: string[] = []
  const names: string[] = []
  for (let i = 0; i < parts.length; i += 2) {
    types.push(parts[i] as string)
    names.push(decodeURIComponent(parts[i + 1] as string))
  }
  return {
    subscriptionId: subscriptionId as string,
    resourceGroup: decodeURIComponent(resourceGroup as string),
    provider: provider as string,
    types,
    names,
    name: names[names.length - 1] as string
  }
}

/** True when `id` parses and is of `provider/type` (case-insensitive), e.g. `Microsoft.Network/privateEndpoints`. */
export function isResourceOfType(
  parsed: ParsedResourceId | null,
  providerAndType: string
): boolean {
  if (!parsed) return false
  const actual = `${parsed.provider}/${parsed.types.join('/')}`
  return actual.toLowerCase() === providerAndType.toLowerCase()
}

/** The last path segment of an ID (a resource's name), or the ID itself. */
export function lastSegment(id: string): string {
  return nameOf(id)
}

/** `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/x` → the VNet's ID. */
export function vnetIdFromSubnetId(subnetId: string): string | null {
  const match =
    /^(.*\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)\/subnets\/[^/]+\/?$/i.exec(
      subnetId.trim()
    )
  return match ? (match[1] as string) : null
}

export interface ParsedScope {
  subscriptionId: string
  resourceGroup: string | null
}

/** `/subscriptions/<id>` or `/subscriptions/<id>/resourceGroups/<rg>`. */
export function parseScope(scope: string): ParsedScope | null {
  const match = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?\/?$/i.exec(scope.trim())
  if (!match) return null
  return { subscriptionId: match[1] as string, resourceGroup: match[2] ?? null }
}

export function subscriptionScope(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`
}

export function resourceGroupScope(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`
}

export function vaultResourceId(
  subscriptionId: string,
  resourceGroup: string | null,
  name: string
): string {
  const scope = resourceGroup
    ? resourceGroupScope(subscriptionId, resourceGroup)
    : subscriptionScope(subscriptionId)
  return `${scope}/providers/Microsoft.KeyVault/vaults/${name}`
}

/**
 * Subscription, resource group and name of an ID, without checking the provider part (ARM's own
 * examples carry IDs such as `.../provders/Microsoft.Network/networkInterfaces/x`).
 */
export function parseLooseId(
  id: string
): { subscriptionId: string; resourceGroup: string; name: string } | null {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/.+\/([^/]+)\/?$/i.exec(
    id.trim()
  )
  if (!match) return null
  return {
    subscriptionId: match[1] as string,
    resourceGroup: decodeURIComponent(match[2] as string),
    name: decodeURIComponent(match[3] as string)
  }
}

function segments(id: string): string[] {
  return id.split('/').filter((part) => part !== '')
}

function valueAfter(id: string, key: string): string | null {
  const parts = segments(id)
  const index = parts.findIndex((part) => part.toLowerCase() === key.toLowerCase())
  return index >= 0 && index + 1 < parts.length ? (parts[index + 1] ?? null) : null
}

/** The last segment of an ID: the resource's name. */
export function nameOf(id: string): string {
  // The last non-empty segment, found from the end: messages name resources by it thousands of
  // times a run, and splitting the whole ID for it made an array of every segment each time.
  let end = id.length
  while (end > 0 && id[end - 1] === '/') end--
  const start = id.lastIndexOf('/', end - 1) + 1
  return end > start ? id.slice(start, end) : id
}

export function subscriptionOf(id: string): string | null {
  return valueAfter(id, 'subscriptions')
}

export function resourceGroupOf(id: string): string | null {
  return valueAfter(id, 'resourceGroups')
}

/**
 * The ARM scope a role assignment can target for what was read: the resource itself, or the
 * resource group / subscription that was listed. A collection path such as
 * `…/privateDnsZones/z/virtualNetworkLinks` becomes the zone's ID.
 */
export function roleScope(idOrScope: string): string {
  const parts = segments(idOrScope)
  const providers = parts.findIndex((part) => part.toLowerCase() === 'providers')
  if (providers < 0) {
    // `/subscriptions/s`, `/subscriptions/s/resourceGroups/rg`, or a collection under them.
    const even = parts.length % 2 === 0 ? parts : parts.slice(0, -1)
    return '/' + even.join('/')
  }
  // After `providers/<namespace>` come type/name pairs; an odd count ends with a collection.
  const head = parts.slice(0, providers)
  const rest = parts.slice(providers + 2)
  if (rest.length === 0) return '/' + head.join('/')
  const pairs = rest.length % 2 === 0 ? rest : rest.slice(0, -1)
  if (pairs.length === 0) return '/' + head.join('/')
  return '/' + [...parts.slice(0, providers + 2), ...pairs].join('/')
}

/** `vnet/subnet` from a subnet ID, for messages. */
export function subnetLabel(subnetId: string): string {
  const vnet = valueAfter(subnetId, 'virtualNetworks')
  const subnet = valueAfter(subnetId, 'subnets')
  return vnet && subnet ? `${vnet}/${subnet}` : nameOf(subnetId)
}
