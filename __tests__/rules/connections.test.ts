import { describe, expect, test } from '@jest/globals'
import { idKey } from '../../src/collect/snapshot.js'
import {
  addEndpoint,
  failure,
  healthy,
  linkZone,
  of,
  one,
  peIdOf,
  problems,
  run,
  SUB
} from '../helpers/snapshot-builder.js'

const STATUSES = ['Pending', 'Approved', 'Rejected', 'Disconnected'] as const
const PROVISIONING = ['Succeeded', 'Updating', 'Failed'] as const

/** What a lone connection in a VNet should give (no other connection serves its VNet). */
function loneVerdict(status: string, provisioning: string): string[] {
  if (status !== 'Approved') return ['PE-NOT-APPROVED error']
  if (provisioning !== 'Succeeded') return ['PE-NOT-SUCCEEDED error']
  return []
}

describe('connection status × provisioning, alone in its VNet', () => {
  for (const status of STATUSES) {
    for (const provisioning of PROVISIONING) {
      for (const where of ['connection', 'endpoint'] as const) {
        test(`${status} / ${where} ${provisioning}`, () => {
          const h = healthy()
          h.connection.status = status
          if (where === 'connection') h.connection.provisioningState = provisioning
          else h.pe.provisioningState = provisioning
          const findings = run(h.snapshot)
          const pe = of(findings, 'PE-NOT-APPROVED')
            .concat(of(findings, 'PE-NOT-SUCCEEDED'), of(findings, 'PE-LEFTOVER'))
            .filter((f) => f.severity !== 'pass')
            .map((f) => `${f.rule} ${f.severity}`)
          expect(pe).toEqual(loneVerdict(status, provisioning))

          const effective = status === 'Approved' && provisioning === 'Succeeded'
          // An ineffective lone PE leaves the VNet without private link: no DNS checks for it.
          expect(of(findings, 'DNS-LINK-MISSING')).toHaveLength(effective ? 1 : 0)
          if (status === 'Approved') expect(one(findings, 'PE-NOT-APPROVED').severity).toBe('pass')
          if (effective) expect(one(findings, 'PE-NOT-SUCCEEDED').severity).toBe('pass')
        })
      }
    }
  }

  test('Pending: the fix approves the connection by its ID', () => {
    const h = healthy()
    h.connection.status = 'Pending'
    const f = one(run(h.snapshot), 'PE-NOT-APPROVED')
    expect(f.resource).toBe(h.connection.id)
    expect(f.observed).toBe('Pending')
    expect(f.expected).toBe('Approved')
    expect(f.message).toContain('kv1')
    expect(f.message).toContain('pe-kv1')
    expect(f.message).toContain('vnet-app')
    expect(f.fix).toBe(
      `az network private-endpoint-connection approve --id ${h.connection.id} --description 'Approved for private link access to kv1'`
    )
    expect(f.docs).toContain('#2-confirm-that-the-connection-is-approved-and-succeeded')
  })

  test.each(['Rejected', 'Disconnected', 'SomethingElse'])(
    '%s: the fix recreates the PE with its real names',
    (status) => {
      const h = healthy()
      h.connection.status = status
      const f = one(run(h.snapshot), 'PE-NOT-APPROVED')
      expect(f.message).toContain(status)
      expect(f.message).toContain('Recreate')
      const lines = (f.fix ?? '').split('\n')
      expect(lines[0]).toBe(`az network private-endpoint delete --ids ${h.pe.id}`)
      expect(lines[1]).toContain(
        'az network private-endpoint create --name pe-kv1 --resource-group rg-net'
      )
      expect(lines[1]).toContain(`--subnet ${h.pe.subnetId}`)
      expect(lines[1]).toContain(`--private-connection-resource-id ${h.vault.id}`)
      expect(lines[1]).toContain('--group-id vault')
      expect(lines[1]).toContain('--location westeurope')
      expect(f.fix).not.toContain('<')
    }
  )

  test('Approved but the PE is Failed: PE-NOT-SUCCEEDED on the PE, fix recreates it', () => {
    const h = healthy()
    h.pe.provisioningState = 'Failed'
    const f = one(run(h.snapshot), 'PE-NOT-SUCCEEDED')
    expect(f.resource).toBe(h.pe.id)
    expect(f.observed).toBe('Failed')
    expect(f.fix).toContain(`az network private-endpoint delete --ids ${h.pe.id}`)
  })

  test('Approved but the connection is Updating: says to wait, points at the connection', () => {
    const h = healthy()
    h.connection.provisioningState = 'Updating'
    const f = one(run(h.snapshot), 'PE-NOT-SUCCEEDED')
    expect(f.resource).toBe(h.connection.id)
    expect(f.message).toContain('wait a few minutes')
  })

  test('status and states compare case-insensitively', () => {
    const h = healthy()
    h.connection.status = 'approved'
    h.connection.provisioningState = 'succeeded'
    h.pe.provisioningState = 'SUCCEEDED'
    expect(problems(run(h.snapshot))).toEqual([])
  })
})

describe('leftover vs not approved', () => {
  for (const status of STATUSES) {
    for (const provisioning of PROVISIONING) {
      test(`${status} / ${provisioning} next to an effective PE in the same VNet`, () => {
        const h = healthy()
        const old = addEndpoint(h.snapshot, h.vault, {
          name: 'pe-old',
          ip: '10.1.2.4',
          status,
          connectionProvisioning: provisioning
        })
        const findings = run(h.snapshot)
        if (status === 'Approved' && provisioning === 'Succeeded') {
          expect(problems(findings)).toEqual(['PE-DUPLICATE-VNET warning'])
          return
        }
        expect(problems(findings)).toEqual(['PE-LEFTOVER warning'])
        const f = one(findings, 'PE-LEFTOVER')
        expect(f.resource).toBe(old.connection.id)
        expect(f.message).toContain('pe-old')
        expect(f.message).toContain('pe-kv1 already serves vnet-app')
        expect(f.fix).toBe(`az network private-endpoint delete --ids ${old.pe.id}`)
      })
    }
  }

  test('an effective PE in another VNet does not make it a leftover', () => {
    const h = healthy()
    addEndpoint(h.snapshot, h.vault, {
      name: 'pe-other',
      vnet: 'vnet-other',
      ip: '10.2.0.4',
      status: 'Pending'
    })
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual(['PE-NOT-APPROVED error'])
    expect(one(findings, 'PE-NOT-APPROVED', 'error').message).toContain(
      'no other approved private endpoint of the vault serves vnet-other'
    )
  })

  test('an ineffective sibling does not serve the VNet', () => {
    const h = healthy()
    h.connection.status = 'Rejected'
    addEndpoint(h.snapshot, h.vault, { name: 'pe-b', ip: '10.1.2.4', status: 'Pending' })
    expect(problems(run(h.snapshot))).toEqual(['PE-NOT-APPROVED error', 'PE-NOT-APPROVED error'])
  })

  test('a connection whose PE no longer exists is a leftover, whatever its status', () => {
    for (const status of ['Approved', 'Pending', 'Disconnected']) {
      const h = healthy()
      const gone = peIdOf('pe-gone')
      h.vault.connections.push({
        id: `${h.vault.id}/privateEndpointConnections/pe-gone.conn`,
        name: 'pe-gone.conn',
        status,
        description: null,
        provisioningState: 'Succeeded',
        privateEndpointId: gone
      })
      h.vault.privateEndpoints[idKey(gone)] = null
      const findings = run(h.snapshot)
      expect(problems(findings)).toEqual(['PE-LEFTOVER warning'])
      const f = one(findings, 'PE-LEFTOVER')
      expect(f.message).toContain('pe-gone')
      expect(f.message).toContain('no longer exists')
      expect(f.fix).toBe(
        `az network private-endpoint-connection delete --id ${h.vault.id}/privateEndpointConnections/pe-gone.conn --yes`
      )
    }
  })

  test('the only connection with a deleted PE: leftover, and no PE-NONE', () => {
    const h = healthy()
    h.vault.privateEndpoints[idKey(h.pe.id)] = null
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual(['PE-LEFTOVER warning'])
    expect(one(findings, 'PE-NONE').severity).toBe('pass')
  })

  test('PE unreadable: an ineffective sibling is neither leftover nor not-approved, and both are reported not run', () => {
    const h = healthy()
    h.vault.privateEndpoints = {}
    h.vault.privateEndpointFailures[idKey(h.pe.id)] = failure('denied', h.pe.id)
    addEndpoint(h.snapshot, h.vault, { name: 'pe-b', ip: '10.1.2.4', status: 'Pending' })
    const findings = run(h.snapshot)
    expect(problems(findings)).toEqual(['ACCESS-DENIED error'])
    const denied = one(findings, 'ACCESS-DENIED')
    expect(denied.notRun).toEqual(
      expect.arrayContaining(['PE-NOT-SUCCEEDED', 'PE-NOT-APPROVED', 'PE-LEFTOVER'])
    )
    expect(of(findings, 'PE-LEFTOVER')).toEqual([])
  })
})

describe('PE-NONE', () => {
  test('no connection at all', () => {
    const h = healthy()
    h.vault.connections = []
    h.vault.privateEndpoints = {}
    const findings = run(h.snapshot)
    const f = one(findings, 'PE-NONE')
    expect(f.severity).toBe('error')
    expect(f.resource).toBe(h.vault.id)
    expect(f.fix).toContain(`--private-connection-resource-id ${h.vault.id}`)
    expect(f.fix).toContain(
      "--subnet '/subscriptions/<subscription-id>/resourceGroups/<vnet-resource-group>/"
    )
    // The VNet's region, not the resource group's (the CLI's default).
    expect(f.fix).toContain("--location '<region-of-the-vnet>'")
    expect(f.fix).toContain(`--private-dns-zone ${h.zone.id}`)
    // Nothing to check per VNet.
    expect(of(findings, 'DNS-LINK-MISSING')).toEqual([])
    expect(of(findings, 'PE-LEFTOVER')).toEqual([])
  })

  test('passes with the count', () => {
    const f = one(run(healthy().snapshot), 'PE-NONE')
    expect(f.severity).toBe('pass')
    expect(f.observed).toBe('1')
  })
})

describe('PE-DUPLICATE-VNET', () => {
  test('two effective PEs in one VNet: the one DNS does not use is to be deleted', () => {
    const h = healthy()
    const second = addEndpoint(h.snapshot, h.vault, { name: 'pe-second', ip: '10.1.2.9' })
    h.record.ipv4Addresses = ['10.1.2.9']
    const findings = run(h.snapshot)
    const f = one(findings, 'PE-DUPLICATE-VNET', 'warning')
    expect(f.resource).toBe(h.pe.id)
    expect(f.message).toContain('vnet-app')
    expect(f.message).toContain('pe-kv1 (10.1.2.3)')
    expect(f.message).toContain('pe-second (10.1.2.9)')
    expect(f.message).toContain('The A record points to pe-second, so delete pe-kv1')
    expect(f.fix).toBe(`az network private-endpoint delete --ids ${h.pe.id}`)
    // The record holds one of the VNet's PE IPs: not a wrong IP.
    expect(one(findings, 'DNS-RECORD-WRONG-IP').severity).toBe('pass')
    expect(second.pe.id).not.toBe(h.pe.id)
  })

  test('three PEs: two warnings', () => {
    const h = healthy()
    addEndpoint(h.snapshot, h.vault, { name: 'pe-2', ip: '10.1.2.4' })
    addEndpoint(h.snapshot, h.vault, { name: 'pe-3', ip: '10.1.2.5' })
    expect(of(run(h.snapshot), 'PE-DUPLICATE-VNET', 'warning')).toHaveLength(2)
  })

  test('one PE per VNet in two VNets: two passes', () => {
    const h = healthy()
    const other = addEndpoint(h.snapshot, h.vault, { name: 'pe-b', vnet: 'vnet-b', ip: '10.2.0.4' })
    linkZone(h.zone, other.pe.vnetId as string)
    expect(of(run(h.snapshot), 'PE-DUPLICATE-VNET', 'pass')).toHaveLength(2)
  })
})

describe('PE-IP-NOT-PRIVATE', () => {
  test.each([
    ['52.168.109.101', 'public'],
    ['172.32.0.5', 'public'],
    ['168.63.129.16', 'Azure platform DNS'],
    ['127.0.0.1', 'loopback'],
    ['169.254.0.5', 'link-local']
  ])('%s is not private', (ip, label) => {
    const h = healthy()
    h.pe.nicIps = [ip]
    h.record.ipv4Addresses = [ip]
    const f = one(run(h.snapshot), 'PE-IP-NOT-PRIVATE')
    expect(f.severity).toBe('error')
    expect(f.resource).toBe(h.pe.id)
    expect(f.observed).toBe(ip)
    expect(f.message).toContain(ip)
    expect(f.message).toContain(label)
    expect(f.fix).toContain(`az network private-endpoint delete --ids ${h.pe.id}`)
  })

  test.each(['10.0.0.4', '172.31.0.5', '192.168.1.4'])('%s passes', (ip) => {
    const h = healthy()
    h.pe.nicIps = [ip]
    h.record.ipv4Addresses = [ip]
    const f = one(run(h.snapshot), 'PE-IP-NOT-PRIVATE')
    expect(f.severity).toBe('pass')
    expect(f.observed).toBe(ip)
  })

  test('falls back to the custom DNS configs when the PE has no NIC IP', () => {
    const h = healthy()
    h.pe.nicIps = []
    h.pe.customDnsConfigs = [{ fqdn: 'kv1.vault.azure.net', ipAddresses: ['52.1.2.3'] }]
    expect(one(run(h.snapshot), 'PE-IP-NOT-PRIVATE').severity).toBe('error')
  })

  test('NIC unreadable: no verdict, reported as not run', () => {
    const h = healthy()
    h.pe.nicIps = []
    h.pe.nicFailures = [failure('denied', h.pe.networkInterfaceIds[0] as string)]
    const findings = run(h.snapshot)
    expect(of(findings, 'PE-IP-NOT-PRIVATE')).toEqual([])
    expect(of(findings, 'DNS-RECORD-WRONG-IP')).toEqual([])
    expect(one(findings, 'ACCESS-DENIED').notRun).toEqual(
      expect.arrayContaining([
        'PE-IP-NOT-PRIVATE',
        'DNS-RECORD-WRONG-IP',
        'DNS-RECORD-EXTRA-IP',
        'DNS-ZONE-CONFLICT'
      ])
    )
  })
})

describe('PE-DNS-CONFIG-MULTIPLE', () => {
  test('two entries for the vault hostname', () => {
    const h = healthy()
    h.pe.customDnsConfigs = [
      { fqdn: 'kv1.vault.azure.net', ipAddresses: ['10.1.2.3'] },
      { fqdn: 'KV1.vault.azure.net.', ipAddresses: ['10.1.2.8'] }
    ]
    const f = one(run(h.snapshot), 'PE-DNS-CONFIG-MULTIPLE')
    expect(f.severity).toBe('warning')
    expect(f.resource).toBe(h.pe.id)
    expect(f.message).toContain('2 DNS entries')
    expect(f.message).toContain('10.1.2.8')
    // Without static IP configurations there is nothing to remove: recreate the endpoint, with
    // its DNS zone group, in the same subnet.
    expect(f.message).toContain('No static IP configuration')
    expect(f.fix).toContain(`az network private-endpoint delete --ids ${h.pe.id}`)
    expect(f.fix).toContain(`--subnet ${h.pe.subnetId}`)
  })

  test('two entries from a static IP configuration: remove that configuration', () => {
    const h = healthy()
    h.pe.customDnsConfigs = [{ fqdn: 'kv1.vault.azure.net', ipAddresses: ['10.1.2.3', '10.1.2.8'] }]
    h.pe.ipConfigurations = [
      { name: 'static-a', privateIpAddress: '10.1.2.3' },
      { name: 'static-b', privateIpAddress: '10.1.2.8' }
    ]
    const f = one(run(h.snapshot), 'PE-DNS-CONFIG-MULTIPLE')
    expect(f.fix).toBe(
      `az network private-endpoint ip-config remove --endpoint-name pe-kv1 --resource-group rg-net --subscription ${SUB} --name static-b`
    )
  })

  test('one entry with two IPs', () => {
    const h = healthy()
    h.pe.customDnsConfigs = [{ fqdn: 'kv1.vault.azure.net', ipAddresses: ['10.1.2.3', '10.1.2.8'] }]
    expect(one(run(h.snapshot), 'PE-DNS-CONFIG-MULTIPLE').severity).toBe('warning')
  })

  test('entries for other names do not count; none at all passes', () => {
    const h = healthy()
    h.pe.customDnsConfigs = [
      { fqdn: 'kv1.vault.azure.net', ipAddresses: ['10.1.2.3'] },
      { fqdn: 'kv2.vault.azure.net', ipAddresses: ['10.1.2.8'] }
    ]
    expect(one(run(h.snapshot), 'PE-DNS-CONFIG-MULTIPLE').severity).toBe('pass')
    h.pe.customDnsConfigs = []
    expect(one(run(h.snapshot), 'PE-DNS-CONFIG-MULTIPLE').severity).toBe('pass')
  })
})
