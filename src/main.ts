/**
 * The pipeline, in order: inputs → credential → collect → evaluate → (probe) → report.
 * Each stage lives in its own folder; this file only wires them together and decides how the
 * step ends.
 */
import { SignInError } from './credential/explain.js'
import { InputError, parseInputs } from './inputs/parse.js'
import type { Finding } from './evaluate/finding.js'
import type { Judged, ReportJsonPlan } from './plan/judge.js'
import type { ProbeRun } from './probe/probe.js'
import { getInput, isDebug, logger, setFailed, setSecret } from './logger.js'

/**
 * The stages after the inputs are imported on demand: a bad input is reported before any Azure
 * SDK (most of the bundle) is compiled, and the ARM clients compile while sign-in waits on Entra.
 */
export async function run(): Promise<void> {
  try {
    // Merging other runs' reports (a matrix over subscriptions) needs no Azure at all.
    const mergeSpec = getInput('merge-reports').trim()
    if (mergeSpec) {
      const { runMerge } = await import('./report/merge.js')
      return await runMerge(mergeSpec, getInput)
    }

    const inputs = parseInputs(getInput, process.env)
    // The default github.token is masked by the runner; a PAT passed some other way may not be.
    if (inputs.githubToken) setSecret(inputs.githubToken)

    // A plan is read and checked with the inputs; judging it needs its own module.
    const judge = inputs.plan ? await import('./plan/judge.js') : null

    const { createCredential, signIn } = await import('./credential/credential.js')
    const credential = createCredential(inputs)
    // Started now, awaited after sign-in: compiling the ARM clients overlaps Entra's round trips.
    // A failed sign-in leaves them unused (never rejected: a load failure surfaces at the await).
    const collectModule = import('./collect/collect.js')
    collectModule.catch(() => undefined)
    await signIn(credential, `${inputs.cloud.armEndpoint}/.default`)

    const { collect } = await collectModule
    const stages = Promise.all([
      import('./model/model.js'),
      import('./evaluate/evaluate.js'),
      import('./report/report.js'),
      import('./report/mermaid.js'),
      import('./report/publish.js')
    ])
    stages.catch(() => undefined)

    // With a plan, the vaults it concerns are read too (some only the collector can find).
    const scope = judge
      ? judge.withPlannedVaults(inputs, inputs.plan)
      : { vaults: inputs.vaults, endpointVnets: [] }
    const snapshot = await collect(
      {
        subscriptionId: inputs.subscriptionId,
        resourceGroup: inputs.resourceGroup,
        vaults: scope.vaults,
        endpointVnets: scope.endpointVnets,
        dnsZoneScopes: inputs.dnsZoneScopes,
        clientVnets: inputs.clientVnets,
        clientVnetsPeered: inputs.clientVnetsPeered,
        cloud: inputs.cloud
      },
      credential,
      { log: logger.info }
    )

    const [{ buildRunModel }, { evaluate }, { buildReport }, { vaultDiagrams }, { publish }] =
      await stages
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
        model,
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
    let baselineInfo: { resolved: Finding[] } | null = null
    if (judge && inputs.plan) {
      const proposed = judge.judgePlan(inputs, inputs.plan, snapshot, live, options)
      judged = proposed
      comparison = proposed.comparison
    } else if (inputs.baseline) {
      // What changed since the baseline (e.g. last night's report): the same comparison as a plan's.
      const { compareFindings } = await import('./compare/compare.js')
      const since = compareFindings(live, inputs.baseline.findings)
      judged = { snapshot, findings: since.findings }
      baselineInfo = { resolved: since.resolved }
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
    if (inputs.baseline) {
      const { path, generatedAt, findings: earlier } = inputs.baseline
      if (baselineInfo) {
        Object.assign(report, { resolved: baselineInfo.resolved, baseline: { path, generatedAt } })
      } else {
        // With a plan, `change` is against the live state; the baseline is compared beside it.
        const { compareFindings, newCounts } = await import('./compare/compare.js')
        const since = compareFindings(report.findings, earlier)
        const fresh = newCounts(since.findings)
        Object.assign(report, {
          baseline: {
            path,
            generatedAt,
            new: fresh.errors + fresh.warnings,
            resolved: since.resolved.length
          }
        })
      }
    }
    // What the probe measured, as an extra field of the JSON report (the contract allows extras).
    if (probeRun) Object.assign(report, { probe: probeRun })
    await publish(report, {
      inputs,
      gate: inputs.gate,
      planPath: inputs.plan?.path ?? null,
      probe: probeRun,
      // A picture per vault for the summary and the comment, drawn from the snapshot and findings.
      diagrams: (judged.diagrams ?? ((d) => d))(
        vaultDiagrams(judged.snapshot, report.findings, judged.planned, model)
      )
    })
  } catch (error) {
    fail(error)
  }
}

/**
 * One clear line for the user; the stack trace only with step debug logging on (reading
 * `error.stack` formats it, so it is not even read otherwise).
 */
function fail(error: unknown): void {
  if (isDebug() && error instanceof Error && error.stack) logger.debug(error.stack)
  if (error instanceof InputError || error instanceof SignInError) {
    setFailed(error.message)
    return
  }
  const message = error instanceof Error ? error.message : String(error)
  setFailed(`kv-private-link-doctor failed unexpectedly: ${message.split('\n')[0]}`)
}
