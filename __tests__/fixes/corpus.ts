// Every fix the built action writes, gathered by running dist/index.js over each emulator estate
// (plus the reads that fail, for the reading rules' fixes) and over the probe scenarios that give
// a fix, each in its own network namespace. The commands in a sign-in error are taken as well:
// they are fixes too, only printed before there is a report.
import healthyEstate, { SUBSCRIPTION_ID, VAULT_RG } from '../../emulator/estates/healthy.js'
import everyRuleEstate from '../../emulator/estates/every-rule.js'
import hubSpokeEstate, {
  HUB_DNS_RG,
  HUB_SUBSCRIPTION_ID,
  VAULT_IP,
  VAULT_NAME
} from '../../emulator/estates/hub-spoke.js'
import hsmEstate, {
  HUB_SUBSCRIPTION_ID as HSM_HUB_SUBSCRIPTION_ID
} from '../../emulator/estates/hsm.js'
import clientsEstate, {
  clientVnetsInput,
  SECOND_SUBSCRIPTION_ID
} from '../../emulator/estates/clients.js'
import sampleEstate from '../../emulator/estates/sample.js'
import scaleEstate from '../../emulator/estates/scale.js'
import { privateDnsZoneGroup } from '../../emulator/estate.js'
import { runAgainst, startEmulator } from '../e2e/harness.js'
import { namespaceReason, runScenario } from '../probe/namespace.js'
import type { Finding } from '../../src/evaluate/finding.js'
import { mapLimit } from './azure-cli.js'

type Estate = ReturnType<typeof healthyEstate>

interface EstateRun {
  name: string
  /** The emulator/estates file it starts from. */
  file: 'clients' | 'every-rule' | 'healthy' | 'hsm' | 'hub-spoke' | 'sample' | 'scale'
  estate: () => Estate
  faults?: { match: string; status: number }[]
  inputs?: Record<string, string>
  pageSize?: number
}

/** Where a fix came from, for messages: `every-rule: PE-NONE@kv-pe-none`. */
export interface FixSource {
  fix: string
  from: string
}

const ZONE = 'privatelink.vaultcore.azure.net'

function zoneId(subscription: string, group: string): string {
  return `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Network/privateDnsZones/${ZONE}`
}

/** A 400 is not retried, so a failing read costs no backoff. */
const fail = (match: string): { match: string; status: number } => ({ match, status: 400 })

const ESTATE_RUNS: EstateRun[] = [
  { name: 'every-rule', file: 'every-rule', estate: everyRuleEstate, pageSize: 5 },
  { name: 'healthy', file: 'healthy', estate: healthyEstate },
  { name: 'hub-spoke', file: 'hub-spoke', estate: hubSpokeEstate },
  // Managed HSMs, each broken a different way (their zone in a hub subscription), and without the
  // hub searched, so that DNS-ZONE-MISSING names the HSM zone too.
  {
    name: 'hsm',
    file: 'hsm',
    estate: hsmEstate,
    inputs: { 'dns-zone-scopes': `/subscriptions/${HSM_HUB_SUBSCRIPTION_ID}` }
  },
  { name: 'hsm, hub not searched', file: 'hsm', estate: hsmEstate },
  { name: 'sample', file: 'sample', estate: sampleEstate },
  // One vault of each broken kind scale.js knows (i % 10).
  { name: 'scale', file: 'scale', estate: () => scaleEstate({ vaults: 10, broken: true }) },
  // ARM-ERROR's "read it again" command for each kind of read.
  {
    name: 'healthy, failing reads of a PE, a NIC, zone groups, the VNet, zone links and records',
    file: 'healthy',
    estate: healthyEstate,
    faults: [
      fail('privateEndpoints/pe-kv-payments-prod?'),
      fail('networkInterfaces/pe-kv-orders-prod.nic'),
      fail('pe-kv-orders-prod/privateDnsZoneGroups'),
      // The VNet comes from its subscription's listing; when that fails, from a GET of its own.
      fail('providers/Microsoft.Network/virtualNetworks?'),
      fail('virtualNetworks/vnet-app-prod?'),
      fail('/virtualNetworkLinks?'),
      fail('/A?')
    ]
  },
  // Client VNets and the DNS path: every scenario with its client VNets named.
  ...(
    [
      'spoke-unlinked',
      'resolver-unlinked',
      'ruleset-onprem',
      'ruleset-loop',
      'second-zone',
      'peering-initiated',
      'not-peered'
    ] as const
  ).map((scenario): EstateRun => ({
    name: `clients ${scenario}`,
    file: 'clients',
    estate: () => clientsEstate(scenario),
    inputs: {
      'client-vnets': clientVnetsInput(scenario),
      ...(scenario === 'second-zone' ? { 'dns-zone-scopes': SECOND_SUBSCRIPTION_ID } : {})
    }
  })),
  {
    name: 'clients, failing reads of the resolvers, the rulesets, their rules and links',
    file: 'clients',
    estate: () => clientsEstate('ruleset-onprem'),
    faults: [
      fail('providers/Microsoft.Network/dnsResolvers?'),
      fail('/forwardingRules?'),
      fail('/virtualNetworkLinks?')
    ]
  },
  {
    name: 'healthy, failing zone listing',
    file: 'healthy',
    estate: healthyEstate,
    faults: [fail('providers/Microsoft.Network/privateDnsZones?')]
  },
  {
    name: 'healthy, named vaults: one denied, one failing, one missing',
    file: 'healthy',
    estate: () => {
      const estate = healthyEstate()
      estate.deny = [
        {
          scope: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${VAULT_RG}/providers/Microsoft.Network/privateEndpoints/pe-kv-payments-prod`
        }
      ]
      return estate
    },
    faults: [fail('vaults/kv-orders-prod?')],
    inputs: { vaults: 'kv-payments-prod, kv-orders-prod, kv-ghost', 'resource-group': VAULT_RG }
  },
  {
    name: 'healthy, a resource group that does not exist',
    file: 'healthy',
    estate: healthyEstate,
    inputs: { 'resource-group': 'rg-ghost' }
  },
  {
    name: 'healthy, federated credential for another subject',
    file: 'healthy',
    estate: () => {
      const estate = healthyEstate()
      estate.identity.subject = 'repo:contoso/infra:ref:refs/heads/main'
      estate.github = { subject: 'repo:contoso/infra:pull_request' }
      return estate
    }
  },
  {
    // A zone group naming the hub's zone, outside the searched scopes: the zone is read by ID.
    name: 'hub-spoke, failing read of the zone a zone group names',
    file: 'hub-spoke',
    estate: () => {
      const estate = hubSpokeEstate()
      const pe = estate.resources.find(
        (r: { type: string }) => r.type === 'Microsoft.Network/privateEndpoints'
      )
      estate.resources.push(
        privateDnsZoneGroup({
          peId: pe.id,
          zones: [
            {
              zoneId: zoneId(HUB_SUBSCRIPTION_ID, HUB_DNS_RG),
              recordSets: [{ recordSetName: VAULT_NAME, ipAddresses: [VAULT_IP] }]
            }
          ]
        })
      )
      return estate
    },
    faults: [fail(`GET ${zoneId(HUB_SUBSCRIPTION_ID, HUB_DNS_RG)}?`)]
  }
]

/** The estate files the runs start from. */
export const ESTATE_FILES: readonly string[] = [...new Set(ESTATE_RUNS.map((r) => r.file))]

/**
 * The probe scenarios (__tests__/probe/fixtures/scenarios.mjs) with a fix of their own kind.
 * Left out for time (each costs a namespace, an emulator and a run): nxdomain and wrong-ip, whose
 * fixes come from the record-set builders the DNS rules already fill.
 */
export const PROBE_SCENARIOS = [
  'no-alias',
  'public-ip',
  'ip-diverges',
  'hosts-override',
  'refused',
  'wrong-cert',
  'no-header',
  'firewall',
  'proxy',
  'outside-open'
]

/** Errors and warnings of the runs that came without a fix (the contract wants one on each). */
export const WITHOUT_FIX: string[] = []

function fromFindings(list: Finding[], run: string): FixSource[] {
  for (const f of list) {
    if ((f.severity === 'error' || f.severity === 'warning') && !f.fix?.trim())
      WITHOUT_FIX.push(`${run}: ${f.rule}@${f.vault ?? '-'} (${f.severity})`)
  }
  return list
    .filter((f) => f.fix)
    .map((f) => ({ fix: f.fix as string, from: `${run}: ${f.rule}@${f.vault ?? '-'}` }))
}

/** `az …` at the end of the `::error::` lines of a run that stopped before it had a report. */
function fromErrors(stdout: string, run: string): FixSource[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .flatMap((l) => {
      const at = l.search(/(?<=\s)az [a-z]/)
      return at < 0 ? [] : [{ fix: l.slice(at), from: `${run}: sign-in error` }]
    })
}

async function estateFixes(spec: EstateRun): Promise<FixSource[]> {
  const emu = await startEmulator({
    estate: spec.estate(),
    faults: spec.faults ?? [],
    ...(spec.pageSize ? { pageSize: spec.pageSize } : {})
  })
  try {
    const run = await runAgainst(emu, spec.inputs ?? {})
    if (run.report) return fromFindings(run.report.findings as Finding[], spec.name)
    const fixes = fromErrors(run.stdout, spec.name)
    if (fixes.length === 0) {
      throw new Error(
        `${spec.name}: the action wrote no report (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`
      )
    }
    return fixes
  } finally {
    await emu.stop()
  }
}

async function scenarioFixes(name: string): Promise<FixSource[]> {
  const run = await runScenario(name)
  if (!run.report) throw new Error(`probe scenario ${name} wrote no report:\n${run.stderr}`)
  return fromFindings(run.report.findings, `probe ${name}`)
}

/** Every fix of every finding of every run, with where it came from. */
export async function collectFixes(concurrency: number): Promise<FixSource[]> {
  if (namespaceReason) throw new Error(`the probe scenarios cannot run: ${namespaceReason}`)
  const jobs: (() => Promise<FixSource[]>)[] = [
    ...ESTATE_RUNS.map((spec) => () => estateFixes(spec)),
    ...PROBE_SCENARIOS.map((name) => () => scenarioFixes(name))
  ]
  return (await mapLimit(jobs, concurrency, (job) => job())).flat()
}
