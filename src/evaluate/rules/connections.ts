/**
 * Private endpoint connections and endpoints (guide §2 and §4): PE-NONE, PE-NOT-APPROVED,
 * PE-NOT-SUCCEEDED, PE-LEFTOVER, PE-DUPLICATE-VNET, PE-IP-NOT-PRIVATE, PE-DNS-CONFIG-MULTIPLE.
 * How each connection stands (effective, leftover, …) is decided once, in the model.
 */
import { sameId, type PrivateEndpointSnapshot } from '../../collect/snapshot.js'
import { nameOf } from '../../common/arm-id.js'
import { describeIp, isPrivate, isValidIp } from '../../common/ip.js'
import {
  exactZones,
  IN_PROGRESS,
  linkedExactZone,
  type ConnectionView,
  type EffectivePe,
  type TargetModel
} from '../../model/model.js'
import { dnsName, list, sameText } from '../../common/names.js'
import {
  connectionApprove,
  connectionDelete,
  endpointCreate,
  endpointDelete,
  endpointIpConfigRemove,
  placeOf,
  steps,
  zoneGroupCreate,
  zoneGroupsRestore
} from '../fixes.js'
import { defineRule, type TargetContext } from '../rule.js'

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

/** Where the PE of a connection is and why no other PE makes up for it, for messages. */
function whereAlone(view: ConnectionView): { where: string; alone: string; vnetId: string | null } {
  const vnetId = view.pe?.vnetId ?? null
  return {
    vnetId,
    where: vnetId
      ? `private endpoint ${peLabel(view)} in VNet ${vnetLabel(vnetId)}`
      : `private endpoint ${peLabel(view)}`,
    alone: vnetId
      ? `no other approved private endpoint of the vault serves ${vnetLabel(vnetId)}`
      : 'no other approved private endpoint of the vault serves its VNet'
  }
}

/**
 * A subnet Azure cannot know. Shaped like an ID: given a bare word, the CLI takes `--subnet` for a
 * subnet name and asks for `--vnet-name`.
 */
const SUBNET_PLACEHOLDER =
  '/subscriptions/<subscription-id>/resourceGroups/<vnet-resource-group>/providers/Microsoft.Network/virtualNetworks/<vnet-name>/subnets/<subnet-name>'

function newEndpoint(model: TargetModel, name: string, subnet: string) {
  return {
    name,
    resourceGroup: model.place.resourceGroup ?? '<resource-group>',
    subscriptionId: model.vault.subscriptionId,
    subnet,
    vaultId: model.vault.id,
    groupId: model.names.groupId,
    // Without --location the CLI takes the resource group's region; a PE must be in its VNet's.
    location: '<region-of-the-vnet>'
  }
}

/** Delete and recreate the PE with the same name, subnet and vault. */
function recreateFix(model: TargetModel, view: ConnectionView): string {
  const peId = view.connection.privateEndpointId
  if (!peId) return endpointCreate(newEndpoint(model, `${model.vault.name}-pe`, SUBNET_PLACEHOLDER))
  if (view.pe) return recreateEndpoint(model, view.pe, view.pe.subnetId ?? SUBNET_PLACEHOLDER)
  const place = placeOf(peId)
  return steps(
    endpointDelete(peId),
    endpointCreate({
      name: nameOf(peId),
      resourceGroup: place.resourceGroup,
      subscriptionId: place.subscriptionId,
      subnet: SUBNET_PLACEHOLDER,
      vaultId: model.vault.id,
      groupId: model.names.groupId,
      location: '<region-of-the-vnet>'
    })
  )
}

/** The IPs the exact zone linked to the VNet returns for the vault, if it was read. */
function recordIps({ snapshot, model }: TargetContext, vnetId: string): string[] {
  const linked = linkedExactZone(snapshot, model.names.zone, vnetId)
  if (!linked || linked.zone.recordsFailure) return []
  const record = linked.zone.aRecords.find((r) => sameText(r.name, model.vault.name))
  return record?.ipv4Addresses ?? []
}

export const CONNECTION_RULES = [
  defineRule({
    id: 'PE-NONE',
    severity: 'error',
    title: 'No private endpoint connection',
    summary: 'No private endpoint connection at all.',
    section: 'connection',
    needs: ['vault'],
    scope: 'target',
    check({ snapshot, model }, out) {
      const { vault, names } = model
      const count = vault.connections.length
      if (count > 0) {
        out.pass({
          resource: vault.id,
          message: `${names.Label} ${vault.name} has ${count} private endpoint connection${count === 1 ? '' : 's'}`,
          observed: String(count),
          expected: 'at least 1'
        })
        return
      }
      const peName = `${vault.name}-pe`
      const group = model.place.resourceGroup ?? '<resource-group>'
      const zones = exactZones(snapshot, names.zone)
      const peId = `/subscriptions/${vault.subscriptionId}/resourceGroups/${group}/providers/Microsoft.Network/privateEndpoints/${peName}`
      out.finding({
        resource: vault.id,
        message:
          `${names.Label} ${vault.name} has no private endpoint connection at all, so no VNet can reach it over ` +
          `private link. Create a private endpoint for it in the subnet your clients' VNet uses (the subnet ID and ` +
          `<region-of-the-vnet>: Azure cannot know which VNet you mean)` +
          (zones.length === 1 ? `, and register it in the private DNS zone ${zones[0]?.name}` : ''),
        observed: '0 connections',
        expected: 'at least one approved private endpoint connection',
        fix: steps(
          endpointCreate(newEndpoint(model, peName, SUBNET_PLACEHOLDER)),
          zones.length === 1 && zones[0] ? zoneGroupCreate(peId, 'default', zones[0].id) : null
        )
      })
    }
  }),
  defineRule({
    id: 'PE-NOT-APPROVED',
    severity: 'error',
    title: 'Private endpoint connection not approved',
    summary: 'A connection is Pending, Rejected or Disconnected and nothing else serves its VNet.',
    section: 'connection',
    // The connection's state is the vault's; the PE matters only for an unapproved one (see
    // `undecided`), which the check reports as not run itself.
    needs: ['vault'],
    scope: 'target',
    check({ model }, out) {
      const vault = model.vault
      for (const view of model.connections) {
        const conn = view.connection
        if (view.standing === 'orphan') continue
        if (view.approved) {
          out.pass({
            resource: conn.id,
            message: `Connection ${conn.name} of ${model.names.label} ${vault.name} (private endpoint ${peLabel(view)}) is Approved`,
            observed: conn.status,
            expected: 'Approved'
          })
          continue
        }
        if (view.standing === 'undecided') out.notRun(...view.blockers)
        if (view.standing !== 'not-approved') continue
        const { where, alone } = whereAlone(view)
        const pending = sameText(conn.status, 'Pending')
        out.finding({
          resource: conn.id,
          message: pending
            ? `Connection ${conn.name} of ${model.names.label} ${vault.name} (${where}) is Pending: it waits for approval and carries no traffic until then, and ${alone}. Approve it`
            : `Connection ${conn.name} of ${model.names.label} ${vault.name} (${where}) is ${conn.status}: it is not effective and cannot be approved again, and ${alone}. Recreate the private endpoint`,
          observed: conn.status,
          expected: 'Approved',
          fix: pending
            ? connectionApprove(conn.id, `Approved for private link access to ${vault.name}`)
            : recreateFix(model, view)
        })
      }
    }
  }),
  defineRule({
    id: 'PE-NOT-SUCCEEDED',
    severity: 'error',
    title: 'Private endpoint not provisioned',
    summary: 'An approved connection or its PE is not provisioned `Succeeded`.',
    section: 'connection',
    needs: ['vault', 'private-endpoint'],
    scope: 'target',
    check({ model }, out) {
      const vault = model.vault
      for (const view of model.connections) {
        const conn = view.connection
        if (view.standing === 'effective' && conn.privateEndpointId) {
          out.pass({
            resource: conn.privateEndpointId,
            message: `Connection ${conn.name} and private endpoint ${peLabel(view)} of ${model.names.label} ${vault.name} are provisioned Succeeded`,
            observed: 'Succeeded',
            expected: 'Succeeded'
          })
          continue
        }
        if (view.standing === 'unknown' || (view.standing === 'undecided' && view.approved))
          out.notRun(...view.blockers)
        if (view.standing !== 'not-succeeded') continue
        // Approved, but the connection or the PE is not provisioned Succeeded.
        const { where, alone, vnetId } = whereAlone(view)
        const peBad = view.peSucceeded === false
        const state = peBad
          ? (view.pe?.provisioningState ?? 'unknown')
          : (conn.provisioningState ?? 'unknown')
        const inProgress = IN_PROGRESS.includes(state.toLowerCase())
        out.finding({
          resource: peBad && conn.privateEndpointId ? conn.privateEndpointId : conn.id,
          message:
            (peBad
              ? `Private endpoint ${peLabel(view)} of ${model.names.label} ${vault.name}` +
                (vnetId ? ` (in VNet ${vnetLabel(vnetId)})` : '')
              : `Connection ${conn.name} of ${model.names.label} ${vault.name} (${where})`) +
            ` is provisioned ${state}, not Succeeded, so the approved connection carries no traffic, and ${alone}. ` +
            (inProgress
              ? `An operation is still running: wait a few minutes and run the check again; if it stays ${state}, recreate the private endpoint`
              : 'Recreate the private endpoint'),
          observed: state,
          expected: 'Succeeded',
          fix: recreateFix(model, view)
        })
      }
    }
  }),
  defineRule({
    id: 'PE-LEFTOVER',
    severity: 'warning',
    title: 'Leftover private endpoint connection',
    summary: 'An ineffective connection next to a working one, or one whose PE is gone.',
    section: 'connection',
    needs: ['vault', 'private-endpoint'],
    scope: 'target',
    check({ model }, out) {
      const vault = model.vault
      let leftovers = 0
      let undecided = false
      for (const view of model.connections) {
        const conn = view.connection
        if (view.standing === 'unknown' || view.standing === 'undecided') {
          undecided = true
          out.notRun(...view.blockers)
          continue
        }
        if (view.standing === 'orphan') {
          leftovers++
          out.finding({
            resource: conn.id,
            message:
              conn.privateEndpointId === null
                ? `Private endpoint connection ${conn.name} of ${model.names.label} ${vault.name} refers to no private endpoint (${conn.status}): it serves nothing; delete it`
                : `Private endpoint connection ${conn.name} of ${model.names.label} ${vault.name} belongs to private endpoint ${nameOf(conn.privateEndpointId)}, which no longer exists (${conn.status}): it serves nothing; delete it`,
            observed:
              conn.privateEndpointId === null
                ? 'no private endpoint'
                : `private endpoint ${conn.privateEndpointId} not found`,
            expected: 'connections only for existing private endpoints',
            fix: connectionDelete(conn.id)
          })
          continue
        }
        if (view.standing !== 'served' || !view.servedBy || !conn.privateEndpointId) continue
        leftovers++
        const servedBy = view.servedBy
        const vnetId = view.pe?.vnetId ?? null
        const peIsServing = sameId(servedBy.pe.id, conn.privateEndpointId)
        out.finding({
          resource: conn.id,
          message:
            `Connection ${conn.name} of ${model.names.label} ${vault.name} (private endpoint ${peLabel(view)} in VNet ${vnetLabel(vnetId)}) ` +
            `is not effective (${stateText(view)}), while private endpoint ${servedBy.pe.name} already serves ${vnetLabel(vnetId)} ` +
            `over an approved connection: it is a leftover; delete it to keep things clean`,
          observed: stateText(view),
          expected: 'no ineffective connections',
          fix: peIsServing ? connectionDelete(conn.id) : endpointDelete(conn.privateEndpointId)
        })
      }
      if (model.connections.length > 0 && leftovers === 0 && !undecided) {
        out.pass({
          resource: vault.id,
          message: `No private endpoint connection of ${model.names.label} ${vault.name} is a leftover`,
          observed: '0 leftovers',
          expected: '0 leftovers'
        })
      }
    }
  }),
  defineRule({
    id: 'PE-DUPLICATE-VNET',
    severity: 'warning',
    title: 'Several private endpoints in one VNet',
    summary: 'Several effective PEs of the vault in one VNet.',
    section: 'privateIp',
    needs: ['vault', 'private-endpoint'],
    scope: 'target',
    check(ctx, out) {
      const { model } = ctx
      const vault = model.vault
      const unknown = model.connections.filter((view) => view.effective === null)
      if (unknown.length > 0 && model.vnets.length > 0) {
        out.notRun(...unknown.map((view) => view.peFailure))
      }
      for (const group of model.vnets) {
        if (group.pes.length === 1) {
          if (unknown.length > 0) continue
          const only = group.pes[0] as EffectivePe
          out.pass({
            resource: only.pe.id,
            message: `VNet ${group.name} holds one effective private endpoint of ${model.names.label} ${vault.name} (${only.pe.name})`,
            observed: '1',
            expected: 'at most 1 per VNet'
          })
          continue
        }
        const inDns = recordIps(ctx, group.vnetId)
        const keep =
          group.pes.find((item) => item.ips.some((ip) => inDns.includes(ip))) ??
          (group.pes[0] as EffectivePe)
        const all = group.pes.map((item) => `${item.pe.name} (${list(item.ips)})`)
        for (const extra of group.pes) {
          if (extra === keep) continue
          out.finding({
            resource: extra.pe.id,
            message:
              `VNet ${group.name} holds ${group.pes.length} effective private endpoints of ${model.names.label} ${vault.name}: ${all.join(', ')}. ` +
              `One per VNet is enough, more only blur which IP clients get. ` +
              (inDns.length > 0 && keep.ips.some((ip) => inDns.includes(ip))
                ? `The A record points to ${keep.pe.name}, so delete ${extra.pe.name}`
                : `Keep ${keep.pe.name} and delete ${extra.pe.name}`),
            observed: `${group.pes.length} private endpoints: ${group.pes.map((item) => item.pe.name).join(', ')}`,
            expected: '1 private endpoint per VNet',
            fix: endpointDelete(extra.pe.id)
          })
        }
      }
    }
  }),
  defineRule({
    id: 'PE-IP-NOT-PRIVATE',
    severity: 'error',
    title: 'Private endpoint IP is not private',
    summary: "The PE's IP is public or reserved.",
    section: 'privateIp',
    needs: ['vault', 'private-endpoint', 'network-interface'],
    scope: 'target',
    check({ model }, out) {
      const vault = model.vault
      for (const item of model.effective) {
        const pe = item.pe
        const bad = item.ips.filter((ip) => !isPrivate(ip))
        if (bad.length > 0) {
          const labels = bad.map((ip) =>
            isValidIp(ip) ? `${ip} (${describeIp(ip).range})` : `${ip} (not an IP address)`
          )
          out.finding({
            resource: pe.id,
            message:
              `Private endpoint ${pe.name} of ${model.names.label} ${vault.name} has IP ${labels.join(', ')}. ` +
              `Private link needs the name to resolve to a private IP in the VNet (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16); ` +
              `recreate the endpoint in a subnet with a private address range (its subnet ID is a placeholder: Azure cannot know which)`,
            observed: bad.join(', '),
            expected: 'a private (RFC 1918) address',
            fix: recreateEndpoint(model, pe, SUBNET_PLACEHOLDER)
          })
          continue
        }
        if (!item.ipsKnown) {
          out.notRun(...pe.nicFailures)
          continue
        }
        out.pass({
          resource: pe.id,
          message: `Private endpoint ${pe.name} of ${model.names.label} ${vault.name} has the private IP ${list(item.ips)}`,
          observed: item.ips.join(', '),
          expected: 'a private (RFC 1918) address'
        })
      }
    }
  }),
  defineRule({
    id: 'PE-DNS-CONFIG-MULTIPLE',
    severity: 'warning',
    title: 'Several DNS entries for the vault on the private endpoint',
    summary: "The PE lists several DNS entries/IPs for the vault's hostname.",
    section: 'privateIp',
    needs: ['vault', 'private-endpoint'],
    scope: 'target',
    check({ model }, out) {
      const vault = model.vault
      for (const item of model.effective) {
        const pe = item.pe
        const entries = pe.customDnsConfigs.filter(
          (config) => dnsName(config.fqdn) === model.hostname
        )
        const ips = [...new Set(entries.flatMap((entry) => entry.ipAddresses))]
        if (entries.length <= 1 && ips.length <= 1) {
          out.pass({
            resource: pe.id,
            message:
              entries.length === 0
                ? `Private endpoint ${pe.name} lists no custom DNS entry for ${model.hostname}`
                : `Private endpoint ${pe.name} lists one DNS entry for ${model.hostname}: ${list(ips)}`,
            observed: `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`,
            expected: 'at most 1 entry with 1 IP'
          })
          continue
        }
        const statics = pe.ipConfigurations ?? []
        const extra = item.ipsKnown ? ips.filter((ip) => !item.ips.includes(ip)) : []
        const extraConfigs = statics.filter((config) => extra.includes(config.privateIpAddress))
        // Static IP configurations are what give an endpoint more than one address for the vault;
        // without any, the extra entries come from the endpoint itself, and only recreating it helps.
        out.finding({
          resource: pe.id,
          message:
            `Private endpoint ${pe.name} of ${model.names.label} ${vault.name} lists ${entries.length} DNS entr${entries.length === 1 ? 'y' : 'ies'} ` +
            `with ${ips.length} IPs for ${model.hostname} (${list(ips)}); there should be exactly one, holding the private IP` +
            (item.ipsKnown ? ` (${list(item.ips)}, from its network interface)` : '') +
            '. ' +
            (extraConfigs.length > 0
              ? `Remove the static IP configuration${extraConfigs.length === 1 ? '' : 's'} ${extraConfigs.map((config) => config.name).join(', ')}`
              : 'No static IP configuration of the endpoint holds the extra IP: recreate the endpoint (its DNS zone group is recreated too)'),
          observed: entries.map((entry) => `${entry.fqdn} → ${list(entry.ipAddresses)}`).join('; '),
          expected:
            `one entry for ${model.hostname}` + (item.ipsKnown ? ` → ${list(item.ips)}` : ''),
          fix:
            extraConfigs.length > 0
              ? steps(...extraConfigs.map((config) => endpointIpConfigRemove(pe.id, config.name)))
              : recreateEndpoint(model, pe, pe.subnetId ?? SUBNET_PLACEHOLDER)
        })
      }
    }
  })
]

/** Delete and recreate `pe` in `subnet`, with the same name, location and DNS zone groups. */
function recreateEndpoint(model: TargetModel, pe: PrivateEndpointSnapshot, subnet: string): string {
  const place = placeOf(pe.id)
  return steps(
    endpointDelete(pe.id),
    endpointCreate({
      name: pe.name,
      resourceGroup: place.resourceGroup,
      subscriptionId: place.subscriptionId,
      subnet,
      vaultId: model.vault.id,
      groupId: model.names.groupId,
      location: pe.location
    }),
    zoneGroupsRestore(pe.id, pe.dnsZoneGroups)
  )
}
