/**
 * The OS resolver (getaddrinfo: hosts file, nsswitch, resolv.conf) in a helper process that can
 * be killed. getaddrinfo cannot be cancelled: a call holds one of libuv's threads until glibc
 * gives up (timeout × attempts × name servers: 30 s with resolv.conf's defaults and three servers
 * that never answer), and Node waits for those threads even in process.exit(). In process, one
 * such lookup kept the step running for 30 s after the probe had finished; with more vaults,
 * libuv (which runs getaddrinfo on at most half of its 4 threads) queued every later lookup behind
 * them, so later vaults timed out without being asked and the step ran until the queue drained.
 * In a helper, the probe stops waiting at its budget and kills the helper when it is done.
 *
 * The helper is a second Node process (this one's binary) that answers `dns.lookup` over IPC with
 * the runner's own environment (LOCALDOMAIN, RES_OPTIONS), so it resolves exactly as this process
 * would. Once RETIRE_AFTER of its lookups never returned, new lookups go to a fresh helper and
 * the old one is killed as soon as nothing it still answers is awaited.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import type { LookupAddress } from 'node:dns'
import { StepTimeoutError } from './step.js'

/** The helper, as `node -e`: plain CommonJS, single quotes only (Windows command lines). */
const HELPER = [
  "const dns = require('node:dns')",
  "process.on('message', (m) => {",
  '  const options = { all: true, family: m.family, hints: m.hints, order: m.order }',
  '  dns.lookup(m.hostname, options, (error, addresses) => {',
  '    if (!process.connected) return',
  '    if (error) process.send({ id: m.id, code: error.code || String(error.errno), message: error.message })',
  '    else process.send({ id: m.id, code: null, message: null, addresses })',
  '  })',
  '})',
  // Gone parent: die at once (an exit would wait for the lookups still running, like here).
  "process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'))"
].join('\n')

/** The code of a lookup that failed because the helper did (it could not start, or died). */
export const HELPER_CODE = 'KVPLD_LOOKUP_HELPER'

/**
 * libuv runs at most half of its threads' worth of getaddrinfo calls at once ("slow I/O"): 16 of
 * 32. A helper is retired once 8 of those are held by lookups that never returned, which leaves 8
 * for the lookups in flight (the probe runs 4 vaults at a time, one lookup each).
 */
const THREADS = 32
const RETIRE_AFTER = 8

interface Reply {
  id: number
  code: string | null
  message: string | null
  addresses?: LookupAddress[]
}

interface Helper {
  child: ChildProcess
  /** Lookups someone still awaits, by id. */
  live: Map<number, (reply: Reply) => void>
  /** Lookups given up on that have not answered yet: each holds one of the helper's threads. */
  stuck: Set<number>
  retired: boolean
}

let current: Helper | null = null
const helpers = new Set<Helper>()
let nextId = 1

function stopIfIdle(helper: Helper): void {
  if (helper.retired && helper.live.size === 0) helper.child.kill('SIGKILL')
}

function retire(helper: Helper): void {
  helper.retired = true
  if (current === helper) current = null
  stopIfIdle(helper)
}

function failAll(helper: Helper, code: string, message: string): void {
  for (const done of helper.live.values()) done({ id: 0, code, message })
  helper.live.clear()
}

function startHelper(): Helper {
  const env: NodeJS.ProcessEnv = { ...process.env, UV_THREADPOOL_SIZE: String(THREADS) }
  // The runner's NODE_OPTIONS (--require hooks, --inspect) have no business in a DNS helper.
  delete env.NODE_OPTIONS
  const child = spawn(process.execPath, ['-e', HELPER], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    env,
    windowsHide: true
  })
  const helper: Helper = { child, live: new Map(), stuck: new Set(), retired: false }
  helpers.add(helper)
  child.on('message', (reply: Reply) => {
    helper.stuck.delete(reply.id)
    const done = helper.live.get(reply.id)
    if (done) {
      helper.live.delete(reply.id)
      done(reply)
    }
    stopIfIdle(helper)
  })
  const gone = (why: string) => {
    helpers.delete(helper)
    if (current === helper) current = null
    failAll(helper, HELPER_CODE, why)
  }
  child.on('error', (error) => gone(`the lookup helper failed: ${error.message}`))
  child.on('exit', (code, signal) => gone(`the lookup helper ended (${signal ?? code})`))
  // Neither the helper nor its channel may keep this process alive.
  child.unref()
  ;(child.channel as { unref?: () => void } | null | undefined)?.unref?.()
  return helper
}

/** `dns.lookup(hostname, { all: true, … })` in the helper, given up after `timeoutMs`. */
export function osLookup(
  hostname: string,
  options: { family?: number | 'IPv4' | 'IPv6'; hints?: number; order?: string },
  timeoutMs: number
): Promise<LookupAddress[]> {
  const helper = current ?? (current = startHelper())
  const id = nextId++
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (!helper.live.delete(id)) return
      helper.stuck.add(id)
      if (helper.stuck.size >= RETIRE_AFTER) retire(helper)
      reject(new StepTimeoutError(timeoutMs))
    }, timeoutMs)
    helper.live.set(id, (reply) => {
      clearTimeout(timer)
      if (reply.code === null) resolve(reply.addresses ?? [])
      else reject(Object.assign(new Error(reply.message ?? reply.code), { code: reply.code }))
    })
    const failed = (error: Error | null) => {
      const done = error ? helper.live.get(id) : undefined
      if (!done) return
      helper.live.delete(id)
      done({ id, code: HELPER_CODE, message: `the lookup helper failed: ${error!.message}` })
    }
    try {
      helper.child.send({ id, hostname, ...options }, failed)
    } catch (error) {
      failed(error instanceof Error ? error : new Error(String(error)))
    }
  })
}

/** Kills every helper (the probe is done; lookups still running in them are abandoned). */
export function closeOsResolver(): void {
  for (const helper of helpers) {
    helper.retired = true
    failAll(helper, HELPER_CODE, 'the probe ended')
    helper.child.kill('SIGKILL')
  }
  helpers.clear()
  current = null
}
