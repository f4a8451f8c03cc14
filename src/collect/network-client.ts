/**
 * The Microsoft.Network reads this action makes (private endpoints, NICs, VNets, zone groups, and
 * a private DNS zone's A record sets), on the Azure SDK's own `ServiceClient`
 * (`@azure/core-client`): the pipeline, sign-in, error handling and paging are the SDK's, as in
 * `@azure/arm-network`'s `NetworkManagementClient`. That client is not used because it cannot be
 * loaded in part: its constructor builds every operation group of the Network provider, so a run
 * compiles 3.6 MB of source and builds 1 MB of mappers to use eight GETs — about 30 MB of peak
 * RSS and a sixth of the start-up (README, Performance). A zone's A record sets are listed here
 * too, not with `@azure/arm-privatedns` (which reads the zone and its links): its mappers
 * deserialize each page of 100 record sets into a second copy, on the run's longest chain of
 * pages at 2,000 vaults.
 *
 * Answers keep the SDK's model shapes (the types are `@azure/arm-network`'s): its mappers lift
 * every `properties` object into the object that holds it, and so does `flattenProperties`.
 */
import {
  authorizeRequestOnClaimChallenge,
  createSerializer,
  ServiceClient,
  type OperationArguments,
  type OperationSpec,
  type ServiceClientOptions
} from '@azure/core-client'
import {
  bearerTokenAuthenticationPolicy,
  bearerTokenAuthenticationPolicyName
} from '@azure/core-rest-pipeline'
import type { TokenCredential } from '@azure/identity'
import type {
  NetworkInterface,
  PrivateDnsZoneGroup,
  PrivateEndpoint,
  VirtualNetwork
} from '@azure/arm-network'
import type { RecordSet } from '@azure/arm-privatedns'

/** The API version of `@azure/arm-network` 36, whose model shapes the collectors read. */
export const NETWORK_API_VERSION = '2025-05-01'

/** The private DNS API version that returns `resolutionPolicy` on VNet links. */
export const PRIVATE_DNS_API_VERSION = '2024-06-01'

export interface NetworkReads {
  privateEndpoints: {
    get(resourceGroupName: string, privateEndpointName: string): Promise<PrivateEndpoint>
    listBySubscription(): AsyncIterable<PrivateEndpoint>
  }
  networkInterfaces: {
    get(resourceGroupName: string, networkInterfaceName: string): Promise<NetworkInterface>
    listAll(): AsyncIterable<NetworkInterface>
  }
  virtualNetworks: {
    get(resourceGroupName: string, virtualNetworkName: string): Promise<VirtualNetwork>
    list(resourceGroupName: string): AsyncIterable<VirtualNetwork>
    listAll(): AsyncIterable<VirtualNetwork>
  }
  privateDnsZoneGroups: {
    list(privateEndpointName: string, resourceGroupName: string): AsyncIterable<PrivateDnsZoneGroup>
  }
  privateDnsRecordSets: {
    /** The zone's A record sets (`@azure/arm-privatedns`'s `recordSets.listByType(…, 'A')`). */
    listA(resourceGroupName: string, privateZoneName: string): AsyncIterable<RecordSet>
  }
}

export interface NetworkClientOptions extends ServiceClientOptions {
  endpoint: string
  credentialScopes: string
}

const serializer = createSerializer({}, false)

/** A GET whose answer is returned as ARM sent it (no mapper), and whose errors are the SDK's. */
function getSpec(
  path: string,
  pathParameters: string[],
  version: typeof apiVersion = apiVersion
): OperationSpec {
  return {
    path,
    httpMethod: 'GET',
    // No body mapper: core-client returns the parsed JSON as ARM sent it, and still turns an
    // error status into a RestError with ARM's `error.code` and `error.message`, as the SDK does.
    responses: { 200: {}, default: {} },
    // A next link carries the api-version of the request it continues.
    queryParameters: path === '{nextLink}' ? [] : [version],
    urlParameters: [host, ...pathParameters.map(pathParameter)],
    headerParameters: [accept],
    serializer
  }
}

const host = { parameterPath: '$host', mapper: stringMapper('$host'), skipEncoding: true }
const accept = {
  parameterPath: 'accept',
  mapper: { ...stringMapper('Accept'), defaultValue: 'application/json', isConstant: true }
}
const apiVersion = apiVersionParameter(NETWORK_API_VERSION)
const privateDnsApiVersion = apiVersionParameter(PRIVATE_DNS_API_VERSION)
function apiVersionParameter(value: string) {
  return {
    parameterPath: 'apiVersion',
    mapper: { ...stringMapper('api-version'), defaultValue: value, isConstant: true }
  }
}
function pathParameter(name: string) {
  return name === 'nextLink'
    ? { parameterPath: name, mapper: stringMapper(name), skipEncoding: true }
    : { parameterPath: name, mapper: stringMapper(name) }
}
function stringMapper(serializedName: string) {
  return { serializedName, required: true, type: { name: 'String' as const } }
}

const PROVIDER = '/subscriptions/{subscriptionId}/providers/Microsoft.Network'
const IN_GROUP =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network'
const SUB = ['subscriptionId']
const GROUP = ['subscriptionId', 'resourceGroupName']

const specs = {
  privateEndpoint: getSpec(`${IN_GROUP}/privateEndpoints/{name}`, [...GROUP, 'name']),
  privateEndpoints: getSpec(`${PROVIDER}/privateEndpoints`, SUB),
  networkInterface: getSpec(`${IN_GROUP}/networkInterfaces/{name}`, [...GROUP, 'name']),
  networkInterfaces: getSpec(`${PROVIDER}/networkInterfaces`, SUB),
  virtualNetwork: getSpec(`${IN_GROUP}/virtualNetworks/{name}`, [...GROUP, 'name']),
  virtualNetworksInGroup: getSpec(`${IN_GROUP}/virtualNetworks`, GROUP),
  virtualNetworks: getSpec(`${PROVIDER}/virtualNetworks`, SUB),
  zoneGroups: getSpec(`${IN_GROUP}/privateEndpoints/{name}/privateDnsZoneGroups`, [
    ...GROUP,
    'name'
  ]),
  aRecordSets: getSpec(
    `${IN_GROUP}/privateDnsZones/{privateZoneName}/A`,
    [...GROUP, 'privateZoneName'],
    privateDnsApiVersion
  ),
  next: getSpec('{nextLink}', ['nextLink'])
}

/**
 * The SDK's model shape of an ARM answer: `properties` merged into the object that holds it, at
 * every depth (tags are the user's own keys and are left alone). A name that is set at both
 * levels keeps its outer value, as the SDK's flattened models have no such collision.
 */
export function flattenProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(flattenProperties)
  if (value === null || typeof value !== 'object') return value
  const source = value as Record<string, unknown>
  const result: Record<string, unknown> = {}
  let inner: Record<string, unknown> | undefined
  // for…in, not Object.entries: no [key, value] array per property of every item of every page.
  // Parsed JSON inherits no enumerable keys, so this visits what Object.keys would, in its order.
  for (const key in source) {
    const item = source[key]
    if (key === 'properties' && item !== null && typeof item === 'object' && !Array.isArray(item)) {
      inner = item as Record<string, unknown>
    } else {
      result[key] = key === 'tags' ? item : flattenProperties(item)
    }
  }
  if (inner) {
    for (const key in inner) {
      if (!(key in result)) result[key] = flattenProperties(inner[key])
    }
  }
  return result
}

export class NetworkReadClient extends ServiceClient implements NetworkReads {
  private readonly subscriptionId: string
  private readonly $host: string

  constructor(credential: TokenCredential, subscriptionId: string, options: NetworkClientOptions) {
    super({ requestContentType: 'application/json; charset=utf-8', ...options })
    this.subscriptionId = subscriptionId
    this.$host = options.endpoint
    // As the generated clients do: sign every request with the ARM scope.
    this.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName })
    this.pipeline.addPolicy(
      bearerTokenAuthenticationPolicy({
        credential,
        scopes: options.credentialScopes,
        challengeCallbacks: { authorizeRequestOnChallenge: authorizeRequestOnClaimChallenge }
      })
    )
  }

  private async read<T>(spec: OperationSpec, args: OperationArguments): Promise<T> {
    // Without a body mapper, core-client hands the parsed JSON back under `body`.
    const { body } = await this.sendOperationRequest<{ body?: unknown }>(
      { $host: this.$host, subscriptionId: this.subscriptionId, ...args },
      spec
    )
    return flattenProperties(body) as T
  }

  /** Every item of every page, following `nextLink` as the SDK's pagers do. */
  private async *pages<T>(spec: OperationSpec, args: OperationArguments): AsyncIterable<T> {
    let page = await this.read<{ value?: T[]; nextLink?: string }>(spec, args)
    for (;;) {
      // The next page is asked for before this one's items are handed out (see eachItem).
      const next = page.nextLink
        ? this.read<{ value?: T[]; nextLink?: string }>(specs.next, { nextLink: page.nextLink })
        : null
      next?.catch(() => undefined)
      yield* page.value ?? []
      if (!next) return
      page = await next
    }
  }

  readonly privateEndpoints = {
    get: (resourceGroupName: string, name: string) =>
      this.read<PrivateEndpoint>(specs.privateEndpoint, { resourceGroupName, name }),
    listBySubscription: () => this.pages<PrivateEndpoint>(specs.privateEndpoints, {})
  }

  readonly networkInterfaces = {
    get: (resourceGroupName: string, name: string) =>
      this.read<NetworkInterface>(specs.networkInterface, { resourceGroupName, name }),
    listAll: () => this.pages<NetworkInterface>(specs.networkInterfaces, {})
  }

  readonly virtualNetworks = {
    get: (resourceGroupName: string, name: string) =>
      this.read<VirtualNetwork>(specs.virtualNetwork, { resourceGroupName, name }),
    list: (resourceGroupName: string) =>
      this.pages<VirtualNetwork>(specs.virtualNetworksInGroup, { resourceGroupName }),
    listAll: () => this.pages<VirtualNetwork>(specs.virtualNetworks, {})
  }

  readonly privateDnsZoneGroups = {
    list: (name: string, resourceGroupName: string) =>
      this.pages<PrivateDnsZoneGroup>(specs.zoneGroups, { resourceGroupName, name })
  }

  readonly privateDnsRecordSets = {
    listA: (resourceGroupName: string, privateZoneName: string) =>
      this.pages<RecordSet>(specs.aRecordSets, { resourceGroupName, privateZoneName })
  }
}
