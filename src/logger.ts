/**
 * The one place the action writes to the step log. Every stage takes a `Logger` (or the part of
 * it that it uses) instead of calling @actions/core or console itself, so a test hands in a
 * recorder and the runner's workflow-command syntax stays in one module.
 */
import { EOL } from 'node:os'
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

const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/

/**
 * One line of log text. A line break inside a value from Azure would let it start a line of its
 * own, and the runner reads any line starting with `::` as a workflow command.
 */
export function oneLine(text: string): string {
  // Most lines have no break at all: both replacements would scan them for nothing.
  if (!LINE_BREAK.test(text)) return text.trim()
  return text
    .replace(/[ \t]*\\\r?\n[ \t]*/g, ' ')
    .replace(/\s*[\r\n\u2028\u2029\u0085]+\s*/g, ' ; ')
    .trim()
}

/**
 * The runner's workflow commands, written here as @actions/core writes them (same escaping, same
 * annotation properties; __tests__/logger.test.ts compares the two). Importing @actions/core
 * loads its HTTP client (undici) at once, which costs more than Node's own start, and the log is
 * needed before that: a bad input is reported without loading it.
 */
export function workflowCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string
): string {
  const props = Object.entries(properties)
    .filter(([, value]) => Boolean(value))
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
  // As @actions/core: the space comes with any properties object, even one of empty values.
  const space = Object.keys(properties).length > 0 ? ' ' : ''
  return `::${command}${space}${props.join(',')}::${escapeData(message)}`
}

function escapeData(text: string): string {
  if (!/[%\r\n]/.test(text)) return text
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function annotation(
  properties: AnnotationProperties = {}
): Record<string, string | number | undefined> {
  if (Object.keys(properties).length === 0) return {}
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn
  }
}

/** Lines held back by `inOneWrite`, else null. */
let held: string[] | null = null

function write(line: string): void {
  if (held) held.push(line)
  else process.stdout.write(line)
}

/**
 * Runs `fn` with every line the logger writes held back, then writes them in one go: the log of a
 * big run is thousands of lines, and each write to the runner's pipe is a system call of its own.
 * The bytes are the same.
 */
export function inOneWrite<T>(fn: () => T): T {
  if (held) return fn()
  held = []
  try {
    return fn()
  } finally {
    const lines = held
    held = null
    if (lines.length > 0) process.stdout.write(lines.join(''))
  }
}

const issue = (
  command: string,
  message: string,
  properties: Record<string, string | number | undefined> = {}
): void => {
  write(workflowCommand(command, properties, message) + EOL)
}

/** `core.getInput`: the input's value, trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** `core.isDebug`: step debug logging is on. */
export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1'
}

/** `core.setSecret`: the runner masks `secret` in the rest of the log. */
export function setSecret(secret: string): void {
  issue('add-mask', secret)
}

/** `core.setFailed`: an error annotation, and the step fails when the process exits. */
export function setFailed(message: string): void {
  process.exitCode = 1
  issue('error', message)
}

/** The step log of a real run. Methods are bound, so `logger.info` may be passed on as is. */
export const logger: Logger = {
  info: (message) => {
    write(message + EOL)
  },
  debug: (message) => issue('debug', message),
  notice: (message, properties) => issue('notice', message, annotation(properties)),
  warning: (message, properties) => issue('warning', message, annotation(properties)),
  error: (message, properties) => issue('error', message, annotation(properties)),
  startGroup: (name) => issue('group', name),
  endGroup: () => issue('endgroup', ''),
  group: async (name, fn) => {
    issue('group', name)
    try {
      return await fn()
    } finally {
      issue('endgroup', '')
    }
  }
}
