import { describe, expect, it, jest } from '@jest/globals'
import { AggregateAuthenticationError, CredentialUnavailableError } from '@azure/identity'
import type { ClientAssertionCredentialOptions } from '@azure/identity'
import {
  createCredential,
  MISSING_ID_TOKEN_PERMISSION,
  OIDC_AUDIENCE,
  signIn,
  SignInError
} from '../../src/credential/credential.js'
import {
  describeSignInFailure,
  expectedSubject,
  parseAadsts
} from '../../src/credential/explain.js'
import { parseInputs } from '../../src/inputs/parse.js'

type HttpClient = NonNullable<ClientAssertionCredentialOptions['httpClient']>
type PipelineRequest = Parameters<HttpClient['sendRequest']>[0]
type PipelineResponse = Awaited<ReturnType<HttpClient['sendRequest']>>

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '11111111-2222-3333-4444-555555555555'
const SUB = '00000000-1111-2222-3333-444444444444'
const AUTHORITY = 'https://login.contoso.test'
const SCOPE = 'https://management.azure.com/.default'
const RUN_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL:
    'https://pipelines.actions.githubusercontent.com/oidc?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
  GITHUB_REPOSITORY: 'contoso/infra',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push'
}

/** A GitHub-shaped ID token (unsigned: only its claims matter here). */
function idToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`
}
const ID_TOKEN = idToken({
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:contoso/infra:environment:production',
  aud: OIDC_AUDIENCE
})

class Headers {
  private readonly map = new Map<string, string>()
  constructor(init: Record<string, string>) {
    for (const [name, value] of Object.entries(init)) this.set(name, value)
  }
  get(name: string) {
    return this.map.get(name.toLowerCase())
  }
  has(name: string) {
    return this.map.has(name.toLowerCase())
  }
  set(name: string, value: string | number | boolean) {
    this.map.set(name.toLowerCase(), String(value))
  }
  delete(name: string) {
    this.map.delete(name.toLowerCase())
  }
  toJSON() {
    return Object.fromEntries(this.map)
  }
  [Symbol.iterator]() {
    return this.map.entries()
  }
}

/** Entra's endpoints as seen over HTTP; the real MSAL parses what they answer. */
function entra(tokenReply: { status: number; body: unknown }) {
  const requests: { method: string; url: string; body: string }[] = []
  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      requests.push({ method: request.method, url: request.url, body: String(request.body ?? '') })
      const reply = (status: number, body: unknown): PipelineResponse => ({
        request,
        status,
        headers: new Headers({ 'content-type': 'application/json' }),
        bodyAsText: JSON.stringify(body)
      })
      if (request.url.includes('/.well-known/openid-configuration')) {
        return reply(200, {
          token_endpoint: `${AUTHORITY}/${TENANT}/oauth2/v2.0/token`,
          authorization_endpoint: `${AUTHORITY}/${TENANT}/oauth2/v2.0/authorize`,
          issuer: `${AUTHORITY}/${TENANT}/v2.0`,
          jwks_uri: `${AUTHORITY}/${TENANT}/discovery/v2.0/keys`
        })
      }
      return reply(tokenReply.status, tokenReply.body)
    }
  }
  return { httpClient, requests }
}

function entraError(code: number, description: string) {
  return {
    status: 400,
    body: {
      error: 'invalid_client',
      error_description: `AADSTS${code}: ${description} Trace ID: 3b0c7f2e-1a2b-4c5d-8e9f-0a1b2c3d4e00 Correlation ID: 9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a Timestamp: 2025-11-20 10:11:12Z`,
      error_codes: [code],
      timestamp: '2025-11-20 10:11:12Z',
      trace_id: '3b0c7f2e-1a2b-4c5d-8e9f-0a1b2c3d4e00',
      correlation_id: '9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a',
      error_uri: `${AUTHORITY}/error?code=${code}`
    }
  }
}

function oidcInputs() {
  const values: Record<string, string> = {
    'client-id': CLIENT,
    'tenant-id': TENANT,
    'subscription-id': SUB,
    'authority-host': AUTHORITY
  }
  return parseInputs((name) => values[name] ?? '', { RUNNER_ENVIRONMENT: 'github-hosted' })
}

async function signInError(promise: Promise<unknown>): Promise<SignInError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof SignInError) return error
    throw error
  }
  throw new Error('expected a SignInError')
}

describe('createCredential', () => {
  it('says to add id-token: write when the OIDC request URL is missing', () => {
    const env = { ...RUN_ENV, ACTIONS_ID_TOKEN_REQUEST_URL: undefined }
    expect(() => createCredential(oidcInputs(), { env })).toThrow(SignInError)
    expect(() => createCredential(oidcInputs(), { env })).toThrow(MISSING_ID_TOKEN_PERMISSION)
    expect(MISSING_ID_TOKEN_PERMISSION).toBe(
      "Cannot get the workflow's OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set. Add 'permissions: { id-token: write, contents: read }' to the workflow or to this job (pull requests from forks never get an OIDC token)"
    )
  })

  it('exchanges the GitHub ID token at the configured authority', async () => {
    const { httpClient, requests } = entra({
      status: 200,
      body: { token_type: 'Bearer', access_token: 'arm-access-token', expires_in: 3600 }
    })
    const audiences: string[] = []
    const credential = createCredential(oidcInputs(), {
      env: RUN_ENV,
      httpClient,
      getIDToken: async (audience) => {
        audiences.push(audience)
        return ID_TOKEN
      }
    })
    // The access token is masked in the step log (a workflow command, kept off the test log).
    const writes: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk))
      return true
    })
    try {
      await signIn(credential, SCOPE)
    } finally {
      spy.mockRestore()
    }
    expect(writes.join('')).toMatch(/^::add-mask::arm-access-token$/m)
    expect(audiences[0]).toBe('api://AzureADTokenExchange')
    // A custom authority host: no instance discovery at login.microsoftonline.com.
    expect(requests.map((request) => request.url.slice(0, AUTHORITY.length))).toEqual(
      requests.map(() => AUTHORITY)
    )
    expect(requests[0]?.url).toBe(`${AUTHORITY}/${TENANT}/v2.0/.well-known/openid-configuration`)
    const post = requests.find((request) => request.method === 'POST')
    expect(post?.url).toContain(`${AUTHORITY}/${TENANT}/oauth2/v2.0/token`)
    const form = new URLSearchParams(post?.body)
    expect(form.get('client_id')).toBe(CLIENT)
    expect(form.get('client_assertion')).toBe(ID_TOKEN)
    expect(form.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    )
  })
})

describe('signIn', () => {
  async function failWith(
    reply: { status: number; body: unknown },
    env: NodeJS.ProcessEnv = RUN_ENV
  ) {
    const { httpClient } = entra(reply)
    const credential = createCredential(oidcInputs(), {
      env,
      httpClient,
      getIDToken: async () => ID_TOKEN
    })
    const error = await signInError(signIn(credential, SCOPE))
    expect(error.message).not.toContain('\n')
    expect(error.message).not.toContain(ID_TOKEN.split('.')[1])
    return error.message
  }

  it('explains AADSTS700213 with the subject Entra saw and the command that adds it', async () => {
    const message = await failWith(
      entraError(
        700213,
        "No matching federated identity record found for presented assertion subject 'repo:contoso/infra:environment:production'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation"
      )
    )
    expect(message).toBe(
      `Sign-in failed with AADSTS700213: no federated credential of app ${CLIENT} in tenant ${TENANT} matches this run's subject 'repo:contoso/infra:environment:production'; its subject, issuer and audience must match the run exactly. Add one: az ad app federated-credential create --id ${CLIENT} --parameters '{"name":"github-infra-environment-production","issuer":"https://token.actions.githubusercontent.com","subject":"repo:contoso/infra:environment:production","audiences":["api://AzureADTokenExchange"]}'`
    )
  })

  it('explains AADSTS70021 (older wording) the same way', async () => {
    const message = await failWith(
      entraError(
        70021,
        "No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:contoso/infra:pull_request'. Assertion Audience: 'api://AzureADTokenExchange'."
      )
    )
    expect(message).toContain('Sign-in failed with AADSTS70021: no federated credential of app')
    expect(message).toContain(`"subject":"repo:contoso/infra:pull_request"`)
  })

  it('names the client and tenant for AADSTS700016 and AADSTS90002', async () => {
    expect(
      await failWith(
        entraError(
          700016,
          `Application with identifier '${CLIENT}' was not found in the directory 'Contoso'.`
        )
      )
    ).toBe(
      `Sign-in failed with AADSTS700016: application ${CLIENT} was not found in tenant ${TENANT}: check 'client-id' (the app registration's or managed identity's client ID, not its object ID) and 'tenant-id'`
    )
    expect(await failWith(entraError(90002, `Tenant '${TENANT}' not found.`))).toBe(
      `Sign-in failed with AADSTS90002: tenant ${TENANT} was not found at ${AUTHORITY}: check 'tenant-id', and 'environment' for a tenant in a sovereign cloud`
    )
  })

  it("passes on Entra's own words for a code it does not know", async () => {
    expect(
      await failWith(
        entraError(50079, 'Due to a configuration change, you must use multi-factor auth.')
      )
    ).toBe(
      'Sign-in failed with AADSTS50079: Due to a configuration change, you must use multi-factor auth.'
    )
  })

  /** What @actions/core's getIDToken throws when its HTTP client fails (its exact wording). */
  const coreError = (code: string, message: string): Error =>
    new Error(
      `Error message: Failed to get ID Token. \n \n        Error Code : ${code}\n \n        Error Message: ${message}`
    )

  async function idTokenFailure(thrown: Error, env: NodeJS.ProcessEnv = RUN_ENV): Promise<string> {
    const { httpClient, requests } = entra({ status: 500, body: {} })
    const credential = createCredential(oidcInputs(), {
      env,
      httpClient,
      getIDToken: async () => {
        throw thrown
      }
    })
    const error = await signInError(signIn(credential, SCOPE))
    expect(error.message).not.toContain('\n')
    expect(requests.filter((request) => request.method === 'POST')).toEqual([])
    return error.message
  }

  const ENDPOINT = "GitHub's OIDC token endpoint https://pipelines.actions.githubusercontent.com"
  const POSSIBLY =
    "less likely, the job lacks 'permissions: id-token: write' (the runner sets ACTIONS_ID_TOKEN_REQUEST_URL only with it)"

  it('says to add id-token: write when the token endpoint refuses (403)', async () => {
    expect(await idTokenFailure(coreError('403', 'Forbidden'))).toBe(
      `Cannot get the workflow's OIDC token: ${ENDPOINT} refused it with HTTP 403 (Forbidden). Add 'permissions: { id-token: write, contents: read }' to the workflow or to this job (pull requests from forks never get an OIDC token)`
    )
  })

  it('says to add id-token: write when the request token is missing', async () => {
    expect(
      await idTokenFailure(
        new Error('Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable')
      )
    ).toBe(
      "Cannot get the workflow's OIDC token: ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set. Add 'permissions: { id-token: write, contents: read }' to the workflow or to this job (pull requests from forks never get an OIDC token)"
    )
  })

  it('names a 5xx as a server or proxy fault, with the permission only as a possibility', async () => {
    expect(
      await idTokenFailure(
        coreError('503', '{"error":{"code":"ServiceUnavailable","message":"Try later."}}')
      )
    ).toBe(
      `Cannot get the workflow's OIDC token: ${ENDPOINT} answered HTTP 503 (ServiceUnavailable: Try later.). A fault on GitHub's side (check githubstatus.com and re-run the job) or, on a self-hosted runner, of a proxy between the runner and pipelines.actions.githubusercontent.com; ${POSSIBLY}`
    )
  })

  it.each([
    'self-signed certificate in certificate chain',
    'unable to get local issuer certificate',
    'unable to verify the first certificate',
    "Hostname/IP does not match certificate's altnames: Host: pipelines.actions.githubusercontent.com. is not in the cert's altnames: DNS:proxy.corp"
  ])('names an untrusted certificate (%s) as TLS, with NODE_EXTRA_CA_CERTS', async (tls) => {
    const message = await idTokenFailure(coreError('undefined', tls))
    expect(message).toBe(
      `Cannot get the workflow's OIDC token: the TLS certificate that pipelines.actions.githubusercontent.com presented is not trusted (${tls}). On a self-hosted runner this usually is a TLS-inspecting proxy or firewall: give Node its CA with NODE_EXTRA_CA_CERTS=<path of the CA's PEM file> (or NODE_OPTIONS=--use-system-ca when the runner's OS already trusts it) in the runner's or the step's environment (the action never turns TLS verification off); ${POSSIBLY}`
    )
  })

  it.each([
    'connect ECONNREFUSED 10.0.0.5:443',
    'getaddrinfo ENOTFOUND pipelines.actions.githubusercontent.com',
    'connect ETIMEDOUT 13.107.42.16:443',
    'socket hang up'
  ])('names a network fault (%s) and where to look', async (network) => {
    expect(await idTokenFailure(coreError('undefined', network))).toBe(
      `Cannot get the workflow's OIDC token: cannot reach pipelines.actions.githubusercontent.com (${network}). On a self-hosted runner, check that it may reach pipelines.actions.githubusercontent.com over HTTPS: firewall, DNS, and HTTPS_PROXY/NO_PROXY for a proxy; ${POSSIBLY}`
    )
  })

  it('says a runner that does not implement OIDC tokens may be the cause', async () => {
    expect(await idTokenFailure(new Error('getIDToken() is not supported'))).toBe(
      `Cannot get the workflow's OIDC token (getIDToken() is not supported). This runner may not implement OIDC tokens (local runners such as act or @github/local-action do not); ${POSSIBLY}`
    )
    expect(
      await idTokenFailure(
        new Error('Error message: Response json body do not have ID Token field')
      )
    ).toBe(
      `Cannot get the workflow's OIDC token: ${ENDPOINT} answered without one (HTTP 404 or an empty body). The runner does not serve OIDC tokens there: local runners (act, @github/local-action) do not implement them, and on a self-hosted runner a proxy may be answering instead of GitHub; ${POSSIBLY}`
    )
  })

  it('never repeats the request token or an ID token that the endpoint echoes', async () => {
    const env = { ...RUN_ENV, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token-1234' }
    const message = await idTokenFailure(
      coreError('500', `bad bearer runner-request-token-1234, last token ${ID_TOKEN}`),
      env
    )
    expect(message).toContain(
      'answered HTTP 500 (bad bearer [redacted], last token [redacted token])'
    )
    expect(message).not.toContain('runner-request-token-1234')
    expect(message).not.toContain(ID_TOKEN.split('.')[1])
  })
})

describe('explaining failures', () => {
  it('parses the AADSTS code from MSAL error text', () => {
    const text =
      "invalid_client: Error(s): 700213 - Timestamp: 2025-11-20 10:11:12Z - Description: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:contoso/infra:pull_request'. Trace ID: 3b0c Correlation ID: 9d8c - Correlation ID: 9d8c - Trace ID: 3b0c"
    expect(parseAadsts(text)).toBe('AADSTS700213')
    expect(parseAadsts('network_error: connect ECONNREFUSED 127.0.0.1:443')).toBeNull()
  })

  it('guesses the subject from the environment when no token says it', () => {
    expect(
      expectedSubject(
        { GITHUB_REPOSITORY: 'contoso/infra', GITHUB_EVENT_NAME: 'pull_request' },
        null
      )
    ).toEqual({
      subject: 'repo:contoso/infra:pull_request',
      known: false
    })
    expect(
      expectedSubject({ GITHUB_REPOSITORY: 'contoso/infra', GITHUB_REF: 'refs/tags/v1' }, null)
    ).toEqual({
      subject: 'repo:contoso/infra:ref:refs/tags/v1',
      known: false
    })
    expect(expectedSubject({}, { sub: 'repo:o/r:environment:prod' })).toEqual({
      subject: 'repo:o/r:environment:prod',
      known: true
    })
  })

  it('mentions environments when the subject is only guessed', () => {
    const message = describeSignInFailure(
      new Error('AADSTS70021: No matching federated identity record found.'),
      {
        auth: 'oidc',
        clientId: CLIENT,
        tenantId: TENANT,
        authorityHost: AUTHORITY,
        env: { GITHUB_REPOSITORY: 'contoso/infra', GITHUB_EVENT_NAME: 'pull_request' },
        claims: null,
        idTokenError: null
      }
    )
    expect(message).toContain(
      "matches this run's subject 'repo:contoso/infra:pull_request' (a job with 'environment: <name>' presents repo:contoso/infra:environment:<name> instead)"
    )
  })

  it('lists what each credential of the default chain said, and what to do', () => {
    const error = new AggregateAuthenticationError(
      [
        new CredentialUnavailableError(
          'EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.'
        ),
        new CredentialUnavailableError(
          'ManagedIdentityCredential: Network unreachable. Message: network_error: See https://aka.ms/msal.js.errors#network_error for details'
        ),
        new CredentialUnavailableError(
          "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'."
        )
      ],
      'ChainedTokenCredential authentication failed.'
    )
    const message = describeSignInFailure(error, {
      auth: 'default',
      clientId: null,
      tenantId: null,
      authorityHost: 'https://login.microsoftonline.com',
      env: {},
      claims: null,
      idTokenError: null
    })
    expect(message).toBe(
      "Sign-in with the Azure SDK's default credential chain failed: no credential in it could sign in (EnvironmentCredential is unavailable. | ManagedIdentityCredential: Network unreachable. | Azure CLI could not be found.). Run azure/login before this step, give the self-hosted runner a managed identity, or set 'client-id' and 'tenant-id' to sign in with the workflow's OIDC token"
    )
  })

  it('never repeats a token that an error echoes', () => {
    const message = describeSignInFailure(new Error(`assertion ${ID_TOKEN} was rejected`), null)
    expect(message).toBe('Sign-in failed: assertion [redacted token] was rejected')
  })
})
