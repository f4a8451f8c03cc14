/**
 * The pipeline, in order: inputs → credential → collect → evaluate → (probe) → report.
 * Each stage lives in its own folder; this file only wires them together and decides how the
 * step ends.
 */
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { collect } from './collect/collect.js'
import { createCredential, signIn, SignInError } from './credential/credential.js'
import { evaluate } from './evaluate/evaluate.js'
import { InputError, parseInputs } from './inputs/parse.js'
import { setOutputs } from './report/outputs.js'
import { buildReport, writeReport } from './report/report.js'
import { logFindings } from './report/log.js'
import { writeSummary } from './report/summary.js'
import { shouldFail } from './report/exit.js'

export async function run(): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name), process.env)

    const credential = createCredential(inputs)
    await signIn(credential, `${inputs.cloud.armEndpoint}/.default`)

    const snapshot = await collect(
      {
        subscriptionId: inputs.subscriptionId,
        resourceGroup: inputs.resourceGroup,
        vaults: inputs.vaults,
        dnsZoneScopes: inputs.dnsZoneScopes,
        cloud: inputs.cloud
      },
      credential,
      { log: (line) => core.info(line) }
    )

    const findings = evaluate(
      snapshot,
      {
        publicNetworkAccess: inputs.publicNetworkAccess,
        ttlMin: inputs.ttlMin,
        ttlMax: inputs.ttlMax,
        assignee: inputs.clientId
      },
      inputs.ignore
    )

    const report = buildReport(
      findings,
      snapshot.vaults.map((v) => ({ name: v.name, id: v.id }))
    )
    logFindings(report)
    const reportPath = await writeReport(report, process.env.RUNNER_TEMP || tmpdir())
    if (inputs.report.includes('summary')) await writeSummary(report)
    setOutputs(report, reportPath)

    if (shouldFail(report, inputs.failOn)) {
      core.setFailed(
        `Key Vault private link check: ${report.counts.error} error(s), ${report.counts.warning} warning(s) (fail-on: ${inputs.failOn})`
      )
    }
  } catch (error) {
    fail(error)
  }
}

/** One clear line for the user; the stack trace only with step debug logging on. */
function fail(error: unknown): void {
  if (error instanceof Error && error.stack) core.debug(error.stack)
  if (error instanceof InputError || error instanceof SignInError) {
    core.setFailed(error.message)
    return
  }
  const message = error instanceof Error ? error.message : String(error)
  core.setFailed(`kv-private-link-doctor failed unexpectedly: ${message.split('\n')[0]}`)
}
