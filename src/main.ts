/**
 * The pipeline, in order: inputs → credential → collect → evaluate → (probe) → report.
 * Each stage lives in its own folder; this file only wires them together and decides how the
 * step ends.
 */
import * as core from '@actions/core'
import { collect } from './collect/collect.js'
import { createCredential, signIn, SignInError } from './credential/credential.js'
import { evaluate } from './evaluate/evaluate.js'
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
        vaults: inputs.vaults,
        dnsZoneScopes: inputs.dnsZoneScopes,
        clientVnets: inputs.clientVnets,
        clientVnetsPeered: inputs.clientVnetsPeered,
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

    const findings = evaluate(
      snapshot,
      probeRun,
      {
        publicNetworkAccess: inputs.publicNetworkAccess,
        ttlMin: inputs.ttlMin,
        ttlMax: inputs.ttlMax,
        assignee: inputs.clientId
      },
      inputs.ignore,
      model
    )

    const report = buildReport(
      findings,
      snapshot.vaults.map((v) => ({ name: v.name, id: v.id, type: v.kind ?? 'vault' }))
    )
    // What the probe measured, as an extra field of the JSON report (the contract allows extras).
    if (probeRun) Object.assign(report, { probe: probeRun })
    await publish(report, {
      inputs,
      probe: probeRun,
      // A picture per vault for the summary and the comment, drawn from the snapshot and findings.
      diagrams: vaultDiagrams(snapshot, report.findings)
    })
  } catch (error) {
    fail(error)
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
