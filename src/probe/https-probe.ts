/**
 * HTTPS requests to the vault with the certificate always checked for the vault's hostname
 * (guide §7: verification is never turned off — not even when the runner sets
 * NODE_TLS_REJECT_UNAUTHORIZED=0, which only changes Node's default: every request here says
 * `rejectUnauthorized: true` and names the hostname check, and a socket that is not `authorized`
 * after the handshake is destroyed before a byte of HTTP is written). A request can be pinned to one address (a PE IP,
 * or where the OS resolver points) while SNI, the Host header and the certificate check stay on
 * the vault's name. Every request gets a fresh socket (`agent: false`): a keep-alive agent would
 * let the request "to the PE IP" silently ride the connection opened by name.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { request } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { checkServerIdentity, type TLSSocket } from 'node:tls'
import { osLookup } from './os-resolver.js'
import type { HealthAttempt, StepError } from './result.js'
import { connectionError, StepTimeoutError } from './step.js'

export interface HttpsAnswer {
  status: number
  headers: IncomingHttpHeaders
  /** The body, up to `maxBody` bytes ('' when not read). */
  body: string
  /** The address actually connected to. */
  remoteAddress: string | null
}

export interface HttpsGetOptions {
  hostname: string
  /** Connect here instead of resolving `hostname` (SNI and certificate still for `hostname`). */
  ip?: string | null
  path: string
  headers?: Record<string, string>
  timeoutMs: number
  /** Read at most this much of the body (0: discard it). */
  maxBody?: number
}

/**
 * A request's own name lookup, in the getaddrinfo helper (os-resolver.ts): a lookup the request
 * gives up on must not stay behind in this process.
 */
function lookupWithin(timeoutMs: number): LookupFunction {
  return (hostname, options, callback) => {
    osLookup(hostname, { family: options.family, hints: options.hints }, timeoutMs).then(
      (addresses) => {
        const first = addresses[0]
        if (!first) {
          const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
            code: 'ENOTFOUND'
          })
          callback(error, '', 0)
        } else if (options.all) callback(null, addresses)
        else callback(null, first.address, first.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0)
    )
  }
}

/**
 * Key Vault's marks on an answer (result.ts `DataPlaneResult.markers`): its `x-ms-keyvault-*`
 * headers, `x-ms-request-id`, and `error-body` when the caller found Key Vault's JSON error body.
 * Key Vault's only when a Key Vault header is there, or a request id with that body.
 */
export function keyVaultMarkers(
  headers: IncomingHttpHeaders,
  errorBody: boolean
): { keyVault: boolean; markers: string[] } {
  const names = Object.keys(headers).map((name) => name.toLowerCase())
  const vaultHeaders = names.filter((name) => name.startsWith('x-ms-keyvault-')).sort()
  const requestId = names.includes('x-ms-request-id')
  const markers = [
    ...vaultHeaders,
    ...(requestId ? ['x-ms-request-id'] : []),
    ...(errorBody ? ['error-body'] : [])
  ]
  return { keyVault: vaultHeaders.length > 0 || (requestId && errorBody), markers }
}

/** One GET, bounded by `timeoutMs` from start to the end of the body. */
export function httpsGet(
  options: HttpsGetOptions
): Promise<{ answer: HttpsAnswer; error: null } | { answer: null; error: StepError }> {
  const { hostname, ip, path, timeoutMs, maxBody = 0 } = options
  return new Promise((resolve) => {
    // A request by name resolves it first (getaddrinfo): failures there are DNS failures.
    let phase: 'dns' | 'connect' | 'tls' | 'response' = ip || isIP(hostname) ? 'connect' : 'dns'
    let settled = false
    const finish = (
      value: { answer: HttpsAnswer; error: null } | { answer: null; error: StepError }
    ) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(value)
    }
    const req = request({
      host: ip ?? hostname,
      port: 443,
      servername: hostname,
      path,
      method: 'GET',
      headers: { host: hostname, 'user-agent': 'kv-private-link-doctor', ...options.headers },
      agent: false,
      lookup: lookupWithin(timeoutMs),
      timeout: timeoutMs,
      // Explicit, so that NODE_TLS_REJECT_UNAUTHORIZED=0 on the runner cannot turn them off.
      rejectUnauthorized: true,
      checkServerIdentity
    })
    const timer = setTimeout(() => req.destroy(new StepTimeoutError(timeoutMs)), timeoutMs)
    // Read at connect: once the response has ended the socket may already be detached.
    let remoteAddress: string | null = ip ?? null
    req.on('socket', (socket) => {
      socket.once('lookup', () => {
        if (phase === 'dns') phase = 'connect'
      })
      socket.once('connect', () => {
        if (phase === 'dns' || phase === 'connect') phase = 'tls'
        remoteAddress = socket.remoteAddress ?? remoteAddress
      })
      socket.once('secureConnect', () => {
        // Belt and braces: never send the request (and a token) over an unverified connection.
        const tls = socket as TLSSocket
        if (!tls.authorized) {
          const reason = String(tls.authorizationError ?? 'ERR_TLS_CERT_NOT_AUTHORIZED')
          const error = Object.assign(new Error(`certificate not verified: ${reason}`), {
            code: /^[A-Z_]+$/.test(reason) ? reason : 'ERR_TLS_CERT_NOT_AUTHORIZED'
          })
          req.destroy(error)
          return
        }
        phase = 'response'
      })
    })
    req.on('timeout', () => req.destroy(new StepTimeoutError(timeoutMs)))
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        if (size < maxBody) chunks.push(chunk.subarray(0, maxBody - size))
        size += chunk.length
      })
      res.on('end', () =>
        finish({
          answer: {
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            remoteAddress: res.socket?.remoteAddress ?? remoteAddress
          },
          error: null
        })
      )
      res.on('error', (error) =>
        finish({ answer: null, error: connectionError(error, phase, timeoutMs, hostname) })
      )
    })
    req.on('error', (error) =>
      finish({ answer: null, error: connectionError(error, phase, timeoutMs, hostname) })
    )
    req.end()
  })
}

/** `addr` of `x-ms-keyvault-network-info: addr=10.4.5.6;act_addr_fam=InterNetworkV6;`. */
export function parseNetworkInfo(value: string | null): string | null {
  if (!value) return null
  const match = /(?:^|;)\s*addr=([^;\s]+)/i.exec(value)
  return match?.[1] ?? null
}

/** `GET /healthstatus` (guide §7): the status and what the vault says about the request's origin. */
export async function healthStatus(
  hostname: string,
  ip: string | null,
  via: HealthAttempt['via'],
  timeoutMs: number
): Promise<HealthAttempt> {
  const started = Date.now()
  const { answer, error } = await httpsGet({ hostname, ip, path: '/healthstatus', timeoutMs })
  if (error)
    return { via, ip, status: null, networkInfo: null, addr: null, error, ms: Date.now() - started }
  const header = answer.headers['x-ms-keyvault-network-info']
  const networkInfo = Array.isArray(header) ? (header[0] ?? null) : (header ?? null)
  return {
    via,
    ip: ip ?? answer.remoteAddress,
    status: answer.status,
    networkInfo,
    addr: parseNetworkInfo(networkInfo),
    error: null,
    ms: Date.now() - started
  }
}
