/** Every rule, in catalogue order: the order of the contract's tables and of the report. */
import { CLIENT_VNET_RULES, DNS_PATH_RULES } from './clients.js'
import { CONNECTION_RULES } from './connections.js'
import { DNS_RULES } from './dns.js'
import { FIREWALL_RULES } from './firewall.js'
import { NETWORK_RULES } from './network.js'
import { PLAN_RULES } from './plan.js'
import { PROBE_DNS_RULES } from './probe-dns.js'
import { PROBE_RULES } from './probe.js'
import { READING_RULES } from './reading.js'

export const ALL_RULES = [
  ...READING_RULES,
  ...CONNECTION_RULES,
  ...FIREWALL_RULES,
  ...DNS_RULES,
  ...NETWORK_RULES,
  ...CLIENT_VNET_RULES,
  ...DNS_PATH_RULES,
  ...PLAN_RULES,
  ...PROBE_RULES,
  ...PROBE_DNS_RULES
] as const
