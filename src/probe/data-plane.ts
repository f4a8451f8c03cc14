/**
 * One authenticated data-plane request that reads nothing: a GET of a secret whose name is random,
 * so it cannot exist. Key Vault checks the network before the secret, so the answer says whether
 * the request got past the firewall: 403 with inner error `ForbiddenByFirewall` or
 * `ForbiddenByConnection` if not, anything else (typically 404 `SecretNotFound`) if it did.
 * A 2xx body is never read; error bodies name the caller, never a secret.
 */
import { randomBytes } from 'node:crypto'
import type { DataPlaneResult } from './result.js'
import { httpsGet, keyVaultMarkers } from './https-probe.js'

export const KEY_VAULT_API_VERSION = '7.4'

/** `kvpld-probe-` and 32 random hex digits: a valid secret name nobody has. */
export function probeSecretName(): string {
  return `kvpld-probe-${randomBytes(16).toString('hex')}`
}

interface KeyVaultErrorBody {
  error?: { code?: unknown; message?: unknown; innererror?: { code?: unknown } }
}

/** Reads Key Vault's error body (bodies in ERRORS.md); tolerates a missing closing brace. */
export function parseKeyVaultError(body: string): {
  code: string | null
  innerCode: string | null
  message: string | null
  clientAddress: string | null
} {
  let parsed: KeyVaultErrorBody | null
  try {
    parsed = JSON.parse(body) as KeyVaultErrorBody
  } catch {
    parsed = null
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : null)
  const message =
    text(parsed?.error?.message) ?? /"message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(body)?.[1] ?? null
  const code = text(parsed?.error?.code) ?? /"code"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? null
  const innerCode =
    text(parsed?.error?.innererror?.code) ??
    /"innererror"\s*:\s*\{\s*"code"\s*:\s*"([^"]*)"/.exec(body)?.[1] ??
    null
  // Messages separate lines with \r\n (escaped in raw bodies): "…\r\nClient address: 20.1.2.3\r\n…".
  const plain = message?.replace(/\\r\\n|\\n/g, '\n') ?? ''
  const clientAddress = /Client address:\s*([0-9A-Fa-f:.]+)/.exec(plain)?.[1] ?? null
  return { code, innerCode, message: plain.split(/\r?\n/)[0] || null, clientAddress }
}

/** Key Vault's JSON error body: `{"error":{"code":…,"message":…}}` (the closing brace may be missing). */
export function isKeyVaultErrorBody(body: string): boolean {
  if (!/^\s*\{\s*"error"\s*:\s*\{/.test(body)) return false
  const { code, message } = parseKeyVaultError(body)
  return code !== null && message !== null
}

export async function dataPlaneRequest(options: {
  hostname: string
  ip: string | null
  via: DataPlaneResult['via']
  /** A bearer token for the cloud's vault audience; never logged or stored. */
  token: string
  timeoutMs: number
}): Promise<DataPlaneResult> {
  const { hostname, ip, via, token, timeoutMs } = options
  const started = Date.now()
  const { answer, error } = await httpsGet({
    hostname,
    ip,
    path: `/secrets/${probeSecretName()}?api-version=${KEY_VAULT_API_VERSION}`,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    timeoutMs,
    maxBody: 16 * 1024
  })
  const base = { via, ip }
  if (error) {
    return {
      ...base,
      status: null,
      code: null,
      innerCode: null,
      clientAddress: null,
      message: null,
      keyVault: false,
      markers: [],
      error,
      ms: Date.now() - started
    }
  }
  // Only Key Vault's own error body counts: another server's JSON says nothing about the vault.
  const errorBody = answer.status >= 400 && isKeyVaultErrorBody(answer.body)
  const parsed = errorBody
    ? parseKeyVaultError(answer.body)
    : { code: null, innerCode: null, message: null, clientAddress: null }
  return {
    ...base,
    ip: ip ?? answer.remoteAddress,
    status: answer.status,
    ...parsed,
    ...keyVaultMarkers(answer.headers, errorBody),
    error: null,
    ms: Date.now() - started
  }
}
