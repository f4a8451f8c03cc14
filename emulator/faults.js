// Injected faults: make chosen requests slow, throttled, failing or broken.
//
//   { match: string | RegExp,  // tested against "METHOD /path?query"; a string matches as a
//                              // case-insensitive substring, e.g. '/privateDnsZones' or 'GET /subscriptions'
//     status?: number,         // answer with this status (429 gets Retry-After + ARM's throttling body)
//     retryAfter?: number,     // seconds, for the Retry-After header (default 1 on 429/503)
//     times?: number,          // how many requests it hits (default: every one)
//     delayMs?: number,        // wait before answering (alone: a slow but otherwise normal answer)
//     malformed?: true,        // 200 (or `status`) with a JSON body cut off half way
//     destroy?: true,          // drop the connection without answering
//     hang?: true,             // never answer (until the client gives up or the emulator stops)
//     body?: object }          // the JSON to send instead of the default error body
import { delay } from './http.js'

/**
 * @typedef {{ match: string | RegExp, status?: number, retryAfter?: number, times?: number,
 *   delayMs?: number, malformed?: boolean, destroy?: boolean, hang?: boolean, body?: unknown }} Fault
 */

const ERROR_CODES = {
  400: 'BadRequest',
  404: 'NotFound',
  409: 'Conflict',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout'
}

/** @param {Fault[]} [initial] */
export function createFaults(initial = []) {
  /** @type {{ fault: Fault, remaining: number }[]} */
  const active = []

  /** @param {Fault} fault */
  function add(fault) {
    if (!fault || (typeof fault.match !== 'string' && !(fault.match instanceof RegExp))) {
      throw new TypeError('a fault needs `match`: a string or a RegExp')
    }
    active.push({ fault, remaining: fault.times ?? Infinity })
  }
  initial.forEach(add)

  /**
   * The fault for this request, if any (and counts it as used).
   * @param {string} method
   * @param {string} pathWithQuery
   */
  function take(method, pathWithQuery) {
    const subject = `${method} ${pathWithQuery}`
    for (const slot of active) {
      if (slot.remaining <= 0) continue
      const { match } = slot.fault
      const hit =
        typeof match === 'string'
          ? subject.toLowerCase().includes(match.toLowerCase())
          : ((match.lastIndex = 0), match.test(subject))
      if (hit) {
        slot.remaining -= 1
        return slot.fault
      }
    }
    return undefined
  }

  return {
    add,
    take,
    clear: () => void (active.length = 0),
    /** faults that still have uses left */
    pending: () => active.filter((slot) => slot.remaining > 0).map((slot) => slot.fault)
  }
}

/**
 * Carries out a fault. Returns true when it answered (or dropped) the request, false when the
 * request should go on to its normal handler (a delay-only fault).
 * @param {import('./http.js').RequestContext} ctx
 * @param {Fault} fault
 * @param {{ subscriptionId: string, actor: string }} who for the throttling message
 */
export async function applyFault(ctx, fault, who) {
  ctx.entry.fault = true
  if (fault.delayMs) await delay(fault.delayMs)
  if (fault.hang) {
    // Status 0: no answer was ever sent. The request ends when its connection closes.
    ctx.entry.status = 0
    await new Promise((resolve) => {
      if (ctx.res.destroyed) resolve(undefined)
      else ctx.res.once('close', () => resolve(undefined))
    })
    return true
  }
  if (fault.destroy) {
    ctx.entry.status = 0
    ctx.req.socket.destroy()
    return true
  }
  if (fault.malformed) {
    ctx.sendText(fault.status ?? 200, '{"value":[{"id":"/subscriptions/', {
      'content-type': 'application/json; charset=utf-8'
    })
    return true
  }
  if (!fault.status) return false
  const status = fault.status
  /** @type {Record<string, string|number>} */
  const headers = {}
  if (status === 429 || status === 503 || fault.retryAfter !== undefined) {
    headers['retry-after'] = String(fault.retryAfter ?? 1)
  }
  let body = fault.body
  if (body === undefined && status === 429) {
    body = {
      error: {
        code: 'SubscriptionRequestsThrottled',
        message: `Number of 'read' requests for subscription '${who.subscriptionId}' actor '${who.actor}' exceeded. Please try again after '${fault.retryAfter ?? 1}' seconds.`
      }
    }
  }
  if (body === undefined) {
    body = {
      error: {
        code: ERROR_CODES[status] ?? `Http${status}`,
        message: `Emulated fault: ${ctx.method} ${ctx.rawPath} answered with HTTP ${status}.`
      }
    }
  }
  ctx.send(status, body, headers)
  return true
}
