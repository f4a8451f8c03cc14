/**
 * What a private-link target is: a key vault or a managed HSM. Everything that differs between the
 * two kinds (resource type, hostname, privatelink zone, PE group ID, CLI commands' nouns, the words
 * in messages) is looked up here, so the rules and the probe stay the same for both.
 */
export type TargetKind = 'vault' | 'managedHsm'

export interface TargetNames {
  kind: TargetKind
  /** For messages: `key vault`, `managed HSM`. */
  label: string
  /** The same at the start of a sentence: `Key vault`, `Managed HSM`. */
  Label: string
  /** Short, for running text after the first mention: `vault`, `HSM`. */
  short: string
  resourceType: string
  /** DNS suffix of the hostname, e.g. `vault.azure.net`. */
  hostSuffix: string
  /** The privatelink zone private endpoints of this kind register in. */
  zone: string
  /** The private endpoint's group ID (sub-resource). */
  groupId: string
}

type Cloud = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud'

const KINDS: Record<
  TargetKind,
  {
    label: string
    short: string
    resourceType: string
    groupId: string
    hostSuffix: Record<Cloud, string>
    zone: Record<Cloud, string>
  }
> = {
  vault: {
    label: 'key vault',
    short: 'vault',
    resourceType: 'Microsoft.KeyVault/vaults',
    groupId: 'vault',
    hostSuffix: {
      AzureCloud: 'vault.azure.net',
      AzureUSGovernment: 'vault.usgovcloudapi.net',
      AzureChinaCloud: 'vault.azure.cn'
    },
    zone: {
      AzureCloud: 'privatelink.vaultcore.azure.net',
      AzureUSGovernment: 'privatelink.vaultcore.usgovcloudapi.net',
      AzureChinaCloud: 'privatelink.vaultcore.azure.cn'
    }
  },
  managedHsm: {
    label: 'managed HSM',
    short: 'HSM',
    resourceType: 'Microsoft.KeyVault/managedHSMs',
    groupId: 'managedhsm',
    hostSuffix: {
      AzureCloud: 'managedhsm.azure.net',
      AzureUSGovernment: 'managedhsm.usgovcloudapi.net',
      AzureChinaCloud: 'managedhsm.azure.cn'
    },
    zone: {
      AzureCloud: 'privatelink.managedhsm.azure.net',
      AzureUSGovernment: 'privatelink.managedhsm.usgovcloudapi.net',
      AzureChinaCloud: 'privatelink.managedhsm.azure.cn'
    }
  }
}

export const TARGET_KINDS = Object.keys(KINDS) as TargetKind[]

function cloudOf(name: string): Cloud {
  return name === 'AzureUSGovernment' || name === 'AzureChinaCloud' ? name : 'AzureCloud'
}

/**
 * The names of a kind in a cloud. `overrides` carries what a snapshot recorded for key vaults
 * (the collector takes them from the `environment`), so older snapshots replay unchanged.
 */
export function targetNames(
  cloud: string,
  kind: TargetKind,
  overrides?: { hostSuffix: string; zone: string }
): TargetNames {
  const entry = KINDS[kind]
  const c = cloudOf(cloud)
  return {
    kind,
    label: entry.label,
    Label: entry.label.charAt(0).toUpperCase() + entry.label.slice(1),
    short: entry.short,
    resourceType: entry.resourceType,
    groupId: entry.groupId,
    hostSuffix: kind === 'vault' && overrides ? overrides.hostSuffix : entry.hostSuffix[c],
    zone: kind === 'vault' && overrides ? overrides.zone : entry.zone[c]
  }
}

/** A managed HSM's ID, or the listing of managed HSMs; any other ID is a key vault's. */
export const HSM_RESOURCE = /\/providers\/Microsoft\.KeyVault\/managedHSMs(\/|$)/i

/** The kind an ARM ID (or a listing's path) is about. */
export function kindOfResource(id: string): TargetKind {
  return HSM_RESOURCE.test(id) ? 'managedHsm' : 'vault'
}

/** Every privatelink zone name a run over `cloud` may need. */
export function privateLinkZones(cloud: string): string[] {
  return TARGET_KINDS.map((kind) => targetNames(cloud, kind).zone)
}
