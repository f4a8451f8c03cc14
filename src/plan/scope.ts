/**
 * Which existing vaults a plan concerns beyond those named in `vaults` (the contract: every vault
 * the plan changes, and every vault whose PEs, zones, links, records or VNets it touches). The
 * collector reads them too, so their live state is there to apply the plan to; apply.ts then says
 * which of the vaults read the plan concerns. A vault the plan creates does not exist yet: apply.ts
 * adds it.
 *
 * Three kinds of reach, by what the plan itself says:
 * - vault IDs: the vaults and connections it changes, and the vaults its private endpoints name
 *   after apply or, for an endpoint it deletes or replaces, before;
 * - vault names: an A record in a privatelink zone is named after its vault;
 * - VNets: the vaults with a private endpoint in a VNet it changes, peers, links a zone to (or
 *   unlinks), or puts a resolver or ruleset link in. Only the collector can tell which those are
 *   (a listing of the subscription's private endpoints), so they are handed on as VNet IDs.
 */
import { parseResourceId } from '../common/arm-id.js'
import { TARGET_KINDS, targetNames, type TargetKind } from '../common/target.js'
import type { ArmResource, Plan, PlannedChange } from './plan.js'

const VAULT_ID =
  /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/(?:vaults|managedHSMs)\/[^/]+)/i

const VNET_ID =
  /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)/i

/** Key Vault and managed HSM names: 3–24 letters, digits and hyphens (a record `@` or `*` is none). */
const TARGET_NAME = /^[a-z][a-z0-9-]{1,22}[a-z0-9]$/i

/** Why a VNet's endpoints' vaults are in scope, as the log says it. */
export type VnetReason = 'changes' | 'zone-links'

export interface PlanScope {
  /** Existing vaults by ID: `fromBefore` when only a deleted or replaced endpoint's old state names it. */
  vaults: { id: string; fromBefore: boolean }[]
  /** Vault names of A records the plan creates, changes or deletes in a privatelink zone. */
  records: { name: string; kind: TargetKind }[]
  /** VNets whose private endpoints' vaults are in scope. */
  vnets: { id: string; why: VnetReason }[]
}

export interface ScopeCloud {
  name: string
  vaultDnsSuffix: string
  privateLinkZone: string
}

export function planScope(plan: Plan, cloud: ScopeCloud): PlanScope {
  const created = new Set(
    plan.changes
      .filter(
        (c) => c.action === 'create' && /^microsoft\.keyvault\/(vaults|managedhsms)$/i.test(c.type)
      )
      .map((c) => c.id.toLowerCase())
  )
  const vaults = new Map<string, { id: string; fromBefore: boolean }>()
  const addVault = (id: string | null, fromBefore: boolean): void => {
    const vault = id ? VAULT_ID.exec(id)?.[1] : undefined
    if (!vault || !parseResourceId(vault) || created.has(vault.toLowerCase())) return
    const key = vault.toLowerCase()
    const known = vaults.get(key)
    if (!known || (known.fromBefore && !fromBefore)) vaults.set(key, { id: vault, fromBefore })
  }
  const records = new Map<string, { name: string; kind: TargetKind }>()
  const vnets = new Map<string, { id: string; why: VnetReason }>()
  const addVnet = (id: string | null, why: VnetReason): void => {
    // Values known only after apply (`known-after-apply:`, `ip-of:`) name no VNet yet.
    const vnet = id ? VNET_ID.exec(id)?.[1] : undefined
    if (vnet && !vnets.has(vnet.toLowerCase())) vnets.set(vnet.toLowerCase(), { id: vnet, why })
  }
  const zoneKinds = new Map(
    TARGET_KINDS.map((kind) => [
      targetNames(cloud.name, kind, {
        hostSuffix: cloud.vaultDnsSuffix,
        zone: cloud.privateLinkZone
      }).zone.toLowerCase(),
      kind
    ])
  )

  for (const change of plan.changes) {
    const type = change.type.toLowerCase()
    const states = [change.after, change.before].filter((r): r is ArmResource => !!r)
    switch (type) {
      case 'microsoft.keyvault/vaults':
      case 'microsoft.keyvault/managedhsms':
      case 'microsoft.keyvault/vaults/privateendpointconnections':
      case 'microsoft.keyvault/managedhsms/privateendpointconnections':
        addVault(change.id, false)
        break
      case 'microsoft.network/privateendpoints':
        for (const target of linkTargets(change.after)) addVault(target, false)
        for (const target of linkTargets(change.before)) addVault(target, true)
        break
      case 'microsoft.network/privatednszones/a': {
        const parsed = parseResourceId(change.id)
        const zone = parsed?.names[0]?.toLowerCase().replace(/\.$/, '')
        const kind = zone ? zoneKinds.get(zone) : undefined
        const name = parsed?.name ?? ''
        if (kind && TARGET_NAME.test(name)) records.set(name.toLowerCase(), { name, kind })
        break
      }
      case 'microsoft.network/virtualnetworks':
        addVnet(change.id, 'changes')
        break
      case 'microsoft.network/virtualnetworks/virtualnetworkpeerings':
        addVnet(change.id, 'changes')
        for (const state of states) addVnet(idAt(state, 'remoteVirtualNetwork'), 'changes')
        break
      case 'microsoft.network/privatednszones/virtualnetworklinks':
        for (const state of states) addVnet(idAt(state, 'virtualNetwork'), 'zone-links')
        break
      case 'microsoft.network/dnsresolvers':
      case 'microsoft.network/dnsforwardingrulesets/virtualnetworklinks':
        for (const state of states) addVnet(idAt(state, 'virtualNetwork'), 'changes')
        break
      case 'microsoft.network/dnsresolvers/inboundendpoints':
        for (const state of states) {
          for (const config of list(state.properties?.ipConfigurations)) {
            addVnet(idAt({ properties: config } as unknown as ArmResource, 'subnet'), 'changes')
          }
        }
        break
    }
  }
  return {
    vaults: [...vaults.values()],
    records: [...records.values()],
    vnets: [...vnets.values()]
  }
}

/** The vault IDs an endpoint's connections (automatic and manual) name. */
function linkTargets(endpoint: PlannedChange['after'] | undefined): string[] {
  const props = endpoint?.properties ?? {}
  return ['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections'].flatMap((key) =>
    list(props[key]).flatMap((link) => {
      const target = (link.properties as Record<string, unknown> | undefined)?.privateLinkServiceId
      return typeof target === 'string' ? [target] : []
    })
  )
}

/** `properties.<key>.id` of an ARM resource. */
function idAt(resource: ArmResource, key: string): string | null {
  const ref = resource.properties?.[key] as Record<string, unknown> | undefined
  return typeof ref?.id === 'string' ? ref.id : null
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : []
}
