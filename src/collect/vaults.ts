/** Vaults: by name, by ID, or discovered; then their connections and private endpoints. */
import type { Vault } from '@azure/arm-keyvault'
import type { VaultRef } from '../inputs/inputs.js'
import { failed, ok, type Read } from './arm-errors.js'
import {
  isResourceOfType,
  lastSegment,
  parseResourceId,
  resourceGroupScope,
  subscriptionScope,
  vaultResourceId
} from '../model/arm-id.js'
import { badIdFailure, type CollectContext, listAll, strings } from './context.js'
import { readPrivateEndpoint } from './endpoints.js'
import type {
  NetworkAcls,
  PrivateEndpointConnectionSnapshot,
  ReadFailure,
  VaultSnapshot
} from './snapshot.js'

/** A vault the user named: read it (GET, or found in the subscription's listing). */
export async function readNamedVault(ctx: CollectContext, ref: VaultRef): Promise<Read<Vault>> {
  if (ref.id) {
    const parsed = parseResourceId(ref.id)
    if (!parsed || !isResourceOfType(parsed, 'Microsoft.KeyVault/vaults')) {
      return failed(badIdFailure(ref.id, 'key vault'))
    }
    return ctx.read(ref.id, () =>
      ctx.clients(parsed.subscriptionId).keyVault.vaults.get(parsed.resourceGroup, parsed.name)
    )
  }
  if (ref.resourceGroup) {
    const resourceGroup = ref.resourceGroup
    return ctx.read(vaultResourceId(ref.subscriptionId, resourceGroup, ref.name), () =>
      ctx.clients(ref.subscriptionId).keyVault.vaults.get(resourceGroup, ref.name)
    )
  }
  // No resource group: find the name in the subscription's listing (read once for all names).
  const listing = await listSubscriptionVaults(ctx, ref.subscriptionId)
  if (!listing.ok) return listing
  const wanted = ref.name.toLowerCase()
  const vault = listing.value.find(
    (v) => (v.name ?? lastSegment(v.id ?? '')).toLowerCase() === wanted
  )
  if (vault) return ok(vault)
  return failed({
    kind: 'not-found',
    resource: vaultResourceId(ref.subscriptionId, null, ref.name),
    message: `No key vault named '${ref.name}' in subscription '${ref.subscriptionId}'.`
  })
}

export function listSubscriptionVaults(
  ctx: CollectContext,
  subscriptionId: string,
  onCount?: (count: number) => void
): Promise<Read<Vault[]>> {
  const scope = subscriptionScope(subscriptionId)
  return ctx.memo.vaultLists.get(scope, () =>
    ctx.read(scope, () =>
      listAll(ctx.clients(subscriptionId).keyVault.vaults.listBySubscription(), onCount)
    )
  )
}

/** Every vault of a resource group, else of the subscription (all pages). */
export function discoverVaults(
  ctx: CollectContext,
  subscriptionId: string,
  resourceGroup: string | null,
  onCount?: (count: number) => void
): Promise<Read<Vault[]>> {
  if (!resourceGroup) return listSubscriptionVaults(ctx, subscriptionId, onCount)
  const scope = resourceGroupScope(subscriptionId, resourceGroup)
  return ctx.memo.vaultLists.get(scope, () =>
    ctx.read(scope, () =>
      listAll(
        ctx.clients(subscriptionId).keyVault.vaults.listByResourceGroup(resourceGroup),
        onCount
      )
    )
  )
}

/** A vault that could not be read: everything but the failure is empty. */
export function failedVault(ref: VaultRef, failure: ReadFailure): VaultSnapshot {
  const parsed = ref.id ? parseResourceId(ref.id) : null
  return {
    name: ref.name,
    id: ref.id ?? vaultResourceId(ref.subscriptionId, ref.resourceGroup, ref.name),
    subscriptionId: parsed?.subscriptionId ?? ref.subscriptionId,
    resourceGroup: parsed?.resourceGroup ?? ref.resourceGroup,
    failure,
    location: null,
    vaultUri: null,
    publicNetworkAccess: null,
    networkAcls: null,
    connections: [],
    privateEndpoints: {},
    privateEndpointFailures: {}
  }
}

/** The vault's own properties, then every connection's private endpoint (in parallel). */
export async function vaultSnapshot(
  ctx: CollectContext,
  name: string,
  vault: Vault,
  fallback: { subscriptionId: string; resourceGroup: string | null }
): Promise<VaultSnapshot> {
  const parsed = vault.id ? parseResourceId(vault.id) : null
  const props = vault.properties
  const connections: PrivateEndpointConnectionSnapshot[] = (
    props?.privateEndpointConnections ?? []
  ).map((c) => ({
    id: c.id ?? '',
    name: c.id ? lastSegment(c.id) : '',
    status: c.privateLinkServiceConnectionState?.status ?? 'Unknown',
    description: c.privateLinkServiceConnectionState?.description ?? null,
    provisioningState: c.provisioningState ?? null,
    privateEndpointId: c.privateEndpoint?.id ?? null
  }))

  const snapshot: VaultSnapshot = {
    name,
    id: vault.id ?? vaultResourceId(fallback.subscriptionId, fallback.resourceGroup, name),
    subscriptionId: parsed?.subscriptionId ?? fallback.subscriptionId,
    resourceGroup: parsed?.resourceGroup ?? fallback.resourceGroup,
    failure: null,
    location: vault.location ?? null,
    vaultUri: props?.vaultUri ?? null,
    publicNetworkAccess: props?.publicNetworkAccess ?? null,
    networkAcls: networkAcls(props?.networkAcls),
    connections,
    privateEndpoints: {},
    privateEndpointFailures: {}
  }

  const peIds = new Map<string, string>()
  for (const c of connections) {
    if (c.privateEndpointId) peIds.set(c.privateEndpointId.toLowerCase(), c.privateEndpointId)
  }
  const reads = await Promise.all(
    [...peIds].map(async ([key, id]) => [key, await readPrivateEndpoint(ctx, id)] as const)
  )
  for (const [key, read] of reads) {
    if (read.ok) snapshot.privateEndpoints[key] = read.value
    else snapshot.privateEndpointFailures[key] = read.failure
  }
  return snapshot
}

function networkAcls(acls: NonNullable<Vault['properties']>['networkAcls']): NetworkAcls | null {
  if (!acls) return null
  return {
    bypass: acls.bypass ?? null,
    defaultAction: acls.defaultAction ?? null,
    ipRules: strings((acls.ipRules ?? []).map((r) => r.value)),
    virtualNetworkRules: strings((acls.virtualNetworkRules ?? []).map((r) => r.id))
  }
}
