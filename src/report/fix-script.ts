/**
 * `fix.sh`: every fix of the run, in report order, grouped by vault, each preceded by a comment
 * naming the rule, the vault and the resource. The action never runs it: it is for a person to
 * read, edit and run. Text from Azure goes into comments only, one line each, so nothing in it
 * can become a command.
 */
import type { Finding } from '../evaluate/finding.js'
import type { ReportJson } from './report.js'

function comment(text: string): string {
  return `# ${text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ').trim()}`
}

export function renderFixScript(report: ReportJson): string {
  const lines = [
    '#!/usr/bin/env bash',
    '# kv-private-link-doctor: every fix of this run, in order, grouped by vault.',
    '# Review each command before you run it; the action never runs this script.',
    `# Result: ${report.result} (${report.counts.error} error(s), ${report.counts.warning} warning(s))`,
    'set -euo pipefail'
  ]
  const groups = new Map<string | null, Finding[]>()
  // forEach, not for…of, over every finding of a run (see findingsByVault in report.ts).
  report.findings.forEach((finding) => {
    if (!finding.fix || (finding.severity !== 'error' && finding.severity !== 'warning')) return
    const key = finding.vault === null ? null : finding.vault.toLowerCase()
    const group = groups.get(key)
    if (group) group.push(finding)
    else groups.set(key, [finding])
  })
  if (groups.size === 0) lines.push('', '# Nothing to fix.')
  for (const [key, findings] of groups) {
    lines.push(
      '',
      comment(key === null ? '==== Not tied to one vault' : `==== ${findings[0]?.vault}`)
    )
    for (const finding of findings) {
      lines.push(
        '',
        comment(`${finding.rule} (${finding.severity}), vault ${finding.vault ?? '-'}`),
        comment(`resource: ${finding.resource}`),
        ...(finding.fix ?? '').split('\n')
      )
    }
  }
  return `${lines.join('\n')}\n`
}
