/**
 * The vaults with a private endpoint in given VNets (those a plan touches: its DNS path or reach
 * changes for them). ARM has no "endpoints of a VNet" query, and a VNet's subnets list only IDs of
 * what is in them, not which vault an endpoint connects to; the subscription's private endpoint
 * listing has both. It is the listing bulk mode pages through (memoized), so a run that then goes
 * bulk in that subscription pays for it once. An endpoint's subnet is in its own subscription,
 * so each VNet's subscription is the one listed.
 */
import type { PrivateEndpoint } from '@azure/arm-network'
import { parseResourceId } from '../common/arm-id.js'
import type { VaultRef } from '../inputs/inputs.js'
import { listedPrivateEndpoints } from './bulk.js'
import type { CollectContext } from './context.js'
import { kindOfId } from './vaults.js'

export interface EndpointVnet {
  id: string
  /** For the log: "3 vault(s) <why>: kv-a, kv-b, kv-c". */
  why: string
}

export async function vaultsWithEndpointsIn(
  ctx: CollectContext,
  vnets: EndpointVnet[],
  known: VaultRef[],
  log: (line: string) => void
): Promise<VaultRef[]> {
  if (vnets.length === 0) return []
  const subscriptions = new Map<string, string>()
  for (const vnet of vnets) {
    const sub = parseResourceId(vnet.id)?.subscriptionId
    if (sub) subscriptions.set(sub.toLowerCase(), sub)
  }
  const listings = await Promise.all(
    [...subscriptions.values()].map(async (sub) => ({
      sub,
      read: await listedPrivateEndpoints(ctx, sub)
    }))
  )
  const endpoints: PrivateEndpoint[] = []
  for (const { sub, read } of listings) {
    if (read.ok) {
      endpoints.push(...read.value.values())
      continue
    }
    const whys = [
      ...new Set(
        vnets
          .filter((v) => parseResourceId(v.id)?.subscriptionId.toLowerCase() === sub.toLowerCase())
          .map((v) => v.why)
      )
    ]
    log(
      `plan: could not list the private endpoints of subscription ${sub} (${read.failure.message}); ` +
        `vaults ${whys.join(' or ')} there are read only if named or changed`
    )
  }
  const seen = new Set(known.map((v) => v.name.toLowerCase()))
  const found = new Map<string, VaultRef[]>()
  for (const vnet of vnets) {
    const prefix = `${vnet.id.toLowerCase()}/subnets/`
    for (const pe of endpoints) {
      if (!(pe.subnet?.id ?? '').toLowerCase().startsWith(prefix)) continue
      const links = [
        ...(pe.privateLinkServiceConnections ?? []),
        ...(pe.manualPrivateLinkServiceConnections ?? [])
      ]
      for (const link of links) {
        const parsed = link.privateLinkServiceId ? parseResourceId(link.privateLinkServiceId) : null
        const kind = kindOfId(parsed)
        if (!parsed || !kind) continue
        if (seen.has(parsed.name.toLowerCase())) continue
        seen.add(parsed.name.toLowerCase())
        const ref: VaultRef = {
          name: parsed.name,
          subscriptionId: parsed.subscriptionId.toLowerCase(),
          resourceGroup: parsed.resourceGroup,
          id: link.privateLinkServiceId ?? null,
          kind,
          // An endpoint may outlive the vault it connected to.
          ifExists: true
        }
        found.set(vnet.why, [...(found.get(vnet.why) ?? []), ref])
      }
    }
  }
  for (const [why, refs] of found) {
    log(`plan: ${refs.length} vault(s) ${why}: ${refs.map((r) => r.name).join(', ')}`)
  }
  return [...found.values()].flat()
}
