// The README's inputs and outputs tables must stay in step with action.yml.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
  runs: { using: string; main: string }
}
const readme = readFileSync('README.md', 'utf8')

/** Rows of the Markdown table under `## <heading>`: first cell (without backticks) → second cell. */
function tableUnder(heading: string): Map<string, string> {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? ''
  const rows = new Map<string, string>()
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    if (cells.length < 4 || !cells[1]?.startsWith('`')) continue
    rows.set(cells[1].replaceAll('`', ''), (cells[2] ?? '').replaceAll('`', ''))
  }
  return rows
}

describe('README', () => {
  it('lists every input of action.yml with its default, and nothing else', () => {
    const rows = tableUnder('Inputs')
    expect([...rows.keys()].sort()).toEqual(Object.keys(action.inputs).sort())
    for (const [name, spec] of Object.entries(action.inputs)) {
      if (spec.default !== undefined)
        expect(`${name}=${rows.get(name)}`).toBe(`${name}=${spec.default}`)
    }
  })

  it('lists every output of action.yml', () => {
    expect([...tableUnder('Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort())
  })

  it('shows the two quick-start commands and runs on node24 from dist/', () => {
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm ci && npm test')
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})
