import { describe, expect, it } from '@jest/globals'
import { renderSummary } from '../../src/report/summary.js'
import { buildReport } from '../../src/report/report.js'
import { finding, pass, vaultId } from './findings.js'

const VAULTS = [
  { name: 'kv-ok', id: vaultId('kv-ok') },
  { name: 'kv-bad', id: vaultId('kv-bad') },
  { name: 'kv-warn', id: vaultId('kv-warn') }
]

function report() {
  return buildReport(
    [
      pass('PE-NONE', 'kv-ok'),
      pass('DNS-RECORD-TTL', 'kv-ok'),
      pass('PE-NONE', 'kv-bad'),
      finding('FW-TRUSTED-SERVICES', 'kv-bad'),
      finding('DNS-RECORD-TTL', 'kv-bad', { observed: '3600', expected: '10-600' }),
      finding('DNS-RECORD-WRONG-IP', 'kv-bad', {
        message: 'A record kv-bad points to 10.1.2.9; the private endpoint pe-kv-bad has 10.1.2.3',
        observed: '10.1.2.9',
        expected: '10.1.2.3',
        fix: 'az network private-dns record-set a update -g rg -z privatelink.vaultcore.azure.net -n kv-bad --set aRecords[0].ipv4Address=10.1.2.3'
      }),
      finding('PE-LEFTOVER', 'kv-warn'),
      pass('PE-NONE', 'kv-warn')
    ],
    VAULTS
  )
}

/** Index of the first occurrence, failing the test when absent. */
function at(text: string, part: string): number {
  const index = text.indexOf(part)
  expect(index).toBeGreaterThanOrEqual(0)
  return index
}

describe('renderSummary', () => {
  it('opens with the result, the counts and the vaults checked', () => {
    const text = renderSummary(report())
    expect(text.split('\n\n').slice(0, 3)).toEqual([
      '## ❌ Key Vault private link check failed',
      '**1 error, 2 warnings, 1 info, 4 passed**',
      '3 vaults checked (1 failed, 1 with warnings, 1 passed): ✅ <code>kv-ok</code>, ❌ <code>kv-bad</code>, ⚠️ <code>kv-warn</code>'
    ])
  })

  it('says so when everything passed', () => {
    const text = renderSummary(buildReport([pass('PE-NONE', 'kv-ok')], [VAULTS[0]!]))
    expect(text.startsWith('## ✅ Key Vault private link check passed\n')).toBe(true)
  })

  it('says once that one healthy vault has no problems', () => {
    const text = renderSummary(
      buildReport([pass('PE-NONE', 'kv-ok'), pass('DNS-RECORD-TTL', 'kv-ok')], [VAULTS[0]!])
    )
    expect(text.match(/1 vault without problems/g)).toEqual(['1 vault without problems'])
    expect(text.split('\n\n').slice(0, 5)).toEqual([
      '## ✅ Key Vault private link check passed',
      '**0 errors, 0 warnings, 0 info, 2 passed**',
      '1 vault checked (0 failed, 0 with warnings, 1 passed): ✅ <code>kv-ok</code>',
      '### ✅ 1 vault without problems',
      '<details><summary>✅ Vault <code>kv-ok</code>: 2 checks passed</summary>'
    ])
  })

  it('names the healthy vaults beside the table of those with problems', () => {
    const blocks = renderSummary(report()).split('\n\n')
    const table = blocks.findIndex((b) => b.startsWith('| vault | result | rules |'))
    expect(blocks[table + 1]).toBe('✅ 1 vault without problems: <code>kv-ok</code>')
  })

  it('lists failing vaults first, and within a vault errors, then warnings, then info, then passes', () => {
    const text = renderSummary(report())
    const bad = at(text, '### ❌ Vault <code>kv-bad</code>')
    const warn = at(text, '### ⚠️ Vault <code>kv-warn</code>')
    const ok = at(text, '### ✅ 1 vault without problems')
    expect(bad).toBeLessThan(warn)
    expect(warn).toBeLessThan(ok)

    const kvBad = text.slice(bad, warn)
    const error = at(kvBad, '#### ❌ DNS-RECORD-WRONG-IP: A record points to the wrong IP (error)')
    const warning = at(kvBad, '#### ⚠️ DNS-RECORD-TTL: A record TTL out of range (warning)')
    const info = at(kvBad, '#### ℹ️ FW-TRUSTED-SERVICES')
    const details = at(kvBad, '<details><summary>✅ 1 check passed</summary>')
    expect(error).toBeLessThan(warning)
    expect(warning).toBeLessThan(info)
    expect(info).toBeLessThan(details)
  })

  it('shows message, observed/expected, fix and guide link for a problem', () => {
    const text = renderSummary(report())
    const section = text.slice(
      at(text, '#### ❌ DNS-RECORD-WRONG-IP'),
      at(text, '#### ⚠️ DNS-RECORD-TTL')
    )
    expect(section).toBe(
      [
        '#### ❌ DNS-RECORD-WRONG-IP: A record points to the wrong IP (error)',
        'A record kv-bad points to 10.1.2.9; the private endpoint pe-kv-bad has 10.1.2.3',
        [
          '- **Observed:** <code>10.1.2.9</code>',
          '- **Expected:** <code>10.1.2.3</code>',
          `- **Resource:** <code>${vaultId('kv-bad')}</code>`
        ].join('\n'),
        '**Fix:**',
        // Past 100 characters, each --flag goes on a line of its own (still one command).
        '```sh\naz network private-dns record-set a update -g rg -z privatelink.vaultcore.azure.net -n kv-bad \\\n    --set aRecords[0].ipv4Address=10.1.2.3\n```',
        '📖 [Troubleshooting guide](https://learn.microsoft.com/azure/key-vault/general/private-link-diagnostics#6-validate-the-private-dns-zone)',
        ''
      ].join('\n\n')
    )
  })

  it('folds what passed into <details>, with passes nowhere else', () => {
    const text = renderSummary(report())
    const folded = [
      ...text.matchAll(/<details><summary>[^\n]*<\/summary>\n\n([\s\S]*?)\n\n<\/details>/g)
    ]
      .map((m) => m[1])
      .join('\n')
    const passLines = text.split('\n').filter((line) => line.startsWith('- ✅'))
    expect(passLines).toHaveLength(4)
    for (const line of passLines) expect(folded).toContain(line)
    expect(text).toContain(
      '<details><summary>✅ Vault <code>kv-ok</code>: 2 checks passed</summary>'
    )
  })

  it('puts findings tied to no vault in their own section', () => {
    const text = renderSummary(
      buildReport([finding('ACCESS-DENIED', null, { notRun: ['DNS-ZONE-MISSING'] })], [])
    )
    expect(text).toContain('No vaults were found to check.')
    expect(text).toContain('### ❌ Not tied to one vault')
    expect(text).toContain('- **Not run because of this:** <code>DNS-ZONE-MISSING</code>')
  })

  it('escapes every value from Azure', () => {
    const evil = 'kv<script>alert(1)</script>|x`y`](javascript:alert(1))'
    const text = renderSummary(
      buildReport(
        [
          finding('DNS-ZONE-MISNAMED', evil, {
            message: `Zone privatelink.vault.azure.net<img src=x onerror=alert(1)> | col\n# Heading\n[link](javascript:alert(1))`,
            observed: '``` fence',
            expected: '</code><b>bold</b>',
            resource: '/x/<script>',
            fix: 'echo ```\n```\nrm -rf / # escaped fence?'
          })
        ],
        [{ name: evil, id: '/subscriptions/x/vaults/<script>' }]
      )
    )
    expect(text).not.toMatch(/<script|<img|<b>|<\/code><b>|\]\(javascript:/i)
    expect(text).toContain(
      '### ❌ Vault <code>kv&#60;script&#62;alert&#40;1&#41;&#60;/script&#62;&#124;x&#96;y&#96;&#93;&#40;javascript:alert&#40;1&#41;&#41;</code>'
    )
    expect(text).toContain(
      'Zone privatelink.vault.azure.net&#60;img src=x onerror=alert&#40;1&#41;&#62; &#124; col<br>&#35; Heading<br>&#91;link&#93;&#40;javascript:alert&#40;1&#41;&#41;'
    )
    // The fix stays verbatim inside a fence longer than any backtick run in it.
    expect(text).toContain('````sh\necho ```\n```\nrm -rf / # escaped fence?\n````')
    // No line of the value starts a heading of its own.
    expect(text.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '## ❌ Key Vault private link check failed',
      expect.stringMatching(/^### ❌ Vault <code>/),
      '#### ❌ DNS-ZONE-MISNAMED: Private DNS zone misnamed (error)'
    ])
  })

  it('drops the passes, then whole sections, to stay under the size limit', () => {
    const many = Array.from({ length: 40 }, (_, i) => `kv-${i}`)
    const big = buildReport(
      many.flatMap((name) => [
        finding('PE-NONE', name, { message: 'x'.repeat(400) }),
        ...Array.from({ length: 10 }, () =>
          pass('DNS-RECORD-TTL', name, { message: 'y'.repeat(400) })
        )
      ]),
      many.map((name) => ({ name, id: vaultId(name) }))
    )
    const withoutPasses = renderSummary(big, 40_000)
    expect(withoutPasses.length).toBeLessThanOrEqual(40_000)
    expect(withoutPasses).toContain('Passed checks are left out so the summary fits')
    // Past 20 vaults each vault's details fold under its heading; no pass is listed.
    expect(withoutPasses).not.toContain('checks passed</summary>')
    expect(withoutPasses).not.toContain('y'.repeat(400))
    expect(withoutPasses).toContain('<details><summary><strong>❌ Vault <code>kv-0</code></strong>')
    // The overview names every failing vault and the rule that hits them.
    expect(withoutPasses).toContain('| <code>kv-39</code> | ❌ fail | <code>PE-NONE</code> |')
    expect(withoutPasses).toContain('| <code>PE-NONE</code> | ❌ error | 40 |')

    const cut = renderSummary(big, 10_000)
    expect(cut.length).toBeLessThanOrEqual(10_000)
    expect(cut).toMatch(/The summary is cut short: \d+ more sections did not fit/)
  })

  it('leaves out a list of healthy vaults that cannot fit whole, and says how many it held', () => {
    // 5 vaults with problems fit; the 3,000 healthy ones' lines (about 90 kB) do not, in 40 kB.
    const failing = Array.from({ length: 5 }, (_, i) => `kv-bad-${i}`)
    const healthy = Array.from({ length: 3000 }, (_, i) => `kv-ok-${String(i).padStart(4, '0')}`)
    const big = buildReport(
      [
        ...failing.map((name) => finding('PE-NONE', name)),
        ...healthy.map((name) => pass('PE-NONE', name, { message: 'x'.repeat(400) }))
      ],
      [...failing, ...healthy].map((name) => ({ name, id: vaultId(name) }))
    )
    const path = '/home/runner/work/_temp/kv-private-link-doctor-report.json'
    const cut = renderSummary(big, 40_000, null, null, path)
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(40_000)
    expect(cut).toContain('<strong>❌ Vault <code>kv-bad-4</code></strong>')
    expect(cut).not.toContain('kv-ok-0000</code>:')
    expect(cut).toContain(
      '> The summary is cut short: 1 more section did not fit (3000 vaults without problems). The JSON report <code>/home/runner/work/&#95;temp/kv-private-link-doctor-report.json</code> (output `report-path`) has every finding.'
    )
  })

  it('counts its limit in UTF-8 bytes and names what it leaves out, with the report’s path', () => {
    // Messages of icons: 3 bytes each in UTF-8, one UTF-16 unit each in a JS string.
    const many = Array.from({ length: 30 }, (_, i) => `kv-${i}`)
    const big = buildReport(
      many.map((name) => finding('PE-NONE', name, { message: '❌'.repeat(1000) })),
      many.map((name) => ({ name, id: vaultId(name) }))
    )
    const path = '/home/runner/work/_temp/kv-private-link-doctor-report.json'
    const cut = renderSummary(big, 40_000, null, null, path)
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(40_000)
    // By characters it would have kept about three times as much.
    expect(cut.length).toBeLessThan(20_000)
    const kept = cut.match(/^<details><summary><strong>❌ Vault /gm)?.length ?? 0
    expect(kept).toBeGreaterThan(5)
    expect(cut).toContain(
      `> The summary is cut short: ${30 - kept} more sections did not fit (the details of ${30 - kept} vaults with problems). The JSON report <code>/home/runner/work/&#95;temp/kv-private-link-doctor-report.json</code> (output \`report-path\`) has every finding.`
    )
  })
})
