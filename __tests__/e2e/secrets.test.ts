// No token — GitHub's OIDC token, its request token, an Azure access token, the GitHub token —
// may appear in the log (besides ::add-mask:: lines), the summary, the outputs or the report.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import sampleEstate from '../../emulator/estates/sample.js'
import { runAgainst, startEmulator, type ActionRun, type Emulator } from './harness.js'

const GITHUB_TOKEN = 'ghs_' + 'S3cr3tGitHubTokenValue0123456789abcd'
let emu: Emulator
let run: ActionRun
beforeAll(async () => {
  emu = await startEmulator({ estate: sampleEstate() })
  run = await runAgainst(emu, { 'github-token': GITHUB_TOKEN })
})
afterAll(() => emu.stop())

it('keeps every token out of what it writes', () => {
  const secrets: string[] = [
    GITHUB_TOKEN,
    emu.env().ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    ...emu.issuedSecrets()
  ]
  expect(secrets.length).toBeGreaterThanOrEqual(4) // request token, GitHub token, ID token, access token
  const log = run.stdout
    .split('\n')
    .filter((l: string) => !l.startsWith('::add-mask::'))
    .join('\n')
  const written = [
    log,
    run.stderr,
    run.summary,
    JSON.stringify(run.outputs),
    readFileSync(String(run.reportPath), 'utf8')
  ]
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(16)
    for (const text of written) expect(text.includes(secret)).toBe(false)
  }
  expect(run.report.findings.length).toBeGreaterThan(0)
})

it('asks the runner to mask the GitHub token and every Azure access token it obtains', () => {
  const masked = run.stdout
    .split('\n')
    .filter((l: string) => l.startsWith('::add-mask::'))
    .map((l: string) => l.slice('::add-mask::'.length))
  expect(masked).toContain(GITHUB_TOKEN)
  // issuedSecrets: the ID token(s) GitHub's endpoint handed out and the access token(s) Entra did.
  for (const secret of emu.issuedSecrets()) expect(masked).toContain(secret)
})
