/**
 * Throttling is shared per subscription: ARM keeps one read bucket per subscription (and
 * principal), so a 429's Retry-After applies to every read of that subscription, not only to the
 * request that got it. The gate remembers, per subscription, until when ARM asked us to wait;
 * every attempt of every read waits there before it takes a concurrency slot, so one 429 holds
 * back the whole subscription (instead of the other reads emptying the bucket again and collecting
 * 429s of their own) while reads of other subscriptions go on. A 503 with Retry-After (ARM sends
 * those too when it sheds load) closes the gate the same way.
 *
 * Waiting here (and for a slot) is not counted by the per-attempt timeout, which starts after this
 * policy (see `armTimeoutPolicy`), but it does end at once when the request's abort signal fires.
 */
import type { PipelinePolicy } from '@azure/core-rest-pipeline'
import type { Limit } from './limit.js'
import { isRestError } from './rest-error.js'
import {
  abortError,
  defaultSleep,
  MAX_RETRY_AFTER_MS,
  retryAfterMs,
  type Signal,
  type Sleep
} from './retry.js'

export const GATE_POLICY_NAME = 'kvpldGatePolicy'

export class ThrottleGate {
  private readonly until = new Map<string, number>()
  private closedMs = 0
  private throttledCount = 0

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: Sleep = defaultSleep
  ) {}

  /**
   * Resolves once the subscription's gate is open (at once when it is); rejects with an
   * `AbortError` as soon as `signal` fires.
   */
  async wait(subscriptionId: string, signal?: Signal): Promise<void> {
    const key = subscriptionId.toLowerCase()
    for (;;) {
      if (signal?.aborted) throw abortError()
      const left = (this.until.get(key) ?? 0) - this.now()
      if (left <= 0) return
      await this.sleep(left, signal)
    }
  }

  /** ARM said "wait `ms`" for this subscription: nothing of it goes out before then. */
  pause(subscriptionId: string, ms: number): void {
    const key = subscriptionId.toLowerCase()
    const now = this.now()
    const before = this.until.get(key) ?? 0
    const after = now + Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS)
    this.throttledCount++
    if (after <= before) return
    // Time the subscription stands still, counted once however many reads wait in it.
    this.closedMs += after - Math.max(before, now)
    this.until.set(key, after)
  }

  isOpen(subscriptionId: string): boolean {
    return (this.until.get(subscriptionId.toLowerCase()) ?? 0) <= this.now()
  }

  /** Total time subscriptions were held back by Retry-After, summed over subscriptions. */
  get waitedMs(): number {
    return this.closedMs
  }

  /** 429s seen, and 503s with Retry-After. */
  get throttled(): number {
    return this.throttledCount
  }

  /**
   * The policy that replaces a plain concurrency bound: wait at the gate, take a slot (and look at
   * the gate again: it may have closed while this read queued), send, and close the gate on a
   * 429 or 503 with Retry-After. All waiting follows the request's abort signal. Whatever comes
   * after this policy (the per-attempt timeout first) runs only once the read holds its slot.
   */
  policy(limit: Limit): PipelinePolicy {
    return {
      name: GATE_POLICY_NAME,
      sendRequest: async (request, next) => {
        const subscriptionId = subscriptionOfUrl(request.url)
        const signal = request.abortSignal
        await this.wait(subscriptionId, signal)
        return limit(
          async () => {
            await this.wait(subscriptionId, signal)
            try {
              const response = await next(request)
              this.onAnswer(subscriptionId, response)
              return response
            } catch (error) {
              const response = isRestError(error) ? error.response : undefined
              if (response) this.onAnswer(subscriptionId, response)
              throw error
            }
          },
          signal,
          isNextPage(request.url)
        )
      }
    }
  }

  private onAnswer(subscriptionId: string, response: Parameters<typeof retryAfterMs>[0]): void {
    if (response.status !== 429 && response.status !== 503) return
    const ms = retryAfterMs(response, this.now())
    // Without Retry-After the retry policy backs off on its own; the others need not stop.
    if (ms !== null) this.pause(subscriptionId, ms)
    else if (response.status === 429) this.throttledCount++
  }
}

/**
 * A listing's next page (its URL is the previous page's `nextLink`, with a skip token): it takes
 * the next free slot ahead of single reads. The pages of the longest listing follow one another,
 * so each one that waits behind a burst of single reads (a hundred endpoints' zone groups, say)
 * makes the whole run wait; a single read that waits for a page delays only itself.
 */
export function isNextPage(url: string): boolean {
  return /[?&](?:\$|%24)skiptoken=/i.test(url)
}

/** The subscription a request URL is about ('' for tenant-level URLs). */
export function subscriptionOfUrl(url: string): string {
  return /\/subscriptions\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? ''
}
