/**
 * Turning what ARM (or the SDK) threw into a `ReadFailure`, keeping ARM's own words.
 *
 * The SDK's paged iterators replace ARM's error body with "Pagination failed with unexpected
 * statusCode 403", so a pipeline policy (`errorBodyPolicy`) remembers the body of every error
 * response per request ID, and `toReadFailure` reads ARM's code and message from there first.
 */
import type { PipelinePolicy } from '@azure/core-rest-pipeline'
import { isRestError } from './rest-error.js'
import type { ReadFailure } from './snapshot.js'
import { ArmTimeoutError } from './retry.js'

/** The result of one read: the value, or why there is none. Collectors never throw. */
export type Read<T> = { ok: true; value: T } | { ok: false; failure: ReadFailure }

export function ok<T>(value: T): Read<T> {
  return { ok: true, value }
}

export function failed<T>(failure: ReadFailure): Read<T> {
  return { ok: false, failure }
}

interface CapturedBody {
  status: number
  bodyAsText: string | undefined
}

export const ERROR_BODY_POLICY_NAME = 'kvpldErrorBodyPolicy'

/** Error response bodies by request ID (the same ID across retries; the last one wins). */
export class ErrorBodies {
  private readonly bodies = new Map<string, CapturedBody>()

  policy(): PipelinePolicy {
    return {
      name: ERROR_BODY_POLICY_NAME,
      sendRequest: async (request, next) => {
        const response = await next(request)
        if (response.status >= 400) {
          this.bodies.set(request.requestId, {
            status: response.status,
            bodyAsText: response.bodyAsText ?? undefined
          })
        } else {
          this.bodies.delete(request.requestId)
        }
        return response
      }
    }
  }

  get(requestId: string | undefined): CapturedBody | undefined {
    return requestId ? this.bodies.get(requestId) : undefined
  }
}

interface ArmErrorBody {
  code?: string
  message?: string
}

/** `{ error: { code, message } }` (ARM's envelope), or `{ code, message }`. */
export function parseArmErrorBody(body: unknown): ArmErrorBody | null {
  let value = body
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return null
    }
  }
  if (!value || typeof value !== 'object') return null
  const envelope = value as { error?: unknown; code?: unknown; message?: unknown }
  const inner = (
    envelope.error && typeof envelope.error === 'object' ? envelope.error : envelope
  ) as { code?: unknown; message?: unknown }
  const result: ArmErrorBody = {}
  if (typeof inner.code === 'string') result.code = inner.code
  if (typeof inner.message === 'string') result.message = inner.message
  return result.code !== undefined || result.message !== undefined ? result : null
}

/** `... does not have authorization to perform action 'Microsoft.Network/.../read' over scope ...` */
export function parseDeniedAction(message: string): string | undefined {
  const match = /perform action '([^']+)'/i.exec(message)
  return match ? match[1] : undefined
}

/** Any thrown value → a ReadFailure for `resource`. */
export function toReadFailure(error: unknown, resource: string, bodies?: ErrorBodies): ReadFailure {
  if (error instanceof ArmTimeoutError) {
    return { kind: 'error', resource, code: 'Timeout', message: error.message }
  }
  if (isRestError(error)) {
    const response = error.response
    const captured = bodies?.get(error.request?.requestId ?? response?.request?.requestId)
    const status = error.statusCode ?? response?.status ?? captured?.status
    // The status says what happened; a body that does not parse only loses ARM's own words. So a
    // 403 stays `denied` and a 404 `not-found` however their body arrived.
    if (error.code === 'PARSE_ERROR' && (status === 403 || status === 404)) {
      const text = captured?.bodyAsText ?? response?.bodyAsText ?? ''
      const failure: ReadFailure = {
        kind: kindOf(status),
        resource,
        status,
        message: `ARM answered HTTP ${status} with a body that is not valid JSON (cut off, or not ARM's), so ARM's own reason is not known`
      }
      // A cut 403 body may still hold the denied action.
      const action = status === 403 ? parseDeniedAction(text) : undefined
      if (action) failure.action = action
      return failure
    }
    if (error.code === 'PARSE_ERROR') {
      return withStatus(
        {
          kind: 'error',
          resource,
          code: 'MalformedResponse',
          message: `ARM answered with a body that is not valid JSON: ${firstLine(error.message)}`
        },
        status
      )
    }
    const body =
      parseArmErrorBody(captured?.bodyAsText) ??
      parseArmErrorBody(response?.bodyAsText) ??
      parseArmErrorBody((response as { parsedBody?: unknown } | undefined)?.parsedBody) ??
      parseArmErrorBody(error.details)
    const message = body?.message ?? error.message
    const code = body?.code ?? (typeof error.code === 'string' ? error.code : undefined)
    const failure: ReadFailure = { kind: kindOf(status), resource, message }
    if (status !== undefined && status > 0) failure.status = status
    if (code !== undefined) failure.code = code
    if (failure.kind === 'denied') {
      const action = parseDeniedAction(message)
      if (action) failure.action = action
    }
    return failure
  }
  if (error instanceof Error) {
    // The SDK's strict deserializers throw TypeErrors on answers that lack a field they read.
    const message =
      error instanceof TypeError
        ? `ARM's answer lacks a field the Azure SDK needs: ${firstLine(error.message)}`
        : firstLine(error.message)
    return { kind: 'error', resource, code: error.name, message }
  }
  return { kind: 'error', resource, message: String(error) }
}

function kindOf(status: number | undefined): ReadFailure['kind'] {
  if (status === 403) return 'denied'
  if (status === 404) return 'not-found'
  return 'error'
}

function withStatus(failure: ReadFailure, status: number | undefined): ReadFailure {
  if (status !== undefined && status > 0) failure.status = status
  return failure
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
