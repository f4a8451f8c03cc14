// Waiting is not timing out: the per-attempt ARM timeout measures an attempt on the wire, not the
// time it queued for a concurrency slot or waited out a subscription's Retry-After; waiting still
// ends at once on the caller's abort. And a 503 with Retry-After holds back the whole
// subscription, like a 429. The pipeline tests run the real pipeline set-up (configurePipeline)
// against a stand-in HTTP client; the others run collect() against the emulator.
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse
} from '@azure/core-rest-pipeline'
import scaleEstate, {
  SCALE_SUBSCRIPTION_ID as SUB,
  SCALE_VAULT_RG
} from '../../emulator/estates/scale.js'
import { ErrorBodies } from '../../src/collect/arm-errors.js'
import { configurePipeline } from '../../src/collect/clients.js'
import { ThrottleGate } from '../../src/collect/gate.js'
import { createLimit, type Limit } from '../../src/collect/limit.js'
import { ArmTimeoutError, DEFAULT_RETRY, type RetrySettings } from '../../src/collect/retry.js'
import type { Snapshot } from '../../src/collect/snapshot.js'
import { type Emulator, emulator, FAST_RETRY, run } from './helpers.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

/** Like core-rest-pipeline's Node client: honours the request's abort signal while "on the wire". */
function fakeArm(answerMs: (request: PipelineRequest) => number, status = 200) {
  const sent: string[] = []
  const client: HttpClient = {
    sendRequest: (request) =>
      new Promise<PipelineResponse>((resolve, reject) => {
        const aborted = (): Error => Object.assign(new Error('aborted'), { name: 'AbortError' })
        if (request.abortSignal?.aborted) {
          reject(aborted())
          return
        }
        sent.push(request.url)
        const handle = setTimeout(
          () =>
            resolve({
              status,
              headers: createHttpHeaders({ 'content-type': 'application/json' }),
              request,
              bodyAsText: '{}'
            }),
          answerMs(request)
        )
        request.abortSignal?.addEventListener('abort', () => {
          clearTimeout(handle)
          reject(aborted())
        })
      })
  }
  return { client, sent }
}

function pipelineWith(limit: Limit, gate: ThrottleGate, retry: Partial<RetrySettings>) {
  const pipeline = createEmptyPipeline()
  configurePipeline(pipeline, {
    limit,
    gate,
    retry: { ...DEFAULT_RETRY, ...retry },
    errorBodies: new ErrorBodies(),
    onRequest: () => undefined
  })
  return pipeline
}

const url = (sub: string, i: number): string =>
  `https://arm.example/subscriptions/${sub}/resourceGroups/rg/providers/x/y/${i}?api-version=1`

describe('a next page goes ahead of queued single reads', () => {
  test('one slot, four reads queued: the page asked for after them is sent before them', async () => {
    const arm = fakeArm(() => 20)
    const pipeline = pipelineWith(createLimit(1), new ThrottleGate(), DEFAULT_RETRY)
    const send = (u: string): Promise<PipelineResponse> =>
      pipeline.sendRequest(arm.client, createPipelineRequest({ url: u }))
    const reads = Array.from({ length: 5 }, (_, i) => send(url('sub-a', i)))
    // A listing's next page, as ARM's nextLink spells it (Network) and as Key Vault's does.
    const list =
      'https://arm.example/subscriptions/sub-a/providers/Microsoft.Network/privateEndpoints'
    const pages = [
      send(`${list}?api-version=1&$skipToken=b2Zmc2V0OjEwMA`),
      send(`${list}?$skiptoken=dmF1bHQ&api-version=1`)
    ]
    const statuses = await Promise.all([...reads, ...pages].map((r) => r.then((x) => x.status)))
    expect(statuses).toEqual(Array(7).fill(200))
    expect(
      arm.sent.map((u) =>
        u.includes('privateEndpoints') ? 'page' : u.split('?')[0]!.split('/').pop()
      )
    ).toEqual(['0', 'page', 'page', '1', '2', '3', '4'])
  })
})

describe('the per-attempt timeout counts time on the wire only', () => {
  test('8 requests behind 1 slot, 150 ms each, 200 ms timeout: all 8 are sent and succeed', async () => {
    const arm = fakeArm(() => 150)
    const pipeline = pipelineWith(createLimit(1), new ThrottleGate(), {
      maxRetries: 0,
      baseDelayMs: 1,
      maxDelayMs: 1,
      timeoutMs: 200
    })
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        pipeline.sendRequest(arm.client, createPipelineRequest({ url: url('sub-a', i) }))
      )
    )
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.status : r.reason))).toEqual(
      Array(8).fill(200)
    )
    expect(arm.sent).toHaveLength(8)
  })

  test('a Retry-After wait longer than the timeout does not time the request out', async () => {
    const arm = fakeArm(() => 20)
    const gate = new ThrottleGate()
    gate.pause('sub-a', 400)
    const pipeline = pipelineWith(createLimit(4), gate, {
      maxRetries: 0,
      baseDelayMs: 1,
      maxDelayMs: 1,
      timeoutMs: 150,
      totalMs: 150
    })
    const response = await pipeline.sendRequest(
      arm.client,
      createPipelineRequest({ url: url('sub-a', 1) })
    )
    expect(response.status).toBe(200)
    expect(arm.sent).toHaveLength(1)
  })

  test('an attempt slow on the wire still times out, is retried, then fails as a timeout', async () => {
    const arm = fakeArm(() => 1000)
    const pipeline = pipelineWith(createLimit(1), new ThrottleGate(), {
      maxRetries: 1,
      baseDelayMs: 1,
      maxDelayMs: 1,
      timeoutMs: 100
    })
    const failure = await pipeline
      .sendRequest(arm.client, createPipelineRequest({ url: url('sub-a', 1) }))
      .then(
        () => null,
        (error: unknown) => error
      )
    expect(failure).toBeInstanceOf(ArmTimeoutError)
    expect(failure).toMatchObject({ timeoutMs: 100, attempts: 2 })
    expect(arm.sent).toHaveLength(2)
  })

  test('the caller’s abort ends waiting at the gate and in the queue; nothing is sent', async () => {
    const arm = fakeArm(() => 300)
    const gate = new ThrottleGate()
    gate.pause('sub-a', 60_000)
    const limit = createLimit(1)
    const pipeline = pipelineWith(limit, gate, { ...FAST_RETRY, timeoutMs: 5000 })

    // Held at the gate (sub-a is paused for a minute).
    const atGate = new AbortController()
    const gated = pipeline.sendRequest(
      arm.client,
      createPipelineRequest({ url: url('sub-a', 1), abortSignal: atGate.signal })
    )
    // Queued behind the one slot, taken by a read of sub-b.
    const busy = pipeline.sendRequest(arm.client, createPipelineRequest({ url: url('sub-b', 1) }))
    const inQueue = new AbortController()
    const queued = pipeline.sendRequest(
      arm.client,
      createPipelineRequest({ url: url('sub-b', 2), abortSignal: inQueue.signal })
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(limit.pending).toBe(1)

    const started = Date.now()
    atGate.abort()
    inQueue.abort()
    await expect(gated).rejects.toMatchObject({ name: 'AbortError' })
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' })
    expect(Date.now() - started).toBeLessThan(250)
    expect(limit.pending).toBe(0)
    expect((await busy).status).toBe(200)
    expect(arm.sent).toEqual([url('sub-b', 1)])
  })

  test('collect: reads queued behind concurrency 1 for longer than timeoutMs all succeed', async () => {
    const estate = () => scaleEstate({ vaults: 12 })
    const req = { subscriptionId: SUB, resourceGroup: SCALE_VAULT_RG }
    emu = await emulator(estate())
    const calm = await run(emu, req, { bulkThreshold: Infinity })
    await emu.stop()

    // 12 private endpoint GETs are queued at once behind one slot, 100 ms each: the last ones
    // wait well over the 800 ms timeout for their slot, then answer in 100 ms.
    emu = await emulator(estate(), { latencyMs: 100 })
    const slow = await run(emu, req, {
      bulkThreshold: Infinity,
      concurrency: 1,
      // Neither the per-attempt timeout nor the total bound counts the time spent queued.
      retry: { ...FAST_RETRY, maxRetries: 1, timeoutMs: 800, totalMs: 800 }
    })

    expect(
      JSON.stringify(slow.snapshot).match(/(ARM did not answer|no answer from ARM)[^"]*/g) ?? []
    ).toEqual([])
    expect(comparable(slow.snapshot)).toEqual(comparable(calm.snapshot))
    // No attempt was retried: as many requests as the calm run, each served once.
    expect(slow.arm).toHaveLength(calm.arm.length)
    expect(slow.elapsedMs).toBeGreaterThan(800)
  })
})

describe('the total time one request may take in faults is bounded', () => {
  test('a route that never answers fails within totalMs, and the failure says so', async () => {
    emu = await emulator(scaleEstate({ vaults: 2 }), {
      faults: [{ match: /\/privateEndpoints\/pe-kv-scale-00001\?/, hang: true }]
    })
    const { snapshot, elapsedMs } = await run(
      emu,
      { subscriptionId: SUB, resourceGroup: SCALE_VAULT_RG },
      {
        bulkThreshold: Infinity,
        retry: { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 400, totalMs: 1000 }
      }
    )

    const failures = snapshot.vaults.flatMap((v) => Object.values(v.privateEndpointFailures))
    expect(failures).toEqual([
      {
        kind: 'error',
        resource: expect.stringMatching(/\/privateEndpoints\/pe-kv-scale-00001$/),
        code: 'Timeout',
        message:
          'no answer from ARM within 1 s (route never answered; 3 attempt(s), at most 0.4 s each)'
      }
    ])
    // 400 + 400 + what was left (about 200) ms on the wire, not 5 × 400 ms.
    const hung = emu.requests.filter((r) => r.path.includes('/privateEndpoints/pe-kv-scale-00001?'))
    expect(hung).toHaveLength(3)
    expect(hung.every((r) => r.status === 0)).toBe(true)
    expect(hung[2]!.at! - hung[0]!.at!).toBeLessThan(1000)
    expect(elapsedMs).toBeGreaterThanOrEqual(950)
    expect(snapshot.vaults.map((v) => v.failure)).toEqual([null, null])
  })

  test('the pipeline: a request that first answers 500, then hangs, names both', async () => {
    let calls = 0
    const client: HttpClient = {
      sendRequest: (request) =>
        new Promise<PipelineResponse>((resolve, reject) => {
          if (calls++ === 0) {
            resolve({ status: 500, headers: createHttpHeaders(), request, bodyAsText: '' })
            return
          }
          request.abortSignal?.addEventListener('abort', () =>
            reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))
          )
        })
    }
    const pipeline = pipelineWith(createLimit(1), new ThrottleGate(), {
      maxRetries: 10,
      baseDelayMs: 1,
      maxDelayMs: 1,
      timeoutMs: 100,
      totalMs: 300
    })
    const started = Date.now()
    const failure = await pipeline
      .sendRequest(client, createPipelineRequest({ url: url('sub-a', 1) }))
      .then(
        () => null,
        (error: unknown) => error
      )
    expect(failure).toBeInstanceOf(ArmTimeoutError)
    // 0 + 100 + 100 + what is left (about 100) ms: 4 attempts, 3 on a slow machine.
    expect((failure as Error).message).toMatch(
      /^no answer from ARM within 0\.3 s \(the last attempt got no answer; 1 earlier one\(s\) answered with an error; [34] attempt\(s\), at most 0\.1 s each\)$/
    )
    expect(calls).toBeGreaterThanOrEqual(3)
    expect(calls).toBeLessThanOrEqual(4)
    expect(Date.now() - started).toBeLessThan(1000)
  })
})

describe('503 with Retry-After closes the gate like a 429', () => {
  test.each([429, 503])(
    'the gate policy: a %d with Retry-After delays the next request to the same subscription only',
    async (throttled) => {
      let clock = 0
      const order: string[] = []
      const gate = new ThrottleGate(
        () => clock,
        async (ms) => {
          order.push(`sleep ${ms}`)
          clock += ms
        }
      )
      const policy = gate.policy(createLimit(4))
      const send = (target: string, status: number, retryAfter?: string) =>
        policy.sendRequest({ url: target } as never, async () => {
          order.push(`${status} ${target}`)
          return {
            status,
            headers: createHttpHeaders(retryAfter ? { 'retry-after': retryAfter } : {}),
            request: {} as never
          }
        })
      await send('https://arm/subscriptions/a/x', throttled, '2')
      await send('https://arm/subscriptions/b/y', 200)
      await send('https://arm/subscriptions/a/z', 200)
      // A 503 without Retry-After is a fault for the retry policy's backoff, not a pause.
      await send('https://arm/subscriptions/b/w', 503)
      await send('https://arm/subscriptions/b/v', 200)
      expect(order).toEqual([
        `${throttled} https://arm/subscriptions/a/x`,
        '200 https://arm/subscriptions/b/y',
        'sleep 2000',
        '200 https://arm/subscriptions/a/z',
        '503 https://arm/subscriptions/b/w',
        '200 https://arm/subscriptions/b/v'
      ])
      expect(gate.waitedMs).toBe(2000)
      expect(gate.throttled).toBe(1)
    }
  )

  test('collect: a 503 with Retry-After holds back the other reads of its subscription', async () => {
    const concurrency = 2
    emu = await emulator(scaleEstate({ vaults: 8 }), {
      faults: [{ match: /\/privateEndpoints\/[^/?]+\?/, status: 503, retryAfter: 1, times: 1 }]
    })
    const { snapshot, elapsedMs } = await run(
      emu,
      { subscriptionId: SUB, resourceGroup: SCALE_VAULT_RG },
      { bulkThreshold: Infinity, concurrency }
    )

    expect(JSON.stringify(snapshot)).not.toMatch(/ServiceUnavailable/)
    const arm = emu.requests.filter((r) => r.kind === 'arm')
    const fault = arm.find((r) => r.status === 503)
    expect(fault).toBeDefined()
    // Only reads already on their way when the 503 came back may reach ARM in its Retry-After.
    const windowEnd = fault!.at! + 1000 - 100
    const during = arm.filter(
      (r) => r.at! > fault!.at! && r.at! < windowEnd && r.path.toLowerCase().includes(SUB)
    )
    expect(during.length).toBeLessThan(concurrency)
    expect(arm.filter((r) => r.at! >= windowEnd).length).toBeGreaterThan(1)
    expect(elapsedMs).toBeGreaterThanOrEqual(950)
  })
})

/** The snapshot without its request count. */
function comparable(snapshot: Snapshot): unknown {
  const copy = JSON.parse(JSON.stringify(snapshot)) as Snapshot
  copy.armRequests = 0
  return copy
}
