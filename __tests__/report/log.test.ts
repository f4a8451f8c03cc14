import { describe, expect, it } from '@jest/globals'
import { oneLine } from '../../src/logger.js'
import { logFindings, type LogSink } from '../../src/report/log.js'
import { buildReport } from '../../src/report/report.js'
import { finding, pass, vaultId } from './findings.js'

function record(): { sink: LogSink; lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    sink: {
      info: (message) => lines.push(message),
      startGroup: (name) => lines.push(`::group::${name}`),
      endGroup: () => lines.push('::endgroup::')
    }
  }
}

describe('logFindings', () => {
  it('writes one group per vault with its findings by severity, then the totals', () => {
    const { sink, lines } = record()
    logFindings(
      buildReport(
        [
          pass('PE-NONE', 'kv1'),
          finding('DNS-RECORD-TTL', 'kv1', {
            observed: '3600',
            expected: '10-600',
            fix: 'az fix ttl'
          }),
          pass('PE-NONE', 'kv2')
        ],
        [
          { name: 'kv1', id: vaultId('kv1') },
          { name: 'kv2', id: vaultId('kv2') }
        ]
      ),
      sink
    )
    expect(lines).toEqual([
      '::group::⚠️ Vault kv1: warn (0 errors, 1 warning, 0 info, 1 passed)',
      'WARNING DNS-RECORD-TTL: DNS-RECORD-TTL for kv1',
      '        observed: 3600; expected: 10-600',
      `        resource: ${vaultId('kv1')}`,
      '        fix: az fix ttl',
      'PASS    PE-NONE: PE-NONE for kv1',
      '::endgroup::',
      '::group::✅ Vault kv2: pass (0 errors, 0 warnings, 0 info, 1 passed)',
      'PASS    PE-NONE: PE-NONE for kv2',
      '::endgroup::',
      'Key Vault private link check: warn - 0 errors, 1 warning, 0 info, 2 passed; 2 vaults checked'
    ])
  })

  it('never lets a value start a line (a workflow command) of its own', () => {
    const { sink, lines } = record()
    const evil = 'x\n::add-mask::secret\r\n::error::pwned'
    logFindings(buildReport([finding('PE-NONE', evil, { message: evil, fix: evil })], []), sink)
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/)
      expect(line.trim().startsWith('::') && !/^::(group|endgroup)::/.test(line)).toBe(false)
    }
  })
})

describe('oneLine', () => {
  it('joins continued shell lines and separates others', () => {
    expect(oneLine('az a \\\n  --b c\naz d')).toBe('az a --b c ; az d')
  })
})
