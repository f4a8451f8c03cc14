/**
 * Safe rendering of untrusted values (anything that came from Azure or the user) into GitHub
 * Markdown: the job summary and PR comments render Markdown with inline HTML, so a value must
 * neither open HTML (`<script>`), nor Markdown syntax (links, emphasis, table cells, headings,
 * math), nor end a code block early.
 */

/**
 * Characters written as numeric character references. CommonMark never treats a character
 * reference as syntax, and it renders as the character itself, so the reader sees the value as is.
 */
const SPECIAL = /[&<>"'|\\`*_[\]()#~!@{}$]/g

function entity(char: string): string {
  return `&#${char.codePointAt(0)};`
}

/**
 * Escapes text for Markdown and HTML alike (paragraphs, list items, table cells, HTML blocks).
 * Line breaks become `<br>`, so a value can never start a Markdown line (list, heading, quote,
 * table row) or end a table cell.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(SPECIAL, entity)
      // eslint-disable-next-line no-control-regex -- control characters are what it removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/^([-+=]|\d{1,9}(?=[.)](?:\s|$)))/, (start) => start.replace(/./g, entity))
      .replace(/[\n\u2028\u2029\u0085]/g, '<br>')
  )
}

/** A value as inline code, safe anywhere (also inside table cells and HTML blocks): `<code>`. */
export function inlineCode(text: string): string {
  return `<code>${escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' '))}</code>`
}

/** A fenced code block that no value can close early: the fence is longer than any run inside. */
export function codeBlock(text: string, language = ''): string {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '')
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((run) => run[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const info = language.replace(/[^A-Za-z0-9_+-]/g, '')
  return `${fence}${info}\n${body}\n${fence}`
}

/** A Markdown link to an http(s) URL; anything else is shown as escaped text, not linked. */
export function link(label: string, url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return escapeMarkdown(label)
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return escapeMarkdown(label)
  const href = parsed.href.replace(
    /[()<>"'\s|\\`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
  return `[${escapeMarkdown(label)}](${href})`
}

/**
 * A command as a reader sees it: a line longer than `width` is broken before each ` --flag`
 * (outside quotes) with `\` continuations, so every argument shows. Still one shell command.
 */
export function wrapCommand(line: string, width = 100): string {
  if (line.length <= width) return line
  const parts: string[] = []
  let quote: string | null = null
  let start = 0
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quote) {
      if (char === quote) quote = null
      continue
    }
    if (char === "'" || char === '"') quote = char
    else if (char === ' ' && line.startsWith(' --', i) && i > start) {
      parts.push(line.slice(start, i))
      start = i + 1
    }
  }
  parts.push(line.slice(start))
  return parts.join(' \\\n    ')
}

/** Every line of a fix wrapped for reading (see `wrapCommand`). */
export function wrapFix(fix: string): string {
  return fix
    .split('\n')
    .map((line) => wrapCommand(line))
    .join('\n')
}
