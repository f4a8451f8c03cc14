/**
 * Reading Azure: VAULT-NOT-FOUND, ACCESS-DENIED, ARM-ERROR, from the snapshot's `failure` fields.
 * They run after every other rule: `notRun` on each finding lists the checks that failed read kept
 * from running, as the engine recorded them (see evaluate.ts), and `affectedVaults` the vaults.
 */
import type {
  PrivateEndpointSnapshot,
  PrivateZoneSnapshot,
  ReadFailure,
  Snapshot,
  VaultSnapshot
} from '../../collect/snapshot.js'
import { idKey } from '../../collect/snapshot.js'
import type { RuleOptions } from '../../inputs/inputs.js'
import { nameOf, resourceGroupOf, roleScope, subscriptionOf } from '../../common/arm-id.js'
import { namesOf, zonePlace } from '../../model/model.js'
import {
  HSM_RESOURCE,
  kindOfResource,
  type TargetKind,
  type TargetNames
} from '../../common/target.js'
import {
  endpointShow,
  linkList,
  nicShow,
  recordList,
  armGet,
  roleAssignment,
  steps,
  vaultFind,
  vaultList,
  vaultShow,
  vaultShowDeleted,
  vnetShow,
  zoneGroupList,
  zoneList,
  zoneShow
} from '../fixes.js'
import { defineRule, type Draft, type RunContext } from '../rule.js'

/** What a failed read was about. */
type Subject =
  | { kind: 'vault'; vault: VaultSnapshot }
  | { kind: 'endpoint'; vault: VaultSnapshot; peId: string }
  | { kind: 'nic'; vault: VaultSnapshot; pe: PrivateEndpointSnapshot }
  | { kind: 'zone-groups'; vault: VaultSnapshot; pe: PrivateEndpointSnapshot }
  | { kind: 'zone-scope'; scope: string }
  | { kind: 'zone'; zoneId: string }
  | { kind: 'zone-links'; zone: PrivateZoneSnapshot }
  | { kind: 'zone-records'; zone: PrivateZoneSnapshot }
  | { kind: 'vnet'; vnetId: string }
  | { kind: 'dns-path'; what: string }
  | { kind: 'discovery' }

const DEFAULT_ACTION: Record<Exclude<Subject['kind'], 'vault' | 'discovery'>, string> = {
  endpoint: 'Microsoft.Network/privateEndpoints/read',
  nic: 'Microsoft.Network/networkInterfaces/read',
  'zone-groups': 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups/read',
  'zone-scope': 'Microsoft.Network/privateDnsZones/read',
  zone: 'Microsoft.Network/privateDnsZones/read',
  'zone-links': 'Microsoft.Network/privateDnsZones/virtualNetworkLinks/read',
  'zone-records': 'Microsoft.Network/privateDnsZones/A/read',
  vnet: 'Microsoft.Network/virtualNetworks/read',
  'dns-path': 'Microsoft.Network/dnsResolvers/read'
}

/**
 * The names of the kind a failed read was about: the target's own kind, else (a name found as
 * neither kind, a failed discovery listing) the kind of the resource that failed.
 */
function failedNames(snapshot: Snapshot, subject: Subject, failure: ReadFailure): TargetNames {
  if ('vault' in subject && subject.vault.kind) return namesOf(snapshot, subject.vault)
  // A managed HSM's ID, or their listing (see `hsmListResource`).
  return namesOf(snapshot, { kind: kindOfResource(failure.resource) })
}

function defaultAction(snapshot: Snapshot, subject: Subject, failure: ReadFailure): string {
  if (subject.kind === 'vault' || subject.kind === 'discovery')
    return `${failedNames(snapshot, subject, failure).resourceType}/read`
  return DEFAULT_ACTION[subject.kind]
}

/** The listed scope of a discovery failure (an HSM listing is recorded with its type). */
function discoveryScope(failure: ReadFailure): string {
  return failure.resource.replace(HSM_RESOURCE, '')
}

function describe(snapshot: Snapshot, subject: Subject, failure: ReadFailure): string {
  switch (subject.kind) {
    case 'vault':
      return `${failedNames(snapshot, subject, failure).label} ${subject.vault.name}`
    case 'endpoint':
      return `private endpoint ${nameOf(subject.peId)} of ${namesOf(snapshot, subject.vault).label} ${subject.vault.name}`
    case 'nic':
      return `network interface ${nameOf(failure.resource)} of private endpoint ${subject.pe.name}`
    case 'zone-groups':
      return `the DNS zone groups of private endpoint ${subject.pe.name}`
    case 'zone-scope':
      return `the private DNS zones in ${subject.scope}`
    case 'zone':
      return `private DNS zone ${nameOf(subject.zoneId)}, named by a private endpoint's DNS zone group`
    case 'zone-links':
      return `the virtual network links of private DNS zone ${subject.zone.name} (resource group ${subject.zone.resourceGroup})`
    case 'zone-records':
      return `the A records of private DNS zone ${subject.zone.name} (resource group ${subject.zone.resourceGroup})`
    case 'vnet':
      return `virtual network ${nameOf(subject.vnetId)}`
    case 'dns-path':
      return `${subject.what} (for the clients' DNS path)`
    case 'discovery':
      return `the ${failedNames(snapshot, subject, failure).label}s in ${discoveryScope(failure)}`
  }
}

/** The description, followed by the resource ID unless the description already holds it. */
function named(snapshot: Snapshot, subject: Subject, failure: ReadFailure): string {
  const text = describe(snapshot, subject, failure)
  return text.includes(failure.resource) ? text : `${text} (${failure.resource})`
}

const LISTED: Record<string, string> = {
  virtualnetworks: 'virtual networks',
  dnsresolvers: 'DNS private resolvers',
  dnsforwardingrulesets: 'DNS forwarding rulesets'
}

/** `…/providers/Microsoft.Network/dnsResolvers` → `DNS private resolvers`. */
function listedType(resource: string): string {
  const type = (resource.split('/').pop() ?? '').toLowerCase()
  return LISTED[type] ?? type
}

/** `/subscriptions/s/providers/…` → `/subscriptions/s`. */
function scopeOfListing(resource: string): string {
  return resource.replace(/\/providers\/.*$/i, '')
}

/** A command that repeats the read, to see whether ARM answers now. */
function retryCommand(snapshot: Snapshot, subject: Subject, failure: ReadFailure): string {
  switch (subject.kind) {
    case 'vault':
      return vaultShow({
        place: {
          name: subject.vault.name,
          resourceGroup: subject.vault.resourceGroup ?? resourceGroupOf(subject.vault.id),
          subscriptionId: subject.vault.subscriptionId
        },
        names: failedNames(snapshot, subject, failure)
      })
    case 'endpoint':
      return endpointShow(subject.peId)
    case 'nic':
      return nicShow(failure.resource)
    case 'zone-groups':
      return zoneGroupList(subject.pe.id)
    case 'zone-scope':
      return zoneList(subject.scope)
    case 'zone':
      return zoneShow(subject.zoneId)
    case 'zone-links':
      return linkList(zonePlace(subject.zone))
    case 'zone-records':
      return recordList(zonePlace(subject.zone))
    case 'vnet':
      return vnetShow(subject.vnetId)
    case 'dns-path':
      return armGet(failure.resource)
    case 'discovery':
      return vaultList(discoveryScope(failure), failedNames(snapshot, subject, failure).kind)
  }
}

function vaultOf(subject: Subject): string | null {
  return 'vault' in subject ? subject.vault.name : null
}

function match(message: string, pattern: RegExp): string | null {
  return pattern.exec(message)?.[1] ?? null
}

/**
 * The HTTP status and ARM code, as ARM gave them. Without a status there was no answer at all (a
 * timeout, a connection that failed): say so rather than a status ARM never sent.
 */
function httpText(failure: ReadFailure, fallbackStatus: number): string {
  const status = failure.status ?? (failure.kind === 'error' ? 'no answer' : String(fallbackStatus))
  return [status, failure.code].filter(Boolean).join(' ')
}

function notRunText(notRun: string[], vault: string | null): string {
  if (notRun.length === 0) return ''
  return `. Until then, these checks did not run${vault ? ` for ${vault}` : ''}: ${notRun.join(', ')}`
}

function accessDenied(
  snapshot: Snapshot,
  subject: Subject,
  failure: ReadFailure,
  notRun: string[],
  options: RuleOptions
): Draft {
  const reported = failure.action ?? match(failure.message, /action '([^']+)'/i)
  const action = reported ?? defaultAction(snapshot, subject, failure)
  const scope = roleScope(match(failure.message, /over scope '([^']+)'/i) ?? failure.resource)
  const assignee =
    options.assignee ??
    match(failure.message, /object id '([^']+)'/i) ??
    '<client-id-of-the-identity>'
  const role = 'Reader'
  const vault = vaultOf(subject)
  return {
    vault,
    resource: failure.resource,
    message:
      `The identity may not read ${named(snapshot, subject, failure)}: ARM answered ` +
      `${httpText(failure, 403)} ${reported ? `for ${action}` : `(it needs ${action})`}. ` +
      `Grant it ${role} on ${scope}${notRunText(notRun, vault)}`,
    observed: `${httpText(failure, 403)}: ${action}`,
    expected: `${role} (or another role with ${action}) on ${scope}`,
    fix: roleAssignment(assignee, role, scope),
    notRun
  }
}

function armError(
  snapshot: Snapshot,
  subject: Subject,
  failure: ReadFailure,
  notRun: string[]
): Draft {
  const vault = vaultOf(subject)
  const notFound = failure.kind === 'not-found'
  return {
    vault,
    resource: failure.resource,
    message:
      (notFound
        ? `Azure Resource Manager answered ${httpText(failure, 404)} for ${named(snapshot, subject, failure)}`
        : `Azure Resource Manager kept failing to read ${named(snapshot, subject, failure)}: ${httpText(failure, 500)}`) +
      // ARM's messages usually end in a full stop of their own.
      `: ${failure.message.replace(/[.\s]+$/, '')}${notRunText(notRun, vault)}. ` +
      (notFound
        ? 'Check that the resource still exists'
        : 'Run the job again; if it persists, check Azure status and the resource health'),
    observed: `${httpText(failure, notFound ? 404 : 500)}: ${failure.message}`,
    expected: 'a successful read',
    fix: retryCommand(snapshot, subject, failure),
    notRun
  }
}

function vaultNotFound(snapshot: Snapshot, vault: VaultSnapshot, failure: ReadFailure): Draft {
  // A name that was looked up as both kinds and found as neither has no kind.
  const kinds: TargetKind[] = vault.kind ? [vault.kind] : ['vault', 'managedHsm']
  const label = vault.kind ? namesOf(snapshot, vault).Label : 'Key vault or managed HSM'
  const group = vault.resourceGroup ?? resourceGroupOf(vault.id)
  const where = `${group ? `resource group ${group} of ` : ''}subscription ${vault.subscriptionId}`
  return {
    vault: vault.name,
    resource: vault.id,
    message:
      `${label} ${vault.name} was not found in ${where} (${httpText(failure, 404)}: ${failure.message}). ` +
      `Check the name and the resource-group and subscription-id inputs; a deleted ${vault.kind === 'managedHsm' ? 'HSM' : 'vault'} may still be recoverable ` +
      `(az keyvault recover)`,
    observed: 'not found',
    expected: `${label.charAt(0).toLowerCase()}${label.slice(1)} ${vault.name} in ${where}`,
    fix: steps(
      vaultFind(vault.name, vault.subscriptionId),
      ...kinds.map((kind) => vaultShowDeleted(vault.name, vault.subscriptionId, kind))
    )
  }
}

function discoveryNotFound(snapshot: Snapshot, subject: Subject, failure: ReadFailure): Draft {
  const scope = discoveryScope(failure)
  const names = failedNames(snapshot, subject, failure)
  return {
    vault: null,
    resource: failure.resource,
    message:
      `Listing the ${names.label}s in ${scope} failed with ${httpText(failure, 404)}: ${failure.message}. ` +
      `No ${names.label} there could be checked: check the resource-group and subscription-id inputs`,
    observed: 'not found',
    expected: `${scope} exists`,
    fix: vaultList(
      subscriptionOf(scope) ? `/subscriptions/${subscriptionOf(scope)}` : scope,
      names.kind
    )
  }
}

/** A failed read, what it was about, and the vault it belongs to (null: shared or none). */
interface FailedRead {
  subject: Subject
  failure: ReadFailure
}

/**
 * Every failed read of the run, once each (the collector may record one failure object in two
 * places: a zone with a bad ID fails both its links and its records), in report order.
 */
function failedReads(snapshot: Snapshot): FailedRead[] {
  const reads: FailedRead[] = []
  const seen = new Set<ReadFailure>()
  const add = (subject: Subject, failure: ReadFailure | null | undefined): void => {
    if (!failure || seen.has(failure)) return
    seen.add(failure)
    reads.push({ subject, failure })
  }
  for (const failure of snapshot.discoveryFailures) add({ kind: 'discovery' }, failure)
  for (const scope of snapshot.zoneScopes)
    add({ kind: 'zone-scope', scope: scope.scope }, scope.failure)
  for (const failure of snapshot.zoneFailures ?? []) {
    // A 404: the zone group points at a deleted zone. DNS-ZONE-MISSING / DNS-ZONE-MISNAMED say so
    // where it matters; it is no failure to read.
    if (failure.kind !== 'not-found') add({ kind: 'zone', zoneId: failure.resource }, failure)
  }
  for (const zone of snapshot.zones) {
    add({ kind: 'zone-links', zone }, zone.linksFailure)
    add({ kind: 'zone-records', zone }, zone.recordsFailure)
  }
  for (const [key, vnet] of Object.entries(snapshot.virtualNetworks)) {
    if ('failure' in vnet) add({ kind: 'vnet', vnetId: vnet.failure.resource || key }, vnet.failure)
  }
  const path = snapshot.dnsPath
  for (const failure of path?.failures ?? []) {
    add(
      {
        kind: 'dns-path',
        what: `the ${listedType(failure.resource)} in ${scopeOfListing(failure.resource)}`
      },
      failure
    )
  }
  for (const resolver of path?.resolvers ?? []) {
    add(
      { kind: 'dns-path', what: `the inbound endpoints of DNS private resolver ${resolver.name}` },
      resolver.inboundEndpointsFailure
    )
  }
  for (const ruleset of path?.rulesets ?? []) {
    add(
      { kind: 'dns-path', what: `the forwarding rules of DNS forwarding ruleset ${ruleset.name}` },
      ruleset.rulesFailure
    )
    add(
      { kind: 'dns-path', what: `the VNet links of DNS forwarding ruleset ${ruleset.name}` },
      ruleset.vnetLinksFailure
    )
  }
  for (const vault of snapshot.vaults) {
    if (vault.failure) {
      add({ kind: 'vault', vault }, vault.failure)
      continue
    }
    const peIds = [
      ...vault.connections.flatMap((conn) =>
        conn.privateEndpointId ? [conn.privateEndpointId] : []
      ),
      ...Object.keys(vault.privateEndpointFailures)
    ]
    for (const peId of peIds) {
      const failure = vault.privateEndpointFailures[idKey(peId)]
      add({ kind: 'endpoint', vault, peId: failure?.resource ?? peId }, failure)
    }
    const endpoints = Object.values(vault.privateEndpoints).filter(
      (pe): pe is PrivateEndpointSnapshot => pe !== null
    )
    for (const pe of endpoints) {
      for (const failure of pe.nicFailures) add({ kind: 'nic', vault, pe }, failure)
      add({ kind: 'zone-groups', vault, pe }, pe.dnsZoneGroupsFailure)
    }
  }
  return reads
}

const failedReadsByRun = new WeakMap<RunContext, FailedRead[]>()

/** `failedReads` of the run, found once: the three reading rules each go through them all. */
function failedReadsOf(ctx: RunContext): FailedRead[] {
  let reads = failedReadsByRun.get(ctx)
  if (!reads) failedReadsByRun.set(ctx, (reads = failedReads(ctx.snapshot)))
  return reads
}

/** A read that was there but did not answer as ARM should (ACCESS-DENIED or ARM-ERROR). */
function isNotFoundFinding(read: FailedRead): boolean {
  return (
    read.failure.kind === 'not-found' &&
    (read.subject.kind === 'vault' || read.subject.kind === 'discovery')
  )
}

function blocked(ctx: RunContext, read: FailedRead): { notRun: string[]; affected: string[] } {
  if (read.subject.kind === 'vault') return { notRun: ctx.targetRules, affected: [] }
  if (read.subject.kind === 'discovery') return { notRun: ctx.targetRules, affected: [] }
  const { rules, vaults } = ctx.blockedBy(read.failure)
  return { notRun: rules, affected: vaults }
}

function withAffected(draft: Draft, affected: string[]): Draft {
  // Only shared reads need the list: a vault's own failure is reported under its name.
  const others = affected.filter((name) => name.toLowerCase() !== draft.vault?.toLowerCase())
  return others.length > 0 ? { ...draft, affectedVaults: others } : draft
}

export const READING_RULES = [
  defineRule({
    id: 'VAULT-NOT-FOUND',
    severity: 'error',
    title: 'Vault not found',
    summary: 'A named vault does not exist.',
    section: 'reading',
    needs: ['vault', 'discovery'],
    scope: 'run',
    check(ctx, out) {
      const snapshot = ctx.snapshot
      for (const read of failedReadsOf(ctx)) {
        if (!isNotFoundFinding(read)) continue
        out.finding(
          read.subject.kind === 'vault'
            ? vaultNotFound(snapshot, read.subject.vault, read.failure)
            : discoveryNotFound(snapshot, read.subject, read.failure)
        )
      }
    }
  }),
  defineRule({
    id: 'ACCESS-DENIED',
    severity: 'error',
    title: 'Access denied to a resource a check needs',
    summary: 'The identity may not read something a check needs.',
    section: 'reading',
    needs: [],
    scope: 'run',
    check(ctx, out) {
      for (const read of failedReadsOf(ctx)) {
        if (read.failure.kind !== 'denied') continue
        const { notRun, affected } = blocked(ctx, read)
        out.finding(
          withAffected(
            accessDenied(ctx.snapshot, read.subject, read.failure, notRun, ctx.options),
            affected
          )
        )
      }
    }
  }),
  defineRule({
    id: 'ARM-ERROR',
    severity: 'error',
    title: 'Azure Resource Manager kept failing',
    summary: 'ARM kept failing for a resource.',
    section: 'reading',
    needs: [],
    scope: 'run',
    check(ctx, out) {
      for (const read of failedReadsOf(ctx)) {
        if (read.failure.kind === 'denied' || isNotFoundFinding(read)) continue
        const { notRun, affected } = blocked(ctx, read)
        out.finding(
          withAffected(armError(ctx.snapshot, read.subject, read.failure, notRun), affected)
        )
      }
    }
  })
]
