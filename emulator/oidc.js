// The GitHub Actions OIDC token endpoint, as @actions/core's getIDToken(aud) calls it:
//   GET ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=<aud>
//   Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}
// answers { "value": "<jwt>" }. The JWT is RS256-signed with a key made at start; Entra (entra.js)
// checks client assertions against the same key.
import { createSign, createVerify, generateKeyPair, randomBytes, randomUUID } from 'node:crypto'
import { promisify } from 'node:util'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
export const OIDC_TOKEN_PATH = '/_github/oidc/token'
export const OIDC_JWKS_PATH = '/_github/oidc/.well-known/jwks'

const b64url = (data) => Buffer.from(data).toString('base64url')

/**
 * @param {{ issuer?: string, subject: () => string, lifetimeSeconds?: number }} options
 *   subject: read at every request so a test can change the estate between calls
 */
export async function createOidcIssuer({ issuer = GITHUB_ISSUER, subject, lifetimeSeconds = 300 }) {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })
  const kid = randomBytes(20).toString('hex').toUpperCase()
  /** @type {string[]} every ID token handed out */
  const issued = []
  /** The runner's ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  const requestToken = randomBytes(24).toString('base64url')

  /** @param {Record<string, unknown>} claims */
  function sign(claims, header = {}) {
    const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid, ...header }))
    const body = b64url(JSON.stringify(claims))
    const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey)
    return `${head}.${body}.${signature.toString('base64url')}`
  }

  /**
   * A workflow ID token as GitHub would issue it.
   * @param {string} audience
   * @param {Record<string, unknown>} [overrides] claims to replace (tests: wrong sub, expired, ...)
   */
  function issue(audience, overrides = {}) {
    const now = Math.floor(Date.now() / 1000)
    const token = sign({
      jti: randomUUID(),
      sub: subject(),
      aud: audience,
      iss: issuer,
      nbf: now - 5,
      iat: now,
      exp: now + lifetimeSeconds,
      ...overrides
    })
    issued.push(token)
    return token
  }

  /**
   * Checks the signature (this issuer's key only). Claims are NOT judged here.
   * @param {string} token
   * @returns {{ ok: true, header: any, claims: any } | { ok: false, reason: string }}
   */
  function verify(token) {
    const parts = String(token).split('.')
    if (parts.length !== 3) return { ok: false, reason: 'not a JWS compact token' }
    let header, claims
    try {
      header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'))
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    } catch {
      return { ok: false, reason: 'header or payload is not JSON' }
    }
    if (header.alg !== 'RS256') return { ok: false, reason: `unsupported alg ${header.alg}` }
    const good = createVerify('RSA-SHA256')
      .update(`${parts[0]}.${parts[1]}`)
      .verify(publicKey, Buffer.from(parts[2], 'base64url'))
    return good ? { ok: true, header, claims } : { ok: false, reason: 'signature mismatch' }
  }

  function jwks() {
    const jwk = publicKey.export({ format: 'jwk' })
    return { keys: [{ kty: jwk.kty, alg: 'RS256', use: 'sig', kid, n: jwk.n, e: jwk.e }] }
  }

  /** @param {import('./http.js').RequestContext} ctx */
  function handleToken(ctx) {
    if (ctx.header('authorization') !== `Bearer ${requestToken}`) {
      ctx.send(401, { message: 'Unauthorized: bad or missing ACTIONS_ID_TOKEN_REQUEST_TOKEN' })
      return
    }
    const owner = /^repo:([^/]+)\//.exec(subject())?.[1]
    // Without `audience` GitHub uses the repository owner's URL.
    const audience =
      ctx.query('audience') ?? (owner ? `https://github.com/${owner}` : 'https://github.com')
    ctx.send(200, { value: issue(audience) })
  }

  /** @type {import('./server.js').Route[]} */
  const routes = [
    {
      kind: 'oidc',
      method: 'GET',
      pattern: new RegExp(`^${OIDC_TOKEN_PATH}$`),
      handler: handleToken
    },
    {
      kind: 'oidc',
      method: 'GET',
      pattern: new RegExp(`^${OIDC_JWKS_PATH}$`),
      handler: (ctx) => ctx.send(200, jwks())
    }
  ]

  return {
    issuer,
    requestToken,
    sign,
    issue,
    verify,
    jwks,
    routes,
    issuedTokens: () => [...issued]
  }
}
