/**
 * This runner's own addresses, to tell "the vault saw me" from "the vault saw someone else"
 * (guide §7, the `addr` of `x-ms-keyvault-network-info`).
 *
 * Loopback (127.0.0.0/8, ::1) is left out: the vault can never see it. Other addresses on
 * internal interfaces are kept, because a runner may hold its VNet address on `lo` or a dummy
 * interface (and network namespace tests do exactly that).
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'

export function runnerAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()
): string[] {
  const addresses = new Set<string>()
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      const address = info.address.replace(/%.*$/, '').toLowerCase()
      if (address === '::1' || address.startsWith('127.')) continue
      addresses.add(address)
    }
  }
  return [...addresses]
}

/** `ip` (possibly IPv4-mapped IPv6) is one of `addresses`. */
export function isOwnAddress(ip: string, addresses: readonly string[]): boolean {
  const plain = ip.toLowerCase().replace(/^::ffff:(?=\d+\.)/, '')
  return addresses.includes(plain)
}
