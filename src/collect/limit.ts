/** A bound on how many tasks run at once (ARM reads, here). */
import { abortError, type Signal } from './retry.js'

export interface Limit {
  /**
   * Runs `task` once a slot is free. With a signal, a task still waiting for its slot when the
   * signal fires is dropped from the queue (never run) and rejects with an `AbortError`. A task
   * marked `first` takes the next free slot ahead of every unmarked one still waiting (in order
   * among the marked ones).
   */
  <T>(task: () => Promise<T>, signal?: Signal, first?: boolean): Promise<T>
  /** Tasks running now. */
  readonly active: number
  /** Tasks waiting for a slot. */
  readonly pending: number
}

export function createLimit(concurrency: number): Limit {
  const max = Math.max(1, Math.floor(concurrency))
  // Two queues rather than one sorted: both stay first-in, first-out, and a marked task is
  // queued in constant time however many unmarked ones wait.
  const firstQueue: (() => void)[] = []
  const queue: (() => void)[] = []
  let active = 0

  const release = (): void => {
    active--
    const next = firstQueue.shift() ?? queue.shift()
    if (next) next()
  }

  const limit = <T>(task: () => Promise<T>, signal?: Signal, first = false): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError())
        return
      }
      const waiting = first ? firstQueue : queue
      const onAbort = (): void => {
        const index = waiting.indexOf(start)
        if (index < 0) return
        waiting.splice(index, 1)
        reject(abortError())
      }
      const start = (): void => {
        signal?.removeEventListener('abort', onAbort)
        active++
        let result: Promise<T>
        try {
          result = task()
        } catch (error) {
          result = Promise.reject(error)
        }
        result.then(resolve, reject).finally(release)
      }
      if (active < max) start()
      else {
        waiting.push(start)
        signal?.addEventListener('abort', onAbort, { once: true })
      }
    })

  return Object.defineProperties(limit, {
    active: { get: () => active },
    pending: { get: () => firstQueue.length + queue.length }
  }) as Limit
}
