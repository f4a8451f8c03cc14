// Every fix the action can write, through the real Azure CLI. The built action (dist/index.js)
// runs over every emulator estate and the probe scenarios that give a fix (corpus.ts); each
// distinct `az` line of every fix then runs, without a login, in an empty network namespace
// (azure-cli.ts). It passes when the CLI gets past argument parsing and stops at "Please run
// 'az login'". Every fix must also pass `bash -n`, and every `az` template written in src/ must
// show up in some fix (templates.ts), so a template no estate reaches fails here too.
// Needs `npm run package` first, like the e2e tests.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  azConfigDir,
  azUnavailable,
  bashSyntaxError,
  mapLimit,
  runInNamespace,
  verdict,
  type Verdict
} from './azure-cli.js'
import {
  collectFixes,
  ESTATE_FILES,
  PROBE_SCENARIOS,
  WITHOUT_FIX,
  type FixSource
} from './corpus.js'
import { azTemplates, fills, type Template } from './templates.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const CONCURRENCY = 2
const SUB = '00000000-0000-0000-0000-000000000000'

/**
 * Commands and flags the fixes may use that are newer than Debian's azure-cli 2.45, each with the
 * CLI reference page that documents it. A `flag` is removed (with its value) before the line runs,
 * and the rest of the line must still parse; a `command` cannot be checked here at all, so its
 * lines only have to fail for that reason (or pass, on a newer CLI). Calibration below proves the
 * packaged CLI really lacks each one.
 */
interface Newer {
  kind: 'flag' | 'command'
  pattern: RegExp
  what: string
  docs: string
  /** A line using it, for the calibration. */
  example: string
  /** What 2.45 says to the example. */
  packaged: RegExp
}

const VNET_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet`

const NEWER: Newer[] = [
  {
    kind: 'flag',
    pattern: /\s--resolution-policy\s+\S+/,
    what: '--resolution-policy of az network private-dns link vnet create/update',
    docs: 'https://learn.microsoft.com/cli/azure/network/private-dns/link/vnet',
    example: `az network private-dns link vnet create -g rg -z privatelink.vaultcore.azure.net -n link -v ${VNET_ID} -e false --resolution-policy NxDomainRedirect`,
    packaged: /unrecognized arguments: --resolution-policy NxDomainRedirect/
  },
  {
    kind: 'command',
    pattern: /^az dns-resolver\s/,
    what: 'az dns-resolver (the dns-resolver extension, not in the package)',
    docs: 'https://learn.microsoft.com/cli/azure/dns-resolver',
    example: 'az dns-resolver list -g rg',
    packaged: /'dns-resolver' is misspelled or not recognized by the system/
  },
  {
    // Not newer, but broken in Debian's package: its AAZ version of the command asks for an
    // argument `--args` whatever it is given (so do the other `az network nic` AAZ commands).
    kind: 'command',
    pattern: /^az network nic show-effective-route-table\s/,
    what: 'az network nic show-effective-route-table (broken in Debian azure-cli 2.45: "--args" required)',
    docs: 'https://learn.microsoft.com/cli/azure/network/nic#az-network-nic-show-effective-route-table',
    example: `az network nic show-effective-route-table --name nic1 --resource-group rg --subscription ${SUB} -o table`,
    packaged: /the following arguments are required: --args/
  }
]

/** Lines with a known verdict: if these come out otherwise, the check itself is broken. */
const CALIBRATION: { line: string; ok: boolean; reason?: RegExp }[] = [
  { line: `az keyvault show --name kv-calibration --subscription ${SUB}`, ok: true },
  // The network module loads at all (see az-shim/sitecustomize.py): an AAZ command here, an SDK
  // one (private-endpoint-connection) next.
  {
    line: `az network private-endpoint show --ids /subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe`,
    ok: true
  },
  // POSIX quoting reaches the CLI as one argument.
  {
    line: `az network private-endpoint-connection approve --id /subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/privateEndpointConnections/pe.1 --description 'it'\\''s approved'`,
    ok: true
  },
  {
    line: 'az keyvault show --name kv-calibration --no-such-flag',
    ok: false,
    reason: /unrecognized arguments: --no-such-flag/
  },
  {
    line: 'az network private-dns record-set a add-record -g rg -z privatelink.vaultcore.azure.net -n kv',
    ok: false,
    reason: /the following arguments are required: --ipv4-address/
  },
  {
    line: 'az keyvalt show --name kv-calibration',
    ok: false,
    reason: /'keyvalt' is misspelled or not recognized/
  },
  {
    line: `az keyvault update --name kv --subscription ${SUB} --public-network-access Sometimes`,
    ok: false,
    reason: /'Sometimes' is not a valid value for '--public-network-access'/
  },
  // The shell's own complaints count as failures too.
  {
    line: `az keyvault show --name <vault-name> --subscription ${SUB}`,
    ok: false,
    reason: /cannot open vault-name/
  }
]

interface LineCheck {
  line: string
  from: string[]
  verdict: Verdict
  /** NEWER entries the line relies on. */
  newer: Newer[]
}

/** Stands in for a placeholder: an ID also does where a name is asked for. */
const FILLED_IN = `/subscriptions/${SUB}/resourceGroups/filled-in/providers/Microsoft.Network/virtualNetworks/filled-in/subnets/filled-in`

const verdictOk: Verdict = { ok: true, reason: '' }

/** The line without the newer flag and its value. */
function strip(line: string, newer: Newer): string {
  return line.replace(new RegExp(newer.pattern.source, 'g'), '')
}

/** Words sh reads as redirections: a `<placeholder>` written bare. */
function barePlaceholders(line: string): string[] {
  return line.split(/\s+/).filter((word) => /[<>]/.test(word) && !/^['"]/.test(word))
}

const dirs = Array.from({ length: CONCURRENCY }, () => azConfigDir())
const run = (line: string, worker: number): Promise<Verdict> =>
  runInNamespace(line, dirs[worker] as string).then(verdict)

async function checkLine(line: string, from: string[], worker: number): Promise<LineCheck> {
  const newer = NEWER.filter((n) => n.pattern.test(line))
  let runnable = line
  for (const n of newer.filter((x) => x.kind === 'flag')) runnable = strip(runnable, n)
  const placeholders = barePlaceholders(runnable)
  // With the placeholders filled in, the CLI still says whether the rest of the line parses.
  for (const word of placeholders) runnable = runnable.replace(word, FILLED_IN)
  let result = await run(runnable, worker)
  // A command the packaged CLI cannot check fails for the reason its entry names, and only that.
  if (newer.some((n) => n.kind === 'command' && n.packaged.test(result.reason)))
    result = { ok: true, reason: '' }
  if (placeholders.length > 0) {
    result = {
      ok: false,
      reason:
        `bare ${placeholders.join(' ')}: sh reads < and > as redirections, so the pasted line ` +
        `does not even reach az (with it filled in: ${result.ok ? 'parses' : result.reason})`
    }
  }
  return { line, from, verdict: result, newer }
}

let unavailable: string | null = null
let calibration: { line: string; verdict: Verdict }[] = []
let newerCalibration: { newer: Newer; original: Verdict; stripped: Verdict }[] = []
let fixes: FixSource[] = []
let azLines: LineCheck[] = []
let otherLines: { line: string; from: string[] }[] = []
let templates: Template[] = []
/** Seconds per phase, for the summary line (the whole check should stay under a minute). */
const phases: string[] = []
let phaseStart = Date.now()
function phase(name: string): void {
  phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`)
  phaseStart = Date.now()
}

beforeAll(async () => {
  unavailable = azUnavailable()
  if (unavailable) throw new Error(unavailable)
  if (!existsSync(join(root, 'dist', 'index.js')))
    throw new Error('dist/index.js is missing: run `npm run package` first')
  templates = azTemplates(join(root, 'src'), root)
  phase('templates')

  // Calibration first: the first call in each config dir also builds the CLI's command index.
  calibration = await mapLimit(CALIBRATION, CONCURRENCY, async (c, worker) => ({
    line: c.line,
    verdict: await run(c.line, worker)
  }))
  newerCalibration = await mapLimit(NEWER, CONCURRENCY, async (n, worker) => ({
    newer: n,
    original: await run(n.example, worker),
    stripped: n.kind === 'flag' ? await run(strip(n.example, n), worker) : verdictOk
  }))

  phase('calibration')
  fixes = await collectFixes(CONCURRENCY)
  phase('action runs')
  const byLine = new Map<string, string[]>()
  for (const { fix, from } of fixes) {
    for (const line of fix.split('\n')) {
      if (!byLine.has(line)) byLine.set(line, [])
      byLine.get(line)?.push(from)
    }
  }
  const entries = [...byLine.entries()]
  otherLines = entries.filter(([l]) => !/^az\s/.test(l)).map(([line, from]) => ({ line, from }))
  azLines = await mapLimit(
    entries.filter(([l]) => /^az\s/.test(l)),
    CONCURRENCY,
    ([line, from], worker) => checkLine(line, from, worker)
  )
  phase('az lines')
}, 900000)

afterAll(() => {
  if (unavailable) return
  const failed = azLines.filter((c) => !c.verdict.ok).length
  const relying = azLines.filter((c) => c.newer.length > 0)
  console.info(
    [
      `Azure CLI check: ${new Set(fixes.map((f) => f.fix)).size} distinct fixes, ${azLines.length} distinct az lines ` +
        `(${azLines.length - failed} parse, ${failed} fail), ${otherLines.length} other lines, ` +
        `${templates.length} templates in src/; ${phases.join(', ')}`,
      ...relying.map(
        (c) => `  newer than the packaged CLI: ${c.line}\n    see ${c.newer.map((n) => n.docs)}`
      )
    ].join('\n')
  )
})

describe('the fix commands, through the real Azure CLI', () => {
  it('calibrates: known-good lines parse, known-bad lines fail for their own reason', () => {
    expect(
      calibration.map((c, i) => ({
        line: c.line,
        ok: c.verdict.ok,
        reason: CALIBRATION[i]?.reason?.test(c.verdict.reason) ? 'as expected' : c.verdict.reason
      }))
    ).toEqual(
      CALIBRATION.map((c) => ({ line: c.line, ok: c.ok, reason: c.ok ? '' : 'as expected' }))
    )
  })

  it('lists each command or flag newer than the packaged CLI with its reference page, and the packaged CLI really lacks it', () => {
    for (const { newer, original, stripped } of newerCalibration) {
      expect(newer.docs).toMatch(/^https:\/\/learn\.microsoft\.com\/cli\/azure\//)
      expect({ what: newer.what, says: original.reason }).toEqual({
        what: newer.what,
        says: expect.stringMatching(newer.packaged)
      })
      // Without the newer flag the example parses: the check that remains is a real one.
      expect({ what: newer.what, stripped }).toEqual({ what: newer.what, stripped: verdictOk })
    }
  })

  it('every error and warning of every estate and probe scenario run carries a fix', () => {
    expect(WITHOUT_FIX).toEqual([])
  })

  it('gathers the fixes of every estate in emulator/estates and of the probe scenarios', () => {
    const estates = readdirSync(join(root, 'emulator', 'estates'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.replace(/\.js$/, ''))
      .sort()
    expect([...ESTATE_FILES].sort()).toEqual(estates)
    for (const scenario of PROBE_SCENARIOS) {
      expect(fixes.some((f) => f.from.startsWith(`probe ${scenario}:`))).toBe(true)
    }
    expect(azLines.length).toBeGreaterThan(50)
  })

  it('every fix passes bash -n', () => {
    const broken = [...new Set(fixes.map((f) => f.fix))].flatMap((fix) => {
      const error = bashSyntaxError(fix)
      if (!error) return []
      const from = fixes.filter((f) => f.fix === fix).map((f) => f.from)
      return [`${from[0]}${from.length > 1 ? ` (+${from.length - 1})` : ''}: ${error}\n${fix}`]
    })
    expect(broken).toEqual([])
  })

  it('every line that is not az (nslookup, curl, openssl, grep, export) passes bash -n', () => {
    expect(otherLines.length).toBeGreaterThan(0)
    const broken = otherLines.flatMap(({ line, from }) => {
      const error = bashSyntaxError(line)
      return error ? [`${from[0]}: ${error}\n${line}`] : []
    })
    expect(broken).toEqual([])
  })

  it("every distinct az line gets past the CLI's argument parsing", () => {
    const failures = azLines
      .filter((c) => !c.verdict.ok)
      .map(
        (c) =>
          `${c.from[0]}${c.from.length > 1 ? ` (+${c.from.length - 1})` : ''}:\n  ${c.line}\n  → ${c.verdict.reason}`
      )
    expect(failures).toEqual([])
  })

  it('every az template written in src/ shows up in some fix', () => {
    expect(templates.length).toBeGreaterThan(20)
    const lines = [...azLines.map((c) => c.line)]
    const unreached = templates
      .filter((t) => !lines.some((line) => fills(t, line)))
      .map((t) => `${t.where}: ${t.source}`)
    expect(unreached).toEqual([])
  })
})
