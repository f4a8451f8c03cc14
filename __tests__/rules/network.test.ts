import { describe, expect, test } from '@jest/globals'
import { idKey } from '../../src/collect/snapshot.js'
import {
  addEndpoint,
  failure,
  healthy,
  of,
  one,
  problems,
  run
} from '../helpers/snapshot-builder.js'

describe('VNET-CUSTOM-DNS', () => {
  test('custom DNS servers: info naming the servers and 168.63.129.16', () => {
    const h = healthy()
    h.vnet.dnsServers = ['10.0.0.4', '10.0.0.5']
    const findings = run(h.snapshot)
    const f = one(findings, 'VNET-CUSTOM-DNS')
    expect(f.severity).toBe('info')
    expect(f.resource).toBe(h.vnet.id)
    expect(f.message).toContain('vnet-app')
    expect(f.message).toContain('10.0.0.4, 10.0.0.5')
    expect(f.message).toContain('168.63.129.16')
    expect(f.message).toContain('DNS private resolver')
    expect(f.message).toContain('inside probe')
    expect(f.docs).toContain('#8-other-changes-and-customizations-that-cause-impact')
    expect(problems(findings)).toEqual([])
  })

  test.each([[[]], [['168.63.129.16']]])('Azure-provided DNS (%j) passes', (servers) => {
    const h = healthy()
    h.vnet.dnsServers = servers
    expect(one(run(h.snapshot), 'VNET-CUSTOM-DNS').severity).toBe('pass')
  })

  test('one finding per VNet, not per PE', () => {
    const h = healthy()
    h.vnet.dnsServers = ['10.0.0.4']
    addEndpoint(h.snapshot, h.vault, { name: 'pe-2', ip: '10.1.2.4' })
    expect(of(run(h.snapshot), 'VNET-CUSTOM-DNS')).toHaveLength(1)
  })

  test('only VNets of effective PEs', () => {
    const h = healthy()
    addEndpoint(h.snapshot, h.vault, {
      name: 'pe-x',
      vnet: 'vnet-x',
      ip: '10.5.0.4',
      status: 'Rejected'
    })
    const vnetX = Object.values(h.snapshot.virtualNetworks).find(
      (v) => !('failure' in v) && v.name === 'vnet-x'
    )
    if (vnetX && !('failure' in vnetX)) vnetX.dnsServers = ['10.0.0.4']
    expect(of(run(h.snapshot), 'VNET-CUSTOM-DNS', 'info')).toEqual([])
  })

  test('VNet unreadable: reported once, tied to no vault, VNET-CUSTOM-DNS not run', () => {
    const h = healthy()
    h.snapshot.virtualNetworks[idKey(h.vnet.id)] = { failure: failure('denied', h.vnet.id) }
    const findings = run(h.snapshot)
    expect(of(findings, 'VNET-CUSTOM-DNS')).toEqual([])
    const denied = one(findings, 'ACCESS-DENIED')
    expect(denied.vault).toBeNull()
    expect(denied.resource).toBe(h.vnet.id)
    // The DNS path starts at the VNet: the forwarding checks could not follow it either.
    expect(denied.notRun).toEqual(['VNET-CUSTOM-DNS', 'DNS-FORWARDING-RULE', 'DNS-FORWARDING-LOOP'])
    expect(denied.message).toContain('virtual network vnet-app')
  })
})
