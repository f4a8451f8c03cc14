// The local Azure emulator: one HTTPS server on 127.0.0.1 (random port) with its own throwaway CA,
// serving the GitHub OIDC token endpoint (oidc.js), Entra (entra.js), ARM (arm.js) and a bit of
// the GitHub REST API (github.js), from an estate built with estate.js. Faults (faults.js) and
// per-request latency can be injected; every request is logged for assertions.
//
//   import { startEmulator } from '../emulator/server.js'
//   const emu = await startEmulator({ estate, pageSize?, latencyMs?, faults?, throttle? })
//   emu.url  emu.caPath  emu.env()  emu.requests  emu.armRequestCount()  emu.resetLog()
//   emu.armInFlightPeak()  emu.throttle?.events
//   emu.oidcRequestUrl(base?)  await emu.untrustedListener()  await emu.refusedUrl()
//   await emu.stop()
//
// ── Trusting the emulator's CA ──────────────────────────────────────────────────────────────
// TLS verification is never turned off. Pick one:
//
// 1. Child process (what the end-to-end tests and the demo do): spawn `node dist/index.js` with
//    emu.env(), which holds NODE_EXTRA_CA_CERTS=emu.caPath. Node reads that variable only at
//    process start, so setting process.env.NODE_EXTRA_CA_CERTS inside a running test does nothing.
//
// 2. In process, per client (works on Node 20 and 24): every Azure SDK client and every
//    @azure/identity credential takes `tlsOptions` (core-rest-pipeline TlsSettings) — pass
//    `emu.tlsOptions` = { ca: [...tls.rootCertificates, emu.caPem] }:
//      new ClientAssertionCredential(tenantId, clientId, getAssertion,
//        { authorityHost: emu.url, disableInstanceDiscovery: true, tlsOptions: emu.tlsOptions })
//      new NetworkManagementClient(credential, subscriptionId, { endpoint: emu.url, tlsOptions: emu.tlsOptions })
//    (MSAL's HTTP goes through @azure/identity's pipeline, so the credential's tlsOptions cover
//    Entra.) The SDK keeps its own keep-alive https.Agent per TLS setting; https.globalAgent does
//    not reach it.
//
// 3. In process, for everything (Node >= 22.19 / 24.5, so the action's Node 24): call
//    `trustEmulatorCa(emu)` (below) once; every later TLS connection of the process trusts the CA
//    as well as the system roots: the Azure SDK and MSAL with no extra options,
//    @actions/http-client (core.getIDToken), https.request, fetch. Node 20 has no such switch and
//    it throws there. Tested: on Node 20, https.globalAgent.options.ca does NOT help, because the
//    Azure SDK and @actions/http-client each make their own https.Agent.
//    (On Node 20 in process, fetch the OIDC token yourself with https.get({ ca: emu.caPem }),
//    see __tests__/emulator.test.ts.)
// ───────────────────────────────────────────────────────────────────────────────────────────
import { createServer } from 'node:https'
import { createServer as createNetServer } from 'node:net'
import tls from 'node:tls'
import { performance } from 'node:perf_hooks'
import { clearTimeout, setTimeout } from 'node:timers'
import { describeId, createArm } from './arm.js'
import { createCertificateAuthority } from './ca.js'
import { createEntra } from './entra.js'
import { applyFault, createFaults } from './faults.js'
import { createGitHub, GITHUB_API_PATH } from './github.js'
import { delay, RequestContext } from './http.js'
import { createOidcIssuer, OIDC_TOKEN_PATH } from './oidc.js'
import { createThrottle, throttledBody } from './throttle.js'

/**
 * @typedef {{ kind: string, method: string, pattern: RegExp,
 *   handler: (ctx: RequestContext) => void | Promise<void> }} Route
 * @typedef {{ kind: string, method: string, path: string, status?: number, fault?: boolean,
 *   at?: number, throttled?: boolean }} LoggedRequest   at: ms since start, when it arrived
 */

/**
 * @param {{
 *   estate: import('./estate.js').Estate,
 *   pageSize?: number,         // one page size for every list (default: ARM_PAGE_SIZES per type)
 *   latencyMs?: number,
 *   throttle?: true | { capacity?: number, refillPerSecond?: number }, // read bucket, default off
 *   faults?: import('./faults.js').Fault[],
 *   idleTimeoutMs?: number,    // stop after this long without a request (default 10 min; 0 = never)
 *   maxLifetimeMs?: number,    // stop this long after start whatever happens (default 60 min; 0 = never)
 *   githubToken?: string,      // the only token the GitHub API accepts (default: any)
 *   unchanging?: boolean       // the estate never changes while it runs (the benchmark): frozen,
 *                              // and ARM answers are laid out from JSON texts made at start
 * }} options
 */
export async function startEmulator({
  estate,
  pageSize = undefined,
  latencyMs = 0,
  throttle = undefined,
  faults = [],
  idleTimeoutMs = 10 * 60 * 1000,
  maxLifetimeMs = 60 * 60 * 1000,
  githubToken = undefined,
  unchanging = false
}) {
  checkEstate(estate)
  // A change would otherwise go unseen (answers come from texts made at start): it throws instead.
  if (unchanging) deepFreeze(estate)
  // Three RSA keys, made in parallel off the main thread.
  const [ca, oidc] = await Promise.all([
    createCertificateAuthority(),
    createOidcIssuer({ subject: () => estate.github?.subject ?? estate.identity.subject })
  ])
  let url = ''
  const baseUrl = () => url

  const entra = createEntra({ identity: () => estate.identity, oidc, baseUrl })
  const arm = createArm({
    estate: () => estate,
    isValidAccessToken: entra.isValidAccessToken,
    pageSize,
    unchanging
  })
  const startedAt = performance.now()
  // Same clock as the request log's `at`, so tests can line 429s up with arrivals.
  const bucket = throttle
    ? createThrottle(throttle, () => performance.now() - startedAt)
    : undefined
  let armInFlight = 0
  let armInFlightPeak = 0
  const github = createGitHub({ baseUrl, token: githubToken })
  const injected = createFaults(faults)

  /** The route table, first match wins. Add new endpoints here (or in the module's `routes`). */
  /** @type {Route[]} */
  const routes = [
    ...oidc.routes,
    ...github.routes,
    ...entra.routes,
    { kind: 'arm', method: '*', pattern: /^\/subscriptions(\/|$)/i, handler: arm.handle }
  ]

  /** @type {LoggedRequest[]} */
  const requests = []
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let idleTimer
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let lifeTimer

  const server = createServer({ key: ca.keyPem, cert: ca.certPem }, (req, res) => {
    void onRequest(req, res)
  })
  server.keepAliveTimeout = 5000
  // Connections must not keep a test process alive either.
  server.on('connection', (/** @type {import('node:net').Socket} */ socket) => socket.unref())

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function onRequest(req, res) {
    idleTimer?.refresh()
    /** @type {LoggedRequest} */
    const entry = {
      kind: 'unknown',
      method: (req.method ?? 'GET').toUpperCase(),
      path: req.url ?? '/'
    }
    // Not enumerable: tests compare log entries whole, and the time differs on every run.
    Object.defineProperty(entry, 'at', { value: performance.now() - startedAt, enumerable: false })
    requests.push(entry)
    const ctx = new RequestContext(req, res, url, entry)
    const candidates = routes.filter((r) => r.pattern.test(ctx.path))
    const route = candidates.find((r) => r.method === '*' || r.method === ctx.method)
    entry.kind = (route ?? candidates[0])?.kind ?? 'unknown'
    if (entry.kind === 'arm') {
      // Requests being served at once: lets tests check a concurrency bound without timing.
      armInFlight++
      armInFlightPeak = Math.max(armInFlightPeak, armInFlight)
      res.once('close', () => armInFlight--)
    }
    try {
      if (latencyMs) await delay(latencyMs)
      if (bucket && entry.kind === 'arm') {
        const subscriptionId =
          /\/subscriptions\/([^/?]+)/i.exec(ctx.path)?.[1] ?? estate.subscriptions[0] ?? ''
        const taken = bucket.take(subscriptionId)
        if (!taken.ok) {
          entry.throttled = true
          return ctx.send(
            429,
            throttledBody(subscriptionId, estate.identity.objectId, taken.retryAfterSeconds),
            {
              'retry-after': String(taken.retryAfterSeconds),
              'x-ms-ratelimit-remaining-subscription-reads': '0'
            }
          )
        }
        res.setHeader('x-ms-ratelimit-remaining-subscription-reads', String(taken.remaining))
      }
      const fault = injected.take(ctx.method, ctx.rawPath)
      if (fault) {
        const subscriptionId =
          /\/subscriptions\/([^/?]+)/i.exec(ctx.path)?.[1] ?? estate.subscriptions[0] ?? ''
        if (await applyFault(ctx, fault, { subscriptionId, actor: estate.identity.objectId }))
          return
      }
      if (!route) {
        if (candidates.length)
          return ctx.send(405, { message: `Method ${ctx.method} not allowed on ${ctx.path}` })
        return ctx.send(404, { message: `The emulator has no route for ${ctx.method} ${ctx.path}` })
      }
      ctx.params = { ...(route.pattern.exec(ctx.path)?.groups ?? {}) }
      await route.handler(ctx)
    } catch (err) {
      ctx.send(500, {
        error: {
          code: 'InternalServerError',
          message: `Emulator error: ${/** @type {Error} */ (err).message}`
        }
      })
    }
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(undefined))
  })
  server.unref()
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('emulator did not get a TCP port')
  url = `https://127.0.0.1:${address.port}`

  /**
   * A second listener for the same routes whose certificate comes from a CA nobody trusts: what a
   * TLS-inspecting proxy presents to a self-hosted runner. Started on first use.
   * @type {Promise<{ url: string, caPath: string, caPem: string, close: () => Promise<void> }> | undefined}
   */
  let untrusted
  function untrustedListener() {
    untrusted ??= (async () => {
      const other = await createCertificateAuthority()
      const listener = createServer({ key: other.keyPem, cert: other.certPem }, (req, res) => {
        void onRequest(req, res)
      })
      listener.on('connection', (/** @type {import('node:net').Socket} */ socket) => socket.unref())
      // A handshake the client aborts (it does not trust the certificate) is the point here.
      listener.on('tlsClientError', () => undefined)
      await new Promise((resolve, reject) => {
        listener.once('error', reject)
        listener.listen(0, '127.0.0.1', () => resolve(undefined))
      })
      listener.unref()
      const port = /** @type {import('node:net').AddressInfo} */ (listener.address()).port
      return {
        url: `https://127.0.0.1:${port}`,
        caPath: other.caPath,
        caPem: other.caPem,
        close: () =>
          new Promise((/** @type {(v?: void) => void} */ resolve) => {
            listener.close(() => resolve())
            listener.closeAllConnections()
          }).finally(() => other.cleanup())
      }
    })()
    return untrusted
  }

  let stopped = false
  /** @type {Promise<void>|undefined} */
  let stopping
  function stop() {
    if (stopping) return stopping
    stopped = true
    if (idleTimer) clearTimeout(idleTimer)
    if (lifeTimer) clearTimeout(lifeTimer)
    const closeUntrusted = untrusted?.then((listener) => listener.close())
    stopping = Promise.all([
      new Promise((/** @type {(v?: void) => void} */ resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
      closeUntrusted
    ])
      .then(() => undefined)
      .finally(() => ca.cleanup())
    return stopping
  }
  if (idleTimeoutMs > 0) idleTimer = setTimeout(() => void stop(), idleTimeoutMs).unref()
  if (maxLifetimeMs > 0) lifeTimer = setTimeout(() => void stop(), maxLifetimeMs).unref()

  const caBundle = [...tls.rootCertificates, ca.caPem]
  return {
    url,
    caPath: ca.caPath,
    caPem: ca.caPem,
    /** For Azure SDK clients and @azure/identity credentials in this process (see the top). */
    tlsOptions: { ca: caBundle },
    /** The live estate: change it between requests to change what ARM answers. */
    estate,
    /** Env vars to run the action against the emulator. */
    env() {
      return {
        NODE_EXTRA_CA_CERTS: ca.caPath,
        ACTIONS_ID_TOKEN_REQUEST_URL: `${url}${OIDC_TOKEN_PATH}?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
        GITHUB_API_URL: `${url}${GITHUB_API_PATH}`,
        'INPUT_ARM-ENDPOINT': url,
        'INPUT_AUTHORITY-HOST': url,
        'INPUT_CLIENT-ID': estate.identity.clientId,
        'INPUT_TENANT-ID': estate.identity.tenantId,
        'INPUT_SUBSCRIPTION-ID': estate.subscriptions[0] ?? ''
      }
    },
    /** ACTIONS_ID_TOKEN_REQUEST_URL for the OIDC token endpoint at `base` (default: this emulator). */
    oidcRequestUrl: (base = url) => `${base}${OIDC_TOKEN_PATH}?api-version=2.0`,
    /**
     * The same routes behind a certificate of another throwaway CA (not the one in env()'s
     * NODE_EXTRA_CA_CERTS): `{ url, caPath, caPem }`. For "the runner does not trust the proxy".
     */
    untrustedListener,
    /** An https URL on 127.0.0.1 where nothing listens: connecting to it is refused. */
    refusedUrl,
    /** Every request so far, in arrival order: { kind: 'arm'|'entra'|'oidc'|'github'|'unknown', method, path, status }. */
    requests,
    armRequestCount: () => requests.filter((r) => r.kind === 'arm').length,
    /** Most ARM requests being served at the same time since start (or the last resetLog). */
    armInFlightPeak: () => armInFlightPeak,
    resetLog: () => {
      requests.length = 0
      armInFlightPeak = armInFlight
    },
    /** Epoch milliseconds of `at: 0` in the request log. */
    logEpochMs: performance.timeOrigin + startedAt,
    /** The throttling model, when on: `events` lists every 429 it sent. */
    throttle: bucket,
    /** Add or clear faults while running. */
    faults: { add: injected.add, clear: injected.clear, pending: injected.pending },
    /** Every ID token and Entra access token handed out so far (for "never logged" checks). */
    issuedSecrets: () => [...oidc.issuedTokens(), ...entra.issuedAccessTokens()],
    /** A GitHub workflow ID token signed by the emulator, e.g. with a different `sub`. */
    issueIdToken: (audience = 'api://AzureADTokenExchange', claims = {}) =>
      oidc.issue(audience, claims),
    /** The GitHub API's comment store. */
    github: {
      comments: github.comments,
      seedComment: github.seedComment,
      identify: github.identify,
      user: github.user
    },
    server,
    get stopped() {
      return stopped
    },
    stop
  }
}

/**
 * Makes every later TLS connection of this process trust the emulator's CA, next to the system
 * roots, via tls.setDefaultCACertificates (Node >= 22.19 / 24.5). That covers the Azure SDK and
 * MSAL without options, @actions/http-client (getIDToken), https.request and fetch. Throws on
 * older Node, where nothing process-wide reaches the Azure SDK's and @actions/http-client's own
 * agents: pass emu.tlsOptions to Azure clients and credentials instead, or run the action as a
 * child process with emu.env().
 * @param {{ caPem: string }} emu
 */
export function trustEmulatorCa(emu) {
  const t = /** @type {any} */ (tls)
  if (typeof t.setDefaultCACertificates !== 'function') {
    throw new Error(
      `trustEmulatorCa needs tls.setDefaultCACertificates (Node >= 22.19 or 24.5; this is ${process.version}). ` +
        'Pass emu.tlsOptions to Azure SDK clients and credentials, or spawn the action with emu.env().'
    )
  }
  const current = t.getCACertificates('default')
  if (!current.includes(emu.caPem)) t.setDefaultCACertificates([...current, emu.caPem])
}

/**
 * An https URL on 127.0.0.1 with a port that was free a moment ago and is closed again, so a
 * connection to it is refused.
 * @returns {Promise<string>}
 */
export function refusedUrl() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address())
      probe.close(() => resolve(`https://127.0.0.1:${port}`))
    })
  })
}

/** Fails early on an estate ARM could not serve. */
function checkEstate(estate) {
  if (!estate || typeof estate !== 'object') throw new TypeError('startEmulator needs { estate }')
  const id = estate.identity ?? {}
  for (const key of ['tenantId', 'clientId', 'objectId', 'subject']) {
    if (typeof id[key] !== 'string' || !id[key])
      throw new TypeError(`estate.identity.${key} is missing`)
  }
  if (!Array.isArray(estate.subscriptions) || !estate.subscriptions.length) {
    throw new TypeError('estate.subscriptions must list at least one subscription ID')
  }
  for (const r of estate.resources ?? []) describeId(r.id)
}

/** @param {unknown} value */
function deepFreeze(value) {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const child of Object.values(value)) deepFreeze(child)
}
