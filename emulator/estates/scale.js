// A large estate for the benchmark and the scale tests: `vaults` private-linked vaults in one
// subscription, their private endpoints in one VNet, and one shared privatelink zone linked to
// it. With `broken: true`, some vaults are broken in the ways a nightly drift check meets (a
// pending connection, a wrong or missing A record, a long TTL, public access, a deleted private
// endpoint), so that bulk and targeted collection can be compared on findings, not just counts.
import {
  makeEstate,
  networkAcls,
  privateDnsZone,
  privateEndpointConnection,
  privateLinkedVault,
  resourceGroupId,
  resourceId,
  sampleIdentity,
  subnetId,
  vault,
  virtualNetwork,
  virtualNetworkLink
} from '../estate.js'

export const SCALE_SUBSCRIPTION_ID = '5c1e2d3f-4a5b-4c6d-8e7f-90a1b2c3d4e5'
export const SCALE_VAULT_RG = 'rg-vaults'
export const SCALE_NETWORK_RG = 'rg-network'
export const SCALE_DNS_RG = 'rg-dns'

/** `kv-scale-00001`, … (names sort in creation order). */
export const scaleVaultName = (i) => `kv-scale-${String(i + 1).padStart(5, '0')}`

/** The i-th private endpoint IP in 10.64.0.0/12 (room for a million vaults). */
const ipOf = (i) =>
  `10.${64 + Math.floor((i + 4) / 65536)}.${Math.floor((i + 4) / 256) % 256}.${(i + 4) % 256}`

/** The broken kinds of `i % 10` (the others are healthy): 6 of every 10 vaults. */
const BROKEN_KINDS = [1, 3, 5, 6, 7, 9]

/**
 * `broken: true`: kind `i % 10` (6 of every 10 vaults broken). A share in (0, 1) (the
 * benchmark's 30 % sweep): that share of the vaults, spread evenly, cycling through the same kinds.
 * @param {boolean | number} broken
 * @param {number} i
 */
function kindOf(broken, i) {
  if (broken === true) return i % 10
  if (!broken) return 0
  const upTo = (n) => Math.floor(n * broken)
  if (upTo(i + 1) === upTo(i)) return 0
  return BROKEN_KINDS[upTo(i) % BROKEN_KINDS.length]
}

/**
 * @param {{ vaults: number, broken?: boolean | number, subscriptionId?: string }} options
 */
export default function scaleEstate({
  vaults: count,
  broken = false,
  subscriptionId = SCALE_SUBSCRIPTION_ID
}) {
  const sub = subscriptionId
  const vnet = virtualNetwork({
    subscriptionId: sub,
    resourceGroup: SCALE_NETWORK_RG,
    name: 'vnet-hub-pe',
    addressPrefixes: ['10.64.0.0/12'],
    subnets: [{ name: 'snet-private-endpoints', addressPrefix: '10.64.0.0/12' }]
  })
  const zone = privateDnsZone({ subscriptionId: sub, resourceGroup: SCALE_DNS_RG })
  const link = virtualNetworkLink({ zoneId: zone.id, name: 'link-hub-pe', vnetId: vnet.id })
  const resources = [vnet, zone, link]

  for (let i = 0; i < count; i++) {
    const name = scaleVaultName(i)
    const common = {
      subscriptionId: sub,
      resourceGroup: SCALE_VAULT_RG,
      name,
      subnetId: subnetId(vnet.id, 'snet-private-endpoints'),
      ip: ipOf(i),
      zoneId: zone.id
    }
    const kind = kindOf(broken, i)
    if (kind === 9) {
      // The private endpoint was deleted; the vault still lists its connection.
      const vaultId = resourceId(sub, SCALE_VAULT_RG, 'Microsoft.KeyVault/vaults', name)
      const peId = resourceId(
        sub,
        SCALE_VAULT_RG,
        'Microsoft.Network/privateEndpoints',
        `pe-${name}`
      )
      resources.push(
        vault({
          subscriptionId: sub,
          resourceGroup: SCALE_VAULT_RG,
          name,
          networkAcls: networkAcls(),
          privateEndpointConnections: [
            privateEndpointConnection({ vaultId, peId, status: 'Disconnected' })
          ]
        })
      )
      continue
    }
    const variant =
      kind === 1
        ? { connectionStatus: /** @type {const} */ ('Pending') }
        : kind === 3
          ? { aRecord: { ips: ['10.63.255.250'] } }
          : kind === 5
            ? { aRecord: /** @type {const} */ (false), dnsZoneGroup: false }
            : kind === 6
              ? { aRecord: { ttl: 3600 } }
              : kind === 7
                ? {
                    publicNetworkAccess: /** @type {const} */ ('Enabled'),
                    networkAcls: networkAcls({ defaultAction: 'Allow' })
                  }
                : {}
    resources.push(...privateLinkedVault({ ...common, ...variant }).resources)
  }

  return makeEstate({
    identity: sampleIdentity(),
    subscriptions: [sub],
    resourceGroups: [SCALE_VAULT_RG, SCALE_NETWORK_RG, SCALE_DNS_RG].map((rg) =>
      resourceGroupId(sub, rg)
    ),
    resources
  })
}
