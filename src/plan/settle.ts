/**
 * After the rules judged the proposed snapshot: a finding that rests on a value known only after
 * apply (it names a stand-in address of apply.ts) is a problem nobody can know yet, so it becomes
 * PLAN-UNRESOLVED; a check that held whatever the value is keeps its result, with the value named
 * in words; a fix that needs the value gets a placeholder, and its message says so. A DNS server
 * known only after apply leaves the DNS path of every VNet that passes it open: its DNS-path checks
 * give one PLAN-UNRESOLVED for that VNet instead of their outcomes.
 */
import { RULES, type RuleId } from '../evaluate/catalog.js'
import type { Finding } from '../evaluate/finding.js'
import { list } from '../common/names.js'
import type { Unresolved } from './apply.js'

const RULE: RuleId = 'PLAN-UNRESOLVED'

/**
 * Checks whose outcome compares the value itself (is the IP private, does the record hold it, do
 * two VNets get different IPs). Any other check only names the value in its words or its fix: a
 * record that is missing is missing whatever IP it should hold.
 */
const DEPENDS_ON_VALUE: ReadonlySet<string> = new Set([
  'PE-IP-NOT-PRIVATE',
  'PE-DNS-CONFIG-MULTIPLE',
  'DNS-RECORD-WRONG-IP',
  'DNS-RECORD-EXTRA-IP',
  'DNS-ZONE-CONFLICT'
])

/**
 * Checks whose outcome turns on whether a server a VNet names is a DNS private resolver's inbound
 * endpoint (followed, a pass) or not (assumed or not followed): undecided while a new endpoint in
 * that VNet gets its IP at apply.
 */
const DEPENDS_ON_SERVER: ReadonlySet<string> = new Set(['VNET-CUSTOM-DNS'])

/**
 * Checks whose outcome for a VNet follows where its DNS path leads: while a server on it is known
 * only after apply, none of them can say for that VNet (VNET-CUSTOM-DNS only of the VNet's own).
 */
const PATH_RULES: readonly RuleId[] = [
  'VNET-CUSTOM-DNS',
  'DNS-LINK-MISSING',
  'DNS-FORWARDING-RULE',
  'DNS-FORWARDING-LOOP'
]

interface OpenPath {
  vault: string
  vnetId: string
  vnet: string
  of: Unresolved & { re: RegExp }
}

/**
 * An outcome of a DNS-path check that rests on a path through a server known only after apply:
 * it names the server's stand-in; or it is a pass about those VNets only, or about every path of
 * the vault (no forwarding rule, no loop), which the unknown path may break.
 */
function restsOnOpenPath(finding: Finding, text: string, open: OpenPath[]): boolean {
  if (open.some((p) => text.search(p.of.re) >= 0)) return true
  if (finding.severity !== 'pass') return false
  const clients = finding.clients ?? []
  if (clients.length > 0)
    return clients.every((id) => open.some((p) => p.vnetId.toLowerCase() === id.toLowerCase()))
  return /\/providers\/Microsoft\.KeyVault\//i.test(finding.resource)
}

/** One PLAN-UNRESOLVED per vault and VNet whose DNS path passes a server known only after apply. */
function openPathFindings(open: OpenPath[]): Finding[] {
  const byVnet = new Map<string, OpenPath[]>()
  for (const p of open) {
    const key = `${p.vault}|${p.vnetId}`.toLowerCase()
    byVnet.set(key, [...(byVnet.get(key) ?? []), p])
  }
  return [...byVnet.values()].flatMap((paths) => {
    const first = paths[0]
    if (!first) return []
    const own = paths.some((p) => p.of.resource.toLowerCase() === p.vnetId.toLowerCase())
    const rules = PATH_RULES.filter((rule) => own || rule !== 'VNET-CUSTOM-DNS')
    const what = list([...new Set(paths.map((p) => p.of.what))])
    return [
      {
        rule: RULE,
        severity: RULES[RULE].severity,
        vault: first.vault,
        resource: first.vnetId,
        message:
          `The DNS path of VNet ${first.vnet} for ${first.vault} cannot be judged before apply: it rests on ${what}, ` +
          `which the plan knows only after apply. ${list(rules)} are checked for ${first.vnet} on the next live run`,
        observed: 'known after apply',
        expected: 'a DNS path that ends where Azure DNS answers, in a VNet linked to the zone',
        fix: null,
        docs: RULES[RULE].docs,
        clients: [first.vnetId]
      }
    ]
  })
}

/**
 * Checks of whether a client VNet and a private endpoint's VNet are peered: undecided while a
 * peering of either has a remote VNet known only after apply (it may be the other one).
 */
const DEPENDS_ON_PEERING: ReadonlySet<string> = new Set([
  'VNET-NO-ROUTE-TO-PE',
  'VNET-PEERING-NOT-CONNECTED'
])

/** The ID of a private DNS zone's VNet link. */
const LINK = /\/privateDnsZones\/[^/]+\/virtualNetworkLinks\//i

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function pattern(ip: string): RegExp {
  return new RegExp(`(?<![\\d.])${ip.replace(/\./g, '\\.')}(?!\\d|\\.\\d)`, 'g')
}

export function settleUnknowns(
  findings: readonly Finding[],
  unresolved: readonly Unresolved[]
): Finding[] {
  if (unresolved.length === 0) return [...findings]
  const values = unresolved.map((u) => ({ ...u, re: pattern(u.value) }))
  const words = (text: string): string => {
    let out = text
    for (const v of values) out = out.replace(v.re, `(${v.what}, known after apply)`)
    return out
  }
  const rests = (text: string): Unresolved[] => values.filter((v) => text.search(v.re) >= 0)
  const candidates = values.flatMap((v) =>
    (v.candidates ?? []).map((ip) => ({ ip, re: pattern(ip), of: v }))
  )
  const open: OpenPath[] = values.flatMap((of) => (of.paths ?? []).map((p) => ({ ...p, of })))
  // A VNet holding a peering to a VNet known only after apply, by its ID and by its name in words.
  const peeredFrom = values.flatMap((of) =>
    of.peeredFrom
      ? [
          {
            ...of.peeredFrom,
            of,
            re: new RegExp(`(?<![\\w-])${escapeRegExp(of.peeredFrom.vnet)}(?![\\w-])`)
          }
        ]
      : []
  )
  const result: Finding[] = []
  const seen = new Set<string>()
  for (const finding of findings) {
    const text = `${finding.message}\n${finding.observed}\n${finding.expected}`
    const vault = finding.vault?.toLowerCase()
    const ours = open.filter((p) => p.vault.toLowerCase() === vault)
    // Said once for the VNet by openPathFindings, naming what it waits for.
    if (
      ours.length > 0 &&
      PATH_RULES.includes(finding.rule) &&
      restsOnOpenPath(finding, text, ours)
    )
      continue
    const maybe = DEPENDS_ON_SERVER.has(finding.rule)
      ? candidates.filter((c) => text.search(c.re) >= 0)
      : []
    if (maybe.length > 0 && finding.severity !== 'pass') {
      const which = [...new Set(maybe.map((c) => `whether ${c.ip} is ${c.of.what}`))].join(', ')
      result.push({
        rule: RULE,
        severity: RULES[RULE].severity,
        vault: finding.vault,
        resource: finding.resource,
        message: `${finding.rule} (${RULES[finding.rule].title}) cannot be judged before apply: it needs to know ${which}, which the plan knows only after apply; it is checked on the next live run. As planned: ${words(finding.message)}`,
        observed: 'known after apply',
        expected: words(finding.expected),
        fix: null,
        docs: RULES[RULE].docs
      })
      continue
    }
    const needed = rests(text)
    // A zone linked to a VNet known only after apply may be linked where it is missing; an IP
    // stand-in in DNS-LINK-MISSING's words (the record's note) changes nothing of that.
    const links = needed.filter((u) => LINK.test(u.resource))
    const peerings = DEPENDS_ON_PEERING.has(finding.rule)
      ? peeredFrom
          .filter(
            (p) =>
              (finding.clients ?? []).some((id) => id.toLowerCase() === p.vnetId.toLowerCase()) ||
              p.re.test(text)
          )
          .map((p) => p.of)
      : []
    const decides = DEPENDS_ON_VALUE.has(finding.rule)
      ? needed.filter((u) => !LINK.test(u.resource))
      : finding.rule === 'DNS-LINK-MISSING'
        ? links
        : peerings
    if (decides.length > 0 && finding.severity !== 'pass') {
      const key = `${finding.rule}|${finding.vault ?? ''}|${finding.resource}`.toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      const what = [...new Set(decides.map((u) => u.what))].join(' and ')
      result.push({
        rule: RULE,
        severity: RULES[RULE].severity,
        vault: finding.vault,
        resource: finding.resource,
        message: `${finding.rule} (${RULES[finding.rule].title}) cannot be judged before apply: it needs ${what}, which the plan knows only after apply; it is checked on the next live run. As planned: ${words(finding.message)}`,
        observed: 'known after apply',
        expected: words(finding.expected),
        fix: null,
        docs: RULES[RULE].docs
      })
      continue
    }
    const inFix = finding.fix ? rests(finding.fix) : []
    const inWords =
      needed.some((u) => !LINK.test(u.resource)) &&
      finding.severity !== 'pass' &&
      inFix.length === 0
    let fix = finding.fix
    let message = words(finding.message)
    if (inWords) message += ' (Azure assigns that IP at apply)'
    if (fix && inFix.length > 0) {
      for (const v of values) fix = fix.replace(v.re, `'<${v.what.replace(/^the /, '')}>'`)
      message += ` (in the fix, put ${inFix.map((u) => u.what).join(' and ')} in place of the placeholder: Azure assigns it at apply)`
    }
    result.push({
      ...finding,
      message,
      observed: words(finding.observed),
      expected: words(finding.expected),
      fix
    })
  }
  return [...result, ...openPathFindings(open)]
}
