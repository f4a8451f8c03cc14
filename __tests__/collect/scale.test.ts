// Collection at scale: bulk reads (subscription listings) against targeted GETs on the same
// estate, and ARM's per-subscription throttling. Counts and order are asserted, never times.
import { afterEach, describe, expect, test } from '@jest/globals'
import { privateDnsZone, privateDnsZoneGroup, resourceGroupId } from '../../emulator/estate.js'
import scaleEstate, {
  SCALE_SUBSCRIPTION_ID as SUB,
  SCALE_VAULT_RG,
  scaleVaultName
} from '../../emulator/estates/scale.js'
import { ThrottleGate } from '../../src/collect/gate.js'
import type { Snapshot } from '../../src/collect/snapshot.js'
import { evaluate } from '../../src/evaluate/evaluate.js'
import { byName, type Emulator, emulator, requestsTo, run } from './helpers.js'

const RULES = { publicNetworkAccess: 'disabled', ttlMin: 10, ttlMax: 600, assignee: null } as const

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

/** Findings, order-independent. */
function findingsOf(snapshot: Snapshot): string[] {
  return evaluate(snapshot, null, RULES, [])
    .map((f) => JSON.stringify(f))
    .sort()
}

/** The snapshot without what legitimately differs: request counts and skipped zone groups. */
function comparable(snapshot: Snapshot): unknown {
  const copy = JSON.parse(JSON.stringify(snapshot)) as Snapshot
  copy.armRequests = 0
  for (const vault of copy.vaults) {
    for (const pe of Object.values(vault.privateEndpoints)) {
      if (!pe) continue
      pe.dnsZoneGroups = []
      delete pe.dnsZoneGroupsSkipped
    }
  }
  return copy
}

describe('bulk collection', () => {
  test('gives the same snapshot and findings as targeted GETs, with far fewer requests', async () => {
    emu = await emulator(scaleEstate({ vaults: 30, broken: true }))
    const req = { subscriptionId: SUB, resourceGroup: SCALE_VAULT_RG }
    const targeted = await run(emu, req, { bulkThreshold: Infinity })
    const bulk = await run(emu, req, { bulkThreshold: 1 })

    expect(findingsOf(bulk.snapshot)).toEqual(findingsOf(targeted.snapshot))
    expect(comparable(bulk.snapshot)).toEqual(comparable(targeted.snapshot))
    // The broken estate has findings of many kinds, so the comparison means something.
    const rules = new Set(
      evaluate(bulk.snapshot, null, RULES, [])
        .filter((f) => f.severity === 'error' || f.severity === 'warning')
        .map((f) => f.rule)
    )
    expect([...rules].sort()).toEqual(
      expect.arrayContaining([
        'DNS-RECORD-MISSING',
        'DNS-RECORD-TTL',
        'DNS-RECORD-WRONG-IP',
        'FW-PUBLIC-OPEN',
        'PE-NOT-APPROVED'
      ])
    )

    // Targeted: PE + NIC + zone groups per vault (27 PEs exist; 3 were deleted).
    expect(requestsTo(targeted.arm, '/privateDnsZoneGroups')).toHaveLength(27)
    // Bulk: one listing each, and zone groups only where a rule could need them: no A record for
    // the vault (3 of 30: a group could name a misnamed zone). A wrong IP, a TTL, a pending
    // connection or a firewall problem is decided by the record alone. The 3 deleted PEs are
    // absent from the complete PE listing: no GET to hear their 404.
    expect(
      requestsTo(bulk.arm, `/subscriptions/${SUB}/providers/Microsoft.Network/privateEndpoints`)
    ).toHaveLength(1)
    expect(
      requestsTo(bulk.arm, `/subscriptions/${SUB}/providers/Microsoft.Network/networkInterfaces`)
    ).toHaveLength(1)
    expect(
      requestsTo(bulk.arm, `/subscriptions/${SUB}/providers/Microsoft.Network/virtualNetworks`)
    ).toHaveLength(1)
    expect(bulk.arm.filter((r) => /\/privateEndpoints\/[^/?]+(\?|$)/i.test(r.path))).toHaveLength(0)
    expect(bulk.arm.filter((r) => /\/networkInterfaces\/[^/?]+(\?|$)/i.test(r.path))).toHaveLength(
      0
    )
    expect(requestsTo(bulk.arm, '/privateDnsZoneGroups')).toHaveLength(3)
    expect(bulk.snapshot.armRequests).toBeLessThan(targeted.snapshot.armRequests / 4)
    const skipped = bulk.snapshot.vaults.flatMap((v) =>
      Object.values(v.privateEndpoints).filter((pe) => pe?.dnsZoneGroupsSkipped)
    )
    expect(skipped).toHaveLength(24)
  })

  test('an endpoint to recreate has its zone groups read, so the fix restores them', async () => {
    const estate = scaleEstate({ vaults: 8 })
    type Res = { id: string; type: string; name: string; properties: Record<string, unknown> }
    const resources = estate.resources as Res[]
    const vault0 = resources.find((r) => r.name === scaleVaultName(0))!
    const [connection] = vault0.properties.privateEndpointConnections as {
      properties: { privateLinkServiceConnectionState: { status: string } }
    }[]
    connection!.properties.privateLinkServiceConnectionState.status = 'Rejected'
    const pe1 = resources.find(
      (r) => r.type === 'Microsoft.Network/privateEndpoints' && r.name.includes(scaleVaultName(1))
    )!
    pe1.properties.provisioningState = 'Failed'
    emu = await emulator(estate)
    const req = { subscriptionId: SUB, resourceGroup: SCALE_VAULT_RG }
    const targeted = await run(emu, req, { bulkThreshold: Infinity })
    const bulk = await run(emu, req, { bulkThreshold: 1 })

    expect(findingsOf(bulk.snapshot)).toEqual(findingsOf(targeted.snapshot))
    const groupReads = requestsTo(bulk.arm, '/privateDnsZoneGroups').map((r) => r.path)
    expect(groupReads).toHaveLength(2)
    expect(groupReads.join(' ')).toContain(scaleVaultName(0))
    expect(groupReads.join(' ')).toContain(scaleVaultName(1))
    const fixes = evaluate(bulk.snapshot, null, RULES, [])
      .filter(
        (f) => f.severity === 'error' && ['PE-NOT-APPROVED', 'PE-NOT-SUCCEEDED'].includes(f.rule)
      )
      .map((f) => f.fix ?? '')
    expect(fixes).toHaveLength(2)
    for (const fix of fixes) expect(fix).toMatch(/dns-zone-group create/)
  })

  test('a near-miss zone around: every zone group is read, so one writing there is still found', async () => {
    const estate = scaleEstate({ vaults: 8 })
    const zoneOf = (name: string) =>
      privateDnsZone({ subscriptionId: SUB, resourceGroup: 'rg-dns-legacy', name })
    const nearMiss = zoneOf('privatelink.vault.azure.net')
    const pe = (estate.resources as { id: string; type: string }[]).find(
      (r) => r.type === 'Microsoft.Network/privateEndpoints'
    )!
    // kv-scale-00001's record in the real zone is right; a second zone group also writes it into
    // the near miss. Only the zone group shows that.
    const legacy = privateDnsZoneGroup({
      peId: pe.id,
      name: 'legacy',
      zones: [
        {
          zoneId: nearMiss.id,
          recordSets: [{ recordSetName: scaleVaultName(0), ipAddresses: ['10.64.0.4'] }]
        }
      ]
    })
    estate.resources.push(nearMiss, legacy)
    estate.resourceGroups.push(resourceGroupId(SUB, 'rg-dns-legacy'))
    emu = await emulator(estate)
    const req = { subscriptionId: SUB, resourceGroup: SCALE_VAULT_RG }
    const targeted = await run(emu, req, { bulkThreshold: Infinity })
    const bulk = await run(emu, req, { bulkThreshold: 1 })

    const misnamed = (snapshot: Snapshot) =>
      evaluate(snapshot, null, RULES, []).filter(
        (f) => f.rule === 'DNS-ZONE-MISNAMED' && f.severity === 'error'
      )
    expect(misnamed(targeted.snapshot).map((f) => f.vault)).toEqual([scaleVaultName(0)])
    expect(findingsOf(bulk.snapshot)).toEqual(findingsOf(targeted.snapshot))
    expect(requestsTo(bulk.arm, '/privateDnsZoneGroups')).toHaveLength(8)
  })

  test('a resource hidden from a listing is read by GET, so a 403 stays a 403', async () => {
    const estate = scaleEstate({ vaults: 6 })
    const nic = (estate.resources as { id: string; type: string }[]).find(
      (r) => r.type === 'Microsoft.Network/networkInterfaces'
    )!
    estate.deny = [{ scope: nic.id }]
    emu = await emulator(estate)
    const req = { subscriptionId: SUB, resourceGroup: SCALE_VAULT_RG }
    const targeted = await run(emu, req, { bulkThreshold: Infinity })
    const bulk = await run(emu, req, { bulkThreshold: 1 })

    expect(comparable(bulk.snapshot)).toEqual(comparable(targeted.snapshot))
    expect(findingsOf(bulk.snapshot)).toEqual(findingsOf(targeted.snapshot))
    const denied = bulk.arm.filter((r) => r.path.split('?')[0] === nic.id)
    expect(denied.map((r) => r.status)).toEqual([403])
  })

  test('a listing that fails after its first page: what that page held is used, the rest read by GET', async () => {
    // Pages of 3; every private endpoint page after the first fails (500, past the retries).
    const estate = scaleEstate({ vaults: 9 })
    emu = await emulator(estate, {
      pageSize: 3,
      faults: [
        {
          match:
            /GET \/subscriptions\/[^/]+\/providers\/Microsoft\.Network\/privateEndpoints\?.*skipToken/i,
          status: 500
        }
      ]
    })
    const req = { subscriptionId: SUB, resourceGroup: null }
    const bulk = await run(emu, req, { bulkThreshold: 1 })
    emu.faults.clear()
    const targeted = await run(emu, req, { bulkThreshold: Infinity })

    expect(comparable(bulk.snapshot)).toEqual(comparable(targeted.snapshot))
    expect(findingsOf(bulk.snapshot)).toEqual(findingsOf(targeted.snapshot))
    const peGets = bulk.arm
      .filter((r) => /\/privateEndpoints\/[^/?]+(\?|$)/i.test(r.path))
      .map((r) => r.path.split('?')[0]!.split('/').pop())
    // The first page's three endpoints (the first three vaults') came from the listing.
    expect(peGets.sort()).toEqual(
      Array.from({ length: 6 }, (_, i) => `pe-${scaleVaultName(i + 3)}`)
    )
  })

  test('discovery in bulk: the zone groups go out once the records decide, while the vault listing still pages', async () => {
    // Pages of 3 over 60 vaults, 6 of every 10 broken: the 6 without an A record or zone group
    // need their zone groups, known once the records are in, while the vault listing (slower
    // here) still pages. Its next pages take a free slot ahead of them (gate.ts, tested below).
    emu = await emulator(scaleEstate({ vaults: 60, broken: true }), {
      pageSize: 3,
      faults: [{ match: /Microsoft\.KeyVault\/vaults\?.*skipToken/i, delayMs: 40 }]
    })
    const bulk = await run(emu, { subscriptionId: SUB, resourceGroup: null }, { bulkThreshold: 1 })
    const groups = bulk.arm.flatMap((r, i) => (/\/privateDnsZoneGroups/i.test(r.path) ? [i] : []))
    const vaultPages = bulk.arm.flatMap((r, i) =>
      /\/providers\/Microsoft\.KeyVault\/vaults\?/i.test(r.path) ? [i] : []
    )
    expect(groups).toHaveLength(6)
    expect(vaultPages).toHaveLength(20)
    expect(groups.filter((i) => i < vaultPages.at(-1)!).length).toBeGreaterThanOrEqual(5)
    // Each answered, into the snapshot the rules read.
    const answered = bulk.snapshot.vaults
      .flatMap((v) => Object.values(v.privateEndpoints))
      .filter((pe) => pe && !pe.dnsZoneGroupsSkipped)
    expect(answered.map((pe) => pe?.dnsZoneGroups)).toEqual(Array(6).fill([]))
  })

  test('many named vaults in one subscription come from its listing, not a GET each', async () => {
    emu = await emulator(scaleEstate({ vaults: 12 }))
    const names = Array.from({ length: 12 }, (_, i) => scaleVaultName(i))
    const vaults = [...names, 'kv-not-there'].map((n) => byName(n, SUB, SCALE_VAULT_RG))
    const bulk = await run(emu, { subscriptionId: SUB, vaults }, { bulkThreshold: 5 })

    expect(bulk.snapshot.vaults.filter((v) => v.failure === null)).toHaveLength(12)
    expect(bulk.snapshot.vaults[12]?.failure).toMatchObject({ kind: 'not-found', status: 404 })
    // The listing, then a GET only for the vault it lacks (ARM's own 404 message).
    expect(
      requestsTo(bulk.arm, `/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults`)
    ).toHaveLength(1)
    expect(bulk.arm.filter((r) => /\/vaults\/[^/?]+(\?|$)/i.test(r.path))).toHaveLength(1)
  })

  test('many named vaults: the PE, NIC and VNet listings page alongside the vault listing', async () => {
    // Pages of 3: the vault listing alone takes 4 pages, one after the other.
    emu = await emulator(scaleEstate({ vaults: 12 }), { pageSize: 3 })
    const vaults = Array.from({ length: 12 }, (_, i) => byName(scaleVaultName(i), SUB, null))
    const bulk = await run(emu, { subscriptionId: SUB, vaults }, { bulkThreshold: 5 })
    expect(bulk.snapshot.vaults.filter((v) => v.failure === null)).toHaveLength(12)
    const pages = (path: string): number[] =>
      bulk.arm.flatMap((r, i) =>
        r.path.split('?')[0] === `/subscriptions/${SUB}/providers/${path}` ? [i] : []
      )
    const vaultPages = pages('Microsoft.KeyVault/vaults')
    expect(vaultPages).toHaveLength(4)
    for (const list of ['privateEndpoints', 'networkInterfaces', 'virtualNetworks']) {
      const listPages = pages(`Microsoft.Network/${list}`)
      expect(listPages.length).toBeGreaterThan(0)
      // Its first page is asked for before the vault listing's second page.
      expect(listPages[0]).toBeLessThan(vaultPages[1]!)
    }
  })
})

describe('throttling', () => {
  test('every read of a throttled subscription waits out the Retry-After; the run completes unchanged', async () => {
    const concurrency = 8
    emu = await emulator(scaleEstate({ vaults: 30, broken: true }))
    const req = { subscriptionId: SUB, resourceGroup: SCALE_VAULT_RG }
    const calm = await run(emu, req, { bulkThreshold: Infinity, concurrency })
    await emu.stop()

    // A bucket of 10 refilled at 30/s (Retry-After: 1 s) against ~100 targeted reads.
    emu = await emulator(scaleEstate({ vaults: 30, broken: true }), {
      throttle: { capacity: 10, refillPerSecond: 30 }
    })
    const logs: string[] = []
    const throttled = await run(emu, req, {
      bulkThreshold: Infinity,
      concurrency,
      progressIntervalMs: 200,
      log: (l) => logs.push(l)
    })

    const events = emu.throttle!.events
    expect(events.length).toBeGreaterThan(0)
    expect(findingsOf(throttled.snapshot)).toEqual(findingsOf(calm.snapshot))
    expect(comparable(throttled.snapshot)).toEqual(comparable(calm.snapshot))
    // Every 429 was retried to success: the answers that count are all 2xx/404.
    expect(JSON.stringify(throttled.snapshot)).not.toMatch(/SubscriptionRequestsThrottled/)

    // After a 429 (server time t, Retry-After r), only reads already on their way when the client
    // learnt of it may reach ARM before t + r: at most one per concurrency slot. Without the
    // shared gate, every other read would keep coming (and collect its own 429).
    const arrivals = emu.requests.filter((r) => r.kind === 'arm')
    for (const event of events) {
      const windowEnd = event.at + event.retryAfterSeconds * 1000 - 100
      const during = arrivals.filter((r) => r.at! > event.at && r.at! < windowEnd)
      expect(during.length).toBeLessThanOrEqual(concurrency)
    }
    expect(logs.some((l) => /\d+\.\d s waiting on throttling/.test(l))).toBe(true)
    expect(logs[logs.length - 1]).toMatch(/ARM throttled \d+ request\(s\)/)
  })

  test('the gate: a pause holds back its subscription only, for as long as asked', async () => {
    let clock = 0
    const slept: number[] = []
    const gate = new ThrottleGate(
      () => clock,
      async (ms) => {
        slept.push(ms)
        clock += ms
      }
    )
    gate.pause('SUB-A', 2000)
    await gate.wait('sub-b')
    expect(slept).toEqual([])
    await gate.wait('sub-a')
    expect(slept).toEqual([2000])
    expect(gate.isOpen('sub-a')).toBe(true)
    // Overlapping pauses count once.
    gate.pause('sub-a', 1000)
    gate.pause('sub-a', 1500)
    gate.pause('sub-a', 500)
    expect(gate.waitedMs).toBe(2000 + 1500)
    expect(gate.throttled).toBe(4)
  })
})
