/**
 * Sign-in to Azure, modelled on azure/login's OIDC flow: the workflow's GitHub ID token (audience
 * `api://AzureADTokenExchange`) is the client assertion of a `ClientAssertionCredential`. Or the
 * Azure SDK's default chain (after azure/login, or with a managed identity).
 *
 * Every failure becomes a `SignInError` with one line saying what to change. No message ever
 * holds a token: only the claims that say which federated credential would match (sub, iss, aud).
 */
import * as core from '@actions/core'
import {
  ClientAssertionCredential,
  DefaultAzureCredential,
  type ClientAssertionCredentialOptions,
  type TokenCredential
} from '@azure/identity'
import { CLOUDS } from '../inputs/cloud.js'
import type { Inputs } from '../inputs/inputs.js'
import {
  ADD_ID_TOKEN_PERMISSION,
  describeSignInFailure,
  SignInError,
  type SignInContext
} from './explain.js'

export { SignInError }

/** The audience of the GitHub ID token that Entra's token exchange expects. */
export const OIDC_AUDIENCE = 'api://AzureADTokenExchange'

export const MISSING_ID_TOKEN_PERMISSION = `Cannot get the workflow's OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set. ${ADD_ID_TOKEN_PERMISSION}`

export interface CredentialDeps {
  /** Fetches the GitHub ID token; default `core.getIDToken`. */
  getIDToken?: (audience: string) => Promise<string>
  /** Default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** HTTP client for Entra's endpoints; default the Azure SDK's. */
  httpClient?: ClientAssertionCredentialOptions['httpClient']
}

/** What signIn needs to explain a failure of a credential made here. */
const contexts = new WeakMap<TokenCredential, SignInContext>()

/** The authority hosts of the known clouds: MSAL's instance discovery knows these. */
function isKnownAuthority(authorityHost: string): boolean {
  const host = authorityHost.replace(/\/+$/, '').toLowerCase()
  return Object.values(CLOUDS).some((cloud) => cloud.authorityHost === host)
}

export function createCredential(inputs: Inputs, deps: CredentialDeps = {}): TokenCredential {
  const env = deps.env ?? process.env
  const authorityHost = inputs.cloud.authorityHost
  const disableInstanceDiscovery = !isKnownAuthority(authorityHost)
  const context: SignInContext = {
    auth: inputs.auth,
    clientId: inputs.clientId,
    tenantId: inputs.tenantId,
    authorityHost,
    env,
    claims: null,
    idTokenError: null
  }

  let credential: TokenCredential
  if (inputs.auth === 'oidc') {
    if (!inputs.clientId || !inputs.tenantId) {
      throw new SignInError("Sign-in with OIDC needs both 'client-id' and 'tenant-id'")
    }
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) throw new SignInError(MISSING_ID_TOKEN_PERMISSION)
    const getIDToken = deps.getIDToken ?? ((audience: string) => core.getIDToken(audience))
    // MSAL asks for the assertion on every token it acquires (one per client and scope); one
    // ID token serves them all until shortly before it expires, so GitHub is asked once.
    let cached: { token: Promise<string>; until: number } | null = null
    const fetchAssertion = async (): Promise<string> => {
      try {
        const token = await getIDToken(OIDC_AUDIENCE)
        context.claims = readClaims(token)
        context.idTokenError = null
        return token
      } catch (error) {
        context.idTokenError = error
        cached = null
        throw error
      }
    }
    const getAssertion = (): Promise<string> => {
      if (!cached || Date.now() >= cached.until) {
        const token = fetchAssertion()
        cached = { token, until: Date.now() + 60_000 }
        void token.then(
          (value) => {
            const exp = expiryOf(value)
            if (cached?.token === token && exp) cached.until = exp * 1000 - 60_000
          },
          () => undefined
        )
      }
      return cached.token
    }
    credential = new ClientAssertionCredential(inputs.tenantId, inputs.clientId, getAssertion, {
      authorityHost,
      disableInstanceDiscovery,
      ...(deps.httpClient ? { httpClient: deps.httpClient } : {})
    })
  } else {
    try {
      credential = new DefaultAzureCredential({
        authorityHost,
        disableInstanceDiscovery,
        ...(inputs.tenantId ? { tenantId: inputs.tenantId } : {}),
        // With `auth: default`, client-id names a user-assigned managed identity / workload identity.
        ...(inputs.clientId
          ? { managedIdentityClientId: inputs.clientId, workloadIdentityClientId: inputs.clientId }
          : {}),
        ...(deps.httpClient ? { httpClient: deps.httpClient } : {})
      })
    } catch (error) {
      // e.g. an unsupported AZURE_TOKEN_CREDENTIALS value.
      throw new SignInError(describeSignInFailure(error, context))
    }
  }
  credential = masked(credential)
  contexts.set(credential, context)
  return credential
}

/**
 * Masks every Azure access token the run obtains (ARM, and the vault audience for the probe) in
 * the step log, as azure/login does: nothing of ours prints one, but a dependency's debug line
 * or error might.
 */
function masked(credential: TokenCredential): TokenCredential {
  return {
    async getToken(scopes, options) {
      const token = await credential.getToken(scopes, options)
      if (token?.token) core.setSecret(token.token)
      return token
    }
  }
}

/**
 * Gets one token up front so a sign-in problem fails the step at once, with one line that says
 * what to change, instead of as a 401 in the middle of the checks.
 */
export async function signIn(credential: TokenCredential, scope: string): Promise<void> {
  const context = contexts.get(credential) ?? null
  let token: Awaited<ReturnType<TokenCredential['getToken']>>
  try {
    token = await credential.getToken(scope)
  } catch (error) {
    throw new SignInError(describeSignInFailure(error, context))
  }
  if (!token) throw new SignInError(`Sign-in returned no token for ${scope}`)
}

/** The claims that identify a GitHub ID token to a federated credential; never the token. */
/** The `exp` claim (seconds since the epoch) of a JWT, if it has one. */
function expiryOf(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
    return typeof payload?.exp === 'number' ? payload.exp : null
  } catch {
    return null
  }
}

function readClaims(token: string): SignInContext['claims'] {
  try {
    const payload = token.split('.')[1] ?? ''
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >
    const text = (value: unknown): string | undefined =>
      typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : undefined
    return { sub: text(claims.sub), iss: text(claims.iss), aud: text(claims.aud) }
  } catch {
    return null
  }
}
