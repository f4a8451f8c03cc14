// ARM's read throttling, modelled as a token bucket per subscription (and principal: the emulator
// has one). Every ARM request takes a token; an empty bucket answers 429 with Retry-After (whole
// seconds, as ARM sends it) and ARM's SubscriptionRequestsThrottled body. Every answer carries
// x-ms-ratelimit-remaining-subscription-reads, as ARM's do.
//
//   throttle: true                          ARM's numbers: 250 requests, refilled at 25 per second
//   throttle: { capacity, refillPerSecond } a smaller bucket, e.g. to force 429s in a test
//
// Real ARM (learn.microsoft.com, request-limits-and-throttling): per subscription and principal,
// a bucket of 250 reads refilled at 25 per second.

import { performance } from 'node:perf_hooks'

export const ARM_READ_BUCKET = { capacity: 250, refillPerSecond: 25 }

/**
 * @typedef {{ capacity: number, refillPerSecond: number }} ThrottleSettings
 * @typedef {{ subscriptionId: string, at: number, retryAfterSeconds: number }} ThrottleEvent
 */

/**
 * @param {true | Partial<ThrottleSettings>} options
 * @param {() => number} [now] milliseconds
 */
export function createThrottle(options, now = () => performance.now()) {
  const settings = { ...ARM_READ_BUCKET, ...(options === true ? {} : options) }
  if (!(settings.capacity >= 1) || !(settings.refillPerSecond > 0)) {
    throw new TypeError('throttle needs capacity >= 1 and refillPerSecond > 0')
  }
  /** @type {Map<string, { tokens: number, at: number }>} */
  const buckets = new Map()
  /** @type {ThrottleEvent[]} */
  const events = []

  /** @param {string} key */
  function bucket(key) {
    const t = now()
    let b = buckets.get(key)
    if (!b) {
      b = { tokens: settings.capacity, at: t }
      buckets.set(key, b)
    }
    b.tokens = Math.min(
      settings.capacity,
      b.tokens + ((t - b.at) / 1000) * settings.refillPerSecond
    )
    b.at = t
    return b
  }

  /**
   * Takes a token for this subscription. Returns the headers to add to a normal answer, or the
   * 429 to send instead.
   * @param {string} subscriptionId
   * @returns {{ ok: true, remaining: number } | { ok: false, retryAfterSeconds: number }}
   */
  function take(subscriptionId) {
    const key = subscriptionId.toLowerCase()
    const b = bucket(key)
    if (b.tokens >= 1) {
      b.tokens -= 1
      return { ok: true, remaining: Math.floor(b.tokens) }
    }
    // Seconds until one token is back, rounded up (ARM never says 0).
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - b.tokens) / settings.refillPerSecond))
    events.push({ subscriptionId: key, at: now(), retryAfterSeconds })
    return { ok: false, retryAfterSeconds }
  }

  return { settings, take, events, reset: () => void buckets.clear() }
}

/** ARM's 429 body (verbatim shape from a public fixture, see azure-api-examples/ERRORS.md). */
export function throttledBody(subscriptionId, actor, retryAfterSeconds) {
  return {
    error: {
      code: 'SubscriptionRequestsThrottled',
      message: `Number of 'read' requests for subscription '${subscriptionId}' actor '${actor}' exceeded. Please try again after '${retryAfterSeconds}' seconds.`
    }
  }
}
