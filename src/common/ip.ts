/**
 * Classifies IP addresses the way guide §4 does: private, public or reserved.
 *
 * Private is RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16). The guide writes
 * "172.16.x.x to 172.32.x.x", but the RFC 1918 block ends at 172.31.255.255: 172.32.0.0 is public.
 * Reserved is what the guide lists (multicast 224.0.0.0/4, broadcast 255.255.255.255, loopback
 * 127.0.0.0/8, link-local 169.254.0.0/16, Azure's platform DNS 168.63.129.16) plus the other
 * special ranges ipaddr.js knows (0.0.0.0/8, documentation and benchmarking nets, 240.0.0.0/4).
 * Everything else is public, as the guide says — including shared address space 100.64.0.0/10.
 *
 * Ranges come from ipaddr.js, not hand-written masks. The probe reuses this module for resolved
 * addresses, so IPv6 is classified too (unique-local fc00::/7 counts as private; IPv4-mapped
 * addresses are classified as their IPv4 address).
 */
import ipaddr from 'ipaddr.js'

export type IpClass = 'private' | 'public' | 'reserved'

export interface IpInfo {
  /** The address as given. */
  ip: string
  class: IpClass
  /** A short human label of the range, for messages: `RFC 1918 private`, `loopback`, … */
  range: string
}

/** Azure's virtual public IP for platform DNS, DHCP and health probes (guide §4 "Internal DNS"). */
export const AZURE_PLATFORM_IP = '168.63.129.16'

const IPV4_RANGES: Record<string, { class: IpClass; label: string }> = {
  private: { class: 'private', label: 'RFC 1918 private' },
  unicast: { class: 'public', label: 'public' },
  carrierGradeNat: { class: 'public', label: 'public (shared address space 100.64.0.0/10)' },
  as112: { class: 'public', label: 'public (AS112 anycast)' },
  amt: { class: 'public', label: 'public (AMT anycast)' },
  unspecified: { class: 'reserved', label: 'unspecified (0.0.0.0/8)' },
  broadcast: { class: 'reserved', label: 'broadcast' },
  multicast: { class: 'reserved', label: 'multicast' },
  linkLocal: { class: 'reserved', label: 'link-local' },
  loopback: { class: 'reserved', label: 'loopback' },
  reserved: { class: 'reserved', label: 'reserved (documentation, benchmarking or future use)' }
}

const IPV6_RANGES: Record<string, { class: IpClass; label: string }> = {
  uniqueLocal: { class: 'private', label: 'IPv6 unique-local (private)' },
  unicast: { class: 'public', label: 'public' },
  '6to4': { class: 'public', label: 'public (6to4)' },
  teredo: { class: 'public', label: 'public (Teredo)' },
  rfc6052: { class: 'public', label: 'public (NAT64)' },
  as112v6: { class: 'public', label: 'public (AS112 anycast)' },
  amt: { class: 'public', label: 'public (AMT anycast)' },
  unspecified: { class: 'reserved', label: 'unspecified (::)' },
  loopback: { class: 'reserved', label: 'loopback' },
  linkLocal: { class: 'reserved', label: 'link-local' },
  multicast: { class: 'reserved', label: 'multicast' }
}

/** True for a dotted-quad IPv4 address or an IPv6 address (no CIDR suffix, no shorthand IPv4). */
export function isValidIp(ip: string): boolean {
  return infoOf(ip) !== null
}

/**
 * The class of an address and a label of its range.
 * @throws TypeError when `ip` is not a valid address (see `isValidIp`).
 */
export function describeIp(ip: string): IpInfo {
  const info = infoOf(ip)
  if (!info) throw new TypeError(`Not an IP address: ${JSON.stringify(ip)}`)
  return info
}

/**
 * `describeIp`'s answers, null for what is no address. The same few thousand addresses are asked
 * about by the collector and by several rules per vault, and ipaddr.js parses the text each time
 * (at 2,000 vaults that was a tenth of the evaluate stage). Bounded, so a long-lived process
 * (the tests) does not keep every address it ever saw.
 */
const described = new Map<string, Readonly<IpInfo> | null>()
const DESCRIBED_LIMIT = 20_000

function infoOf(ip: string): Readonly<IpInfo> | null {
  let info = described.get(ip)
  if (info !== undefined) return info
  const octets = fourPartDecimal(ip)
  info = octets
    ? describe(ip, new ipaddr.IPv4(octets))
    : ipaddr.IPv6.isValid(ip)
      ? describe(ip, ipaddr.parse(ip))
      : null
  if (described.size >= DESCRIBED_LIMIT) described.clear()
  described.set(ip, info)
  return info
}

const FOUR_PART_DECIMAL = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/

/**
 * The octets of a dotted quad as ipaddr.js's `isValidFourPartDecimal` accepts it (no leading
 * zeros, each at most 255), else null. Read here rather than by ipaddr.js's parser, which that
 * check runs and `parse` runs again, each trying every IPv4 notation it knows (octal, hex, long):
 * two thousand endpoints' addresses took a tenth of the collector's last 0.2 s.
 */
function fourPartDecimal(ip: string): number[] | null {
  const match = FOUR_PART_DECIMAL.exec(ip)
  if (!match) return null
  const octets = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])]
  return octets.every((octet) => octet <= 255) ? octets : null
}

function describe(ip: string, parsed: ipaddr.IPv4 | ipaddr.IPv6): Readonly<IpInfo> {
  let address = parsed
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6
    if (v6.isIPv4MappedAddress()) address = v6.toIPv4Address()
  }
  if (address.kind() === 'ipv4') {
    if (address.toString() === AZURE_PLATFORM_IP) {
      return Object.freeze({ ip, class: 'reserved', range: 'Azure platform DNS (168.63.129.16)' })
    }
    const known = IPV4_RANGES[(address as ipaddr.IPv4).range()]
    return Object.freeze({
      ip,
      class: known?.class ?? 'reserved',
      range: known?.label ?? 'reserved'
    })
  }
  const known = IPV6_RANGES[(address as ipaddr.IPv6).range()]
  return Object.freeze({ ip, class: known?.class ?? 'reserved', range: known?.label ?? 'reserved' })
}

/**
 * `private`, `public` or `reserved` (guide §4, with the RFC 1918 range for 172.16.0.0/12).
 * @throws TypeError when `ip` is not a valid address (see `isValidIp`).
 */
export function classifyIp(ip: string): IpClass {
  return describeIp(ip).class
}

/** True when `ip` is a valid private address; false for public, reserved and invalid input. */
export function isPrivate(ip: string): boolean {
  return infoOf(ip)?.class === 'private'
}

/** True when `ip` is a valid public address; false for private, reserved and invalid input. */
export function isPublic(ip: string): boolean {
  return infoOf(ip)?.class === 'public'
}

/** True when `ip` is a valid reserved address; false for private, public and invalid input. */
export function isReserved(ip: string): boolean {
  return infoOf(ip)?.class === 'reserved'
}

/** True when `ip` lies in one of the CIDR prefixes (e.g. a VNet's address space). */
export function inPrefixes(ip: string, prefixes: readonly string[]): boolean {
  if (!isValidIp(ip)) return false
  const address = ipaddr.process(ip)
  return prefixes.some((prefix) => {
    if (!ipaddr.isValidCIDR(prefix)) return false
    const [network, bits] = ipaddr.parseCIDR(prefix)
    return network.kind() === address.kind() && address.match(network, bits)
  })
}
