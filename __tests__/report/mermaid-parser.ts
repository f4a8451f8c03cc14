/**
 * Mermaid's own parser (the one GitHub's renderer runs), for tests. It runs in a child Node
 * process: Mermaid sanitises labels with DOMPurify, which needs a DOM (jsdom here), and jsdom's
 * dependencies load through require(esm), which jest's module system supports only on Node 24.9+.
 * jsdom 31 itself needs Node 22+; on an older Node (the tests also run on 20) the child is the
 * registry's node@24 package, as .ci/run uses.
 */
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Vertex {
  id: string
  text: string
  classes: string[]
}
export interface Edge {
  start: string
  end: string
  text: string
  style: string[]
}
export type Parsed = { error: string } | { vertices: Vertex[]; edges: Edge[] }

const SCRIPT = `
import { JSDOM } from 'jsdom'
const dom = new JSDOM('<!doctype html><html><body></body></html>')
globalThis.window = dom.window
globalThis.document = dom.window.document
const { default: mermaid } = await import('mermaid')
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })
let input = ''
for await (const chunk of process.stdin) input += chunk
const results = []
for (const source of JSON.parse(input)) {
  try {
    await mermaid.parse(source)
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(source)
    const vertices = [...db.getVertices().values()].map((v) => ({ id: v.id, text: v.text, classes: v.classes }))
    const edges = db.getEdges().map((e) => ({ start: e.start, end: e.end, text: e.text, style: e.style ?? [] }))
    results.push({ vertices, edges })
  } catch (error) {
    results.push({ error: String(error?.message ?? error) })
  }
}
process.stdout.write(JSON.stringify(results))
`

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

let node: string | undefined
/** A Node that can run jsdom 31 (22+): this one, or the registry's node@24. */
export function nodeForParser(): string {
  if (node) return node
  const major = Number(process.versions.node.split('.')[0])
  node =
    major >= 22
      ? process.execPath
      : execFileSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], {
          cwd: root,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore']
        }).trim()
  return node
}

/** Parses each source with Mermaid; a syntax error comes back as `{ error }`. */
export function parseMermaid(sources: string[]): Parsed[] {
  const out = execFileSync(nodeForParser(), ['--input-type=module', '-e', SCRIPT], {
    cwd: root,
    input: JSON.stringify(sources),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  return JSON.parse(out) as Parsed[]
}

/** Like parseMermaid for one source, but throws on a syntax error. */
export function graphOf(source: string): { vertices: Vertex[]; edges: Edge[] } {
  const [result] = parseMermaid([source])
  if (!result || 'error' in result) throw new Error(`Mermaid parse error: ${result?.error}`)
  return result
}

/** A label as the reader sees it: Mermaid's entity placeholders decoded, lines split. */
export function labelLines(text: string): string[] {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: ' ' }
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => named[name] ?? `&${name};`)
    .split('<br>')
}

/** Every ```mermaid block of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1] ?? '')
}
