/**
 * Resolves the vault's name two ways (guide §5, §8):
 * - with DNS, hop by hop through the CNAME chain (`dns.Resolver`), because `resolve4` returns
 *   addresses only and, on NXDOMAIN, hides the alias that came with it — the chain is what tells
 *   "no privatelink alias" from "alias, but the private zone lacks the A record";
 * - with the OS resolver (`dns.lookup`, i.e. getaddrinfo: hosts file and nsswitch), which is what
 *   this runner's applications use.
 */
import { lookup as osLookup, Resolver } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { DnsChainResult, OsLookupResult } from './result.js'
import { dnsError, StepTimeoutError, withTimeout } from './step.js'

/** More hops than any real chain (Key Vault's public chain has three). */
const MAX_HOPS = 10

function lower(name: string): string {
  return name.replace(/\.+$/, '').toLowerCase()
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
  const chain = [lower(hostname)]
  const result = (addresses: string[], error: DnsChainResult['error']): DnsChainResult => ({
    servers: servers.length > 0 ? [...servers] : 'system',
    chain,
    addresses,
    error,
    ms: Date.now() - started
  })
  const remaining = () => timeoutMs - (Date.now() - started)

  let name = chain[0] as string
  try {
    for (let hop = 0; hop <= MAX_HOPS; hop++) {
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
        if (remaining() <= 0) throw new StepTimeoutError(timeoutMs)
        const addresses = await withTimeout(resolver.resolve4(name), remaining(), () =>
          resolver.cancel()
        )
        return result(addresses, null)
      }
      if (chain.includes(target)) {
        return result([], {
          kind: 'dns-failed',
          phase: 'dns',
          code: 'CNAME_LOOP',
          message: `CNAME loop at ${target}`
        })
      }
      chain.push(target)
      name = target
    }
    return result([], {
      kind: 'dns-failed',
      phase: 'dns',
      code: 'CNAME_TOO_LONG',
      message: `more than ${MAX_HOPS} CNAME hops`
    })
  } catch (error) {
    return result([], dnsError(error, name))
  } finally {
    resolver.cancel()
  }
}

/** The OS resolver's answer (IPv4 first, as applications connect), within `timeoutMs`. */
export async function resolveOs(hostname: string, timeoutMs: number): Promise<OsLookupResult> {
  const started = Date.now()
  try {
    // getaddrinfo cannot be cancelled: a late answer is ignored.
    const answers = await withTimeout(
      osLookup(hostname, { all: true, order: 'ipv4first' }),
      timeoutMs
    )
    const addresses = [...new Set(answers.map((answer) => answer.address))].filter((a) => isIP(a))
    return { addresses, error: null, ms: Date.now() - started }
  } catch (error) {
    return { addresses: [], error: dnsError(error, lower(hostname)), ms: Date.now() - started }
  }
}
