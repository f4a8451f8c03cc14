/**
 * Read-once cache: the first caller for a key starts the work, every later caller gets the same
 * promise. Keys are ARM IDs or scopes, which are case-insensitive, so they are lower-cased.
 * The work must not reject (collectors return `Read<T>` values instead of throwing).
 */
export class Memo<T> {
  private readonly promises = new Map<string, Promise<T>>()

  get(key: string, work: () => Promise<T>): Promise<T> {
    const k = key.toLowerCase()
    let promise = this.promises.get(k)
    if (!promise) {
      promise = work()
      this.promises.set(k, promise)
    }
    return promise
  }

  has(key: string): boolean {
    return this.promises.has(key.toLowerCase())
  }

  /** Every entry with its lower-cased key, in first-read order, once all have settled. */
  async entries(): Promise<[string, T][]> {
    const keys = [...this.promises.keys()]
    const values = await Promise.all(keys.map((k) => this.promises.get(k) as Promise<T>))
    return keys.map((k, i) => [k, values[i] as T])
  }

  async values(): Promise<T[]> {
    return (await this.entries()).map(([, value]) => value)
  }

  get size(): number {
    return this.promises.size
  }
}
