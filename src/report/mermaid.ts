/**
 * A picture per vault: a Mermaid flowchart of what ARM said, vault → private endpoint(s) →
 * subnet/VNet ← link ← zone → A record (IP, TTL). Nodes and edges whose resource an error or
 * warning finding names are styled red. This draws; it never re-decides a check: which resources
 * are at fault comes from the findings alone.
 *
 * Safety: node IDs are made here (`n0`, `n1`, …), never from names, and every label is quoted
 * with each character outside a small safe set written as a Mermaid entity code (`#35;`), so no
 * resource name can end a label, start a statement, inject HTML or a Markdown string.
 */
import type {
  ARecordSetSnapshot,
  PrivateEndpointSnapshot,
  PrivateZoneSnapshot,
  Snapshot,
  VaultSnapshot
} from '../collect/snapshot.js'
import { idKey, sameId } from '../collect/snapshot.js'
import type { Finding } from '../evaluate/finding.js'
import { nameOf } from '../common/arm-id.js'
import { buildTargetModel, isZoneNamed, namesOf, type RunModel } from '../model/model.js'
import { privateLinkZones } from '../common/target.js'
import { isNamedAfter } from '../common/names.js'
import { resolvingVnets, vnetName } from '../model/dns-path.js'
import type { DiagramLookup } from './finding-markdown.js'
import { findingsByVault, sameVault } from './report.js'

/** Caps that keep one diagram readable and well under Mermaid's default text size limit. */
const MAX_ENDPOINTS = 10
const MAX_ZONES = 4
const MAX_RECORDS = 4
const MAX_IPS = 4
const MAX_LABEL_CHARS = 90

const SAFE = /[A-Za-z0-9 .,:/_=+-]/

/** Text for inside a quoted Mermaid label: safe characters as they are, the rest as `#N;`. */
export function mermaidText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const short =
    [...flat].length > MAX_LABEL_CHARS
      ? `${[...flat].slice(0, MAX_LABEL_CHARS - 1).join('')}…`
      : flat
  let out = ''
  for (const char of short) out += SAFE.test(char) ? char : `#${char.codePointAt(0)};`
  return out
}

/** A quoted label from lines of untrusted text (joined with `<br>`, which we write ourselves). */
function label(...lines: string[]): string {
  return `"${lines.map(mermaidText).join('<br>')}"`
}

function lastSegment(id: string | null | undefined): string {
  return id ? nameOf(id) : '?'
}

function ips(values: readonly string[]): string {
  if (values.length === 0) return 'no IP'
  const shown = values.slice(0, MAX_IPS).join(', ')
  return values.length > MAX_IPS ? `${shown} +${values.length - MAX_IPS} more` : shown
}

/**
 * The records of a shared zone named after `vault`, without lower-casing every record's name once
 * per vault (at thousands of vaults that garbage was most of the report stage's allocations).
 */
const lowerNames = new WeakMap<ARecordSetSnapshot[], { length: number; names: string[] }>()

function vaultRecordsOf(records: ARecordSetSnapshot[], vault: string): Set<ARecordSetSnapshot> {
  let cached = lowerNames.get(records)
  if (!cached || cached.length !== records.length) {
    cached = { length: records.length, names: records.map((record) => record.name.toLowerCase()) }
    lowerNames.set(records, cached)
  }
  const v = vault.toLowerCase()
  const prefix = `${v}.`
  const found = new Set<ARecordSetSnapshot>()
  cached.names.forEach((name, i) => {
    const record = records[i]
    if (record && (name === v || name.startsWith(prefix)) && isNamedAfter(record.name, vault))
      found.add(record)
  })
  return found
}

class Flowchart {
  private readonly nodes: string[] = []
  private readonly edges: string[] = []
  private readonly redNodes = new Set<string>()
  private readonly redEdges: number[] = []
  private readonly ids = new Map<string, string>()
  private next = 0

  private readonly plannedNodes = new Set<string>()

  constructor(
    private readonly atFault: (resourceId: string | null | undefined) => boolean,
    /** With `plan`: lower-cased IDs of what the change adds or changes, and the word for it. */
    private readonly planned: ReadonlyMap<string, string> = new Map()
  ) {}

  /** Adds a node once per resource; returns its ID. */
  node(resourceId: string, text: string, shape: 'box' | 'round' | 'db' = 'box'): string {
    const key = idKey(resourceId)
    const known = this.ids.get(key)
    if (known) return known
    const id = `n${this.next++}`
    this.ids.set(key, id)
    const [open, close] =
      shape === 'round' ? ['(', ')'] : shape === 'db' ? ['[(', ')]'] : ['[', ']']
    const planned = this.planned.get(key)
    if (planned) this.plannedNodes.add(id)
    const shown = planned ? text.replace(/"$/, `<br>${mermaidText(planned)}"`) : text
    this.nodes.push(`  ${id}${open}${shown}${close}`)
    if (this.atFault(resourceId)) this.redNodes.add(id)
    return id
  }

  /** The ID of a resource's node, if it is drawn. */
  get(resourceId: string): string | undefined {
    return this.ids.get(idKey(resourceId))
  }

  /** A dotted edge stands for something that should be there and is not. */
  edge(from: string, to: string, red: boolean, text?: string, dotted = false): void {
    if (red) this.redEdges.push(this.edges.length)
    const arrow = dotted ? '-.->' : '-->'
    this.edges.push(text ? `  ${from} ${arrow}|${label(text)}| ${to}` : `  ${from} ${arrow} ${to}`)
  }

  /** A node for something a finding says is missing: always red. */
  missing(key: string, text: string): string {
    const id = this.node(key, text)
    this.redNodes.add(id)
    return id
  }

  render(): string {
    const lines = ['flowchart LR', ...this.nodes, ...this.edges]
    lines.push('  classDef fail fill:#ffebe9,stroke:#cf222e,stroke-width:2px,color:#82071e')
    if (this.plannedNodes.size > 0) {
      lines.push('  classDef planned stroke:#0969da,stroke-width:3px,stroke-dasharray:6 3')
      lines.push(`  class ${[...this.plannedNodes].join(',')} planned`)
    }
    if (this.redNodes.size > 0) lines.push(`  class ${[...this.redNodes].join(',')} fail`)
    if (this.redEdges.length > 0) {
      lines.push(`  linkStyle ${this.redEdges.join(',')} stroke:#cf222e,stroke-width:2px`)
    }
    return lines.join('\n')
  }
}

/** The zones worth drawing for a vault: those its PEs use or link to, or its findings name. */
function zonesFor(
  snapshot: Snapshot,
  vault: VaultSnapshot,
  endpoints: PrivateEndpointSnapshot[],
  findings: readonly Finding[],
  pathVnets: string[] = []
): PrivateZoneSnapshot[] {
  const vnets = [...endpoints.flatMap((pe) => (pe.vnetId ? [pe.vnetId] : [])), ...pathVnets]
  const referenced = endpoints.flatMap((pe) =>
    pe.dnsZoneGroups.flatMap((group) => group.configs.map((config) => config.privateDnsZoneId))
  )
  const named = (zone: PrivateZoneSnapshot): boolean =>
    findings.some((f) => f.resource.toLowerCase().startsWith(zone.id.toLowerCase()))
  // The other kind's privatelink zone is linked to the same VNets, but says nothing about this one.
  const own = namesOf(snapshot, vault).zone.toLowerCase()
  const otherKinds = [snapshot.privateLinkZone, ...privateLinkZones(snapshot.cloud)]
    .map((name) => name.toLowerCase())
    .filter((name) => name !== own)
  const otherKind = (zone: PrivateZoneSnapshot): boolean =>
    otherKinds.includes(zone.name.toLowerCase().replace(/\.$/, ''))
  const relevant = snapshot.zones.filter(
    (zone) =>
      referenced.some((id) => sameId(id, zone.id)) ||
      (!otherKind(zone) &&
        zone.links.some((link) => vnets.some((vnet) => sameId(vnet, link.virtualNetworkId)))) ||
      vaultRecordsOf(zone.aRecords, vault.name).size > 0 ||
      named(zone)
  )
  const chosen =
    relevant.length > 0
      ? relevant
      : snapshot.zones.filter((zone) => isZoneNamed(zone.name, namesOf(snapshot, vault).zone))
  return chosen.slice(0, MAX_ZONES)
}

/**
 * The Mermaid source (without the code fence) of one vault's diagram. `findings` may hold the
 * whole run's findings: only this vault's (and those tied to no vault) colour it.
 */
export function vaultDiagram(
  snapshot: Snapshot,
  vault: VaultSnapshot,
  findings: readonly Finding[],
  planned: ReadonlyMap<string, string> = new Map(),
  run?: RunModel
): string {
  const own = findings.filter(
    (f) =>
      (f.vault === null || sameVault(f.vault, vault.name)) &&
      (f.severity === 'error' || f.severity === 'warning')
  )
  // The resources this vault's problems name, once: the picture asks of every node it draws, and
  // of each of a zone's records (thousands of them at scale).
  const faulty = new Set(own.map((f) => idKey(f.resource)))
  const atFault = (id: string | null | undefined): boolean => id != null && faulty.has(idKey(id))
  const chart = new Flowchart(atFault, planned)

  const kind = vault.kind === 'managedHsm' ? 'Managed HSM' : 'Key Vault'
  const vaultNode = chart.node(vault.id, label(kind, vault.name), 'round')
  if (vault.failure) return chart.render()

  const endpoints: PrivateEndpointSnapshot[] = []
  const connections = vault.connections.slice(0, MAX_ENDPOINTS)
  for (const conn of connections) {
    const peId = conn.privateEndpointId ?? conn.id
    const pe = conn.privateEndpointId
      ? vault.privateEndpoints[idKey(conn.privateEndpointId)]
      : undefined
    const state = pe === null ? 'not found' : pe === undefined ? 'not read' : ips(pe.nicIps)
    const peNode = chart.node(peId, label('Private endpoint', lastSegment(peId), state))
    chart.edge(vaultNode, peNode, atFault(conn.id), conn.status)
    if (!pe) continue
    endpoints.push(pe)
    if (pe.vnetId) {
      const vnet = snapshot.virtualNetworks[idKey(pe.vnetId)]
      const prefixes = vnet && 'addressPrefixes' in vnet ? vnet.addressPrefixes.join(', ') : ''
      const vnetNode = chart.node(
        pe.vnetId,
        label('VNet', lastSegment(pe.vnetId), ...(prefixes ? [prefixes] : []))
      )
      chart.edge(peNode, vnetNode, false, `subnet ${lastSegment(pe.subnetId)}`)
    }
  }
  const pathVnets = drawDnsPaths(snapshot, vault, chart, atFault, run)
  if (vault.connections.length > MAX_ENDPOINTS) {
    const more = vault.connections.length - MAX_ENDPOINTS
    chart.node(`${vault.id}#more`, label(`+${more} more private endpoints not drawn`))
  }

  for (const zone of zonesFor(snapshot, vault, endpoints, own, pathVnets)) {
    const zoneNode = chart.node(
      zone.id,
      label('Private DNS zone', zone.name, zone.resourceGroup),
      'db'
    )
    for (const link of zone.links) {
      // Only links to the VNets of this vault's endpoints belong in its picture.
      const vnetNode = chart.get(link.virtualNetworkId)
      if (!vnetNode) continue
      const linkRed = atFault(link.id)
      const linkNode = chart.node(
        link.id,
        label('VNet link', link.name, link.virtualNetworkLinkState ?? 'state unknown')
      )
      chart.edge(zoneNode, linkNode, linkRed)
      chart.edge(linkNode, vnetNode, linkRed)
    }
    const named = vaultRecordsOf(zone.aRecords, vault.name)
    const recordIds = `${idKey(zone.id)}/a/`
    const faultyRecords = [...faulty].some((id) => id.startsWith(recordIds))
    const records = zone.aRecords
      .filter((record) => named.has(record) || (faultyRecords && atFault(record.id)))
      .slice(0, MAX_RECORDS)
    for (const record of records) {
      const ttl = record.ttl === null ? 'TTL ?' : `TTL ${record.ttl}`
      const recordNode = chart.node(
        record.id,
        label(`A ${record.name}`, ips(record.ipv4Addresses), ttl)
      )
      chart.edge(zoneNode, recordNode, atFault(record.id))
    }
    // What a finding says this zone lacks (a link, a record) has no node of its own: draw a red
    // placeholder with the finding's own words, so the picture shows the gap, not just a red zone.
    for (const f of own) {
      if (!sameId(f.resource, zone.id)) continue
      const what = MISSING[f.rule]
      if (!what) continue
      const gap = chart.missing(`${zone.id}#${f.rule}#${f.expected}`, label(what, f.expected))
      chart.edge(zoneNode, gap, true, undefined, true)
    }
  }
  return chart.render()
}

/**
 * Each VNet that must resolve the vault and whose DNS path leaves it (a client VNet, servers that
 * are a resolver or a forwarder, a forwarding rule): VNet → DNS server or resolver → rule →
 * answering VNet, drawn from the model's DNS path (model/dns-path.ts). Returns the VNets drawn,
 * so that the zones linked to them are drawn too.
 */
function drawDnsPaths(
  snapshot: Snapshot,
  vault: VaultSnapshot,
  chart: Flowchart,
  atFault: (id: string | null | undefined) => boolean,
  run: RunModel | undefined
): string[] {
  if (!snapshot.dnsPath) return []
  // The run's model when it describes this snapshot (a plan's proposed state has its own).
  const model =
    (run?.snapshot === snapshot ? run.targets.find((t) => t.vault === vault) : undefined) ??
    buildTargetModel(snapshot, vault)
  const vnets = resolvingVnets(
    snapshot,
    model.vnets.map((group) => group.vnetId),
    [model.hostname, model.alias]
  ).slice(0, MAX_ENDPOINTS)
  const drawn: string[] = []
  const vnetNode = (vnetId: string, title = 'VNet'): string => {
    drawn.push(vnetId)
    return chart.get(vnetId) ?? chart.node(vnetId, label(title, vnetName(snapshot, vnetId)))
  }
  for (const vnet of vnets) {
    const leaves = vnet.paths.some(
      (path) => path.hops.length > 1 || !sameId(path.answering, vnet.vnetId)
    )
    if (!leaves && vnet.why === 'endpoint') continue
    let from = vnetNode(vnet.vnetId, vnet.why === 'endpoint' ? 'VNet' : 'Client VNet')
    const start = from
    for (const path of vnet.paths.slice(0, MAX_ZONES)) {
      from = start
      for (const hop of path.hops) {
        let to: string
        if (hop.kind === 'azure-dns') {
          if (sameId(hop.vnetId, vnet.vnetId) && from === start) continue
          to = vnetNode(hop.vnetId)
        } else if (hop.kind === 'resolver')
          to = chart.node(
            hop.resolver.id,
            label('DNS private resolver', hop.resolver.name, hop.server)
          )
        else if (hop.kind === 'rule')
          to = chart.node(hop.rule.id, label('Forwarding rule', hop.rule.name, hop.rule.domainName))
        else if (hop.kind === 'forwarder')
          to = chart.node(
            `${hop.vnetId}#dns#${hop.server}`,
            label('DNS server', hop.server, 'assumed forwarder')
          )
        else to = chart.node(`dns#${hop.server}`, label('DNS server', hop.server, 'not followed'))
        const red = hop.kind === 'rule' && atFault(hop.rule.id)
        chart.edge(from, to, red, hop.kind === 'azure-dns' ? 'Azure DNS' : 'DNS')
        from = to
      }
    }
  }
  return drawn
}

/** Findings about something missing from a zone, and how its placeholder node is titled. */
const MISSING: Partial<Record<string, string>> = {
  'DNS-LINK-MISSING': 'Missing VNet link',
  'DNS-RECORD-MISSING': 'Missing A record'
}

/** One diagram per vault of the snapshot, keyed by lower-cased vault name. */
export function vaultDiagrams(
  snapshot: Snapshot,
  findings: readonly Finding[],
  planned: ReadonlyMap<string, string> = new Map(),
  run?: RunModel
): DiagramLookup & { keys(): IterableIterator<string> } {
  const byVault = findingsByVault(findings)
  const general = byVault.get(null) ?? []
  const vaults = new Map(snapshot.vaults.map((v) => [v.name.toLowerCase(), v]))
  // Drawn on first use: the summary and the comment show a few pictures, whatever the number of
  // vaults (drawing all 2,000 took a sixth of a 2,000-vault run's CPU).
  const drawn = new Map<string, string>()
  return {
    keys: () => vaults.keys(),
    get(key) {
      const vault = vaults.get(key)
      if (!vault) return undefined
      let source = drawn.get(key)
      if (source === undefined) {
        source = vaultDiagram(
          snapshot,
          vault,
          [...general, ...(byVault.get(key) ?? [])],
          planned,
          run
        )
        drawn.set(key, source)
      }
      return source
    }
  }
}

/** A diagram as a fenced Markdown block GitHub renders (the source never holds a backtick). */
export function mermaidBlock(source: string): string {
  return `\`\`\`mermaid\n${source}\n\`\`\``
}
