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

  it("past 20 vaults, lists each vault's passes as one line of rule IDs, problems in full", () => {
    const { sink, lines } = record()
    const names = Array.from({ length: 21 }, (_, i) => `kv${i + 1}`)
    logFindings(
      buildReport(
        [
          ...names.flatMap((name) => [pass('PE-NONE', name), pass('DNS-RECORD-TTL', name)]),
          finding('FW-PUBLIC-OPEN', 'kv21', { fix: 'az fix fw' })
        ],
        names.map((name) => ({ name, id: vaultId(name) }))
      ),
      sink
    )
    expect(lines[0]).toBe(
      'Passed checks are listed by rule ID (more than 20 vaults); the JSON report has their messages.'
    )
    expect(lines.filter((l) => l.startsWith('PASS'))).toHaveLength(21)
    // Vaults with problems first, in full; the passes on one line at the end of the group.
    expect(lines.slice(1, 8)).toEqual([
      '::group::❌ Vault kv21: fail (1 error, 0 warnings, 0 info, 2 passed)',
      'ERROR   FW-PUBLIC-OPEN: FW-PUBLIC-OPEN for kv21',
      '        observed: observed value; expected: expected value',
      `        resource: ${vaultId('kv21')}`,
      '        fix: az fix fw',
      'PASS    2 checks: PE-NONE, DNS-RECORD-TTL',
      '::endgroup::'
    ])
    expect(lines.slice(8, 11)).toEqual([
      '::group::✅ Vault kv1: pass (0 errors, 0 warnings, 0 info, 2 passed)',
      'PASS    2 checks: PE-NONE, DNS-RECORD-TTL',
      '::endgroup::'
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

  it('breaks at every line terminator a log line could start after; text without one is only trimmed', () => {
    for (const end of ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085']) {
      expect({ end, line: oneLine(`a${end}::error::b`) }).toEqual({ end, line: 'a ; ::error::b' })
    }
    expect(oneLine('  a\tb \\ c  ')).toBe('a\tb \\ c')
  })
})
