/**
 * The probe rules (contract: "Probe from inside the VNet", "Probe from outside"; guide §5, §7,
 * §8): pure functions of the snapshot and what the probe measured. The probe never decides
 * severity; these rules do.
 */
import type { DataPlaneResult, DnsFailure, HealthAttempt, StepError } from '../../probe/result.js'
import { isOwnAddress } from '../../probe/runner-addresses.js'
import type { VirtualNetworkSnapshot } from '../../collect/snapshot.js'
import { subscriptionOf } from '../../common/arm-id.js'
import { AZURE_PLATFORM_IP, describeIp, isPrivate, isPublic, isValidIp } from '../../common/ip.js'
import { exactZones, linkedExactZone, vnetHolding, zonePlace } from '../../model/model.js'
import { list, sameText } from '../../common/names.js'
import {
  linkCreate,
  nicEffectiveRoutes,
  nicFindByIp,
  recordCreate,
  recordRepoint,
  sh,
  steps,
  suggestedTtl,
  vaultShowNetwork,
  vnetDnsServers
} from '../fixes.js'
import { DNS_FAILED_KINDS } from './probe-dns.js'
import { defineRule, perTarget, type Draft, type Outcomes, type ProbeContext } from '../rule.js'

/** The answers that mean "stopped by the network check" (ERRORS.md). */
export const FIREWALL_INNER_CODES = ['ForbiddenByFirewall', 'ForbiddenByConnection'] as const

export function isFirewallAnswer(result: DataPlaneResult | null): boolean {
  return (
    result !== null &&
    result.status === 403 &&
    FIREWALL_INNER_CODES.some((code) => code.toLowerCase() === result.innerCode?.toLowerCase())
  )
}

function ipLabel(ip: string): string {
  return isValidIp(ip) ? `${ip} (${describeIp(ip).range})` : ip
}

function stepText(error: StepError): string {
  return `${error.message} [${error.kind}${error.code ? `, ${error.code}` : ''}]`
}

/** The step of a request that failed, in words: the token, or how far the connection got. */
function failedStep(error: StepError): string {
  if (error.kind === 'token') return 'getting a token for the vault'
  switch (error.phase) {
    case 'dns':
      return 'resolving the name (DNS)'
    case 'connect':
      return 'the TCP connection'
    case 'tls':
      return 'the TLS handshake'
    case 'response':
      return 'waiting for the HTTP answer'
    default:
      return 'the request'
  }
}

interface Ctx extends ProbeContext {
  emitted: Emitted[]
}

interface Emitted {
  rule: RuleName
  kind: 'finding' | 'pass' | 'notVerified'
  draft: Draft
}

function add(ctx: Ctx, rule: RuleName, draft: Draft): void {
  ctx.emitted.push({ rule, kind: 'finding', draft })
}

function unverified(ctx: Ctx, rule: RuleName, draft: Draft): void {
  ctx.emitted.push({ rule, kind: 'notVerified', draft })
}

function ok(ctx: Ctx, rule: RuleName, message: string, observed: string, expected: string): void {
  ctx.emitted.push({
    rule,
    kind: 'pass',
    draft: { resource: ctx.model.vault.id, message, observed, expected }
  })
}

/** The zone linked to a VNet of the vault's effective PEs, for record fixes. */
function recordFix(ctx: Ctx, replace: boolean): string | null {
  const { snapshot, model, probe, options } = ctx
  if (probe.peIps.length === 0) return null
  const ttl = suggestedTtl(options.ttlMin, options.ttlMax)
  for (const group of model.vnets) {
    const linked = linkedExactZone(snapshot, model.names.zone, group.vnetId)
    if (!linked) continue
    const zone = zonePlace(linked.zone)
    const name = model.vault.name.toLowerCase()
    const ips = group.ips.length ? group.ips : probe.peIps
    const record = linked.zone.aRecords.find((candidate) => sameText(candidate.name, name))
    if (!replace || !record) return recordCreate(zone, name, ips, ttl)
    // The record is right (nothing to repoint): another zone or server answers this runner.
    const repoint = recordRepoint(zone, record.name, ips, record.ipv4Addresses, null)
    return repoint || publicIpFix(ctx)
  }
  return null
}

/** This runner's own VNet: the known VNet whose address space holds one of its addresses. */
function runnerVnet(ctx: Ctx): VirtualNetworkSnapshot | null {
  for (const ip of ctx.run.runnerAddresses) {
    const vnet = vnetHolding(ctx.snapshot, ip)
    if (vnet) return vnet
  }
  return null
}

function runnerVnetText(ctx: Ctx): string {
  const vnet = runnerVnet(ctx)
  return vnet ? `this runner's VNet ${vnet.name}` : "this runner's VNet (not among the VNets read)"
}

/** Routes of this runner's NIC: find the NIC by the runner's private address, then its routes. */
function runnerRoutesFix(ctx: Ctx): string {
  const ip = ctx.run.runnerAddresses.find((address) => isPrivate(address))
  const vnet = runnerVnet(ctx)
  const subscription = (vnet && subscriptionOf(vnet.id)) ?? ctx.model.vault.subscriptionId
  return steps(
    ip ? nicFindByIp(subscription, ip) : null,
    nicEffectiveRoutes('<nic-name-of-this-runner>', '<resource-group-of-that-nic>', subscription)
  )
}

/** A request a person can send to see what the data plane answers (404 SecretNotFound = through). */
function dataPlaneCheck(ctx: Ctx, ip: string | null): string {
  const host = ctx.probe.hostname
  const audience = `https://${ctx.model.names.hostSuffix}`
  return (
    `curl -s${ip ? ` --resolve ${sh(`${host}:443:${ip}`)}` : ''} -H "Authorization: Bearer $(az account get-access-token --resource ${audience} --query accessToken -o tsv)"` +
    ` ${sh(`https://${host}/secrets/kv-private-link-doctor-probe?api-version=7.4`)}`
  )
}

/** PROBE-PUBLIC-IP: link the zone to this runner's VNet, or show the DNS servers in the way. */
function publicIpFix(ctx: Ctx): string {
  const vnet = runnerVnet(ctx)
  const zones = exactZones(ctx.snapshot, ctx.model.names.zone)
  if (!vnet) return steps(`nslookup ${sh(ctx.probe.hostname)}`, 'cat /etc/resolv.conf')
  const linked = linkedExactZone(ctx.snapshot, ctx.model.names.zone, vnet.id)
  const custom = vnet.dnsServers.some((server) => server.trim() !== AZURE_PLATFORM_IP)
  if (!linked && zones[0] && !custom) return linkCreate(zonePlace(zones[0]), vnet.id)
  return vnetDnsServers(vnet.id)
}

function dnsRules(ctx: Ctx): void {
  const { probe, model } = ctx
  const dns = probe.dns
  if (!dns) return
  const resource = model.vault.id
  const host = probe.hostname
  const alias = model.alias
  const chain = dns.chain.join(' → ')
  const servers = dns.servers === 'system' ? "the runner's resolvers" : list(dns.servers)

  // The alias: decidable once the vault's own name answered (with a CNAME or addresses).
  const firstHopFailed = dns.error !== null && dns.chain.length === 1
  if (!firstHopFailed) {
    if (dns.chain.includes(alias)) {
      ok(
        ctx,
        'PROBE-NO-PRIVATELINK-ALIAS',
        `${host} is an alias for ${alias}`,
        chain,
        `${host} → ${alias}`
      )
    } else {
      add(ctx, 'PROBE-NO-PRIVATELINK-ALIAS', {
        resource,
        message:
          `DNS (${servers}) answers for ${host} without the alias ${alias}: the vault has no approved, ` +
          `succeeded private endpoint connection as far as public DNS knows, or a DNS server on the path ` +
          `answers for ${host} itself (a zone named after ${model.names.hostSuffix} instead of ${model.names.zone})`,
        observed: chain,
        expected: `${host} → ${alias} → an effective PE IP`,
        fix: `nslookup -type=CNAME ${sh(host)}`
      })
    }
  }

  // DNS failing (SERVFAIL, REFUSED, silence) is PROBE-DNS-FAILED's: the name may well exist.
  if (dns.failure && DNS_FAILED_KINDS.includes(dns.failure.kind)) return
  if (dns.error) {
    const last = dns.chain[dns.chain.length - 1] ?? host
    const atAlias = last === alias
    add(ctx, 'PROBE-NXDOMAIN', {
      resource,
      message:
        `${host} does not resolve with DNS (${servers}): ${stepText(dns.error)}` +
        (atAlias
          ? `. The chain reaches ${alias}, so the private zone ${model.names.zone} is the one answering and lacks the A record ${model.vault.name.toLowerCase()} (or the link's NxDomainRedirect is off)`
          : ''),
      observed: `${chain}: ${dns.error.kind}`,
      expected: `${host} → ${alias} → ${list(probe.peIps)}`,
      fix: atAlias
        ? recordFix(ctx, false)
        : steps(`nslookup ${sh(host)}`, `nslookup ${sh(alias)}`, 'cat /etc/resolv.conf')
    })
    return
  }
  ok(
    ctx,
    'PROBE-NXDOMAIN',
    `${host} resolves with DNS (${servers})`,
    `${chain} → ${list(dns.addresses)}`,
    'an answer'
  )

  const bad = dns.addresses.filter((ip) => !probe.peIps.includes(ip))
  const publicIps = bad.filter((ip) => isPublic(ip))
  const otherIps = bad.filter((ip) => !publicIps.includes(ip))
  if (publicIps.length > 0) {
    add(ctx, 'PROBE-PUBLIC-IP', {
      resource,
      message:
        `From this runner ${host} resolves to the public address ${publicIps.map(ipLabel).join(', ')}: ` +
        `the private zone ${model.names.zone} does not apply to the DNS servers this runner uses ` +
        `(${servers}). Link the zone to ${runnerVnetText(ctx)}, or make its custom DNS servers forward ${model.names.zone} to 168.63.129.16`,
      observed: `${chain} → ${list(dns.addresses)}`,
      expected: list(probe.peIps),
      fix: publicIpFix(ctx)
    })
  } else {
    ok(
      ctx,
      'PROBE-PUBLIC-IP',
      `${host} resolves to no public address`,
      list(dns.addresses),
      'private addresses'
    )
  }
  const peKnown = model.effective.every((pe) => pe.ipsKnown)
  if (otherIps.length > 0 && (peKnown || probe.peIps.length === 0)) {
    add(ctx, 'PROBE-WRONG-IP', {
      resource,
      message:
        `${host} resolves to ${otherIps.map(ipLabel).join(', ')}, which is not an effective private endpoint IP ` +
        `of the vault (${list(probe.peIps)}): a stale A record, or another zone answers`,
      observed: `${chain} → ${list(dns.addresses)}`,
      expected: list(probe.peIps),
      fix: recordFix(ctx, true)
    })
  } else if (bad.length === 0) {
    ok(
      ctx,
      'PROBE-WRONG-IP',
      `${host} resolves to the private endpoint IP ${list(dns.addresses)}`,
      list(dns.addresses),
      list(probe.peIps)
    )
  }
}

function hostsRule(ctx: Ctx): void {
  const { probe, model } = ctx
  const { dns, os } = probe
  if (!dns || !os) return
  // A lookup that failed as DNS (no answer in time, SERVFAIL) overrides nothing: PROBE-DNS-FAILED.
  const dnsFailed = (failure: DnsFailure | null) =>
    failure !== null && DNS_FAILED_KINDS.includes(failure.kind)
  if (dnsFailed(os.failure) || dnsFailed(dns.failure)) return
  const v4 = (ips: string[]) => [...new Set(ips.filter((ip) => !ip.includes(':')))].sort()
  const fromOs = os.error ? [] : v4(os.addresses)
  const fromDns = dns.error ? [] : v4(dns.addresses)
  const same = fromOs.length === fromDns.length && fromOs.every((ip, i) => ip === fromDns[i])
  const osText = os.error ? stepText(os.error) : list(os.addresses)
  const dnsText = dns.error ? stepText(dns.error) : list(dns.addresses)
  if (same || (os.error && dns.error)) {
    ok(
      ctx,
      'PROBE-HOSTS-OVERRIDE',
      `The OS resolver and DNS agree on ${probe.hostname}`,
      osText,
      dnsText
    )
    return
  }
  add(ctx, 'PROBE-HOSTS-OVERRIDE', {
    resource: model.vault.id,
    message:
      `The OS resolver (hosts file, nsswitch) answers ${probe.hostname} with ${osText}, DNS with ${dnsText}: ` +
      `applications on this runner go where the OS resolver says. Remove the override (/etc/hosts, ` +
      `C:\\Windows\\System32\\drivers\\etc\\hosts) unless it is deliberate`,
    observed: osText,
    expected: dnsText,
    fix: `grep -n ${sh(probe.hostname)} /etc/hosts`
  })
}

function proxyRule(ctx: Ctx): void {
  const { probe, model } = ctx
  const proxy = probe.proxy
  if (!proxy || proxy.excludedBy) {
    ok(
      ctx,
      'PROBE-PROXY',
      proxy
        ? `${proxy.variable} is set, but NO_PROXY entry ${proxy.excludedBy} excludes ${probe.hostname}`
        : `No HTTP(S) proxy is configured for ${probe.hostname}`,
      proxy ? `${proxy.variable}=${proxy.proxy}, NO_PROXY ${proxy.excludedBy}` : 'no proxy',
      'no proxy for the vault'
    )
    return
  }
  add(ctx, 'PROBE-PROXY', {
    resource: model.vault.id,
    message:
      `${proxy.variable}=${proxy.proxy} applies to ${probe.hostname}: the Azure SDKs and CLI on this runner send vault ` +
      `traffic through that proxy, which resolves and connects from wherever it sits (often outside the private link), ` +
      `and may intercept TLS. The probe itself went direct. Exclude the vault with NO_PROXY`,
    observed: `${proxy.variable}=${proxy.proxy}`,
    expected: `NO_PROXY includes ${probe.hostname} (or .${ctx.model.names.hostSuffix}, ${ctx.model.names.zone})`,
    fix: `export NO_PROXY="\${NO_PROXY:+$NO_PROXY,}.${ctx.model.names.hostSuffix},.${ctx.model.names.zone}"`
  })
}

function where(attempt: HealthAttempt, host: string, peIps: readonly string[] = []): string {
  if (attempt.via === 'pe-ip') return `https://${attempt.ip}/healthstatus (PE IP, SNI ${host})`
  const ip = attempt.ip ? `, ${attempt.ip}${peIps.includes(attempt.ip) ? ', the PE IP' : ''}` : ''
  return `https://${host}/healthstatus (by name${ip})`
}

/** Transport rules for one /healthstatus attempt; returns true when it got an HTTP answer. */
function transportRules(ctx: Ctx, attempt: HealthAttempt, seen: Set<string>): boolean {
  const { probe, model } = ctx
  const host = probe.hostname
  const error = attempt.error
  if (!error) return true
  if (attempt.ip === null) return false // the name did not resolve: PROBE-NXDOMAIN says so
  // What really happened decides the rule: a certificate that failed the check is PROBE-TLS-FAILED;
  // a handshake that broke off before any certificate was checked is a failed handshake (not a bad
  // certificate); silence or a closed connection before an answer is PROBE-CONNECT-FAILED (the
  // contract's PROBE-NOT-KEYVAULT is an answer without the header, and there was no answer); bytes
  // that are not HTTP are PROBE-NOT-KEYVAULT.
  const rule: RuleName =
    error.kind === 'tls' ||
    (error.phase === 'tls' && error.kind !== 'timeout' && error.kind !== 'refused')
      ? 'PROBE-TLS-FAILED'
      : error.phase === 'response' && error.kind === 'error'
        ? 'PROBE-NOT-KEYVAULT'
        : 'PROBE-CONNECT-FAILED'
  const key = `${rule}|${attempt.ip}`
  if (seen.has(key)) return false
  seen.add(key)
  const at = where(attempt, host, probe.peIps)
  const connectText =
    error.kind === 'refused'
      ? 'The address answers but nothing listens on 443: not a private endpoint of Key Vault (a stale IP?)'
      : error.kind === 'timeout' && error.phase === 'tls'
        ? 'TCP connected, so the route and port are open, but the TLS handshake stalled: a firewall or NVA ' +
          'inspecting TLS or filtering on SNI, or a path MTU problem that drops the large handshake packets'
        : error.kind === 'timeout' && error.phase === 'response'
          ? 'It timed out after connecting: TCP and TLS (with a valid certificate) worked, but no HTTP answer came ' +
            'in time. Something on the path holds the request, or the endpoint is not answering'
          : error.kind === 'reset'
            ? 'The connection was closed before an answer: a firewall or proxy on the path cut it, or the endpoint is not Key Vault'
            : error.kind === 'timeout'
              ? 'Packets are dropped: an NSG, a firewall/NVA route, or no route from this runner to the PE subnet'
              : 'Check routes between this runner and the PE subnet'
  const messages: Record<string, string> = {
    'PROBE-CONNECT-FAILED': `${at}: ${error.message}. ${connectText}`,
    'PROBE-TLS-FAILED':
      error.kind === 'tls'
        ? `${at}: ${error.message}. The certificate presented is not valid for ${host}: ` +
          `TLS interception (a proxy or firewall re-signing traffic) or an endpoint that is not Key Vault. ` +
          `Verification is never turned off`
        : `${at}: ${error.message}. The TLS handshake failed before a certificate could be checked: a firewall ` +
          `cutting connections by SNI, or an endpoint that does not speak TLS like Key Vault`,
    'PROBE-NOT-KEYVAULT': `${at}: ${error.message}. The endpoint did not answer like an HTTPS server (not Key Vault)`
  }
  add(ctx, rule, {
    resource: model.vault.id,
    message: messages[rule] ?? error.message,
    observed: `${error.kind}${error.code ? ` (${error.code})` : ''}`,
    expected:
      rule === 'PROBE-TLS-FAILED'
        ? `a certificate valid for ${host}`
        : 'an HTTPS answer from Key Vault on 443',
    fix:
      rule === 'PROBE-TLS-FAILED'
        ? `openssl s_client -connect ${sh(`${attempt.ip}:443`)} -servername ${sh(host)} </dev/null | openssl x509 -noout -subject -issuer`
        : `curl -sv --connect-timeout 5 --resolve ${sh(`${host}:443:${attempt.ip}`)} https://${host}/healthstatus`
  })
  return false
}

function healthRules(ctx: Ctx): void {
  const { probe, model, run } = ctx
  const host = probe.hostname
  const resource = model.vault.id
  const seen = new Set<string>()
  const answered = probe.health.filter((attempt) => transportRules(ctx, attempt, seen))
  if (probe.health.length > 0 && answered.length === probe.health.length) {
    ok(
      ctx,
      'PROBE-CONNECT-FAILED',
      `Every /healthstatus request to ${host} connected`,
      list(probe.health.map((a) => a.ip ?? '?')),
      'TCP on 443'
    )
    ok(
      ctx,
      'PROBE-TLS-FAILED',
      `The certificate is valid for ${host} on every path`,
      'valid',
      `a certificate for ${host}`
    )
  }

  // By name and straight to the PE IP often hit the same address: one finding per rule and address.
  const once = (rule: RuleName, attempt: HealthAttempt): boolean => {
    const key = `${rule}|${attempt.ip}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  }
  for (const attempt of answered) {
    if (attempt.networkInfo === null || attempt.addr === null) {
      if (!once('PROBE-NOT-KEYVAULT', attempt)) continue
      add(ctx, 'PROBE-NOT-KEYVAULT', {
        resource,
        message:
          `${where(attempt, host, probe.peIps)} answered ${attempt.status} without x-ms-keyvault-network-info: the endpoint is likely ` +
          `not Key Vault. The certificate was valid, so this may be a TLS-intercepting device that answers itself`,
        observed:
          attempt.networkInfo === null
            ? 'no x-ms-keyvault-network-info header'
            : `x-ms-keyvault-network-info: ${attempt.networkInfo}`,
        expected: 'x-ms-keyvault-network-info: addr=<your address>;…',
        fix: `curl -si https://${host}/healthstatus`
      })
      continue
    }
    const addr = attempt.addr
    if (!isValidIp(addr)) continue
    const info = describeIp(addr)
    if (info.class === 'public') {
      if (!once('PROBE-PUBLIC-PATH', attempt)) continue
      add(ctx, 'PROBE-PUBLIC-PATH', {
        resource,
        message:
          `${where(attempt, host, probe.peIps)}: the vault saw the request come from the public address ${ipLabel(addr)}: it left ` +
          `through NAT/the Internet, not through the private endpoint`,
        observed: `addr=${addr}`,
        expected: `a private address of this runner (${list(run.runnerAddresses)})`,
        // A route (0.0.0.0/0 to a firewall or NAT, or none to the PE subnet) decides the path.
        fix: runnerRoutesFix(ctx)
      })
    } else if (isOwnAddress(addr, run.runnerAddresses)) {
      ok(
        ctx,
        'PROBE-PUBLIC-PATH',
        `${where(attempt, host, probe.peIps)}: the vault saw this runner's own address ${addr}`,
        `addr=${addr}`,
        'a private address'
      )
    } else {
      if (!once('PROBE-ROUTED', attempt)) continue
      add(ctx, 'PROBE-ROUTED', {
        resource,
        message:
          `${where(attempt, host, probe.peIps)}: the vault saw ${ipLabel(addr)}, which is not one of this runner's addresses ` +
          `(${list(run.runnerAddresses)}): custom routing or NAT on the way (still a private path)`,
        observed: `addr=${addr}`,
        expected: list(run.runnerAddresses),
        fix: null
      })
    }
  }

  const byName = answered.find((attempt) => attempt.via === 'name' && attempt.addr)
  if (byName) {
    for (const direct of answered.filter((attempt) => attempt.via === 'pe-ip' && attempt.addr)) {
      if (direct.addr === byName.addr) {
        ok(
          ctx,
          'PROBE-IP-DIVERGES',
          `By name and straight to PE IP ${direct.ip} the vault saw the same origin ${direct.addr}`,
          `addr=${direct.addr}`,
          `addr=${byName.addr}`
        )
        continue
      }
      add(ctx, 'PROBE-IP-DIVERGES', {
        resource,
        message:
          `By name (${byName.ip}) the vault saw addr=${byName.addr}; straight to the PE IP ${direct.ip} it saw addr=${direct.addr}: ` +
          `the two requests reached different endpoints. The name does not lead to this private endpoint: check the routes ` +
          `of ${runnerVnetText(ctx)} to the PE subnet (a route table or NVA in the way)`,
        observed: `by name: addr=${byName.addr}; PE IP ${direct.ip}: addr=${direct.addr}`,
        expected: 'the same addr',
        fix: runnerRoutesFix(ctx)
      })
    }
  }
}

function dataPlaneRule(ctx: Ctx): void {
  const { probe, model } = ctx
  const result = probe.dataPlane
  if (!result) return
  const privatePath = result.via === 'pe-ip' || (result.ip !== null && isPrivate(result.ip))
  const target = result.via === 'pe-ip' ? `PE IP ${result.ip}` : `by name, ${result.ip ?? '?'}`
  if (result.error) {
    unverified(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', {
      resource: model.vault.id,
      message:
        `the authenticated data-plane request over the private path (${target}) failed at ` +
        `${failedStep(result.error)}: ${stepText(result.error)}. Whether the vault's firewall lets private link ` +
        `traffic through is unknown`,
      observed: `${result.error.kind}${result.error.code ? ` (${result.error.code})` : ''} at ${failedStep(result.error)}`,
      expected:
        'an answer other than 403 ForbiddenByFirewall/ForbiddenByConnection (404 SecretNotFound for the probe secret)',
      fix: dataPlaneCheck(ctx, result.ip)
    })
    return
  }
  if (!privatePath) {
    unverified(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', {
      resource: model.vault.id,
      message:
        `no private endpoint IP answered, so the data-plane request went ${target}, which is not a ` +
        `private address; the firewall's answer over the private path is unknown`,
      observed: `${result.status ?? '?'} from ${result.ip ?? '?'}`,
      expected: 'a data-plane answer over a private endpoint IP',
      fix: dataPlaneCheck(ctx, probe.peIps[0] ?? null)
    })
    return
  }
  if (!result.keyVault) {
    // Something else answered (a front, a proxy, a TLS-intercepting device): whatever it said,
    // it is not the vault's firewall letting the request through.
    unverified(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', {
      resource: model.vault.id,
      message:
        `the data-plane request over the private path (${target}) got ${result.status ?? 'an answer'} without any ` +
        `of Key Vault's markers (x-ms-keyvault-* headers, request ID, Key Vault's error body): something other ` +
        `than Key Vault answers there, so the firewall's answer is unknown`,
      observed: `${result.status ?? '?'} from ${result.ip ?? '?'}, markers: ${list(result.markers ?? [])}`,
      expected: "Key Vault's answer (404 SecretNotFound for the probe secret)",
      fix: dataPlaneCheck(ctx, result.ip)
    })
    return
  }
  if (isFirewallAnswer(result)) {
    add(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', {
      resource: model.vault.id,
      message:
        `Over the private path (${result.ip}) the data plane answered 403 ${result.innerCode}: ${result.message ?? ''}` +
        (result.clientAddress ? ` (Client address: ${result.clientAddress})` : '') +
        `. The firewall does not count this request as coming through an approved private link`,
      observed: `403 ${result.code ?? ''}/${result.innerCode}`,
      expected:
        'anything but ForbiddenByFirewall/ForbiddenByConnection (404 SecretNotFound for the probe secret)',
      fix: `az keyvault network-rule list --name ${sh(model.vault.name)} --subscription ${sh(model.vault.subscriptionId)}`
    })
    return
  }
  ok(
    ctx,
    'PROBE-FORBIDDEN-BY-FIREWALL',
    `Over the private path (${result.ip}) the data plane let the request through the network check (${result.status}${result.code ? ` ${result.code}` : ''})`,
    String(result.status),
    'not 403 ForbiddenByFirewall'
  )
}

function outsideRule(ctx: Ctx): void {
  const { probe, model } = ctx
  const result = probe.dataPlane
  if (!result) return
  const host = probe.hostname
  if (result.error) {
    unverified(ctx, 'PUBLIC-ACCESS-OPEN', {
      resource: model.vault.id,
      message: `the data-plane request to https://${host} from outside got no answer: ${stepText(result.error)}`,
      observed: result.error.kind,
      expected: '403 ForbiddenByFirewall or ForbiddenByConnection',
      fix: dataPlaneCheck(ctx, null)
    })
    return
  }
  // The name led somewhere that is not a public address: a private endpoint (a GitHub-hosted runner
  // with Azure private networking, a self-hosted runner that did not say so in RUNNER_ENVIRONMENT),
  // or a hosts-file/loopback override. Whatever answered, it says nothing about the public path.
  // A warning under the contract's rule, not an error: the vault may well be closed; and not an
  // info, because a run asked to verify the public path did not, and `fail-on: warning` must see it.
  if (result.ip !== null && isValidIp(result.ip) && !isPublic(result.ip)) {
    unverified(ctx, 'PUBLIC-ACCESS-OPEN', {
      resource: model.vault.id,
      message:
        `this runner is not outside the VNet. From here ${host} leads to ${ipLabel(result.ip)}, ` +
        `not to the vault's public endpoint, so the answer (${result.status}${result.code ? ` ${result.code}` : ''}` +
        `${result.innerCode ? `/${result.innerCode}` : ''}) says nothing about the public path. Run the outside ` +
        `probe on a runner without private access to the vault (e.g. a GitHub-hosted runner without Azure private ` +
        `networking), and use 'probe: inside' here`,
      observed: `${result.status}${result.code ? ` ${result.code}` : ''} from ${result.ip}`,
      expected:
        'a public address of the vault, answering 403 ForbiddenByFirewall or ForbiddenByConnection',
      // What the vault's firewall is set to decides the public path; the request proves it from outside.
      fix: steps(vaultShowNetwork(model), dataPlaneCheck(ctx, null))
    })
    return
  }
  if (!result.keyVault) {
    unverified(ctx, 'PUBLIC-ACCESS-OPEN', {
      resource: model.vault.id,
      message:
        `from outside, https://${host} (${result.ip ?? 'by name'}) answered ${result.status ?? '?'} without any of ` +
        `Key Vault's markers (x-ms-keyvault-* headers, request ID, Key Vault's error body): something other than ` +
        `the vault answered, so whether its public path is open is unknown`,
      observed: `${result.status ?? '?'} from ${result.ip ?? '?'}, markers: ${list(result.markers ?? [])}`,
      expected: '403 ForbiddenByFirewall or ForbiddenByConnection',
      fix: steps(vaultShowNetwork(model), dataPlaneCheck(ctx, null))
    })
    return
  }
  if (isFirewallAnswer(result)) {
    ok(
      ctx,
      'PUBLIC-ACCESS-OPEN',
      `From outside the VNet the vault refused the request at the network check (403 ${result.innerCode}` +
        (result.clientAddress ? `, Client address: ${result.clientAddress}` : '') +
        ')',
      `403 ${result.innerCode}${result.clientAddress ? `, client ${result.clientAddress}` : ''}`,
      '403 ForbiddenByFirewall or ForbiddenByConnection'
    )
    return
  }
  add(ctx, 'PUBLIC-ACCESS-OPEN', {
    resource: model.vault.id,
    message:
      `From outside the VNet (${result.ip ?? 'by name'}) an authenticated data-plane request got past the network check: ` +
      `${result.status}${result.code ? ` ${result.code}` : ''}${result.innerCode ? `/${result.innerCode}` : ''}. ` +
      `Anyone with a valid token can reach this vault from the Internet`,
    observed: `${result.status}${result.code ? ` ${result.code}` : ''}`,
    expected: '403 ForbiddenByFirewall or ForbiddenByConnection',
    fix: `az keyvault update --name ${sh(model.vault.name)} --subscription ${sh(model.vault.subscriptionId)} --public-network-access Disabled`
  })
}

/** Everything the probe rules say about one vault, worked out once; each rule takes its part. */
const probeOutcomes = perTarget((ctx: ProbeContext): Emitted[] => {
  const emitted: Emitted[] = []
  const all: Ctx = { ...ctx, emitted }
  if (ctx.run.mode === 'inside') {
    dnsRules(all)
    hostsRule(all)
    proxyRule(all)
    healthRules(all)
    dataPlaneRule(all)
  } else {
    proxyRule(all)
    outsideRule(all)
  }
  return emitted
})

function take(rule: RuleName) {
  return (ctx: ProbeContext, out: Outcomes): void => {
    for (const item of probeOutcomes(ctx)) {
      if (item.rule !== rule) continue
      if (item.kind === 'pass') out.pass(item.draft)
      else if (item.kind === 'notVerified') out.notVerified(item.draft)
      else out.finding(item.draft)
    }
  }
}

type RuleName = (typeof PROBE_RULE_META)[number]['id']

/** The probe rules' metadata; their checks share the analysis above (guide §5, §7, §8). */
const PROBE_RULE_META = [
  {
    id: 'PROBE-NO-PRIVATELINK-ALIAS',
    severity: 'error',
    title: 'No privatelink alias in DNS',
    summary: 'No CNAME to `<vault>.privatelink.vaultcore.azure.net`.',
    section: 'dnsResolution',
    modes: ['inside']
  },
  {
    id: 'PROBE-NXDOMAIN',
    severity: 'error',
    title: 'Vault name does not resolve',
    summary: "The vault's name does not resolve.",
    section: 'dnsResolution',
    modes: ['inside']
  },
  {
    id: 'PROBE-PUBLIC-IP',
    severity: 'error',
    title: 'Vault name resolves to a public IP',
    summary: 'The name resolves to a public IP from the runner.',
    section: 'dnsResolution',
    modes: ['inside']
  },
  {
    id: 'PROBE-WRONG-IP',
    severity: 'error',
    title: 'Vault name resolves to a wrong private IP',
    summary: 'It resolves to a private IP that is no effective PE IP.',
    section: 'dnsResolution',
    modes: ['inside']
  },
  {
    id: 'PROBE-HOSTS-OVERRIDE',
    severity: 'warning',
    title: 'Hosts file or OS resolver overrides DNS',
    summary: 'The OS resolver answers differently from DNS.',
    section: 'other',
    modes: ['inside']
  },
  {
    id: 'PROBE-PROXY',
    severity: 'warning',
    title: 'An HTTP(S) proxy applies to the vault',
    summary: 'An HTTP(S) proxy would apply to the vault.',
    section: 'other',
    modes: ['inside', 'outside']
  },
  {
    id: 'PROBE-CONNECT-FAILED',
    severity: 'error',
    title: 'No connection to the vault, or no answer in time',
    summary: 'No TCP connection on 443, a stalled TLS handshake, or no answer after connecting.',
    section: 'healthStatus',
    modes: ['inside']
  },
  {
    id: 'PROBE-TLS-FAILED',
    severity: 'error',
    title: 'TLS to the vault failed (certificate not valid, or handshake cut off)',
    summary:
      "The certificate is not valid for the vault's hostname (or the handshake was cut off).",
    section: 'healthStatus',
    modes: ['inside']
  },
  {
    id: 'PROBE-NOT-KEYVAULT',
    severity: 'error',
    title: 'Endpoint is not Key Vault',
    summary: '`/healthstatus` answered without `x-ms-keyvault-network-info`.',
    section: 'healthStatus',
    // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
    kinds: ['vault'],
    modes: ['inside']
  },
  {
    id: 'PROBE-PUBLIC-PATH',
    severity: 'error',
    title: 'Request reached the vault over the public path',
    summary: 'The request reached the vault from a public address.',
    section: 'healthStatus',
    // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
    kinds: ['vault'],
    modes: ['inside']
  },
  {
    id: 'PROBE-ROUTED',
    severity: 'info',
    title: 'Request routed through another private address',
    summary: "The vault saw another private address than the runner's.",
    section: 'healthStatus',
    // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
    kinds: ['vault'],
    modes: ['inside']
  },
  {
    id: 'PROBE-IP-DIVERGES',
    severity: 'warning',
    title: 'Private endpoint IP and name reach different endpoints',
    summary: 'By name and straight to the PE IP reach different endpoints.',
    section: 'healthStatus',
    // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
    kinds: ['vault'],
    modes: ['inside']
  },
  {
    id: 'PROBE-FORBIDDEN-BY-FIREWALL',
    severity: 'error',
    title: 'Firewall rejects the private path',
    summary: 'The data plane refused the private path (warning: the request failed, not verified).',
    section: 'healthStatus',
    // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
    kinds: ['vault'],
    modes: ['inside']
  },
  {
    id: 'PUBLIC-ACCESS-OPEN',
    severity: 'error',
    title: 'Vault accepts requests from the public Internet',
    summary:
      'From outside, a request got past the network check (warning: not verified, e.g. this runner is not outside).',
    section: 'firewall',
    // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
    kinds: ['vault'],
    modes: ['outside']
  }
] as const

export const PROBE_RULES = PROBE_RULE_META.map((meta) =>
  defineRule({ ...meta, needs: ['probe'], scope: 'probe', check: take(meta.id) })
)
