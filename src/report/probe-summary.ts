/**
 * The probe's part of the job summary: per vault, the resolution chain (name → alias → IP, and the
 * PE it should be) and what each request saw. Everything here came from the network, so every
 * value goes through markdown.ts.
 */
import type {
  DataPlaneResult,
  HealthAttempt,
  ProbeRun,
  StepError,
  VaultProbe
} from '../probe/result.js'
import { isPublic, isValidIp } from '../common/ip.js'
import { escapeMarkdown, inlineCode } from './markdown.js'
import { kindHeading } from './group.js'

function code(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : values.map((value) => inlineCode(value)).join(', ')
}

function failure(error: StepError): string {
  return `❌ ${escapeMarkdown(error.message)} (${inlineCode(error.kind)})`
}

function chainCell(probe: VaultProbe): string {
  const dns = probe.dns
  if (!dns) return '—'
  const names = dns.chain.map((name) => inlineCode(name)).join(' → ')
  if (dns.error) return `${names} → ${failure(dns.error)}`
  return `${names} → ${code(dns.addresses)}`
}

function healthCell(attempt: HealthAttempt): string {
  if (attempt.error) return failure(attempt.error)
  const header =
    attempt.networkInfo === null
      ? '⚠️ no `x-ms-keyvault-network-info`'
      : `addr=${inlineCode(attempt.addr ?? '?')}`
  return `${attempt.status ?? '?'}, ${header}`
}

function dataPlaneCell(result: DataPlaneResult): string {
  if (result.error) return failure(result.error)
  const parts = [String(result.status ?? '?')]
  if (result.code) parts.push(inlineCode(result.code))
  if (result.innerCode) parts.push(inlineCode(result.innerCode))
  if (result.clientAddress) parts.push(`Client address ${inlineCode(result.clientAddress)}`)
  return parts.join(' ')
}

function vaultTable(run: ProbeRun, probe: VaultProbe): string {
  const rows: [string, string][] = []
  if (probe.skipped) rows.push(['Skipped', escapeMarkdown(probe.skipped)])
  if (probe.dns) {
    const servers =
      probe.dns.servers === 'system' ? 'system resolvers' : probe.dns.servers.join(', ')
    rows.push([`DNS (${escapeMarkdown(servers)})`, chainCell(probe)])
  }
  if (run.mode === 'inside' && !probe.skipped) {
    const should = probe.endpoints.map((pe) => `${inlineCode(pe.name)} ${code(pe.ips)}`)
    rows.push([
      'Should be (effective PEs)',
      should.length ? should.join('; ') : '(no effective private endpoint)'
    ])
  }
  if (probe.os) {
    rows.push([
      'OS resolver (hosts file)',
      probe.os.error ? failure(probe.os.error) : code(probe.os.addresses)
    ])
  }
  for (const attempt of probe.health) {
    const label =
      attempt.via === 'name'
        ? `GET /healthstatus by name${attempt.ip ? ` (${inlineCode(attempt.ip)})` : ''}`
        : `GET /healthstatus straight to PE IP ${inlineCode(attempt.ip ?? '?')}`
    rows.push([label, healthCell(attempt)])
  }
  if (probe.dataPlane) {
    const where =
      probe.dataPlane.via === 'pe-ip'
        ? `PE IP ${inlineCode(probe.dataPlane.ip ?? '?')}`
        : `by name${probe.dataPlane.ip ? ` (${inlineCode(probe.dataPlane.ip)})` : ''}`
    const ip = probe.dataPlane.ip
    // From "outside", a name that leads to a private address means this runner is not outside.
    const notOutside =
      run.mode === 'outside' && ip !== null && isValidIp(ip) && !isPublic(ip)
        ? ' ⚠️ not a public address: this runner is not outside, the public path was not verified'
        : ''
    rows.push([
      `Data plane, secret that cannot exist (${where})`,
      `${dataPlaneCell(probe.dataPlane)}${notOutside}`
    ])
  }
  rows.push([
    'Proxy',
    probe.proxy
      ? `${inlineCode(`${probe.proxy.variable}=${probe.proxy.proxy}`)}${probe.proxy.excludedBy ? `, excluded by ${inlineCode(probe.proxy.excludedBy)}` : ' applies'}`
      : 'none'
  ])
  return [
    `#### ${kindHeading(probe.kind)} ${inlineCode(probe.vault)} (${inlineCode(probe.hostname)})`,
    '',
    '| step | what it saw |',
    '|---|---|',
    ...rows.map(([step, saw]) => `| ${step} | ${saw} |`)
  ].join('\n')
}

/** The probe section of the summary. */
export function renderProbeSummary(run: ProbeRun): string {
  const title =
    run.mode === 'inside'
      ? 'Probe from this runner (inside the VNet)'
      : 'Probe from this runner (outside the VNet)'
  return [
    `### 🔎 ${title}`,
    `Each step allowed ${run.timeoutSeconds} s. This runner's addresses: ${code(run.runnerAddresses)}.`,
    ...run.vaults.filter(Boolean).map((probe) => vaultTable(run, probe))
  ].join('\n\n')
}
