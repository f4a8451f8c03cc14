import { describe, expect, test } from '@jest/globals'
import ipaddr from 'ipaddr.js'
import {
  AZURE_PLATFORM_IP,
  classifyIp,
  describeIp,
  inPrefixes,
  isPrivate,
  isPublic,
  isReserved,
  isValidIp
} from '../../src/common/ip.js'

describe('classifyIp (guide §4)', () => {
  test.each([
    // RFC 1918
    ['10.0.0.0', 'private'],
    ['10.1.2.3', 'private'],
    ['10.255.255.255', 'private'],
    ['172.15.255.255', 'public'],
    ['172.16.0.0', 'private'],
    ['172.20.1.1', 'private'],
    ['172.31.67.89', 'private'],
    ['172.31.255.255', 'private'],
    // The guide says "to 172.32.x.x"; RFC 1918 ends at 172.31.255.255.
    ['172.32.0.0', 'public'],
    ['172.32.1.1', 'public'],
    ['192.168.0.1', 'private'],
    ['192.168.100.7', 'private'],
    ['192.169.0.1', 'public'],
    // Reserved, as the guide lists them
    ['224.0.0.1', 'reserved'],
    ['239.255.255.255', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['127.0.0.1', 'reserved'],
    ['127.255.255.254', 'reserved'],
    ['169.254.0.1', 'reserved'],
    ['169.254.169.254', 'reserved'],
    [AZURE_PLATFORM_IP, 'reserved'],
    // Other special ranges ipaddr.js knows
    ['0.0.0.0', 'reserved'],
    ['0.1.2.3', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.51.100.1', 'reserved'],
    ['203.0.113.5', 'reserved'],
    ['240.0.0.1', 'reserved'],
    // Public
    ['168.63.129.17', 'public'],
    ['52.168.109.101', 'public'],
    ['8.8.8.8', 'public'],
    ['100.64.0.1', 'public'],
    // IPv6
    ['fd00::1', 'private'],
    ['::1', 'reserved'],
    ['fe80::1', 'reserved'],
    ['ff02::1', 'reserved'],
    ['::', 'reserved'],
    ['2001:4860:4860::8888', 'public'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:52.1.2.3', 'public']
  ] as const)('%s is %s', (ip, expected) => {
    expect(classifyIp(ip)).toBe(expected)
    expect(isPrivate(ip)).toBe(expected === 'private')
    expect(isPublic(ip)).toBe(expected === 'public')
    expect(isReserved(ip)).toBe(expected === 'reserved')
  })

  test('labels ranges for messages', () => {
    expect(describeIp('10.1.2.3').range).toBe('RFC 1918 private')
    expect(describeIp('168.63.129.16').range).toContain('Azure platform DNS')
    expect(describeIp('127.0.0.1').range).toBe('loopback')
    expect(describeIp('224.0.0.5').range).toBe('multicast')
    expect(describeIp('169.254.1.1').range).toBe('link-local')
    expect(describeIp('255.255.255.255').range).toBe('broadcast')
  })

  test.each([
    '',
    'abc',
    '10.0.0',
    '10.0.0.1/32',
    '010.0.0.1',
    '256.1.1.1',
    '10.0.0.1 ',
    'kv1.vault.azure.net'
  ])('rejects %j', (value) => {
    expect(isValidIp(value)).toBe(false)
    expect(() => classifyIp(value)).toThrow(TypeError)
    expect(isPrivate(value)).toBe(false)
    expect(isPublic(value)).toBe(false)
    expect(isReserved(value)).toBe(false)
  })
})

describe('answers asked again', () => {
  test('are the same, cannot be changed by a caller, and invalid input still throws', () => {
    const first = describeIp('10.9.8.7')
    expect(describeIp('10.9.8.7')).toBe(first)
    expect(() => {
      ;(first as { class: string }).class = 'public'
    }).toThrow(TypeError)
    expect(classifyIp('10.9.8.7')).toBe('private')
    for (let i = 0; i < 2; i++) {
      expect(() => describeIp('10.9.8')).toThrow(TypeError)
      expect(isValidIp('10.9.8')).toBe(false)
      expect(isPrivate('10.9.8')).toBe(false)
    }
  })
})

describe('what counts as an IPv4 address', () => {
  test('exactly the dotted quads ipaddr.js calls four-part decimal, each classified as it would', () => {
    const inputs = [
      ...['0.0.0.0', '255.255.255.255', '10.64.0.4', '172.31.255.255', '168.63.129.16'],
      ...['256.1.1.1', '1.2.3.256', '01.2.3.4', '1.2.3.04', '00.0.0.0', '1.2.3', '1.2.3.4.5'],
      ...['0x0a.0.0.1', '012.1.1.1', '167772161', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.-4', '', '...'],
      ...['1.2.3.4/24', '１.2.3.4', '1.2.3.4\n', '9999.1.1.1', '10.1000.0.1']
    ]
    for (const ip of inputs) {
      const expected = ipaddr.IPv4.isValidFourPartDecimal(ip)
      expect({ ip, valid: isValidIp(ip) }).toEqual({ ip, valid: expected })
      if (expected) {
        const range = ipaddr.parse(ip).range()
        expect({ ip, private: isPrivate(ip) }).toEqual({ ip, private: range === 'private' })
      }
    }
  })
})

describe('inPrefixes', () => {
  test('matches CIDR prefixes of the same family', () => {
    expect(inPrefixes('10.1.2.3', ['10.1.0.0/16'])).toBe(true)
    expect(inPrefixes('10.2.2.3', ['10.1.0.0/16', '192.168.0.0/24'])).toBe(false)
    expect(inPrefixes('192.168.0.9', ['10.1.0.0/16', '192.168.0.0/24'])).toBe(true)
    expect(inPrefixes('10.1.2.3', ['fd00::/8'])).toBe(false)
    expect(inPrefixes('10.1.2.3', ['not-a-cidr'])).toBe(false)
    expect(inPrefixes('nope', ['10.0.0.0/8'])).toBe(false)
  })
})
