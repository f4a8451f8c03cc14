// The one logger every stage writes through: what the runner sees for each call.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { logger } from '../src/logger.js'

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
})
