// The `az` command templates written in src/: every template (or string) literal that starts with
// `az `, wherever it lives, read with the TypeScript parser so that nested template literals and
// `+` chains are understood. Each template is reduced to its command (`az keyvault update`) and the
// tokens it always writes (`--public-network-access`, `Disabled`); a fix line "fills" the template
// when it runs that command with all those tokens.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

export interface Template {
  /** `src/evaluate/fixes.ts:97` */
  where: string
  /** `az keyvault update` */
  command: string
  /** Tokens the template always writes after the command (flags and fixed values). */
  tokens: string[]
  /** The template as written, for messages. */
  source: string
}

/** Stands for text filled in at run time (a `${…}` or a non-literal `+` operand). */
const HOLE = '\u0000'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')
      ? [path]
      : []
  })
}

function literalSkeleton(node: ts.Node): string | null {
  if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) return node.text
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => HOLE + span.literal.text).join('')
  }
  return null
}

function isPlus(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken
}

/** The outermost `a + b + …` chain whose leftmost operand is `node`. */
function chainTop(node: ts.Node): ts.Node {
  let current = node
  for (;;) {
    const parent = current.parent
    if (parent && ts.isParenthesizedExpression(parent)) current = parent
    else if (parent && isPlus(parent) && parent.left === current) current = parent
    else return current
  }
}

/** The chain's text: literal operands as written, anything else as a hole. */
function chainSkeleton(node: ts.Node): string {
  if (ts.isParenthesizedExpression(node)) return chainSkeleton(node.expression)
  if (isPlus(node)) return chainSkeleton(node.left) + chainSkeleton(node.right)
  return literalSkeleton(node) ?? HOLE
}

function toTemplate(skeleton: string, where: string, source: string): Template {
  const beforeHole = skeleton.split(HOLE)[0] ?? ''
  const words = beforeHole.split(/\s+/).filter(Boolean)
  const command: string[] = []
  // The command is the leading words up to the first flag; a word the text runs on into a hole is
  // still whole (`az keyvault list${group}`), but nothing after a hole is part of the command.
  for (const word of words) {
    if (!/^[a-z][a-z0-9-]*$/.test(word)) break
    command.push(word)
  }
  const prefix = new RegExp(`^\\s*${command.join('\\s+')}`).exec(skeleton)?.[0] ?? ''
  const tokens = skeleton
    .slice(prefix.length)
    .split(/\s+/)
    .filter((t) => t !== '' && !t.includes(HOLE))
  return { where, command: command.join(' '), tokens, source }
}

/** Every `az …` template in the .ts files under `srcDir`. */
export function azTemplates(srcDir: string, root: string): Template[] {
  const templates: Template[] = []
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8')
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node): void => {
      const own = literalSkeleton(node)
      if (own !== null && /^az\s/.test(own)) {
        const top = chainTop(node)
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1
        templates.push(
          toTemplate(
            chainSkeleton(top),
            `${relative(root, file)}:${line}`,
            top.getText(sf).replace(/\s+/g, ' ')
          )
        )
      }
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
  return templates
}

/** True when the (unparsed) line runs the template's command with all its fixed tokens. */
export function fills(template: Template, line: string): boolean {
  if (line !== template.command && !line.startsWith(`${template.command} `)) return false
  const words = new Set(line.split(/\s+/))
  return template.tokens.every((t) => words.has(t))
}
