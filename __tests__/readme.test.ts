// The README's inputs and outputs tables must stay in step with action.yml.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
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

  it('states the Node versions for developing that every locked package supports', () => {
    // semver comes with the dev tools (no types of its own here); only these two calls are used.
    const semver = createRequire(import.meta.url)('semver') as {
      satisfies(version: string, range: string): boolean
      minVersion(range: string): { version: string } | null
    }
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>
    }
    const stated = pkg.engines.node
    expect(lock.packages['']?.engines).toEqual({ node: stated })
    // The lowest version of each alternative of the stated range must suit every package, or
    // `npm ci` on it warns (EBADENGINE).
    const lowest = stated.split('||').map((part) => semver.minVersion(part)?.version ?? part)
    const refusals = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined
      if (!path || !range) return []
      return lowest
        .filter((version) => !semver.satisfies(version, range))
        .map((version) => `${version}: ${path.replace(/^.*node_modules\//, '')} needs ${range}`)
    })
    expect(refusals).toEqual([])
    for (const version of lowest)
      expect(readme).toContain(`Node.js ${version.replace(/\.0\.0$/, '')}`)
  })
})
