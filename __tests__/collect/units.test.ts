// Pure pieces of the collect stage: the concurrency bound, read-once caching, ARM IDs, error
// parsing and Retry-After.
import { describe, expect, test } from '@jest/globals'
import {
  createHttpHeaders,
  createPipelineRequest,
  type PipelineResponse,
  RestError
} from '@azure/core-rest-pipeline'
import {
  ErrorBodies,
  parseArmErrorBody,
  parseDeniedAction,
  toReadFailure
} from '../../src/collect/arm-errors.js'
import {
  nameOf,
  parseLooseId,
  parseResourceId,
  parseScope,
  vaultResourceId,
  vnetIdFromSubnetId
} from '../../src/common/arm-id.js'
import { eachItem, ListingIndex } from '../../src/collect/context.js'
import { sameId } from '../../src/collect/snapshot.js'
import { equalIgnoringCase } from '../../src/common/names.js'
import { createLimit } from '../../src/collect/limit.js'
import { Memo } from '../../src/collect/memo.js'
import {
  ArmTimeoutError,
  armRetryPolicy,
  backoff,
  DEFAULT_RETRY,
  rawJsonBody,
  retryAfterMs
} from '../../src/collect/retry.js'
import { isKeptZone } from '../../src/collect/zones.js'
import { sharedTokenCredential } from '../../src/collect/tokens.js'
import { CLOUDS } from '../../src/inputs/cloud.js'
import type { GetTokenOptions, TokenCredential } from '@azure/identity'

const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('createLimit', () => {
  test('never runs more than the bound at once, and runs everything', async () => {
    const limit = createLimit(3)
    let running = 0
    let peak = 0
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          running++
          peak = Math.max(peak, running)
          await tick(Math.random() * 5)
          running--
          return i
        })
      )
    )
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(peak).toBe(3)
    expect(limit.active).toBe(0)
    expect(limit.pending).toBe(0)
  })

  test('a task marked first takes the next free slot ahead of the unmarked ones, in order', async () => {
    const limit = createLimit(1)
    const order: string[] = []
    const task = (name: string) => async () => {
      order.push(name)
      await tick(1)
    }
    const controller = new AbortController()
    await Promise.allSettled([
      limit(task('running')),
      limit(task('read 1')),
      limit(task('read 2')),
      limit(task('page 1'), undefined, true),
      limit(task('dropped page'), controller.signal, true),
      limit(task('page 2'), undefined, true),
      (controller.abort(), limit(task('read 3')))
    ])
    expect(order).toEqual(['running', 'page 1', 'page 2', 'read 1', 'read 2', 'read 3'])
    expect(limit.pending).toBe(0)
  })

  test('a failing task frees its slot and rejects only its own promise', async () => {
    const limit = createLimit(1)
    const failing = limit(async () => {
      throw new Error('boom')
    })
    const throwing = limit(() => {
      throw new Error('sync boom')
    })
    const after = limit(async () => 'ok')
    await expect(failing).rejects.toThrow('boom')
    await expect(throwing).rejects.toThrow('sync boom')
    await expect(after).resolves.toBe('ok')
  })
})

describe('comparing names without case', () => {
  test('as toLowerCase() would, without its copies: ASCII, other scripts, lengths that differ', () => {
    const id =
      '/subscriptions/S/resourceGroups/RG-Net/providers/Microsoft.Network/virtualNetworks/vnet-1'
    expect(sameId(id, id.toLowerCase())).toBe(true)
    expect(sameId(id, id.toUpperCase())).toBe(true)
    expect(sameId(id, `${id}0`)).toBe(false)
    expect(sameId(id, id.replace('vnet-1', 'vnet-2'))).toBe(false)
    // '@' and '`' sit next to the letters: no folding outside A–Z.
    expect(equalIgnoringCase('a@', 'a`')).toBe(false)
    expect(equalIgnoringCase('[', '{')).toBe(false)
    expect(sameId(null, null)).toBe(false)
    expect(sameId(id, undefined)).toBe(false)
    // Anything beyond ASCII goes by toLowerCase(): the same answer, whatever the lengths.
    const pairs: [string, string][] = [
      ['ÄRGER', 'ärger'],
      ['ΟΔΟΣ', 'οδος'],
      ['İ', 'i̇'],
      ['straße', 'STRASSE'],
      ['Kv-é', 'kv-e']
    ]
    for (const [a, b] of pairs) {
      expect(equalIgnoringCase(a, b)).toBe(a.toLowerCase() === b.toLowerCase())
      expect(equalIgnoringCase(b, a)).toBe(a.toLowerCase() === b.toLowerCase())
    }
    expect(equalIgnoringCase('İ', 'i̇')).toBe(true)
  })
})

describe('eachItem', () => {
  test('asks for the next page before handing out this one’s items; every item, in order', async () => {
    const events: string[] = []
    const pages = [['a', 'b'], ['c'], ['d', 'e']]
    const listing = {
      async *[Symbol.asyncIterator]() {
        yield* pages.flat()
      },
      async *byPage() {
        for (const [i, page] of pages.entries()) {
          events.push(`page ${i + 1} asked`)
          await tick(1)
          yield page
        }
      }
    }
    await eachItem(listing, (item) => events.push(item))
    expect(events).toEqual([
      'page 1 asked',
      'page 2 asked',
      'a',
      'b',
      'page 3 asked',
      'c',
      'd',
      'e'
    ])
    // Without pages (our own network client's listings): the items as they come.
    const items: string[] = []
    await eachItem(listing[Symbol.asyncIterator]() as AsyncIterable<string>, (item) =>
      items.push(item)
    )
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  test('a page that fails rejects once it is reached; one that fails while items are handled too', async () => {
    const failing = {
      async *[Symbol.asyncIterator]() {},
      async *byPage() {
        yield ['a']
        throw new Error('page 2: 500')
      }
    }
    const seen: string[] = []
    await expect(eachItem(failing, (item) => seen.push(item))).rejects.toThrow('page 2: 500')
    expect(seen).toEqual(['a'])
  })
})

describe('ListingIndex', () => {
  test('a lookup waits for its item’s page, not for the listing’s end; after the end, absent is undefined', async () => {
    const index = new ListingIndex<{ id: string }>()
    const settled: string[] = []
    const waiting = index.lookup('/X/PE-2').then((item) => settled.push(`pe-2: ${item?.id}`))
    const missing = index.lookup('/x/pe-9').then((item) => settled.push(`pe-9: ${item?.id}`))
    index.add('/x/pe-1', { id: '/x/pe-1' })
    await tick(1)
    expect(settled).toEqual([])
    index.add('/x/PE-2', { id: '/x/PE-2' })
    await waiting
    expect(settled).toEqual(['pe-2: /x/PE-2'])
    // The first item under an ID stays (IDs compared without case).
    index.add('/X/pe-1', { id: 'second' })
    expect((await index.lookup('/x/pe-1'))?.id).toBe('/x/pe-1')
    index.end()
    await missing
    expect(settled).toEqual(['pe-2: /x/PE-2', 'pe-9: undefined'])
    expect(await index.lookup('/x/pe-3')).toBeUndefined()
  })
})

describe('Memo', () => {
  test('one piece of work per key, keys compared without case', async () => {
    const memo = new Memo<number>()
    let calls = 0
    const work = async (): Promise<number> => ++calls
    const [a, b] = await Promise.all([
      memo.get('/Subscriptions/X/VNET', work),
      memo.get('/subscriptions/x/vnet', work)
    ])
    expect([a, b, calls]).toEqual([1, 1, 1])
    await memo.get('/subscriptions/x/other', work)
    expect(await memo.entries()).toEqual([
      ['/subscriptions/x/vnet', 1],
      ['/subscriptions/x/other', 2]
    ])
  })
})

describe('ARM IDs', () => {
  test('resource IDs, scopes, subnet → VNet', () => {
    expect(
      parseResourceId(
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/x'
      )
    ).toEqual({
      subscriptionId: 's',
      resourceGroup: 'rg',
      provider: 'Microsoft.Network',
      types: ['virtualNetworks', 'subnets'],
      names: ['v', 'x'],
      name: 'x'
    })
    expect(
      parseResourceId(
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks'
      )
    ).toBeNull()
    expect(
      parseLooseId(
        '/subscriptions/subId/resourceGroups/rg1/provders/Microsoft.Network/networkInterfaces/nic1'
      )
    ).toEqual({
      subscriptionId: 'subId',
      resourceGroup: 'rg1',
      name: 'nic1'
    })
    expect(parseScope('/subscriptions/s')).toEqual({ subscriptionId: 's', resourceGroup: null })
    expect(parseScope('/subscriptions/s/resourceGroups/rg')).toEqual({
      subscriptionId: 's',
      resourceGroup: 'rg'
    })
    expect(parseScope('s')).toBeNull()
    expect(
      vnetIdFromSubnetId(
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe'
      )
    ).toBe('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v')
    expect(
      vnetIdFromSubnetId(
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v'
      )
    ).toBeNull()
    expect(vaultResourceId('s', null, 'kv')).toBe(
      '/subscriptions/s/providers/Microsoft.KeyVault/vaults/kv'
    )
  })

  test('nameOf: the last non-empty segment, or the text itself when it has none', () => {
    const cases: [string, string][] = [
      ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v', 'v'],
      ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe/', 'pe'],
      ['/a//b//', 'b'],
      ['kv1', 'kv1'],
      ['/kv1', 'kv1'],
      ['', ''],
      ['/', '/'],
      ['///', '///']
    ]
    for (const [id, name] of cases) {
      expect(nameOf(id)).toBe(name)
      // What it was before: the last of the non-empty segments.
      expect(nameOf(id)).toBe(
        id
          .split('/')
          .filter((part) => part !== '')
          .at(-1) ?? id
      )
    }
  })

  test('kept zones: the cloud’s privatelink zone and near misses', () => {
    const cloud = CLOUDS.AzureUSGovernment
    expect(isKeptZone('privatelink.vaultcore.usgovcloudapi.net', cloud)).toBe(true)
    expect(isKeptZone('PrivateLink.VaultCore.Azure.Net', CLOUDS.AzureCloud)).toBe(true)
    expect(isKeptZone('privatelink.vault.azure.net', cloud)).toBe(true)
    expect(isKeptZone('privatelink.blob.core.windows.net', cloud)).toBe(false)
  })
})

describe('ARM errors', () => {
  const denied =
    "The client 'c' with object id 'o' does not have authorization to perform action 'Microsoft.Network/virtualNetworks/subnets/read' over scope '/subscriptions/s' or the scope is invalid."

  test('the envelope, and the denied action', () => {
    expect(
      parseArmErrorBody(JSON.stringify({ error: { code: 'AuthorizationFailed', message: denied } }))
    ).toEqual({
      code: 'AuthorizationFailed',
      message: denied
    })
    expect(parseArmErrorBody({ code: 'X', message: 'y' })).toEqual({ code: 'X', message: 'y' })
    expect(parseArmErrorBody('{"value":[')).toBeNull()
    expect(parseDeniedAction(denied)).toBe('Microsoft.Network/virtualNetworks/subnets/read')
    expect(parseDeniedAction('Something else')).toBeUndefined()
  })

  test('a pager’s RestError is read from the captured body, not its own message', async () => {
    const bodies = new ErrorBodies()
    const request = { requestId: 'r-1' } as never
    const body = JSON.stringify({ error: { code: 'AuthorizationFailed', message: denied } })
    const response = {
      status: 403,
      headers: createHttpHeaders(),
      request,
      bodyAsText: body
    } as PipelineResponse
    await bodies.policy().sendRequest(request, async () => response)
    const error = new RestError('Pagination failed with unexpected statusCode 403', {
      statusCode: 403,
      request
    })
    expect(toReadFailure(error, '/subscriptions/s', bodies)).toEqual({
      kind: 'denied',
      resource: '/subscriptions/s',
      message: denied,
      status: 403,
      code: 'AuthorizationFailed',
      action: 'Microsoft.Network/virtualNetworks/subnets/read'
    })
  })

  test('timeouts, parse errors, strict deserializers and anything else are kind error', () => {
    expect(toReadFailure(new ArmTimeoutError('u', 300, 2), 'r')).toEqual({
      kind: 'error',
      resource: 'r',
      code: 'Timeout',
      message: 'ARM did not answer within 300 ms (2 attempt(s))'
    })
    expect(
      toReadFailure(
        new RestError('Unexpected end of JSON input', { code: 'PARSE_ERROR', statusCode: 200 }),
        'r'
      )
    ).toMatchObject({
      kind: 'error',
      code: 'MalformedResponse',
      status: 200
    })
    expect(
      toReadFailure(new TypeError("Cannot read properties of undefined (reading 'family')"), 'r')
    ).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('lacks a field')
    })
    expect(toReadFailure('weird', 'r')).toEqual({ kind: 'error', resource: 'r', message: 'weird' })
    expect(
      toReadFailure(new RestError('nope', { statusCode: 404, code: 'ResourceNotFound' }), 'r')
    ).toEqual({
      kind: 'not-found',
      resource: 'r',
      message: 'nope',
      status: 404,
      code: 'ResourceNotFound'
    })
  })
})

describe('a 403 or 404 whose body does not parse', () => {
  const parseError = (status: number, body: string) =>
    new RestError(
      `Error "SyntaxError: Unexpected end of JSON input" occurred while parsing the response body - ${body}.`,
      {
        code: 'PARSE_ERROR',
        statusCode: status,
        response: {
          status,
          headers: createHttpHeaders({ 'content-type': 'application/json' }),
          request: {} as never,
          bodyAsText: body
        }
      }
    )

  test('is classified by its status, not by the parse error', () => {
    expect(toReadFailure(parseError(404, '{"error":{"code":"Resou'), 'r')).toEqual({
      kind: 'not-found',
      resource: 'r',
      status: 404,
      message:
        "ARM answered HTTP 404 with a body that is not valid JSON (cut off, or not ARM's), so ARM's own reason is not known"
    })
    expect(toReadFailure(parseError(403, '<html>Forbidden</html>'), 'r')).toMatchObject({
      kind: 'denied',
      status: 403
    })
  })

  test('a cut 403 keeps the denied action when the part that arrived names it', () => {
    const cut =
      '{"error":{"code":"AuthorizationFailed","message":"The client \'c\' with object id \'o\' does not have authorization to perform action \'Microsoft.Network/virtualNetworks/read\' over scope \'/subscriptions/s/resourceGroups/rg/provi'
    expect(toReadFailure(parseError(403, cut), 'r')).toMatchObject({
      kind: 'denied',
      status: 403,
      action: 'Microsoft.Network/virtualNetworks/read'
    })
  })
})

describe('retry timing', () => {
  const response = (headers: Record<string, string>): PipelineResponse =>
    ({ status: 429, headers: createHttpHeaders(headers), request: {} }) as PipelineResponse

  test('Retry-After in seconds or as a date, and the millisecond headers', () => {
    expect(retryAfterMs(response({ 'retry-after': '7' }))).toBe(7000)
    expect(retryAfterMs(response({ 'retry-after-ms': '250', 'retry-after': '7' }))).toBe(250)
    expect(retryAfterMs(response({ 'x-ms-retry-after-ms': '40' }))).toBe(40)
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(retryAfterMs(response({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(
      3000
    )
    expect(retryAfterMs(response({}))).toBeNull()
  })

  test('a 2xx JSON body is parsed once: handed over parsed to a core-client SDK, kept as text otherwise', async () => {
    const body = '{"value":[{"id":"/x","properties":{"resolutionPolicy":"NxDomainRedirect"}}]}'
    const answer = (type: string) => async () =>
      ({
        status: 200,
        headers: createHttpHeaders({ 'content-type': type }),
        bodyAsText: body
      }) as PipelineResponse
    const send = (handsOverParsedBody: boolean, type: string) =>
      armRetryPolicy(DEFAULT_RETRY, { handsOverParsedBody }).sendRequest(
        createPipelineRequest({ url: 'https://management.azure.com/x' }),
        answer(type)
      )
    const handed = (await send(true, 'application/json; charset=utf-8')) as PipelineResponse & {
      parsedBody?: unknown
    }
    expect(handed.bodyAsText).toBeUndefined()
    expect(handed.parsedBody).toEqual(JSON.parse(body))
    expect(rawJsonBody(handed)).toEqual(JSON.parse(body))
    // The Key Vault client parses the text itself; a type core-client would not parse as JSON.
    for (const kept of [
      await send(false, 'application/json'),
      await send(true, 'application/problem+json')
    ]) {
      expect(kept.bodyAsText).toBe(body)
      expect((kept as { parsedBody?: unknown }).parsedBody).toBeUndefined()
      expect(rawJsonBody(kept)).toEqual(JSON.parse(body))
    }
  })

  test('backoff doubles, with jitter, up to the cap', () => {
    const settings = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000, timeoutMs: 1 }
    expect(backoff(0, settings)).toBeGreaterThanOrEqual(80)
    expect(backoff(0, settings)).toBeLessThanOrEqual(120)
    expect(backoff(2, settings)).toBeGreaterThanOrEqual(320)
    expect(backoff(2, settings)).toBeLessThanOrEqual(480)
    expect(backoff(10, settings)).toBe(1000)
  })
})

describe('sharedTokenCredential', () => {
  const SCOPE = 'https://arm.example/.default'
  function fakeCredential(lifetimeMs: number) {
    const calls: GetTokenOptions[] = []
    let n = 0
    const credential: TokenCredential = {
      async getToken(_scopes, options = {}) {
        calls.push(options)
        await tick(5)
        n++
        if (options.tenantId === 'fail') throw new Error(`sign-in failed ${n}`)
        return { token: `t${n}`, expiresOnTimestamp: clock + lifetimeMs }
      }
    }
    return { credential, calls }
  }
  let clock = 1_000_000

  test('concurrent callers share one request; enableCae is dropped; the token is reused', async () => {
    const { credential, calls } = fakeCredential(60 * 60 * 1000)
    const shared = sharedTokenCredential(credential, () => clock)
    const tokens = await Promise.all(
      [1, 2, 3].map(() => shared.getToken(SCOPE, { enableCae: true }))
    )
    expect(tokens.map((t) => t?.token)).toEqual(['t1', 't1', 't1'])
    expect(await shared.getToken(SCOPE)).toMatchObject({ token: 't1' })
    expect(calls).toHaveLength(1)
    expect(calls[0]).not.toHaveProperty('enableCae')
  })

  test('a token close to expiry is refreshed once; claims challenges bypass the cache', async () => {
    const { credential, calls } = fakeCredential(10 * 60 * 1000)
    const shared = sharedTokenCredential(credential, () => clock)
    expect(await shared.getToken(SCOPE)).toMatchObject({ token: 't1' })
    clock += 6 * 60 * 1000 // 4 minutes left: inside the reuse margin
    const [a, b] = await Promise.all([shared.getToken(SCOPE), shared.getToken(SCOPE)])
    expect([a?.token, b?.token]).toEqual(['t2', 't2'])
    expect(await shared.getToken(SCOPE, { claims: 'c' })).toMatchObject({ token: 't3' })
    expect(calls).toHaveLength(3)
  })

  test('a failure reaches every waiting caller and is not cached', async () => {
    const { credential, calls } = fakeCredential(60 * 60 * 1000)
    const shared = sharedTokenCredential(credential, () => clock)
    const results = await Promise.allSettled([
      shared.getToken(SCOPE, { tenantId: 'fail' }),
      shared.getToken(SCOPE, { tenantId: 'fail' })
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    await expect(shared.getToken(SCOPE, { tenantId: 'fail' })).rejects.toThrow('sign-in failed 2')
    expect(calls).toHaveLength(2)
  })
})
