/**
 * Parses and validates every input of action.yml before any Azure call. A bad value throws an
 * `InputError` whose message is one line naming the input, the value and what is allowed.
 *
 * Decisions where the contract is silent:
 * - Empty inputs take the contract's defaults (the runner fills action.yml defaults in, but tests
 *   and local runs may not).
 * - `subscription-id` is required, except when `vaults` is not empty and every entry is a full
 *   resource ID: then it defaults to the subscription of the first ID.
 * - `auth: auto` with only `client-id` set uses the default chain, with `client-id` as the
 *   user-assigned managed identity / workload identity client ID (see credential.ts).
 * - Vault entries are de-duplicated by name, case-insensitively (vault names are globally unique
 *   DNS labels); when the same vault is given by name and by ID, the ID wins. A resource ID may name
 *   a key vault or a managed HSM (`managedHSMs`, any case); a bare name is either.
 * - `dns-servers` entries keep the spelling the user gave (IPv6 with a port as `[addr]:port`), in a
 *   form `dns.Resolver#setServers` accepts.
 * - `report: comment` needs a non-empty `github-token`.
 */
import ipaddr from 'ipaddr.js'
import { isRuleId, RULE_IDS, type RuleId } from '../evaluate/catalog.js'
import { targetNames, type TargetKind } from '../common/target.js'
import { logger } from '../logger.js'
import { PlanError, type Plan } from '../plan/plan.js'
import { readPlan } from '../plan/read.js'
import { BaselineError, readBaseline, type Baseline } from '../compare/baseline.js'
import { parseClientVnets } from './client-vnets.js'
import { CLOUDS, type Cloud, type CloudName } from './cloud.js'
import type {
  FailOn,
  Gate,
  Inputs,
  ProbeMode,
  PublicNetworkAccessPolicy,
  ReportTarget,
  Suppression,
  VaultRef
} from './inputs.js'

/** A bad input. `message` is one line: the input, the value and what is allowed. */
export class InputError extends Error {
  /** The input's name as in action.yml, e.g. `ttl-min`. */
  readonly input: string

  constructor(input: string, message: string) {
    super(message)
    this.name = 'InputError'
    this.input = input
  }
}

export const TTL_LIMIT = 2147483647
export const PROBE_TIMEOUT_MAX_SECONDS = 60

export const VAULT_NAME_RULE =
  "a vault name is 3-24 characters, letters, digits and hyphens, starts with a letter, ends with a letter or digit, and has no '--'"
const RESOURCE_GROUP_RULE =
  "a resource group name is 1-90 characters, letters, digits, '_', '-', '.', '(' and ')', and does not end with '.'"
const GUID_RULE = 'a GUID like 00000000-0000-0000-0000-000000000000'
const VAULT_ID_SHAPE =
  '/subscriptions/<subscription GUID>/resourceGroups/<resource group>/providers/Microsoft.KeyVault/vaults/<vault name> (or .../Microsoft.KeyVault/managedHSMs/<HSM name>)'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const VAULT_NAME = /^[a-z][a-z0-9-]{1,22}[a-z0-9]$/i
const RESOURCE_GROUP = /^[\p{L}\p{N}_\-.()]{1,90}$/u
const VAULT_ID =
  /^\/subscriptions\/([^/]*)\/resourceGroups\/([^/]*)\/providers\/Microsoft\.KeyVault\/(vaults|managedHSMs)\/([^/]*)\/?$/i

export function isGuid(value: string): boolean {
  return GUID.test(value)
}

export function isVaultName(value: string): boolean {
  return VAULT_NAME.test(value) && !value.includes('--')
}

export function isResourceGroupName(value: string): boolean {
  return RESOURCE_GROUP.test(value) && !value.endsWith('.')
}

/**
 * @param get reads one input by its action.yml name (`core.getInput`-like: '' when unset).
 * @param env the process environment (RUNNER_ENVIRONMENT, GITHUB_WORKFLOW, GITHUB_JOB).
 */
export function parseInputs(get: (name: string) => string, env: NodeJS.ProcessEnv): Inputs {
  const read = (name: string): string => (get(name) ?? '').trim()

  // Sign-in
  const authMode = choice(read, 'auth', ['auto', 'oidc', 'default'] as const, 'auto')
  const clientId = optionalGuid(read, 'client-id')
  const tenantId = parseTenant(read('tenant-id'))
  if (authMode === 'oidc') {
    for (const [name, value] of [
      ['client-id', clientId],
      ['tenant-id', tenantId]
    ] as const) {
      if (!value) {
        throw new InputError(
          name,
          `Input '${name}' is empty: 'auth: oidc' needs both 'client-id' and 'tenant-id' (or use 'auth: default')`
        )
      }
    }
  }
  const auth = authMode === 'auto' ? (clientId && tenantId ? 'oidc' : 'default') : authMode

  // Scope
  const resourceGroupRaw = read('resource-group')
  if (resourceGroupRaw && !isResourceGroupName(resourceGroupRaw)) {
    throw new InputError(
      'resource-group',
      `Input 'resource-group' is '${show(resourceGroupRaw)}': ${RESOURCE_GROUP_RULE}`
    )
  }
  const resourceGroup = resourceGroupRaw || null
  const entries = parseVaultEntries(read('vaults'))
  const subscriptionId = parseSubscription(read('subscription-id'), entries)
  const vaults: VaultRef[] = entries.map((entry) =>
    entry.id ? entry : { name: entry.name, subscriptionId, resourceGroup, id: null }
  )
  const dnsZoneScopes = parseZoneScopes(read('dns-zone-scopes'))
  const clientVnets = parseClientVnets(read('client-vnets'), subscriptionId)

  // Checks
  const publicNetworkAccess: PublicNetworkAccessPolicy = choice(
    read,
    'public-network-access',
    ['disabled', 'restricted', 'any'] as const,
    'disabled'
  )
  const ttlMin = wholeSeconds(read, 'ttl-min', 10)
  const ttlMax = wholeSeconds(read, 'ttl-max', 600)
  if (ttlMin > ttlMax) {
    throw new InputError(
      'ttl-min',
      `Input 'ttl-min' (${ttlMin}) is greater than 'ttl-max' (${ttlMax})`
    )
  }

  // Probe
  const probeMode = choice(read, 'probe', ['auto', 'inside', 'outside', 'off'] as const, 'auto')
  const probe: ProbeMode = probeMode === 'auto' ? autoProbe(env) : probeMode
  const dnsServers = splitList(read('dns-servers')).map(parseDnsServer)
  const probeTimeoutSeconds = parseProbeTimeout(read('probe-timeout'))

  /** `probe: auto` (contract): `inside` on self-hosted runners, `outside` on GitHub-hosted ones. */
  function autoProbe(environment: NodeJS.ProcessEnv): 'inside' | 'outside' {
    const runner = (environment.RUNNER_ENVIRONMENT ?? '').trim().toLowerCase()
    if (runner === 'self-hosted') return 'inside'
    if (runner === 'github-hosted') return 'outside'
    logger.notice(
      `probe: auto chose 'outside' because RUNNER_ENVIRONMENT is ${runner ? `'${show(runner)}'` : 'not set'} ` +
        `(older self-hosted runners do not set it). If this runner reaches the vaults privately, the outside ` +
        `probe reports PUBLIC-ACCESS-OPEN as a warning that the public path was not verified, never as an ` +
        `error; set 'probe: inside' (or 'outside', or 'off') to choose explicitly`
    )
    return 'outside'
  }

  // Reporting
  const { report, githubToken, commentKey, failOn } = parseReporting(read, env)
  const ignore = parseIgnore(read('ignore'))

  // Cloud
  const cloud = parseCloud(read)

  // The proposed change: read last, so a cheap mistake elsewhere is reported without reading it.
  const plan = parsePlan(read('plan'), env, subscriptionId)
  const baseline = parseBaseline(read('baseline'), env)
  const gate: Gate = choice(read, 'gate', ['new', 'all'] as const, plan ? 'new' : 'all')

  return {
    auth,
    clientId,
    tenantId,
    subscriptionId,
    vaults,
    resourceGroup,
    dnsZoneScopes,
    clientVnets: clientVnets.ids,
    clientVnetsPeered: clientVnets.peered,
    publicNetworkAccess,
    ttlMin,
    ttlMax,
    probe,
    dnsServers,
    probeTimeoutSeconds,
    report,
    githubToken,
    commentKey,
    failOn,
    ignore,
    plan,
    baseline,
    gate,
    cloud
  }
}

/**
 * `baseline`: an earlier JSON report, relative to the workspace. Absent (the first night): a
 * notice, and the run goes on without; not a report of this action: an input error.
 */
function parseBaseline(raw: string, env: NodeJS.ProcessEnv): Baseline | null {
  if (raw.trim() === '') return null
  if (/[\r\n]/.test(raw.trim())) {
    throw new InputError('baseline', `Input 'baseline' is '${show(raw)}': expected one file path`)
  }
  try {
    const baseline = readBaseline(raw.trim(), env.GITHUB_WORKSPACE || process.cwd())
    if (!baseline) {
      logger.notice(
        `baseline: ${raw.trim()} does not exist (the first run?): this run is not compared with an earlier one`
      )
    }
    return baseline
  } catch (error) {
    if (error instanceof BaselineError) {
      throw new InputError('baseline', `Input 'baseline' is '${show(raw)}': ${error.message}`)
    }
    throw error
  }
}

/** `plan`: a path relative to the workspace (GITHUB_WORKSPACE, else the working directory). */
function parsePlan(raw: string, env: NodeJS.ProcessEnv, subscription: string): Plan | null {
  if (raw === '') return null
  if (/[\r\n]/.test(raw)) {
    throw new InputError('plan', `Input 'plan' is '${show(raw)}': expected one file path`)
  }
  try {
    return readPlan(raw, env.GITHUB_WORKSPACE || process.cwd(), subscription)
  } catch (error) {
    if (error instanceof PlanError) {
      throw new InputError('plan', `Input 'plan' is '${show(raw)}': ${error.message}`)
    }
    throw error
  }
}

/** What a `merge-reports` run reads besides the reports: no Azure input applies there. */
export interface MergeInputs {
  report: ReportTarget[]
  githubToken: string
  commentKey: string
  failOn: FailOn
}

/**
 * The inputs of a `merge-reports` run, checked as `parseInputs` checks them. `gate` is null when
 * not given: its default (`new` with a plan) depends on the reports merged.
 */
export function parseMergeInputs(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv
): MergeInputs & { gate: Gate | null } {
  const read = (name: string): string => (get(name) ?? '').trim()
  const gate = read('gate') === '' ? null : choice(read, 'gate', ['new', 'all'] as const, 'all')
  return { ...parseReporting(read, env), gate }
}

/** `report`, `github-token`, `comment-key` and `fail-on`: how a run (or a merge) reports. */
function parseReporting(read: (name: string) => string, env: NodeJS.ProcessEnv): MergeInputs {
  const report = parseReport(read('report'))
  const githubToken = read('github-token')
  if (report.includes('comment') && !githubToken) {
    throw new InputError(
      'github-token',
      "Input 'github-token' is empty: 'report: comment' needs a token that may write pull request comments (the default, ${{ github.token }}, does with 'permissions: pull-requests: write')"
    )
  }
  const commentKey = parseCommentKey(read('comment-key'), env)
  const failOn: FailOn = choice(read, 'fail-on', ['error', 'warning', 'never'] as const, 'error')
  return { report, githubToken, commentKey, failOn }
}

/** Newline- or comma-separated entries, trimmed, blanks dropped. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[\r\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}

/** A value as it may appear inside a one-line message: control characters escaped, long values cut. */
export function show(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it escapes
  const oneLine = value.replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1))
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine
}

function choice<T extends string>(
  read: (name: string) => string,
  name: string,
  allowed: readonly T[],
  fallback: T
): T {
  const raw = read(name)
  if (raw === '') return fallback
  const found = allowed.find((value) => value === raw.toLowerCase())
  if (found === undefined) {
    throw new InputError(
      name,
      `Input '${name}' is '${show(raw)}': expected one of ${allowed.join(', ')}`
    )
  }
  return found
}

function optionalGuid(read: (name: string) => string, name: string): string | null {
  const raw = read(name)
  if (raw === '') return null
  if (!isGuid(raw))
    throw new InputError(name, `Input '${name}' is '${show(raw)}': expected ${GUID_RULE}`)
  return raw.toLowerCase()
}

/**
 * Entra takes a tenant by its ID or by any of its domain names (the `<name>.onmicrosoft.com` one,
 * or a verified custom domain): `login.microsoftonline.com/<either>/oauth2/v2.0/token`.
 */
function parseTenant(raw: string): string | null {
  if (raw === '') return null
  if (isGuid(raw) || isTenantDomain(raw)) return raw.toLowerCase()
  throw new InputError(
    'tenant-id',
    `Input 'tenant-id' is '${show(raw)}': expected the tenant's ID, ${GUID_RULE}, or one of its domain names, e.g. contoso.onmicrosoft.com`
  )
}

/** A DNS name of two or more labels whose last label is a top-level domain (letters, or IDN). */
export function isTenantDomain(value: string): boolean {
  if (value.length > 253) return false
  const labels = value.split('.')
  const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i
  const top = labels[labels.length - 1] ?? ''
  return (
    labels.length >= 2 &&
    labels.every((part) => label.test(part)) &&
    (/^[a-z]{2,63}$/i.test(top) || /^xn--[a-z0-9-]{1,59}$/i.test(top))
  )
}

function wholeSeconds(read: (name: string) => string, name: string, fallback: number): number {
  const raw = read(name)
  if (raw === '') return fallback
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(value <= TTL_LIMIT)) {
    throw new InputError(
      name,
      `Input '${name}' is '${show(raw)}': expected a whole number of seconds from 0 to ${TTL_LIMIT}`
    )
  }
  return value
}

function parseVaultEntries(raw: string): VaultRef[] {
  const byName = new Map<string, VaultRef>()
  for (const entry of splitList(raw)) {
    const parsed = parseVaultRef(entry)
    const key = parsed.name.toLowerCase()
    const seen = byName.get(key)
    if (!seen || (!seen.id && parsed.id)) byName.set(key, parsed)
  }
  return [...byName.values()]
}

/** A vault name, or a full resource ID (subscription and resource group filled in from it). */
function parseVaultRef(entry: string): VaultRef {
  const bad = (what: string): InputError =>
    new InputError('vaults', `Input 'vaults' has '${show(entry)}': ${what}`)

  if (/^https?:\/\//i.test(entry) || (!entry.includes('/') && entry.includes('.'))) {
    const host = entry.replace(/^https?:\/\//i, '').split(/[./:]/)[0] ?? ''
    const example = isVaultName(host) ? ` ('${host}')` : ''
    throw bad(`give the vault's name${example} or its full resource ID, not its URI or host name`)
  }
  if (!entry.includes('/')) {
    if (!isVaultName(entry)) throw bad(VAULT_NAME_RULE)
    return { name: entry, subscriptionId: '', resourceGroup: null, id: null }
  }

  const match = VAULT_ID.exec(entry)
  if (!match) throw bad(`a vault resource ID is ${VAULT_ID_SHAPE}`)
  const [, subscription = '', resourceGroup = '', type = '', name = ''] = match
  const kind: TargetKind = type.toLowerCase() === 'managedhsms' ? 'managedHsm' : 'vault'
  if (!isGuid(subscription)) {
    throw bad(`the subscription in a vault resource ID must be ${GUID_RULE}`)
  }
  if (!isResourceGroupName(resourceGroup)) throw bad(RESOURCE_GROUP_RULE)
  if (!isVaultName(name)) throw bad(VAULT_NAME_RULE)
  const subscriptionId = subscription.toLowerCase()
  return {
    name,
    subscriptionId,
    resourceGroup,
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${targetNames('AzureCloud', kind).resourceType}/${name}`,
    kind
  }
}

function parseSubscription(raw: string, vaults: VaultRef[]): string {
  if (raw !== '') {
    if (!isGuid(raw)) {
      throw new InputError(
        'subscription-id',
        `Input 'subscription-id' is '${show(raw)}': expected the subscription's ID, ${GUID_RULE} (not its name)`
      )
    }
    return raw.toLowerCase()
  }
  const first = vaults[0]
  if (first && vaults.every((vault) => vault.id !== null)) return first.subscriptionId
  throw new InputError(
    'subscription-id',
    `Input 'subscription-id' is empty: expected the ID of the subscription that holds the vaults, ${GUID_RULE} (it may be left out only when every entry of 'vaults' is a full resource ID)`
  )
}

function parseZoneScopes(raw: string): string[] {
  const scopes = new Map<string, string>()
  for (const entry of splitList(raw)) {
    const scope = parseZoneScope(entry)
    if (!scopes.has(scope.toLowerCase())) scopes.set(scope.toLowerCase(), scope)
  }
  return [...scopes.values()]
}

function parseZoneScope(entry: string): string {
  const bad = (what: string): InputError =>
    new InputError('dns-zone-scopes', `Input 'dns-zone-scopes' has '${show(entry)}': ${what}`)
  const allowed =
    'expected a subscription (<GUID> or /subscriptions/<GUID>) or a resource group (/subscriptions/<GUID>/resourceGroups/<name>)'

  if (isGuid(entry)) return `/subscriptions/${entry.toLowerCase()}`
  const match = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?\/?$/i.exec(entry)
  if (!match) throw bad(allowed)
  const [, subscription = '', resourceGroup] = match
  if (!isGuid(subscription)) throw bad(`the subscription must be ${GUID_RULE}`)
  if (resourceGroup === undefined) return `/subscriptions/${subscription.toLowerCase()}`
  if (!isResourceGroupName(resourceGroup)) throw bad(RESOURCE_GROUP_RULE)
  return `/subscriptions/${subscription.toLowerCase()}/resourceGroups/${resourceGroup}`
}

function parseDnsServer(entry: string): string {
  const bad = (what: string): InputError =>
    new InputError('dns-servers', `Input 'dns-servers' has '${show(entry)}': ${what}`)
  const allowed =
    'expected an IP address, optionally with a port (10.0.0.4, 10.0.0.4:53, fd00::4, [fd00::4]:53)'

  if (ipaddr.IPv4.isValidFourPartDecimal(entry) || ipaddr.IPv6.isValid(entry)) return entry
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  const withPort = /^([^:]+):(\d+)$/.exec(entry)
  let address: string
  let port: string | undefined
  if (bracketed) {
    ;[, address = '', port] = bracketed
    if (!ipaddr.IPv6.isValid(address)) throw bad(allowed)
  } else if (withPort) {
    ;[, address = '', port] = withPort
    if (!ipaddr.IPv4.isValidFourPartDecimal(address)) throw bad(allowed)
  } else {
    throw bad(allowed)
  }
  if (port === undefined) return address
  const portNumber = Number(port)
  if (!(portNumber >= 1 && portNumber <= 65535)) throw bad('the port must be from 1 to 65535')
  return address.includes(':') ? `[${address}]:${portNumber}` : `${address}:${portNumber}`
}

function parseProbeTimeout(raw: string): number {
  if (raw === '') return 5
  const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN
  if (!(value > 0 && value <= PROBE_TIMEOUT_MAX_SECONDS)) {
    throw new InputError(
      'probe-timeout',
      `Input 'probe-timeout' is '${show(raw)}': expected a number of seconds greater than 0 and at most ${PROBE_TIMEOUT_MAX_SECONDS}`
    )
  }
  return value
}

function parseReport(raw: string): ReportTarget[] {
  if (raw === '') return ['summary']
  const targets: ReportTarget[] = []
  for (const entry of splitList(raw)) {
    const target = entry.toLowerCase()
    if (target !== 'summary' && target !== 'comment') {
      throw new InputError(
        'report',
        `Input 'report' has '${show(entry)}': expected summary and/or comment, comma separated`
      )
    }
    if (!targets.includes(target)) targets.push(target)
  }
  if (targets.length === 0) {
    throw new InputError(
      'report',
      `Input 'report' is '${show(raw)}': expected summary and/or comment, comma separated`
    )
  }
  return targets
}

function parseCommentKey(raw: string, env: NodeJS.ProcessEnv): string {
  if (raw === '') {
    const parts = [env.GITHUB_WORKFLOW, env.GITHUB_JOB].map((part) => (part ?? '').trim())
    return parts.some((part) => part !== '') ? parts.join('/') : 'kv-private-link-doctor'
  }
  if (/[\r\n]/.test(raw)) {
    throw new InputError(
      'comment-key',
      `Input 'comment-key' is '${show(raw)}': expected one line of text`
    )
  }
  return raw
}

function parseIgnore(raw: string): Suppression[] {
  const seen = new Set<string>()
  const suppressions: Suppression[] = []
  for (const entry of splitList(raw)) {
    const at = entry.indexOf('@')
    const rulePart = (at === -1 ? entry : entry.slice(0, at)).trim().toUpperCase()
    const vaultPart = at === -1 ? null : entry.slice(at + 1).trim()
    if (!isRuleId(rulePart)) {
      const near = closestRuleId(rulePart)
      const hint = near ? `did you mean ${near}? ` : ''
      throw new InputError(
        'ignore',
        `Input 'ignore' has '${show(entry)}': not a rule ID of this action (${hint}see docs/rules.md for the list)`
      )
    }
    if (vaultPart !== null && !isVaultName(vaultPart)) {
      throw new InputError(
        'ignore',
        `Input 'ignore' has '${show(entry)}': expected RULE or RULE@vault, and ${VAULT_NAME_RULE}`
      )
    }
    const key = `${rulePart}@${(vaultPart ?? '').toLowerCase()}`
    if (seen.has(key)) continue
    seen.add(key)
    suppressions.push({ rule: rulePart, vault: vaultPart })
  }
  return suppressions
}

/** The catalogue's rule ID nearest to a typo (edit distance at most 3), if any. */
function closestRuleId(value: string): RuleId | null {
  let best: RuleId | null = null
  let bestDistance = 4
  for (const id of RULE_IDS) {
    const distance = editDistance(value, id)
    if (distance < bestDistance) {
      best = id
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

function parseCloud(read: (name: string) => string): Cloud {
  const names = Object.keys(CLOUDS) as CloudName[]
  const raw = read('environment')
  let name: CloudName = 'AzureCloud'
  if (raw !== '') {
    const found = names.find((candidate) => candidate.toLowerCase() === raw.toLowerCase())
    if (!found) {
      throw new InputError(
        'environment',
        `Input 'environment' is '${show(raw)}': expected one of ${names.join(', ')}`
      )
    }
    name = found
  }
  const cloud = CLOUDS[name]
  return {
    ...cloud,
    armEndpoint: httpsUrl(read, 'arm-endpoint') ?? cloud.armEndpoint,
    authorityHost: httpsUrl(read, 'authority-host') ?? cloud.authorityHost
  }
}

/** An https URL with its trailing slash trimmed, or null when the input is empty. */
function httpsUrl(read: (name: string) => string, name: string): string | null {
  const raw = read(name)
  if (raw === '') return null
  const url = URL.canParse(raw) ? new URL(raw) : null
  if (
    !url ||
    url.protocol !== 'https:' ||
    !url.hostname ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw new InputError(
      name,
      `Input '${name}' is '${show(raw)}': expected an https:// URL without query or credentials, e.g. ${name === 'arm-endpoint' ? CLOUDS.AzureCloud.armEndpoint : CLOUDS.AzureCloud.authorityHost}`
    )
  }
  return url.href.replace(/\/+$/, '')
}
