// `npm run demo` as a user runs it: a child process (the built action against the emulator's
// sample estate), its stdout piped here as it would be to a file or `less`.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { promisify, stripVTControlCharacters } from 'node:util'
import type { Finding } from '../src/evaluate/finding.js'

const run = promisify(execFile)
/** How an ANSI colour sequence starts (CSI), and any escape sequence (ESC). */
const ANSI = '\u001b['
const ESC = '\u001b'

/** The demo's stdout with the colour variables as given and none inherited from jest. */
async function demo(colour: Record<string, string>): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...colour }
  for (const name of ['FORCE_COLOR', 'NO_COLOR']) if (!(name in colour)) delete env[name]
  const { stdout } = await run(process.execPath, ['scripts/demo.mjs'], { env, timeout: 60000 })
  return stdout
}

/** The rendered summary: what the demo printed between its emulator line and its result block. */
function rendered(stdout: string): string {
  const start = stdout.indexOf('\n\n') + 2
  return stdout.slice(start, stdout.indexOf('\n─', start))
}

describe('npm run demo', () => {
  let plain: string
  let forced: string
  let noColour: string
  let lines: string[]
  let summaryPath: string
  let markdown: string
  let report: { findings: Finding[]; vaults: { name: string; id: string }[] }

  beforeAll(async () => {
    ;[plain, forced, noColour] = await Promise.all([
      demo({}),
      demo({ FORCE_COLOR: '1' }),
      demo({ NO_COLOR: '1' })
    ])
    lines = plain.split('\n')
    summaryPath = /^job summary \(Markdown\): (\S+)$/m.exec(plain)?.[1] ?? ''
    markdown = existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : ''
    const reportPath = /^JSON report: +(\S+)$/m.exec(plain)?.[1] ?? ''
    report = JSON.parse(readFileSync(reportPath, 'utf8'))
  })

  it('prints the result line, the exit code and the paths of the Markdown summary and JSON report', () => {
    expect(plain).toMatch(/^result: +fail +errors: 6 +warnings: 1$/m)
    expect(plain).toMatch(/^exit code of the action: 1 \(fail-on: error\)$/m)
    expect(summaryPath).toMatch(/summary\.md$/)
    expect(markdown).toContain('```mermaid')
    expect(report.findings.length).toBeGreaterThan(100)
  })

  it('shows no Mermaid source and no raw HTML', () => {
    expect(plain).not.toContain('```')
    expect(plain).not.toContain('-->')
    expect(lines.filter((line) => /^\s*(flowchart|graph|classDef|linkStyle)\b/.test(line))).toEqual(
      []
    )
    expect(plain).not.toMatch(/<\/?(details|summary|br|code|strong|sub)\b/i)
    expect(plain).not.toMatch(/&#\d+;/)
    // Each diagram is one line saying it is there.
    const diagrams = (markdown.match(/^```mermaid$/gm) ?? []).length
    expect(diagrams).toBeGreaterThan(0)
    expect(lines.filter((line) => /^diagram: \d+ nodes — /.test(line))).toHaveLength(diagrams)
  })

  it('opens with the headline and the vault table, before the first problem', () => {
    const headline = lines.indexOf('## ❌ Key Vault private link check failed')
    const table = lines.findIndex((line) => /^│ vault +│ result +│ rules +│$/.test(line))
    const firstProblem = lines.findIndex((line) => line.startsWith('#### '))
    expect(headline).toBeGreaterThanOrEqual(0)
    expect(table).toBeGreaterThan(headline)
    expect(firstProblem).toBeGreaterThan(table)
    for (const vault of ['kv-pending', 'kv-public', 'kv-nolink', 'kv-ttl', 'hsm-payments']) {
      const row = lines.slice(table, firstProblem).find((line) => line.startsWith(`│ ${vault} `))
      expect(row).toBeDefined()
    }
  })

  it('shows each error under its rule ID with its fix, every argument of it', () => {
    const errors = report.findings.filter((f) => f.severity === 'error')
    expect(errors.length).toBe(6)
    const sections = plain.split(/^### /m)
    for (const finding of errors) {
      // A managed HSM is headed as one: its report entry's ID says so.
      const id = report.vaults.find((v) => v.name === finding.vault)?.id ?? ''
      const heading = /\/managedHSMs\//i.test(id) ? 'Managed HSM' : 'Vault'
      const section = sections.find((s) => s.startsWith(`❌ ${heading} ${finding.vault}\n`)) ?? ''
      const problem = section.split(/^#### /m).find((p) => p.startsWith(`❌ ${finding.rule}:`))
      expect(`${finding.vault} ${finding.rule}: ${problem ? 'shown' : 'missing'}`).toBe(
        `${finding.vault} ${finding.rule}: shown`
      )
      const code = (problem ?? '').split('\n').filter((line) => line.startsWith('    '))
      expect(code[0]).toMatch(/^ {4}az /)
      const shown = code.join(' ').split(/\s+/)
      for (const argument of (finding.fix ?? '').split(/\s+/)) expect(shown).toContain(argument)
    }
  })

  it('collapses the passed checks to a count line per vault', () => {
    const passes = report.findings.filter((f) => f.severity === 'pass')
    expect(passes.length).toBeGreaterThan(100)
    expect(lines.filter((line) => /^\s*\* ✅/.test(line))).toEqual([])
    expect(lines).toContain('▸ ✅ 7 checks passed')
    expect(lines.filter((line) => /^▸ ✅ (Vault \S+: )?\d+ checks passed/.test(line))).toHaveLength(
      new Set(passes.map((f) => f.vault)).size
    )
  })

  it('is far shorter than the Markdown (measured: 242 lines rendered against 575 of Markdown)', () => {
    const shown = rendered(plain).split('\n').length
    expect(shown).toBeLessThan(300)
    expect(shown * 2).toBeLessThan(markdown.split('\n').length)
  })

  it('colours with FORCE_COLOR=1 and not with NO_COLOR=1 or when piped, the text the same', () => {
    expect(forced).toContain(ANSI)
    expect(plain).not.toContain(ESC)
    expect(noColour).not.toContain(ESC)
    expect(stripVTControlCharacters(rendered(forced))).toBe(rendered(plain))
    expect(rendered(noColour)).toBe(rendered(plain))
  })
})

describe('npm run demo in a terminal', () => {
  // script(1) runs the demo on a pseudo-terminal, as a user's shell does. Node reports no colours
  // on a terminal when CI is set (CI's own runs set it), so the variables of a CI machine go too.
  function inTerminal(colour: Record<string, string>): string {
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...colour }
    for (const name of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS', 'CI'])
      if (!(name in colour)) delete env[name]
    const command = `'${process.execPath}' scripts/demo.mjs`
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8' })
    expect(result.status).toBe(0)
    return result.stdout
  }

  it('colours, and NO_COLOR=1 turns the colour off', () => {
    const coloured = inTerminal({})
    const plain = inTerminal({ NO_COLOR: '1' })
    expect(coloured).toContain('Key Vault private link check failed')
    expect(coloured).toContain(ANSI)
    expect(plain).toContain('Key Vault private link check failed')
    expect(plain).not.toContain(ESC)
  })
})
