// Entra ID (login.microsoftonline.com) as MSAL uses it through @azure/identity's
// ClientAssertionCredential with `authorityHost` = the emulator and `disableInstanceDiscovery`:
//   GET  /{tenant}/v2.0/.well-known/openid-configuration
//   GET  /{tenant}/discovery/v2.0/keys
//   POST /{tenant}/oauth2/v2.0/token   (client_credentials + client_assertion)
// The token endpoint checks the client assertion the way a federated identity credential does:
// signed by the emulator's GitHub OIDC key, iss/sub/aud equal to the estate's federated credential,
// not expired, and tenant + client_id equal to the estate's identity. Errors have Entra's shape:
// { error, error_description: "AADSTSnnnn: ...", error_codes, timestamp, trace_id, correlation_id, error_uri }.
import { randomBytes, randomUUID } from 'node:crypto'
import { URLSearchParams } from 'node:url'
import { readBody } from './http.js'

export const FEDERATED_AUDIENCE = 'api://AzureADTokenExchange'
export const ACCESS_TOKEN_LIFETIME = 3599
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/**
 * @param {{
 *   identity: () => { tenantId: string, domains?: string[], clientId: string, subject: string, issuer?: string, audience?: string },
 *   oidc: Awaited<ReturnType<typeof import('./oidc.js').createOidcIssuer>>,
 *   baseUrl: () => string
 * }} options
 */
export function createEntra({ identity, oidc, baseUrl }) {
  /** @type {Map<string, { clientId: string, tenantId: string, scope: string, expiresAt: number }>} */
  const issued = new Map()

  // Entra knows a tenant by its ID and by each of its domain names (contoso.onmicrosoft.com).
  const sameTenant = (tenant) =>
    [identity().tenantId, ...(identity().domains ?? [])].some(
      (name) => name.toLowerCase() === tenant.toLowerCase()
    )

  /**
   * @param {import('./http.js').RequestContext} ctx
   * @param {number} status
   * @param {string} error OAuth error code
   * @param {number} code AADSTS number
   * @param {string} message
   */
  function fail(ctx, status, error, code, message) {
    const traceId = randomUUID()
    const correlationId = randomUUID()
    const timestamp = new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z')
    ctx.send(status, {
      error,
      error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`
    })
  }

  const tenantNotFound = (ctx, tenant) =>
    fail(
      ctx,
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`
    )

  /** @param {import('./http.js').RequestContext} ctx */
  function openidConfiguration(ctx) {
    const tenant = ctx.params.tenant
    if (!sameTenant(tenant)) return tenantNotFound(ctx, tenant)
    // As Entra does, the metadata of a tenant asked for by domain names it by its ID.
    const base = `${baseUrl()}/${identity().tenantId}`
    ctx.send(200, {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: [
        'client_secret_post',
        'private_key_jwt',
        'client_secret_basic'
      ],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com'
    })
  }

  /** Entra hands out opaque access tokens here, so there is no signing key to publish. */
  function keys(ctx) {
    if (!sameTenant(ctx.params.tenant)) return tenantNotFound(ctx, ctx.params.tenant)
    ctx.send(200, { keys: [] })
  }

  /** @param {import('./http.js').RequestContext} ctx */
  async function token(ctx) {
    const tenant = ctx.params.tenant
    const form = new URLSearchParams(await readBody(ctx.req))
    if (!sameTenant(tenant)) return tenantNotFound(ctx, tenant)
    const id = identity()
    const grantType = form.get('grant_type')
    if (grantType !== 'client_credentials') {
      return fail(
        ctx,
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${grantType ?? ''}'.`
      )
    }
    const clientId = form.get('client_id') ?? ''
    if (clientId.toLowerCase() !== id.clientId.toLowerCase()) {
      return fail(
        ctx,
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`
      )
    }
    const assertion = form.get('client_assertion')
    if (!assertion || form.get('client_assertion_type') !== ASSERTION_TYPE) {
      return fail(
        ctx,
        401,
        'invalid_client',
        7000216,
        "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type."
      )
    }
    const checked = oidc.verify(assertion)
    if (!checked.ok) {
      return fail(
        ctx,
        401,
        'invalid_client',
        50013,
        `Assertion failed signature validation. [Reason - ${checked.reason}.]`
      )
    }
    const claims = checked.claims
    const now = Math.floor(Date.now() / 1000)
    if (
      typeof claims.exp !== 'number' ||
      claims.exp < now - 300 ||
      (typeof claims.nbf === 'number' && claims.nbf > now + 300)
    ) {
      const at = (s) => (typeof s === 'number' ? new Date(s * 1000).toISOString() : 'none')
      return fail(
        ctx,
        400,
        'invalid_client',
        700024,
        `Client assertion is not within its valid time range. Current time: ${new Date(now * 1000).toISOString()}, assertion valid from ${at(claims.nbf)}, expiry time of assertion ${at(claims.exp)}. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .`
      )
    }
    const expectedIssuer = id.issuer ?? oidc.issuer
    const expectedAudience = id.audience ?? FEDERATED_AUDIENCE
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    // Federated identity credentials match issuer, subject and audience case-sensitively.
    if (
      claims.iss !== expectedIssuer ||
      claims.sub !== id.subject ||
      !audiences.includes(expectedAudience)
    ) {
      return fail(
        ctx,
        400,
        'invalid_request',
        70021,
        `No matching federated identity record found for presented assertion. Assertion Issuer: '${claims.iss}'. Assertion Subject: '${claims.sub}'. Assertion Audience: '${audiences.join(',')}'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation`
      )
    }
    const scope = form.get('scope') ?? ''
    const resource = scope.split(' ').find((s) => s.endsWith('/.default'))
    if (!resource) {
      return fail(
        ctx,
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`
      )
    }
    const accessToken = randomBytes(32).toString('base64url')
    issued.set(accessToken, {
      clientId,
      tenantId: tenant,
      scope: resource,
      expiresAt: Date.now() + ACCESS_TOKEN_LIFETIME * 1000
    })
    ctx.send(200, {
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_LIFETIME,
      access_token: accessToken
    })
  }

  /** Whether ARM should accept this bearer token. */
  function isValidAccessToken(accessToken) {
    const grant = issued.get(accessToken)
    return Boolean(grant && grant.expiresAt > Date.now())
  }

  /** @type {import('./server.js').Route[]} */
  const routes = [
    {
      kind: 'entra',
      method: 'GET',
      pattern: /^\/(?<tenant>[^/_][^/]*)\/v2\.0\/\.well-known\/openid-configuration$/,
      handler: openidConfiguration
    },
    {
      kind: 'entra',
      method: 'GET',
      pattern: /^\/(?<tenant>[^/_][^/]*)\/discovery\/v2\.0\/keys$/,
      handler: keys
    },
    {
      kind: 'entra',
      method: 'POST',
      pattern: /^\/(?<tenant>[^/_][^/]*)\/oauth2\/v2\.0\/token$/,
      handler: token
    }
  ]

  return { routes, isValidAccessToken, issuedAccessTokens: () => [...issued.keys()] }
}
