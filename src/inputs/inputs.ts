import type { Cloud } from './cloud.js'
import type { RuleId } from '../evaluate/catalog.js'
import type { TargetKind } from '../common/target.js'
import type { Plan } from '../plan/plan.js'
import type { Baseline } from '../compare/baseline.js'

/**
 * A vault the user named: by name (resolved in subscription/resource group, as a key vault first,
 * then as a managed HSM) or by full ID.
 */
export interface VaultRef {
  name: string
  subscriptionId: string
  /** null: look the name up across the subscription. */
  resourceGroup: string | null
  /** Set when the user gave a full resource ID. */
  id: string | null
  /** The kind a resource ID names; absent for a bare name (either kind). */
  kind?: TargetKind
  /**
   * Read only if it exists: a vault a plan brings in by an A record or an endpoint's connection,
   * which may outlive the vault. Not finding it is then no finding.
   */
  ifExists?: boolean
}

export type PublicNetworkAccessPolicy = 'disabled' | 'restricted' | 'any'
export type ProbeMode = 'inside' | 'outside' | 'off'
export type FailOn = 'error' | 'warning' | 'never'
export type ReportTarget = 'summary' | 'comment'
/** What `fail-on` counts: only findings the change introduces (`new`), or every finding. */
export type Gate = 'new' | 'all'

export interface Suppression {
  rule: RuleId
  /** null: every vault. */
  vault: string | null
}

/** Every input, parsed and validated. Built before any Azure call. */
export interface Inputs {
  auth: 'oidc' | 'default'
  clientId: string | null
  tenantId: string | null
  subscriptionId: string
  /** Empty: discover (resource group, else the whole subscription). */
  vaults: VaultRef[]
  resourceGroup: string | null
  /** `/subscriptions/<id>` or `/subscriptions/<id>/resourceGroups/<rg>`, normalised. */
  dnsZoneScopes: string[]
  /** `client-vnets`: full VNet IDs (see client-vnets.ts). */
  clientVnets: string[]
  /** `client-vnets` had `peered`. */
  clientVnetsPeered: boolean
  publicNetworkAccess: PublicNetworkAccessPolicy
  ttlMin: number
  ttlMax: number
  probe: ProbeMode
  /** `ip` or `ip:port` entries. */
  dnsServers: string[]
  probeTimeoutSeconds: number
  report: ReportTarget[]
  githubToken: string
  commentKey: string
  failOn: FailOn
  ignore: Suppression[]
  /** The proposed change to judge (`plan`), read and validated; null without one. */
  plan: Plan | null
  /** An earlier JSON report to compare with (`baseline`); null without one or when it is absent. */
  baseline: Baseline | null
  gate: Gate
  /** The cloud with `arm-endpoint` / `authority-host` overrides applied. */
  cloud: Cloud
}

/** Options that rules read (a subset of Inputs, so rules stay easy to unit-test). */
export interface RuleOptions {
  publicNetworkAccess: PublicNetworkAccessPolicy
  ttlMin: number
  ttlMax: number
  /** Who fixes for ACCESS-DENIED should grant a role to (the client ID), if known. */
  assignee: string | null
}
