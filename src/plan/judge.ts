/**
 * Judging a proposed change (`plan`): the plan applied to the live snapshot, judged by the same
 * rules, each finding compared with the live state's. Loaded only when a run has a plan.
 */
import type { EndpointVnet } from '../collect/planned.js'
import type { Snapshot } from '../collect/snapshot.js'
import { compareFindings } from '../compare/compare.js'
import { RULES } from '../evaluate/catalog.js'
import { applySuppressions, evaluate } from '../evaluate/evaluate.js'
import type { Finding } from '../evaluate/finding.js'
import type { Inputs, VaultRef } from '../inputs/inputs.js'
import { logger } from '../logger.js'
import { parseResourceId } from '../common/arm-id.js'
import { buildRunModel } from '../model/model.js'
import type { DiagramLookup } from '../report/finding-markdown.js'
import { applyPlan } from './apply.js'
import type { Plan } from './plan.js'
import { planScope, type VnetReason } from './scope.js'
import { settleUnknowns } from './settle.js'

/** What the report is built from: the live state, or the proposed one with its picture's marks. */
export interface Judged {
  snapshot: Snapshot
  findings: Finding[]
  planned?: Map<string, string>
  diagrams?: (drawn: DiagramLookup) => DiagramLookup
}

export type ReportJsonPlan = { format: Plan['format']; path: string; resources: number }

const VNET_WHY: Record<VnetReason, string> = {
  changes: 'with private endpoints in VNets the plan changes',
  'zone-links': 'with private endpoints in VNets whose zone links the plan changes'
}

/**
 * The vaults to read: those named, plus the existing vaults the plan concerns, and the VNets whose
 * endpoints' vaults the collector adds (it alone can list them). Discovery (no names) reads every
 * vault of its scope anyway. Logs how many vaults each reason brings in.
 */
export function withPlannedVaults(
  run: Pick<Inputs, 'vaults' | 'subscriptionId' | 'cloud'>,
  plan: Plan | null
): { vaults: VaultRef[]; endpointVnets: EndpointVnet[] } {
  const vaults = run.vaults
  if (!plan || vaults.length === 0) return { vaults, endpointVnets: [] }
  const scope = planScope(plan, run.cloud)
  const extra: VaultRef[] = []
  const known = (name: string): boolean =>
    [...vaults, ...extra].some((v) => v.name.toLowerCase() === name.toLowerCase())
  const byId = new Map<string, string[]>()
  for (const { id, fromBefore } of scope.vaults) {
    const parsed = parseResourceId(id)
    if (!parsed || known(parsed.name)) continue
    extra.push({
      name: parsed.name,
      subscriptionId: parsed.subscriptionId.toLowerCase(),
      resourceGroup: parsed.resourceGroup,
      id,
      ...(fromBefore ? { ifExists: true } : {})
    })
    const why = fromBefore
      ? 'whose private endpoints the plan deletes or replaces'
      : 'the plan changes or connects'
    byId.set(why, [...(byId.get(why) ?? []), parsed.name])
  }
  const byRecord: string[] = []
  for (const { name, kind } of scope.records) {
    if (known(name)) continue
    // A record may outlive its vault (or name one in another subscription): no finding then.
    extra.push({
      name,
      subscriptionId: run.subscriptionId,
      resourceGroup: null,
      id: null,
      kind,
      ifExists: true
    })
    byRecord.push(name)
  }
  for (const [why, names] of byId) logScope(names, why)
  logScope(byRecord, 'named by A records the plan changes')
  return {
    vaults: [...vaults, ...extra],
    endpointVnets: scope.vnets.map((v) => ({ id: v.id, why: VNET_WHY[v.why] }))
  }
}

function logScope(names: string[], why: string): void {
  if (names.length === 0) return
  logger.info(`plan: ${names.length} vault(s) ${why}: ${names.join(', ')}`)
}

/**
 * The proposed state: the plan applied to the live snapshot, judged by the same control-plane
 * rules; the probe's findings are today's (it measured today's data path). Each finding is then
 * compared with the live state's.
 */
export function judgePlan(
  inputs: Inputs,
  plan: Plan,
  snapshot: Snapshot,
  live: Finding[],
  options: Parameters<typeof evaluate>[2]
): Judged & { comparison: { resolved: Finding[]; plan: ReportJsonPlan } } {
  const applied = applyPlan(snapshot, plan)
  logger.info(
    `plan (${plan.format}, ${plan.path}): ${plan.changes.length} change(s) of resources this action reads; ` +
      `${plan.ignored} of other types ignored${plan.ignoredTypes.length ? ` (${plan.ignoredTypes.join(', ')})` : ''}; ` +
      `vaults it concerns: ${applied.inScope.join(', ') || 'none'}`
  )
  for (const line of applied.skipped) logger.info(`plan: not applied: ${line}`)
  const proposedModel = buildRunModel(applied.snapshot)
  const controlPlane = settleUnknowns(
    evaluate(applied.snapshot, null, options, [], proposedModel),
    applied.unresolved
  )
  // Each vault's probe findings (today's) after its control-plane ones, as a live run orders them.
  const groups = new Map<string, Finding[]>()
  const add = (finding: Finding): void => {
    const key = (finding.vault ?? '').toLowerCase()
    groups.set(key, [...(groups.get(key) ?? []), finding])
  }
  for (const finding of controlPlane) add(finding)
  for (const finding of live) if (RULES[finding.rule].scope === 'probe') add(finding)
  const ordered = [...groups.values()].flat()
  const { findings, resolved } = compareFindings(applySuppressions(ordered, inputs.ignore), live)
  // The picture marks what the change adds or changes, and names stand-in IPs for what they are.
  const planned = new Map<string, string>()
  for (const change of plan.changes) {
    if (change.action === 'delete') continue
    planned.set(
      change.id.toLowerCase(),
      change.action === 'modify' ? 'changed by this change' : 'added by this change'
    )
  }
  const diagrams = (drawn: DiagramLookup): DiagramLookup => {
    if (applied.unresolved.length === 0) return drawn
    return {
      get(key) {
        let text = drawn.get(key)
        for (const u of applied.unresolved) {
          text = text?.replace(
            new RegExp(`(?<![\\d.])${u.value.replace(/\./g, '\\.')}(?![\\d])`, 'g'),
            /^[\d.]+$/.test(u.value) ? 'IP known after apply' : 'known after apply'
          )
        }
        return text
      }
    }
  }
  return {
    snapshot: applied.snapshot,
    findings,
    planned,
    diagrams,
    comparison: {
      resolved,
      plan: { format: plan.format, path: plan.path, resources: applied.resources }
    }
  }
}
