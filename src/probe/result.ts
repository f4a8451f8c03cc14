/**
 * What the probe measured, as plain JSON (it goes into the JSON report as `probe`). The probe
 * only measures; the rules in `src/evaluate/rules/probe.ts` decide what is wrong and how badly.
 * No field ever holds a token or a secret value.
 */
import type { TargetKind } from '../common/target.js'

/** Why a network step gave no answer, named so a reader can act on it. */
export type StepErrorKind =
  /** DNS: the name does not exist (NXDOMAIN). */
  | 'nxdomain'
  /** DNS: the name exists but has no record of the type asked. */
  | 'no-data'
  /** DNS: no resolver answered within the timeout. */
  | 'dns-timeout'
  /** DNS: the resolver refused or failed (REFUSED, SERVFAIL, connection refused). */
  | 'dns-failed'
  /** TCP/TLS/HTTP: nothing happened within the timeout (see `phase`). */
  | 'timeout'
  /** TCP: connection refused (RST): the address answers, nothing listens on 443. */
  | 'refused'
  /** TCP: no route to the address. */
  | 'unreachable'
  /** The connection was reset or closed before an answer. */
  | 'reset'
  /** TLS: the certificate is not valid for the vault's name (or not trusted). */
  | 'tls'
  /** Getting a token for the vault audience failed. */
  | 'token'
  | 'error'

export interface StepError {
  kind: StepErrorKind
  /** How far the step got: `connect` (TCP), `tls` (handshake), `response` (HTTP answer). */
  phase?: 'dns' | 'connect' | 'tls' | 'response'
  /** The system or library code, e.g. `ENOTFOUND`, `ECONNREFUSED`, `ERR_TLS_CERT_ALTNAME_INVALID`. */
  code: string
  message: string
}

/**
 * How a DNS lookup failed, as precisely as the resolver said (contract: PROBE-NXDOMAIN is a name
 * that does not exist; PROBE-DNS-FAILED is DNS itself failing: SERVFAIL, REFUSED, no answer).
 */
export type DnsFailureKind =
  /** NXDOMAIN: the name does not exist. */
  | 'nxdomain'
  /** The name exists without a record of the type asked (NOERROR, no answer). */
  | 'no-data'
  /** The resolver answered SERVFAIL: it could not get an answer itself (e.g. a lame delegation). */
  | 'servfail'
  /** The resolver answered REFUSED: it does not answer this name for this client. */
  | 'refused'
  /** No answer within `probe-timeout` (or no libuv thread free to ask: see `code`). */
  | 'timeout'
  /** Nothing listens at the resolver's address (c-ares ECONNREFUSED: ICMP port unreachable). */
  | 'unreachable'
  /**
   * getaddrinfo's EAI_AGAIN: SERVFAIL, REFUSED, or no answer within glibc's own timeout
   * (resolv.conf `options timeout:`); getaddrinfo does not say which.
   */
  | 'temporary'
  /** Anything else: a malformed answer, a CNAME loop, too many hops (see `code`). */
  | 'other'

/** Where a lookup failed and how: the hop of the chain, the query and the servers asked. */
export interface DnsFailure {
  kind: DnsFailureKind
  /** The name queried when it failed: the vault's hostname or a CNAME target of its chain. */
  name: string
  /** `CNAME` while following the chain, `A` at its end; the OS resolver asks `getaddrinfo`. */
  query: 'CNAME' | 'A' | 'getaddrinfo'
  /** The index of `name` in the chain (0: the vault's hostname; always 0 for getaddrinfo). */
  hop: number
  /**
   * The DNS servers asked, in order, as `ip` or `ip:port` (`dns-servers`, else resolv.conf's).
   * With several, c-ares reports one outcome for them all. For getaddrinfo, resolv.conf's.
   */
  servers: string[]
  /**
   * The library's code: `ENOTFOUND`, `ESERVFAIL`, `EREFUSED`, `ETIMEOUT`, `EAI_AGAIN`, …;
   * `KVPLD_TIMEOUT` when the probe's budget ran out, `KVPLD_RESOLVER_BUSY` when every thread
   * allowed for getaddrinfo was still held by earlier lookups that never returned, `EBADRESP`
   * when c-ares rejected the answer as malformed (`kind` then comes from the answer's rcode,
   * read with a plain query: unbound refuses clients with an answer that has no question).
   */
  code: string
}

/** The vault's name resolved with DNS (`dns-servers` or the system's), hop by hop. */
export interface DnsChainResult {
  /** The resolvers asked, or `system` when `dns-servers` was empty. */
  servers: string[] | 'system'
  /** The names in the chain: the vault's hostname first, then each CNAME target. */
  chain: string[]
  /** The A records at the end of the chain (empty on error). */
  addresses: string[]
  /** Set when the chain did not end in addresses; applies to the last name in `chain`. */
  error: StepError | null
  /** Set with `error` when a lookup failed: which hop, which query, which servers, how. */
  failure: DnsFailure | null
  ms: number
}

/** The vault's name resolved the way applications on this runner do (`getaddrinfo`: hosts file, nsswitch). */
export interface OsLookupResult {
  addresses: string[]
  error: StepError | null
  /** Set with `error`: how getaddrinfo failed (`query: 'getaddrinfo'`, `hop: 0`). */
  failure: DnsFailure | null
  ms: number
}

/** One `GET /healthstatus`. */
export interface HealthAttempt {
  /** `name`: where the OS resolver sends this runner's applications; `pe-ip`: straight to an effective PE IP. */
  via: 'name' | 'pe-ip'
  /** The address connected to (null when nothing to connect to, e.g. the name did not resolve). */
  ip: string | null
  status: number | null
  /** `x-ms-keyvault-network-info`, verbatim (null when absent). */
  networkInfo: string | null
  /** `addr` from that header: the request's origin as the vault saw it. */
  addr: string | null
  error: StepError | null
  ms: number
}

/** The authenticated data-plane request for a secret that cannot exist. */
export interface DataPlaneResult {
  /** `pe-ip`: sent straight to an effective PE IP (the private path); `name`: where the name leads. */
  via: 'name' | 'pe-ip'
  ip: string | null
  status: number | null
  /** `error.code` of the answer, e.g. `Forbidden`, `SecretNotFound`. */
  code: string | null
  /** `error.innererror.code`, e.g. `ForbiddenByFirewall`, `ForbiddenByConnection`. */
  innerCode: string | null
  /** `Client address:` from a firewall answer: the address the vault's firewall saw. */
  clientAddress: string | null
  /** The first line of the error message Key Vault gave (no secrets: it only names the caller). */
  message: string | null
  /**
   * Whether the answer is Key Vault's: an `x-ms-keyvault-*` header, or `x-ms-request-id` with
   * Key Vault's JSON error body. False for anything else answering on the path (a proxy, WAF or
   * HTTP/2-only front): then the status says nothing about the vault's firewall.
   */
  keyVault: boolean
  /**
   * What made it Key Vault's, in this order: the `x-ms-keyvault-*` headers present (lower case,
   * sorted), `x-ms-request-id`, and `error-body` for a JSON body `{"error":{"code","message"}}`.
   * Empty when there was no answer.
   */
  markers: string[]
  error: StepError | null
  ms: number
}

/** The HTTP(S) proxy this runner's applications would use for the vault. */
export interface ProxyResult {
  /** The variable that names the proxy, e.g. `HTTPS_PROXY`. */
  variable: string
  /** The proxy URL with any user name and password removed. */
  proxy: string
  /** The `NO_PROXY` entry that excludes the vault, or null when the proxy applies. */
  excludedBy: string | null
}

export interface VaultProbe {
  vault: string
  /** What the target is, as the snapshot says (a key vault when it does not). */
  kind: TargetKind
  hostname: string
  /** Effective PE IPs read from ARM, the targets of the direct requests. */
  peIps: string[]
  /** The effective PEs by name, with their IPs (what the name should resolve to). */
  endpoints: { name: string; ips: string[] }[]
  /** Why nothing was probed (e.g. the vault could not be read). */
  skipped: string | null
  /** Inside only. */
  dns: DnsChainResult | null
  /** Inside only. */
  os: OsLookupResult | null
  /** Inside: by name, then one per PE IP. */
  health: HealthAttempt[]
  dataPlane: DataPlaneResult | null
  proxy: ProxyResult | null
  /** Wall time of this vault's whole probe (the contract bounds it by 5 × probe-timeout). */
  ms: number
}

export interface ProbeRun {
  mode: 'inside' | 'outside'
  timeoutSeconds: number
  /** This runner's own addresses (loopback left out). */
  runnerAddresses: string[]
  vaults: VaultProbe[]
}
