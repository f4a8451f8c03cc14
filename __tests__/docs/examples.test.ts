// The example workflows (docs/examples/ and the README's YAML) must only use inputs that
// action.yml declares, ask for exactly the permissions each use needs, and stay in step with
// each other: the README shows the files verbatim.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

interface Step {
  id?: string
  if?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  'continue-on-error'?: boolean
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean } | string
  jobs: Record<string, { 'runs-on': unknown; steps: Step[] }>
}

const inputs = Object.keys(
  (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs
)
const dir = join('docs', 'examples')
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'))
const readme = readFileSync('README.md', 'utf8')
const examples = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]))
const workflows = new Map([...examples].map(([f, text]) => [f, parse(text) as Workflow]))
const readmeYaml = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '')

/** The steps that run this action. */
function ourSteps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) =>
    job.steps.filter((step) => /(^|\/)kv-private-link-doctor@|^\.\/?$/.test(step.uses ?? ''))
  )
}

function workflow(file: string): Workflow {
  const w = workflows.get(file)
  if (!w) throw new Error(`docs/examples/${file} is missing`)
  return w
}

describe('example workflows', () => {
  it('are the three uses, and the PR gate on a Terraform plan and on a what-if', () => {
    expect(files.sort()).toEqual([
      'nightly-drift.yml',
      'pr-gate-bicep.yml',
      'pr-gate-terraform.yml',
      'pr-gate.yml',
      'self-hosted-smoke.yml'
    ])
  })

  it.each([
    ['pr-gate-terraform.yml', /terraform show -json tfplan > tfplan\.json/, 'infra/tfplan.json'],
    [
      'pr-gate-bicep.yml',
      /az deployment group what-if[\s\S]*--no-pretty-print > whatif\.json/,
      'whatif.json'
    ]
  ])(
    '%s writes the proposed change to a file and passes it as plan, gate new',
    (file, command, plan) => {
      const w = workflow(file)
      expect(Object.keys(w.on)).toEqual(['pull_request'])
      expect(w.permissions).toEqual({
        'id-token': 'write',
        contents: 'read',
        'pull-requests': 'write'
      })
      const steps = Object.values(w.jobs).flatMap((job) => job.steps)
      const ours = ourSteps(w)[0]
      const writer = steps.findIndex((s) => command.test(s.run ?? ''))
      expect(writer).toBeGreaterThanOrEqual(0)
      expect(steps.indexOf(ours as Step)).toBeGreaterThan(writer)
      expect(ours?.with?.plan).toBe(plan)
      expect(ours?.with?.gate).toBe('new')
    }
  )

  it.each(files)('%s uses only inputs that action.yml declares', (file) => {
    const steps = ourSteps(workflow(file))
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      const unknown = Object.keys(step.with ?? {}).filter((key) => !inputs.includes(key))
      expect(unknown).toEqual([])
    }
  })

  it('every YAML workflow in the README uses only inputs that action.yml declares', () => {
    const parsed = readmeYaml.map((text) => parse(text) as Workflow).filter((w) => w?.jobs)
    expect(parsed.length).toBeGreaterThanOrEqual(4)
    for (const w of parsed) {
      for (const step of ourSteps(w)) {
        const unknown = Object.keys(step.with ?? {}).filter((key) => !inputs.includes(key))
        expect(unknown).toEqual([])
      }
    }
  })

  it('the README shows each example file verbatim', () => {
    for (const [file, text] of examples) {
      expect({ file, shown: readmeYaml.includes(text) }).toEqual({ file, shown: true })
    }
  })

  it('the README has no other, stale copy of an example workflow', () => {
    // A README workflow that opens with an example file's header comment is a copy of that file
    // (the README's sections 1 to 3), and must be the file byte for byte.
    const header = (text: string) => text.split('\n')[0] ?? ''
    const byHeader = new Map([...examples].map(([file, text]) => [header(text), file]))
    const copies = readmeYaml
      .filter((text) => byHeader.has(header(text)))
      .map((text) => ({ file: byHeader.get(header(text)) ?? '', text }))
    expect(copies.map((c) => c.file).sort()).toEqual([...files].sort())
    for (const { file, text } of copies) {
      expect({ file, same: text === examples.get(file) }).toEqual({ file, same: true })
    }
  })

  it('the PR gate comments on pull requests with exactly the permissions it needs', () => {
    const w = workflow('pr-gate.yml')
    expect(Object.keys(w.on)).toEqual(['pull_request'])
    // No checkout and no repository content read through the API: no `contents: read`.
    expect(w.permissions).toEqual({ 'id-token': 'write', 'pull-requests': 'write' })
    const steps = Object.values(w.jobs).flatMap((job) => job.steps)
    expect(steps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false)
    expect(ourSteps(w)[0]?.with?.report).toBe('summary,comment')
  })

  it('the PR gate runs once per pull request at a time, so runs do not race on the comment', () => {
    expect(workflow('pr-gate.yml').concurrency).toEqual({
      group: '${{ github.workflow }}-${{ github.event.pull_request.number }}',
      'cancel-in-progress': true
    })
  })

  it('the nightly drift check runs on a schedule, keeps the report and manages one issue', () => {
    const w = workflow('nightly-drift.yml')
    expect(Object.keys(w.on)).toContain('schedule')
    expect(w.permissions).toEqual({
      'id-token': 'write',
      contents: 'read',
      issues: 'write',
      'security-events': 'write',
      actions: 'read'
    })
    // Last night's report is fetched (gh run download, needs actions: read) and is the baseline.
    const allSteps = Object.values(w.jobs).flatMap((job) => job.steps)
    const fetch = allSteps.find((s) => s.run?.includes('gh run download'))
    expect(fetch?.['continue-on-error']).toBe(true)
    const kvStep = allSteps.find((s) => s.uses?.includes('kv-private-link-doctor'))
    expect(kvStep?.with?.baseline).toBe('baseline/kv-private-link-doctor-report.json')
    const steps = Object.values(w.jobs).flatMap((job) => job.steps)
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))
    const id = ourSteps(w)[0]?.id
    expect(upload?.with?.path).toBe(
      `\${{ steps.${id}.outputs.report-path }}\n\${{ steps.${id}.outputs.fix-script }}\n`
    )
    // report.sarif goes to code scanning (needs security-events: write, above).
    const sarif = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))
    expect(sarif?.with?.sarif_file).toBe(`\${{ steps.${id}.outputs.sarif-path }}`)
    expect(examples.get('nightly-drift.yml')).toMatch(/gh issue create/)
    expect(examples.get('nightly-drift.yml')).toMatch(/gh issue comment/)
  })

  it('the nightly drift check keeps the report and updates the issue even when the step failed', () => {
    const w = workflow('nightly-drift.yml')
    const steps = Object.values(w.jobs).flatMap((job) => job.steps)
    const id = ourSteps(w)[0]?.id ?? ''
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))
    expect(upload?.if).toBe(`always() && steps.${id}.outputs.report-path != ''`)
    const issue = steps.find((s) => s.run?.includes('gh issue'))
    // No result (the step could not check at all): the issue is left as it is.
    expect(issue?.if).toBe(`always() && steps.${id}.outputs.result != ''`)
  })

  it('the nightly drift issue stays open while fail, and says "no errors" when a warn closes it', () => {
    const run =
      Object.values(workflow('nightly-drift.yml').jobs)
        .flatMap((job) => job.steps)
        .find((s) => s.run?.includes('gh issue'))?.run ?? ''
    const branch = (result: string) =>
      new RegExp(`^ *${result}\\)\\n([\\s\\S]*?)^ *;;`, 'm').exec(run)?.[1] ?? ''
    expect(branch('fail')).toMatch(/gh issue comment/)
    expect(branch('fail')).not.toMatch(/gh issue close/)
    expect(branch('warn')).toMatch(/gh issue close .*no errors, \$WARNINGS warning\(s\)/)
    expect(branch('warn')).not.toMatch(/passes again/)
    expect(branch('pass')).toMatch(/gh issue close .*passes again/)
    // Anything else (no result) falls through the case: nothing is closed.
    expect(run).not.toMatch(/^ *\*\)/m)
  })

  it('the self-hosted smoke test probes from inside the VNet', () => {
    const w = workflow('self-hosted-smoke.yml')
    expect(w.permissions).toEqual({ 'id-token': 'write', contents: 'read' })
    const job = Object.values(w.jobs)[0]
    expect(job?.['runs-on']).toEqual(expect.arrayContaining(['self-hosted']))
    expect(ourSteps(w)[0]?.with?.probe).toBe('inside')
  })
})
