// Shared set-up for the collect tests: the project's emulator, a real ClientAssertionCredential
// against it (assertion fetched from the emulator's GitHub OIDC endpoint, the way @actions/core
// does), and TLS trust per client through `emu.tlsOptions` (works on Node 20 and 24).
import { ClientAssertionCredential } from '@azure/identity'
import https from 'node:https'
import { startEmulator } from '../../emulator/server.js'
import { collect, type CollectOptions, type CollectRequest } from '../../src/collect/collect.js'
import type { Snapshot } from '../../src/collect/snapshot.js'
import { type Cloud, CLOUDS } from '../../src/inputs/cloud.js'
import type { VaultRef } from '../../src/inputs/inputs.js'

export type Emulator = Awaited<ReturnType<typeof startEmulator>>
export type Estate = Parameters<typeof startEmulator>[0]['estate']
export type Fault = NonNullable<Parameters<typeof startEmulator>[0]['faults']>[number]

/** Small delays so retries stay fast; `timeoutMs` well above the emulator's answer times. */
export const FAST_RETRY = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5000 }

export async function emulator(
  estate: Estate,
  options: Omit<Parameters<typeof startEmulator>[0], 'estate'> = {}
): Promise<Emulator> {
  return startEmulator({ estate, ...options })
}

/** The workflow's ID token from the emulator's OIDC endpoint (as @actions/core's getIDToken). */
async function fetchIdToken(emu: Emulator): Promise<string> {
  const env = emu.env()
  const url = new URL(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=api://AzureADTokenExchange`)
  const text = await new Promise<string>((resolve, reject) => {
    const req = https.get(
      url,
      {
        ca: emu.caPem,
        agent: false,
        headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (body += d))
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(body)
            : reject(new Error(`OIDC endpoint answered ${res.statusCode}: ${body}`))
        )
      }
    )
    req.on('error', reject)
  })
  return (JSON.parse(text) as { value: string }).value
}

export function credentialFor(emu: Emulator): ClientAssertionCredential {
  return new ClientAssertionCredential(
    emu.estate.identity.tenantId,
    emu.estate.identity.clientId,
    () => fetchIdToken(emu),
    { authorityHost: emu.url, disableInstanceDiscovery: true, tlsOptions: emu.tlsOptions }
  )
}

export function cloudFor(emu: Emulator): Cloud {
  return { ...CLOUDS.AzureCloud, armEndpoint: emu.url, authorityHost: emu.url }
}

export interface Run {
  snapshot: Snapshot
  /** ARM requests the emulator saw during collect() (the sign-in happens before). */
  arm: { method: string; path: string; status?: number; fault?: boolean }[]
  logs: string[]
  elapsedMs: number
}

/**
 * Signs in first (so the token requests are out of the way), clears the emulator's log, then
 * collects.
 */
export async function run(
  emu: Emulator,
  req: Partial<CollectRequest> & { subscriptionId: string },
  options: CollectOptions = {}
): Promise<Run> {
  const credential = credentialFor(emu)
  await credential.getToken(`${emu.url}/.default`)
  emu.resetLog()
  const logs: string[] = []
  const started = Date.now()
  const snapshot = await collect(
    {
      resourceGroup: null,
      vaults: [],
      dnsZoneScopes: [],
      cloud: cloudFor(emu),
      ...req
    },
    credential,
    { retry: FAST_RETRY, tlsOptions: emu.tlsOptions, log: (l) => logs.push(l), ...options }
  )
  const elapsedMs = Date.now() - started
  const arm = emu.requests.filter((r) => r.kind === 'arm')
  return { snapshot, arm, logs, elapsedMs }
}

/** ARM requests whose path (without query) ends with `suffix` (case-insensitive). */
export function requestsTo(arm: Run['arm'], suffix: string): Run['arm'] {
  const wanted = suffix.toLowerCase()
  return arm.filter((r) => (r.path.split('?')[0] ?? '').toLowerCase().endsWith(wanted))
}

export function byName(
  name: string,
  subscriptionId: string,
  resourceGroup: string | null
): VaultRef {
  return { name, subscriptionId, resourceGroup, id: null }
}

export function byId(id: string): VaultRef {
  const match =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i.exec(
      id
    )
  if (!match) throw new Error(`not a vault ID: ${id}`)
  return {
    name: match[3] as string,
    subscriptionId: match[1] as string,
    resourceGroup: match[2] as string,
    id
  }
}
