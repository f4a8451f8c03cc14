/**
 * The evaluate stage: every rule — control plane and probe alike — for every target, as a pure
 * function of the snapshot, what the probe measured, and the options. Suppressions apply once,
 * here. Order: findings tied to no single vault first, then per vault in snapshot order: reading
 * findings, then the checks in catalogue order.
 */
import type { ReadFailure, Snapshot } from '../collect/snapshot.js'
import type { RuleOptions, Suppression } from '../inputs/inputs.js'
import { buildRunModel, vnetHolding, type RunModel, type TargetModel } from '../model/model.js'
import type { ProbeRun, VaultProbe } from '../probe/result.js'
import { RULE_IDS } from './catalog.js'
import type { Finding } from './finding.js'
import { Outcomes, type Read, type RuleDefinition } from './rule.js'
import { ALL_RULES } from './rules/index.js'

const RULE_LIST: readonly RuleDefinition[] = ALL_RULES

/** The checks of a target, in catalogue order (reading rules run last, over all targets). */
const TARGET_RULES = RULE_LIST.filter((rule) => rule.scope === 'target')
const PROBE_RULES = RULE_LIST.filter((rule) => rule.scope === 'probe')
const RUN_RULES = RULE_LIST.filter((rule) => rule.scope === 'run')

/** Which checks of which vaults each failed read kept from running. */
class Blocked {
  private readonly byFailure = new Map<ReadFailure, { rules: Set<string>; vaults: Set<string> }>()

  add(failure: ReadFailure, rule: string, vault: string): void {
    let entry = this.byFailure.get(failure)
    if (!entry) this.byFailure.set(failure, (entry = { rules: new Set(), vaults: new Set() }))
    entry.rules.add(rule)
    entry.vaults.add(vault)
  }

  get(failure: ReadFailure): { rules: string[]; vaults: string[] } {
    const entry = this.byFailure.get(failure)
    if (!entry) return { rules: [], vaults: [] }
    return {
      rules: RULE_IDS.filter((rule) => entry.rules.has(rule)),
      vaults: [...entry.vaults]
    }
  }
}

/** The target's own reads that failed, by what they were (the PEs, their NICs and zone groups). */
function ownFailures(model: TargetModel): [Read, ReadFailure][] {
  const failures: [Read, ReadFailure][] = model.peFailures.map((f) => ['private-endpoint', f])
  for (const pe of model.endpoints) {
    for (const failure of pe.nicFailures) failures.push(['network-interface', failure])
    if (pe.dnsZoneGroupsFailure) failures.push(['dns-zone-group', pe.dnsZoneGroupsFailure])
  }
  return failures
}

function applies(rule: RuleDefinition, model: TargetModel): boolean {
  return !rule.kinds || rule.kinds.includes(model.names.kind)
}

export function evaluate(
  snapshot: Snapshot,
  probeRun: ProbeRun | null,
  options: RuleOptions,
  ignore: Suppression[],
  model: RunModel = buildRunModel(snapshot)
): Finding[] {
  const blocked = new Blocked()
  const perVault = new Map<string, Finding[]>()

  // With the inside probe, this runner's own VNet is a client VNet of the run (its DNS path is
  // checked on the control plane too); an address in no VNet read makes it no client.
  const runnerVnets =
    probeRun?.mode === 'inside'
      ? [...new Set(probeRun.runnerAddresses.flatMap((ip) => vnetHolding(snapshot, ip)?.id ?? []))]
      : []
  // The probe's result for each vault: the first one under its name.
  const probes = new Map<string, VaultProbe>()
  for (const item of probeRun?.vaults ?? [])
    if (!probes.has(item.vault)) probes.set(item.vault, item)
  for (const target of model.targets) {
    const name = target.vault.name
    const findings: Finding[] = []
    const ctx = { snapshot, model: target, options, runnerVnets }
    for (const rule of TARGET_RULES) {
      if (rule.scope !== 'target' || !applies(rule, target)) continue
      const out = new Outcomes(rule, name, findings)
      rule.check(ctx, out)
      for (const failure of out.blocked) blocked.add(failure, rule.id, name)
    }
    // A check that needs a read of the target's own that failed did not (fully) run: derived from
    // what the rule says it needs, so no rule can forget to say so.
    for (const [read, failure] of ownFailures(target)) {
      for (const rule of TARGET_RULES) {
        if (rule.needs.includes(read) && applies(rule, target)) blocked.add(failure, rule.id, name)
      }
    }
    const probe = probes.get(name)
    if (probeRun && probe && !probe.skipped) {
      const probeCtx = { ...ctx, probe, run: probeRun }
      for (const rule of PROBE_RULES) {
        if (rule.scope !== 'probe' || !rule.modes.includes(probeRun.mode as 'inside' | 'outside'))
          continue
        if (!applies(rule, target)) continue
        rule.check(probeCtx, new Outcomes(rule, name, findings))
      }
    }
    perVault.set(name.toLowerCase(), findings)
  }

  const runCtx = {
    snapshot,
    run: model,
    options,
    blockedBy: (failure: ReadFailure) => blocked.get(failure),
    targetRules: TARGET_RULES.map((rule) => rule.id)
  }
  // Findings tied to no single vault first, then each vault's.
  const findings: Finding[] = []
  const reading = new Map<string, Finding[]>()
  for (const rule of RUN_RULES) {
    if (rule.scope !== 'run') continue
    const out = new Outcomes(rule, null)
    rule.check(runCtx, out)
    for (const item of out.findings) {
      if (item.vault === null) findings.push(item)
      else {
        const key = item.vault.toLowerCase()
        const group = reading.get(key)
        if (group) group.push(item)
        else reading.set(key, [item])
      }
    }
  }

  for (const vault of snapshot.vaults) {
    const key = vault.name.toLowerCase()
    findings.push(...(reading.get(key) ?? []), ...(perVault.get(key) ?? []))
  }
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
