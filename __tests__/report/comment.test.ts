import { describe, expect, it } from '@jest/globals'
import {
  commentMarker,
  COMMENT_MAX_CHARS,
  COMMENT_TABLE_ROWS,
  previousResult,
  renderComment
} from '../../src/report/comment.js'
import { postComment } from '../../src/report/publish.js'
import { sameAuthor, whoAmI, type CommentSink } from '../../src/report/sticky-comment.js'
import { buildReport } from '../../src/report/report.js'
import { finding, pass, vaultId } from './findings.js'

const DIAGRAM = 'flowchart LR\n  n0(["Key Vault<br>kv-bad"])'

function report(vaults = 1, passesPerVault = 3) {
  const list = Array.from({ length: vaults }, (_, i) => `kv-bad-${i}`)
  const findings = list.flatMap((name) => [
    finding('DNS-RECORD-WRONG-IP', name, {
      message:
        `A record ${name} points to 10.1.2.9; the private endpoint pe-${name} has 10.1.2.3. `.repeat(
          3
        ),
      fix: `az network private-dns record-set a add-record -g rg -z privatelink.vaultcore.azure.net -n ${name} -a 10.1.2.3`
    }),
    finding('DNS-RECORD-TTL', name, { severity: 'warning', fix: `az ttl ${name}` }),
    ...Array.from({ length: passesPerVault }, () => pass('PE-NONE', name))
  ])
  return buildReport(
    findings,
    list.map((name) => ({ name, id: vaultId(name) }))
  )
}

const diagrams = (count: number) =>
  new Map(Array.from({ length: count }, (_, i) => [`kv-bad-${i}`, DIAGRAM]))

const URL = 'https://github.com/contoso/infra/actions/runs/1'

describe('commentMarker', () => {
  it('is a hidden HTML comment no key can end early or make a prefix of another', () => {
    expect(commentMarker('infra/kv-doctor')).toBe(
      '<!-- kv-private-link-doctor comment-key=infra%2Fkv%2Ddoctor -->'
    )
    expect(commentMarker('a --> b')).toBe(
      '<!-- kv-private-link-doctor comment-key=a%20%2D%2D%3E%20b -->'
    )
    expect(commentMarker('key')).not.toContain(commentMarker('ke'))
  })

  it('reads the result an earlier comment recorded', () => {
    const body = renderComment(report(), { key: 'k' })
    expect(previousResult(body)).toBe('fail')
    expect(previousResult('no marker here')).toBeNull()
  })
})

describe('renderComment', () => {
  it('shows each vault with its diagram, every problem with its fix, passes folded', () => {
    const body = renderComment(report(2), {
      key: 'k',
      diagrams: diagrams(2),
      summaryUrl: URL,
      sha: 'abcdef0123456789'
    })
    expect(
      body.startsWith(`${commentMarker('k')}\n\n<!-- kv-private-link-doctor result=fail -->`)
    ).toBe(true)
    expect(body).toContain('## ❌ Key Vault private link check failed')
    // Finding titles read as h4 under h3 vault headings, not as small h5.
    expect(body).toContain('#### ❌ DNS-RECORD-WRONG-IP: A record points to the wrong IP')
    expect(body).not.toMatch(/^##### /m)
    expect(body.match(/```mermaid\n/g)).toHaveLength(2)
    expect(body).toContain('-n kv-bad-1 -a 10.1.2.3')
    expect(body).toContain('<details><summary>✅ 3 checks passed</summary>')
    expect(body).toContain(`[Full report in the job summary](${URL})`)
    expect(body).toContain('commit <code>abcdef012345</code>')
    const noSummary = renderComment(report(), { key: 'k', summaryUrl: URL, summaryWritten: false })
    expect(noSummary).toContain(`[Full report in the workflow run](${URL})`)
  })

  it('heads a managed HSM as one, a key vault as a vault, and findings of no vault as such', () => {
    const hsmId = vaultId('hsm1').replace('/vaults/', '/managedHSMs/')
    const mixed = buildReport(
      [
        finding('PE-NONE', 'hsm1', { resource: hsmId }),
        pass('PE-NONE', 'kv1'),
        finding('ARM-ERROR', null)
      ],
      [
        { name: 'hsm1', id: hsmId },
        { name: 'kv1', id: vaultId('kv1') }
      ]
    )
    const headings = renderComment(mixed, { key: 'k' }).match(/^### .*$/gm)
    expect(headings).toEqual([
      expect.stringMatching(/^### ❌ Not tied to one vault: 1 error, /),
      expect.stringMatching(/^### ❌ Managed HSM <code>hsm1<\/code>: 1 error, /)
    ])
    expect(renderComment(mixed, { key: 'k' })).toContain('✅ Vault <code>kv1</code>: ')
  })

  it('says when a failing result turned to pass', () => {
    const passing = buildReport([pass('PE-NONE', 'kv1')], [{ name: 'kv1', id: vaultId('kv1') }])
    expect(renderComment(passing, { key: 'k', previous: 'fail' })).toContain(
      '**Fixed:** the previous run failed; every check passes now.'
    )
    expect(renderComment(passing, { key: 'k', previous: 'pass' })).not.toContain('Fixed')
    expect(renderComment(report(), { key: 'k', previous: 'pass' })).toContain(
      '**Changed:** the previous run was ✅ pass; now ❌ fail.'
    )
  })

  it('escapes values from Azure', () => {
    const evil = buildReport(
      [finding('PE-NONE', 'kv1', { message: '<img src=x onerror=alert(1)> [x](javascript:y)' })],
      [{ name: 'kv1', id: vaultId('kv1') }]
    )
    const body = renderComment(evil, { key: '<b>key</b>' })
    expect(body).not.toContain('<img')
    expect(body).not.toContain('](javascript')
    expect(body).not.toContain('<b>key')
  })

  it('drops passes first, then per-vault detail, keeping every error with its fix and the link', () => {
    const big = report(12, 40)
    const full = renderComment(big, { key: 'k', diagrams: diagrams(12), summaryUrl: URL })
    const sizes = [full.length]
    const noPasses = renderComment(
      big,
      { key: 'k', diagrams: diagrams(12), summaryUrl: URL },
      full.length - 1
    )
    expect(noPasses).toContain('Passed checks are left out')
    expect(noPasses).not.toContain('checks passed')
    expect(noPasses).toContain('```mermaid')
    sizes.push(noPasses.length)
    const errorsOnly = renderComment(
      big,
      { key: 'k', diagrams: diagrams(12), summaryUrl: URL },
      noPasses.length - 1
    )
    expect(errorsOnly).toContain('Only errors are shown')
    expect(errorsOnly).toContain('12 warnings and 0 info findings are in the job summary')
    expect(errorsOnly).not.toContain('```mermaid')
    // The warning's rule is named in the overview's table rows only, its detail is gone.
    const ttlLines = errorsOnly.split('\n').filter((line) => line.includes('DNS-RECORD-TTL'))
    expect(ttlLines.filter((line) => !line.startsWith('| '))).toEqual([])
    expect(ttlLines.length).toBeGreaterThan(0)
    sizes.push(errorsOnly.length)
    const minimal = renderComment(big, { key: 'k', summaryUrl: URL }, errorsOnly.length - 1)
    expect(minimal).toContain('Only errors and their fixes are shown')
    sizes.push(minimal.length)
    for (const body of [noPasses, errorsOnly, minimal]) {
      for (let i = 0; i < 12; i++) expect(body).toContain(`-n kv-bad-${i} -a 10.1.2.3`)
      expect(body).toContain(`[Full report in the job summary](${URL})`)
    }
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
  })

  it('when even that does not fit, keeps what fits and says how many errors are left out', () => {
    const huge = report(400, 0)
    const body = renderComment(huge, { key: 'k', summaryUrl: URL })
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS)
    const kept = body.match(/^- <code>DNS-RECORD-WRONG-IP<\/code>/gm)?.length ?? 0
    expect(kept).toBeGreaterThan(100)
    expect(body).toContain(`${400 - kept} more errors did not fit in a comment`)
    expect(body).toContain(`[Full report in the job summary](${URL})`)
  })
})

describe('renderComment at any number of vaults', () => {
  const path = '/tmp/runner/kv-private-link-doctor-report.json'

  it('keeps the vaults table when only errors fit, capped at 100 rows, and folds past 20 vaults', () => {
    const body = renderComment(report(400, 0), { key: 'k', summaryUrl: URL, reportPath: path })
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS)
    const rows = body.match(/^\| <code>kv-bad-\d+<\/code> \| ❌ fail \|/gm) ?? []
    expect(rows).toHaveLength(COMMENT_TABLE_ROWS)
    expect(body).toContain(
      `… and 300 more vaults with problems, left out of this table: the job summary and the JSON report <code>${path}</code> (output \`report-path\`) list every one.`
    )
    expect(body).toContain('| <code>DNS-RECORD-WRONG-IP</code> | ❌ error | 400 |')
    const kept = body.match(/^- <code>DNS-RECORD-WRONG-IP<\/code>/gm)?.length ?? 0
    expect(body).toContain(
      `<details><summary>❌ ${kept} of 400 errors with their fixes</summary>\n\n- <code>`
    )
    // The table comes first, the folded errors after it.
    expect(body.indexOf('| vault | result | rules |')).toBeLessThan(body.indexOf('<details>'))
  })

  it('folds each vault under its heading past 20 vaults, as the summary does', () => {
    const body = renderComment(report(21, 1), { key: 'k', summaryUrl: URL }, 1_000_000)
    expect(body).not.toMatch(/^### /m)
    expect(
      body.match(/^<details><summary><strong>❌ Vault <code>kv-bad-\d+<\/code>/gm)
    ).toHaveLength(21)
    const small = renderComment(report(20, 1), { key: 'k', summaryUrl: URL }, 1_000_000)
    expect(small.match(/^### ❌ Vault /gm)).toHaveLength(20)
    expect(small).not.toContain('<summary><strong>')
  })
})

describe('renderComment of a large run without errors', () => {
  const path = '/tmp/runner/kv-private-link-doctor-report.json'
  const names = (count: number) =>
    Array.from({ length: count }, (_, i) => `kv-ok-${String(i).padStart(4, '0')}`)
  const estate = (count: number, warnings = 0) => {
    const list = names(count)
    return buildReport(
      list.flatMap((name, i) => [
        ...(i < warnings ? [finding('DNS-RECORD-TTL', name, { severity: 'warning' })] : []),
        ...Array.from({ length: 9 }, () => pass('PE-NONE', name))
      ]),
      list.map((name) => ({ name, id: vaultId(name) }))
    )
  }

  it('says there are no problems, not that only errors are shown', () => {
    const body = renderComment(estate(1000), { key: 'k', summaryUrl: URL, reportPath: path })
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS)
    expect(body).not.toContain('Only errors')
    const blocks = body.split('\n\n')
    expect(blocks.slice(2)).toEqual([
      '## ✅ Key Vault private link check passed',
      '**0 errors, 0 warnings, 0 info, 9000 passed** · 1000 vaults checked (0 failed, 0 with warnings, 1000 passed)',
      expect.stringMatching(
        /^✅ 1000 vaults without problems: <code>kv-ok-0000<\/code>, .* and 970 more$/
      ),
      `> [!NOTE]\n> No problems: 1000 vaults passed every check; the job summary and the JSON report <code>${path}</code> (output \`report-path\`) list the checks.`,
      `<sub>[Full report in the job summary](${URL}) · comment-key <code>k</code></sub>\n`
    ])
  })

  it('names only the JSON report when no job summary was written', () => {
    const body = renderComment(estate(1000), { key: 'k', summaryWritten: false })
    expect(body).toContain(
      '> [!NOTE]\n> No problems: 1000 vaults passed every check; the JSON report (output `report-path`) lists the checks.'
    )
  })

  it('with warnings but no errors, says their detail is left out', () => {
    const body = renderComment(estate(1000, 3), { key: 'k', summaryUrl: URL })
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS)
    expect(body).not.toContain('Only errors')
    expect(body).toContain(
      '> [!NOTE]\n> No errors; the detail of 3 warnings and 0 info findings is left out so the comment fits GitHub’s size limit: the job summary and the JSON report (output `report-path`) list them.'
    )
    expect(body.match(/^\| <code>kv-ok-\d+<\/code> \| ⚠️ warn \|/gm)).toHaveLength(3)
  })
})

describe('postComment without a pull request', () => {
  function sink() {
    const lines: string[] = []
    const s: CommentSink = {
      info: (m) => lines.push(`info ${m}`),
      notice: (m) => lines.push(`notice ${m}`),
      warning: (m) => lines.push(`warning ${m}`)
    }
    return { s, lines }
  }

  it('skips a schedule event with a notice and makes no request', async () => {
    const { s, lines } = sink()
    const outcome = await postComment(report(), {
      token: 't',
      key: 'k',
      context: { eventName: 'schedule', payload: {} },
      env: { GITHUB_API_URL: 'https://127.0.0.1:1' },
      sink: s
    })
    expect(outcome).toEqual({
      action: 'skipped',
      reason:
        "report: comment skipped: the 'schedule' event has no pull request to comment on (only pull_request and pull_request_target do)."
    })
    expect(lines).toEqual([
      `notice ${outcome.action === 'skipped' ? outcome.reason : ''} The job summary has the full report.`
    ])
  })

  it('skips a pull_request_target payload without a number', async () => {
    const { s, lines } = sink()
    const outcome = await postComment(report(), {
      token: 't',
      key: 'k',
      context: { eventName: 'pull_request_target', payload: {} },
      env: {},
      sink: s
    })
    expect(outcome.action).toBe('skipped')
    expect(lines[0]).toMatch(
      /^notice report: comment skipped: the event payload names no pull request/
    )
  })
})

describe('whoAmI', () => {
  const refused = (status: number) =>
    Object.assign(new Error('Resource not accessible'), { status })
  function octokit(user: () => unknown, viewer: () => unknown) {
    const calls: string[] = []
    const client = {
      rest: {
        users: {
          getAuthenticated: async () => {
            calls.push('GET /user')
            return { data: user() }
          }
        }
      },
      graphql: async (query: string) => {
        calls.push(`graphql ${query}`)
        return viewer()
      }
    }
    return { client: client as unknown as Parameters<typeof whoAmI>[0], calls }
  }
  const info = () => {
    const lines: string[] = []
    return { sink: { info: (m: string) => lines.push(m) }, lines }
  }

  it('is the token’s user for a personal access token', async () => {
    const { client, calls } = octokit(
      () => ({ login: 'alice', id: 7, type: 'User' }),
      () => {
        throw new Error('not asked')
      }
    )
    expect(await whoAmI(client, info().sink)).toEqual({ login: 'alice', id: 7, bot: false })
    expect(calls).toEqual(['GET /user'])
  })

  it('asks GraphQL viewer when an installation token may not call GET /user', async () => {
    for (const status of [401, 403, 404]) {
      const { client, calls } = octokit(
        () => {
          throw refused(status)
        },
        () => ({ viewer: { login: 'my-app[bot]', databaseId: 1234 } })
      )
      const { sink, lines } = info()
      expect(await whoAmI(client, sink)).toEqual({ login: 'my-app[bot]', id: 1234, bot: true })
      expect(calls).toEqual(['GET /user', 'graphql query { viewer { login databaseId } }'])
      expect(lines).toEqual([])
    }
  })

  it('falls back to github-actions[bot] only when GraphQL fails too, and logs it', async () => {
    const { client } = octokit(
      () => {
        throw refused(403)
      },
      () => {
        throw Object.assign(new Error('Bad gateway'), { status: 502 })
      }
    )
    const { sink, lines } = info()
    expect(await whoAmI(client, sink)).toEqual({
      login: 'github-actions[bot]',
      id: null,
      bot: true
    })
    expect(lines).toEqual([
      "The token's identity is unknown (GET /user refused it; GraphQL viewer: HTTP 502: Bad gateway): assuming the workflow token's github-actions[bot]."
    ])
  })

  it('passes on any other failure of GET /user', async () => {
    const { client } = octokit(
      () => {
        throw refused(500)
      },
      () => ({ viewer: { login: 'x' } })
    )
    await expect(whoAmI(client, info().sink)).rejects.toMatchObject({ status: 500 })
  })
})

describe('sameAuthor', () => {
  const app = { login: 'my-app[bot]', id: 1234, bot: true }
  const comment = (user: { login?: string; id?: number; type?: string }) => ({ id: 1, user })

  it('matches by user ID, or by login (a bot’s with or without [bot])', () => {
    expect(sameAuthor(comment({ login: 'renamed[bot]', id: 1234, type: 'Bot' }), app)).toBe(true)
    expect(sameAuthor(comment({ login: 'my-app[bot]', id: 1234, type: 'Bot' }), app)).toBe(true)
    expect(sameAuthor(comment({ login: 'My-App[bot]', type: 'Bot' }), app)).toBe(true)
    const graphqlSpelling = { login: 'my-app', id: null, bot: true }
    expect(
      sameAuthor(comment({ login: 'my-app[bot]', id: 99, type: 'Bot' }), graphqlSpelling)
    ).toBe(true)
  })

  it('does not match another bot, a person with the bot’s name, or an author-less comment', () => {
    expect(
      sameAuthor(comment({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' }), app)
    ).toBe(false)
    expect(sameAuthor(comment({ login: 'my-app', id: 1234, type: 'User' }), app)).toBe(false)
    expect(sameAuthor({ id: 1, user: null }, app)).toBe(false)
    const alice = { login: 'alice', id: 7, bot: false }
    expect(sameAuthor(comment({ login: 'alice', id: 7, type: 'User' }), alice)).toBe(true)
    expect(sameAuthor(comment({ login: 'alice[bot]', id: 8, type: 'Bot' }), alice)).toBe(false)
  })
})
