/**
 * GitHub's own Markdown parser (cmark-gfm, with the extensions github.com turns on), and the
 * rendered HTML read back as a DOM, for tests that check what a reader of the job summary or the
 * PR comment gets: tables that parse as tables, `<details>` that fold, no escaped junk.
 *
 * Rendering runs here (a native addon); the DOM is jsdom's, in a child Node for the reason
 * mermaid-parser.ts gives. The child returns plain data: the structure the tests assert on.
 */
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { nodeForParser } from './mermaid-parser.js'

const cmark = createRequire(import.meta.url)('cmark-gfm') as typeof import('cmark-gfm')

/** github.com's rendering: raw HTML kept (the tag filter drops the dangerous tags only). */
export function renderGfm(markdown: string): string {
  return cmark.renderHtmlSync(markdown, {
    unsafe: true,
    extensions: { table: true, strikethrough: true, autolink: true, tagfilter: true }
  })
}

export interface Table {
  header: string[]
  /** Cell texts, row by row. */
  rows: string[][]
  /** The text of the block right after the table. */
  after: string
  inDetails: boolean
}
export interface Heading {
  level: number
  text: string
  inDetails: boolean
}
export interface Details {
  summary: string
  /** Headings inside, any depth. */
  headings: string[]
  /** List items directly in it, and how many of them hold a code block. */
  items: number
  itemsWithCode: number
  nested: boolean
}
export interface Page {
  /** The top-level blocks in order: tag name and text (a long one: its start … its end). */
  blocks: { tag: string; text: string }[]
  tables: Table[]
  headings: Heading[]
  details: Details[]
  blockquotes: string[]
  /**
   * Text outside code blocks that looks like markup shown as text instead of rendered: escaped
   * tags or entities, tags or HTML comments the parser left as text. With a little context.
   */
  junk: string[]
}

const SCRIPT = `
import { JSDOM } from 'jsdom'
let input = ''
for await (const chunk of process.stdin) input += chunk
const text = (el) => (el?.textContent ?? '').replace(/\\s+/g, ' ').trim()
const JUNK = /&(?:lt|gt|amp|quot|#\\d+|#x[0-9a-f]+);|<\\/?(?:details|summary|code|strong|sub|br|table|p|a)\\b|<!--|-->/gi
const pages = []
for (const html of JSON.parse(input)) {
  const { document } = new JSDOM('<!doctype html><html><body>' + html + '</body></html>').window
  const body = document.body
  const tables = [...body.querySelectorAll('table')].map((t) => ({
    header: [...t.querySelectorAll('thead th')].map(text),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text)),
    after: text(t.nextElementSibling),
    inDetails: t.closest('details') !== null
  }))
  const headings = [...body.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
    level: Number(h.tagName.slice(1)),
    text: text(h),
    inDetails: h.closest('details') !== null
  }))
  const details = [...body.querySelectorAll('details')].map((d) => {
    const items = [...d.querySelectorAll(':scope > ul > li')]
    return {
      summary: text(d.querySelector(':scope > summary')),
      headings: [...d.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(text),
      items: items.length,
      itemsWithCode: items.filter((li) => li.querySelector('pre > code') !== null).length,
      nested: d.parentElement?.closest('details') != null
    }
  })
  const blockquotes = [...body.querySelectorAll('blockquote')].map(text)
  const clip = (t) => (t.length > 500 ? t.slice(0, 400) + ' … ' + t.slice(-100) : t)
  const blocks = [...body.children].map((c) => ({ tag: c.tagName.toLowerCase(), text: clip(text(c)) }))
  const prose = body.cloneNode(true)
  for (const pre of prose.querySelectorAll('pre')) pre.remove()
  const all = prose.textContent
  const junk = [...all.matchAll(JUNK)].slice(0, 10).map((m) => all.slice(Math.max(0, m.index - 60), m.index + 60))
  pages.push({ blocks, tables, headings, details, blockquotes, junk })
}
process.stdout.write(JSON.stringify(pages))
`

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Renders each Markdown document as GitHub does and reads the result back (one child for all). */
export function readRendered(markdown: string[]): Page[] {
  const out = execFileSync(nodeForParser(), ['--input-type=module', '-e', SCRIPT], {
    cwd: root,
    input: JSON.stringify(markdown.map(renderGfm)),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  return JSON.parse(out) as Page[]
}
