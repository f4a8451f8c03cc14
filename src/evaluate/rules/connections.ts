/**
 * Private endpoint connections and endpoints (guide §2 and §4): PE-NONE, PE-NOT-APPROVED,
 * PE-NOT-SUCCEEDED, PE-LEFTOVER, PE-DUPLICATE-VNET, PE-IP-NOT-PRIVATE, PE-DNS-CONFIG-MULTIPLE.
 */
import type { ReadFailure } from '../../collect/snapshot.js'
import { sameId } from '../../collect/snapshot.js'
import {
  dnsName,
  exactZones,
  finding,
  linkedExactZone,
  list,
  pass,
  sameText,
  type ConnectionView,
  type EffectivePe,
  type RuleContext
} from '../context.js'
import type { RuleId } from '../catalog.js'
import type { Finding } from '../finding.js'
import {
  connectionApprove,
  connectionDelete,
  endpointCreate,
  endpointDelete,
  endpointIpConfigList,
  endpointIpConfigRemove,
  placeOf,
  steps,
  zoneGroupCreate
} from '../fixes.js'
import { nameOf } from '../ids.js'
import { describeIp, isValidIp } from '../ip.js'

/** The checks that work from an effective PE: its IP, DNS configs and VNet (zone link, record). */
const NEEDS_THE_PE: RuleId[] = [
  'PE-DUPLICATE-VNET',
  'PE-IP-NOT-PRIVATE',
  'PE-DNS-CONFIG-MULTIPLE',
  'DNS-LINK-MISSING',
  'DNS-LINK-NOT-READY',
  'DNS-RECORD-MISSING',
  'DNS-RECORD-NAME',
  'DNS-RECORD-WRONG-IP',
  'DNS-RECORD-EXTRA-IP',
  'DNS-RECORD-TTL',
  'DNS-ZONE-CONFLICT',
  'VNET-CUSTOM-DNS'
]

/** Provisioning states that mean "still working on it". */
const IN_PROGRESS = ['creating', 'updating', 'deleting', 'provisioning', 'accepted']

export function connectionRules(ctx: RuleContext): Finding[] {
  return [
    ...peNone(ctx),
    ...connectionStates(ctx),
    ...duplicates(ctx),
    ...privateIps(ctx),
    ...dnsConfigs(ctx)
  ]
}

function peNone(ctx: RuleContext): Finding[] {
  const { vault, model, snapshot } = ctx
  const count = vault.connections.length
  if (count > 0) {
    return [
      pass('PE-NONE', vault.name, {
        resource: vault.id,
        message: `Key vault ${vault.name} has ${count} private endpoint connection${count === 1 ? '' : 's'}`,
        observed: String(count),
        expected: 'at least 1'
      })
    ]
  }
  const peName = `${vault.name}-pe`
  const group = model.place.resourceGroup ?? '<resource-group>'
  const zones = exactZones(snapshot)
  const peId = `/subscriptions/${vault.subscriptionId}/resourceGroups/${group}/providers/Microsoft.Network/privateEndpoints/${peName}`
  return [
    finding('PE-NONE', vault.name, {
      resource: vault.id,
      message:
        `Key vault ${vault.name} has no private endpoint connection at all, so no VNet can reach it over ` +
        `private link. Create a private endpoint for it in the subnet your clients' VNet uses` +
        (zones.length === 1 ? `, and register it in the private DNS zone ${zones[0]?.name}` : ''),
      observed: '0 connections',
      expected: 'at least one approved private endpoint connection',
      fix: steps(
        endpointCreate({
          name: peName,
          resourceGroup: group,
          subscriptionId: vault.subscriptionId,
          subnet: '<subnet-id>',
          vaultId: vault.id,
          location: null
        }),
        zones.length === 1 && zones[0] ? zoneGroupCreate(peId, 'default', zones[0].id) : null
      )
    })
  ]
}

function peLabel(view: ConnectionView): string {
  const id = view.connection.privateEndpointId
  return id ? nameOf(id) : '(none)'
}

function vnetLabel(vnetId: string | null | undefined): string {
  return vnetId ? nameOf(vnetId) : 'an unknown VNet'
}

function stateText(view: ConnectionView): string {
  const parts = [
    `status ${view.connection.status}`,
    `provisioning ${view.connection.provisioningState ?? 'unknown'}`
  ]
  if (view.pe) parts.push(`endpoint provisioning ${view.pe.provisioningState ?? 'unknown'}`)
  return parts.join(', ')
}

/** Delete and recreate the PE with the same name, subnet and vault. */
function recreateFix(ctx: RuleContext, view: ConnectionView): string {
  const peId = view.connection.privateEndpointId
  if (!peId) return endpointCreate(newEndpoint(ctx, `${ctx.vault.name}-pe`, '<subnet-id>'))
  const place = placeOf(peId)
  return steps(
    endpointDelete(peId),
    endpointCreate({
      name: nameOf(peId),
      resourceGroup: place.resourceGroup,
      subscriptionId: place.subscriptionId,
      subnet: view.pe?.subnetId ?? '<subnet-id>',
      vaultId: ctx.vault.id,
      location: view.pe?.location ?? null
    })
  )
}

function newEndpoint(ctx: RuleContext, name: string, subnet: string) {
  return {
    name,
    resourceGroup: ctx.model.place.resourceGroup ?? '<resource-group>',
    subscriptionId: ctx.vault.subscriptionId,
    subnet,
    vaultId: ctx.vault.id,
    location: null
  }
}

function connectionStates(ctx: RuleContext): Finding[] {
  const { vault, model, tracker } = ctx
  const findings: Finding[] = []
  let leftovers = 0
  let undecided = false

  for (const view of model.connections) {
    const conn = view.connection

    if (conn.privateEndpointId === null || view.pe === null) {
      leftovers++
      findings.push(
        finding('PE-LEFTOVER', vault.name, {
          resource: conn.id,
          message:
            conn.privateEndpointId === null
              ? `Private endpoint connection ${conn.name} of key vault ${vault.name} refers to no private endpoint (${conn.status}): it serves nothing; delete it`
              : `Private endpoint connection ${conn.name} of key vault ${vault.name} belongs to private endpoint ${nameOf(conn.privateEndpointId)}, which no longer exists (${conn.status}): it serves nothing; delete it`,
          observed:
            conn.privateEndpointId === null
              ? 'no private endpoint'
              : `private endpoint ${conn.privateEndpointId} not found`,
          expected: 'connections only for existing private endpoints',
          fix: connectionDelete(conn.id)
        })
      )
      continue
    }

    if (view.approved) {
      findings.push(
        pass('PE-NOT-APPROVED', vault.name, {
          resource: conn.id,
          message: `Connection ${conn.name} of key vault ${vault.name} (private endpoint ${peLabel(view)}) is Approved`,
          observed: conn.status,
          expected: 'Approved'
        })
      )
    }
    if (view.effective === true) {
      findings.push(
        pass('PE-NOT-SUCCEEDED', vault.name, {
          resource: conn.privateEndpointId,
          message: `Connection ${conn.name} and private endpoint ${peLabel(view)} of key vault ${vault.name} are provisioned Succeeded`,
          observed: 'Succeeded',
          expected: 'Succeeded'
        })
      )
      continue
    }
    if (view.effective === null) {
      // Approved and Succeeded on the vault's side, but the PE could not be read: neither it nor
      // anything about its IP or VNet could be checked.
      if (view.peFailure) tracker.add([view.peFailure], 'PE-NOT-SUCCEEDED', ...NEEDS_THE_PE)
      undecided = true
      continue
    }

    // Ineffective. Does another effective connection serve the same VNet?
    const vnetId = view.pe?.vnetId ?? null
    const servedBy =
      view.pe && vnetId
        ? model.effective.find((other) => other.view !== view && sameId(other.pe.vnetId, vnetId))
        : undefined
    const unknownOthers = model.connections.filter(
      (other) => other !== view && other.effective === null
    )
    const maybeServed =
      !servedBy &&
      (unknownOthers.length > 0 || (view.pe === undefined && model.effective.length > 0))

    if (servedBy) {
      leftovers++
      const peIsServing = sameId(servedBy.pe.id, conn.privateEndpointId)
      findings.push(
        finding('PE-LEFTOVER', vault.name, {
          resource: conn.id,
          message:
            `Connection ${conn.name} of key vault ${vault.name} (private endpoint ${peLabel(view)} in VNet ${vnetLabel(vnetId)}) ` +
            `is not effective (${stateText(view)}), while private endpoint ${servedBy.pe.name} already serves ${vnetLabel(vnetId)} ` +
            `over an approved connection: it is a leftover; delete it to keep things clean`,
          observed: stateText(view),
          expected: 'no ineffective connections',
          fix: peIsServing ? connectionDelete(conn.id) : endpointDelete(conn.privateEndpointId)
        })
      )
      continue
    }
    if (maybeServed) {
      const blockers: ReadFailure[] = [
        ...(view.peFailure ? [view.peFailure] : []),
        ...unknownOthers.flatMap((other) => (other.peFailure ? [other.peFailure] : []))
      ]
      tracker.add(blockers, view.approved ? 'PE-NOT-SUCCEEDED' : 'PE-NOT-APPROVED', 'PE-LEFTOVER')
      undecided = true
      continue
    }

    const where = vnetId
      ? `private endpoint ${peLabel(view)} in VNet ${vnetLabel(vnetId)}`
      : `private endpoint ${peLabel(view)}`
    const alone = vnetId
      ? `no other approved private endpoint of the vault serves ${vnetLabel(vnetId)}`
      : 'no other approved private endpoint of the vault serves its VNet'
    if (!view.approved) {
      const pending = sameText(conn.status, 'Pending')
      findings.push(
        finding('PE-NOT-APPROVED', vault.name, {
          resource: conn.id,
          message: pending
            ? `Connection ${conn.name} of key vault ${vault.name} (${where}) is Pending: it waits for approval and carries no traffic until then, and ${alone}. Approve it`
            : `Connection ${conn.name} of key vault ${vault.name} (${where}) is ${conn.status}: it is not effective and cannot be approved again, and ${alone}. Recreate the private endpoint`,
          observed: conn.status,
          expected: 'Approved',
          fix: pending
            ? connectionApprove(conn.id, `Approved for private link access to ${vault.name}`)
            : recreateFix(ctx, view)
        })
      )
      continue
    }

    // Approved, but the connection or the PE is not provisioned Succeeded.
    const peBad = view.peSucceeded === false
    const state = peBad
      ? (view.pe?.provisioningState ?? 'unknown')
      : (conn.provisioningState ?? 'unknown')
    const inProgress = IN_PROGRESS.includes(state.toLowerCase())
    findings.push(
      finding('PE-NOT-SUCCEEDED', vault.name, {
        resource: peBad ? conn.privateEndpointId : conn.id,
        message:
          (peBad
            ? `Private endpoint ${peLabel(view)} of key vault ${vault.name}` +
              (vnetId ? ` (in VNet ${vnetLabel(vnetId)})` : '')
            : `Connection ${conn.name} of key vault ${vault.name} (${where})`) +
          ` is provisioned ${state}, not Succeeded, so the approved connection carries no traffic, and ${alone}. ` +
          (inProgress
            ? `An operation is still running: wait a few minutes and run the check again; if it stays ${state}, recreate the private endpoint`
            : 'Recreate the private endpoint'),
        observed: state,
        expected: 'Succeeded',
        fix: recreateFix(ctx, view)
      })
    )
  }

  if (model.connections.length > 0 && leftovers === 0 && !undecided) {
    findings.push(
      pass('PE-LEFTOVER', vault.name, {
        resource: vault.id,
        message: `No private endpoint connection of key vault ${vault.name} is a leftover`,
        observed: '0 leftovers',
        expected: '0 leftovers'
      })
    )
  }
  return findings
}

/** The IPs the exact zone linked to the VNet returns for the vault, if it was read. */
function recordIps(ctx: RuleContext, vnetId: string): string[] {
  const linked = linkedExactZone(ctx.snapshot, vnetId)
  if (!linked || linked.zone.recordsFailure) return []
  const record = linked.zone.aRecords.find((r) => sameText(r.name, ctx.vault.name))
  return record?.ipv4Addresses ?? []
}

function duplicates(ctx: RuleContext): Finding[] {
  const { vault, model, tracker } = ctx
  const findings: Finding[] = []
  const unknown = model.connections.filter((view) => view.effective === null)
  for (const group of model.vnets) {
    if (group.pes.length === 1) {
      if (unknown.length > 0) continue
      const only = group.pes[0] as EffectivePe
      findings.push(
        pass('PE-DUPLICATE-VNET', vault.name, {
          resource: only.pe.id,
          message: `VNet ${group.name} holds one effective private endpoint of key vault ${vault.name} (${only.pe.name})`,
          observed: '1',
          expected: 'at most 1 per VNet'
        })
      )
      continue
    }
    const inDns = recordIps(ctx, group.vnetId)
    const keep =
      group.pes.find((item) => item.ips.some((ip) => inDns.includes(ip))) ??
      (group.pes[0] as EffectivePe)
    const all = group.pes.map((item) => `${item.pe.name} (${list(item.ips)})`)
    for (const extra of group.pes) {
      if (extra === keep) continue
      findings.push(
        finding('PE-DUPLICATE-VNET', vault.name, {
          resource: extra.pe.id,
          message:
            `VNet ${group.name} holds ${group.pes.length} effective private endpoints of key vault ${vault.name}: ${all.join(', ')}. ` +
            `One per VNet is enough, more only blur which IP clients get. ` +
            (inDns.length > 0 && keep.ips.some((ip) => inDns.includes(ip))
              ? `The A record points to ${keep.pe.name}, so delete ${extra.pe.name}`
              : `Keep ${keep.pe.name} and delete ${extra.pe.name}`),
          observed: `${group.pes.length} private endpoints: ${group.pes.map((item) => item.pe.name).join(', ')}`,
          expected: '1 private endpoint per VNet',
          fix: endpointDelete(extra.pe.id)
        })
      )
    }
  }
  if (unknown.length > 0 && model.vnets.length > 0) {
    tracker.add(
      unknown.flatMap((view) => (view.peFailure ? [view.peFailure] : [])),
      'PE-DUPLICATE-VNET'
    )
  }
  return findings
}

function privateIps(ctx: RuleContext): Finding[] {
  const { vault, model, tracker } = ctx
  const findings: Finding[] = []
  for (const item of model.effective) {
    const pe = item.pe
    const bad = item.ips.filter((ip) => !isValidIp(ip) || describeIp(ip).class !== 'private')
    if (bad.length > 0) {
      const labels = bad.map((ip) =>
        isValidIp(ip) ? `${ip} (${describeIp(ip).range})` : `${ip} (not an IP address)`
      )
      const place = placeOf(pe.id)
      findings.push(
        finding('PE-IP-NOT-PRIVATE', vault.name, {
          resource: pe.id,
          message:
            `Private endpoint ${pe.name} of key vault ${vault.name} has IP ${labels.join(', ')}. ` +
            `Private link needs the vault's name to resolve to a private IP in the VNet (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16); ` +
            `recreate the endpoint in a subnet with a private address range`,
          observed: bad.join(', '),
          expected: 'a private (RFC 1918) address',
          fix: steps(
            endpointDelete(pe.id),
            endpointCreate({
              name: pe.name,
              resourceGroup: place.resourceGroup,
              subscriptionId: place.subscriptionId,
              subnet: '<subnet-id-with-a-private-address-range>',
              vaultId: vault.id,
              location: pe.location
            })
          )
        })
      )
      continue
    }
    if (!item.ipsKnown) {
      tracker.add(pe.nicFailures, 'PE-IP-NOT-PRIVATE')
      continue
    }
    findings.push(
      pass('PE-IP-NOT-PRIVATE', vault.name, {
        resource: pe.id,
        message: `Private endpoint ${pe.name} of key vault ${vault.name} has the private IP ${list(item.ips)}`,
        observed: item.ips.join(', '),
        expected: 'a private (RFC 1918) address'
      })
    )
  }
  return findings
}

function dnsConfigs(ctx: RuleContext): Finding[] {
  const { vault, model } = ctx
  const findings: Finding[] = []
  for (const item of model.effective) {
    const pe = item.pe
    const entries = pe.customDnsConfigs.filter((config) => dnsName(config.fqdn) === model.hostname)
    const ips = [...new Set(entries.flatMap((entry) => entry.ipAddresses))]
    if (entries.length <= 1 && ips.length <= 1) {
      findings.push(
        pass('PE-DNS-CONFIG-MULTIPLE', vault.name, {
          resource: pe.id,
          message:
            entries.length === 0
              ? `Private endpoint ${pe.name} lists no custom DNS entry for ${model.hostname}`
              : `Private endpoint ${pe.name} lists one DNS entry for ${model.hostname}: ${list(ips)}`,
          observed: `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`,
          expected: 'at most 1 entry with 1 IP'
        })
      )
      continue
    }
    const extra = item.ipsKnown ? ips.filter((ip) => !item.ips.includes(ip)) : []
    findings.push(
      finding('PE-DNS-CONFIG-MULTIPLE', vault.name, {
        resource: pe.id,
        message:
          `Private endpoint ${pe.name} of key vault ${vault.name} lists ${entries.length} DNS entr${entries.length === 1 ? 'y' : 'ies'} ` +
          `with ${ips.length} IPs for ${model.hostname} (${list(ips)}); there should be exactly one, holding the vault's private IP` +
          (item.ipsKnown ? ` (${list(item.ips)}, from its network interface)` : '') +
          `. Remove the extra IP configuration from the endpoint`,
        observed: entries.map((entry) => `${entry.fqdn} → ${list(entry.ipAddresses)}`).join('; '),
        expected: `one entry for ${model.hostname}` + (item.ipsKnown ? ` → ${list(item.ips)}` : ''),
        fix: steps(
          endpointIpConfigList(pe.id),
          endpointIpConfigRemove(
            pe.id,
            extra.length > 0
              ? `<name-of-the-ip-config-with-${extra[0]}>`
              : '<name-of-the-extra-ip-config>'
          )
        )
      })
    )
  }
  return findings
}
