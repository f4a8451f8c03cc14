/**
 * Our own retry policy for ARM reads, replacing the SDK's `defaultRetryPolicy`.
 *
 * Why not the SDK's: its defaults (3 retries, 1 s base, 64 s cap) are fine for production but
 * cannot be shortened per request kind, it does not retry a 429 that lacks `Retry-After`, it
 * gives up at once on a client-side timeout (an `AbortError` is not a `RestError`), and it never
 * retries a 2xx whose JSON body is cut off. This policy:
 * - 429 / 503 with `Retry-After` (or `retry-after-ms`, `x-ms-retry-after-ms`): waits what ARM
 *   asks (capped at `MAX_RETRY_AFTER_MS`), then retries. A 429 is ARM's token bucket saying
 *   "later", not a fault: these retries do not use up `maxRetries` (a separate cap,
 *   `MAX_THROTTLED_RETRIES`, stops a bucket that never refills);
 * - 429 without it, 408, 5xx (not 501/505), transport errors, per-attempt timeouts, and 2xx
 *   answers whose JSON does not parse: exponential backoff with jitter;
 * - a 403 or 404 whose JSON body does not parse: once (the status is ARM's verdict, but the body,
 *   which names the denied action, was cut on the way);
 * - after `maxRetries` retries, hands the last response (or error) on, so the caller sees ARM's
 *   own status and body (and turns it into a `ReadFailure`).
 *
 * The per-attempt timeout is a policy of its own (`armTimeoutPolicy`), placed after the throttle
 * gate and the concurrency bound (clients.ts): it measures the time an attempt is actually out,
 * never the time it waited for a Retry-After or a free slot. A request that queues longer than
 * `timeoutMs` is therefore not aborted before it is sent.
 *
 * `totalMs` bounds what one request may cost in faults: its attempts' time on the wire plus the
 * backoff between them (not queueing, not a Retry-After that ARM asked for). Without it a route
 * that never answers would hold its read for (maxRetries + 1) × timeoutMs plus the backoff, 167 s
 * with the defaults; with it, the last attempt gets only what is left, and a request that
 * runs out fails with an `ArmTimeoutError` that says so.
 */
import type { PipelinePolicy, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline'
import { isRestError } from './rest-error.js'

export interface RetrySettings {
  /** Retries after the first attempt. */
  maxRetries: number
  /** First backoff delay; doubles on every retry. */
  baseDelayMs: number
  /** Cap on one backoff delay (not on `Retry-After`). */
  maxDelayMs: number
  /** Time allowed for one attempt, response body included. */
  timeoutMs: number
  /** Time allowed for all attempts of one request on the wire, plus the backoff between them. */
  totalMs: number
}

export const DEFAULT_RETRY: RetrySettings = {
  maxRetries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  timeoutMs: 30_000,
  totalMs: 60_000
}

/** A `Retry-After` longer than this is cut short (ARM asks for seconds, not minutes). */
export const MAX_RETRY_AFTER_MS = 120_000

/** Retries of 429s with Retry-After, on top of `maxRetries`. */
export const MAX_THROTTLED_RETRIES = 10

export const RETRY_POLICY_NAME = 'kvpldRetryPolicy'
export const TIMEOUT_POLICY_NAME = 'kvpldTimeoutPolicy'

/**
 * An attempt took longer than `timeoutMs`; with `totalMs`, the request's whole time budget ran
 * out on attempts that got no answer.
 */
export class ArmTimeoutError extends Error {
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
    readonly attempts: number,
    readonly totalMs?: number,
    /** Attempts that got an answer (an error status) before the ones that timed out. */
    readonly answered = 0
  ) {
    super(
      totalMs === undefined
        ? `ARM did not answer within ${timeoutMs} ms (${attempts} attempt(s))`
        : `no answer from ARM within ${seconds(totalMs)} s (${
            answered === 0
              ? 'route never answered'
              : `the last attempt got no answer; ${answered} earlier one(s) answered with an error`
          }; ${attempts} attempt(s), at most ${seconds(timeoutMs)} s each)`
    )
    this.name = 'ArmTimeoutError'
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10)
}

/** What one request has left of `totalMs`, shared by the retry and the timeout policy. */
class Budget {
  private spent = 0
  constructor(readonly totalMs: number) {}
  get remaining(): number {
    return this.totalMs - this.spent
  }
  charge(ms: number): void {
    this.spent += Math.max(0, ms)
  }
}

/** The budget of each request in flight (the same request object goes out on every attempt). */
const budgets = new WeakMap<PipelineRequest, Budget>()

/** A request's abort signal, as the pipeline types it (`AbortSignalLike`). */
export type Signal = NonNullable<PipelineRequest['abortSignal']>

/** Waits `ms`; with a signal, rejects (with an `AbortError`) as soon as it is aborted. */
export type Sleep = (ms: number, signal?: Signal) => Promise<void>

/** What core-rest-pipeline throws when a request's `abortSignal` fires. */
export function abortError(): Error {
  const error = new Error('The operation was aborted.')
  error.name = 'AbortError'
  return error
}

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError())
      return
    }
    const onAbort = (): void => {
      clearTimeout(handle)
      reject(abortError())
    }
    const handle = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })

const SYSTEM_ERRORS = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'REQUEST_SEND_ERROR'
])

export interface RetryOptions {
  sleep?: Sleep
  /**
   * The client is one of `@azure/core-client` (its `deserializationPolicy` deserializes a
   * `parsedBody` it finds without text): a 2xx JSON body is handed to it as parsed here.
   */
  handsOverParsedBody?: boolean
}

export function armRetryPolicy(
  settings: RetrySettings,
  { sleep = defaultSleep, handsOverParsedBody = false }: RetryOptions = {}
): PipelinePolicy {
  const pause = async (ms: number, signal: Signal | undefined): Promise<void> => {
    await sleep(ms, signal)
    if (signal?.aborted) throw abortError()
  }
  return {
    name: RETRY_POLICY_NAME,
    async sendRequest(request, next) {
      const budget = new Budget(settings.totalMs)
      budgets.set(request, budget)
      let throttled = 0
      let cutRetried = false
      let answered = 0
      try {
        for (let attempt = 0; ; attempt++) {
          const outcome = await attemptOnce(request, next)
          const cut = isCutRefusal(outcome)
          const wait = cut
            ? cutRetried
              ? null
              : backoff(attempt, settings)
            : retryDelay(outcome, attempt, settings)
          if (cut && wait !== null) cutRetried = true
          if (
            wait !== null &&
            isThrottledWithRetryAfter(outcome) &&
            throttled < MAX_THROTTLED_RETRIES
          ) {
            throttled++
            attempt--
            await pause(wait, request.abortSignal)
            continue
          }
          // A wait that ARM asked for is not a fault: it does not come out of the budget.
          const charged = wait !== null && !hasRetryAfter(outcome) ? wait : 0
          const outOfTime = wait !== null && budget.remaining - charged <= 0
          if (wait === null || attempt >= settings.maxRetries || outOfTime) {
            if (outcome.timedOut) {
              throw outOfTime
                ? new ArmTimeoutError(
                    request.url,
                    settings.timeoutMs,
                    attempt + 1,
                    settings.totalMs,
                    answered
                  )
                : new ArmTimeoutError(request.url, settings.timeoutMs, attempt + 1)
            }
            if (outcome.error !== undefined) throw outcome.error
            const response = outcome.response as PipelineResponse
            return handsOverParsedBody ? handOver(response) : response
          }
          if (!outcome.timedOut) answered++
          budget.charge(charged)
          await pause(wait, request.abortSignal)
        }
      } finally {
        budgets.delete(request)
      }
    }
  }
}

/** A 403 or 404 whose JSON body does not parse. */
function isCutRefusal(outcome: Outcome): boolean {
  const response = outcome.response
  return (
    response !== undefined &&
    (response.status === 403 || response.status === 404) &&
    isMalformedJson(response)
  )
}

function isThrottledWithRetryAfter(outcome: Outcome): boolean {
  return outcome.response?.status === 429 && retryAfterMs(outcome.response) !== null
}

function hasRetryAfter(outcome: Outcome): boolean {
  const status = outcome.response?.status
  return (status === 429 || status === 503) && retryAfterMs(outcome.response!) !== null
}

interface Outcome {
  response?: PipelineResponse
  error?: unknown
  timedOut: boolean
}

async function attemptOnce(
  request: PipelineRequest,
  next: (request: PipelineRequest) => Promise<PipelineResponse>
): Promise<Outcome> {
  try {
    return { response: await next(request), timedOut: false }
  } catch (error) {
    if (request.abortSignal?.aborted) throw error
    const response = isRestError(error) ? error.response : undefined
    const timedOut = error instanceof ArmTimeoutError
    return { error, timedOut, ...(response ? { response } : {}) }
  }
}

/**
 * The per-attempt timeout. It belongs after the throttle gate and the concurrency bound in the
 * pipeline, so that its clock starts when the attempt holds a slot and is about to go out: time
 * spent waiting out a Retry-After or for a slot is not counted. A timed-out attempt throws an
 * `ArmTimeoutError` (which `armRetryPolicy` retries); the caller's own abort passes through as is.
 */
export function armTimeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: TIMEOUT_POLICY_NAME,
    async sendRequest(request, next) {
      // The attempt gets what is left of the request's budget, when that is less than timeoutMs.
      const budget = budgets.get(request)
      const allowed = Math.max(0, Math.min(timeoutMs, budget?.remaining ?? Infinity))
      const started = Date.now()
      const original = request.abortSignal
      const timer = new AbortController()
      const handle = setTimeout(() => timer.abort(), allowed)
      const forward = (): void => timer.abort()
      if (original?.aborted) timer.abort()
      else original?.addEventListener('abort', forward)
      request.abortSignal = timer.signal
      try {
        return await next(request)
      } catch (error) {
        if (timer.signal.aborted && !original?.aborted) {
          throw new ArmTimeoutError(request.url, timeoutMs, 1)
        }
        throw error
      } finally {
        clearTimeout(handle)
        budget?.charge(Date.now() - started)
        original?.removeEventListener('abort', forward)
        request.abortSignal = original
      }
    }
  }
}

/** Milliseconds to wait before the next attempt, or null when this outcome is final. */
function retryDelay(outcome: Outcome, attempt: number, settings: RetrySettings): number | null {
  if (outcome.timedOut) return backoff(attempt, settings)
  const { response, error } = outcome
  if (!response) {
    const code = isRestError(error) ? error.code : (error as { code?: unknown } | undefined)?.code
    return typeof code === 'string' && SYSTEM_ERRORS.has(code) ? backoff(attempt, settings) : null
  }
  const status = response.status
  if (status === 429 || status === 503) {
    const after = retryAfterMs(response)
    if (after !== null) return Math.min(after, MAX_RETRY_AFTER_MS)
    return backoff(attempt, settings)
  }
  if (status === 408 || (status >= 500 && status !== 501 && status !== 505)) {
    return backoff(attempt, settings)
  }
  if (status >= 200 && status < 300 && isMalformedJson(response)) return backoff(attempt, settings)
  return null
}

export function backoff(
  attempt: number,
  settings: Pick<RetrySettings, 'baseDelayMs' | 'maxDelayMs'>
): number {
  const exponential = settings.baseDelayMs * 2 ** attempt
  const jitter = 0.8 + Math.random() * 0.4
  return Math.round(Math.min(settings.maxDelayMs, exponential * jitter))
}

/** `retry-after-ms`, `x-ms-retry-after-ms` (milliseconds) or `Retry-After` (seconds or an HTTP date). */
export function retryAfterMs(response: PipelineResponse, now = Date.now()): number | null {
  for (const header of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(response.headers.get(header) ?? 'x')
    if (Number.isFinite(value) && value >= 0) return value
  }
  const retryAfter = response.headers.get('retry-after')
  if (!retryAfter) return null
  const seconds = Number(retryAfter)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(retryAfter)
  return Number.isFinite(date) ? Math.max(0, date - now) : null
}

/** Bodies this policy parsed, by response: a body is parsed once, here (see `handOver`). */
const parsedBodies = new WeakMap<PipelineResponse, unknown>()

/** A JSON answer whose body does not parse (truncated or garbled). */
function isMalformedJson(response: PipelineResponse): boolean {
  const type = response.headers.get('content-type') ?? ''
  const text = response.bodyAsText
  if (!/json/i.test(type) || typeof text !== 'string' || text.trim() === '') return false
  try {
    parsedBodies.set(response, JSON.parse(text))
    return false
  } catch {
    return true
  }
}

/** The content types core-client parses as JSON (its deserializationPolicy's defaults). */
const SDK_JSON_TYPE = /^(application|text)\/json$/

/**
 * A 2xx body parsed above goes to a core-client SDK parsed: core-client would parse `bodyAsText`
 * again whenever it is set (the listings of 2,000 vaults' endpoints, NICs and records: some 30 ms
 * and as much garbage again), and it deserializes a `parsedBody` it finds without text as it
 * would its own parse. Only for the types it parses as JSON itself; the raw body stays readable
 * with `rawJsonBody`. (The Key Vault client, of `@typespec/ts-http-runtime`, parses the text after
 * the pipeline, unconditionally: its bodies keep their text and are parsed twice.)
 */
function handOver(response: PipelineResponse): PipelineResponse {
  if (response.status < 200 || response.status >= 300 || !parsedBodies.has(response)) {
    return response
  }
  const types = (response.headers.get('content-type') ?? '').split(';')
  if (!types.some((type) => SDK_JSON_TYPE.test(type.trim().toLowerCase()))) return response
  const handed = response as PipelineResponse & { parsedBody?: unknown }
  handed.parsedBody = parsedBodies.get(response)
  handed.bodyAsText = undefined
  return handed
}

/**
 * The JSON body of an ARM answer as it came, fields the SDK's models drop included (null: none,
 * or not JSON).
 */
export function rawJsonBody(response: PipelineResponse): unknown {
  if (parsedBodies.has(response)) return parsedBodies.get(response)
  if (!response.bodyAsText) return null
  try {
    return JSON.parse(response.bodyAsText) as unknown
  } catch {
    return null
  }
}
