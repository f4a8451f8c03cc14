/**
 * The shape of the SDK's `RestError`, checked by name as `@azure/core-rest-pipeline`'s own
 * `isRestError` does (so this folder needs no runtime import of that transitive package).
 */
import type { PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline'

export interface RestErrorLike extends Error {
  code?: string
  statusCode?: number
  request?: PipelineRequest
  response?: PipelineResponse
  details?: unknown
}

export function isRestError(error: unknown): error is RestErrorLike {
  return error instanceof Error && error.name === 'RestError'
}
