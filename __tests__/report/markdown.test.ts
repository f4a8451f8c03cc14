import { describe, expect, it } from '@jest/globals'
import { codeBlock, escapeMarkdown, inlineCode, link } from '../../src/report/markdown.js'

/** What a reader sees: character references decoded, `<br>` as a line break. */
function decode(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
}

/** Markup left once our own `<br>` and character references are taken out. */
function markup(html: string): string {
  return html.replace(/<br>/g, '').replace(/&#\d+;/g, '')
}

const HOSTILE = [
  '<script>alert(1)</script>',
  'kv1 | injected | cell',
  'a `code` and ``` fence',
  '[click](javascript:alert(1))',
  '](javascript:alert(1))',
  '# heading\n## another',
  '*bold* _em_ ~~strike~~ $x^2$',
  '<img src=x onerror=alert(1)>',
  '&lt;already escaped&gt;',
  '- list\n> quote',
  '@contoso/security-team',
  '![img](https://evil.example/x.png)'
]

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('leaves no markup in %p and shows it as it was', (value) => {
    const escaped = escapeMarkdown(value)
    expect(markup(escaped)).not.toMatch(/[<>|`*_[\]()#~!$&@\n]/)
    expect(decode(escaped)).toBe(value)
  })

  it('keeps IDs, IPs and host names readable', () => {
    const id = '/subscriptions/0000/resourceGroups/rg-1/providers/Microsoft.KeyVault/vaults/kv-1'
    expect(escapeMarkdown(id)).toBe(id)
    expect(escapeMarkdown('10.1.2.3, kv1.privatelink.vaultcore.azure.net')).toBe(
      '10.1.2.3, kv1.privatelink.vaultcore.azure.net'
    )
  })

  it('never lets a value start a list, heading or numbered item', () => {
    expect(escapeMarkdown('- item')).toBe('&#45; item')
    expect(escapeMarkdown('12. item')).toBe('&#49;&#50;. item')
    expect(escapeMarkdown('# title')).toBe('&#35; title')
  })

  it('turns line breaks into <br>, dropping other control characters', () => {
    expect(escapeMarkdown('a\r\nb\nc\u0007')).toBe('a<br>b<br>c')
  })
})

describe('inlineCode', () => {
  it('is <code> with escaped content on one line, safe in table cells', () => {
    expect(inlineCode('a`b|c\nd')).toBe('<code>a&#96;b&#124;c d</code>')
    expect(inlineCode('</code><script>')).toBe('<code>&#60;/code&#62;&#60;script&#62;</code>')
  })
})

describe('codeBlock', () => {
  it('uses a fence longer than any backtick run in the value', () => {
    const block = codeBlock('echo ```\necho ````done````', 'sh')
    expect(block).toBe('`````sh\necho ```\necho ````done````\n`````')
  })

  it('uses three backticks for plain values and normalises line ends', () => {
    expect(codeBlock('az keyvault show\r\n', 'sh')).toBe('```sh\naz keyvault show\n```')
  })
})

describe('link', () => {
  it('links http(s) URLs, encoding what could end the link', () => {
    expect(link('guide', 'https://learn.microsoft.com/a#6-validate')).toBe(
      '[guide](https://learn.microsoft.com/a#6-validate)'
    )
    expect(link('guide', 'https://x.example/a)b(c')).toBe('[guide](https://x.example/a%29b%28c)')
  })

  it('shows anything else as text', () => {
    expect(link('[guide]', 'javascript:alert(1)')).toBe('&#91;guide&#93;')
    expect(link('guide', 'not a url')).toBe('guide')
  })
})
