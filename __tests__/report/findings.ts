import { RULES, type RuleId } from '../../src/evaluate/catalog.js'
import type { Finding, Severity } from '../../src/evaluate/finding.js'

export const SUB = '00000000-1111-2222-3333-444444444444'

export function vaultId(name: string): string {
  return `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/${name}`
}

/** A finding as a rule would make it; severity defaults to the catalogue's. */
export function finding(
  rule: RuleId,
  vault: string | null,
  fields: Partial<Finding> = {}
): Finding {
  const severity: Severity = fields.severity ?? RULES[rule].severity
  return {
    rule,
    severity,
    vault,
    resource: vault ? vaultId(vault) : `/subscriptions/${SUB}`,
    message: `${rule} for ${vault ?? 'the subscription'}`,
    observed: 'observed value',
    expected: 'expected value',
    fix: severity === 'pass' ? null : `az keyvault update --name ${vault ?? 'x'}`,
    docs: RULES[rule].docs,
    ...fields
  }
}

export function pass(rule: RuleId, vault: string | null, fields: Partial<Finding> = {}): Finding {
  return finding(rule, vault, { severity: 'pass', fix: null, ...fields })
}
