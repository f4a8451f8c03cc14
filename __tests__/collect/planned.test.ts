// `endpointVnets` (a plan touches those VNets): the vaults with a private endpoint there are read
// too, found through the subscription's private endpoint listing, which bulk mode then reuses.
import { afterEach, describe, expect, test } from '@jest/globals'
import { resourceId } from '../../emulator/estate.js'
import healthyEstate, {
  NETWORK_RG,
  SUBSCRIPTION_ID as SUB,
  VAULT_RG
} from '../../emulator/estates/healthy.js'
import { byName, type Emulator, emulator, requestsTo, run } from './helpers.js'

const VNET_ID = resourceId(SUB, NETWORK_RG, 'Microsoft.Network/virtualNetworks', 'vnet-app-prod')
const PE_LIST = `/subscriptions/${SUB}/providers/Microsoft.Network/privateEndpoints`

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

describe('vaults with endpoints in VNets a plan touches', () => {
  test('the other vault of the VNet is read; the listing is read once and says why in the log', async () => {
    emu = await emulator(healthyEstate())
    const { snapshot, arm, logs } = await run(
      emu,
      {
        subscriptionId: SUB,
        vaults: [byName('kv-payments-prod', SUB, VAULT_RG)],
        endpointVnets: [{ id: VNET_ID, why: 'with private endpoints in VNets the plan changes' }]
      },
      { bulkThreshold: 1 }
    )
    expect(snapshot.vaults.map((v) => [v.name, v.failure])).toEqual([
      ['kv-payments-prod', null],
      ['kv-orders-prod', null]
    ])
    expect(Object.keys(snapshot.vaults[1]?.privateEndpoints ?? {})).toHaveLength(1)
    expect(logs).toContain(
      'plan: 1 vault(s) with private endpoints in VNets the plan changes: kv-orders-prod'
    )
    // Bulk mode (threshold 1) pages through the same listing: once.
    expect(requestsTo(arm, PE_LIST)).toHaveLength(1)
  })

  test('a VNet without endpoints adds nothing; a stale vault name read only if it exists is left out', async () => {
    emu = await emulator(healthyEstate())
    const other = resourceId(SUB, NETWORK_RG, 'Microsoft.Network/virtualNetworks', 'vnet-empty')
    const { snapshot, logs } = await run(emu, {
      subscriptionId: SUB,
      vaults: [
        byName('kv-payments-prod', SUB, VAULT_RG),
        { ...byName('kv-gone', SUB, null), kind: 'vault', ifExists: true }
      ],
      endpointVnets: [{ id: other, why: 'with private endpoints in VNets the plan changes' }]
    })
    expect(snapshot.vaults.map((v) => v.name)).toEqual(['kv-payments-prod'])
    expect(logs.filter((l) => l.startsWith('plan:'))).toEqual([])
  })

  test('without endpointVnets no endpoint listing is read in targeted mode', async () => {
    emu = await emulator(healthyEstate())
    const { arm } = await run(emu, {
      subscriptionId: SUB,
      vaults: [byName('kv-payments-prod', SUB, VAULT_RG)]
    })
    expect(requestsTo(arm, PE_LIST)).toHaveLength(0)
  })
})
