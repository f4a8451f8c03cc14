/**
 * Resolves the vault's name two ways (guide §5, §8):
 * - with DNS, hop by hop through the CNAME chain (`dns.Resolver`), because `resolve4` returns
 *   addresses only and, on NXDOMAIN, hides the alias that came with it — the chain is what tells
 *   "no privatelink alias" from "alias, but the private zone lacks the A record";
 * - with the OS resolver (getaddrinfo: hosts file and nsswitch, in a helper process:
 *   os-resolver.ts), which is what this runner's applications use.
 * A failed lookup is recorded with the hop, the query, the servers and how it failed: a resolver
 * that answers SERVFAIL or REFUSED, or none at all, is not a name that does not exist.
 */
import { getServers, Resolver } from 'node:dns/promises'
import { isIP } from 'node:net'
import { queryRcode, RCODES } from './dns-rcode.js'
import { osLookup } from './os-resolver.js'
import type { DnsChainResult, DnsFailure, DnsFailureKind, OsLookupResult } from './result.js'
import { dnsError, dnsFailureKind, StepTimeoutError, withTimeout } from './step.js'

/** More hops than any real chain (Key Vault's public chain has three). */
const MAX_HOPS = 10

function lower(name: string): string {
  return name.replace(/\.+$/, '').toLowerCase()
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'ERROR'
}

/**
 * How a query that c-ares called EBADRESP (an answer it could not use) really failed: the
 * rcode of a plain query to each server, in order, the first that answers.
 */
async function badResponseKind(
  name: string,
  query: 'CNAME' | 'A',
  servers: readonly string[],
  timeoutMs: number
): Promise<DnsFailureKind> {
  const rcodes = await Promise.all(servers.map((s) => queryRcode(name, query, s, timeoutMs)))
  const rcode = RCODES[rcodes.find((r) => r !== null) ?? -1]
  return rcode === 'REFUSED'
    ? 'refused'
    : rcode === 'SERVFAIL'
      ? 'servfail'
      : rcode === 'NXDOMAIN'
        ? 'nxdomain'
        : 'other'
}

/**
 * The chain from `hostname` to its A records, within `timeoutMs` in all. `servers`: `ip` or
 * `ip:port` entries; empty = the system's resolvers (resolv.conf).
 */
export async function resolveChain(
  hostname: string,
  servers: readonly string[],
  timeoutMs: number
): Promise<DnsChainResult> {
  const started = Date.now()
  // One try per query and a per-try timeout of the whole budget: c-ares would otherwise retry
  // for far longer than the step may take. The overall deadline below cancels what is left.
  const resolver = new Resolver({ timeout: Math.max(1, Math.round(timeoutMs)), tries: 1 })
  if (servers.length > 0) resolver.setServers([...servers])
  // As c-ares will ask them (resolv.conf's when `servers` is empty).
  const asked = resolver.getServers()
  const chain = [lower(hostname)]
  const result = (
    addresses: string[],
    error: DnsChainResult['error'],
    failure: DnsFailure | null = null
  ): DnsChainResult => ({
    servers: servers.length > 0 ? [...servers] : 'system',
    chain,
    addresses,
    error,
    failure,
    ms: Date.now() - started
  })
  const remaining = () => timeoutMs - (Date.now() - started)

  let name = chain[0] as string
  let query: 'CNAME' | 'A' = 'CNAME'
  try {
    for (let hop = 0; hop <= MAX_HOPS; hop++) {
      query = 'CNAME'
      if (remaining() <= 0) throw new StepTimeoutError(timeoutMs)
      let target: string | null = null
      try {
        const cnames = await withTimeout(resolver.resolveCname(name), remaining(), () =>
          resolver.cancel()
        )
        target = cnames[0] ? lower(cnames[0]) : null
      } catch (error) {
        // ENODATA: the name exists without a CNAME — the end of the chain; ask for its A records.
        if ((error as { code?: string }).code !== 'ENODATA') throw error
      }
      if (target === null) {
        query = 'A'
        if (remaining() <= 0) throw new StepTimeoutError(timeoutMs)
        const addresses = await withTimeout(resolver.resolve4(name), remaining(), () =>
          resolver.cancel()
        )
        return result(addresses, null)
      }
      if (chain.includes(target)) {
        const message = `CNAME loop at ${target}`
        return result(
          [],
          { kind: 'dns-failed', phase: 'dns', code: 'CNAME_LOOP', message },
          { kind: 'other', name, query, hop, servers: asked, code: 'CNAME_LOOP' }
        )
      }
      chain.push(target)
      name = target
    }
    const message = `more than ${MAX_HOPS} CNAME hops`
    return result(
      [],
      { kind: 'dns-failed', phase: 'dns', code: 'CNAME_TOO_LONG', message },
      {
        kind: 'other',
        name,
        query,
        hop: chain.length - 1,
        servers: asked,
        code: 'CNAME_TOO_LONG'
      }
    )
  } catch (error) {
    const code = codeOf(error)
    // The server answered a moment ago: a second answer comes as fast, or not at all.
    const kind =
      code === 'EBADRESP'
        ? await badResponseKind(name, query, asked, Math.min(remaining(), 1000))
        : dnsFailureKind(code)
    const failure: DnsFailure = { kind, name, query, hop: chain.length - 1, servers: asked, code }
    return result([], dnsError(error, name, { kind, servers: asked }), failure)
  } finally {
    resolver.cancel()
  }
}

/** The OS resolver's answer (IPv4 first, as applications connect), within `timeoutMs`. */
export async function resolveOs(hostname: string, timeoutMs: number): Promise<OsLookupResult> {
  const started = Date.now()
  try {
    // In the helper process, which the probe kills when done: a late answer is ignored.
    const answers = await osLookup(hostname, { order: 'ipv4first' }, timeoutMs)
    const addresses = [...new Set(answers.map((answer) => answer.address))].filter((a) => isIP(a))
    return { addresses, error: null, failure: null, ms: Date.now() - started }
  } catch (error) {
    const name = lower(hostname)
    // resolv.conf's name servers, as Node read them at start (glibc reads the same file).
    const servers = getServers()
    const failure: DnsFailure = {
      kind: dnsFailureKind(codeOf(error)),
      name,
      query: 'getaddrinfo',
      hop: 0,
      servers,
      code: codeOf(error)
    }
    return {
      addresses: [],
      error: dnsError(error, name, { servers }),
      failure,
      ms: Date.now() - started
    }
  }
}
