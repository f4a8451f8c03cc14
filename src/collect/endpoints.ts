/** Private endpoints: the PE, its NICs' IPs, its DNS zone groups; starts the read of its VNet. */
import type { PrivateDnsZoneGroup, PrivateEndpoint } from '@azure/arm-network'
import { failed, type Read } from './arm-errors.js'
import { fromListingOrGet, listedPrivateEndpoints } from './bulk.js'
import { parseLooseId, vnetIdFromSubnetId } from '../common/arm-id.js'
import {
  badIdFailure,
  type CollectContext,
  listAll,
  type PrivateEndpointRead,
  strings
} from './context.js'
import { readNicIps, readVirtualNetwork } from './networks.js'
import type { DnsZoneGroupSnapshot, PrivateEndpointSnapshot, ReadFailure } from './snapshot.js'

export function readPrivateEndpoint(
  ctx: CollectContext,
  peId: string
): Promise<PrivateEndpointRead> {
  return ctx.memo.privateEndpoints.get(peId, async () => {
    const parsed = parseLooseId(peId)
    if (!parsed) return failed(badIdFailure(peId, 'private endpoint'))
    const network = ctx.clients(parsed.subscriptionId).network
    const read = await fromListingOrGet(
      ctx,
      parsed.subscriptionId,
      peId,
      'privateEndpoints',
      async () => {
        // Bulk mode: an endpoint absent from its subscription's complete listing does not exist
        // (a deleted endpoint the vault still lists), as a GET's 404 would say, one request less.
        if (
          ctx.bulk.has(parsed.subscriptionId.toLowerCase()) &&
          (await listedPrivateEndpoints(ctx, parsed.subscriptionId)).ok
        ) {
          return failed({
            kind: 'not-found',
            resource: peId,
            message: `Private endpoint ${peId} is not in its subscription's listing.`
          })
        }
        return ctx.read(peId, () => network.privateEndpoints.get(parsed.resourceGroup, parsed.name))
      }
    )
    if (!read.ok) {
      return read.failure.kind === 'not-found' ? { ok: true, value: null } : read
    }
    const pe = read.value
    const subnetId = pe.subnet?.id ?? null
    const vnetId = subnetId ? vnetIdFromSubnetId(subnetId) : null
    // Shared by every PE in the VNet: read once, collected into the snapshot at the end.
    if (vnetId) void readVirtualNetwork(ctx, vnetId)

    const nicIds = strings((pe.networkInterfaces ?? []).map((nic) => nic.id))
    // In bulk mode the zone groups (one request per PE, no subscription-wide list exists) wait
    // until the zone's records are known: most of them need not be read (see collect.ts).
    const deferGroups = ctx.bulk.has(parsed.subscriptionId.toLowerCase())
    const [nicReads, groups] = await Promise.all([
      Promise.all(nicIds.map((id) => readNicIps(ctx, id))),
      deferGroups ? null : readZoneGroups(ctx, pe.id ?? peId)
    ])
    const nicIps: string[] = []
    const nicFailures: ReadFailure[] = []
    for (const nic of nicReads) {
      if (nic.ok) nicIps.push(...nic.value.filter((ip) => !nicIps.includes(ip)))
      else nicFailures.push(nic.failure)
    }
    const snapshot: PrivateEndpointSnapshot = {
      id: pe.id ?? peId,
      name: pe.name ?? parsed.name,
      location: pe.location ?? null,
      provisioningState: pe.provisioningState ?? null,
      subnetId,
      vnetId,
      networkInterfaceIds: nicIds,
      customDnsConfigs: customDnsConfigs(pe),
      ipConfigurations: (pe.ipConfigurations ?? []).map((config) => ({
        name: config.name ?? '',
        privateIpAddress: config.privateIPAddress ?? ''
      })),
      nicIps,
      nicFailures,
      dnsZoneGroups: groups?.ok ? groups.value : [],
      dnsZoneGroupsFailure: groups && !groups.ok ? groups.failure : null,
      ...(groups ? {} : { dnsZoneGroupsSkipped: true })
    }
    return { ok: true, value: snapshot }
  })
}

/** A private endpoint's DNS zone groups (all pages), read once however many ask. */
export function readZoneGroups(
  ctx: CollectContext,
  peId: string
): Promise<Read<DnsZoneGroupSnapshot[]>> {
  return ctx.memo.zoneGroups.get(peId, async () => {
    const parsed = parseLooseId(peId)
    if (!parsed) return failed(badIdFailure(peId, 'private endpoint'))
    const network = ctx.clients(parsed.subscriptionId).network
    const read = await ctx.read(`${peId}/privateDnsZoneGroups`, () =>
      listAll(network.privateDnsZoneGroups.list(parsed.name, parsed.resourceGroup))
    )
    return read.ok ? { ok: true, value: read.value.map(zoneGroup) } : read
  })
}

function customDnsConfigs(pe: PrivateEndpoint): PrivateEndpointSnapshot['customDnsConfigs'] {
  return (pe.customDnsConfigs ?? []).map((config) => ({
    fqdn: config.fqdn ?? '',
    ipAddresses: strings(config.ipAddresses)
  }))
}

function zoneGroup(group: PrivateDnsZoneGroup): DnsZoneGroupSnapshot {
  return {
    id: group.id ?? '',
    name: group.name ?? '',
    configs: (group.privateDnsZoneConfigs ?? []).map((config) => ({
      privateDnsZoneId: config.privateDnsZoneId ?? '',
      recordSets: (config.recordSets ?? []).map((set) => ({
        recordSetName: set.recordSetName ?? '',
        fqdn: set.fqdn ?? '',
        ipAddresses: strings(set.ipAddresses)
      }))
    }))
  }
}
