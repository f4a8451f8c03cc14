// The inputs a `merge-reports` run reads are checked as a normal run checks them.
import { describe, expect, it } from '@jest/globals'
import { InputError, parseMergeInputs } from '../../src/inputs/parse.js'

const ENV = { GITHUB_WORKFLOW: 'estate', GITHUB_JOB: 'summary' }

function parse(inputs: Record<string, string>) {
  return parseMergeInputs((name) => inputs[name] ?? '', ENV)
}

function messageOf(inputs: Record<string, string>): string {
  try {
    parse(inputs)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).not.toContain('\n')
    return (error as InputError).message
  }
  throw new Error('expected an InputError')
}

describe('parseMergeInputs', () => {
  it('fills in the defaults', () => {
    expect(parse({})).toEqual({
      report: ['summary'],
      githubToken: '',
      commentKey: 'estate/summary',
      failOn: 'error',
      // Unset: the merge uses `new` when the merged reports judged a plan, as their jobs did.
      gate: null
    })
  })

  it('reads fail-on and report in any case, as a normal run does', () => {
    expect(parse({ 'fail-on': 'Warning' }).failOn).toBe('warning')
    expect(parse({ 'fail-on': ' NEVER ' }).failOn).toBe('never')
    expect(parse({ report: 'Summary, COMMENT', 'github-token': 't' }).report).toEqual([
      'summary',
      'comment'
    ])
  })

  it('rejects a misspelt fail-on or report target in one line', () => {
    expect(messageOf({ 'fail-on': 'warnings' })).toBe(
      "Input 'fail-on' is 'warnings': expected one of error, warning, never"
    )
    expect(messageOf({ report: 'sumary' })).toBe(
      "Input 'report' has 'sumary': expected summary and/or comment, comma separated"
    )
  })

  it('reads gate when given, in any case; a misspelt gate is one line', () => {
    expect(parse({ gate: 'All' }).gate).toBe('all')
    expect(parse({ gate: 'new' }).gate).toBe('new')
    expect(messageOf({ gate: 'changed' })).toMatch(
      /^Input 'gate' is 'changed': expected one of new, all/
    )
  })

  it('needs a token for report: comment', () => {
    expect(messageOf({ report: 'comment' })).toMatch(
      /^Input 'github-token' is empty: 'report: comment' needs a token/
    )
    expect(parse({ report: 'comment', 'github-token': 'ghs_x', 'comment-key': 'k' })).toEqual({
      report: ['comment'],
      githubToken: 'ghs_x',
      commentKey: 'k',
      failOn: 'error',
      gate: null
    })
  })
})
