/**
 * Terraform plans (`terraform show -json <planfile>`, format_version 1.x, azurerm provider).
 */
import { PlanError, type Plan, type PlannedChange } from './plan.js'

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isTerraformPlan(document: unknown): document is Json {
  return (
    isObject(document) &&
    typeof document.format_version === 'string' &&
    ('resource_changes' in document || 'planned_values' in document)
  )
}

export function parseTerraform(document: Json, path: string): Plan {
  const version = String(document.format_version)
  if (!/^1(\.|$)/.test(version)) {
    throw new PlanError(
      `a Terraform plan of format_version ${version}; this action reads format_version 1.x`
    )
  }
  const resourceChanges = Array.isArray(document.resource_changes) ? document.resource_changes : []
  const changes: PlannedChange[] = []
  const ignoredTypes: string[] = []
  let ignored = 0
  for (const raw of resourceChanges) {
    if (!isObject(raw)) continue
    const type = typeof raw.type === 'string' ? raw.type : ''
    ignored++
    if (type && !ignoredTypes.includes(type)) ignoredTypes.push(type)
  }
  return { format: 'terraform', path, changes, ignored, ignoredTypes }
}
