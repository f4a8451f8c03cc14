/**
 * `report.sarif` (SARIF 2.1.0, as `github/codeql-action/upload-sarif` takes it): one run, the
 * catalogue as `tool.driver.rules`, one result per error and warning with the fix in its message,
 * a fingerprint that stays the same for the same rule, vault and resource across runs, and a
 * location in the repository (the plan file when there is one, else the workflow file).
 */
import { createHash } from 'node:crypto'
import { RULE_IDS, RULES } from '../evaluate/catalog.js'
import type { Finding, Severity } from '../evaluate/finding.js'
import { ACTION_NAME, ACTION_VERSION, INFORMATION_URI } from '../version.js'
import type { ReportJson } from './report.js'

/** GitHub code scanning's limit of results per run. */
export const SARIF_MAX_RESULTS = 25_000

const LEVEL: Record<Severity, 'error' | 'warning' | 'note' | 'none'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  pass: 'none'
}

export interface SarifOptions {
  /** The `plan` input, relative to the workspace, when given. */
  planPath?: string | null
  /** `GITHUB_WORKFLOW_REF`: `owner/repo/.github/workflows/file.yml@refs/…`. */
  workflowRef?: string
}

/** The file results point at: the plan, else the workflow file of this run. */
export function locationUri(options: SarifOptions): string {
  if (options.planPath) return options.planPath.replace(/^\.\//, '')
  const ref = options.workflowRef ?? ''
  const path = /^[^/]+\/[^/]+\/(.+?)@/.exec(ref)?.[1]
  return path ?? '.github/workflows'
}

/** Stable for the same rule, vault and resource (ARM IDs compare case-insensitively). */
export function fingerprint(finding: Pick<Finding, 'rule' | 'vault' | 'resource'>): string {
  const key = [finding.rule, finding.vault ?? '', finding.resource].join('|').toLowerCase()
  return createHash('sha256').update(key).digest('hex')
}

function messageOf(finding: Finding): string {
  return finding.fix ? `${finding.message}.\n\nFix:\n${finding.fix}` : `${finding.message}.`
}

export function renderSarif(report: ReportJson, options: SarifOptions = {}): object {
  const uri = locationUri(options)
  const problems = report.findings.filter(
    (finding) => finding.severity === 'error' || finding.severity === 'warning'
  )
  const kept = problems.slice(0, SARIF_MAX_RESULTS)
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: ACTION_NAME,
            version: ACTION_VERSION,
            informationUri: INFORMATION_URI,
            rules: RULE_IDS.map((id) => {
              const rule = RULES[id]
              return {
                id,
                name: id
                  .toLowerCase()
                  .split('-')
                  .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
                  .join(''),
                shortDescription: { text: rule.title },
                fullDescription: { text: rule.summary },
                help: {
                  text: `${rule.summary} Guide: ${rule.docs}`,
                  markdown: `${rule.summary.replace(/[<>]/g, '')} [Guide section](${rule.docs})`
                },
                helpUri: rule.docs,
                defaultConfiguration: { level: LEVEL[rule.severity] }
              }
            })
          }
        },
        results: kept.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: RULE_IDS.indexOf(finding.rule),
          level: LEVEL[finding.severity],
          message: { text: messageOf(finding) },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } },
              logicalLocations: finding.vault
                ? [{ name: finding.vault, kind: 'resource', fullyQualifiedName: finding.resource }]
                : [{ name: finding.resource, kind: 'resource' }]
            }
          ],
          partialFingerprints: { 'kvPrivateLinkDoctor/v1': fingerprint(finding) },
          properties: {
            vault: finding.vault,
            resource: finding.resource,
            observed: finding.observed,
            expected: finding.expected
          }
        })),
        properties: {
          result: report.result,
          ...(problems.length > kept.length
            ? { omittedResults: problems.length - kept.length }
            : {})
        }
      }
    ]
  }
}
