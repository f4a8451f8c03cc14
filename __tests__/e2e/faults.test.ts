// Azure faults become findings for the affected vault; every other vault and check still runs.
import { afterEach, describe, expect, it } from '@jest/globals'
import healthyEstate, { DNS_RG, SUBSCRIPTION_ID, VAULT_RG } from '../../emulator/estates/healthy.js'
import { findings, problems, runAgainst, startEmulator, type Emulator } from './harness.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

const vaultNames = (): string[] =>
  healthyEstate()
    .resources.filter((r: { type: string }) => r.type === 'Microsoft.KeyVault/vaults')
    .map((r: { name: string }) => r.name)

describe('Azure faults', () => {
  it('reports a named vault that does not exist as VAULT-NOT-FOUND and checks the others', async () => {
    emu = await startEmulator({ estate: healthyEstate() })
    const [first] = vaultNames()
    const run = await runAgainst(emu, { vaults: `${first}, kv-ghost`, 'resource-group': VAULT_RG })
    expect(run.exitCode).toBe(1)
    expect(problems(run)).toEqual(['VAULT-NOT-FOUND@kv-ghost'])
    const notFound = findings(run).find((f) => f.rule === 'VAULT-NOT-FOUND')
    expect(notFound?.message).toContain('kv-ghost')
    expect(notFound?.resource).toMatch(/\/vaults\/kv-ghost$/i)
    expect(
      findings(run).filter((f) => f.vault === first && f.severity === 'pass').length
    ).toBeGreaterThan(5)
  })

  it('turns a 403 on the DNS zones into ACCESS-DENIED naming the action and the role, and runs the rest', async () => {
    const estate = healthyEstate()
    estate.deny = [{ scope: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${DNS_RG}` }]
    emu = await startEmulator({ estate })
    // Zones are listed per subscription; the emulator denies the list only for the RG scope, so
    // point discovery at the RG through dns-zone-scopes and deny the subscription-wide list too.
    estate.deny.push({
      scope: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Network/privateDnsZones`
    })
    const run = await runAgainst(emu)
    const denied = findings(run).filter((f) => f.rule === 'ACCESS-DENIED')
    expect(denied.length).toBeGreaterThan(0)
    expect(denied[0]?.severity).toBe('error')
    expect(denied[0]?.message).toContain('Microsoft.Network/privateDnsZones')
    expect(denied[0]?.fix).toMatch(/az role assignment create --assignee \S+ --role/)
    expect(denied[0]?.notRun).toEqual(expect.arrayContaining(['DNS-ZONE-MISSING']))
    // No misleading DNS verdicts without the data, but the firewall and PE checks still ran.
    expect(problems(run).filter((p) => p.startsWith('DNS-'))).toEqual([])
    for (const name of vaultNames()) {
      expect(
        findings(run).some(
          (f) => f.vault === name && f.rule === 'FW-PUBLIC-OPEN' && f.severity === 'pass'
        )
      ).toBe(true)
    }
  })

  it('reads a 403 or 404 whose body arrives cut as ACCESS-DENIED / VAULT-NOT-FOUND, not ARM-ERROR', async () => {
    const [first] = vaultNames()
    emu = await startEmulator({
      estate: healthyEstate(),
      faults: [
        { match: `networkInterfaces/pe-${first}.nic`, status: 403, malformed: true },
        { match: '/vaults/kv-ghost?', status: 404, malformed: true }
      ]
    })
    const run = await runAgainst(emu, { vaults: `${first}, kv-ghost`, 'resource-group': VAULT_RG })
    expect(problems(run)).toEqual([`ACCESS-DENIED@${first}`, 'VAULT-NOT-FOUND@kv-ghost'])
    const denied = findings(run).find((f) => f.rule === 'ACCESS-DENIED')
    expect(denied?.message).toContain('Microsoft.Network/networkInterfaces/read')
    expect(denied?.fix).toMatch(/^az role assignment create --assignee \S+ --role Reader --scope /)
    // Looked up as a key vault (the cut 404), then as a managed HSM (a plain 404): neither.
    expect(findings(run).find((f) => f.rule === 'VAULT-NOT-FOUND')?.message).toContain(
      'Key vault or managed HSM kv-ghost was not found'
    )
    // Each cut answer was asked for once more, not retried like a fault.
    const asked = (part: string) =>
      emu!.requests.filter((r: { path: string }) => r.path.includes(part)).length
    expect(asked(`networkInterfaces/pe-${first}.nic`)).toBe(2)
    expect(asked('/vaults/kv-ghost?')).toBe(2)
  })

  it('waits out a 429 with Retry-After and finishes with a correct report', async () => {
    emu = await startEmulator({
      estate: healthyEstate(),
      faults: [
        {
          match: /GET \/subscriptions\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults/i,
          status: 429,
          retryAfter: 1,
          times: 1
        }
      ]
    })
    const run = await runAgainst(emu)
    expect(emu.requests.some((r: { status?: number }) => r.status === 429)).toBe(true)
    expect(run.outputs.result).toBe('pass')
    expect(run.exitCode).toBe(0)
  })

  it('turns a private endpoint that keeps answering 503 into ARM-ERROR for its vault only', async () => {
    const [first, second] = vaultNames()
    emu = await startEmulator({
      estate: healthyEstate(),
      faults: [{ match: `privateEndpoints/pe-${first}?`, status: 503 }]
    })
    const run = await runAgainst(emu)
    expect(problems(run)).toEqual([`ARM-ERROR@${first}`])
    expect(findings(run).find((f) => f.rule === 'ARM-ERROR')?.resource).toMatch(
      new RegExp(`pe-${first}$`, 'i')
    )
    expect(
      findings(run).some(
        (f) => f.vault === second && f.rule === 'DNS-RECORD-WRONG-IP' && f.severity === 'pass'
      )
    ).toBe(true)
  })

  it('turns malformed JSON from a NIC into ARM-ERROR', async () => {
    const [first] = vaultNames()
    emu = await startEmulator({
      estate: healthyEstate(),
      faults: [{ match: `networkInterfaces/pe-${first}.nic`, malformed: true }]
    })
    const run = await runAgainst(emu)
    expect(problems(run)).toEqual([`ARM-ERROR@${first}`])
    expect(run.exitCode).toBe(1)
  })
})
