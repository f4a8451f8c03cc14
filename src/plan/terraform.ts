/**
 * Terraform plans (`terraform show -json <planfile>`, format_version 1.x, azurerm provider): the
 * contract's azurerm types, mapped attribute by attribute onto the ARM JSON apply.ts reads (the
 * shapes a GET returns), from `resource_changes[]` (`before`, `after`, `after_unknown`).
 *
 * A value known only after apply is never guessed. Where it is another resource's ID (a new PE's
 * `private_connection_resource_id` = the new vault's `id`), the `configuration` expression's
 * `references` name that resource, and its ID is built from its own arguments the way azurerm
 * does. An A record whose `records`, a VNet whose `dns_servers` or a forwarding rule whose target
 * refer to a private endpoint's or an inbound endpoint's IP gets `ip-of:<its ID>`, which apply.ts
 * reads as that endpoint's IP, known or not. One that refers to anything else (a VM's NIC, a
 * module's output) gets `known-after-apply:<attribute>` instead: apply.ts gives it a stand-in
 * address that settle.ts reports as PLAN-UNRESOLVED, rather than the default an empty list would
 * mean (Azure-provided DNS, a rule with no target, a record with no IP).
 */
import {
  isObject,
  PlanError,
  type Json,
  type ArmResource,
  type Plan,
  type PlanAction,
  type PlannedChange
} from './plan.js'

function obj(value: unknown): Json {
  return isObject(value) ? value : {}
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/** The first block of a nested block list (`network_acls`, ...). */
function block(value: unknown): Json | null {
  return Array.isArray(value) && isObject(value[0]) ? value[0] : isObject(value) ? value : null
}

export function isTerraformPlan(document: unknown): document is Json {
  return (
    isObject(document) &&
    typeof document.format_version === 'string' &&
    ('resource_changes' in document || 'planned_values' in document)
  )
}

/** Marks an IP that is a private endpoint's or an inbound endpoint's, resolved by apply.ts. */
export const IP_OF = 'ip-of:'

/** Marks an IP (or IPs) known only after apply that no `ip-of:` explains; then the attribute's address. */
export const KNOWN_AFTER_APPLY = 'known-after-apply:'

/** References whose values Terraform knows when it makes the plan. */
const KNOWN_AT_PLAN = /^(var|count|each|path|terraform)\./

/** Whether `after_unknown` says the attribute (or an element of it) is known only after apply. */
function isUnknown(unknown: unknown): boolean {
  if (unknown === true) return true
  if (Array.isArray(unknown)) return unknown.some(isUnknown)
  return isObject(unknown) && Object.values(unknown).some(isUnknown)
}

/** How many of a list's elements are known only after apply (1 for a list unknown as a whole). */
function unknownCount(unknown: unknown): number {
  return Array.isArray(unknown) ? unknown.filter(isUnknown).length : isUnknown(unknown) ? 1 : 0
}

const SUPPORTED = new Set([
  'azurerm_key_vault',
  'azurerm_key_vault_managed_hardware_security_module',
  'azurerm_private_endpoint',
  'azurerm_private_dns_zone',
  'azurerm_private_dns_zone_virtual_network_link',
  'azurerm_private_dns_a_record',
  'azurerm_virtual_network',
  'azurerm_virtual_network_dns_servers',
  'azurerm_virtual_network_peering',
  'azurerm_private_dns_resolver',
  'azurerm_private_dns_resolver_inbound_endpoint',
  'azurerm_private_dns_resolver_dns_forwarding_ruleset',
  'azurerm_private_dns_resolver_forwarding_rule',
  'azurerm_private_dns_resolver_virtual_network_link'
])

/** The azurerm types whose private IP another attribute may refer to (`ip-of:`). */
const IP_HOLDERS = ['azurerm_private_endpoint', 'azurerm_private_dns_resolver_inbound_endpoint']

interface TfChange {
  address: string
  type: string
  actions: string[]
  before: Json | null
  after: Json | null
  unknown: Json
  /** The resource's `configuration` expressions, if found. */
  expressions: Json
}

function actionOf(actions: string[]): PlanAction | null {
  const has = (a: string): boolean => actions.includes(a)
  if (has('delete') && has('create')) return 'replace'
  if (has('create')) return 'create'
  if (has('delete')) return 'delete'
  if (has('update')) return 'modify'
  return null // no-op, read
}

/** `azurerm_x.y[0]` → `azurerm_x.y`; module paths are kept. */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '')
}

/** Root and module resources of `configuration`, by address as `resource_changes` spell it (without index). */
function configResources(configuration: unknown): Map<string, Json> {
  const found = new Map<string, Json>()
  const walk = (module: Json, prefix: string): void => {
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (isObject(resource) && typeof resource.address === 'string') {
        found.set(`${prefix}${resource.address}`, obj(resource.expressions))
      }
    }
    for (const [name, call] of Object.entries(obj(module.module_calls))) {
      walk(obj(obj(call).module), `${prefix}module.${name}.`)
    }
  }
  walk(obj(obj(configuration).root_module), '')
  return found
}

export function parseTerraform(
  document: Json,
  path: string,
  defaultSubscription: string | null = null
): Plan {
  const version = String(document.format_version)
  if (!/^1(\.|$)/.test(version)) {
    throw new PlanError(
      `a Terraform plan of format_version ${version}; this action reads format_version 1.x`
    )
  }
  const config = configResources(document.configuration)
  const all: TfChange[] = []
  // Every managed resource, for the IDs that references name (a new subnet, say).
  const anyType: TfChange[] = []
  const ignoredTypes: string[] = []
  let ignored = 0
  for (const raw of Array.isArray(document.resource_changes) ? document.resource_changes : []) {
    if (!isObject(raw)) continue
    const type = typeof raw.type === 'string' ? raw.type : ''
    const address = typeof raw.address === 'string' ? raw.address : type
    const change = obj(raw.change)
    const actions = strings(change.actions)
    const tf: TfChange = {
      address,
      type,
      actions,
      before: isObject(change.before) ? change.before : null,
      after: isObject(change.after) ? change.after : null,
      unknown: obj(change.after_unknown),
      expressions: config.get(configAddress(address)) ?? {}
    }
    anyType.push(tf)
    // A data source is read, not changed: there only for the IDs that references name.
    if (raw.mode === 'data') continue
    if (!SUPPORTED.has(type)) {
      if (actionOf(actions) !== null) {
        ignored++
        if (type && !ignoredTypes.includes(type)) ignoredTypes.push(type)
      }
      continue
    }
    all.push(tf)
  }
  const subscription = subscriptionOfPlan(anyType, document) ?? defaultSubscription
  const ids = new Ids(anyType, subscription)
  const changes: PlannedChange[] = []
  for (const tf of all) {
    const action = actionOf(tf.actions)
    if (action === null) continue
    const mapped = ids.map(tf, action)
    if (tf.before && action !== 'create') {
      // The prior values read like a plan that sets them, so `before` has the shape `after` has.
      const prior = ids.map({ ...tf, after: tf.before, unknown: {}, expressions: {} }, 'modify')
      for (const change of mapped) {
        change.before =
          prior.find((p) => p.id.toLowerCase() === change.id.toLowerCase())?.after ?? null
      }
    }
    changes.push(...mapped)
  }
  return { format: 'terraform', path, changes, ignored, ignoredTypes }
}

/** The subscription of any known Azure ID in the plan, for IDs azurerm builds at apply. */
function subscriptionOfPlan(all: TfChange[], document: Json): string | null {
  const text = JSON.stringify([all.map((c) => [c.before, c.after]), document.prior_state ?? null])
  const fromId = /\/subscriptions\/([0-9a-f-]{36})\//i.exec(text)?.[1]
  // data.azurerm_client_config in prior_state says which subscription the provider works in.
  const fromConfig = /"subscription_id":"([0-9a-f-]{36})"/i.exec(text)?.[1]
  return (fromId ?? fromConfig ?? null)?.toLowerCase() ?? null
}

/** IDs of the plan's resources: known ones as the plan says, new ones built as azurerm builds them. */
class Ids {
  private readonly byAddress = new Map<string, TfChange>()
  private readonly cache = new Map<string, string | null>()

  constructor(
    all: TfChange[],
    private readonly subscription: string | null
  ) {
    for (const tf of all) this.byAddress.set(tf.address, tf)
  }

  private rg(values: Json): string | null {
    return str(values.resource_group_name)
  }

  private base(values: Json): string | null {
    const rg = this.rg(values)
    return this.subscription && rg
      ? `/subscriptions/${this.subscription}/resourceGroups/${rg}`
      : null
  }

  /** The ID of the resource at `address` (after apply), or null when it cannot be known. */
  idOf(address: string): string | null {
    if (this.cache.has(address)) return this.cache.get(address) ?? null
    this.cache.set(address, null)
    const tf = this.byAddress.get(address) ?? this.byAddress.get(`${address}[0]`)
    const id = tf ? this.build(tf) : null
    this.cache.set(address, id)
    return id
  }

  private build(tf: TfChange): string | null {
    const values = tf.after ?? tf.before ?? {}
    const known = str(values.id) ?? (tf.actions.includes('create') ? null : str(tf.before?.id))
    if (known) return known
    const child = this.childId(tf, values)
    if (child) return child
    const base = this.base(values)
    const name = str(values.name)
    if (!base || !name) return null
    switch (tf.type) {
      case 'azurerm_key_vault':
        return `${base}/providers/Microsoft.KeyVault/vaults/${name}`
      case 'azurerm_key_vault_managed_hardware_security_module':
        return `${base}/providers/Microsoft.KeyVault/managedHSMs/${name}`
      case 'azurerm_private_endpoint':
        return `${base}/providers/Microsoft.Network/privateEndpoints/${name}`
      case 'azurerm_private_dns_zone':
        return `${base}/providers/Microsoft.Network/privateDnsZones/${name}`
      case 'azurerm_virtual_network':
        return `${base}/providers/Microsoft.Network/virtualNetworks/${name}`
      case 'azurerm_subnet': {
        const vnet = str(values.virtual_network_name)
        return vnet
          ? `${base}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${name}`
          : null
      }
      case 'azurerm_private_dns_zone_virtual_network_link': {
        const zone = str(values.private_dns_zone_name)
        return zone
          ? `${base}/providers/Microsoft.Network/privateDnsZones/${zone}/virtualNetworkLinks/${name}`
          : null
      }
      case 'azurerm_private_dns_a_record': {
        const zone = str(values.zone_name)
        return zone ? `${base}/providers/Microsoft.Network/privateDnsZones/${zone}/A/${name}` : null
      }
      case 'azurerm_virtual_network_peering': {
        const vnet = str(values.virtual_network_name)
        return vnet
          ? `${base}/providers/Microsoft.Network/virtualNetworks/${vnet}/virtualNetworkPeerings/${name}`
          : null
      }
      case 'azurerm_private_dns_resolver':
        return `${base}/providers/Microsoft.Network/dnsResolvers/${name}`
      case 'azurerm_private_dns_resolver_dns_forwarding_ruleset':
        return `${base}/providers/Microsoft.Network/dnsForwardingRulesets/${name}`
    }
    return null
  }

  /** Children whose ID is their parent's (`private_dns_resolver_id`, ...) plus their name. */
  private childId(tf: TfChange, values: Json): string | null {
    const name = str(values.name) ?? 'default'
    const x = tf.expressions
    switch (tf.type) {
      case 'azurerm_virtual_network_dns_servers': {
        // azurerm's ID for it; the change applies to the VNet it names.
        const vnet = this.refId(values.virtual_network_id, x.virtual_network_id)
        return vnet ? `${vnet}/dnsServers/default` : null
      }
      case 'azurerm_private_dns_resolver_inbound_endpoint': {
        const resolver = this.refId(values.private_dns_resolver_id, x.private_dns_resolver_id)
        return resolver ? `${resolver}/inboundEndpoints/${name}` : null
      }
      case 'azurerm_private_dns_resolver_forwarding_rule': {
        const ruleset = this.refId(values.dns_forwarding_ruleset_id, x.dns_forwarding_ruleset_id)
        return ruleset ? `${ruleset}/forwardingRules/${name}` : null
      }
      case 'azurerm_private_dns_resolver_virtual_network_link': {
        const ruleset = this.refId(values.dns_forwarding_ruleset_id, x.dns_forwarding_ruleset_id)
        return ruleset ? `${ruleset}/virtualNetworkLinks/${name}` : null
      }
    }
    return null
  }

  /**
   * `ip-of:<ID>` for each private endpoint or inbound endpoint an attribute known only after
   * apply refers to (`azurerm_private_dns_resolver_inbound_endpoint.hub.ip_configurations[0].private_ip_address`).
   */
  private ipRefs(expression: unknown, types = IP_HOLDERS): string[] {
    const found: string[] = []
    for (const ref of strings(obj(expression).references)) {
      const m = /^((?:module\.[^.]+\.)*([a-z0-9_]+)\.[^.[]+(?:\[[^\]]*\])?)\./.exec(ref)
      if (!m?.[1] || !m[2] || !types.includes(m[2])) continue
      const id = this.idOf(m[1])
      if (id && !found.includes(`${IP_OF}${id}`)) found.push(`${IP_OF}${id}`)
    }
    return found
  }

  /**
   * A list of IPs (`dns_servers`, `records`): the known ones, `ip-of:` for those known after apply
   * that name an endpoint's IP, and `known-after-apply:<attribute>` when that does not account for
   * every unknown element.
   */
  private ipList(
    value: unknown,
    unknown: unknown,
    expression: unknown,
    attribute: string,
    types = IP_HOLDERS
  ): string[] {
    const known = strings(value)
    const missing = unknownCount(unknown)
    if (missing === 0) return known
    const refs = this.ipRefs(expression, types)
    return this.explained(refs, missing, expression, types)
      ? [...known, ...refs]
      : [...known, ...refs, `${KNOWN_AFTER_APPLY}${attribute}`]
  }

  /**
   * Whether endpoints' IPs are all an unknown value can be: at least one per unknown element, and
   * nothing else referred to but input variables (known when the plan is made).
   */
  private explained(
    refs: string[],
    missing: number,
    expression: unknown,
    types: string[]
  ): boolean {
    if (refs.length < missing) return false
    return strings(obj(expression).references).every((ref) => {
      const type = /^(?:module\.[^.]+\.)*([a-z0-9_]+)\./.exec(ref)?.[1]
      return KNOWN_AT_PLAN.test(ref) || (type !== undefined && types.includes(type))
    })
  }

  /**
   * An attribute's value after apply: as the plan says when known, else the ID of the resource
   * its expression refers to (`<address>.id`), else null.
   */
  private refId(value: unknown, expression: unknown): string | null {
    const known = str(value)
    if (known) return known
    for (const ref of strings(obj(expression).references)) {
      const m = /^(.*)\.id$/.exec(ref)
      if (m?.[1]) {
        const id = this.idOf(m[1]) ?? this.idOfAny(m[1])
        if (id) return id
      }
    }
    return null
  }

  /** For `azurerm_subnet.x`: resources not in resource_changes are not known. */
  private idOfAny(address: string): string | null {
    return this.idOf(address.replace(/\[[^\]]*\]$/, ''))
  }

  map(tf: TfChange, action: PlanAction): PlannedChange[] {
    const id = this.idOf(tf.address)
    if (!id) return []
    if (action === 'delete') {
      return [this.change(tf, action, id, null, typeOf(tf.type))]
    }
    const a = tf.after ?? {}
    const x = tf.expressions
    switch (tf.type) {
      case 'azurerm_key_vault':
      case 'azurerm_key_vault_managed_hardware_security_module': {
        const acls = block(a.network_acls)
        const properties: Json = {
          publicNetworkAccess: a.public_network_access_enabled === false ? 'Disabled' : 'Enabled'
        }
        if (acls) {
          properties.networkAcls = {
            bypass: str(acls.bypass),
            defaultAction: str(acls.default_action),
            ipRules: strings(acls.ip_rules).map((value) => ({ value })),
            virtualNetworkRules: strings(acls.virtual_network_subnet_ids).map((rule) => ({
              id: rule
            }))
          }
        }
        return [
          this.change(
            tf,
            action,
            id,
            { name: str(a.name), location: str(a.location), properties },
            typeOf(tf.type)
          )
        ]
      }
      case 'azurerm_private_endpoint':
        return this.privateEndpoint(tf, action, id)
      case 'azurerm_private_dns_zone':
        return [
          this.change(
            tf,
            action,
            id,
            { name: str(a.name), properties: {} },
            'Microsoft.Network/privateDnsZones'
          )
        ]
      case 'azurerm_private_dns_zone_virtual_network_link': {
        // A VNet no reference names (another module's new VNet): a link to some VNet, not to none.
        const vnet =
          this.refId(a.virtual_network_id, x.virtual_network_id) ??
          (isUnknown(obj(tf.unknown).virtual_network_id)
            ? `${KNOWN_AFTER_APPLY}${tf.address}.virtual_network_id`
            : null)
        const properties: Json = {
          virtualNetwork: vnet ? { id: vnet } : undefined,
          registrationEnabled: a.registration_enabled === true
        }
        const policy = str(a.resolution_policy)
        if (policy) properties.resolutionPolicy = policy
        return [
          this.change(
            tf,
            action,
            id,
            { name: str(a.name), properties },
            'Microsoft.Network/privateDnsZones/virtualNetworkLinks'
          )
        ]
      }
      case 'azurerm_private_dns_a_record': {
        // Records only known at apply: a private endpoint's IP, when that is what they name.
        const records = this.ipList(
          a.records,
          obj(tf.unknown).records,
          x.records,
          `${tf.address}.records`,
          ['azurerm_private_endpoint']
        )
        return [
          this.change(
            tf,
            action,
            id,
            {
              name: str(a.name),
              properties: {
                ttl: typeof a.ttl === 'number' ? a.ttl : null,
                aRecords: records.map((ipv4Address) => ({ ipv4Address }))
              }
            },
            'Microsoft.Network/privateDnsZones/A'
          )
        ]
      }
      case 'azurerm_virtual_network': {
        const properties: Json = { addressSpace: { addressPrefixes: strings(a.address_space) } }
        // Left unset, dns_servers is unknown too (Optional and Computed) but means Azure-provided
        // DNS, or what a separate azurerm_virtual_network_dns_servers sets: only a value the
        // configuration gives is one to wait for.
        const servers = this.ipList(
          a.dns_servers,
          x.dns_servers === undefined ? undefined : obj(tf.unknown).dns_servers,
          x.dns_servers,
          `${tf.address}.dns_servers`
        )
        if (servers.length > 0) properties.dhcpOptions = { dnsServers: servers }
        return [
          this.change(
            tf,
            action,
            id,
            { name: str(a.name), location: str(a.location), properties },
            'Microsoft.Network/virtualNetworks'
          )
        ]
      }
      case 'azurerm_virtual_network_dns_servers': {
        const vnet = this.refId(a.virtual_network_id, x.virtual_network_id)
        if (!vnet) return []
        return [
          {
            action: 'modify',
            id: vnet,
            type: 'Microsoft.Network/virtualNetworks',
            after: {
              id: vnet,
              type: 'Microsoft.Network/virtualNetworks',
              properties: {
                dhcpOptions: {
                  dnsServers: this.ipList(
                    a.dns_servers,
                    obj(tf.unknown).dns_servers,
                    x.dns_servers,
                    `${tf.address}.dns_servers`
                  )
                }
              }
            },
            source: tf.address,
            partial: true
          }
        ]
      }
      case 'azurerm_virtual_network_peering': {
        // A remote VNet no reference names (another module's new VNet): peered with some VNet.
        const remote =
          this.refId(a.remote_virtual_network_id, x.remote_virtual_network_id) ??
          (isUnknown(obj(tf.unknown).remote_virtual_network_id)
            ? `${KNOWN_AFTER_APPLY}${tf.address}.remote_virtual_network_id`
            : null)
        return [
          this.change(
            tf,
            action,
            id,
            {
              name: str(a.name),
              properties: {
                remoteVirtualNetwork: remote ? { id: remote } : undefined,
                allowVirtualNetworkAccess: a.allow_virtual_network_access !== false,
                allowForwardedTraffic: a.allow_forwarded_traffic === true,
                allowGatewayTransit: a.allow_gateway_transit === true,
                useRemoteGateways: a.use_remote_gateways === true
              }
            },
            'Microsoft.Network/virtualNetworks/virtualNetworkPeerings'
          )
        ]
      }
      case 'azurerm_private_dns_resolver': {
        const vnet = this.refId(a.virtual_network_id, x.virtual_network_id)
        return [
          this.change(
            tf,
            action,
            id,
            {
              name: str(a.name),
              location: str(a.location),
              properties: { virtualNetwork: vnet ? { id: vnet } : undefined }
            },
            'Microsoft.Network/dnsResolvers'
          )
        ]
      }
      case 'azurerm_private_dns_resolver_inbound_endpoint': {
        const configsX = Array.isArray(x.ip_configurations) ? x.ip_configurations : []
        const configs = (Array.isArray(a.ip_configurations) ? a.ip_configurations : []).map(
          (c, i) => {
            const config = obj(c)
            const subnet = this.refId(config.subnet_id, obj(configsX[i]).subnet_id)
            return {
              // Unknown for a Dynamic address: Azure assigns it at apply.
              privateIpAddress: str(config.private_ip_address) ?? undefined,
              privateIpAllocationMethod: str(config.private_ip_allocation_method) ?? 'Dynamic',
              subnet: subnet ? { id: subnet } : undefined
            }
          }
        )
        return [
          this.change(
            tf,
            action,
            id,
            {
              name: str(a.name),
              location: str(a.location),
              properties: { ipConfigurations: configs }
            },
            'Microsoft.Network/dnsResolvers/inboundEndpoints'
          )
        ]
      }
      case 'azurerm_private_dns_resolver_dns_forwarding_ruleset':
        return [
          this.change(
            tf,
            action,
            id,
            {
              name: str(a.name),
              location: str(a.location),
              properties: {
                dnsResolverOutboundEndpoints: strings(
                  a.private_dns_resolver_outbound_endpoint_ids
                ).map((endpoint) => ({ id: endpoint }))
              }
            },
            'Microsoft.Network/dnsForwardingRulesets'
          )
        ]
      case 'azurerm_private_dns_resolver_forwarding_rule': {
        const targetsX = Array.isArray(x.target_dns_servers) ? x.target_dns_servers : []
        const targetsU = obj(tf.unknown).target_dns_servers
        const listed = Array.isArray(a.target_dns_servers) ? a.target_dns_servers : []
        // A dynamic block over a value known after apply: not even the number of targets is known.
        const blocks = listed.length === 0 && isUnknown(targetsU) ? [{}] : listed
        const targets = blocks.flatMap((t, i) => {
          const target = obj(t)
          const port = typeof target.port === 'number' && target.port > 0 ? target.port : 53
          const ip = str(target.ip_address)
          const ips = ip
            ? [ip]
            : this.ipList(
                [],
                true,
                obj(targetsX[i]).ip_address,
                `${tf.address}.target_dns_servers[${i}].ip_address`
              )
          return ips.map((ipAddress) => ({ ipAddress, port }))
        })
        return [
          this.change(
            tf,
            action,
            id,
            {
              name: str(a.name),
              properties: {
                domainName: str(a.domain_name),
                // `enabled` defaults to true.
                forwardingRuleState: a.enabled === false ? 'Disabled' : 'Enabled',
                targetDnsServers: targets
              }
            },
            'Microsoft.Network/dnsForwardingRulesets/forwardingRules'
          )
        ]
      }
      case 'azurerm_private_dns_resolver_virtual_network_link': {
        const vnet = this.refId(a.virtual_network_id, x.virtual_network_id)
        return [
          this.change(
            tf,
            action,
            id,
            { name: str(a.name), properties: { virtualNetwork: vnet ? { id: vnet } : undefined } },
            'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks'
          )
        ]
      }
    }
    return []
  }

  private privateEndpoint(tf: TfChange, action: PlanAction, id: string): PlannedChange[] {
    const a = tf.after ?? {}
    const x = tf.expressions
    const connection = block(a.private_service_connection) ?? {}
    const connectionX = block(x.private_service_connection) ?? {}
    const target = this.refId(
      connection.private_connection_resource_id,
      connectionX.private_connection_resource_id
    )
    const subnet = this.refId(a.subnet_id, x.subnet_id)
    const link = {
      name: str(connection.name),
      properties: {
        privateLinkServiceId: target,
        groupIds: strings(connection.subresource_names).map((g) => g.toLowerCase()),
        ...(str(connection.request_message)
          ? { requestMessage: str(connection.request_message) }
          : {})
      }
    }
    const manual = connection.is_manual_connection === true
    const properties: Json = {
      subnet: subnet ? { id: subnet } : undefined,
      privateLinkServiceConnections: manual ? [] : [link],
      manualPrivateLinkServiceConnections: manual ? [link] : [],
      ipConfigurations: (Array.isArray(a.ip_configuration) ? a.ip_configuration : []).map((c) => ({
        name: str(obj(c).name),
        properties: {
          privateIPAddress: str(obj(c).private_ip_address),
          groupId: str(obj(c).subresource_name),
          memberName: str(obj(c).member_name)
        }
      }))
    }
    const changes: PlannedChange[] = [
      this.change(
        tf,
        action,
        id,
        { name: str(a.name), location: str(a.location), properties },
        'Microsoft.Network/privateEndpoints'
      )
    ]
    // The inline zone group is its own resource in ARM.
    const group = block(a.private_dns_zone_group)
    const groupX = block(x.private_dns_zone_group) ?? {}
    const before = block(tf.before?.private_dns_zone_group)
    if (group) {
      const name = str(group.name) ?? 'default'
      let zones = strings(group.private_dns_zone_ids)
      if (zones.length === 0) {
        zones = strings(obj(groupX.private_dns_zone_ids).references)
          .map((ref) => /^(.*)\.id$/.exec(ref)?.[1])
          .flatMap((address) => {
            const zone = address ? this.idOf(address) : null
            return zone ? [zone] : []
          })
      }
      changes.push({
        action: action === 'modify' && before ? 'modify' : 'create',
        id: `${id}/privateDnsZoneGroups/${name}`,
        type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
        after: {
          id: `${id}/privateDnsZoneGroups/${name}`,
          type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
          name,
          properties: {
            privateDnsZoneConfigs: zones.map((zone) => ({
              name: zone.split('/').pop(),
              properties: { privateDnsZoneId: zone }
            }))
          }
        },
        source: `${tf.address}.private_dns_zone_group`
      })
    } else if (before && action === 'modify') {
      const name = str(before.name) ?? 'default'
      changes.push({
        action: 'delete',
        id: `${id}/privateDnsZoneGroups/${name}`,
        type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
        after: null,
        source: `${tf.address}.private_dns_zone_group`
      })
    }
    return changes
  }

  private change(
    tf: TfChange,
    action: PlanAction,
    id: string,
    after: Json | null,
    type: string
  ): PlannedChange {
    return {
      action,
      id,
      type,
      after: after ? ({ ...after, id, type } as ArmResource) : null,
      source: tf.address
    }
  }
}

function typeOf(tfType: string): string {
  switch (tfType) {
    case 'azurerm_key_vault':
      return 'Microsoft.KeyVault/vaults'
    case 'azurerm_key_vault_managed_hardware_security_module':
      return 'Microsoft.KeyVault/managedHSMs'
    case 'azurerm_private_endpoint':
      return 'Microsoft.Network/privateEndpoints'
    case 'azurerm_private_dns_zone':
      return 'Microsoft.Network/privateDnsZones'
    case 'azurerm_private_dns_zone_virtual_network_link':
      return 'Microsoft.Network/privateDnsZones/virtualNetworkLinks'
    case 'azurerm_private_dns_a_record':
      return 'Microsoft.Network/privateDnsZones/A'
    case 'azurerm_virtual_network_peering':
      return 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings'
    case 'azurerm_private_dns_resolver':
      return 'Microsoft.Network/dnsResolvers'
    case 'azurerm_private_dns_resolver_inbound_endpoint':
      return 'Microsoft.Network/dnsResolvers/inboundEndpoints'
    case 'azurerm_private_dns_resolver_dns_forwarding_ruleset':
      return 'Microsoft.Network/dnsForwardingRulesets'
    case 'azurerm_private_dns_resolver_forwarding_rule':
      return 'Microsoft.Network/dnsForwardingRulesets/forwardingRules'
    case 'azurerm_private_dns_resolver_virtual_network_link':
      return 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks'
    default:
      return 'Microsoft.Network/virtualNetworks'
  }
}
