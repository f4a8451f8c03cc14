/** Names what went wrong in a network step, and bounds a step in time. */
import type { DnsFailureKind, StepError, StepErrorKind } from './result.js'

/** Marks an error as ours: the step ran out of time. */
export const TIMEOUT_CODE = 'KVPLD_TIMEOUT'

export class StepTimeoutError extends Error {
  readonly code = TIMEOUT_CODE
  constructor(readonly ms: number) {
    super(`no answer within ${seconds(ms)}`)
  }
}

export function seconds(ms: number): string {
  const value = ms / 1000
  return `${Number.isInteger(value) ? value : value.toFixed(1)} s`
}

/**
 * `promise`, or a StepTimeoutError after `ms`; `onTimeout` cancels what can be cancelled.
 * Work that cannot be cancelled (getaddrinfo) finishes in the background and is ignored.
 */
export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout?: () => void
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.()
      reject(new StepTimeoutError(ms))
    }, ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'ERROR'
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? ''
}

/** Node's codes for DNS failures (c-ares and getaddrinfo) by what they say happened. */
const FAILURE_KINDS: Record<string, DnsFailureKind> = {
  ENOTFOUND: 'nxdomain',
  ENODATA: 'no-data',
  // getaddrinfo's own codes, as a request's lookup reports them (Node turns EAI_NONAME into
  // ENOTFOUND; EAI_NODATA may come through as is).
  EAI_NODATA: 'no-data',
  ESERVFAIL: 'servfail',
  EREFUSED: 'refused',
  ETIMEOUT: 'timeout',
  ECANCELLED: 'timeout',
  [TIMEOUT_CODE]: 'timeout',
  ECONNREFUSED: 'unreachable',
  EAI_AGAIN: 'temporary'
}

export function dnsFailureKind(code: string): DnsFailureKind {
  return FAILURE_KINDS[code] ?? 'other'
}

/** The step error kinds the rules already know, for each way a lookup fails. */
const STEP_KINDS: Record<DnsFailureKind, StepErrorKind> = {
  nxdomain: 'nxdomain',
  'no-data': 'no-data',
  timeout: 'dns-timeout',
  servfail: 'dns-failed',
  refused: 'dns-failed',
  unreachable: 'dns-failed',
  temporary: 'dns-failed',
  other: 'dns-failed'
}

/** The codes a request's own name lookup (getaddrinfo) fails with. */
const LOOKUP_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NODATA',
  'EAI_FAIL',
  'EAI_NONAME',
  // The helper process that runs getaddrinfo (os-resolver.ts) failed.
  'KVPLD_LOOKUP_HELPER'
])

/**
 * A DNS error (dns.Resolver or dns.lookup) as a named step error. `kind`: how it failed when the
 * code alone does not say (c-ares' EBADRESP, read again from the answer's rcode); `servers`: the
 * DNS servers asked, named in the message.
 */
export function dnsError(
  error: unknown,
  name: string,
  found: { kind?: DnsFailureKind; servers?: readonly string[] } = {}
): StepError {
  const code = codeOf(error)
  const kind = found.kind ?? dnsFailureKind(code)
  const by = found.servers?.length ? found.servers.join(', ') : 'the resolver'
  const messages: Record<DnsFailureKind, string> = {
    nxdomain: `${name} does not exist (NXDOMAIN)`,
    'no-data': `${name} has no A record`,
    timeout: `no DNS answer for ${name} in time`,
    servfail: `${by} answered SERVFAIL for ${name}: the resolver could not get an answer itself (a lame or unreachable delegation, or a failing forwarder)`,
    refused: `${by} answered REFUSED for ${name}: the server does not resolve this name for this client`,
    unreachable: `no DNS server answers at ${by} (${code}: nothing listens there)`,
    temporary: `resolving ${name} failed temporarily (EAI_AGAIN: the resolver answered SERVFAIL or REFUSED, or did not answer within the system's own timeout)`,
    other: `resolving ${name} failed (${code}: ${messageOf(error)})`
  }
  return { kind: STEP_KINDS[kind], phase: 'dns', code, message: messages[kind] }
}

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME|ALTNAME/i

/**
 * A DNS/TCP/TLS/HTTP error of a request as a named step error, given how far the request got.
 * `phase` `dns`: the request was still resolving `hostname` (it was not pinned to an address).
 */
export function connectionError(
  error: unknown,
  phase: 'dns' | 'connect' | 'tls' | 'response',
  timeoutMs: number,
  hostname = 'the name'
): StepError {
  const code = codeOf(error)
  const message = messageOf(error)
  // The request's own lookup failed: a DNS failure, named as such (contract: DNS failures are named).
  if (LOOKUP_CODES.has(code) || (phase === 'dns' && code === TIMEOUT_CODE)) {
    return dnsError(error, hostname)
  }
  // Past the lookup (or it never finished for another reason): the connection's phases.
  const at = phase === 'dns' ? 'connect' : phase
  if (code === TIMEOUT_CODE || code === 'ETIMEDOUT') {
    const what = {
      connect: `no TCP connection within ${seconds(timeoutMs)} (timeout: packets dropped or filtered)`,
      tls: `TCP connected, but the TLS handshake did not finish within ${seconds(timeoutMs)}`,
      response: `connected and TLS verified, but no HTTP answer within ${seconds(timeoutMs)}`
    }[at]
    return { kind: 'timeout', phase: at, code: TIMEOUT_CODE, message: what }
  }
  if (code === 'ECONNREFUSED') {
    return { kind: 'refused', phase: 'connect', code, message: 'connection refused on port 443' }
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EINVAL') {
    return { kind: 'unreachable', phase: 'connect', code, message: `no route (${code})` }
  }
  if (TLS_CODE.test(code)) return { kind: 'tls', phase: 'tls', code, message }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    const during = {
      connect: 'while connecting',
      tls: 'during the TLS handshake, before any certificate was checked',
      response: 'after the TLS handshake, before a complete HTTP answer'
    }[at]
    return { kind: 'reset', phase: at, code, message: `the connection was closed ${during}` }
  }
  return { kind: 'error', phase: at, code, message }
}
