/** The rule catalogue of the contract: stable IDs users write suppressions against. */
import type { Severity } from './finding.js'

const GUIDE = 'https://learn.microsoft.com/azure/key-vault/general/private-link-diagnostics'

export const GUIDE_SECTIONS = {
  reading: `${GUIDE}`,
  connection: `${GUIDE}#2-confirm-that-the-connection-is-approved-and-succeeded`,
  firewall: `${GUIDE}#3-confirm-that-the-key-vault-firewall-is-properly-configured`,
  privateIp: `${GUIDE}#4-make-sure-the-key-vault-has-a-private-ip-address`,
  dnsResolution: `${GUIDE}#5-validate-the-dns-resolution`,
  privateZone: `${GUIDE}#6-validate-the-private-dns-zone`,
  healthStatus: `${GUIDE}#7-validate-that-requests-to-key-vault-use-private-link`,
  other: `${GUIDE}#8-other-changes-and-customizations-that-cause-impact`
} as const

export interface RuleInfo {
  severity: Severity
  /** Short title for tables and annotations. */
  title: string
  docs: string
}

export const RULES = {
  'VAULT-NOT-FOUND': { severity: 'error', title: 'Vault not found', docs: GUIDE_SECTIONS.reading },
  'ACCESS-DENIED': {
    severity: 'error',
    title: 'Access denied to a resource a check needs',
    docs: GUIDE_SECTIONS.reading
  },
  'ARM-ERROR': {
    severity: 'error',
    title: 'Azure Resource Manager kept failing',
    docs: GUIDE_SECTIONS.reading
  },

  'PE-NONE': {
    severity: 'error',
    title: 'No private endpoint connection',
    docs: GUIDE_SECTIONS.connection
  },
  'PE-NOT-APPROVED': {
    severity: 'error',
    title: 'Private endpoint connection not approved',
    docs: GUIDE_SECTIONS.connection
  },
  'PE-NOT-SUCCEEDED': {
    severity: 'error',
    title: 'Private endpoint not provisioned',
    docs: GUIDE_SECTIONS.connection
  },
  'PE-LEFTOVER': {
    severity: 'warning',
    title: 'Leftover private endpoint connection',
    docs: GUIDE_SECTIONS.connection
  },
  'PE-DUPLICATE-VNET': {
    severity: 'warning',
    title: 'Several private endpoints in one VNet',
    docs: GUIDE_SECTIONS.privateIp
  },
  'PE-IP-NOT-PRIVATE': {
    severity: 'error',
    title: 'Private endpoint IP is not private',
    docs: GUIDE_SECTIONS.privateIp
  },
  'PE-DNS-CONFIG-MULTIPLE': {
    severity: 'warning',
    title: 'Several DNS entries for the vault on the private endpoint',
    docs: GUIDE_SECTIONS.privateIp
  },

  'FW-PUBLIC-OPEN': {
    severity: 'error',
    title: 'Public access from all networks',
    docs: GUIDE_SECTIONS.firewall
  },
  'FW-RULES-PRESENT': {
    severity: 'warning',
    title: 'Firewall IP or VNet rules present',
    docs: GUIDE_SECTIONS.firewall
  },
  'FW-TRUSTED-SERVICES': {
    severity: 'info',
    title: 'Trusted Azure services may bypass the firewall',
    docs: GUIDE_SECTIONS.firewall
  },

  'DNS-ZONE-MISSING': {
    severity: 'error',
    title: 'Private DNS zone missing',
    docs: GUIDE_SECTIONS.privateZone
  },
  'DNS-ZONE-MISNAMED': {
    severity: 'error',
    title: 'Private DNS zone misnamed',
    docs: GUIDE_SECTIONS.privateZone
  },
  'DNS-LINK-MISSING': {
    severity: 'error',
    title: 'Private DNS zone not linked to the VNet',
    docs: GUIDE_SECTIONS.privateZone
  },
  'DNS-LINK-NOT-READY': {
    severity: 'error',
    title: 'VNet link not ready',
    docs: GUIDE_SECTIONS.privateZone
  },
  'DNS-RECORD-MISSING': {
    severity: 'error',
    title: 'A record missing',
    docs: GUIDE_SECTIONS.privateZone
  },
  'DNS-RECORD-NAME': {
    severity: 'error',
    title: 'A record under a wrong name',
    docs: GUIDE_SECTIONS.privateZone
  },
  'DNS-RECORD-WRONG-IP': {
    severity: 'error',
    title: 'A record points to the wrong IP',
    docs: GUIDE_SECTIONS.privateZone
  },
  'DNS-RECORD-EXTRA-IP': {
    severity: 'warning',
    title: 'A record holds extra IPs',
    docs: GUIDE_SECTIONS.privateZone
  },
  'DNS-RECORD-TTL': {
    severity: 'warning',
    title: 'A record TTL out of range',
    docs: GUIDE_SECTIONS.privateZone
  },
  'DNS-ZONE-CONFLICT': {
    severity: 'error',
    title: 'One zone serves VNets that need different IPs',
    docs: GUIDE_SECTIONS.privateZone
  },

  'VNET-CUSTOM-DNS': {
    severity: 'info',
    title: 'VNet uses custom DNS servers',
    docs: GUIDE_SECTIONS.other
  },

  'PROBE-NO-PRIVATELINK-ALIAS': {
    severity: 'error',
    title: 'No privatelink alias in DNS',
    docs: GUIDE_SECTIONS.dnsResolution
  },
  'PROBE-NXDOMAIN': {
    severity: 'error',
    title: 'Vault name does not resolve',
    docs: GUIDE_SECTIONS.dnsResolution
  },
  'PROBE-PUBLIC-IP': {
    severity: 'error',
    title: 'Vault name resolves to a public IP',
    docs: GUIDE_SECTIONS.dnsResolution
  },
  'PROBE-WRONG-IP': {
    severity: 'error',
    title: 'Vault name resolves to a wrong private IP',
    docs: GUIDE_SECTIONS.dnsResolution
  },
  'PROBE-HOSTS-OVERRIDE': {
    severity: 'warning',
    title: 'Hosts file or OS resolver overrides DNS',
    docs: GUIDE_SECTIONS.other
  },
  'PROBE-PROXY': {
    severity: 'warning',
    title: 'An HTTP(S) proxy applies to the vault',
    docs: GUIDE_SECTIONS.other
  },
  'PROBE-CONNECT-FAILED': {
    severity: 'error',
    title: 'No connection to the vault, or no answer in time',
    docs: GUIDE_SECTIONS.healthStatus
  },
  'PROBE-TLS-FAILED': {
    severity: 'error',
    title: 'TLS to the vault failed (certificate not valid, or handshake cut off)',
    docs: GUIDE_SECTIONS.healthStatus
  },
  'PROBE-NOT-KEYVAULT': {
    severity: 'error',
    title: 'Endpoint is not Key Vault',
    docs: GUIDE_SECTIONS.healthStatus
  },
  'PROBE-PUBLIC-PATH': {
    severity: 'error',
    title: 'Request reached the vault over the public path',
    docs: GUIDE_SECTIONS.healthStatus
  },
  'PROBE-ROUTED': {
    severity: 'info',
    title: 'Request routed through another private address',
    docs: GUIDE_SECTIONS.healthStatus
  },
  'PROBE-IP-DIVERGES': {
    severity: 'warning',
    title: 'Private endpoint IP and name reach different endpoints',
    docs: GUIDE_SECTIONS.healthStatus
  },
  'PROBE-FORBIDDEN-BY-FIREWALL': {
    severity: 'error',
    title: 'Firewall rejects the private path',
    docs: GUIDE_SECTIONS.healthStatus
  },

  'PUBLIC-ACCESS-OPEN': {
    severity: 'error',
    title: 'Vault accepts requests from the public Internet',
    docs: GUIDE_SECTIONS.firewall
  }
} as const satisfies Record<string, RuleInfo>

export type RuleId = keyof typeof RULES

export const RULE_IDS = Object.keys(RULES) as RuleId[]

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value)
}
