/**
 * The one place the action writes to the step log. Every stage takes a `Logger` (or the part of
 * it that it uses) instead of calling @actions/core or console itself, so a test hands in a
 * recorder and the runner's workflow-command syntax stays in one module.
 */
import * as core from '@actions/core'
import type { AnnotationProperties } from '@actions/core'

export interface Logger {
  info(message: string): void
  debug(message: string): void
  notice(message: string, properties?: AnnotationProperties): void
  warning(message: string, properties?: AnnotationProperties): void
  error(message: string, properties?: AnnotationProperties): void
  startGroup(name: string): void
  endGroup(): void
  /** Runs `fn` inside a collapsible group, closed even when `fn` throws. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/**
 * One line of log text. A line break inside a value from Azure would let it start a line of its
 * own, and the runner reads any line starting with `::` as a workflow command.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[ \t]*\\\r?\n[ \t]*/g, ' ')
    .replace(/\s*[\r\n\u2028\u2029\u0085]+\s*/g, ' ; ')
    .trim()
}

/** The step log of a real run. Methods are bound, so `logger.info` may be passed on as is. */
export const logger: Logger = {
  info: (message) => core.info(message),
  debug: (message) => core.debug(message),
  notice: (message, properties) => core.notice(message, properties),
  warning: (message, properties) => core.warning(message, properties),
  error: (message, properties) => core.error(message, properties),
  startGroup: (name) => core.startGroup(name),
  endGroup: () => core.endGroup(),
  group: (name, fn) => core.group(name, fn)
}
