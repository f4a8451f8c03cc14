/** Name helpers shared by every stage: DNS names and Azure's case-insensitive names. */

/** Lower-cased DNS name without a trailing dot. */
export function dnsName(name: string): string {
  return name.trim().replace(/\.+$/, '').toLowerCase()
}

export function sameText(a: string | null | undefined, b: string): boolean {
  // The same text needs no lower-cased copies.
  return a != null && (a === b || a.toLowerCase() === b.toLowerCase())
}

/** A list for messages: `a, b, c`, or `(none)`. */
export function list(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : values.join(', ')
}

/** A record name meant for `target`: its name, maybe with a suffix or dots (`kv1`, `kv1.vault`). */
export function isNamedAfter(recordName: string, target: string): boolean {
  const name = dnsName(recordName)
  const wanted = target.toLowerCase()
  return name === wanted || name.startsWith(`${wanted}.`)
}
