/**
 * The evaluate stage: every rule for every vault, as a pure function of the snapshot and the
 * options. Order: findings tied to no single vault first (discovery, zone scopes, zones, VNets),
 * then per vault in snapshot order: reading, connections, firewall, DNS, network.
 */
import type { Snapshot } from '../collect/snapshot.js'
import type { RuleOptions, Suppression } from '../inputs/inputs.js'
import { buildVaultModel, NotRunTracker, type RuleContext } from './context.js'
import type { Finding } from './finding.js'
import { connectionRules } from './rules/connections.js'
import { dnsRules } from './rules/dns.js'
import { firewallRules } from './rules/firewall.js'
import { networkRules } from './rules/network.js'
import { globalReadingRules, vaultReadingRules } from './rules/reading.js'

export function evaluate(
  snapshot: Snapshot,
  options: RuleOptions,
  ignore: Suppression[]
): Finding[] {
  const tracker = new NotRunTracker()

  // The checks first: they record in the tracker what they could not run, which the reading
  // rules (reported first) then list as `notRun`.
  const checks = snapshot.vaults.map((vault) => {
    if (vault.failure) return []
    const ctx: RuleContext = {
      snapshot,
      options,
      vault,
      model: buildVaultModel(snapshot, vault),
      tracker
    }
    return [...connectionRules(ctx), ...firewallRules(ctx), ...dnsRules(ctx), ...networkRules(ctx)]
  })

  const findings = [
    ...globalReadingRules(snapshot, options, tracker),
    ...snapshot.vaults.flatMap((vault, index) => [
      ...vaultReadingRules(vault, options, tracker),
      ...(checks[index] ?? [])
    ])
  ]
  return applySuppressions(findings, ignore)
}

/** Drops suppressed findings: `RULE` everywhere, `RULE@vault` for that vault (case-insensitive). */
export function applySuppressions(findings: Finding[], ignore: Suppression[]): Finding[] {
  if (ignore.length === 0) return findings
  return findings.filter(
    (item) =>
      !ignore.some(
        (suppression) =>
          suppression.rule === item.rule &&
          (suppression.vault === null ||
            (item.vault !== null && suppression.vault.toLowerCase() === item.vault.toLowerCase()))
      )
  )
}
