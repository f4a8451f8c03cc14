/** A bound on how many tasks run at once (ARM reads, here). */
export interface Limit {
  <T>(task: () => Promise<T>): Promise<T>
  /** Tasks running now. */
  readonly active: number
  /** Tasks waiting for a slot. */
  readonly pending: number
}

export function createLimit(concurrency: number): Limit {
  const max = Math.max(1, Math.floor(concurrency))
  const queue: (() => void)[] = []
  let active = 0

  const release = (): void => {
    active--
    const next = queue.shift()
    if (next) next()
  }

  const limit = <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
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
      else queue.push(start)
    })

  return Object.defineProperties(limit, {
    active: { get: () => active },
    pending: { get: () => queue.length }
  }) as Limit
}
