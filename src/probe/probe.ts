/**
 * The probe from the runner (contract: "Probe from inside the VNet", "Probe from outside").
 * Per vault, each step bounded by `probe-timeout`:
 *   inside:  1. DNS chain and OS resolver (in parallel)
 *            2. GET /healthstatus by name (where the OS resolver points) and straight to each
 *               effective PE IP (in parallel, fresh sockets)
 *            3. the authenticated data-plane request, over the private path (a PE IP) when known
 *   outside: the authenticated data-plane request by name.
 * The vault-audience token is fetched once (bounded too) while the first steps run, so a vault's
 * probe ends within 3 × probe-timeout (the contract allows 5; `ms` records it). Vaults run with bounded concurrency.
 * The result is plain JSON; the rules decide what it means.
 */
import * as core from '@actions/core'
import type { TokenCredential } from '@azure/identity'
import type { Snapshot, VaultSnapshot } from '../collect/snapshot.js'
import { redact } from '../credential/explain.js'
import { buildTargetModel, type RunModel } from '../model/model.js'
import { isValidIp } from '../common/ip.js'
import { dataPlaneRequest } from './data-plane.js'
import { resolveChain, resolveOs } from './dns-chain.js'
import { healthStatus } from './https-probe.js'
import { closeOsResolver } from './os-resolver.js'
import { proxyFor } from './proxy.js'
import type { DataPlaneResult, ProbeRun, StepError, VaultProbe } from './result.js'
import { runnerAddresses } from './runner-addresses.js'
import { seconds, withTimeout } from './step.js'

export type { ProbeRun, VaultProbe } from './result.js'

export interface ProbeOptions {
  mode: 'inside' | 'outside'
  dnsServers: string[]
  timeoutSeconds: number
  /** The cloud's Key Vault token audience, e.g. `https://vault.azure.net`. */
  vaultAudience: string
  /** Vaults probed at once. */
  concurrency?: number
  /** The run's model (built once in main.ts); built here for a snapshot alone (tests). */
  model?: RunModel
  env?: NodeJS.ProcessEnv
  log?: (line: string) => void
}

/**
 * The vault's hostname: from `vaultUri` when ARM gave one, else `<name>.<suffix>`. A managed
 * HSM's is always the model's `<name>.managedhsm.azure.net`: its `hsmUri` may carry a region label.
 */
export function vaultHostname(snapshot: Snapshot, vault: VaultSnapshot): string {
  if (vault.kind === 'managedHsm') return buildTargetModel(snapshot, vault).hostname
  if (vault.vaultUri) {
    try {
      return new URL(vault.vaultUri).hostname.toLowerCase()
    } catch {
      // fall through to the name
    }
  }
  return `${vault.name}.${snapshot.vaultDnsSuffix}`.toLowerCase()
}

function effectiveEndpoints(
  snapshot: Snapshot,
  vault: VaultSnapshot,
  model: RunModel | undefined
): VaultProbe['endpoints'] {
  const target =
    model?.targets.find((item) => item.vault === vault) ?? buildTargetModel(snapshot, vault)
  return target.effective.map((pe) => ({ name: pe.pe.name, ips: pe.ips.filter(isValidIp) }))
}

/** A token getter that asks once, bounded by `timeoutMs`, and remembers the outcome. */
function tokenSource(
  credential: TokenCredential,
  scope: string,
  timeoutMs: number
): () => Promise<{ token: string } | { error: StepError }> {
  let pending: Promise<{ token: string } | { error: StepError }> | null = null
  return () => {
    pending ??= (async () => {
      const controller = new AbortController()
      try {
        const token = await withTimeout(
          credential.getToken(scope, { abortSignal: controller.signal }),
          timeoutMs,
          () => controller.abort()
        )
        if (!token) throw new Error('the credential returned no token')
        // Masked in the log like every other token of the run, should anything ever echo it.
        core.setSecret(token.token)
        return { token: token.token }
      } catch (error) {
        const timedOut = (error as { code?: string } | null)?.code === 'KVPLD_TIMEOUT'
        // Library messages may quote an assertion or a token: the message goes into the summary
        // and the JSON report, so tokens are redacted and the line is cut to a readable length.
        const first = redact(
          (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
        )
        const message = timedOut
          ? `no token for ${scope} within ${seconds(timeoutMs)}`
          : `could not get a token for ${scope}: ${first.length > 300 ? `${first.slice(0, 297)}...` : first}`
        return { error: { kind: 'token', code: timedOut ? 'KVPLD_TIMEOUT' : 'TOKEN', message } }
      }
    })()
    return pending
  }
}

async function dataPlane(
  getToken: ReturnType<typeof tokenSource>,
  hostname: string,
  ip: string | null,
  via: DataPlaneResult['via'],
  timeoutMs: number
): Promise<DataPlaneResult> {
  const token = await getToken()
  if ('error' in token) {
    const none = { status: null, code: null, innerCode: null, clientAddress: null, message: null }
    return { via, ip, ...none, keyVault: false, markers: [], error: token.error, ms: 0 }
  }
  return dataPlaneRequest({ hostname, ip, via, token: token.token, timeoutMs })
}

async function probeVault(
  snapshot: Snapshot,
  vault: VaultSnapshot,
  options: ProbeOptions,
  getToken: ReturnType<typeof tokenSource>
): Promise<VaultProbe> {
  const timeoutMs = options.timeoutSeconds * 1000
  const hostname = vaultHostname(snapshot, vault)
  const result: VaultProbe = {
    vault: vault.name,
    kind: vault.kind ?? 'vault',
    hostname,
    peIps: [],
    endpoints: [],
    skipped: null,
    dns: null,
    os: null,
    health: [],
    dataPlane: null,
    proxy: proxyFor(hostname, options.env ?? process.env),
    ms: 0
  }
  if (vault.failure) {
    result.skipped = 'the vault could not be read from ARM'
    return result
  }
  result.endpoints = effectiveEndpoints(snapshot, vault, options.model)
  result.peIps = [...new Set(result.endpoints.flatMap((pe) => pe.ips))]

  // The /healthstatus header and the data-plane request are Key Vault's: for a managed HSM they
  // are not run (no finding; this line says so), DNS, TCP and TLS are.
  const hsm = result.kind === 'managedHsm'
  if (options.mode === 'outside') {
    if (hsm) {
      options.log?.(
        `${vault.name} is a managed HSM: the outside probe's data-plane check is Key Vault's and was not run`
      )
      return result
    }
    result.dataPlane = await dataPlane(getToken, hostname, null, 'name', timeoutMs)
    return result
  }
  if (hsm) {
    options.log?.(
      `${vault.name} is a managed HSM: DNS, TCP and TLS are probed; the /healthstatus header and data-plane checks are Key Vault's and were not run`
    )
  }

  // Warm the token while DNS runs, so the data-plane step does not pay for it.
  if (!hsm) void getToken()
  const [dns, os] = await Promise.all([
    resolveChain(hostname, options.dnsServers, timeoutMs),
    resolveOs(hostname, timeoutMs)
  ])
  result.dns = dns
  result.os = os

  // By name: where this runner's applications go (the OS resolver's first IPv4 answer).
  const byNameIp = os.addresses.find((a) => !a.includes(':')) ?? os.addresses[0] ?? null
  const [byName, ...byPe] = await Promise.all([
    byNameIp
      ? healthStatus(hostname, byNameIp, 'name', timeoutMs)
      : Promise.resolve({
          via: 'name' as const,
          ip: null,
          status: null,
          networkInfo: null,
          addr: null,
          error: os.error,
          ms: 0
        }),
    ...result.peIps.map((ip) => healthStatus(hostname, ip, 'pe-ip', timeoutMs))
  ])
  result.health = [byName!, ...byPe]

  // The data plane over the private path: a PE IP that answered /healthstatus, else the name's
  // address if that answered. Where nothing answered, the request would only time out again.
  const target =
    byPe.find((attempt) => attempt.status !== null) ??
    (byName!.status !== null ? byName : undefined)
  if (target?.ip && !hsm) {
    result.dataPlane = await dataPlane(getToken, hostname, target.ip, target.via, timeoutMs)
  }
  return result
}

/** Probes every vault of the snapshot from this runner. */
export async function probe(
  snapshot: Snapshot,
  credential: TokenCredential,
  options: ProbeOptions
): Promise<ProbeRun> {
  const timeoutMs = options.timeoutSeconds * 1000
  const getToken = tokenSource(credential, `${options.vaultAudience}/.default`, timeoutMs)
  const vaults: VaultProbe[] = new Array<VaultProbe>(snapshot.vaults.length)
  let next = 0
  const worker = async () => {
    while (next < snapshot.vaults.length) {
      const index = next++
      const vault = snapshot.vaults[index]!
      const started = Date.now()
      const result = await probeVault(snapshot, vault, options, getToken)
      result.ms = Date.now() - started
      vaults[index] = result
      options.log?.(`Probed ${vault.name} (${options.mode})`)
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, snapshot.vaults.length))
  try {
    await Promise.all(Array.from({ length: workers }, worker))
  } finally {
    // getaddrinfo calls given up on die with their helper instead of holding this process.
    closeOsResolver()
  }
  return {
    mode: options.mode,
    timeoutSeconds: options.timeoutSeconds,
    runnerAddresses: runnerAddresses(),
    vaults
  }
}
