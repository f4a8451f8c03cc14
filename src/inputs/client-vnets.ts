/**
 * `client-vnets`: VNets whose workloads must reach the vaults privately (see the contract's
 * "Client VNets and the DNS path"). Entries: a full VNet resource ID, `<resource-group>/<vnet>`
 * in `subscription-id`, or the word `peered` (every VNet peered with a private endpoint's VNet).
 */
import { InputError, isGuid, isResourceGroupName, show, splitList } from './parse.js'

export interface ClientVnets {
  /** Full VNet IDs, deduplicated (case-insensitive). */
  ids: string[]
  peered: boolean
}

const VNET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9_]$/

const ALLOWED =
  'expected a VNet resource ID (/subscriptions/<GUID>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<name>), ' +
  "<resource-group>/<vnet> in 'subscription-id', or the word 'peered'"

export function parseClientVnets(raw: string, subscriptionId: string): ClientVnets {
  const ids = new Map<string, string>()
  let peered = false
  for (const entry of splitList(raw)) {
    if (entry.toLowerCase() === 'peered') {
      peered = true
      continue
    }
    const id = parseEntry(entry, subscriptionId)
    if (!ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), id)
  }
  return { ids: [...ids.values()], peered }
}

function parseEntry(entry: string, subscriptionId: string): string {
  const bad = (what: string): InputError =>
    new InputError('client-vnets', `Input 'client-vnets' has '${show(entry)}': ${what}`)
  const full =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)\/?$/i.exec(
      entry
    )
  const short = /^([^/]+)\/([^/]+)$/.exec(entry)
  const [subscription, group, name] = full
    ? [full[1] ?? '', full[2] ?? '', full[3] ?? '']
    : short
      ? [subscriptionId, short[1] ?? '', short[2] ?? '']
      : [null, '', '']
  if (subscription === null) throw bad(ALLOWED)
  if (!isGuid(subscription)) throw bad('the subscription must be a GUID')
  if (!isResourceGroupName(group)) throw bad(`'${show(group)}' is not a resource group name`)
  if (!VNET_NAME.test(name)) {
    throw bad(
      `'${show(name)}' is not a VNet name (2–64 letters, digits, '.', '_' or '-'; starts with a letter or digit, ends with a letter, digit or '_')`
    )
  }
  return `/subscriptions/${subscription.toLowerCase()}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks/${name}`
}
