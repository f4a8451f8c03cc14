/**
 * The firewall of a key vault or managed HSM (guide §3): FW-PUBLIC-OPEN, FW-RULES-PRESENT,
 * FW-TRUSTED-SERVICES. Both kinds have the same `publicNetworkAccess` and `networkAcls`.
 */
import type { VaultSnapshot } from '../../collect/snapshot.js'
import { subnetLabel } from '../../common/arm-id.js'
import { list, sameText } from '../../common/names.js'
import { networkRulesRemove, publicAccessDisable, vaultUpdate } from '../fixes.js'
import { defineRule } from '../rule.js'

/** What the firewall settings amount to, read once for the three rules. */
function firewallView(vault: VaultSnapshot) {
  // null publicNetworkAccess: older vaults, where it means Enabled.
  const access = vault.publicNetworkAccess ?? 'Enabled'
  const enabled = sameText(access, 'Enabled')
  const acls = vault.networkAcls
  const deny = acls !== null && sameText(acls.defaultAction, 'Deny')
  const ipRules = acls?.ipRules ?? []
  const subnetRules = acls?.virtualNetworkRules ?? []
  const accessText = vault.publicNetworkAccess ?? 'not set (Enabled)'
  return {
    access,
    accessText,
    enabled,
    acls,
    openToAll: enabled && !deny,
    ipRules,
    subnetRules,
    ruleCount: ipRules.length + subnetRules.length,
    observed:
      `publicNetworkAccess ${accessText}, ` +
      (acls === null
        ? 'no networkAcls'
        : `defaultAction ${acls.defaultAction ?? 'not set'}, ${ipRules.length} IP rule(s), ${subnetRules.length} VNet rule(s)`)
  }
}

export const FIREWALL_RULES = [
  defineRule({
    id: 'FW-PUBLIC-OPEN',
    severity: 'error',
    title: 'Public access from all networks',
    summary: 'The vault accepts requests from all networks.',
    section: 'firewall',
    needs: ['vault'],
    scope: 'target',
    check({ model, options }, out) {
      const vault = model.vault
      const policy = options.publicNetworkAccess
      if (policy === 'any') return
      const fw = firewallView(vault)
      const { acls, accessText, observed } = fw
      const expected =
        policy === 'disabled'
          ? 'publicNetworkAccess Disabled, or defaultAction Deny with no IP or VNet rules'
          : 'publicNetworkAccess Disabled, or defaultAction Deny'
      if (!fw.openToAll) {
        out.pass({
          resource: vault.id,
          message: fw.enabled
            ? `${model.names.Label} ${vault.name} denies public requests by default (default action Deny)`
            : `${model.names.Label} ${vault.name} has public network access ${fw.access}`,
          observed,
          expected
        })
        return
      }
      const how =
        acls === null
          ? `public network access is enabled and the ${model.names.label} has no network ACLs`
          : `public network access is ${accessText} and the default action is ${acls.defaultAction ?? 'not set'}`
      out.finding({
        resource: vault.id,
        message:
          `${model.names.Label} ${vault.name} accepts requests from all networks (${how}). Private link only adds a private ` +
          `path; it does not close the public one. public-network-access is "${policy}": ` +
          (policy === 'disabled'
            ? 'disable public network access'
            : 'set the default action to Deny (IP and VNet rules may stay)') +
          '. Clients that do not use private link yet lose access: check them first',
        observed,
        expected,
        fix:
          policy === 'disabled'
            ? publicAccessDisable(model)
            : vaultUpdate(model, '--default-action Deny')
      })
    }
  }),
  defineRule({
    id: 'FW-RULES-PRESENT',
    severity: 'warning',
    title: 'Firewall IP or VNet rules present',
    summary: 'IP or VNet firewall rules remain where none should.',
    section: 'firewall',
    needs: ['vault'],
    scope: 'target',
    check({ model, options }, out) {
      const vault = model.vault
      const fw = firewallView(vault)
      if (options.publicNetworkAccess !== 'disabled' || fw.openToAll) return
      const { ipRules, subnetRules, ruleCount } = fw
      const observed = `${ipRules.length} IP rule(s), ${subnetRules.length} VNet rule(s)`
      if (!fw.enabled || ruleCount === 0) {
        out.pass({
          resource: vault.id,
          message: fw.enabled
            ? `${model.names.Label} ${vault.name} has no IP or VNet firewall rules`
            : ruleCount > 0
              ? `${model.names.Label} ${vault.name} has public network access ${fw.access}: its ${ruleCount} IP/VNet rule(s) have no effect`
              : `${model.names.Label} ${vault.name} has public network access ${fw.access} and no IP or VNet rules`,
          observed,
          expected: 'no IP or VNet rules in effect'
        })
        return
      }
      const rules = [
        ...(ipRules.length > 0 ? [`IPs ${list(ipRules)}`] : []),
        ...(subnetRules.length > 0 ? [`subnets ${list(subnetRules.map(subnetLabel))}`] : [])
      ]
      out.finding({
        resource: vault.id,
        message:
          `${model.names.Label} ${vault.name} still lets public clients in through ${ruleCount} firewall rule(s) (${rules.join('; ')}) ` +
          `while public-network-access is "disabled". Private link needs no IP or VNet rule: these are left from a ` +
          `hybrid setup or an unfinished migration. Once every client uses private link, remove them`,
        observed,
        expected: 'no IP or VNet rules',
        fix: networkRulesRemove(model, { ipRules, subnetRules })
      })
    }
  }),
  defineRule({
    id: 'FW-TRUSTED-SERVICES',
    severity: 'info',
    title: 'Trusted Azure services may bypass the firewall',
    summary: 'Trusted Azure services may bypass the firewall.',
    section: 'firewall',
    needs: ['vault'],
    scope: 'target',
    check({ model }, out) {
      const vault = model.vault
      const fw = firewallView(vault)
      const acls = fw.acls
      // Trusted services: moot while the vault is open to all networks anyway.
      if (acls === null || fw.openToAll || acls.bypass === null) return
      if (sameText(acls.bypass, 'None')) {
        out.pass({
          resource: vault.id,
          message: `${model.names.Label} ${vault.name} lets no trusted Azure service bypass its firewall`,
          observed: 'bypass None',
          expected: 'bypass None'
        })
        return
      }
      out.finding({
        resource: vault.id,
        message:
          `${model.names.Label} ${vault.name} lets trusted Azure services bypass its firewall (bypass ${acls.bypass}): ` +
          `Microsoft services on the trusted list reach it without private link. Keep it if you rely on one ` +
          `(e.g. Azure Disk Encryption, Backup, ARM template deployments); otherwise turn the bypass off`,
        observed: `bypass ${acls.bypass}`,
        expected: 'bypass None, unless a trusted service needs the vault',
        fix: vaultUpdate(model, '--bypass None')
      })
    }
  })
]
