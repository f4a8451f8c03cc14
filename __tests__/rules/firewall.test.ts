import { describe, expect, test } from '@jest/globals'
import type { NetworkAcls } from '../../src/collect/snapshot.js'
import type { PublicNetworkAccessPolicy } from '../../src/inputs/inputs.js'
import { healthy, of, one, run } from '../helpers/snapshot-builder.js'

const ACCESS = ['Enabled', 'Disabled', null] as const
const DEFAULT_ACTION = ['Allow', 'Deny'] as const
const RULES = [false, true] as const
const BYPASS = ['AzureServices', 'None'] as const
const POLICIES: PublicNetworkAccessPolicy[] = ['disabled', 'restricted', 'any']

/** The contract's table, written out independently of the implementation. */
function expected(
  access: (typeof ACCESS)[number],
  acls: NetworkAcls | null,
  policy: PublicNetworkAccessPolicy
): string[] {
  const enabled = access !== 'Disabled' // null means Enabled
  const openToAll = enabled && (acls === null || acls.defaultAction !== 'Deny')
  const hasRules = acls !== null && acls.ipRules.length + acls.virtualNetworkRules.length > 0
  const out: string[] = []
  if (policy !== 'any') {
    out.push(openToAll ? 'FW-PUBLIC-OPEN error' : 'FW-PUBLIC-OPEN pass')
    if (policy === 'disabled' && !openToAll) {
      out.push(enabled && hasRules ? 'FW-RULES-PRESENT warning' : 'FW-RULES-PRESENT pass')
    }
  }
  if (acls !== null && !openToAll) {
    out.push(
      acls.bypass === 'AzureServices' ? 'FW-TRUSTED-SERVICES info' : 'FW-TRUSTED-SERVICES pass'
    )
  }
  return out
}

function fw(findings: ReturnType<typeof run>): string[] {
  return findings.filter((f) => f.rule.startsWith('FW-')).map((f) => `${f.rule} ${f.severity}`)
}

describe('firewall combinations', () => {
  const cases: [string, (typeof ACCESS)[number], NetworkAcls | null, PublicNetworkAccessPolicy][] =
    []
  for (const access of ACCESS) {
    for (const policy of POLICIES) {
      cases.push([`${access} / no networkAcls / ${policy}`, access, null, policy])
      for (const action of DEFAULT_ACTION) {
        for (const rules of RULES) {
          for (const bypass of BYPASS) {
            const acls: NetworkAcls = {
              bypass,
              defaultAction: action,
              ipRules: rules ? ['203.0.113.7/32'] : [],
              virtualNetworkRules: rules
                ? [
                    '/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-legacy/subnets/snet-app'
                  ]
                : []
            }
            cases.push([
              `${access} / ${action} / rules ${rules} / ${bypass} / ${policy}`,
              access,
              acls,
              policy
            ])
          }
        }
      }
    }
  }

  test.each(cases)('%s', (_name, access, acls, policy) => {
    const h = healthy()
    h.vault.publicNetworkAccess = access
    h.vault.networkAcls = acls
    expect(fw(run(h.snapshot, { publicNetworkAccess: policy }))).toEqual(
      expected(access, acls, policy)
    )
  })
})

describe('FW-PUBLIC-OPEN', () => {
  test('disabled policy: the fix disables public network access', () => {
    const h = healthy()
    h.vault.publicNetworkAccess = 'Enabled'
    h.vault.networkAcls = {
      bypass: 'AzureServices',
      defaultAction: 'Allow',
      ipRules: [],
      virtualNetworkRules: []
    }
    const f = one(run(h.snapshot), 'FW-PUBLIC-OPEN')
    expect(f.severity).toBe('error')
    expect(f.resource).toBe(h.vault.id)
    expect(f.message).toContain('kv1')
    expect(f.message).toContain('all networks')
    expect(f.message).toContain('lose access')
    expect(f.observed).toContain('defaultAction Allow')
    expect(f.fix).toBe(
      'az keyvault update --name kv1 --resource-group rg-kv --subscription 11111111-1111-1111-1111-111111111111 --public-network-access Disabled'
    )
    expect(f.docs).toContain('#3-confirm-that-the-key-vault-firewall-is-properly-configured')
  })

  test('restricted policy: the fix sets the default action to Deny', () => {
    const h = healthy()
    h.vault.publicNetworkAccess = null
    h.vault.networkAcls = null
    const f = one(run(h.snapshot, { publicNetworkAccess: 'restricted' }), 'FW-PUBLIC-OPEN')
    expect(f.message).toContain('no network ACLs')
    expect(f.observed).toBe('publicNetworkAccess not set (Enabled), no networkAcls')
    expect(f.fix).toContain('az keyvault update --name kv1')
    expect(f.fix).toContain('--default-action Deny')
  })

  test('values compare case-insensitively', () => {
    const h = healthy()
    h.vault.publicNetworkAccess = 'enabled'
    h.vault.networkAcls = {
      bypass: 'none',
      defaultAction: 'deny',
      ipRules: [],
      virtualNetworkRules: []
    }
    expect(fw(run(h.snapshot))).toEqual([
      'FW-PUBLIC-OPEN pass',
      'FW-RULES-PRESENT pass',
      'FW-TRUSTED-SERVICES pass'
    ])
  })
})

describe('FW-RULES-PRESENT', () => {
  test('lists the rules and removes each one', () => {
    const h = healthy()
    h.vault.publicNetworkAccess = 'Enabled'
    const subnet =
      '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-legacy/subnets/snet-app'
    h.vault.networkAcls = {
      bypass: 'None',
      defaultAction: 'Deny',
      ipRules: ['203.0.113.7/32'],
      virtualNetworkRules: [subnet]
    }
    const f = one(run(h.snapshot), 'FW-RULES-PRESENT')
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('203.0.113.7/32')
    expect(f.message).toContain('vnet-legacy/snet-app')
    expect(f.fix?.split('\n')).toEqual([
      'az keyvault network-rule remove --name kv1 --resource-group rg-kv --subscription 11111111-1111-1111-1111-111111111111 --ip-address 203.0.113.7/32',
      `az keyvault network-rule remove --name kv1 --resource-group rg-kv --subscription 11111111-1111-1111-1111-111111111111 --subnet ${subnet}`
    ])
  })

  test('rules on a vault with public access Disabled have no effect: pass', () => {
    const h = healthy()
    h.vault.networkAcls = {
      bypass: 'None',
      defaultAction: 'Deny',
      ipRules: ['203.0.113.7/32'],
      virtualNetworkRules: []
    }
    const f = one(run(h.snapshot), 'FW-RULES-PRESENT')
    expect(f.severity).toBe('pass')
    expect(f.message).toContain('no effect')
  })

  test('not checked under restricted', () => {
    const h = healthy()
    h.vault.publicNetworkAccess = 'Enabled'
    h.vault.networkAcls = {
      bypass: 'None',
      defaultAction: 'Deny',
      ipRules: ['203.0.113.7'],
      virtualNetworkRules: []
    }
    expect(of(run(h.snapshot, { publicNetworkAccess: 'restricted' }), 'FW-RULES-PRESENT')).toEqual(
      []
    )
  })
})

describe('FW-TRUSTED-SERVICES', () => {
  test('info with a fix that turns the bypass off', () => {
    const h = healthy()
    h.vault.networkAcls = {
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules: [],
      virtualNetworkRules: []
    }
    const f = one(run(h.snapshot), 'FW-TRUSTED-SERVICES')
    expect(f.severity).toBe('info')
    expect(f.observed).toBe('bypass AzureServices')
    expect(f.fix).toContain('--bypass None')
  })

  test('reported under any policy too', () => {
    const h = healthy()
    h.vault.networkAcls = {
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules: [],
      virtualNetworkRules: []
    }
    expect(fw(run(h.snapshot, { publicNetworkAccess: 'any' }))).toEqual([
      'FW-TRUSTED-SERVICES info'
    ])
  })
})
