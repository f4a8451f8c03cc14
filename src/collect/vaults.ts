/**
 * Targets: key vaults and managed HSMs, by name, by ID, or discovered; then their connections and
 * private endpoints. Both kinds carry the same private-link properties (`publicNetworkAccess`,
 * `networkAcls`, the read-only `privateEndpointConnections[]`), so each is read into one shape,
 * `TargetRead`, right away and nothing after this file tells them apart except by `kind`.
 */
import type { ManagedHsm, Vault } from '@azure/arm-keyvault'
import type { VaultRef } from '../inputs/inputs.js'
import { failed, ok, type Read } from './arm-errors.js'
import {
  isResourceOfType,
  lastSegment,
  parseResourceId,
  resourceGroupScope,
  subscriptionScope,
  vaultResourceId,
  type ParsedResourceId
} from '../common/arm-id.js'
import { TARGET_KINDS, targetNames, type TargetKind } from '../common/target.js'
import { badIdFailure, type CollectContext, eachItem, type Paged, strings } from './context.js'
import { readPrivateEndpoint } from './endpoints.js'
import type {
  NetworkAcls,
  PrivateEndpointConnectionSnapshot,
  ReadFailure,
  VaultSnapshot
} from './snapshot.js'

/** A key vault or managed HSM as ARM returned it, in the shape the snapshot needs. */
export interface TargetRead {
  kind: TargetKind
  id: string | undefined
  name: string | undefined
  location: string | undefined
  /** `vaultUri`, or a managed HSM's `hsmUri`. */
  uri: string | undefined
  publicNetworkAccess: string | undefined
  networkAcls: NetworkAcls | null
  connections: PrivateEndpointConnectionSnapshot[]
}

/** The part of a connection item both kinds share (the SDK flattens `properties`). */
interface ConnectionItem {
  id?: string
  privateEndpoint?: { id?: string }
  privateLinkServiceConnectionState?: { status?: string; description?: string }
  provisioningState?: string
}

interface AclsShape {
  bypass?: string
  defaultAction?: string
  ipRules?: { value?: string }[]
  virtualNetworkRules?: { id?: string }[]
}

export function fromVault(vault: Vault): TargetRead {
  const props = vault.properties
  return {
    kind: 'vault',
    id: vault.id,
    name: vault.name,
    location: vault.location,
    uri: props?.vaultUri,
    publicNetworkAccess: props?.publicNetworkAccess,
    networkAcls: networkAcls(props?.networkAcls),
    connections: connections(props?.privateEndpointConnections)
  }
}

export function fromManagedHsm(hsm: ManagedHsm): TargetRead {
  const props = hsm.properties
  return {
    kind: 'managedHsm',
    id: hsm.id,
    name: hsm.name,
    location: hsm.location,
    uri: props?.hsmUri,
    publicNetworkAccess: props?.publicNetworkAccess,
    networkAcls: networkAcls(props?.networkAcls),
    connections: connections(props?.privateEndpointConnections)
  }
}

/** The kind an ID names (`vaults` or `managedHSMs`, any case), or null. */
export function kindOfId(parsed: ParsedResourceId | null): TargetKind | null {
  return (
    TARGET_KINDS.find((kind) =>
      isResourceOfType(parsed, targetNames('AzureCloud', kind).resourceType)
    ) ?? null
  )
}

/** The ARM ID of a target of `kind` (the resource group may be unknown: a name to look up). */
export function targetResourceId(
  kind: TargetKind,
  subscriptionId: string,
  resourceGroup: string | null,
  name: string
): string {
  return kind === 'vault'
    ? vaultResourceId(subscriptionId, resourceGroup, name)
    : `${resourceGroup ? resourceGroupScope(subscriptionId, resourceGroup) : subscriptionScope(subscriptionId)}/providers/${targetNames('AzureCloud', kind).resourceType}/${name}`
}

/** GET one target of a known kind. */
function getTarget(
  ctx: CollectContext,
  kind: TargetKind,
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  id = targetResourceId(kind, subscriptionId, resourceGroup, name)
): Promise<Read<TargetRead>> {
  const keyVault = ctx.clients(subscriptionId).keyVault
  return kind === 'vault'
    ? ctx.read(id, async () => fromVault(await keyVault.vaults.get(resourceGroup, name)))
    : ctx.read(id, async () => fromManagedHsm(await keyVault.managedHsms.get(resourceGroup, name)))
}

/**
 * A vault the user named: by ID (the ID says the kind), else as a key vault and, when no key vault
 * answers to the name, as a managed HSM (GET in the resource group, or the subscription's listings).
 */
export async function readNamedVault(
  ctx: CollectContext,
  ref: VaultRef
): Promise<Read<TargetRead>> {
  if (ref.id) {
    const parsed = parseResourceId(ref.id)
    const kind = kindOfId(parsed)
    if (!parsed || !kind) return failed(badIdFailure(ref.id, 'key vault or managed HSM'))
    return getTarget(ctx, kind, parsed.subscriptionId, parsed.resourceGroup, parsed.name, ref.id)
  }
  if (ref.resourceGroup) {
    const asVault = await getTarget(ctx, 'vault', ref.subscriptionId, ref.resourceGroup, ref.name)
    if (asVault.ok) return asVault
    const asHsm = await getTarget(
      ctx,
      'managedHsm',
      ref.subscriptionId,
      ref.resourceGroup,
      ref.name
    )
    // A key vault that is there but unreadable (403, 5xx) may be what was meant: its failure
    // stands unless an HSM answers. Where no key vault exists, the HSM's answer is the one.
    if (asHsm.ok) return asHsm
    if (asVault.failure.kind === 'not-found' && asHsm.failure.kind !== 'not-found') return asHsm
    return asVault
  }
  // No resource group: find the name in the subscription's listings (read once for all names).
  const vaults = await listSubscriptionTargets(ctx, 'vault', ref.subscriptionId)
  const inVaults = vaults.ok ? findByName(vaults.value, ref.name) : undefined
  if (inVaults) return ok(inVaults)
  const hsms = await listSubscriptionTargets(ctx, 'managedHsm', ref.subscriptionId)
  const inHsms = hsms.ok ? findByName(hsms.value, ref.name) : undefined
  if (inHsms) return ok(inHsms)
  if (!vaults.ok) return vaults
  if (!hsms.ok) return hsms
  return failed({
    kind: 'not-found',
    resource: vaultResourceId(ref.subscriptionId, null, ref.name),
    message: `No key vault or managed HSM named '${ref.name}' in subscription '${ref.subscriptionId}'.`
  })
}

function findByName(targets: TargetRead[], name: string): TargetRead | undefined {
  const wanted = name.toLowerCase()
  return targets.find((t) => (t.name ?? lastSegment(t.id ?? '')).toLowerCase() === wanted)
}

/**
 * What a listing of managed HSMs is recorded under when it fails: the scope plus the resource
 * type, so that a failed HSM listing and a failed vault listing (recorded under the bare scope)
 * are told apart.
 */
export function hsmListResource(scope: string): string {
  return `${scope}/providers/${targetNames('AzureCloud', 'managedHsm').resourceType}`
}

/** How a caller hears of a listing's progress: the count so far, and each target as it arrives. */
export interface ListingProgress {
  onCount?: (count: number) => void
  onTarget?: (target: TargetRead) => void
}

/** A listing's targets, each converted (and heard of) as its page arrives. */
async function targetsOf<T>(
  items: Paged<T>,
  convert: (item: T) => TargetRead,
  progress: ListingProgress
): Promise<TargetRead[]> {
  const targets: TargetRead[] = []
  await eachItem(items, (item) => {
    const target = convert(item)
    targets.push(target)
    progress.onCount?.(targets.length)
    progress.onTarget?.(target)
  })
  return targets
}

/** Every target of one kind in a subscription (all pages), read once per run. */
export function listSubscriptionTargets(
  ctx: CollectContext,
  kind: TargetKind,
  subscriptionId: string,
  progress: ListingProgress = {}
): Promise<Read<TargetRead[]>> {
  const scope = subscriptionScope(subscriptionId)
  const keyVault = () => ctx.clients(subscriptionId).keyVault
  return kind === 'vault'
    ? ctx.memo.vaultLists.get(scope, () =>
        ctx.read(scope, () =>
          targetsOf(keyVault().vaults.listBySubscription(), fromVault, progress)
        )
      )
    : ctx.memo.hsmLists.get(scope, () =>
        ctx.read(hsmListResource(scope), () =>
          targetsOf(keyVault().managedHsms.listBySubscription(), fromManagedHsm, progress)
        )
      )
}

/** Every target of one kind in a resource group (all pages). */
function listResourceGroupTargets(
  ctx: CollectContext,
  kind: TargetKind,
  subscriptionId: string,
  resourceGroup: string,
  progress: ListingProgress
): Promise<Read<TargetRead[]>> {
  const scope = resourceGroupScope(subscriptionId, resourceGroup)
  const keyVault = () => ctx.clients(subscriptionId).keyVault
  return kind === 'vault'
    ? ctx.memo.vaultLists.get(scope, () =>
        ctx.read(scope, () =>
          targetsOf(keyVault().vaults.listByResourceGroup(resourceGroup), fromVault, progress)
        )
      )
    : ctx.memo.hsmLists.get(scope, () =>
        ctx.read(hsmListResource(scope), () =>
          targetsOf(
            keyVault().managedHsms.listByResourceGroup(resourceGroup),
            fromManagedHsm,
            progress
          )
        )
      )
}

/**
 * Every key vault and managed HSM of a resource group, else of the subscription (all pages of
 * both listings, in parallel). A listing that fails is a failure of its own: the other kind is
 * still checked. `onCount` hears how many targets of both kinds arrived so far, `onTarget` of
 * each as its page arrives (of a listing that fails later, too: only the result says which count).
 */
export async function discoverVaults(
  ctx: CollectContext,
  subscriptionId: string,
  resourceGroup: string | null,
  { onCount, onTarget }: ListingProgress = {}
): Promise<{ targets: TargetRead[]; failures: ReadFailure[] }> {
  const counts: Record<TargetKind, number> = { vault: 0, managedHsm: 0 }
  const reads = await Promise.all(
    TARGET_KINDS.map((kind) => {
      const progress: ListingProgress = {
        onCount: (n) => {
          counts[kind] = n
          onCount?.(counts.vault + counts.managedHsm)
        },
        ...(onTarget ? { onTarget } : {})
      }
      return resourceGroup
        ? listResourceGroupTargets(ctx, kind, subscriptionId, resourceGroup, progress)
        : listSubscriptionTargets(ctx, kind, subscriptionId, progress)
    })
  )
  return {
    targets: reads.flatMap((read) => (read.ok ? read.value : [])),
    failures: reads.flatMap((read) => (read.ok ? [] : [read.failure]))
  }
}

/** A vault that could not be read: everything but the failure is empty. */
export function failedVault(ref: VaultRef, failure: ReadFailure): VaultSnapshot {
  const parsed = ref.id ? parseResourceId(ref.id) : null
  return {
    // A bare name that was found as neither kind has no kind.
    ...(ref.kind ? { kind: ref.kind } : {}),
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

/** The target's own properties, then every connection's private endpoint (in parallel). */
export async function vaultSnapshot(
  ctx: CollectContext,
  name: string,
  target: TargetRead,
  fallback: { subscriptionId: string; resourceGroup: string | null }
): Promise<VaultSnapshot> {
  const parsed = target.id ? parseResourceId(target.id) : null
  const snapshot: VaultSnapshot = {
    kind: target.kind,
    name,
    id:
      target.id ??
      targetResourceId(target.kind, fallback.subscriptionId, fallback.resourceGroup, name),
    subscriptionId: parsed?.subscriptionId ?? fallback.subscriptionId,
    resourceGroup: parsed?.resourceGroup ?? fallback.resourceGroup,
    failure: null,
    location: target.location ?? null,
    vaultUri: target.uri ?? null,
    publicNetworkAccess: target.publicNetworkAccess ?? null,
    networkAcls: target.networkAcls,
    connections: target.connections,
    privateEndpoints: {},
    privateEndpointFailures: {}
  }

  const peIds = new Map<string, string>()
  for (const c of target.connections) {
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

function connections(
  items: readonly ConnectionItem[] | undefined
): PrivateEndpointConnectionSnapshot[] {
  return (items ?? []).map((c) => ({
    id: c.id ?? '',
    name: c.id ? lastSegment(c.id) : '',
    status: c.privateLinkServiceConnectionState?.status ?? 'Unknown',
    description: c.privateLinkServiceConnectionState?.description ?? null,
    provisioningState: c.provisioningState ?? null,
    privateEndpointId: c.privateEndpoint?.id ?? null
  }))
}

function networkAcls(acls: AclsShape | undefined): NetworkAcls | null {
  if (!acls) return null
  return {
    bypass: acls.bypass ?? null,
    defaultAction: acls.defaultAction ?? null,
    ipRules: strings((acls.ipRules ?? []).map((r) => r.value)),
    virtualNetworkRules: strings((acls.virtualNetworkRules ?? []).map((r) => r.id))
  }
}
