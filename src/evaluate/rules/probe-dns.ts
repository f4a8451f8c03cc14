/**
 * PROBE-DNS-FAILED (guide §5): DNS itself failed for the vault's name — the resolver answered
 * SERVFAIL or REFUSED, or nothing answered in time. Not a missing record: the fix is about the
 * resolver path, never a record to create (PROBE-NXDOMAIN is the name that does not exist).
 */
import { vnetHolding } from '../../model/model.js'
import { list } from '../../common/names.js'
import type { DnsFailure, DnsFailureKind } from '../../probe/result.js'
import { sh, steps, vnetDnsServers } from '../fixes.js'
import { defineRule, type ProbeContext } from '../rule.js'

/** The failures that are DNS failing, not an answer that the name does not exist. */
export const DNS_FAILED_KINDS: readonly DnsFailureKind[] = [
  'servfail',
  'refused',
  'timeout',
  'unreachable',
  'temporary'
]

const MEANING: Record<string, string> = {
  servfail:
    'the resolver answered SERVFAIL: it could not get an answer itself (a lame delegation, a forwarder that cannot reach its upstream, a DNSSEC failure)',
  refused:
    'the resolver answered REFUSED: it does not answer this name for this client (its ACL, or a server that only serves its own zones)',
  timeout:
    'nothing answered within probe-timeout: the resolver, or a server it asks, is down or unreachable (UDP/TCP 53 blocked by an NSG or firewall)',
  unreachable:
    'nothing listens at the resolver address (connection refused): the DNS server named is not running there',
  temporary:
    'the OS resolver said "try again" (EAI_AGAIN): its servers answered SERVFAIL or REFUSED, or not in time'
}

/** By hand, the same question to the same servers, and where this runner's servers come from. */
function resolverFix(ctx: ProbeContext, failure: DnsFailure): string {
  const runnerVnet = ctx.run.runnerAddresses
    .map((ip) => vnetHolding(ctx.snapshot, ip))
    .find((vnet) => vnet !== null)
  const server = failure.servers[0]?.split(':')[0]
  return steps(
    failure.query === 'getaddrinfo'
      ? `getent hosts ${sh(failure.name)}`
      : `nslookup -type=${failure.query} ${sh(failure.name)}${server ? ` ${sh(server)}` : ''}`,
    'cat /etc/resolv.conf',
    runnerVnet ? vnetDnsServers(runnerVnet.id) : null
  )
}

export const PROBE_DNS_RULES = [
  defineRule({
    id: 'PROBE-DNS-FAILED',
    severity: 'error',
    title: 'DNS failed for the vault name',
    summary:
      'The resolver answered SERVFAIL or REFUSED, or nothing answered in time (not a missing record).',
    section: 'dnsResolution',
    needs: ['probe'],
    scope: 'probe',
    modes: ['inside'],
    check(ctx, out) {
      const { probe, model } = ctx
      const paths = [
        { label: 'DNS', result: probe.dns },
        { label: 'the OS resolver', result: probe.os }
      ]
      let failed = false
      for (const { label, result } of paths) {
        const failure = result?.failure
        if (!failure || !DNS_FAILED_KINDS.includes(failure.kind)) continue
        failed = true
        const servers = failure.servers.length > 0 ? list(failure.servers) : 'no server'
        const where =
          failure.hop === 0 ? probe.hostname : `${failure.name} (hop ${failure.hop} of the chain)`
        out.finding({
          resource: model.vault.id,
          message:
            `${label} failed for ${where}, asking ${servers}: ${MEANING[failure.kind] ?? failure.kind}. ` +
            `This says nothing about the private zone's records: fix the resolver path first, then run again`,
          observed: `${failure.query} ${failure.name}: ${failure.kind} (${failure.code})`,
          expected: 'an answer (records or NXDOMAIN)',
          fix: resolverFix(ctx, failure)
        })
      }
      if (!failed && (probe.dns || probe.os)) {
        out.pass({
          resource: model.vault.id,
          message: `DNS answered for ${probe.hostname} on every path`,
          observed: 'answers',
          expected: 'an answer (records or NXDOMAIN)'
        })
      }
    }
  })
]
