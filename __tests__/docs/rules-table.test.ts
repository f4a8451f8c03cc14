// docs/rules.md cannot drift from the rule definitions: its summary table is the one the
// definitions give, row for row, and every rule has its section on the page.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { RULE_IDS, RULES } from '../../src/evaluate/catalog.js'
import { ALL_RULES } from '../../src/evaluate/rules/index.js'
import type { Section } from '../../src/evaluate/rule.js'

const GUIDE: Record<Section, string> = {
  reading: '—',
  connection: '§2',
  firewall: '§3',
  privateIp: '§4',
  dnsResolution: '§5',
  privateZone: '§6',
  healthStatus: '§7',
  other: '§8'
}

function expectedTable(): string[] {
  return ALL_RULES.map(
    (rule) =>
      `| [\`${rule.id}\`](#${rule.id.toLowerCase()}) | ${rule.severity} | ${GUIDE[rule.section]} | ${rule.summary} |`
  )
}

const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')

describe('docs/rules.md', () => {
  it('has the summary table the rule definitions give (paste the expected rows on a change)', () => {
    const summary = doc.slice(doc.indexOf('## Summary'))
    const rows = summary
      .slice(0, summary.indexOf('\n---'))
      .split('\n')
      .filter((line) => line.startsWith('| [`'))
    expect(rows.join('\n')).toBe(expectedTable().join('\n'))
  })

  it('has a section for every rule', () => {
    const headings = [...doc.matchAll(/^### ([A-Z-]+)$/gm)].map((m) => m[1])
    expect(RULE_IDS.filter((rule) => !headings.includes(rule))).toEqual([])
  })

  it('the catalogue is the definitions: one entry per rule, no ID twice', () => {
    expect(new Set(RULE_IDS).size).toBe(ALL_RULES.length)
    for (const rule of ALL_RULES) expect(RULES[rule.id].severity).toBe(rule.severity)
  })
})
