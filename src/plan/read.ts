/**
 * Reads the `plan` input's file before any Azure call: a missing file, text that is not JSON, a
 * document of neither format, a Terraform `format_version` whose major is not 1 and a what-if whose
 * `status` is not `Succeeded` are each a `PlanError` (one line; inputs/parse.ts names the input).
 */
import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { PlanError, type Plan } from './plan.js'
import { isTerraformPlan, parseTerraform } from './terraform.js'
import { isWhatIf, parseWhatIf } from './whatif.js'

/** Plans bigger than this are refused rather than read into memory whole. */
export const PLAN_MAX_BYTES = 256 * 1024 * 1024

/** The plan file's path: relative paths are taken from the workspace, as the contract says. */
export function planFilePath(path: string, workspace: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path)
}

/** @param subscription the run's `subscription-id`, for IDs a Terraform plan knows only after apply. */
export function readPlan(
  path: string,
  workspace: string,
  subscription: string | null = null
): Plan {
  const file = planFilePath(path, workspace)
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new PlanError(`not a file (${file})`)
    size = stat.size
  } catch (error) {
    if (error instanceof PlanError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new PlanError(
      code === 'ENOENT'
        ? `the file does not exist (looked for ${file}; a relative path is taken from the workspace)`
        : `the file cannot be read (${code ?? String(error)})`
    )
  }
  if (size > PLAN_MAX_BYTES) {
    throw new PlanError(`the file is ${size} bytes, more than the ${PLAN_MAX_BYTES} read`)
  }
  let document: unknown
  try {
    document = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new PlanError(
      `not JSON (${why}); give the output of 'terraform show -json <planfile>' or of 'az deployment group what-if --no-pretty-print'`
    )
  }
  return parsePlanDocument(document, path, subscription)
}

/** Detects the format from the content and parses it. */
export function parsePlanDocument(
  document: unknown,
  path: string,
  subscription: string | null = null
): Plan {
  if (isTerraformPlan(document)) return parseTerraform(document, path, subscription)
  if (isWhatIf(document)) return parseWhatIf(document, path)
  throw new PlanError(
    "neither a Terraform plan ('terraform show -json <planfile>': format_version and resource_changes) nor an ARM what-if result ('az deployment group what-if --no-pretty-print': status and changes)"
  )
}
