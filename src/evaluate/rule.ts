/**
 * A rule, defined once: its ID, default severity, title, the guide section it automates, what it
 * reads (so that "not run" follows from a failed read), and its check. The catalogue, the docs
 * table and the rule families are derived from these definitions (see rules/index.ts).
 *
 * A check does not name its rule when it reports: the engine hands it an `Outcomes` bound to the
 * rule, so a finding can only ever carry the ID and the catalogue severity of the rule that made it.
 */
import type { ReadFailure, Snapshot } from '../collect/snapshot.js'
import type { RuleOptions } from '../inputs/inputs.js'
import type { RunModel, TargetModel } from '../model/model.js'
import type { TargetKind } from '../common/target.js'
import type { ProbeRun, VaultProbe } from '../probe/result.js'
import type { RuleId } from './catalog.js'
import type { Finding, Severity } from './finding.js'

const GUIDE = 'https://learn.microsoft.com/azure/key-vault/general/private-link-diagnostics'

export const GUIDE_SECTIONS = {
  reading: `${GUIDE}`,
  connection: `${GUIDE}#2-confirm-that-the-connection-is-approved-and-succeeded`,
  firewall: `${GUIDE}#3-confirm-that-the-key-vault-firewall-is-properly-configured`,
  privateIp: `${GUIDE}#4-make-sure-the-key-vault-has-a-private-ip-address`,
  dnsResolution: `${GUIDE}#5-validate-the-dns-resolution`,
  privateZone: `${GUIDE}#6-validate-the-private-dns-zone`,
  healthStatus: `${GUIDE}#7-validate-that-requests-to-key-vault-use-private-link`,
  other: `${GUIDE}#8-other-changes-and-customizations-that-cause-impact`
} as const

export type Section = keyof typeof GUIDE_SECTIONS

/** The reads a check depends on. A failed read of one of these keeps the check from running. */
export type Read =
  | 'vault'
  | 'discovery'
  | 'private-endpoint'
  | 'network-interface'
  | 'dns-zone-group'
  | 'zone-search'
  | 'zone-links'
  | 'zone-records'
  | 'virtual-network'
  /** VNet, resolver and ruleset listings of the DNS path. */
  | 'dns-path'
  | 'probe'

/** What a check says about one resource; the engine adds rule, severity, vault and docs. */
export interface Draft {
  resource: string
  message: string
  observed: string
  expected: string
  fix?: string | null
  /** Run-scope rules only: the vault the finding is about (null: none). */
  vault?: string | null
  /** ACCESS-DENIED / ARM-ERROR: the checks the failed read kept from running. */
  notRun?: string[]
  /** ACCESS-DENIED / ARM-ERROR: the vaults whose checks it kept from running. */
  affectedVaults?: string[]
  /** DNS-path checks: the VNets that must resolve the target that the finding is about. */
  clients?: string[]
}

/** What a check reports under, when no client VNets are named. */
const NO_CLIENTS: string[] = []

/**
 * Where a check reports, bound to one rule and the target it runs for. Each outcome becomes its
 * finding as it is reported (rule, severity, vault and docs filled in here): at 2,000 vaults that
 * is 46,000 findings, and every intermediate copy of one is garbage to collect.
 */
export class Outcomes {
  constructor(
    private readonly rule: RuleDefinition,
    /** The vault a finding is about unless its draft says (run-scope rules: null). */
    private readonly vault: string | null,
    /** Where the findings go, in the order they are reported. */
    readonly findings: Finding[] = [],
    /** The reads that kept the check from (fully) running. */
    readonly blocked: ReadFailure[] = [],
    private readonly clients: string[] = NO_CLIENTS
  ) {}

  /**
   * The same outcomes, each finding marked with the VNets that must resolve the target it is
   * about (the summary says per client whether it resolves privately).
   */
  forClients(...clients: string[]): Outcomes {
    return new Outcomes(this.rule, this.vault, this.findings, this.blocked, clients)
  }

  /** A problem (or an info) at the rule's catalogue severity. */
  finding(draft: Draft): void {
    this.add(this.rule.severity, draft, draft.message, draft.fix ?? null)
  }

  /** The check held. */
  pass(draft: Omit<Draft, 'fix'>): void {
    this.add('pass', draft, draft.message, null)
  }

  /**
   * The check could not be verified (the contract: a warning whose message begins
   * `Not verified:`); the fix says how to verify it by hand.
   */
  notVerified(draft: Draft): void {
    this.add('warning', draft, `Not verified: ${draft.message}`, draft.fix ?? null)
  }

  /** The check could not run because these reads failed. */
  notRun(...failures: (ReadFailure | null | undefined)[]): void {
    for (const failure of failures) if (failure) this.blocked.push(failure)
  }

  private add(
    severity: Severity,
    draft: Omit<Draft, 'fix'>,
    message: string,
    fix: string | null
  ): void {
    // The report's field order: the JSON report writes findings as they are built.
    const finding: Finding = {
      rule: this.rule.id as RuleId,
      severity,
      vault: draft.vault === undefined ? this.vault : draft.vault,
      resource: draft.resource,
      message,
      observed: draft.observed,
      expected: draft.expected,
      fix,
      docs: GUIDE_SECTIONS[this.rule.section]
    }
    if (draft.notRun) finding.notRun = draft.notRun as RuleId[]
    if (draft.affectedVaults) finding.affectedVaults = draft.affectedVaults
    const clients = this.clients.length > 0 ? this.clients : draft.clients
    if (clients) finding.clients = clients
    this.findings.push(finding)
  }
}

export interface TargetContext {
  snapshot: Snapshot
  model: TargetModel
  options: RuleOptions
  /** With `probe: inside`: this runner's own VNet(s), client VNets of the run. */
  runnerVnets?: string[]
}

export interface ProbeContext extends TargetContext {
  probe: VaultProbe
  run: ProbeRun
}

export interface RunContext {
  snapshot: Snapshot
  run: RunModel
  options: RuleOptions
  /** The rules (catalogue order) that `failure` kept from running, and for which vaults. */
  blockedBy(failure: ReadFailure): { rules: string[]; vaults: string[] }
  /** The rules a failed read of the whole target (the vault itself) keeps from running. */
  targetRules: string[]
}

interface Metadata<Id extends string> {
  id: Id
  severity: Severity
  title: string
  /** One line for the docs' summary table (docs/rules.md is checked against it). */
  summary: string
  section: Section
  needs: readonly Read[]
  /** Kinds the rule applies to; default both. */
  kinds?: readonly TargetKind[]
}

export interface TargetRule<Id extends string = string> extends Metadata<Id> {
  scope: 'target'
  check(ctx: TargetContext, out: Outcomes): void
}

export interface ProbeRule<Id extends string = string> extends Metadata<Id> {
  scope: 'probe'
  /** The probe modes the rule runs in. */
  modes: readonly ('inside' | 'outside')[]
  check(ctx: ProbeContext, out: Outcomes): void
}

export interface RunRule<Id extends string = string> extends Metadata<Id> {
  scope: 'run'
  check(ctx: RunContext, out: Outcomes): void
}

export type RuleDefinition<Id extends string = string> =
  TargetRule<Id> | ProbeRule<Id> | RunRule<Id>

/** Identity function that keeps the literal ID, so the catalogue's ID type is derived. */
export function defineRule<const Id extends string>(rule: TargetRule<Id>): TargetRule<Id>
export function defineRule<const Id extends string>(rule: ProbeRule<Id>): ProbeRule<Id>
export function defineRule<const Id extends string>(rule: RunRule<Id>): RunRule<Id>
export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule
}

/**
 * An analysis several rules share (e.g. which zone serves each VNet), computed once per target:
 * the rules each take their part of it.
 */
export function perTarget<C extends TargetContext, T>(compute: (ctx: C) => T): (ctx: C) => T {
  const cache = new WeakMap<TargetModel, { value: T }>()
  return (ctx) => {
    let hit = cache.get(ctx.model)
    if (!hit) cache.set(ctx.model, (hit = { value: compute(ctx) }))
    return hit.value
  }
}
