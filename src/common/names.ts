/** Name helpers shared by every stage: DNS names and Azure's case-insensitive names. */

/** Lower-cased DNS name without a trailing dot. */
export function dnsName(name: string): string {
  const trimmed = name.trim()
  // Most names have no trailing dot: no regular expression run for them.
  const bare = trimmed.endsWith('.') ? trimmed.replace(/\.+$/, '') : trimmed
  return bare.toLowerCase()
}

export function sameText(a: string | null | undefined, b: string): boolean {
  return a != null && equalIgnoringCase(a, b)
}

const NON_ASCII = /[\u0080-\uffff]/

/**
 * `a.toLowerCase() === b.toLowerCase()` without making the two lower-cased copies (the rules
 * compare ARM IDs tens of thousands of times at 2,000 vaults): ASCII is compared code by code;
 * a text with anything else is lower-cased as before, where case mapping depends on more than
 * one character.
 */
export function equalIgnoringCase(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length !== b.length) {
    return (NON_ASCII.test(a) || NON_ASCII.test(b)) && a.toLowerCase() === b.toLowerCase()
  }
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x >= 128 || y >= 128) return a.toLowerCase() === b.toLowerCase()
    if (x === y) continue
    if (x >= 65 && x <= 90) x += 32
    if (y >= 65 && y <= 90) y += 32
    if (x !== y) return false
  }
  return true
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
