// The job summary (GitHub-flavoured Markdown with a little HTML) as a terminal reads it, for
// `npm run demo`: marked parses it, the token stream is reshaped for a terminal (below), and
// marked-terminal renders what is left. Run directly, it renders a summary file:
//   node scripts/summary-to-terminal.mjs summary.md
//
// Reshaping works on marked's tokens, not on the Markdown text (an HTML token's own tag is the only
// markup read by hand):
// - Mermaid blocks become one line that says a diagram is there: its source is no picture.
// - `<details><summary>X</summary>` becomes the line `▸ X`, its content rendered as Markdown.
// - Lists of passed checks (every item ✅) collapse to a count: they are most of a summary's lines
//   and say nothing to act on. The Markdown file still lists them.
// - Inline HTML becomes the tokens it stands for (`<code>` inline code, `<strong>` bold, `<br>`
//   a line break); other tags are dropped and their text kept.
// - GitHub alerts (`> [!NOTE]`) read "Note:".
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { styleText } from 'node:util'
import { Lexer, Marked } from 'marked'
import { markedTerminal } from 'marked-terminal'

const PASS = '✅'

/**
 * Whether to colour: FORCE_COLOR wins (`0`/`false` turn colour off), then NO_COLOR
 * (no-color.org), then whether the stream is a terminal that has colours. Decided here, not by
 * marked-terminal's chalk, because that chalk does not read NO_COLOR.
 * @param {{ isTTY?: boolean, hasColors?: () => boolean }} stream
 * @param {Record<string, string | undefined>} env
 */
export function wantsColour(stream = process.stdout, env = process.env) {
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false'
  if (env.NO_COLOR) return false
  return Boolean(stream.isTTY) && (stream.hasColors?.() ?? true)
}

/** @param {string} text */
function decodeEntities(text) {
  const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] !== '#') return named[name.toLowerCase()] ?? whole
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** The plain text of inline tokens (what a reader sees, without styling). */
function plainText(tokens) {
  return tokens
    .map((t) => (t.tokens ? plainText(t.tokens) : t.type === 'br' ? ' ' : (t.text ?? '')))
    .join('')
}

function text(value) {
  return { type: 'text', raw: value, text: value, escaped: false }
}

function paragraph(tokens) {
  return { type: 'paragraph', raw: plainText(tokens), text: plainText(tokens), tokens }
}

const TAG = /^<(\/?)([a-z][a-z0-9]*)\b[^>]*?(\/?)>$/i
const STYLE_TAGS = {
  code: 'codespan',
  kbd: 'codespan',
  tt: 'codespan',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  del: 'del',
  s: 'del'
}

/**
 * Inline tokens with their HTML tags turned into the tokens they stand for: the text between
 * `<code>` and `</code>` one codespan, `<strong>` a strong token, and so on; `<br>` a line break;
 * any other tag dropped, its content kept.
 */
function inlineHtml(tokens) {
  /** @type {{ tag: string | null, tokens: any[] }[]} */
  const stack = [{ tag: null, tokens: [] }]
  const top = () => stack[stack.length - 1]
  for (const token of tokens) {
    const tag = token.type === 'html' ? TAG.exec(token.text.trim()) : null
    if (token.type === 'html' && !tag) continue
    if (tag) {
      const [, closing, rawName, selfClosing] = tag
      const name = rawName.toLowerCase()
      if (name === 'br') top().tokens.push({ type: 'br', raw: token.raw })
      else if (STYLE_TAGS[name] && !closing && !selfClosing) stack.push({ tag: name, tokens: [] })
      else if (STYLE_TAGS[name] && closing && top().tag === name) {
        const { tokens: inner } = stack.pop()
        const type = STYLE_TAGS[name]
        const content = plainText(inner)
        top().tokens.push(
          type === 'codespan'
            ? { type, raw: content, text: content }
            : { type, raw: content, text: content, tokens: inner }
        )
      }
      continue
    }
    const copy = { ...token }
    if (copy.tokens && copy.type !== 'codespan') copy.tokens = inlineHtml(copy.tokens)
    // marked keeps text HTML-ready (`&amp;`, and inside <code> entities as written): decode once,
    // here, for the reader.
    if (copy.type === 'text' && !copy.tokens) copy.text = decodeEntities(copy.text)
    top().tokens.push(copy)
  }
  // An unclosed tag keeps its content rather than losing it.
  while (stack.length > 1) {
    const { tokens: inner } = stack.pop()
    top().tokens.push(...inner)
  }
  return stack[0].tokens
}

/** How many nodes a Mermaid flowchart declares: statements that open a node shape. */
export function mermaidNodes(source) {
  const ids = new Set()
  for (const line of source.split('\n')) {
    const node = /^\s*([A-Za-z_][\w-]*)\s*[[({>]/.exec(line)
    if (node && !['classDef', 'class', 'style', 'linkStyle', 'click'].includes(node[1])) {
      ids.add(node[1])
    }
  }
  return ids.size
}

function diagramNote(source) {
  const nodes = mermaidNodes(source)
  return paragraph([
    {
      type: 'em',
      raw: '',
      text: '',
      tokens: [
        text(
          `diagram: ${nodes} node${nodes === 1 ? '' : 's'} — open the Markdown file or the job summary to see it`
        )
      ]
    }
  ])
}

/** A list of passed checks: every item's text begins with the pass icon. */
function isPassList(token) {
  return (
    token.type === 'list' &&
    token.items.length > 0 &&
    token.items.every((item) =>
      plainText(item.tokens ?? [])
        .trimStart()
        .startsWith(PASS)
    )
  )
}

/** The `<summary>` of a `<details>` HTML block, as inline tokens. */
function detailsLabel(html) {
  const open = html.indexOf('<summary>')
  const close = html.indexOf('</summary>', open)
  if (open < 0 || close < 0) return []
  return inlineHtml(Lexer.lexInline(html.slice(open + '<summary>'.length, close)))
}

/** GitHub's `> [!NOTE]` (and its kin) as `Note:`. */
function alert(blockquote) {
  const [first, ...rest] = blockquote.tokens
  const lead = first?.type === 'paragraph' ? first.tokens[0] : undefined
  const kind =
    lead?.type === 'text' ? /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/.exec(lead.text) : null
  if (!kind) return null
  const word = kind[1][0] + kind[1].slice(1).toLowerCase()
  const tokens = [
    { type: 'strong', raw: word, text: word, tokens: [text(`${word}:`)] },
    text(' '),
    { ...lead, text: lead.text.slice(kind[0].length) },
    ...first.tokens.slice(1)
  ]
  return [paragraph(tokens), ...rest]
}

/**
 * The block tokens reshaped for a terminal (see the top of the file). `labels` are the open
 * `<details>` labels, innermost last: a pass list under a label that already counts it goes.
 */
function terminalTokens(tokens, labels = []) {
  const out = []
  for (const token of tokens) {
    if (token.type === 'code' && token.lang?.trim().toLowerCase() === 'mermaid') {
      out.push(diagramNote(token.text))
    } else if (token.type === 'html') {
      const html = token.text.trim()
      if (/^<details\b/i.test(html)) {
        const label = detailsLabel(html)
        labels.push(plainText(label))
        out.push(paragraph([text('▸ '), ...label]))
      } else if (/^<\/details>$/i.test(html)) {
        labels.pop()
      } else {
        const inline = inlineHtml(Lexer.lexInline(html))
        if (plainText(inline).trim()) out.push(paragraph(inline))
      }
    } else if (isPassList(token)) {
      const count = token.items.length
      const counted = labels.at(-1)?.includes(`${count} check`)
      if (!counted) {
        out.push(
          paragraph([
            text(
              `${PASS} ${count} passed check${count === 1 ? '' : 's'} (the Markdown file lists them)`
            )
          ])
        )
      }
    } else if (token.type === 'blockquote') {
      const reshaped = { ...token, tokens: terminalTokens(token.tokens, labels) }
      const note = alert(reshaped)
      out.push(...(note ?? [reshaped]))
    } else if (token.type === 'list') {
      out.push({
        ...token,
        items: token.items.map((item) => ({ ...item, tokens: terminalTokens(item.tokens, labels) }))
      })
    } else if (token.type === 'table') {
      const cell = (c) => ({ ...c, tokens: inlineHtml(c.tokens) })
      out.push({
        ...token,
        header: token.header.map(cell),
        rows: token.rows.map((row) => row.map(cell))
      })
    } else if (token.tokens) {
      out.push({
        ...token,
        tokens:
          token.type === 'text' || token.type === 'paragraph' || token.type === 'heading'
            ? inlineHtml(token.tokens)
            : terminalTokens(token.tokens, labels)
      })
    } else {
      out.push(token)
    }
  }
  return out
}

/**
 * The summary rendered for a terminal.
 * @param {string} markdown
 * @param {{ colour?: boolean }} [options]
 */
export function summaryToTerminal(markdown, { colour = wantsColour() } = {}) {
  const identity = (s) => s
  // One colour decision for every style, so NO_COLOR and a pipe give plain text throughout.
  const paint = (...formats) =>
    colour ? (s) => styleText(formats, s, { validateStream: false }) : identity
  const code = paint('yellow')
  const marked = new Marked(
    markedTerminal({
      code,
      blockquote: paint('gray', 'italic'),
      html: paint('gray'),
      heading: paint('green', 'bold'),
      firstHeading: paint('magenta', 'bold', 'underline'),
      hr: identity,
      listitem: identity,
      table: identity,
      paragraph: identity,
      strong: paint('bold'),
      em: paint('italic'),
      codespan: code,
      del: paint('dim', 'strikethrough'),
      link: paint('blue'),
      href: paint('blue', 'underline'),
      text: identity,
      // The summary writes its emoji itself; `:name:` lookups could only mangle values.
      emoji: false,
      // inlineHtml decodes entities, in one pass; marked-terminal's second pass would turn a
      // value's literal `&lt;` into `<`.
      unescape: false,
      tab: 2,
      // cli-table3 colours borders and headers by its own detection otherwise; `compact` draws a
      // rule under the header only, not between rows, which doubled the tables' height.
      tableOptions: { style: { head: [], border: [], compact: true } }
    }),
    {
      gfm: true,
      hooks: { processAllTokens: (tokens) => terminalTokens(tokens) },
      renderer: {
        // A list item's text is a `text` token holding inline tokens; marked-terminal prints its
        // raw source (`**Observed:** <code>…`) instead of rendering them.
        text(token) {
          return token.tokens ? this.parser.parseInline(token.tokens) : false
        },
        // Fixes are copied into a shell: every line as written, indented, without highlighting
        // (cli-highlight colours by its own detection, which ignores NO_COLOR).
        code(token) {
          const lines = token.text.replace(/\n+$/, '').split('\n')
          return `${lines.map((line) => `    ${code(line)}`).join('\n')}\n\n`
        }
      }
    }
  )
  const rendered = /** @type {string} */ (marked.parse(markdown))
  return rendered.replace(/\n{3,}/g, '\n\n').trim()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2]
  if (!file) {
    console.error('usage: node scripts/summary-to-terminal.mjs <summary.md>')
    process.exit(2)
  }
  console.log(summaryToTerminal(readFileSync(file, 'utf8')))
}
