// Sign-in failures name the real fault: the bundled action in a child process asks the emulator's
// GitHub OIDC endpoint for its token through @actions/core, and that endpoint fails the way a
// self-hosted runner's path to GitHub fails (a proxy's untrusted certificate, a refused
// connection, a 5xx) or the way GitHub refuses a job without `id-token: write` (401/403).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import healthyEstate from '../../emulator/estates/healthy.js'
import { errorLines, runAgainst, startEmulator, type ActionRun, type Emulator } from './harness.js'

const PERMISSION_FIX = "Add 'permissions: { id-token: write, contents: read }'"
const PERMISSION_POSSIBLE = "less likely, the job lacks 'permissions: id-token: write'"

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ estate: healthyEstate() })
})
afterAll(() => emu.stop())

/** The one `::error::` line of a run that failed at sign-in, before any ARM request. */
function signInLine(run: ActionRun): string {
  expect(run.exitCode).toBe(1)
  const errors = errorLines(run)
  expect(errors).toHaveLength(1)
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(emu.requests.filter((r: { kind: string }) => r.kind === 'arm')).toEqual([])
  const requestToken = emu.env().ACTIONS_ID_TOKEN_REQUEST_TOKEN
  expect(run.stdout + run.stderr).not.toContain(requestToken)
  return (errors[0] ?? '').replace(/^::error::/, '')
}

async function runWithFault(fault: { status: number }): Promise<ActionRun> {
  emu.resetLog()
  emu.faults.add({ match: 'GET /_github/oidc/token', times: 1, ...fault })
  try {
    return await runAgainst(emu)
  } finally {
    emu.faults.clear()
  }
}

describe('the OIDC token request fails', () => {
  it.each([401, 403])('HTTP %d from the token endpoint: add id-token: write', async (status) => {
    const line = signInLine(await runWithFault({ status }))
    expect(line).toMatch(
      new RegExp(
        `^Cannot get the workflow's OIDC token: GitHub's OIDC token endpoint ${emu.url.replace(/\./g, '\\.')} refused it with HTTP ${status} \\(.*Emulated fault.*\\)\\. Add 'permissions: \\{ id-token: write, contents: read \\}'`
      )
    )
  })

  it('HTTP 500: says so, GitHub or a proxy, and the permission only as a possibility', async () => {
    const line = signInLine(await runWithFault({ status: 500 }))
    expect(line).toContain(
      `Cannot get the workflow's OIDC token: GitHub's OIDC token endpoint ${emu.url} answered HTTP 500 (`
    )
    expect(line).toContain('InternalServerError')
    expect(line).toContain(
      "A fault on GitHub's side (check githubstatus.com and re-run the job) or, on a self-hosted runner, of a proxy"
    )
    expect(line).toContain(PERMISSION_POSSIBLE)
    expect(line).not.toContain(PERMISSION_FIX)
  })

  it('HTTP 404 (a runner that does not serve tokens): says the endpoint gave none', async () => {
    const line = signInLine(await runWithFault({ status: 404 }))
    expect(line).toContain(
      `Cannot get the workflow's OIDC token: GitHub's OIDC token endpoint ${emu.url} answered without one`
    )
    expect(line).toContain('local runners (act, @github/local-action) do not implement them')
    expect(line).not.toContain(PERMISSION_FIX)
  })

  it('an untrusted certificate (a TLS-inspecting proxy): names TLS and NODE_EXTRA_CA_CERTS, and that CA fixes it', async () => {
    const proxy = await emu.untrustedListener()
    const host = new URL(proxy.url).host
    emu.resetLog()
    const run = await runAgainst(
      emu,
      {},
      { ACTIONS_ID_TOKEN_REQUEST_URL: emu.oidcRequestUrl(proxy.url) }
    )
    const line = signInLine(run)
    expect(line).toMatch(
      new RegExp(
        `^Cannot get the workflow's OIDC token: the TLS certificate that ${host.replace(/\./g, '\\.')} presented is not trusted \\((unable to verify the first certificate|self[- ]signed certificate)[^)]*\\)\\. `
      )
    )
    expect(line).toContain('TLS-inspecting proxy')
    expect(line).toContain('NODE_EXTRA_CA_CERTS=')
    expect(line).toContain('NODE_OPTIONS=--use-system-ca')
    expect(line).toContain(PERMISSION_POSSIBLE)
    expect(line).not.toContain(PERMISSION_FIX)
    expect(emu.requests.filter((r: { kind: string }) => r.kind === 'oidc')).toEqual([])

    // What the message advises: trust the proxy's CA (beside the emulator's own) and it works.
    const dir = mkdtempSync(join(tmpdir(), 'kvpld-ca-bundle-'))
    try {
      const bundle = join(dir, 'bundle.pem')
      writeFileSync(bundle, readFileSync(emu.caPath, 'utf8') + proxy.caPem)
      const fixed = await runAgainst(
        emu,
        {},
        { ACTIONS_ID_TOKEN_REQUEST_URL: emu.oidcRequestUrl(proxy.url), NODE_EXTRA_CA_CERTS: bundle }
      )
      expect(errorLines(fixed)).toEqual([])
      expect(fixed.outputs.result).toBe('pass')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a refused connection: says the runner cannot reach the endpoint, and where to look', async () => {
    const refused = await emu.refusedUrl()
    const host = new URL(refused).host
    emu.resetLog()
    const line = signInLine(
      await runAgainst(emu, {}, { ACTIONS_ID_TOKEN_REQUEST_URL: emu.oidcRequestUrl(refused) })
    )
    expect(line).toMatch(
      new RegExp(
        `^Cannot get the workflow's OIDC token: cannot reach ${host.replace(/\./g, '\\.')} \\(connect ECONNREFUSED ${host.replace(/\./g, '\\.')}\\)\\. `
      )
    )
    expect(line).toContain('firewall, DNS, and HTTPS_PROXY/NO_PROXY')
    expect(line).toContain(PERMISSION_POSSIBLE)
    expect(line).not.toContain(PERMISSION_FIX)
  })
})

describe('tenant-id', () => {
  it('signs in with a domain name of the tenant instead of its ID', async () => {
    const estate = healthyEstate()
    estate.identity.domains = ['contoso.onmicrosoft.com']
    const byDomain = await startEmulator({ estate })
    try {
      const run = await runAgainst(byDomain, { 'tenant-id': 'Contoso.onmicrosoft.com' })
      expect(errorLines(run)).toEqual([])
      expect(run.outputs.result).toBe('pass')
      const entra = byDomain.requests.filter((r: { kind: string }) => r.kind === 'entra')
      expect(entra[0]?.path).toBe('/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration')
    } finally {
      await byDomain.stop()
    }
  })
})
