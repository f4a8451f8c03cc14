/**
 * Which existing vaults a plan concerns beyond those named in `vaults`: the ones it changes, and
 * those whose private endpoints or connections it creates, changes or deletes. The collector
 * reads them too, so their live state is there to apply the plan to. A vault the plan creates does
 * not exist yet: apply.ts adds it.
 */
import { parseResourceId } from '../common/arm-id.js'
import type { Plan } from './plan.js'

const VAULT_ID =
  /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+)/i

export function plannedVaultIds(plan: Plan): string[] {
  const created = new Set(
    plan.changes
      .filter((c) => c.action === 'create' && /^microsoft\.keyvault\/vaults$/i.test(c.type))
      .map((c) => c.id.toLowerCase())
  )
  const ids = new Map<string, string>()
  const add = (id: string | null | undefined): void => {
    const vault = id ? VAULT_ID.exec(id)?.[1] : undefined
    if (vault && parseResourceId(vault) && !created.has(vault.toLowerCase())) {
      ids.set(vault.toLowerCase(), vault)
    }
  }
  for (const change of plan.changes) {
    if (/^microsoft\.keyvault\/vaults(\/privateendpointconnections)?$/i.test(change.type)) {
      add(change.id)
    } else if (/^microsoft\.network\/privateendpoints$/i.test(change.type)) {
      const props = (change.after?.properties ?? {}) as Record<string, unknown>
      for (const key of ['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections']) {
        const links = Array.isArray(props[key]) ? (props[key] as Record<string, unknown>[]) : []
        for (const link of links) {
          const target = (link.properties as Record<string, unknown> | undefined)
            ?.privateLinkServiceId
          add(typeof target === 'string' ? target : null)
        }
      }
    }
  }
  return [...ids.values()]
}
