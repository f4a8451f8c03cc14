/**
 * The pipeline, in order: inputs → credential → collect → evaluate → (probe) → report.
 * Each stage lives in its own folder; this file only wires them together and decides how the
 * step ends.
 */
import * as core from '@actions/core'
import { collect } from './collect/collect.js'
import { createCredential, signIn, SignInError } from './credential/credential.js'
import { RULES } from './evaluate/catalog.js'
import { applySuppressions, evaluate } from './evaluate/evaluate.js'
import type { Finding } from './evaluate/finding.js'
import { compareFindings } from './compare/compare.js'
import type { Inputs, VaultRef } from './inputs/inputs.js'
import { applyPlan } from './plan/apply.js'
import { plannedVaultIds } from './plan/scope.js'
import { settleUnknowns } from './plan/settle.js'
import { parseResourceId } from './model/arm-id.js'
import type { Plan } from './plan/plan.js'
import type { Snapshot } from './collect/snapshot.js'
import { InputError, parseInputs } from './inputs/parse.js'
import { buildRunModel } from './model/model.js'
import type { ProbeRun } from './probe/probe.js'
import { logger } from './logger.js'
import { buildReport } from './report/report.js'
import { vaultDiagrams } from './report/mermaid.js'
import { publish } from './report/publish.js'

export async function run(): Promise<void> {
  try {
    // Merging other runs' reports (a matrix over subscriptions) needs no Azure at all.
    const mergeSpec = core.getInput('merge-reports').trim()
    if (mergeSpec) {
      const { runMerge } = await import('./report/merge.js')
      return await runMerge(mergeSpec, (name) => core.getInput(name))
    }

    const inputs = parseInputs((name) => core.getInput(name), process.env)
    // The default github.token is masked by the runner; a PAT passed some other way may not be.
    if (inputs.githubToken) core.setSecret(inputs.githubToken)

    const credential = createCredential(inputs)
    await signIn(credential, `${inputs.cloud.armEndpoint}/.default`)

    const snapshot = await collect(
      {
        subscriptionId: inputs.subscriptionId,
        resourceGroup: inputs.resourceGroup,
        vaults: withPlannedVaults(inputs.vaults, inputs.plan),
        dnsZoneScopes: inputs.dnsZoneScopes,
        cloud: inputs.cloud
      },
      credential,
      { log: logger.info }
    )

    // The model joins what was read (connections → endpoints → VNets, each kind's zone) once, for
    // the probe, the rules and the diagram alike.
    const model = buildRunModel(snapshot)

    // The probe measures the data path from this runner; the same rules judge what it measured.
    let probeRun: ProbeRun | null = null
    if (inputs.probe !== 'off') {
      // Loaded only when used, like the comment below: a run starts faster and smaller without.
      const { probe } = await import('./probe/probe.js')
      probeRun = await probe(snapshot, credential, {
        mode: inputs.probe,
        dnsServers: inputs.dnsServers,
        timeoutSeconds: inputs.probeTimeoutSeconds,
        vaultAudience: inputs.cloud.vaultAudience,
        log: logger.info
      })
    }

    const options = {
      publicNetworkAccess: inputs.publicNetworkAccess,
      ttlMin: inputs.ttlMin,
      ttlMax: inputs.ttlMax,
      assignee: inputs.clientId
    }
    const live = evaluate(snapshot, probeRun, options, inputs.ignore, model)

    let judged: Judged = { snapshot, findings: live }
    let comparison: { resolved: Finding[]; plan: ReportJsonPlan } | null = null
    if (inputs.plan) {
      const proposed = judgePlan(inputs, inputs.plan, snapshot, live, options)
      judged = proposed
      comparison = proposed.comparison
    } else if (inputs.gate === 'new') {
      logger.info(
        "gate: new without a plan: there is no change to tell new findings by, so every finding counts for 'fail-on'"
      )
    }

    const report = buildReport(
      judged.findings,
      judged.snapshot.vaults.map((v) => ({ name: v.name, id: v.id, type: v.kind ?? 'vault' }))
    )
    if (comparison) Object.assign(report, comparison)
    // What the probe measured, as an extra field of the JSON report (the contract allows extras).
    if (probeRun) Object.assign(report, { probe: probeRun })
    await publish(report, {
      inputs,
      gate: inputs.gate,
      probe: probeRun,
      // A picture per vault for the summary and the comment, drawn from the snapshot and findings.
      diagrams: (judged.diagrams ?? ((d) => d))(
        vaultDiagrams(judged.snapshot, report.findings, judged.planned)
      )
    })
  } catch (error) {
    fail(error)
  }
}

/** What the report is built from: the live state, or the proposed one with its picture's marks. */
interface Judged {
  snapshot: Snapshot
  findings: Finding[]
  planned?: Map<string, string>
  diagrams?: (drawn: Map<string, string>) => Map<string, string>
}

type ReportJsonPlan = { format: Plan['format']; path: string; resources: number }

/**
 * The vaults to read: those named, plus the existing vaults the plan concerns. Discovery (no
 * names) reads its scope as usual.
 */
function withPlannedVaults(vaults: VaultRef[], plan: Plan | null): VaultRef[] {
  if (!plan || vaults.length === 0) return vaults
  const extra: VaultRef[] = []
  for (const id of plannedVaultIds(plan)) {
    const parsed = parseResourceId(id)
    if (!parsed) continue
    const known = [...vaults, ...extra].some(
      (v) => v.name.toLowerCase() === parsed.name.toLowerCase()
    )
    if (known) continue
    extra.push({
      name: parsed.name,
      subscriptionId: parsed.subscriptionId.toLowerCase(),
      resourceGroup: parsed.resourceGroup,
      id
    })
  }
  return [...vaults, ...extra]
}

/**
 * The proposed state: the plan applied to the live snapshot, judged by the same control-plane
 * rules; the probe's findings are today's (it measured today's data path). Each finding is then
 * compared with the live state's.
 */
function judgePlan(
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
  const diagrams = (drawn: Map<string, string>): Map<string, string> => {
    if (applied.unresolved.length === 0) return drawn
    const out = new Map<string, string>()
    for (const [key, source] of drawn) {
      let text = source
      for (const u of applied.unresolved) {
        text = text.replace(
          new RegExp(`(?<![\\d.])${u.value.replace(/\./g, '\\.')}(?![\\d])`, 'g'),
          'IP known after apply'
        )
      }
      out.set(key, text)
    }
    return out
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

/** One clear line for the user; the stack trace only with step debug logging on. */
function fail(error: unknown): void {
  if (error instanceof Error && error.stack) logger.debug(error.stack)
  if (error instanceof InputError || error instanceof SignInError) {
    core.setFailed(error.message)
    return
  }
  const message = error instanceof Error ? error.message : String(error)
  core.setFailed(`kv-private-link-doctor failed unexpectedly: ${message.split('\n')[0]}`)
}
