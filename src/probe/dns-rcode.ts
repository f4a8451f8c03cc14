/**
 * The rcode of a DNS server's answer, from one plain UDP query. c-ares rejects an answer without
 * a question section as malformed (EBADRESP) and keeps its rcode to itself; unbound answers
 * clients that `access-control` refuses exactly like that (REFUSED, no question). Where c-ares
 * says EBADRESP the probe asks once more itself, to tell a refusal from a broken server.
 */
import { randomBytes } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { isIP } from 'node:net'

/** The rcodes the probe names (RFC 1035 §4.1.1); others stay numbers. */
export const RCODES: Record<number, string> = {
  0: 'NOERROR',
  1: 'FORMERR',
  2: 'SERVFAIL',
  3: 'NXDOMAIN',
  4: 'NOTIMP',
  5: 'REFUSED'
}

const QUERY_TYPES = { A: 1, CNAME: 5 } as const

/** `ip`, `ip:port` or `[ipv6]:port` as c-ares' getServers() writes them. */
export function parseServer(server: string): { address: string; port: number } | null {
  if (isIP(server)) return { address: server, port: 53 }
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(server)
  const plain = /^([^:]+):(\d+)$/.exec(server)
  const match = bracketed ?? plain
  if (!match?.[1] || !isIP(match[1])) return null
  const port = Number(match[2])
  return port > 0 && port < 65536 ? { address: match[1], port } : null
}

/** A recursive query for `name` (RFC 1035 §4.1), or null when `name` is no valid DNS name. */
export function encodeQuery(
  id: number,
  name: string,
  type: keyof typeof QUERY_TYPES
): Buffer | null {
  const labels = name.replace(/\.$/, '').split('.')
  if (
    labels.some((label) => label.length === 0 || label.length > 63 || !/^[\x21-\x7e]+$/.test(label))
  )
    return null
  const header = Buffer.alloc(12)
  header.writeUInt16BE(id, 0)
  header.writeUInt16BE(0x0100, 2) // RD: ask for recursion, as c-ares does
  header.writeUInt16BE(1, 4) // one question
  const question = Buffer.concat([
    ...labels.map((label) =>
      Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])
    ),
    Buffer.from([0, 0, QUERY_TYPES[type], 0, 1]) // root, type, class IN
  ])
  return question.length + 12 > 512 ? null : Buffer.concat([header, question])
}

/**
 * The rcode `server` answers a query for `name` with, or null (no answer within `timeoutMs`,
 * a server that cannot be parsed, a name that cannot be encoded).
 */
export function queryRcode(
  name: string,
  type: keyof typeof QUERY_TYPES,
  server: string,
  timeoutMs: number
): Promise<number | null> {
  const target = parseServer(server)
  const id = randomBytes(2).readUInt16BE(0)
  const query = encodeQuery(id, name, type)
  if (!target || !query || timeoutMs <= 0) return Promise.resolve(null)
  return new Promise((resolve) => {
    const socket = createSocket(isIP(target.address) === 6 ? 'udp6' : 'udp4')
    let done = false
    const finish = (rcode: number | null) => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.close()
      resolve(rcode)
    }
    const timer = setTimeout(() => finish(null), timeoutMs)
    socket.on('error', () => finish(null))
    socket.on('message', (answer, from) => {
      // Only an answer to this query, from the server asked.
      if (from.address !== target.address || from.port !== target.port) return
      if (answer.length < 12 || answer.readUInt16BE(0) !== id || (answer[2]! & 0x80) === 0) return
      finish(answer[3]! & 0x0f)
    })
    socket.send(query, target.port, target.address, (error) => {
      if (error) finish(null)
    })
  })
}
