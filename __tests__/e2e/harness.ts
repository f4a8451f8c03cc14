// End-to-end harness: the real bundled action (dist/index.js) in a child process, with the real
// Azure SDK clients talking HTTPS to the project's Azure emulator. Nothing of ours is mocked.
import { runAction } from '../../scripts/run-action.mjs'
import { startEmulator } from '../../emulator/server.js'
import type { Finding } from '../../src/evaluate/finding.js'

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
