/** Reading ARM resource IDs: names, resource groups, subscriptions and role-assignment scopes. */

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
  return segments(id).at(-1) ?? id
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
