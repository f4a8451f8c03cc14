/**
 * Would this runner's applications send vault traffic through an HTTP(S) proxy (guide §8,
 * "promiscuous proxies")? Read from the environment the way the tools that talk to Key Vault do:
 * the Azure SDKs and curl use `HTTPS_PROXY`, curl also `ALL_PROXY`, and the Azure SDK for JS falls
 * back to `HTTP_PROXY` for HTTPS too; `NO_PROXY` excludes hosts. The probe's own requests never use
 * a proxy: they measure the direct path.
 */
import type { ProxyResult } from './result.js'

const PROXY_VARIABLES = [
  'https_proxy',
  'HTTPS_PROXY',
  'all_proxy',
  'ALL_PROXY',
  'http_proxy',
  'HTTP_PROXY'
] as const

/** The proxy URL without user name and password (they are credentials). */
export function redactProxy(value: string): string {
  try {
    const url = new URL(value.includes('://') ? value : `http://${value}`)
    url.username = ''
    url.password = ''
    return url.href.replace(/\/$/, '')
  } catch {
    // Not a URL: keep what follows an `@`, which is where credentials would end.
    return value.replace(/^.*@/, '')
  }
}

/** The `NO_PROXY` entry that matches `hostname` (port 443), or null. */
export function noProxyMatch(hostname: string, noProxy: string): string | null {
  const host = hostname.replace(/\.+$/, '').toLowerCase()
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') return raw.trim()
    const [pattern = '', port] = entry.split(/:(?=\d+$)/)
    if (port !== undefined && port !== '443') continue
    const domain = pattern.replace(/^\*?\.+/, '')
    if (domain && (host === domain || host.endsWith(`.${domain}`))) return raw.trim()
  }
  return null
}

/** The proxy that applies to `https://<hostname>`, or null when none is configured. */
export function proxyFor(hostname: string, env: NodeJS.ProcessEnv): ProxyResult | null {
  const variable = PROXY_VARIABLES.find((name) => (env[name] ?? '').trim() !== '')
  if (!variable) return null
  const noProxy = env.no_proxy || env.NO_PROXY || ''
  return {
    variable,
    proxy: redactProxy((env[variable] ?? '').trim()),
    excludedBy: noProxyMatch(hostname, noProxy)
  }
}
