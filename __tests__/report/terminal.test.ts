// The terminal rendering of the job summary (scripts/summary-to-terminal.mjs), piece by piece; the
// whole demo over the sample estate is __tests__/demo.test.ts.
import { describe, expect, it } from '@jest/globals'
import { mermaidNodes, summaryToTerminal, wantsColour } from '../../scripts/summary-to-terminal.mjs'
import { passList } from '../../src/report/finding-markdown.js'
import { inlineCode } from '../../src/report/markdown.js'
import { mermaidBlock } from '../../src/report/mermaid.js'
import type { Finding } from '../../src/evaluate/finding.js'

/** How an ANSI colour sequence starts (CSI), and any escape sequence (ESC). */
const ANSI = '\u001b['
const ESC = '\u001b'

function plain(markdown: string): string {
  return summaryToTerminal(markdown, { colour: false })
}

function pass(rule: string, message: string): Finding {
  return { rule, severity: 'pass', message, vault: 'kv-a' } as Finding
}

describe('summaryToTerminal', () => {
  it('turns <details> into a ▸ line over its content, rendered as Markdown', () => {
    const out = plain(
      `<details><summary>Vault ${inlineCode('kv-a')}: <strong>2</strong> notes</summary>\n\n**Bold** and \`code\`\n\n</details>`
    )
    expect(out.split('\n')).toEqual(['▸ Vault kv-a: 2 notes', '', 'Bold and code'])
  })

  it('reads inline HTML through the tokens: <br> a line break, other tags their text', () => {
    expect(plain('one<br>two <sub>small <code>x</code></sub> <span>kept</span>')).toBe(
      'one\ntwo small x kept'
    )
  })

  it('shows values from Azure as they are: entities decoded once, nothing more', () => {
    // escapeMarkdown writes `&` as `&#38;`: a value holding the text `&lt;` must show `&lt;`.
    expect(plain(`${inlineCode('a&lt;b (c) |d|')} and rg&lt;x&gt;`)).toBe(
      `a&lt;b (c) |d| and rg<x>`
    )
    expect(plain(inlineCode('a&lt;b'))).not.toContain('<')
  })

  it('collapses a list of passed checks to its count, and leaves other lists alone', () => {
    const passes = [
      pass('PE-NONE', 'one'),
      pass('FW-PUBLIC-OPEN', 'two'),
      pass('DNS-ZONE-MISSING', 'three')
    ]
    expect(plain(passList(passes))).toBe('✅ 3 passed checks (the Markdown file lists them)')
    // Under a label that already counts them, the label is the count line.
    expect(
      plain(`<details><summary>✅ 3 checks passed</summary>\n\n${passList(passes)}\n\n</details>`)
    ).toBe('▸ ✅ 3 checks passed')
    const mixed = plain(
      `- ✅ ${inlineCode('PE-NONE')} one\n- ❌ ${inlineCode('FW-PUBLIC-OPEN')} two`
    )
    expect(mixed).toContain('PE-NONE one')
    expect(mixed).toContain('FW-PUBLIC-OPEN two')
  })

  it('replaces a Mermaid block with one line counting its nodes', () => {
    const source = [
      'flowchart LR',
      '  n0("Key Vault<br>kv-a")',
      '  n1["Private endpoint"]',
      '  n2[("Private DNS zone")]',
      '  n0 -->|"Approved"| n1',
      '  classDef fail fill:#ffebe9',
      '  class n0 fail'
    ].join('\n')
    expect(mermaidNodes(source)).toBe(3)
    expect(plain(`before\n\n${mermaidBlock(source)}\n\nafter`).split('\n')).toEqual([
      'before',
      '',
      'diagram: 3 nodes — open the Markdown file or the job summary to see it',
      '',
      'after'
    ])
  })

  it('shows a fix as indented code, every line as written', () => {
    const fix = 'az keyvault update \\\n    --name kv-a \\\n    --public-network-access Disabled'
    expect(plain(`**Fix:**\n\n\`\`\`sh\n${fix}\n\`\`\``)).toBe(
      `Fix:\n\n${fix
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n')}`
    )
  })

  it('reads a GitHub alert as "Note:"', () => {
    expect(plain('> [!NOTE]\n> Passed checks are left out.')).toBe(
      'Note: Passed checks are left out.'
    )
  })

  it('draws tables as terminal tables, with the cells inline HTML unwrapped', () => {
    const out = plain(`| vault | result |\n|---|---|\n| ${inlineCode('kv-a')} | ❌ fail |`)
    expect(out.split('\n')).toEqual([
      '┌───────┬─────────┐',
      '│ vault │ result  │',
      '├───────┼─────────┤',
      '│ kv-a  │ ❌ fail │',
      '└───────┴─────────┘'
    ])
  })

  it('colours only when told to', () => {
    const markdown = `## Headline\n\n**bold** ${inlineCode('kv-a')}\n\n\`\`\`sh\naz x\n\`\`\``
    expect(summaryToTerminal(markdown, { colour: true })).toContain(ANSI)
    expect(summaryToTerminal(markdown, { colour: false })).not.toContain(ESC)
  })
})

describe('wantsColour', () => {
  type Stream = { isTTY: boolean; hasColors?: () => boolean }
  const terminal: Stream = { isTTY: true, hasColors: () => true }
  const pipe: Stream = { isTTY: false }
  const cases: [string, boolean, Stream, Record<string, string>][] = [
    ['a terminal', true, terminal, {}],
    ['a pipe', false, pipe, {}],
    ['a terminal with NO_COLOR=1', false, terminal, { NO_COLOR: '1' }],
    ['a terminal with an empty NO_COLOR', true, terminal, { NO_COLOR: '' }],
    ['a pipe with FORCE_COLOR=1', true, pipe, { FORCE_COLOR: '1' }],
    ['a terminal with FORCE_COLOR=0', false, terminal, { FORCE_COLOR: '0' }],
    ['FORCE_COLOR=1 over NO_COLOR=1', true, pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }],
    ['a terminal without colours (TERM=dumb)', false, { isTTY: true, hasColors: () => false }, {}]
  ]

  it.each(cases)('%s: %p', (_name, expected, stream, env) => {
    expect(wantsColour(stream, env)).toBe(expected)
  })
})
