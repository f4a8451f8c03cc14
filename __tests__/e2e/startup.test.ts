// What the built bundle loads before it can say an input is wrong: only its entry and the chunks
// that parse inputs, never an Azure SDK, MSAL or @actions/core's HTTP client; and source maps
// only with step debug logging on. The files Node loads are recorded by a module hook passed
// with --import (Node's own loader sees every chunk the bundle imports).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import healthyEstate from '../../emulator/estates/healthy.js'
import { type Emulator, errorLines, runAgainst, startEmulator } from './harness.js'

let work: string
let hook: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kvpld-startup-'))
  hook = join(work, 'record-loads.mjs')
  writeFileSync(
    hook,
    [
      "import { registerHooks } from 'node:module'",
      "import { appendFileSync } from 'node:fs'",
      'registerHooks({',
      '  load(url, context, nextLoad) {',
      "    if (url.startsWith('file:')) appendFileSync(process.env.KVPLD_LOADED, url + '\\n')",
      '    return nextLoad(url, context)',
      '  }',
      '})',
      ''
    ].join('\n')
  )
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The dist files a run loaded, with their text. */
function recording(name: string): { env: Record<string, string>; loaded: () => string[] } {
  const file = join(work, name)
  writeFileSync(file, '')
  return {
    env: { NODE_OPTIONS: `--import=${pathToFileURL(hook).href}`, KVPLD_LOADED: file },
    loaded: () =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((url) => url.includes('/dist/'))
        .map((url) => new URL(url).pathname)
  }
}

const loadedText = (files: string[]): string =>
  files.map((file) => readFileSync(file, 'utf8')).join('\n')

// Markers of what must not load for a bad input: each SDK's client class, MSAL, undici's errors (undici is what
// @actions/core's HTTP client imports).
const HEAVY = [
  'NetworkReadClient',
  'KeyVaultManagementClient',
  'PrivateDnsManagementClient',
  'ConfidentialClientApplication',
  'UndiciError'
]

describe('start-up of the built bundle', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ estate: healthyEstate() })
  })
  afterAll(() => emu.stop())

  it('reports a bad input having loaded no Azure SDK, MSAL or HTTP client', async () => {
    const rec = recording('bad.txt')
    const run = await runAgainst(emu, { 'subscription-id': 'not-a-guid' }, rec.env)
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(/^::error::Input 'subscription-id' is 'not-a-guid'/)
    ])
    // The run's folder is in the test run's temporary folder (jest's global setup), which its
    // teardown removes.
    expect(tmpdir()).toMatch(/\/kvpld-test-[^/]+$/)
    expect(dirname(run.workDir)).toBe(tmpdir())
    const files = rec.loaded()
    expect(files.map((f) => basename(f))).toContain('index.js')
    const text = loadedText(files)
    for (const marker of HEAVY) expect(text).not.toContain(marker)
    // Without step debug: no stack, no debug line.
    expect(run.stdout).not.toMatch(/::debug::/)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })

  it('a healthy run loads the SDKs only after the inputs (the recording sees them)', async () => {
    const rec = recording('healthy.txt')
    const run = await runAgainst(emu, {}, rec.env)
    expect(run.exitCode).toBe(0)
    const text = loadedText(rec.loaded())
    for (const marker of HEAVY.slice(0, 3)) expect(text).toContain(marker)
  })

  it('with step debug on, the stack names the TypeScript source (dist/*.map)', async () => {
    const run = await runAgainst(emu, { 'subscription-id': 'not-a-guid' }, { RUNNER_DEBUG: '1' })
    expect(run.exitCode).toBe(1)
    const debug = run.stdout.split('\n').filter((line) => line.startsWith('::debug::InputError'))
    expect(debug).toHaveLength(1)
    expect(debug[0]).toMatch(/at parseSubscription \(\S*src\/inputs\/parse\.ts:\d+:\d+\)/)
    expect(debug[0]).toMatch(/src\/main\.ts:\d+/)
    expect(debug[0]).not.toMatch(/\.index\.js:\d+/)
  })
})
