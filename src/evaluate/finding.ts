import type { RuleId } from './catalog.js'

export type Severity = 'error' | 'warning' | 'info' | 'pass'

/** One result of one check. Reporters print these as they are; they never re-decide them. */
export interface Finding {
  rule: RuleId
  severity: Severity
  /** Vault name, or null for findings tied to no single vault. */
  vault: string | null
  /** ARM ID of the resource at fault (or checked, for passes). */
  resource: string
  /** A sentence a person understands without the docs. */
  message: string
  observed: string
  expected: string
  /** A filled-in command (usually `az …`) that fixes it; null for passes and info without a fix. */
  fix: string | null
  /** Link to the guide section the rule automates. */
  docs: string
  /** For ACCESS-DENIED / ARM-ERROR: the rules that could not run because of it. */
  notRun?: RuleId[]
  /**
   * For ACCESS-DENIED / ARM-ERROR of a shared read (a zone's records, a VNet): the vaults whose
   * checks it kept from running. Such a vault is never `pass`.
   */
  affectedVaults?: string[]
  /** DNS-path checks: IDs of the VNets that must resolve the vault that the finding is about. */
  clients?: string[]
  /**
   * With `plan` (or `baseline`): whether the finding is one the change introduces (`new`) or was
   * there before (`unchanged`), matched on rule, vault and resource (src/compare).
   */
  change?: 'new' | 'unchanged'
}
