import { describe, expect, it } from '@jest/globals'
import type { AnnotationProperties } from '@actions/core'
import { annotate, ANNOTATION_LIMITS } from '../../src/report/annotations.js'
import { buildReport } from '../../src/report/report.js'
import { finding, pass, vaultId } from './findings.js'

function recorder() {
  const calls: { kind: string; message: string; title?: string }[] = []
  const sink = {
    error: (message: string, p?: AnnotationProperties) =>
      calls.push({ kind: 'error', message, title: p?.title }),
    warning: (message: string, p?: AnnotationProperties) =>
      calls.push({ kind: 'warning', message, title: p?.title }),
    info: (message: string) => calls.push({ kind: 'info', message })
  }
  return { sink, calls }
}

describe('annotate', () => {
  it('writes one annotation per error and warning, titled rule @ vault, and none for passes or info', () => {
    const report = buildReport(
      [
        finding('DNS-RECORD-WRONG-IP', 'kv1', {
          message: 'A record kv1 points to 10.1.2.9',
          fix: 'az fix\n  --it'
        }),
        finding('DNS-RECORD-TTL', 'kv1', { severity: 'warning', message: 'TTL 3600', fix: null }),
        finding('FW-TRUSTED-SERVICES', 'kv1'),
        finding('ARM-ERROR', null, { message: 'ARM kept failing', fix: null }),
        pass('PE-NONE', 'kv1')
      ],
      [{ name: 'kv1', id: vaultId('kv1') }]
    )
    const { sink, calls } = recorder()
    expect(annotate(report, sink)).toEqual({ error: 0, warning: 0 })
    expect(calls).toEqual([
      {
        kind: 'error',
        message: 'A record kv1 points to 10.1.2.9. Fix: az fix ; --it',
        title: 'DNS-RECORD-WRONG-IP @ kv1'
      },
      { kind: 'error', message: 'ARM kept failing', title: 'ARM-ERROR' },
      { kind: 'warning', message: 'TTL 3600', title: 'DNS-RECORD-TTL @ kv1' }
    ])
  })

  it('caps each kind so a subscription-wide run does not flood the UI, and says so', () => {
    const vaults = Array.from({ length: 30 }, (_, i) => `kv${i}`)
    const report = buildReport(
      vaults.flatMap((v) => [
        finding('PE-NONE', v),
        finding('DNS-RECORD-TTL', v, { severity: 'warning' })
      ]),
      vaults.map((name) => ({ name, id: vaultId(name) }))
    )
    const { sink, calls } = recorder()
    expect(annotate(report, sink)).toEqual({ error: 22, warning: 22 })
    const errors = calls.filter((c) => c.kind === 'error')
    const warnings = calls.filter((c) => c.kind === 'warning')
    expect(errors).toHaveLength(ANNOTATION_LIMITS.error)
    expect(warnings).toHaveLength(ANNOTATION_LIMITS.warning)
    expect(errors.at(-1)).toEqual({
      kind: 'error',
      message:
        '22 more errors not annotated (GitHub shows 9 per step): the job summary and the JSON report list every finding.',
      title: 'kv-private-link-doctor: 30 errors in all'
    })
    expect(warnings.at(-1)).toEqual({
      kind: 'warning',
      message:
        '22 more warnings not annotated (GitHub shows 9 per step): the job summary and the JSON report list every finding.',
      title: 'kv-private-link-doctor: 30 warnings in all'
    })
    expect(calls.filter((c) => c.kind === 'info').map((c) => c.message)).toEqual([
      'Annotations capped: 8 of 30 errors annotated; the job summary has all.',
      'Annotations capped: 8 of 30 warnings annotated; the job summary has all.'
    ])
  })

  it('keeps one slot of each kind free under GitHub’s 10 per step', () => {
    // The step's failure line is an error, a comment that could not be written is a warning:
    // both come after the findings and must still show.
    expect(ANNOTATION_LIMITS).toEqual({ error: 9, warning: 9 })
    const vaults = Array.from({ length: 9 }, (_, i) => `kv${i}`)
    const report = buildReport(
      vaults.map((v) => finding('DNS-RECORD-TTL', v, { severity: 'warning' })),
      vaults.map((name) => ({ name, id: vaultId(name) }))
    )
    const { sink, calls } = recorder()
    // Exactly 9 fit without a "more" line; a 10th would have taken the last free slot.
    expect(annotate(report, sink)).toEqual({ error: 0, warning: 0 })
    expect(calls.filter((c) => c.kind === 'warning')).toHaveLength(9)
    expect(calls.some((c) => /not annotated/.test(c.message))).toBe(false)
  })

  it('keeps a value from Azure on one line and cuts very long messages', () => {
    const report = buildReport(
      [finding('PE-NONE', 'kv1', { message: `x\n::error::pwned ${'y'.repeat(2000)}`, fix: null })],
      [{ name: 'kv1', id: vaultId('kv1') }]
    )
    const { sink, calls } = recorder()
    annotate(report, sink)
    expect(calls[0]?.message.startsWith('x ; ::error::pwned y')).toBe(true)
    expect(calls[0]?.message).not.toContain('\n')
    expect(calls[0]?.message).toHaveLength(1000)
  })
})
