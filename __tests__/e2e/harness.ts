// End-to-end harness: the real bundled action (dist/index.js) in a child process, with the real
// Azure SDK clients talking HTTPS to the project's Azure emulator. Nothing of ours is mocked.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../../scripts/run-action.mjs'
import { startEmulator } from '../../emulator/server.js'
import type { Finding } from '../../src/evaluate/finding.js'
import { commentMarker } from '../../src/report/comment.js'

export type Emulator = Awaited<ReturnType<typeof startEmulator>>
export type ActionRun = Awaited<ReturnType<typeof runAction>>

export type { Finding }

export async function runAgainst(
  emu: Emulator,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<ActionRun> {
  return runAction({ env: { ...emu.env(), ...env }, inputs: { probe: 'off', ...inputs } })
}

export function findings(run: ActionRun): Finding[] {
  return (run.report?.findings ?? []) as Finding[]
}

/** Errors and warnings as `RULE@vault` strings, sorted, for compact assertions. */
export function problems(run: ActionRun): string[] {
  return findings(run)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.rule}@${f.vault ?? '-'}`)
    .sort()
}

/** The `::error::` lines the action printed (what the step shows as its failure). */
export function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((l: string) => l.startsWith('::error'))
}

export { startEmulator }

/** The pull request the emulated GitHub API holds comments for, as the runner's event file has it. */
export const PULL_REQUEST = { owner: 'contoso', repo: 'infra', number: 7 }

/**
 * The environment of a `pull_request` run, so that `report: comment` writes the sticky comment
 * to the emulator's GitHub API: an event payload file (only what the action reads) and the run's
 * URL parts.
 */
export function pullRequestEnv(number = PULL_REQUEST.number): Record<string, string> {
  const { owner, repo } = PULL_REQUEST
  const path = join(mkdtempSync(join(tmpdir(), 'kvpld-event-')), 'event.json')
  writeFileSync(
    path,
    JSON.stringify({
      action: 'synchronize',
      number,
      pull_request: {
        number,
        head: {
          sha: '0123456789abcdef0123456789abcdef01234567',
          repo: { full_name: `${owner}/${repo}` }
        },
        base: { repo: { full_name: `${owner}/${repo}` } }
      },
      repository: { full_name: `${owner}/${repo}`, name: repo, owner: { login: owner } }
    })
  )
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242'
  }
}

/** The body of the one comment on the pull request that carries `key`'s marker. */
export function stickyComment(emu: Emulator, key: string, number = PULL_REQUEST.number): string {
  const { owner, repo } = PULL_REQUEST
  const marked = (emu.github.comments(owner, repo, number) as { body: string }[]).filter((c) =>
    c.body.includes(commentMarker(key))
  )
  if (marked.length !== 1) throw new Error(`${marked.length} comments carry the marker of ${key}`)
  return marked[0]?.body ?? ''
}
