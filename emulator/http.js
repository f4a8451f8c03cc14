// Small HTTP helpers shared by the emulator's route modules.
import { setTimeout } from 'node:timers'

/** @param {number} ms */
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Reads a request body as text (bodies here are tiny: token forms, comment JSON).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => {
      text += chunk
      if (text.length > 1_000_000) reject(new Error('request body too large'))
    })
    req.on('end', () => resolve(text))
    req.on('error', reject)
  })
}

/**
 * Everything a route handler gets: the parsed request and ways to answer it. `send`/`sendText`
 * record the status in the request log entry before the bytes leave, so a test that awaited a
 * response always sees the status in `emu.requests`.
 */
export class RequestContext {
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} baseUrl
   * @param {{ kind: string, method: string, path: string, status?: number, fault?: boolean }} entry
   */
  constructor(req, res, baseUrl, entry) {
    this.req = req
    this.res = res
    this.baseUrl = baseUrl
    this.entry = entry
    this.method = (req.method ?? 'GET').toUpperCase()
    /** path with query, exactly as sent */
    this.rawPath = req.url ?? '/'
    this.url = new URL(this.rawPath, baseUrl)
    /** decoded path without query */
    this.path = safeDecode(this.url.pathname)
    /** @type {Record<string,string>} route parameters */
    this.params = {}
  }

  /** Query parameter, case-insensitive name (ARM accepts `$skipToken` and `$skiptoken`). */
  query(name) {
    const wanted = name.toLowerCase()
    for (const [key, value] of this.url.searchParams) {
      if (key.toLowerCase() === wanted) return value
    }
    return undefined
  }

  header(name) {
    const value = this.req.headers[name.toLowerCase()]
    return Array.isArray(value) ? value[0] : value
  }

  /**
   * @param {number} status
   * @param {unknown} body JSON-serialisable; undefined sends no body
   * @param {Record<string,string|number>} [headers]
   */
  send(status, body, headers = {}) {
    if (body === undefined) this.sendText(status, '', headers)
    else this.sendJsonText(status, JSON.stringify(body), headers)
  }

  /**
   * A body that is JSON text already.
   * @param {number} status
   * @param {string} text
   * @param {Record<string,string|number>} [headers]
   */
  sendJsonText(status, text, headers = {}) {
    this.sendText(status, text, { 'content-type': 'application/json; charset=utf-8', ...headers })
  }

  /**
   * @param {number} status
   * @param {string} text
   * @param {Record<string,string|number>} [headers]
   */
  sendText(status, text, headers = {}) {
    if (this.res.headersSent || this.res.destroyed) return
    this.entry.status = status
    this.res.writeHead(status, { 'content-length': Buffer.byteLength(text), ...headers })
    this.res.end(text)
  }
}

function safeDecode(pathname) {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}
