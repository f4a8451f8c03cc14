// The one logger every stage writes through: what the runner sees for each call.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { getInput, inOneWrite, isDebug, logger, setFailed, setSecret } from '../src/logger.js'

function capture(): string[] {
  const out: string[] = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk))
    return true
  })
  return out
}

describe('logger', () => {
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('writes lines and workflow commands, with annotation properties', () => {
    const out = capture()
    const { info, notice } = logger // its methods need no `this`
    info('plain line')
    notice('a\nb', { title: 'kv1' })
    logger.warning('careful')
    logger.error('broken', { title: 'DNS-RECORD-WRONG-IP @ kv1' })
    logger.debug('detail')
    expect(out).toEqual([
      'plain line\n',
      '::notice title=kv1::a%0Ab\n',
      '::warning::careful\n',
      '::error title=DNS-RECORD-WRONG-IP @ kv1::broken\n',
      '::debug::detail\n'
    ])
  })

  it('escapes messages and properties as @actions/core does, with or without anything to escape', () => {
    const cases = ['plain', '100%', 'a\r\nb', 'x:y,z', '%0A literal', '']
    const ours = capture()
    for (const text of cases) logger.error(text, { title: text || 'none' })
    const theirs: string[] = []
    jest.restoreAllMocks()
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      theirs.push(String(chunk))
      return true
    })
    for (const text of cases) core.error(text, { title: text || 'none' })
    expect(ours).toEqual(theirs)
  })

  it('writes what it held back in one write, the same bytes, even when the work throws', () => {
    const out = capture()
    const lines = () => {
      logger.startGroup('Vault kv1')
      logger.info('PASS    23 checks')
      logger.warning('careful', { title: 'kv1' })
      logger.endGroup()
    }
    lines()
    const separate = [...out]
    out.length = 0
    expect(inOneWrite(() => (lines(), 42))).toBe(42)
    expect(out).toEqual([separate.join('')])
    out.length = 0
    expect(() =>
      inOneWrite(() => {
        logger.info('before the failure')
        throw new Error('boom')
      })
    ).toThrow('boom')
    expect(out).toEqual(['before the failure\n'])
    logger.info('after')
    expect(out).toEqual(['before the failure\n', 'after\n'])
  })

  it('closes a group when its work throws', async () => {
    const out = capture()
    await expect(
      logger.group('Vault kv1', async () => {
        logger.info('inside')
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    logger.startGroup('next')
    logger.endGroup()
    expect(out).toEqual([
      '::group::Vault kv1\n',
      'inside\n',
      '::endgroup::\n',
      '::group::next\n',
      '::endgroup::\n'
    ])
  })

  // The logger writes the workflow commands itself (loading @actions/core costs more than Node's
  // start); what the runner reads must stay exactly what @actions/core would have written.
  it('writes every command exactly as @actions/core does', () => {
    const messages = ['plain', 'a%b\r\nc', 'x: y, z', '::stop-commands::t', '']
    const properties = [
      undefined,
      {},
      { title: 'T: a, b%\n' },
      { title: 'kv', file: 'a,b:c.ts', startLine: 3, endLine: 4, startColumn: 1, endColumn: 9 },
      { title: '', startLine: 0 }
    ]
    for (const message of messages) {
      for (const props of properties) {
        for (const method of ['notice', 'warning', 'error'] as const) {
          const ours = capture()
          logger[method](message, props)
          jest.restoreAllMocks()
          const theirs = capture()
          core[method](message, props)
          jest.restoreAllMocks()
          expect(ours).toEqual(theirs)
        }
      }
      const pairs: [() => void, () => void][] = [
        [() => logger.info(message), () => core.info(message)],
        [() => logger.debug(message), () => core.debug(message)],
        [() => logger.startGroup(message), () => core.startGroup(message)],
        [() => logger.endGroup(), () => core.endGroup()],
        [() => setSecret(message), () => core.setSecret(message)]
      ]
      for (const [mine, core_] of pairs) {
        const ours = capture()
        mine()
        jest.restoreAllMocks()
        const theirs = capture()
        core_()
        jest.restoreAllMocks()
        expect(ours).toEqual(theirs)
      }
    }
  })

  it('reads inputs, debug and failure as @actions/core does', () => {
    const saved = { ...process.env }
    const exitCode = process.exitCode
    try {
      process.env['INPUT_DNS-ZONE-SCOPES'] = '  /subscriptions/x \n'
      process.env.INPUT_TWO_WORDS = ' v '
      for (const name of ['dns-zone-scopes', 'two words', 'unset-input']) {
        expect(getInput(name)).toBe(core.getInput(name))
      }
      expect(getInput('two words')).toBe('v')
      for (const value of ['1', '0', 'true', undefined]) {
        if (value === undefined) delete process.env.RUNNER_DEBUG
        else process.env.RUNNER_DEBUG = value
        expect(isDebug()).toBe(core.isDebug())
      }
      process.exitCode = 0
      const out = capture()
      setFailed("Input 'probe' is 'x': expected one of auto, inside, outside, off")
      expect(process.exitCode).toBe(1)
      expect(out).toEqual([
        "::error::Input 'probe' is 'x': expected one of auto, inside, outside, off\n"
      ])
    } finally {
      process.env = saved
      process.exitCode = exitCode
    }
  })
})
