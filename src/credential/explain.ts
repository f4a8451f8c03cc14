/**
 * Turns a sign-in failure (MSAL / @azure/identity errors, GitHub ID token errors) into one line
 * that says what to change: Entra's AADSTS code and its likely cause. Never includes a token.
 */

/** A sign-in problem; `message` is one line for the user. */
export class SignInError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SignInError'
  }
}

export interface SignInContext {
  auth: 'oidc' | 'default'
  clientId: string | null
  tenantId: string | null
  authorityHost: string
  env: NodeJS.ProcessEnv
  /** Claims of the last GitHub ID token fetched (never the token itself). */
  claims: { sub?: string; iss?: string; aud?: string } | null
  /** The error fetching the GitHub ID token, when that is what failed. */
  idTokenError: unknown
}

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
const AUDIENCE = 'api://AzureADTokenExchange'
const FEDERATION_CODES = new Set(['AADSTS70021', 'AADSTS700211', 'AADSTS700212', 'AADSTS700213'])

/** JWTs (ID tokens, access tokens, assertions) that a library message might echo. */
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g

export function redact(text: string): string {
  return text.replace(JWT, '[redacted token]')
}

/** An error's whole text (message and nested errors), as one line with tokens redacted. */
function errorText(error: unknown): string {
  const parts: string[] = []
  const visit = (value: unknown, depth: number): void => {
    if (depth > 3 || value == null) return
    if (value instanceof Error) {
      parts.push(value.message)
      const nested = (value as { errors?: unknown }).errors
      if (Array.isArray(nested)) for (const inner of nested) visit(inner, depth + 1)
      if (value.cause) visit(value.cause, depth + 1)
    } else {
      parts.push(String(value))
    }
  }
  visit(error, 0)
  return redact(parts.join(' ').replace(/\s+/g, ' ').trim())
}

/** An error's message on one line, tokens redacted, cut to a readable length. */
function brief(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const line = redact(message.replace(/\s+/g, ' ').trim())
  return line.length > 200 ? `${line.slice(0, 197)}...` : line
}

/** Entra's first AADSTS code in an error's text, e.g. `AADSTS700213`. */
export function parseAadsts(text: string): string | null {
  return /\bAADSTS\d+\b/.exec(text)?.[0] ?? null
}

/** Entra's own description after the code, without trace/correlation IDs and timestamps. */
function entraDescription(text: string, code: string): string {
  const after = text.slice(text.indexOf(code) + code.length).replace(/^:\s*/, '')
  const cut = after.split(/ Trace ID:| - Correlation ID:| https?:\/\//)[0] ?? ''
  const sentence = cut.trim()
  return sentence.length > 240 ? `${sentence.slice(0, 237)}...` : sentence
}

function claimFromText(text: string, name: 'subject' | 'issuer' | 'audience'): string | undefined {
  return new RegExp(`assertion ${name}:? '([^']+)'`, 'i').exec(text)?.[1]
}

/** The subject GitHub puts in this run's ID token, and whether it is known or only guessed. */
export function expectedSubject(
  env: NodeJS.ProcessEnv,
  claims: SignInContext['claims']
): { subject: string; known: boolean } {
  if (claims?.sub) return { subject: claims.sub, known: true }
  const repo = env.GITHUB_REPOSITORY || '<owner>/<repo>'
  if (env.GITHUB_EVENT_NAME === 'pull_request') {
    return { subject: `repo:${repo}:pull_request`, known: false }
  }
  return { subject: `repo:${repo}:ref:${env.GITHUB_REF || 'refs/heads/<branch>'}`, known: false }
}

function federatedCredentialCommand(
  clientId: string,
  subject: string,
  issuer: string,
  audience: string
): string {
  const name = `github-${subject.replace(/^repo:[^/]*\//, '')}`
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/-$/, '')
    .slice(0, 120)
  const parameters = JSON.stringify({ name, issuer, subject, audiences: [audience] })
  return `az ad app federated-credential create --id ${clientId} --parameters '${parameters}'`
}

function federationMismatch(code: string, text: string, context: SignInContext): string {
  const clientId = context.clientId ?? '<client-id>'
  const fromEntra = claimFromText(text, 'subject')
  const expected = expectedSubject(context.env, context.claims)
  const subject = fromEntra ?? expected.subject
  const issuer = claimFromText(text, 'issuer') ?? context.claims?.iss ?? GITHUB_ISSUER
  const audience = claimFromText(text, 'audience') ?? context.claims?.aud ?? AUDIENCE
  const what =
    code === 'AADSTS700211'
      ? `issuer '${issuer}'`
      : code === 'AADSTS700212'
        ? `audience '${audience}'`
        : `subject '${subject}'`
  const guessed =
    fromEntra || expected.known
      ? ''
      : ` (a job with 'environment: <name>' presents repo:${context.env.GITHUB_REPOSITORY || '<owner>/<repo>'}:environment:<name> instead)`
  return (
    `Sign-in failed with ${code}: no federated credential of app ${clientId} in tenant ${context.tenantId ?? '<tenant-id>'} matches this run's ${what}${guessed}; ` +
    `its subject, issuer and audience must match the run exactly. Add one: ` +
    federatedCredentialCommand(clientId, subject, issuer, audience)
  )
}

/** Likely causes of the AADSTS codes a sign-in from a workflow meets. */
function causeOf(code: string, context: SignInContext): string | null {
  const clientId = context.clientId ?? '<client-id>'
  const tenantId = context.tenantId ?? '<tenant-id>'
  switch (code) {
    case 'AADSTS700016':
      return `application ${clientId} was not found in tenant ${tenantId}: check 'client-id' (the app registration's or managed identity's client ID, not its object ID) and 'tenant-id'`
    case 'AADSTS90002':
    case 'AADSTS90072':
      return `tenant ${tenantId} was not found at ${context.authorityHost}: check 'tenant-id', and 'environment' for a tenant in a sovereign cloud`
    case 'AADSTS900023':
      return `'${tenantId}' is not a valid tenant: check 'tenant-id'`
    case 'AADSTS7000215':
      return 'the client secret is invalid: check AZURE_CLIENT_SECRET (the secret value, not its ID), or sign in with OIDC instead'
    case 'AADSTS7000222':
      return 'the client secret has expired: create a new one, or sign in with OIDC instead'
    case 'AADSTS700024':
      return "the GitHub ID token is expired or not yet valid: check the runner's clock and re-run"
    case 'AADSTS700027':
      return "the client assertion's signature could not be validated: check the federated credential's issuer"
    case 'AADSTS7000112':
      return `application ${clientId} is disabled in tenant ${tenantId}`
    case 'AADSTS500011':
      return `the resource was not found in tenant ${tenantId}: 'environment' or 'arm-endpoint' does not match the tenant's cloud`
    case 'AADSTS53003':
      return 'Conditional Access blocked the sign-in: ask a tenant admin to allow this workload identity'
    default:
      return null
  }
}

/** Short reasons of each credential in a failed default chain. */
function chainReasons(error: unknown): string {
  const nested = (error as { errors?: unknown }).errors
  if (!Array.isArray(nested) || nested.length === 0) return brief(error)
  return nested
    .map((inner) => {
      const line = brief(inner).replace(/^(?:Error|CredentialUnavailableError):\s*/, '')
      const sentence = /^.*?\.(?=\s|$)/.exec(line)?.[0] ?? line
      return sentence.length > 120 ? `${sentence.slice(0, 117)}...` : sentence
    })
    .join(' | ')
}

const NETWORK =
  /\b(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|endpoints_resolution_error|network_error|getaddrinfo|certificate|self[- ]signed)\b/i

export const ADD_ID_TOKEN_PERMISSION =
  "Add 'permissions: { id-token: write, contents: read }' to the workflow or to this job (pull requests from forks never get an OIDC token)"

/** The permission, as one possibility among others when the runner did set the request URL. */
const PERMISSION_POSSIBLE =
  "less likely, the job lacks 'permissions: id-token: write' (the runner sets ACTIONS_ID_TOKEN_REQUEST_URL only with it)"

const TLS_FAULT =
  /\b(certificate|self[- ]signed|unable to verify|unable to get (?:local )?issuer|altnames|UNABLE_TO_\w+|CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_\w+|ERR_SSL_\w+|EPROTO|wrong version number|alert)\b/i
const NETWORK_FAULT =
  /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up)\b/i

/**
 * Why the GitHub ID token could not be had. @actions/core's getIDToken flattens every failure into
 * one message ("Failed to get ID Token. Error Code : <status> Error Message: <text>"), so the kind
 * of fault is read back from that text: only a missing variable or the endpoint's own refusal
 * (401/403) means the `id-token: write` permission; a TLS, network or server fault is the runner's
 * path to GitHub, which on a self-hosted runner usually runs through a proxy or a firewall.
 */
export function describeIdTokenFailure(error: unknown, env: NodeJS.ProcessEnv): string {
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  const hide = (text: string): string =>
    requestToken && requestToken.length >= 8 ? text.split(requestToken).join('[redacted]') : text
  const text = hide(errorText(error))
  const origin = originOf(env.ACTIONS_ID_TOKEN_REQUEST_URL)
  const endpoint = origin
    ? `GitHub's OIDC token endpoint ${origin}`
    : "GitHub's OIDC token endpoint"
  const host = origin ? new URL(origin).host : 'the OIDC token endpoint'
  // The text after core's "Error Message:" is the underlying error (or the endpoint's answer).
  const inner = hide(
    short(
      answerText(
        /Error Code\s*:\s*\S+\s+Error Message:\s*([\s\S]*)$/.exec(text)?.[1]?.trim() ||
          text.replace(/^Error message:\s*/i, '')
      )
    )
  )
  const status = Number(/Error Code\s*:\s*(\d{3})\b/i.exec(text)?.[1] ?? NaN)

  if (/ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN) env variable/i.test(text)) {
    const name =
      /ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/i.exec(text)?.[0] ?? 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
    return `Cannot get the workflow's OIDC token: ${name.toUpperCase()} is not set. ${ADD_ID_TOKEN_PERMISSION}`
  }
  if (status === 401 || status === 403) {
    return `Cannot get the workflow's OIDC token: ${endpoint} refused it with HTTP ${status} (${inner}). ${ADD_ID_TOKEN_PERMISSION}`
  }
  if (status >= 500) {
    return (
      `Cannot get the workflow's OIDC token: ${endpoint} answered HTTP ${status} (${inner}). ` +
      `A fault on GitHub's side (check githubstatus.com and re-run the job) or, on a self-hosted runner, of a proxy between the runner and ${host}; ${PERMISSION_POSSIBLE}`
    )
  }
  if (Number.isFinite(status)) {
    return (
      `Cannot get the workflow's OIDC token: ${endpoint} answered HTTP ${status} (${inner}). ` +
      `On a self-hosted runner, a proxy in front of ${host} may be answering instead of GitHub; ${PERMISSION_POSSIBLE}`
    )
  }
  if (TLS_FAULT.test(text)) {
    return (
      `Cannot get the workflow's OIDC token: the TLS certificate that ${host} presented is not trusted (${inner}). ` +
      `On a self-hosted runner this usually is a TLS-inspecting proxy or firewall: give Node its CA with NODE_EXTRA_CA_CERTS=<path of the CA's PEM file> (or NODE_OPTIONS=--use-system-ca when the runner's OS already trusts it) in the runner's or the step's environment (the action never turns TLS verification off); ${PERMISSION_POSSIBLE}`
    )
  }
  if (NETWORK_FAULT.test(text)) {
    return (
      `Cannot get the workflow's OIDC token: cannot reach ${host} (${inner}). ` +
      `On a self-hosted runner, check that it may reach ${host} over HTTPS: firewall, DNS, and HTTPS_PROXY/NO_PROXY for a proxy; ${PERMISSION_POSSIBLE}`
    )
  }
  if (/do not have ID Token field/i.test(text)) {
    return (
      `Cannot get the workflow's OIDC token: ${endpoint} answered without one (HTTP 404 or an empty body). ` +
      `The runner does not serve OIDC tokens there: local runners (act, @github/local-action) do not implement them, and on a self-hosted runner a proxy may be answering instead of GitHub; ${PERMISSION_POSSIBLE}`
    )
  }
  return (
    `Cannot get the workflow's OIDC token (${inner}). ` +
    `This runner may not implement OIDC tokens (local runners such as act or @github/local-action do not); ${PERMISSION_POSSIBLE}`
  )
}

/** An error body's `code: message` (`{ error: { code, message } }` or `{ message }`), else the text. */
function answerText(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; code?: unknown; message?: unknown }
    const inner = (body.error && typeof body.error === 'object' ? body.error : body) as {
      code?: unknown
      message?: unknown
    }
    const parts = [inner.code, inner.message].filter((part) => typeof part === 'string')
    return parts.length > 0 ? parts.join(': ') : text
  } catch {
    return text
  }
}

/** `https://host:port` of a URL, never its path or query. */
function originOf(url: string | undefined): string | null {
  if (!url || !URL.canParse(url)) return null
  const origin = new URL(url).origin
  return origin === 'null' ? null : origin
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 200 ? `${line.slice(0, 197)}...` : line
}

/** One line that says what went wrong and what to change. */
export function describeSignInFailure(error: unknown, context: SignInContext | null): string {
  const text = errorText(error)
  const code = parseAadsts(text)

  if (!context) {
    return code
      ? `Sign-in failed with ${code}: ${entraDescription(text, code)}`
      : `Sign-in failed: ${brief(error)}`
  }

  if (context.auth === 'oidc') {
    if (code && FEDERATION_CODES.has(code)) return federationMismatch(code, text, context)
    if (code) {
      const cause = causeOf(code, context)
      return `Sign-in failed with ${code}: ${cause ?? entraDescription(text, code)}`
    }
    if (context.idTokenError) return describeIdTokenFailure(context.idTokenError, context.env)
    if (NETWORK.test(text)) {
      return `Sign-in failed: cannot reach Entra at ${context.authorityHost} (${brief(error)}); check 'authority-host' or 'environment' and the runner's network and proxy`
    }
    return `Sign-in with OIDC failed: ${brief(error)}`
  }

  const hint =
    "Run azure/login before this step, give the self-hosted runner a managed identity, or set 'client-id' and 'tenant-id' to sign in with the workflow's OIDC token"
  if (code) {
    const cause = causeOf(code, context)
    return `Sign-in with the Azure SDK's default credential chain failed with ${code}: ${cause ?? entraDescription(text, code)}`
  }
  if ((error as { name?: unknown })?.name === 'AggregateAuthenticationError') {
    return `Sign-in with the Azure SDK's default credential chain failed: no credential in it could sign in (${chainReasons(error)}). ${hint}`
  }
  return `Sign-in with the Azure SDK's default credential chain failed: ${brief(error)}. ${hint}`
}
