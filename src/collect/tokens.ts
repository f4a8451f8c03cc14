/**
 * One token for all ARM clients of a run.
 *
 * Each SDK client has its own bearer-token policy, and they start together: without this, the
 * first reads of a run ask Entra (and, with OIDC, GitHub) for a token once per client, in
 * parallel. This wrapper shares one request and one token per scope. It also drops
 * `enableCae` (the policies ask for a CAE-capable token, which MSAL caches apart from the one
 * the sign-in step already got): a run's reads gain nothing from CAE, and reusing the sign-in
 * token saves the round trips. A claims challenge (`claims` set) always goes to the credential.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity'

/** A cached token is handed out only while it has at least this long to live. */
export const REUSE_MARGIN_MS = 5 * 60 * 1000

export function sharedTokenCredential(
  credential: TokenCredential,
  now: () => number = Date.now
): TokenCredential {
  const cache = new Map<string, Promise<AccessToken | null>>()

  const request = (key: string, scopes: string | string[], options: GetTokenOptions) => {
    const promise = credential.getToken(scopes, options)
    cache.set(key, promise)
    promise.then(
      (token) => {
        if (!token && cache.get(key) === promise) cache.delete(key)
      },
      () => {
        if (cache.get(key) === promise) cache.delete(key)
      }
    )
    return promise
  }

  return {
    async getToken(scopes, options = {}) {
      const rest: GetTokenOptions = { ...options }
      delete rest.enableCae
      if (rest.claims) return credential.getToken(scopes, rest)
      const key = `${[scopes].flat().join(' ')}|${rest.tenantId ?? ''}`
      const entry = cache.get(key)
      if (!entry) return request(key, scopes, rest)
      const token = await entry
      if (token && token.expiresOnTimestamp - now() > REUSE_MARGIN_MS) return token
      // Stale: the first caller here refreshes, the others share its request.
      const current = cache.get(key)
      return current && current !== entry ? current : request(key, scopes, rest)
    }
  }
}
