/** The vault firewall (guide §3): FW-PUBLIC-OPEN, FW-RULES-PRESENT, FW-TRUSTED-SERVICES. */
import { finding, list, pass, sameText, type RuleContext } from '../context.js'
import type { Finding } from '../finding.js'
import { steps, vaultNetworkRuleRemove, vaultUpdate } from '../fixes.js'
import { nameOf } from '../ids.js'

export function firewallRules(ctx: RuleContext): Finding[] {
  const { vault, options, model } = ctx
  const policy = options.publicNetworkAccess
  const findings: Finding[] = []

  // null publicNetworkAccess: older vaults, where it means Enabled.
  const access = vault.publicNetworkAccess ?? 'Enabled'
  const enabled = sameText(access, 'Enabled')
  const acls = vault.networkAcls
  const deny = acls !== null && sameText(acls.defaultAction, 'Deny')
  const openToAll = enabled && !deny
  const ipRules = acls?.ipRules ?? []
  const subnetRules = acls?.virtualNetworkRules ?? []
  const ruleCount = ipRules.length + subnetRules.length

  const accessText = vault.publicNetworkAccess ?? 'not set (Enabled)'
  const observed =
    `publicNetworkAccess ${accessText}, ` +
    (acls === null
      ? 'no networkAcls'
      : `defaultAction ${acls.defaultAction ?? 'not set'}, ${ipRules.length} IP rule(s), ${subnetRules.length} VNet rule(s)`)

  if (policy !== 'any') {
    const expected =
      policy === 'disabled'
        ? 'publicNetworkAccess Disabled, or defaultAction Deny with no IP or VNet rules'
        : 'publicNetworkAccess Disabled, or defaultAction Deny'
    if (openToAll) {
      const how =
        acls === null
          ? 'public network access is enabled and the vault has no network ACLs'
          : `public network access is ${accessText} and the default action is ${acls.defaultAction ?? 'not set'}`
      findings.push(
        finding('FW-PUBLIC-OPEN', vault.name, {
          resource: vault.id,
          message:
            `Key vault ${vault.name} accepts requests from all networks (${how}). Private link only adds a private ` +
            `path; it does not close the public one. public-network-access is "${policy}": ` +
            (policy === 'disabled'
              ? 'disable public network access'
              : 'set the default action to Deny (IP and VNet rules may stay)') +
            '. Clients that do not use private link yet lose access: check them first',
          observed,
          expected,
          fix:
            policy === 'disabled'
              ? vaultUpdate(model.place, '--public-network-access Disabled')
              : vaultUpdate(model.place, '--default-action Deny')
        })
      )
    } else {
      findings.push(
        pass('FW-PUBLIC-OPEN', vault.name, {
          resource: vault.id,
          message: enabled
            ? `Key vault ${vault.name} denies public requests by default (default action Deny)`
            : `Key vault ${vault.name} has public network access ${access}`,
          observed,
          expected
        })
      )
    }

    if (policy === 'disabled' && !openToAll) {
      if (enabled && ruleCount > 0) {
        const rules = [
          ...(ipRules.length > 0 ? [`IPs ${list(ipRules)}`] : []),
          ...(subnetRules.length > 0 ? [`subnets ${list(subnetRules.map(subnetLabel))}`] : [])
        ]
        findings.push(
          finding('FW-RULES-PRESENT', vault.name, {
            resource: vault.id,
            message:
              `Key vault ${vault.name} still lets public clients in through ${ruleCount} firewall rule(s) (${rules.join('; ')}) ` +
              `while public-network-access is "disabled". Private link needs no IP or VNet rule: these are left from a ` +
              `hybrid setup or an unfinished migration. Once every client uses private link, remove them`,
            observed: `${ipRules.length} IP rule(s), ${subnetRules.length} VNet rule(s)`,
            expected: 'no IP or VNet rules',
            fix: steps(
              ...ipRules.map((ip) => vaultNetworkRuleRemove(model.place, { ip })),
              ...subnetRules.map((subnet) => vaultNetworkRuleRemove(model.place, { subnet }))
            )
          })
        )
      } else {
        findings.push(
          pass('FW-RULES-PRESENT', vault.name, {
            resource: vault.id,
            message: enabled
              ? `Key vault ${vault.name} has no IP or VNet firewall rules`
              : ruleCount > 0
                ? `Key vault ${vault.name} has public network access ${access}: its ${ruleCount} IP/VNet rule(s) have no effect`
                : `Key vault ${vault.name} has public network access ${access} and no IP or VNet rules`,
            observed: `${ipRules.length} IP rule(s), ${subnetRules.length} VNet rule(s)`,
            expected: 'no IP or VNet rules in effect'
          })
        )
      }
    }
  }

  // Trusted services: moot while the vault is open to all networks anyway.
  if (acls !== null && !openToAll && acls.bypass !== null) {
    if (sameText(acls.bypass, 'None')) {
      findings.push(
        pass('FW-TRUSTED-SERVICES', vault.name, {
          resource: vault.id,
          message: `Key vault ${vault.name} lets no trusted Azure service bypass its firewall`,
          observed: 'bypass None',
          expected: 'bypass None'
        })
      )
    } else {
      findings.push(
        finding('FW-TRUSTED-SERVICES', vault.name, {
          resource: vault.id,
          message:
            `Key vault ${vault.name} lets trusted Azure services bypass its firewall (bypass ${acls.bypass}): ` +
            `Microsoft services on the trusted list reach it without private link. Keep it if you rely on one ` +
            `(e.g. Azure Disk Encryption, Backup, ARM template deployments); otherwise turn the bypass off`,
          observed: `bypass ${acls.bypass}`,
          expected: 'bypass None, unless a trusted service needs the vault',
          fix: vaultUpdate(model.place, '--bypass None')
        })
      )
    }
  }
  return findings
}

/** `vnet/subnet` from a subnet ID, for messages. */
function subnetLabel(subnetId: string): string {
  const parts = subnetId.split('/').filter((part) => part !== '')
  const vnet = parts.findIndex((part) => part.toLowerCase() === 'virtualnetworks')
  const subnet = parts.findIndex((part) => part.toLowerCase() === 'subnets')
  if (vnet >= 0 && subnet > vnet) return `${parts[vnet + 1]}/${parts[subnet + 1]}`
  return nameOf(subnetId)
}
