/**
 * The rule catalogue of the contract — stable IDs users write suppressions against — derived from
 * the rule definitions (rules/*.ts): nothing here is written twice.
 */
import type { Severity } from './finding.js'
import { GUIDE_SECTIONS, type Read, type Section } from './rule.js'
import { ALL_RULES } from './rules/index.js'

export { GUIDE_SECTIONS }

export type RuleId = (typeof ALL_RULES)[number]['id']

export interface RuleInfo {
  severity: Severity
  /** Short title for tables and annotations. */
  title: string
  /** One line: when the rule reports (the docs' summary table). */
  summary: string
  docs: string
  section: Section
  needs: readonly Read[]
  scope: 'run' | 'target' | 'probe'
}

export const RULES = Object.fromEntries(
  ALL_RULES.map((rule) => [
    rule.id,
    {
      severity: rule.severity,
      title: rule.title,
      summary: rule.summary,
      docs: GUIDE_SECTIONS[rule.section],
      section: rule.section,
      needs: rule.needs,
      scope: rule.scope
    }
  ])
) as Record<RuleId, RuleInfo>

export const RULE_IDS = ALL_RULES.map((rule) => rule.id) as RuleId[]

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value)
}
