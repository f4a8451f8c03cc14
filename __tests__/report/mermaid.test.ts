import { describe, expect, it } from '@jest/globals'
import {
  addEndpoint,
  addRecord,
  addZone,
  healthy,
  linkZone,
  makeVault,
  run,
  vnetIdOf
} from '../helpers/snapshot-builder.js'
import { mermaidBlock, mermaidText, vaultDiagram, vaultDiagrams } from '../../src/report/mermaid.js'
import { graphOf, labelLines as lines, parseMermaid, type Vertex } from './mermaid-parser.js'

const graph = graphOf

function byFirstLine(vertices: Vertex[], first: string): Vertex[] {
  return vertices.filter((v) => lines(v.text)[0] === first)
}

describe('vaultDiagram', () => {
  it('draws vault → PE → VNet ← link ← zone → A record for a healthy vault, nothing red', () => {
    const h = healthy()
    const source = vaultDiagram(h.snapshot, h.vault, run(h.snapshot))
    const { vertices, edges } = graph(source)
    const text = (first: string) => byFirstLine(vertices, first).map((v) => lines(v.text))
    expect(text('Key Vault')).toEqual([['Key Vault', 'kv1']])
    expect(text('Private endpoint')).toEqual([['Private endpoint', 'pe-kv1', '10.1.2.3']])
    expect(text('VNet')).toEqual([['VNet', 'vnet-app', '10.1.0.0/16']])
    expect(text('VNet link')).toEqual([['VNet link', 'vnet-app-link', 'Completed']])
    expect(text('Private DNS zone')).toEqual([
      ['Private DNS zone', 'privatelink.vaultcore.azure.net', 'rg-dns']
    ])
    expect(text('A kv1')).toEqual([['A kv1', '10.1.2.3', 'TTL 300']])
    const name = new Map(vertices.map((v) => [v.id, lines(v.text)[0]]))
    const arrows = edges.map((e) => `${name.get(e.start)} -> ${name.get(e.end)}`)
    expect(arrows).toEqual([
      'Key Vault -> Private endpoint',
      'Private endpoint -> VNet',
      'Private DNS zone -> VNet link',
      'VNet link -> VNet',
      'Private DNS zone -> A kv1'
    ])
    expect(edges.map((e) => e.text)).toEqual(['Approved', 'subnet snet-pe', '', '', ''])
    expect(vertices.filter((v) => v.classes.includes('fail'))).toEqual([])
    expect(source).not.toContain('linkStyle')
  })

  it("a key vault and a managed HSM in one VNet: each diagram shows its own kind's zone only", () => {
    const h = healthy()
    const hsm = makeVault('hsm1', {
      kind: 'managedHsm',
      id: h.vault.id.replace('/vaults/kv1', '/managedHSMs/hsm1')
    })
    h.snapshot.vaults.push(hsm)
    addEndpoint(h.snapshot, hsm, { name: 'pe-hsm1', ip: '10.1.2.4' })
    const hsmZone = addZone(h.snapshot, 'privatelink.managedhsm.azure.net')
    linkZone(hsmZone, h.vnet.id)
    addRecord(hsmZone, 'hsm1', ['10.1.2.4'])
    const findings = run(h.snapshot)
    const zones = (vault: typeof hsm) =>
      byFirstLine(
        graph(vaultDiagram(h.snapshot, vault, findings)).vertices,
        'Private DNS zone'
      ).map((v) => lines(v.text)[1])
    expect(zones(h.vault)).toEqual(['privatelink.vaultcore.azure.net'])
    expect(zones(hsm)).toEqual(['privatelink.managedhsm.azure.net'])
    const { vertices } = graph(vaultDiagram(h.snapshot, hsm, findings))
    expect(byFirstLine(vertices, 'Managed HSM').map((v) => lines(v.text))).toEqual([
      ['Managed HSM', 'hsm1']
    ])
  })

  it('styles the record and its edge red when a finding names the record', () => {
    const h = healthy()
    h.record.ipv4Addresses = ['10.1.2.99']
    const findings = run(h.snapshot)
    expect(findings.some((f) => f.rule === 'DNS-RECORD-WRONG-IP' && f.severity === 'error')).toBe(
      true
    )
    const source = vaultDiagram(h.snapshot, h.vault, findings)
    const { vertices, edges } = graph(source)
    const red = vertices.filter((v) => v.classes.includes('fail')).map((v) => lines(v.text)[0])
    expect(red).toEqual(['A kv1'])
    const recordId = byFirstLine(vertices, 'A kv1')[0]?.id
    const redEdges = edges.filter((e) => e.style.some((s) => s.includes('#cf222e')))
    expect(redEdges.map((e) => e.end)).toEqual([recordId])
  })

  it('styles a pending connection edge red, and the zone when its link is missing', () => {
    const pending = healthy()
    pending.connection.status = 'Pending'
    const unlinked = healthy()
    unlinked.zone.links.length = 0
    const [a, b] = parseMermaid([
      vaultDiagram(pending.snapshot, pending.vault, run(pending.snapshot)),
      vaultDiagram(unlinked.snapshot, unlinked.vault, run(unlinked.snapshot))
    ])
    if (!a || 'error' in a || !b || 'error' in b) throw new Error('parse failed')
    const pendingEdge = a.edges.find((e) => e.text === 'Pending')
    expect(pendingEdge?.style.join(';')).toContain('stroke:#cf222e')
    const red = b.vertices.filter((v) => v.classes.includes('fail')).map((v) => lines(v.text)[0])
    expect(red).toEqual(['Private DNS zone', 'Missing VNet link'])
    expect(byFirstLine(b.vertices, 'VNet link')).toEqual([])
    // The gap itself is drawn: a red placeholder with the finding's expectation, on a dotted edge.
    const gap = byFirstLine(b.vertices, 'Missing VNet link')
    expect(gap.map((v) => lines(v.text))).toEqual([['Missing VNet link', 'linked to vnet-app']])
    const gapEdge = b.edges.find((e) => e.end === gap[0]?.id)
    expect(gapEdge?.style.join(';')).toContain('stroke:#cf222e')
  })

  it('draws a missing A record as a red placeholder under its zone', () => {
    const h = healthy()
    h.zone.aRecords.length = 0
    const findings = run(h.snapshot)
    expect(findings.some((f) => f.rule === 'DNS-RECORD-MISSING' && f.severity === 'error')).toBe(
      true
    )
    const { vertices } = graph(vaultDiagram(h.snapshot, h.vault, findings))
    const gap = byFirstLine(vertices, 'Missing A record')
    expect(gap.map((v) => lines(v.text))).toEqual([['Missing A record', 'A record kv1 → 10.1.2.3']])
    expect(gap[0]?.classes).toContain('fail')
  })

  it('keeps hostile names as label text: they parse and read back exactly', () => {
    const hostile = [
      'kv"]-->x[pwned',
      'a;b|c`d`e',
      '<img src=x onerror=alert(1)>',
      '%% comment\nflowchart TD',
      'end',
      '#quot; & #35; ;',
      '{{x}} (y) [z]',
      'ünïcødé 🔐'
    ]
    const sources = hostile.map((evil) => {
      const h = healthy('kv1')
      h.vault.name = evil
      h.pe.name = evil
      h.pe.vnetId = vnetIdOf(evil)
      h.pe.subnetId = `${vnetIdOf(evil)}/subnets/${evil}`
      h.snapshot.virtualNetworks = {}
      h.zone.links = []
      linkZone(h.zone, vnetIdOf(evil), { name: evil })
      h.zone.resourceGroup = evil
      addRecord(h.zone, `${evil}.x`, ['10.1.2.3'], 60)
      return vaultDiagram(h.snapshot, h.vault, [])
    })
    const parsed = parseMermaid(sources)
    for (const [index, evil] of hostile.entries()) {
      const source = sources[index] ?? ''
      expect(source).not.toContain('`')
      expect(source.split('\n')[0]).toBe('flowchart LR')
      const result = parsed[index]
      if (!result || 'error' in result) throw new Error(`${evil}: ${result?.error}`)
      const { vertices, edges } = result
      const flat = evil.replace(/\s+/g, ' ').trim()
      expect(byFirstLine(vertices, 'Key Vault').map((v) => lines(v.text)[1])).toEqual([flat])
      expect(byFirstLine(vertices, 'VNet link').map((v) => lines(v.text)[1])).toEqual([flat])
      expect(byFirstLine(vertices, 'Private DNS zone').map((v) => lines(v.text)[2])).toEqual([flat])
      expect(byFirstLine(vertices, `A ${flat}.x`).map((v) => lines(v.text))).toEqual([
        [`A ${flat}.x`, '10.1.2.3', 'TTL 60']
      ])
      // The structure is ours alone: no extra node or edge came out of a name.
      expect(vertices).toHaveLength(6)
      expect(edges).toHaveLength(5)
      expect(edges.map((e) => lines(e.text)[0])).toContain(`subnet ${flat}`)
    }
  })

  it('shortens very long names and caps the number of endpoints drawn', () => {
    const h = healthy()
    h.vault.name = 'k'.repeat(500)
    for (let i = 0; i < 14; i++) addEndpoint(h.snapshot, h.vault, { name: `pe-extra-${i}` })
    const source = vaultDiagram(h.snapshot, h.vault, [])
    const { vertices } = graph(source)
    expect(byFirstLine(vertices, 'Private endpoint')).toHaveLength(10)
    expect(vertices.some((v) => lines(v.text)[0] === '+5 more private endpoints not drawn')).toBe(
      true
    )
    const vaultLine = lines(byFirstLine(vertices, 'Key Vault')[0]?.text ?? '')[1] ?? ''
    expect([...vaultLine].length).toBe(90)
    expect(vaultLine.endsWith('…')).toBe(true)
  })

  it('draws only the vault for one that could not be read, red', () => {
    const h = healthy()
    const missing = makeVault('kv-gone', {
      failure: { kind: 'not-found', resource: 'x', message: 'gone' }
    })
    h.snapshot.vaults.push(missing)
    const findings = run(h.snapshot)
    const diagrams = vaultDiagrams(h.snapshot, findings)
    expect([...diagrams.keys()]).toEqual(['kv1', 'kv-gone'])
    const { vertices, edges } = graph(diagrams.get('kv-gone') ?? '')
    expect(vertices.map((v) => lines(v.text))).toEqual([['Key Vault', 'kv-gone']])
    expect(vertices[0]?.classes).toEqual(['fail'])
    expect(edges).toEqual([])
  })

  it('draws only the zones the vault uses, not every zone of the subscription', () => {
    const h = healthy()
    const other = addZone(h.snapshot, 'privatelink.blob.core.windows.net')
    linkZone(other, vnetIdOf('vnet-elsewhere'))
    const source = vaultDiagram(h.snapshot, h.vault, run(h.snapshot))
    const { vertices } = graph(source)
    expect(byFirstLine(vertices, 'Private DNS zone').map((v) => lines(v.text)[1])).toEqual([
      'privatelink.vaultcore.azure.net'
    ])
  })
})

describe('mermaidText and mermaidBlock', () => {
  it('writes everything outside a safe set as Mermaid entity codes', () => {
    expect(mermaidText('kv-1.a_b')).toBe('kv-1.a_b')
    expect(mermaidText('a"b')).toBe('a#34;b')
    expect(mermaidText('<x>')).toBe('#60;x#62;')
    expect(mermaidText('a\n\tb')).toBe('a b')
  })

  it('fences the source as a mermaid block', () => {
    expect(mermaidBlock('flowchart LR\n  n0["a"]')).toBe('```mermaid\nflowchart LR\n  n0["a"]\n```')
  })

  it('rejects what is not Mermaid (the parser is real)', () => {
    const [bad, good] = parseMermaid(['flowchart LR\n  n0["a"]" --> n1', 'flowchart LR\n  n0["a"]'])
    expect(bad).toEqual({ error: expect.stringMatching(/Parse error/) })
    expect(good).not.toHaveProperty('error')
  })
})
