// The bundled action over a larger estate under ARM's read throttling, and merging the JSON
// reports of several runs (a matrix over subscriptions) into one.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import scaleEstate, { SCALE_SUBSCRIPTION_ID } from '../../emulator/estates/scale.js'
import { runAction } from '../../scripts/run-action.mjs'
import { commentMarker } from '../../src/report/comment.js'
import { errorLines, problems, runAgainst, startEmulator, type Emulator } from './harness.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

const OTHER_SUBSCRIPTION = '6d2f3e4a-5b6c-4d7e-9f80-a1b2c3d4e5f6'
const inputs = { 'subscription-id': SCALE_SUBSCRIPTION_ID }

describe('scale', () => {
  it('30 vaults under a small throttling bucket: every 429 waited out, the same report as unthrottled', async () => {
    emu = await startEmulator({ estate: scaleEstate({ vaults: 30, broken: true }) })
    const calm = await runAgainst(emu, inputs)
    await emu.stop()

    emu = await startEmulator({
      estate: scaleEstate({ vaults: 30, broken: true }),
      throttle: { capacity: 5, refillPerSecond: 20 }
    })
    const throttled = await runAgainst(emu, inputs)

    expect(emu.throttle?.events.length).toBeGreaterThan(0)
    expect(problems(throttled)).toEqual(problems(calm))
    expect(problems(throttled)).not.toContain(expect.stringMatching(/^ARM-ERROR/))
    expect(throttled.report.vaults).toHaveLength(30)
    expect(throttled.report.counts).toEqual(calm.report.counts)
    expect(throttled.exitCode).toBe(1) // the broken vaults' errors, not the throttling
    // Bulk reads: far fewer requests than vaults.
    expect(throttled.stdout).toMatch(/in bulk/)
    expect(throttled.stdout).toMatch(/ARM throttled \d+ request\(s\), \d+\.\d s spent waiting/)
    const served = emu.requests.filter((r) => r.kind === 'arm' && r.status !== 429)
    expect(served.length).toBeLessThan(30)
  })

  it('merge-reports: the reports of two subscriptions become one summary, report and outputs', async () => {
    emu = await startEmulator({ estate: scaleEstate({ vaults: 10 }) })
    const healthy = await runAgainst(emu, inputs)
    await emu.stop()
    emu = await startEmulator({
      estate: scaleEstate({ vaults: 10, broken: true, subscriptionId: OTHER_SUBSCRIPTION })
    })
    const broken = await runAgainst(emu, { 'subscription-id': OTHER_SUBSCRIPTION })
    expect(healthy.outputs.result).toBe('pass')
    expect(broken.outputs.result).toBe('fail')

    // As `actions/download-artifact` lays them out: a folder per artifact.
    const dir = mkdtempSync(join(tmpdir(), 'kvpld-merge-'))
    for (const [name, run] of [
      ['report-a', healthy],
      ['report-b', broken]
    ] as const) {
      mkdirSync(join(dir, name))
      copyFileSync(run.reportPath as string, join(dir, name, 'report.json'))
    }
    const merged = await runAction({ inputs: { 'merge-reports': dir } })

    expect(merged.exitCode).toBe(1)
    expect(merged.report.vaults).toHaveLength(20)
    expect(merged.outputs.result).toBe('fail')
    expect(Number(merged.outputs.errors)).toBe(broken.report.counts.error)
    expect(Number(merged.outputs.warnings)).toBe(
      healthy.report.counts.warning + broken.report.counts.warning
    )
    expect(merged.report.counts.pass).toBe(healthy.report.counts.pass + broken.report.counts.pass)
    expect(merged.summary).toContain('kv-scale-00004')
    expect(merged.stdout).toMatch(/Merged 2 report\(s\): 20 vault\(s\)/)
    // No Azure: the run had no emulator, no credentials, no subscription.
    expect(merged.stdout).not.toMatch(/Reading|Discovering/)

    // Merged findings are annotated as in a normal run.
    expect(merged.stdout).toMatch(/^::error title=[A-Z-]+ @ kv-scale-\d+::/m)

    // fail-on and report are read as a normal run reads them; report: comment posts the comment.
    const event = join(mkdtempSync(join(tmpdir(), 'kvpld-event-')), 'event.json')
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: { number: 7, head: { repo: { full_name: 'contoso/infra' } } },
        repository: { full_name: 'contoso/infra' }
      })
    )
    const commented = await runAction({
      inputs: {
        'merge-reports': dir,
        'fail-on': 'Never',
        report: 'Summary,Comment',
        'github-token': 'ghs_workflowtoken0000000000000000000000',
        'comment-key': 'estate'
      },
      env: {
        NODE_EXTRA_CA_CERTS: emu.caPath,
        GITHUB_API_URL: emu.env().GITHUB_API_URL,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event
      }
    })
    expect(commented.exitCode).toBe(0)
    expect(commented.stdout).toContain('Created the pull request comment')
    const posted = emu.github.comments('contoso', 'infra', 7) as { body: string }[]
    expect(posted.filter((c) => c.body.includes(commentMarker('estate')))).toHaveLength(1)
    expect(posted[0]?.body).toContain('Key Vault private link check failed')
    expect(commented.summary).toContain('kv-scale-00004')

    const typo = await runAction({ inputs: { 'merge-reports': dir, report: 'sumary' } })
    expect(typo.exitCode).toBe(1)
    expect(errorLines(typo)).toEqual([
      "::error::Input 'report' has 'sumary': expected summary and/or comment, comma separated"
    ])

    // A finding with a severity the action never writes is named with its file and position.
    const edited = JSON.parse(readFileSync(broken.reportPath as string, 'utf8')) as {
      findings: { severity: string }[]
    }
    const at = edited.findings.findIndex((f) => f.severity === 'error')
    ;(edited.findings[at] as { severity: string }).severity = 'Error'
    writeFileSync(join(dir, 'report-b', 'report.json'), JSON.stringify(edited))
    const badSeverity = await runAction({ inputs: { 'merge-reports': dir } })
    expect(badSeverity.exitCode).toBe(1)
    expect(errorLines(badSeverity)).toEqual([
      `::error::Input 'merge-reports': ${join(dir, 'report-b', 'report.json')}: findings[${at}].severity is 'Error'; allowed: error, warning, info, pass`
    ])
    copyFileSync(broken.reportPath as string, join(dir, 'report-b', 'report.json'))

    // A file that is not a report is named in one line.
    writeFileSync(join(dir, 'notes.json'), '{"hello": 1}')
    const bad = await runAction({ inputs: { 'merge-reports': dir } })
    expect(bad.exitCode).toBe(1)
    expect(bad.stdout).toMatch(
      /::error::Input 'merge-reports': .*notes\.json is not a kv-private-link-doctor report/
    )
  })
})
