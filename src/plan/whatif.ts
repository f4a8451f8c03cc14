/**
 * ARM what-if results: the Azure CLI's `--no-pretty-print` JSON (top-level `status` and
 * `changes[]`) and the REST `WhatIfOperationResult` (`status`, `properties.changes[]`). Each
 * change's `after` is the resource's ARM JSON, read like a GET of it (apply.ts keeps the live
 * values of read-only properties, which a template never carries).
 */
import { parseResourceId } from '../common/arm-id.js'
import {
  isObject,
  PlanError,
  type Json,
  understoodType,
  type ArmResource,
  type Plan,
  type PlanAction,
  type PlannedChange
} from './plan.js'

function changesOf(document: Json): unknown[] | null {
  if (Array.isArray(document.changes)) return document.changes
  const properties = document.properties
  if (isObject(properties) && Array.isArray(properties.changes)) return properties.changes
  return null
}

export function isWhatIf(document: unknown): document is Json {
  // A failed what-if carries `error` instead of changes.
  return (
    isObject(document) &&
    typeof document.status === 'string' &&
    (changesOf(document) !== null || isObject(document.error))
  )
}

/**
 * What each `changeType` does to the live state. Create/Modify/Deploy take `after`; NoChange
 * leaves it (after equals before); Ignore and Unsupported are left alone; `NoEffect` (a property
 * change type that some tools print at the resource level) too.
 */
const ACTIONS: Record<string, PlanAction | null> = {
  create: 'create',
  modify: 'modify',
  deploy: 'modify',
  delete: 'delete',
  nochange: null,
  ignore: null,
  noeffect: null,
  unsupported: null
}

/** `Microsoft.Network/privateDnsZones/A` from an ID's provider and type segments. */
function typeOfId(id: string): string | null {
  const parsed = parseResourceId(id)
  return parsed ? `${parsed.provider}/${parsed.types.join('/')}` : null
}

export function parseWhatIf(document: Json, path: string): Plan {
  const status = typeof document.status === 'string' ? document.status : String(document.status)
  if (status.toLowerCase() !== 'succeeded') {
    const error = isObject(document.error) ? document.error : null
    const why =
      error && typeof error.message === 'string' ? `: ${error.message.split('\n')[0]}` : ''
    throw new PlanError(`the what-if's status is '${status}', not 'Succeeded'${why}`)
  }
  const changes: PlannedChange[] = []
  const ignoredTypes: string[] = []
  let ignored = 0
  for (const [index, raw] of (changesOf(document) ?? []).entries()) {
    if (!isObject(raw)) throw new PlanError(`changes[${index}] is not an object`)
    const changeType = typeof raw.changeType === 'string' ? raw.changeType : ''
    if (!Object.hasOwn(ACTIONS, changeType.toLowerCase())) {
      throw new PlanError(
        `changes[${index}] has changeType '${changeType}', which what-if does not give`
      )
    }
    const action = ACTIONS[changeType.toLowerCase()] ?? null
    const after = isObject(raw.after) ? raw.after : null
    const before = isObject(raw.before) ? raw.before : null
    const id =
      (typeof raw.resourceId === 'string' && raw.resourceId) ||
      (typeof after?.id === 'string' && after.id) ||
      (typeof before?.id === 'string' && before.id) ||
      ''
    const rawType =
      (typeof after?.type === 'string' && after.type) ||
      (typeof before?.type === 'string' && before.type) ||
      typeOfId(id) ||
      ''
    const type = understoodType(rawType)
    if (!type || !id) {
      ignored++
      if (rawType && !ignoredTypes.includes(rawType)) ignoredTypes.push(rawType)
      continue
    }
    if (action === null) continue
    if (action !== 'delete' && !after) {
      // ResourceIdOnly results carry no payload: nothing to apply but the fact of the change.
      throw new PlanError(
        `changes[${index}] (${changeType} ${id}) has no 'after': run what-if with full resource payloads (the Azure CLI's default)`
      )
    }
    changes.push({
      action,
      id,
      type,
      after: action === 'delete' ? null : ({ ...after, id, type } as ArmResource),
      before: before ? ({ ...before, id, type } as ArmResource) : null,
      source: id
    })
  }
  return { format: 'what-if', path, changes, ignored, ignoredTypes }
}
