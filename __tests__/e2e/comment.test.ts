// `report: comment` end to end: the bundled action in a child process against the emulator's
// GitHub REST API (issue comments with Link-header paging, authors recorded per token).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import healthyEstate, { SUBSCRIPTION_ID, VAULT_RG } from '../../emulator/estates/healthy.js'
import { privateLinkedVault, subnetId } from '../../emulator/estate.js'
import { commentMarker } from '../../src/report/comment.js'
import { runAgainst, startEmulator, type ActionRun, type Emulator } from './harness.js'
import { labelLines, mermaidBlocks, parseMermaid } from '../report/mermaid-parser.js'

interface Comment {
  id: number
  body: string
  user: { login: string; id: number; type: string }
  updatedBy?: string
}

const OWNER = 'contoso'
const REPO = 'infra'
const PR = 7
const KEY = 'infra/kv-doctor'
const TOKEN = 'ghs_workflowtoken0000000000000000000000'

/** An event payload file as the runner writes it (only what the action reads). */
function eventFile(
  fields: { fork?: boolean; deletedFork?: boolean; number?: number } = {}
): string {
  const dir = mkdtempSync(join(tmpdir(), 'kvpld-event-'))
  const path = join(dir, 'event.json')
  const head = fields.fork ? 'someone/infra' : `${OWNER}/${REPO}`
  writeFileSync(
    path,
    JSON.stringify({
      action: 'synchronize',
      number: fields.number ?? PR,
      pull_request: {
        number: fields.number ?? PR,
        head: {
          sha: '0123456789abcdef0123456789abcdef01234567',
          repo: fields.deletedFork ? null : { full_name: head }
        },
        base: { repo: { full_name: `${OWNER}/${REPO}` } }
      },
      repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } }
    })
  )
  return path
}

function comments(emu: Emulator): Comment[] {
  return emu.github.comments(OWNER, REPO, PR) as Comment[]
}

function marked(emu: Emulator): Comment[] {
  return comments(emu).filter((c) => c.body.includes(commentMarker(KEY)))
}

async function commentRun(
  emu: Emulator,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<ActionRun> {
  return runAgainst(
    emu,
    { report: 'summary,comment', 'github-token': TOKEN, 'comment-key': KEY, ...inputs },
    {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile(),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      ...env
    }
  )
}

function lines(run: ActionRun, prefix: string): string[] {
  return run.stdout.split('\n').filter((l: string) => l.startsWith(prefix))
}

/** A request straight to the emulator's GitHub API, as a client other than the action. */
function callGitHub(
  emu: Emulator,
  method: string,
  path: string,
  body: unknown,
  token = TOKEN
): Promise<{ status: number; json: { message?: string; errors?: { message: string }[] } }> {
  const url = new URL(`${emu.env().GITHUB_API_URL}${path}`)
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca: emu.caPem,
        headers: { authorization: `token ${token}`, 'content-type': 'application/json' }
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') })
        )
      }
    )
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

describe('report: comment on a pull request', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ estate: healthyEstate() })
    // Enough other comments that the marker comment lands on the second page (100 per page).
    for (let i = 0; i < 120; i++) emu.github.seedComment(OWNER, REPO, PR, `noise ${i}`)
  })
  afterAll(() => emu.stop())

  it('creates one comment, then updates that same comment on the next run', async () => {
    const first = await commentRun(emu)
    expect(first.exitCode).toBe(0)
    expect(marked(emu)).toHaveLength(1)
    const created = marked(emu)[0] as Comment
    expect(created.user.login).toBe('github-actions[bot]')
    expect(created.body).toContain('Key Vault private link check passed')
    expect(created.body).toContain(
      '[Full report in the job summary](https://github.com/contoso/infra/actions/runs/4242)'
    )
    expect(first.stdout).toContain('Created the pull request comment')
    // The listing went past page 1 (Link header), so the second run must find it there.
    const listed = emu.requests.filter(
      (r) => r.kind === 'github' && r.method === 'GET' && r.path.includes('/issues/7/comments')
    )
    expect(listed.some((r) => r.path.includes('page=2'))).toBe(true)

    const second = await commentRun(emu)
    expect(second.exitCode).toBe(0)
    expect(marked(emu)).toHaveLength(1)
    expect(marked(emu)[0]?.id).toBe(created.id)
    expect(marked(emu)[0]?.updatedBy).toBe('github-actions[bot]')
    expect(second.stdout).toContain('Updated the pull request comment')
    expect(comments(emu)).toHaveLength(121)
    // The job summary is still written, and the token appears nowhere.
    expect(second.summary).toContain('Key Vault private link check passed')
    // Besides the runner's ::add-mask:: line, which hides it in the log.
    const log = second.stdout
      .split('\n')
      .filter((l: string) => !l.startsWith('::add-mask::'))
      .join('\n')
    expect(log + second.stderr + second.summary).not.toContain(TOKEN)
    expect(marked(emu)[0]?.body).not.toContain(TOKEN)
  })

  it('draws each vault as a Mermaid flowchart that parses, in the comment and the summary', async () => {
    const body = marked(emu)[0]?.body ?? ''
    const run = await commentRun(emu)
    const blocks = [...mermaidBlocks(body), ...mermaidBlocks(run.summary)]
    // Two healthy vaults, drawn in the comment; the summary draws only vaults with problems.
    expect(mermaidBlocks(body)).toHaveLength(2)
    expect(mermaidBlocks(run.summary)).toHaveLength(0)
    const parsed = parseMermaid(blocks)
    for (const graph of parsed) {
      if ('error' in graph) throw new Error(graph.error)
      const vault = graph.vertices.find((v) => labelLines(v.text)[0] === 'Key Vault')
      expect(['kv-payments-prod', 'kv-orders-prod']).toContain(labelLines(vault?.text ?? '')[1])
      expect(graph.vertices.filter((v) => v.classes.includes('fail'))).toEqual([])
    }
  })

  it('leaves a comment by someone else that carries the marker untouched', async () => {
    const mallory = emu.github.user('mallory')
    const foreignBody = `${commentMarker(KEY)}\nI copied your marker`
    const foreign = emu.github.seedComment(OWNER, REPO, 8, foreignBody, mallory) as Comment
    const run = await commentRun(emu, {}, { GITHUB_EVENT_PATH: eventFile({ number: 8 }) })
    expect(run.exitCode).toBe(0)
    const thread = emu.github.comments(OWNER, REPO, 8) as Comment[]
    expect(thread).toHaveLength(2)
    expect(thread[0]?.id).toBe(foreign.id)
    expect(thread[0]?.body).toBe(foreignBody)
    expect(thread[0]?.updatedBy).toBeUndefined()
    expect(thread[1]?.user.login).toBe('github-actions[bot]')
    expect(run.stdout).toContain('not written by github-actions[bot] untouched')
  })

  it('with a personal token, updates only that person’s comment, not the bot’s', async () => {
    emu.github.identify('ghp_alicetoken', { login: 'alice' })
    const botBody = `${commentMarker(KEY)}\nwritten by the workflow token`
    const bot = emu.github.seedComment(OWNER, REPO, 9, botBody) as Comment
    const env = { GITHUB_EVENT_PATH: eventFile({ number: 9 }) }
    await commentRun(emu, { 'github-token': 'ghp_alicetoken' }, env)
    await commentRun(emu, { 'github-token': 'ghp_alicetoken' }, env)
    const thread = emu.github.comments(OWNER, REPO, 9) as Comment[]
    expect(thread.map((c) => c.user.login)).toEqual(['github-actions[bot]', 'alice'])
    expect(thread[0]?.id).toBe(bot.id)
    expect(thread[0]?.body).toBe(botBody)
    expect(thread[1]?.updatedBy).toBe('alice')
  })

  it('with a GitHub App’s installation token, finds its own comment via GraphQL, not the workflow bot’s', async () => {
    // actions/create-github-app-token: GET /user is 403, the comments are by my-app[bot].
    const app = emu.github.identify('ghs_myapptoken', { login: 'my-app[bot]', app: true })
    const botBody = `${commentMarker(KEY)}\nwritten by the workflow token`
    const bot = emu.github.seedComment(OWNER, REPO, 14, botBody) as Comment
    const appBody = `${commentMarker(KEY)}\n<!-- kv-private-link-doctor result=fail -->\nby the app`
    const own = emu.github.seedComment(OWNER, REPO, 14, appBody, app) as Comment
    emu.resetLog()
    const run = await commentRun(
      emu,
      { 'github-token': 'ghs_myapptoken' },
      { GITHUB_EVENT_PATH: eventFile({ number: 14 }) }
    )
    expect(run.exitCode).toBe(0)
    const thread = emu.github.comments(OWNER, REPO, 14) as Comment[]
    expect(thread.map((c) => c.id)).toEqual([bot.id, own.id])
    // The workflow bot's comment with the same marker is untouched ...
    expect(thread[0]?.body).toBe(botBody)
    expect(thread[0]?.updatedBy).toBeUndefined()
    // ... and the app's own is updated in place.
    expect(thread[1]?.updatedBy).toBe('my-app[bot]')
    expect(thread[1]?.body).toContain('**Fixed:** the previous run failed')
    expect(run.stdout).toContain('Updated the pull request comment')
    expect(run.stdout).toContain('not written by my-app[bot] untouched')
    const calls = emu.requests.filter((r) => r.kind === 'github').map((r) => r.method + r.path)
    expect(calls.slice(0, 2)).toEqual(['GET/_github/api/user', 'POST/_github/api/graphql'])
    expect(
      emu.requests.filter((r) => r.kind === 'github' && r.path.endsWith('/graphql'))[0]?.status
    ).toBe(200)
  })

  it('falls back to github-actions[bot], and says so, when GraphQL does not answer either', async () => {
    emu.github.identify('ghs_nographql', { graphql: false })
    const env = { GITHUB_EVENT_PATH: eventFile({ number: 15 }) }
    const first = await commentRun(emu, { 'github-token': 'ghs_nographql' }, env)
    const second = await commentRun(emu, { 'github-token': 'ghs_nographql' }, env)
    expect(second.exitCode).toBe(0)
    const thread = emu.github.comments(OWNER, REPO, 15) as Comment[]
    expect(thread).toHaveLength(1)
    expect(thread[0]?.updatedBy).toBe('github-actions[bot]')
    for (const run of [first, second]) {
      expect(run.stdout).toMatch(
        /The token's identity is unknown \(GET \/user refused it; GraphQL viewer: .*502.*\): assuming the workflow token's github-actions\[bot\]\./
      )
    }
  })

  it('updates the oldest of its own duplicate comments and deletes only its own other ones', async () => {
    // Two runs at once each created a comment; someone else and another app copied the marker.
    const n = 16
    const body = (who: string) => `${commentMarker(KEY)}\nby ${who}`
    const mallory = emu.github.seedComment(
      OWNER,
      REPO,
      n,
      body('mallory'),
      emu.github.user('mallory')
    )
    const oldest = emu.github.seedComment(OWNER, REPO, n, body('run 1')) as Comment
    const otherApp = emu.github.seedComment(
      OWNER,
      REPO,
      n,
      body('other app'),
      emu.github.user('other-app[bot]', 'Bot')
    )
    emu.github.seedComment(OWNER, REPO, n, 'unrelated comment by the bot')
    emu.github.seedComment(OWNER, REPO, n, body('run 2'))
    emu.github.seedComment(OWNER, REPO, n, body('run 3'))
    const run = await commentRun(emu, {}, { GITHUB_EVENT_PATH: eventFile({ number: n }) })
    expect(run.exitCode).toBe(0)
    const thread = emu.github.comments(OWNER, REPO, n) as Comment[]
    expect(thread.map((c) => c.body.trimEnd().split('\n').at(-1))).toEqual([
      'by mallory',
      expect.stringContaining('comment-key'),
      'by other app',
      'unrelated comment by the bot'
    ])
    expect(thread[0]?.id).toBe(mallory.id)
    expect(thread[1]?.id).toBe(oldest.id)
    expect(thread[1]?.updatedBy).toBe('github-actions[bot]')
    expect(thread[2]?.id).toBe(otherApp.id)
    expect(thread.filter((c) => c.updatedBy)).toHaveLength(1)
    expect(run.stdout).toContain('Deleted 2 duplicate comments of this job')
    expect(run.stdout).toContain('Left 2 comments that carry this job')
    // The next run finds one comment and deletes nothing.
    const again = await commentRun(emu, {}, { GITHUB_EVENT_PATH: eventFile({ number: n }) })
    expect(emu.github.comments(OWNER, REPO, n)).toHaveLength(4)
    expect(again.stdout).not.toContain('Deleted')
  })

  it('keeps separate comments for different comment-keys', async () => {
    const env = { GITHUB_EVENT_PATH: eventFile({ number: 10 }) }
    await commentRun(emu, { 'comment-key': 'vaults-a' }, env)
    await commentRun(emu, { 'comment-key': 'vaults-b' }, env)
    await commentRun(emu, { 'comment-key': 'vaults-a' }, env)
    const thread = emu.github.comments(OWNER, REPO, 10) as Comment[]
    expect(thread).toHaveLength(2)
    expect(thread[0]?.body).toContain(commentMarker('vaults-a'))
    expect(thread[1]?.body).toContain(commentMarker('vaults-b'))
  })

  it('says so when a failing result turns to pass, instead of dropping the comment', async () => {
    const before = `${commentMarker(KEY)}\n<!-- kv-private-link-doctor result=fail -->\nold failure`
    const seeded = emu.github.seedComment(OWNER, REPO, 11, before) as Comment
    const run = await commentRun(emu, {}, { GITHUB_EVENT_PATH: eventFile({ number: 11 }) })
    expect(run.exitCode).toBe(0)
    const thread = emu.github.comments(OWNER, REPO, 11) as Comment[]
    expect(thread).toHaveLength(1)
    expect(thread[0]?.id).toBe(seeded.id)
    expect(thread[0]?.body).toContain('**Fixed:** the previous run failed; every check passes now.')
    expect(thread[0]?.body).toContain('<!-- kv-private-link-doctor result=pass -->')
  })

  it('skips with a notice on a push event and keeps the job summary', async () => {
    emu.resetLog()
    const run = await commentRun(emu, {}, { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '' })
    expect(run.exitCode).toBe(0)
    expect(lines(run, '::notice::')).toEqual([
      "::notice::report: comment skipped: the 'push' event has no pull request to comment on (only pull_request and pull_request_target do). The job summary has the full report."
    ])
    expect(run.summary).toContain('Key Vault private link check passed')
    expect(emu.requests.filter((r) => r.kind === 'github')).toEqual([])
  })

  it('skips with a notice on a fork’s read-only token (403), without failing the step', async () => {
    emu.github.identify('ghs_forktoken', { write: false })
    const run = await commentRun(
      emu,
      { 'github-token': 'ghs_forktoken' },
      { GITHUB_EVENT_PATH: eventFile({ fork: true, number: 12 }) }
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    const notices = lines(run, '::notice::')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(
      /^::notice::report: comment skipped: the token may not write to this pull request \(HTTP 403: Resource not accessible by integration\); a pull request from a fork gets a read-only token\./
    )
    expect(lines(run, '::error')).toEqual([])
    expect(emu.github.comments(OWNER, REPO, 12)).toEqual([])
    expect(run.summary).toContain('Key Vault private link check passed')
  })

  it.each([
    [
      'a deleted fork (head repository null)',
      { deletedFork: true, number: 14 },
      {},
      'a pull request from a fork'
    ],
    [
      'Dependabot',
      { number: 15 },
      { GITHUB_ACTOR: 'dependabot[bot]' },
      'a run triggered by Dependabot'
    ]
  ])('skips with a notice, not a permissions warning, for %s', async (_case, event, env, why) => {
    const run = await commentRun(
      emu,
      { 'github-token': 'ghs_forktoken' },
      { GITHUB_EVENT_PATH: eventFile(event), ...env }
    )
    expect(run.exitCode).toBe(0)
    expect(lines(run, '::warning')).toEqual([])
    const notices = lines(run, '::notice::')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain(`${why} gets a read-only token`)
  })

  it('warns to add pull-requests: write when a same-repository token may not write', async () => {
    const run = await commentRun(
      emu,
      { 'github-token': 'ghs_forktoken' },
      { GITHUB_EVENT_PATH: eventFile({ number: 13 }) }
    )
    expect(run.exitCode).toBe(0)
    const warnings = lines(run, '::warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain("Give the job 'permissions: pull-requests: write'")
  })
})

describe('the emulated GitHub API', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ estate: healthyEstate() })
  })
  afterAll(() => emu.stop())

  it('rejects a comment body over 65,536 characters with 422, as GitHub does', async () => {
    const path = `/repos/${OWNER}/${REPO}/issues/${PR}/comments`
    const tooLong = await callGitHub(emu, 'POST', path, { body: 'x'.repeat(65_537) })
    expect(tooLong.status).toBe(422)
    expect(tooLong.json.errors?.[0]?.message).toBe('Body is too long (maximum is 65536 characters)')
    const fits = await callGitHub(emu, 'POST', path, { body: 'x'.repeat(65_536) })
    expect(fits.status).toBe(201)
    const id = (fits.json as { id?: number }).id
    const edit = await callGitHub(emu, 'PATCH', `/repos/${OWNER}/${REPO}/issues/comments/${id}`, {
      body: `${'x'.repeat(65_536)}y`
    })
    expect(edit.status).toBe(422)
    expect(emu.github.comments(OWNER, REPO, PR).map((c: Comment) => c.body.length)).toEqual([
      65_536
    ])
  })

  it('answers GraphQL viewer for the identity behind the token', async () => {
    const app = emu.github.identify('ghs_viewerapp', { login: 'viewer-app[bot]', app: true })
    const query = { query: 'query { viewer { login databaseId } }' }
    const workflow = await callGitHub(emu, 'POST', '/graphql', query)
    expect(workflow.json).toEqual({
      data: { viewer: { login: 'github-actions[bot]', databaseId: 41898282 } }
    })
    const installation = await callGitHub(emu, 'POST', '/graphql', query, 'ghs_viewerapp')
    expect(installation.json).toEqual({
      data: { viewer: { login: 'viewer-app[bot]', databaseId: app.id } }
    })
    // GET /user stays 403 for an installation token.
    const user = await callGitHub(emu, 'GET', '/user', undefined, 'ghs_viewerapp')
    expect(user.status).toBe(403)
  })
})

describe('report: comment on a large failing estate', () => {
  let emu: Emulator
  let run: ActionRun
  const VAULTS = 70
  beforeAll(async () => {
    const estate = healthyEstate()
    const zone = estate.resources.find(
      (r: { type: string }) => r.type === 'Microsoft.Network/privateDnsZones'
    )
    const vnet = estate.resources.find(
      (r: { type: string }) => r.type === 'Microsoft.Network/virtualNetworks'
    )
    for (let i = 0; i < VAULTS; i++) {
      const broken = privateLinkedVault({
        subscriptionId: SUBSCRIPTION_ID,
        resourceGroup: VAULT_RG,
        name: `kv-broken-${String(i).padStart(3, '0')}`,
        subnetId: subnetId(vnet.id, 'snet-private-endpoints'),
        ip: `10.20.2.${i + 1}`,
        zoneId: zone.id,
        dnsZoneGroup: false,
        aRecord: { ttl: 10, ips: ['10.20.9.9'] }
      })
      estate.resources.push(...broken.resources)
    }
    emu = await startEmulator({ estate })
    run = await commentRun(emu, {}, { GITHUB_EVENT_PATH: eventFile({ number: 20 }) })
  })
  afterAll(() => emu.stop())

  // The emulator rejects a longer body with 422, as GitHub does, so a comment that got there fits.
  it('stays within 65,536 characters and keeps every error with its fix and the summary link', () => {
    expect(run.exitCode).toBe(1)
    const thread = emu.github.comments(OWNER, REPO, 20) as Comment[]
    expect(thread).toHaveLength(1)
    const body = thread[0]?.body ?? ''
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body.length).toBeGreaterThan(20_000)
    expect(body).toContain(
      '[Full report in the job summary](https://github.com/contoso/infra/actions/runs/4242)'
    )
    const errors = (
      run.report.findings as { severity: string; vault: string; fix: string }[]
    ).filter((f) => f.severity === 'error')
    expect(errors.length).toBeGreaterThanOrEqual(VAULTS)
    // Long commands are broken before each --flag with `\` continuations: read them joined.
    const joined = body.replace(/ \\\n\s+/g, ' ')
    for (const error of errors) {
      expect(body).toContain(`<code>${error.vault}</code>`)
      const firstFixLine = error.fix.split('\n')[0] ?? ''
      expect(joined).toContain(firstFixLine)
    }
    // Passes went first.
    expect(body).not.toContain('checks passed')
    // Annotations are capped, and say so.
    const annotations = lines(run, '::error title=')
    expect(annotations).toHaveLength(9)
    expect(annotations[8]).toMatch(/more errors not annotated/)
  })
})
