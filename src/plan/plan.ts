/**
 * A proposed change (a Terraform plan or an ARM what-if), reduced to what the action applies to a
 * snapshot: one entry per resource of a type it understands, with the resource as ARM would return
 * it after apply. Both formats end up here, so the snapshot is changed by one piece of code.
 */

export type PlanFormat = 'terraform' | 'what-if'

/** `replace`: deleted and created again (Terraform), so read-only values are new and unknown. */
export type PlanAction = 'create' | 'modify' | 'delete' | 'replace'

/** A resource as ARM JSON (`id`, `name`, `type`, `properties`, ...), as a GET would return it. */
export type ArmResource = Record<string, unknown> & {
  id: string
  type: string
  name?: string
  properties?: Record<string, unknown>
}

export interface PlannedChange {
  action: PlanAction
  /** ARM resource ID (case as the plan spelled it). */
  id: string
  /** ARM resource type, e.g. `Microsoft.Network/privateEndpoints`. */
  type: string
  /** The resource after apply; null for `delete`. */
  after: ArmResource | null
  /**
   * The resource as the plan says it is now (what-if `before`, Terraform `before`), in the same
   * ARM shape; null for `create` or where the plan does not say. Only scope.ts reads it: a deleted
   * or replaced endpoint names its vault only here.
   */
  before?: ArmResource | null
  /** Where in the plan it came from: a what-if `resourceId` or a Terraform address. */
  source: string
  /** Only the properties given change (azurerm_virtual_network_dns_servers on a VNet). */
  partial?: boolean
}

export interface Plan {
  format: PlanFormat
  /** The `plan` input as given (relative to the workspace). */
  path: string
  /** Changes of understood types, in plan order (no-ops left out). */
  changes: PlannedChange[]
  /** How many changes were of types the action does not read (for the log). */
  ignored: number
  /** Types of the ignored changes, for the log. */
  ignoredTypes: string[]
}

/** The ARM types a plan may change that the snapshot holds. */
export const UNDERSTOOD_TYPES = [
  'Microsoft.KeyVault/vaults',
  'Microsoft.KeyVault/managedHSMs',
  'Microsoft.KeyVault/vaults/privateEndpointConnections',
  'Microsoft.KeyVault/managedHSMs/privateEndpointConnections',
  'Microsoft.Network/privateEndpoints',
  'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
  'Microsoft.Network/privateDnsZones',
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  'Microsoft.Network/privateDnsZones/A',
  'Microsoft.Network/virtualNetworks',
  'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  'Microsoft.Network/dnsResolvers',
  'Microsoft.Network/dnsResolvers/inboundEndpoints',
  'Microsoft.Network/dnsForwardingRulesets',
  'Microsoft.Network/dnsForwardingRulesets/forwardingRules',
  'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks'
] as const

export function understoodType(type: string): string | null {
  return UNDERSTOOD_TYPES.find((known) => known.toLowerCase() === type.toLowerCase()) ?? null
}

/** A problem with the plan file: the message completes "Input 'plan' is '<path>': ...". */
export class PlanError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlanError'
  }
}

/** A JSON object of a plan file (not an array, not null). */
export type Json = Record<string, unknown>

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
