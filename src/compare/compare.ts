/**
 * Compares findings with those of another state: the live state's (with `plan`) or an earlier
 * report's (`baseline`). Each finding is `new` or `unchanged`, matched on rule, vault and resource
 * (case-insensitive, as ARM IDs and vault names are); `resolved` holds the other side's errors and
 * warnings that are gone, as they were. A problem is matched only with a problem (error, warning,
 * info), a pass only with a pass: a warning that became a pass is resolved, not unchanged.
 */
import type { Finding } from '../evaluate/finding.js'

export type Change = 'new' | 'unchanged'

export interface Comparison<T extends Finding> {
  findings: (T & { change: Change })[]
  resolved: Finding[]
}

type Comparable = Pick<Finding, 'rule' | 'severity' | 'vault' | 'resource'>

function keyOf(finding: Comparable): string {
  const side = finding.severity === 'pass' ? 'pass' : 'problem'
  return [finding.rule, finding.vault ?? '', finding.resource, side].join('\n').toLowerCase()
}

export function compareFindings<T extends Finding>(
  current: readonly T[],
  other: readonly Finding[]
): Comparison<T> {
  // A multiset: two findings of one rule on one resource are matched one for one.
  const left = new Map<string, Finding[]>()
  for (const finding of other) {
    const key = keyOf(finding)
    left.set(key, [...(left.get(key) ?? []), finding])
  }
  const matched = new Set<Finding>()
  const findings = current.map((finding) => {
    const match = left.get(keyOf(finding))?.shift()
    if (match) matched.add(match)
    return { ...finding, change: (match ? 'unchanged' : 'new') as Change }
  })
  const resolved = other
    .filter((finding) => !matched.has(finding))
    .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
    .map((finding) => {
      const copy: Finding = { ...finding }
      delete copy.change
      return copy
    })
  return { findings, resolved }
}

/** The errors and warnings marked `new`. */
export function newCounts(findings: readonly Pick<Finding, 'severity' | 'change'>[]): {
  errors: number
  warnings: number
} {
  let errors = 0
  let warnings = 0
  for (const finding of findings) {
    if (finding.change !== 'new') continue
    if (finding.severity === 'error') errors++
    else if (finding.severity === 'warning') warnings++
  }
  return { errors, warnings }
}
