/**
 * Private DNS (guide §6): DNS-ZONE-MISSING, DNS-ZONE-MISNAMED, DNS-LINK-MISSING,
 * DNS-LINK-NOT-READY, DNS-RECORD-MISSING, DNS-RECORD-NAME, DNS-RECORD-WRONG-IP,
 * DNS-RECORD-EXTRA-IP, DNS-RECORD-TTL, DNS-ZONE-CONFLICT.
 *
 * The exact zone is the one named `snapshot.privateLinkZone` (case-insensitive, trailing dot
 * ignored). Checks run per VNet that holds an effective private endpoint of the vault.
 */
import type {
  ARecordSetSnapshot,
  PrivateZoneSnapshot,
  ReadFailure,
  VirtualNetworkLinkSnapshot
} from '../../collect/snapshot.js'
import { idKey, sameId } from '../../collect/snapshot.js'
import type { RuleId } from '../catalog.js'
import {
  dnsName,
  exactZones,
  finding,
  isExactZone,
  linkedExactZone,
  list,
  pass,
  sameText,
  zonePlace,
  zoneScopeFailures,
  zoneSearchFailures,
  type RuleContext,
  type VnetGroup
} from '../context.js'
import type { Finding } from '../finding.js'
import {
  linkCreate,
  linkDelete,
  linkRecreate,
  recordCreate,
  recordDelete,
  recordRemoveIp,
  recordReplace,
  recordSetTtl,
  steps,
  suggestedTtl,
  zoneCreate,
  zoneGroupCreate,
  zoneId,
  type ZonePlace
} from '../fixes.js'
import { nameOf, resourceGroupOf, subscriptionOf } from '../ids.js'

/** The checks that depend on finding the zone linked to a VNet. */
const PER_VNET_RULES: RuleId[] = [
  'DNS-LINK-MISSING',
  'DNS-LINK-NOT-READY',
  'DNS-RECORD-MISSING',
  'DNS-RECORD-NAME',
  'DNS-RECORD-WRONG-IP',
  'DNS-RECORD-EXTRA-IP',
  'DNS-RECORD-TTL'
]
const RECORD_RULES: RuleId[] = PER_VNET_RULES.slice(2)

const IN_PROGRESS = ['inprogress', 'creating', 'updating', 'deleting', 'accepted']

export function dnsRules(ctx: RuleContext): Finding[] {
  const misnamed = misnamedZones(ctx)
  return [
    ...zoneMissing(ctx, misnamed),
    ...misnamedFindings(ctx, misnamed),
    ...perVnet(ctx),
    ...conflicts(ctx)
  ]
}

// ---- Helpers ------------------------------------------------------------------------------

function describeZone(zone: PrivateZoneSnapshot | ZonePlace, vaultSubscription: string): string {
  const sub =
    zone.subscriptionId && zone.subscriptionId !== vaultSubscription
      ? `, subscription ${zone.subscriptionId}`
      : ''
  return `${zone.name} (resource group ${zone.resourceGroup}${sub})`
}

function peNames(group: VnetGroup): string {
  return group.pes.map((item) => item.pe.name).join(', ')
}

function vaultRecord(ctx: RuleContext, zone: PrivateZoneSnapshot): ARecordSetSnapshot | undefined {
  return zone.aRecords.find((record) =>
    sameText(dnsName(record.name), ctx.vault.name.toLowerCase())
  )
}

/** A record that looks meant for the vault: named after it, maybe with a suffix or dots. */
function isVaultLike(ctx: RuleContext, record: ARecordSetSnapshot): boolean {
  const vault = ctx.vault.name.toLowerCase()
  const name = dnsName(record.name)
  return name === vault || name.startsWith(`${vault}.`)
}

function ttlFor(ctx: RuleContext, current: number | null | undefined): number {
  const { ttlMin, ttlMax } = ctx.options
  return current != null && current >= ttlMin && current <= ttlMax
    ? current
    : suggestedTtl(ttlMin, ttlMax)
}

function ipsOrPlaceholder(group: VnetGroup): string[] {
  return group.ips.length > 0 ? group.ips : ['<private-endpoint-ip>']
}

function groupsLinkedTo(ctx: RuleContext, zone: PrivateZoneSnapshot): VnetGroup[] {
  if (zone.linksFailure) return []
  return ctx.model.vnets.filter((group) =>
    zone.links.some((link) => sameId(link.virtualNetworkId, group.vnetId))
  )
}

// ---- DNS-ZONE-MISNAMED detection ----------------------------------------------------------

interface Misnamed {
  zoneId: string
  name: string
  zone: PrivateZoneSnapshot | undefined
  /** DNS zone groups of the vault's PEs that write into this zone. */
  groups: { peId: string; peName: string; groupName: string }[]
  /** Records in it meant for the vault. */
  records: ARecordSetSnapshot[]
}

interface MisnamedResult {
  found: Misnamed[]
  blockers: ReadFailure[]
}

function misnamedZones(ctx: RuleContext): MisnamedResult {
  const { snapshot, model } = ctx
  const found = new Map<string, Misnamed>()
  const entry = (zoneIdValue: string): Misnamed => {
    const key = idKey(zoneIdValue)
    let item = found.get(key)
    if (!item) {
      const zone = snapshot.zones.find((candidate) => sameId(candidate.id, zoneIdValue))
      item = {
        zoneId: zone?.id ?? zoneIdValue,
        name: zone?.name ?? nameOf(zoneIdValue),
        zone,
        groups: [],
        records: []
      }
      found.set(key, item)
    }
    return item
  }

  const blockers: ReadFailure[] = [...zoneScopeFailures(snapshot), ...model.peFailures]
  for (const pe of model.endpoints) {
    if (pe.dnsZoneGroupsFailure) blockers.push(pe.dnsZoneGroupsFailure)
    for (const group of pe.dnsZoneGroups) {
      for (const config of group.configs) {
        if (isExactZone(snapshot, nameOf(config.privateDnsZoneId))) continue
        const item = entry(config.privateDnsZoneId)
        if (
          !item.groups.some((known) => sameId(known.peId, pe.id) && known.groupName === group.name)
        ) {
          item.groups.push({ peId: pe.id, peName: pe.name, groupName: group.name })
        }
      }
    }
  }
  for (const zone of snapshot.zones) {
    if (isExactZone(snapshot, zone.name)) continue
    if (zone.recordsFailure) {
      blockers.push(zone.recordsFailure)
      continue
    }
    const records = zone.aRecords.filter((record) => isVaultLike(ctx, record))
    if (records.length > 0) entry(zone.id).records.push(...records)
  }
  return { found: [...found.values()], blockers }
}

/** Where a new exact zone should go: next to a misnamed one the vault uses, else next to its PE. */
function newZonePlace(ctx: RuleContext, misnamed: MisnamedResult): ZonePlace {
  const name = ctx.snapshot.privateLinkZone
  const near = misnamed.found.find((item) => item.groups.length > 0) ?? misnamed.found[0]
  if (near) {
    const group = near.zone?.resourceGroup ?? resourceGroupOf(near.zoneId)
    if (group)
      return {
        name,
        resourceGroup: group,
        subscriptionId: near.zone?.subscriptionId ?? subscriptionOf(near.zoneId)
      }
  }
  const pe = ctx.model.effective[0]?.pe
  const peGroup = pe ? resourceGroupOf(pe.id) : null
  if (pe && peGroup) return { name, resourceGroup: peGroup, subscriptionId: subscriptionOf(pe.id) }
  return {
    name,
    resourceGroup: ctx.model.place.resourceGroup ?? '<resource-group>',
    subscriptionId: ctx.vault.subscriptionId
  }
}

// ---- DNS-ZONE-MISSING ---------------------------------------------------------------------

function zoneMissing(ctx: RuleContext, misnamed: MisnamedResult): Finding[] {
  const { snapshot, vault, model, tracker } = ctx
  const zones = exactZones(snapshot)
  if (zones.length > 0) {
    return [
      pass('DNS-ZONE-MISSING', vault.name, {
        resource: zones[0]?.id ?? vault.id,
        message: `Private DNS zone ${snapshot.privateLinkZone} exists: ${zones.map((zone) => describeZone(zone, vault.subscriptionId)).join('; ')}`,
        observed: `${zones.length} zone${zones.length === 1 ? '' : 's'}`,
        expected: `a zone named exactly ${snapshot.privateLinkZone}`
      })
    ]
  }
  const searchFailures = zoneSearchFailures(snapshot)
  if (searchFailures.length > 0) {
    tracker.add(searchFailures, 'DNS-ZONE-MISSING')
    return []
  }
  const place = newZonePlace(ctx, misnamed)
  const newId = zoneId(place)
  const scopes = snapshot.zoneScopes.map((scope) => scope.scope)
  const dangling = model.endpoints.flatMap((pe) =>
    pe.dnsZoneGroups.flatMap((group) =>
      group.configs
        .filter((config) => isExactZone(snapshot, nameOf(config.privateDnsZoneId)))
        .map(
          (config) =>
            `${pe.name}'s DNS zone group ${group.name} points to ${config.privateDnsZoneId}, which was not found`
        )
    )
  )
  return [
    finding('DNS-ZONE-MISSING', vault.name, {
      resource: vault.id,
      message:
        `No private DNS zone named exactly ${snapshot.privateLinkZone} was found in the scopes searched (${list(scopes)}). ` +
        `Without it, clients in the VNet resolve ${model.hostname} to the vault's public IP. ` +
        (dangling.length > 0 ? `${dangling.join('; ')}. ` : '') +
        `If the zone lives in another subscription or resource group (hub and spoke), add that scope to the ` +
        `dns-zone-scopes input; otherwise create it, link it to the VNets of the private endpoints and register them in it`,
      observed: 'no zone',
      expected: `a private DNS zone named ${snapshot.privateLinkZone}`,
      fix: steps(
        zoneCreate(place),
        ...model.vnets.map((group) => linkCreate(place, group.vnetId)),
        ...model.effective.map((item) =>
          zoneGroupCreate(item.pe.id, item.pe.dnsZoneGroups[0]?.name ?? 'default', newId)
        )
      )
    })
  ]
}

function misnamedFindings(ctx: RuleContext, misnamed: MisnamedResult): Finding[] {
  const { snapshot, vault, tracker } = ctx
  const exact = snapshot.privateLinkZone
  if (misnamed.found.length === 0) {
    if (misnamed.blockers.length > 0) {
      tracker.add(misnamed.blockers, 'DNS-ZONE-MISNAMED')
      return []
    }
    return [
      pass('DNS-ZONE-MISNAMED', vault.name, {
        resource: vault.id,
        message: `No misnamed private DNS zone is used by key vault ${vault.name}'s private endpoints or holds a record for it`,
        observed: 'no misnamed zone',
        expected: 'no misnamed zone'
      })
    ]
  }
  const zones = exactZones(snapshot)
  return misnamed.found.map((item) => {
    const reasons = [
      ...item.groups.map(
        (group) =>
          `private endpoint ${group.peName}'s DNS zone group ${group.groupName} writes its record into it`
      ),
      ...item.records.map(
        (record) => `it holds A record ${record.name} → ${list(record.ipv4Addresses)}`
      )
    ]
    const place: ZonePlace = item.zone
      ? zonePlace(item.zone)
      : {
          name: item.name,
          resourceGroup: resourceGroupOf(item.zoneId) ?? '<resource-group>',
          subscriptionId: subscriptionOf(item.zoneId)
        }
    const target = (peId: string): string => {
      const pe = ctx.model.endpoints.find((candidate) => sameId(candidate.id, peId))
      const linked = pe?.vnetId ? linkedExactZone(snapshot, pe.vnetId) : null
      return linked?.zone.id ?? zones[0]?.id ?? zoneId(newZonePlace(ctx, misnamed))
    }
    return finding('DNS-ZONE-MISNAMED', vault.name, {
      resource: item.zoneId,
      message:
        `Private DNS zone ${describeZone(place, vault.subscriptionId)} is not ${exact}, the zone private link uses for key vaults: ` +
        `DNS never looks there for ${ctx.model.hostname}, so what it holds for ${vault.name} has no effect (${reasons.join('; ')}). ` +
        (zones.length === 0 ? `Create ${exact} (see DNS-ZONE-MISSING) and p` : 'P') +
        (item.groups.length > 0
          ? `oint the DNS zone group${item.groups.length === 1 ? '' : 's'} at ${exact}`
          : `ut the vault's record in ${exact} instead`) +
        (item.records.length > 0
          ? `, and delete the misplaced record${item.records.length === 1 ? '' : 's'}`
          : '') +
        `; delete the zone ${item.name} once nothing else uses it`,
      observed: item.name,
      expected: exact,
      fix: steps(
        ...item.groups.map((group) =>
          zoneGroupCreate(group.peId, group.groupName, target(group.peId))
        ),
        ...item.records.map((record) => recordDelete(place, record.name))
      )
    })
  })
}

// ---- Links and records, per VNet ----------------------------------------------------------

/** The exact zone to link a VNet to: the one its PEs' zone groups use, else the one holding its IP, … */
function pickZone(
  ctx: RuleContext,
  zones: PrivateZoneSnapshot[],
  group: VnetGroup
): PrivateZoneSnapshot {
  const referenced = zones.find((zone) =>
    group.pes.some((item) =>
      item.pe.dnsZoneGroups.some((zg) =>
        zg.configs.some((config) => sameId(config.privateDnsZoneId, zone.id))
      )
    )
  )
  if (referenced) return referenced
  const holding = zones.find((zone) => {
    const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone)
    return record?.ipv4Addresses.some((ip) => group.ips.includes(ip))
  })
  if (holding) return holding
  const peSubscription = group.pes[0] ? subscriptionOf(group.pes[0].pe.id) : null
  return (
    zones.find((zone) => zone.subscriptionId === peSubscription) ??
    (zones[0] as PrivateZoneSnapshot)
  )
}

function perVnet(ctx: RuleContext): Finding[] {
  const { snapshot, vault, model, tracker } = ctx
  const findings: Finding[] = []
  const zones = exactZones(snapshot)
  const searchFailures = zoneSearchFailures(snapshot)
  const zonesDone = new Set<string>()

  for (const group of model.vnets) {
    const linked = linkedExactZone(snapshot, group.vnetId)
    if (!linked) {
      const blockers = [
        ...searchFailures,
        ...zones.flatMap((zone) => (zone.linksFailure ? [zone.linksFailure] : []))
      ]
      if (blockers.length > 0) {
        tracker.add(blockers, ...PER_VNET_RULES)
        continue
      }
      if (zones.length === 0) continue // DNS-ZONE-MISSING covers it
      findings.push(linkMissing(ctx, pickZone(ctx, zones, group), group))
      continue
    }
    const { zone, link } = linked
    findings.push(
      pass('DNS-LINK-MISSING', vault.name, {
        resource: link.id,
        message: `Private DNS zone ${zone.name} is linked to VNet ${group.name} (link ${link.name})`,
        observed: `link ${link.name}`,
        expected: `a link to ${group.name}`
      }),
      linkReady(ctx, zone, link, group)
    )

    if (zone.recordsFailure) {
      tracker.add([zone.recordsFailure], ...RECORD_RULES)
      continue
    }
    const record = vaultRecord(ctx, zone)
    const firstTime = !zonesDone.has(idKey(zone.id))
    zonesDone.add(idKey(zone.id))
    if (!record) {
      if (firstTime) findings.push(recordMissingOrMisnamed(ctx, zone, link, group))
      continue
    }
    if (firstTime) {
      findings.push(
        pass('DNS-RECORD-MISSING', vault.name, {
          resource: record.id,
          message: `Zone ${zone.name} has an A record ${record.name} for key vault ${vault.name}`,
          observed: `A record ${record.name}`,
          expected: `A record ${vault.name}`
        }),
        pass('DNS-RECORD-NAME', vault.name, {
          resource: record.id,
          message: `The A record for key vault ${vault.name} in ${zone.name} is named exactly ${record.name}`,
          observed: record.name,
          expected: vault.name
        })
      )
    }
    findings.push(...recordIps(ctx, zone, record, group))
    if (firstTime) findings.push(...recordTtl(ctx, zone, record))
  }
  return findings
}

function linkMissing(ctx: RuleContext, zone: PrivateZoneSnapshot, group: VnetGroup): Finding {
  const { vault, model } = ctx
  const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone)
  const foreign = record ? record.ipv4Addresses.filter((ip) => !group.ips.includes(ip)) : []
  const note =
    record &&
    foreign.length > 0 &&
    group.ips.length > 0 &&
    !record.ipv4Addresses.some((ip) => group.ips.includes(ip))
      ? ` Note: its A record ${record.name} points to ${list(record.ipv4Addresses)}, not to ${list(group.ips)}: once linked, ` +
        `fix the record too, or give ${group.name} a zone of its own (guide §6, more than one VNet)`
      : ''
  const linkedTo = zone.links.map((link) => nameOf(link.virtualNetworkId))
  return finding('DNS-LINK-MISSING', vault.name, {
    resource: zone.id,
    message:
      `Private DNS zone ${describeZone(zone, vault.subscriptionId)} is not linked to VNet ${group.name}, which holds ` +
      `private endpoint ${peNames(group)} of key vault ${vault.name}: DNS queries from ${group.name} ignore the zone, ` +
      `so ${model.hostname} resolves to the vault's public IP there. Link the zone to the VNet.${note}`,
    observed: linkedTo.length > 0 ? `linked to ${list(linkedTo)}` : 'linked to no VNet',
    expected: `linked to ${group.name}`,
    fix: linkCreate(zonePlace(zone), group.vnetId)
  })
}

function linkReady(
  ctx: RuleContext,
  zone: PrivateZoneSnapshot,
  link: VirtualNetworkLinkSnapshot,
  group: VnetGroup
): Finding {
  const { vault } = ctx
  const state = link.virtualNetworkLinkState ?? 'unknown'
  const provisioning = link.provisioningState ?? 'unknown'
  const observed = `link state ${state}, provisioning ${provisioning}`
  if (
    sameText(link.virtualNetworkLinkState, 'Completed') &&
    sameText(link.provisioningState, 'Succeeded')
  ) {
    return pass('DNS-LINK-NOT-READY', vault.name, {
      resource: link.id,
      message: `The link ${link.name} from ${zone.name} to VNet ${group.name} is Completed and Succeeded`,
      observed,
      expected: 'link state Completed, provisioning Succeeded'
    })
  }
  const inProgress =
    IN_PROGRESS.includes(state.toLowerCase()) || IN_PROGRESS.includes(provisioning.toLowerCase())
  return finding('DNS-LINK-NOT-READY', vault.name, {
    resource: link.id,
    message:
      `The link ${link.name} from private DNS zone ${zone.name} to VNet ${group.name} (private endpoint ${peNames(group)} ` +
      `of key vault ${vault.name}) is not ready (${observed}): until it is Completed and Succeeded, ${group.name} may not ` +
      `use the zone. ` +
      (inProgress
        ? 'A link that was just saved can take a few minutes; if it stays so, recreate it'
        : 'Recreate the link'),
    observed,
    expected: 'link state Completed, provisioning Succeeded',
    fix: linkRecreate(zonePlace(zone), link.name, group.vnetId)
  })
}

function recordMissingOrMisnamed(
  ctx: RuleContext,
  zone: PrivateZoneSnapshot,
  link: VirtualNetworkLinkSnapshot,
  group: VnetGroup
): Finding {
  const { vault, model } = ctx
  const place = zonePlace(zone)
  const ips = ipsOrPlaceholder(group)
  const ttl = suggestedTtl(ctx.options.ttlMin, ctx.options.ttlMax)
  const wrong = zone.aRecords.filter((record) => isVaultLike(ctx, record))
  if (wrong.length > 0) {
    return finding('DNS-RECORD-NAME', vault.name, {
      resource: wrong[0]?.id ?? zone.id,
      message:
        `Private DNS zone ${zone.name} has no A record named ${vault.name}, only ` +
        `${wrong.map((record) => `${record.name} (→ ${list(record.ipv4Addresses)})`).join(', ')}. ` +
        `The record must carry the bare vault name, without suffix or dots, or clients in ${group.name} cannot resolve ` +
        `${model.hostname} to the private endpoint. Replace it with a record named ${vault.name}`,
      observed: wrong.map((record) => record.name).join(', '),
      expected: vault.name,
      fix: steps(
        ...wrong.map((record) => recordDelete(place, record.name)),
        recordCreate(place, vault.name, ips, ttl)
      )
    })
  }
  const redirect = sameText(link.resolutionPolicy, 'NxDomainRedirect')
  return finding('DNS-RECORD-MISSING', vault.name, {
    resource: zone.id,
    message:
      `Private DNS zone ${zone.name} is linked to VNet ${group.name} but has no A record ${vault.name}` +
      (redirect
        ? `. Because the link ${link.name} uses resolutionPolicy NxDomainRedirect, clients in ${group.name} silently ` +
          `fall back to the vault's public IP instead of getting NXDOMAIN, and their requests leave over the public endpoint`
        : `: clients in ${group.name} get NXDOMAIN for ${model.hostname}`) +
      `. Add the record with the IP of private endpoint ${peNames(group)} (${list(ips)})`,
    observed:
      `no A record ${vault.name}` + (redirect ? ' (link resolutionPolicy NxDomainRedirect)' : ''),
    expected: `A record ${vault.name} → ${list(ips)}`,
    fix: recordCreate(place, vault.name, ips, ttl)
  })
}

function recordIps(
  ctx: RuleContext,
  zone: PrivateZoneSnapshot,
  record: ARecordSetSnapshot,
  group: VnetGroup
): Finding[] {
  const { vault, tracker } = ctx
  if (!group.ipsKnown || group.ips.length === 0) {
    tracker.add(group.ipFailures, 'DNS-RECORD-WRONG-IP', 'DNS-RECORD-EXTRA-IP')
    return []
  }
  const place = zonePlace(zone)
  const recordIpsValue = record.ipv4Addresses
  const others = groupsLinkedTo(ctx, zone).filter((other) => other !== group)
  const ownerOf = (ip: string): string | null => {
    for (const item of ctx.model.effective) {
      if (item.ips.includes(ip))
        return (
          `private endpoint ${item.pe.name}` +
          (item.pe.vnetId ? ` in VNet ${nameOf(item.pe.vnetId)}` : '')
        )
    }
    return null
  }

  if (!recordIpsValue.some((ip) => group.ips.includes(ip))) {
    const conflicting = others.filter((other) =>
      other.ips.some((ip) => recordIpsValue.includes(ip))
    )
    const conflict = conflicting.length > 0
    return [
      finding('DNS-RECORD-WRONG-IP', vault.name, {
        resource: record.id,
        message:
          `A record ${record.name} in ${zone.name} points to ${list(recordIpsValue)}; the private endpoint ` +
          `${peNames(group)} in VNet ${group.name} has ${list(group.ips)}: clients in ${group.name} connect to the wrong address. ` +
          (conflict
            ? `The record is right for ${conflicting.map((other) => `VNet ${other.name}`).join(', ')}, also linked to this zone ` +
              `(see DNS-ZONE-CONFLICT): fixing the record alone breaks the other VNet, so give ${group.name} its own zone`
            : 'Delete the record set and recreate it with the right IP'),
        observed: list(recordIpsValue),
        expected: list(group.ips),
        fix: conflict
          ? ownZoneFix(ctx, zone, group)
          : recordReplace(place, record.name, ctx.vault.name, group.ips, ttlFor(ctx, record.ttl))
      })
    ]
  }
  const findings: Finding[] = [
    pass('DNS-RECORD-WRONG-IP', vault.name, {
      resource: record.id,
      message: `A record ${record.name} in ${zone.name} holds ${list(group.ips.filter((ip) => recordIpsValue.includes(ip)))}, the IP of private endpoint ${peNames(group)} in VNet ${group.name}`,
      observed: list(recordIpsValue),
      expected: list(group.ips)
    })
  ]
  const extras = recordIpsValue.filter((ip) => !group.ips.includes(ip))
  if (extras.length === 0) {
    findings.push(
      pass('DNS-RECORD-EXTRA-IP', vault.name, {
        resource: record.id,
        message: `A record ${record.name} in ${zone.name} holds no IP besides the private endpoint's`,
        observed: list(recordIpsValue),
        expected: list(group.ips)
      })
    )
    return findings
  }
  const held = group.ips.filter((ip) => recordIpsValue.includes(ip))
  const heldBy = group.pes
    .filter((item) => item.ips.some((ip) => held.includes(ip)))
    .map((item) => item.pe.name)
  const described = extras.map((ip) => {
    const owner = ownerOf(ip)
    return owner ? `${ip} (${owner})` : `${ip} (no private endpoint of the vault has it: stale)`
  })
  const fromLinkedVnet = others.some((other) => other.ips.some((ip) => extras.includes(ip)))
  findings.push(
    finding('DNS-RECORD-EXTRA-IP', vault.name, {
      resource: record.id,
      message:
        `A record ${record.name} in ${zone.name} holds ${described.join(', ')} besides ${list(held)} of private endpoint ` +
        `${heldBy.join(', ')}: clients in ${group.name} pick any of them, so some requests go to an address that is not ` +
        `their private endpoint. Remove the extra IP${extras.length === 1 ? '' : 's'}` +
        (fromLinkedVnet ? ` after giving the other VNet its own zone (see DNS-ZONE-CONFLICT)` : ''),
      observed: list(recordIpsValue),
      expected: list(group.ips),
      fix: steps(...extras.map((ip) => recordRemoveIp(place, record.name, ip)))
    })
  )
  return findings
}

function recordTtl(
  ctx: RuleContext,
  zone: PrivateZoneSnapshot,
  record: ARecordSetSnapshot
): Finding[] {
  const { vault, options } = ctx
  if (record.ttl == null) return []
  const expected = `${options.ttlMin}–${options.ttlMax} s`
  if (record.ttl >= options.ttlMin && record.ttl <= options.ttlMax) {
    return [
      pass('DNS-RECORD-TTL', vault.name, {
        resource: record.id,
        message: `A record ${record.name} in ${zone.name} has TTL ${record.ttl} s, within ${expected}`,
        observed: String(record.ttl),
        expected
      })
    ]
  }
  const target = suggestedTtl(options.ttlMin, options.ttlMax)
  const low = record.ttl < options.ttlMin
  return [
    finding('DNS-RECORD-TTL', vault.name, {
      resource: record.id,
      message:
        `A record ${record.name} in ${zone.name} has TTL ${record.ttl} s, outside ${expected}: ` +
        (low
          ? 'clients query DNS for the vault again almost every time'
          : `after a change or an outage, clients keep using the old IP for up to ${record.ttl} s`) +
        `. Set it to ${target} s`,
      observed: String(record.ttl),
      expected,
      fix: recordSetTtl(zonePlace(zone), record.name, target)
    })
  ]
}

// ---- DNS-ZONE-CONFLICT --------------------------------------------------------------------

/** Move `group`'s VNet off the shared zone onto a zone of its own, holding its PE's IP. */
function ownZoneFix(ctx: RuleContext, zone: PrivateZoneSnapshot, group: VnetGroup): string {
  const shared = zonePlace(zone)
  const link = zone.links.find((candidate) => sameId(candidate.virtualNetworkId, group.vnetId))
  const pe = group.pes[0]?.pe
  const peGroup = pe ? resourceGroupOf(pe.id) : null
  const peSubscription = pe ? subscriptionOf(pe.id) : null
  const sameGroup =
    peGroup !== null &&
    peGroup.toLowerCase() === zone.resourceGroup.toLowerCase() &&
    (peSubscription ?? '').toLowerCase() === (zone.subscriptionId ?? '').toLowerCase()
  const own: ZonePlace = {
    name: shared.name,
    resourceGroup: peGroup && !sameGroup ? peGroup : '<another-resource-group>',
    subscriptionId: peSubscription ?? shared.subscriptionId
  }
  return steps(
    link ? linkDelete(shared, link.name) : null,
    zoneCreate(own),
    linkCreate(own, group.vnetId),
    recordCreate(
      own,
      ctx.vault.name,
      ipsOrPlaceholder(group),
      suggestedTtl(ctx.options.ttlMin, ctx.options.ttlMax)
    )
  )
}

function ipKey(ips: string[]): string {
  return [...ips].sort().join(',')
}

function conflicts(ctx: RuleContext): Finding[] {
  const { snapshot, vault, model, tracker } = ctx
  const findings: Finding[] = []
  for (const zone of exactZones(snapshot)) {
    if (zone.linksFailure) {
      if (model.vnets.length > 0) tracker.add([zone.linksFailure], 'DNS-ZONE-CONFLICT')
      continue
    }
    const groups = groupsLinkedTo(ctx, zone)
    if (groups.length === 0) continue
    const known = groups.filter((group) => group.ipsKnown && group.ips.length > 0)
    const keys = [...new Set(known.map((group) => ipKey(group.ips)))]
    if (keys.length < 2) {
      if (known.length < groups.length) {
        tracker.add(
          groups.flatMap((group) => group.ipFailures),
          'DNS-ZONE-CONFLICT'
        )
        continue
      }
      findings.push(
        pass('DNS-ZONE-CONFLICT', vault.name, {
          resource: zone.id,
          message:
            groups.length === 1
              ? `Private DNS zone ${zone.name} serves one VNet with private endpoints of key vault ${vault.name}: ` +
                `${groups[0]?.name} → ${list(known[0]?.ips ?? [])}`
              : `Private DNS zone ${zone.name} serves ${groups.length} VNets with private endpoints of key vault ${vault.name} ` +
                `(${groups.map((group) => group.name).join(', ')}), which all use ${list(known[0]?.ips ?? [])}`,
          observed: groups.map((group) => `${group.name} → ${list(group.ips)}`).join('; '),
          expected: 'one IP set per zone'
        })
      )
      continue
    }
    const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone)
    const served =
      known.find((group) => record?.ipv4Addresses.some((ip) => group.ips.includes(ip))) ?? known[0]
    const servedKey = served ? ipKey(served.ips) : ''
    const losers = known.filter((group) => ipKey(group.ips) !== servedKey)
    const loserNames = losers.map((group) => group.name).join(', ')
    findings.push(
      finding('DNS-ZONE-CONFLICT', vault.name, {
        resource: zone.id,
        message:
          `Private DNS zone ${describeZone(zone, vault.subscriptionId)} is linked to ${groups.length} VNets that hold different ` +
          `private endpoints of key vault ${vault.name}: ${known.map((group) => `${group.name} (${peNames(group)} → ${list(group.ips)})`).join(', ')}. ` +
          `Its single A record ${vault.name}${record ? ` (→ ${list(record.ipv4Addresses)})` : ''} cannot serve them all: ` +
          `clients in ${loserNames} get an IP that is not their private endpoint's. Give ${loserNames} a ${zone.name} zone of ` +
          `${losers.length === 1 ? 'its' : 'their'} own holding ${vault.name} → its private endpoint's IP (guide §6, more than one VNet); ` +
          `that zone must also hold the records of every other vault those clients use. If the VNets are peered, you can ` +
          `instead keep one private endpoint and delete the other`,
        observed: known.map((group) => `${group.name} → ${list(group.ips)}`).join('; '),
        expected: 'VNets linked to one zone share one private endpoint IP',
        fix: steps(...losers.map((group) => ownZoneFix(ctx, zone, group)))
      })
    )
  }
  return findings
}
