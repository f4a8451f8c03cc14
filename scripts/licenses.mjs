// Writes dist/licenses.txt listing every package bundled into dist/ (index.js and the chunks it
// loads on demand), with its license text. ncc's own --license output names only a fraction of
// them, so we read the source maps.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const packages = new Set()
for (const file of readdirSync('dist').filter((name) => name.endsWith('.js.map'))) {
  const map = JSON.parse(readFileSync(join('dist', file), 'utf8'))
  for (const source of map.sources) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)
    if (match) packages.add(match[1])
  }
}

const sections = []
for (const name of [...packages].sort()) {
  const dir = join('node_modules', name)
  if (!existsSync(join(dir, 'package.json'))) continue
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const licenseFile = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f))
  const text = licenseFile ? readFileSync(join(dir, licenseFile), 'utf8').trim() : ''
  sections.push(`${pkg.name}@${pkg.version}\n${pkg.license ?? 'UNKNOWN'}\n${text}`)
}
writeFileSync('dist/licenses.txt', sections.join('\n\n') + '\n')
console.log(`dist/licenses.txt: ${sections.length} packages`)
