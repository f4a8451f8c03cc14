// The `plan` input: read and validated before any Azure call, one line naming `plan` when bad.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError, parseInputs } from '../../src/inputs/parse.js'

const SUB = '00000000-1111-2222-3333-444444444444'
let workspace: string

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'kvpld-plan-'))
  mkdirSync(join(workspace, 'out'))
  const files: Record<string, string> = {
    'out/whatif.json': JSON.stringify({ status: 'Succeeded', changes: [] }),
    'rest.json': JSON.stringify({ status: 'Succeeded', properties: { changes: [] } }),
    'failed.json': JSON.stringify({
      status: 'Failed',
      error: { code: 'InvalidTemplate', message: 'Deployment template validation failed' }
    }),
    'tf.json': JSON.stringify({ format_version: '1.2', resource_changes: [] }),
    'tf2.json': JSON.stringify({ format_version: '2.0', resource_changes: [] }),
    'text.txt': 'Terraform will perform the following actions:',
    'other.json': JSON.stringify({ schemaVersion: 1, findings: [] }),
    'bad-change.json': JSON.stringify({ status: 'Succeeded', changes: [{ changeType: 'Explode' }] })
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text)
})
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

function parse(inputs: Record<string, string>) {
  return parseInputs((name) => ({ 'subscription-id': SUB, ...inputs })[name] ?? '', {
    GITHUB_WORKSPACE: workspace,
    RUNNER_ENVIRONMENT: 'github-hosted'
  })
}

function messageOf(plan: string): string {
  try {
    parse({ plan })
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('plan')
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    return message
  }
  throw new Error('expected an InputError')
}

describe('plan', () => {
  it('reads a what-if of the CLI, relative to the workspace; gate defaults to new', () => {
    const inputs = parse({ plan: 'out/whatif.json' })
    expect(inputs.plan).toMatchObject({ format: 'what-if', path: 'out/whatif.json', changes: [] })
    expect(inputs.gate).toBe('new')
  })

  it('reads the REST WhatIfOperationResult and a Terraform plan of format 1.x', () => {
    expect(parse({ plan: 'rest.json' }).plan?.format).toBe('what-if')
    expect(parse({ plan: 'tf.json' }).plan?.format).toBe('terraform')
  })

  it('keeps gate all when asked, and all without a plan', () => {
    expect(parse({ plan: 'tf.json', gate: 'all' }).gate).toBe('all')
    expect(parse({}).gate).toBe('all')
    expect(parse({}).plan).toBeNull()
  })

  it.each([
    [
      'missing.json',
      /^Input 'plan' is 'missing\.json': the file does not exist \(looked for .*missing\.json/
    ],
    ['text.txt', /^Input 'plan' is 'text\.txt': not JSON \(/],
    [
      'other.json',
      /^Input 'plan' is 'other\.json': neither a Terraform plan .* nor an ARM what-if result/
    ],
    [
      'tf2.json',
      /^Input 'plan' is 'tf2\.json': a Terraform plan of format_version 2\.0; this action reads format_version 1\.x$/
    ],
    [
      'failed.json',
      /^Input 'plan' is 'failed\.json': the what-if's status is 'Failed', not 'Succeeded': Deployment template validation failed$/
    ],
    ['bad-change.json', /changes\[0\] has changeType 'Explode'/],
    ['out', /^Input 'plan' is 'out': not a file/]
  ])('%s: one line naming plan and the problem', (file, expected) => {
    expect(messageOf(file)).toMatch(expected)
  })

  it('refuses an unknown gate', () => {
    expect(() => parse({ gate: 'some' })).toThrow(
      "Input 'gate' is 'some': expected one of new, all"
    )
  })
})
