/**
 * Builders for the filled-in `az` commands that findings carry as `fix`. Every command names its
 * subscription, so it works whatever `az account show` says. A fix with several steps is one
 * command per line, in the order to run them.
 */
import { nameOf, resourceGroupOf, subscriptionOf } from '../common/arm-id.js'
import type { TargetPlace } from '../model/model.js'
import type { TargetKind, TargetNames } from '../common/target.js'

/**
 * Quotes a value for a POSIX shell when it holds anything but plain ID/name characters.
 * `<placeholders>` are quoted too: bare, a shell reads `<` and `>` as redirections.
 */
export function sh(value: string): string {
  if (/^[A-Za-z0-9_.,:/@=+-]+$/.test(value)) return value
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** Joins command lines into one fix (one command per line). */
export function steps(...lines: (string | null | undefined | false)[]): string {
  return lines.filter((line): line is string => typeof line === 'string' && line !== '').join('\n')
}

function subscriptionFlag(subscription: string | null): string {
  return subscription ? ` --subscription ${sh(subscription)}` : ''
}

/** Where a resource lives, for `-g`/`--subscription`. Falls back to the ID's own segments. */
export interface Place {
  subscriptionId: string | null
  resourceGroup: string
}

export function placeOf(id: string, fallbackGroup = '<resource-group>'): Place {
  return { subscriptionId: subscriptionOf(id), resourceGroup: resourceGroupOf(id) ?? fallbackGroup }
}

/** Repeats one ARM read (a listing or a GET) as the action made it. */
export function armGet(resource: string): string {
  const version = /dnsresolvers|dnsforwardingrulesets/i.test(resource) ? '2022-07-01' : '2024-05-01'
  return `az rest --method get --url ${sh(`${resource}?api-version=${version}`)}`
}

// ---- Role assignments ---------------------------------------------------------------------

export function roleAssignment(assignee: string, role: string, scope: string): string {
  return `az role assignment create --assignee ${sh(assignee)} --role ${sh(role)} --scope ${sh(scope)}`
}

// ---- Key Vault and managed HSM --------------------------------------------------------------

/** A target for commands: where it is and which kind (the CLI's nouns differ). */
export interface TargetRef {
  place: TargetPlace
  names: Pick<TargetNames, 'kind' | 'groupId'>
}

function vaultArgs(target: TargetRef): string {
  const vault = target.place
  const group = vault.resourceGroup ? ` --resource-group ${sh(vault.resourceGroup)}` : ''
  const nameFlag = target.names.kind === 'managedHsm' ? '--hsm-name' : '--name'
  return `${nameFlag} ${sh(vault.name)}${group}${subscriptionFlag(vault.subscriptionId)}`
}

export function vaultShow(target: TargetRef): string {
  return `az keyvault show ${vaultArgs(target)}`
}

/** The settings that decide the public path: public network access and the firewall. */
export function vaultShowNetwork(target: TargetRef): string {
  return `${vaultShow(target)} --query "{publicNetworkAccess: properties.publicNetworkAccess, networkAcls: properties.networkAcls}"`
}

/** Vault names are letters, digits and hyphens: safe inside the double-quoted JMESPath query. */
export function vaultFind(name: string, subscriptionId: string): string {
  const safe = name.replace(/[^A-Za-z0-9-]/g, '')
  return `az keyvault list --subscription ${sh(subscriptionId)} --query "[?name=='${safe}'].id" -o tsv`
}

export function vaultShowDeleted(
  name: string,
  subscriptionId: string,
  kind: TargetKind = 'vault'
): string {
  const nameFlag = kind === 'managedHsm' ? '--hsm-name' : '--name'
  return `az keyvault show-deleted ${nameFlag} ${sh(name)} --subscription ${sh(subscriptionId)}`
}

/** `az keyvault list` lists key vaults and managed HSMs; `kind` narrows it to managed HSMs. */
export function vaultList(scope: string, kind: TargetKind = 'vault'): string {
  const group = resourceGroupOf(scope)
  const type = kind === 'managedHsm' ? ' --resource-type hsm' : ''
  return `az keyvault list${type}${group ? ` --resource-group ${sh(group)}` : ''}${subscriptionFlag(subscriptionOf(scope))}`
}

export function vaultUpdate(target: TargetRef, settings: string): string {
  const verb = target.names.kind === 'managedHsm' ? 'update-hsm' : 'update'
  return `az keyvault ${verb} ${vaultArgs(target)} ${settings}`
}

export function vaultNetworkRuleRemove(target: TargetRef, rule: { ip?: string; subnet?: string }) {
  const what =
    rule.ip !== undefined ? `--ip-address ${sh(rule.ip)}` : `--subnet ${sh(rule.subnet ?? '')}`
  return `az keyvault network-rule remove ${vaultArgs(target)} ${what}`
}

/**
 * Turns public network access off. `az keyvault update-hsm` has no `--public-network-access`
 * (Azure CLI 2.45), so for a managed HSM the property is set through the generic `--set`.
 */
export function publicAccessDisable(target: TargetRef): string {
  return target.names.kind === 'managedHsm'
    ? vaultUpdate(target, '--set properties.publicNetworkAccess=Disabled')
    : vaultUpdate(target, '--public-network-access Disabled')
}

/**
 * Removes the firewall's IP and VNet rules. `az keyvault network-rule` has no managed HSM form,
 * so an HSM's rule lists are emptied through the generic `--set` of `az keyvault update-hsm`.
 */
export function networkRulesRemove(
  target: TargetRef,
  rules: { ipRules: readonly string[]; subnetRules: readonly string[] }
): string {
  if (target.names.kind === 'managedHsm') {
    const lists = [
      ...(rules.ipRules.length > 0 ? ['properties.networkAcls.ipRules=[]'] : []),
      ...(rules.subnetRules.length > 0 ? ['properties.networkAcls.virtualNetworkRules=[]'] : [])
    ]
    return vaultUpdate(target, `--set ${lists.map(sh).join(' ')}`)
  }
  return steps(
    ...rules.ipRules.map((ip) => vaultNetworkRuleRemove(target, { ip })),
    ...rules.subnetRules.map((subnet) => vaultNetworkRuleRemove(target, { subnet }))
  )
}

// ---- Private endpoints and their connections ---------------------------------------------

export function connectionApprove(connectionId: string, description: string): string {
  return `az network private-endpoint-connection approve --id ${sh(connectionId)} --description ${sh(description)}`
}

export function connectionDelete(connectionId: string): string {
  return `az network private-endpoint-connection delete --id ${sh(connectionId)} --yes`
}

export function endpointShow(id: string): string {
  return `az network private-endpoint show --ids ${sh(id)}`
}

export function endpointDelete(id: string): string {
  return `az network private-endpoint delete --ids ${sh(id)}`
}

export interface EndpointSpec {
  name: string
  resourceGroup: string
  subscriptionId: string | null
  /** Subnet ID (az accepts the full ID, also for another subscription's VNet). */
  subnet: string
  vaultId: string
  /** The target's private link sub-resource: `vault`, `managedhsm`. */
  groupId: string
  location: string | null
}

export function endpointCreate(pe: EndpointSpec): string {
  return (
    `az network private-endpoint create --name ${sh(pe.name)} --resource-group ${sh(pe.resourceGroup)}` +
    subscriptionFlag(pe.subscriptionId) +
    (pe.location ? ` --location ${sh(pe.location)}` : '') +
    ` --subnet ${sh(pe.subnet)} --private-connection-resource-id ${sh(pe.vaultId)}` +
    ` --group-id ${sh(pe.groupId)} --connection-name ${sh(pe.name)}`
  )
}

export function endpointIpConfigRemove(peId: string, configName: string): string {
  const place = placeOf(peId)
  return (
    `az network private-endpoint ip-config remove --endpoint-name ${sh(nameOf(peId))}` +
    ` --resource-group ${sh(place.resourceGroup)}${subscriptionFlag(place.subscriptionId)}` +
    ` --name ${sh(configName)}`
  )
}

/** Config name for a zone in a DNS zone group, as the portal names it (dots become hyphens). */
export function zoneConfigName(zoneName: string): string {
  return zoneName.replace(/\.+$/, '').replace(/\./g, '-')
}

/** Creates (or replaces, as ARM PUTs it) the PE's DNS zone group so it points at `zoneId`. */
export function zoneGroupCreate(peId: string, groupName: string, zoneId: string): string {
  return zoneGroupsRestore(peId, [{ name: groupName, configs: [{ privateDnsZoneId: zoneId }] }])
}

/**
 * Recreates a PE's DNS zone groups as they were (same group names, same zones): a recreated PE
 * has none, and without them its A record is removed and never written again.
 */
export function zoneGroupsRestore(
  peId: string,
  groups: readonly { name: string; configs: readonly { privateDnsZoneId: string }[] }[]
): string {
  const place = placeOf(peId)
  const where =
    ` --endpoint-name ${sh(nameOf(peId))}` +
    ` --resource-group ${sh(place.resourceGroup)}${subscriptionFlag(place.subscriptionId)}`
  return steps(
    ...groups.flatMap((group) =>
      group.configs.map(
        (config, index) =>
          `az network private-endpoint dns-zone-group ${index === 0 ? 'create' : 'add'}${where}` +
          ` --name ${sh(group.name)} --private-dns-zone ${sh(config.privateDnsZoneId)}` +
          ` --zone-name ${sh(zoneConfigName(nameOf(config.privateDnsZoneId)))}`
      )
    )
  )
}

export function zoneGroupList(peId: string): string {
  const place = placeOf(peId)
  return (
    `az network private-endpoint dns-zone-group list --endpoint-name ${sh(nameOf(peId))}` +
    ` --resource-group ${sh(place.resourceGroup)}${subscriptionFlag(place.subscriptionId)}`
  )
}

export function nicShow(id: string): string {
  return `az network nic show --ids ${sh(id)}`
}

export function vnetShow(id: string): string {
  return `az network vnet show --ids ${sh(id)}`
}

export function vnetDnsServers(id: string): string {
  return `az network vnet show --ids ${sh(id)} --query dhcpOptions.dnsServers`
}

/** The NIC that holds `ip`, by name and resource group. */
export function nicFindByIp(subscriptionId: string, ip: string): string {
  const safe = ip.replace(/[^0-9a-fA-F.:]/g, '')
  return (
    `az network nic list --subscription ${sh(subscriptionId)}` +
    ` --query "[?ipConfigurations[?privateIPAddress=='${safe}']].{name:name, resourceGroup:resourceGroup}" -o table`
  )
}

export function nicEffectiveRoutes(name: string, resourceGroup: string, subscriptionId: string) {
  return (
    `az network nic show-effective-route-table --name ${sh(name)} --resource-group ${sh(resourceGroup)}` +
    `${subscriptionFlag(subscriptionId)} -o table`
  )
}

// ---- Private DNS --------------------------------------------------------------------------

/** A private DNS zone by name and place. */
export interface ZonePlace {
  name: string
  resourceGroup: string
  subscriptionId: string | null
}

export function zoneId(zone: ZonePlace): string {
  return (
    `/subscriptions/${zone.subscriptionId ?? '<subscription-id>'}/resourceGroups/${zone.resourceGroup}` +
    `/providers/Microsoft.Network/privateDnsZones/${zone.name}`
  )
}

function zoneArgs(zone: ZonePlace): string {
  return `-g ${sh(zone.resourceGroup)} -z ${sh(zone.name)}${subscriptionFlag(zone.subscriptionId)}`
}

export function zoneCreate(zone: ZonePlace): string {
  return `az network private-dns zone create -g ${sh(zone.resourceGroup)} -n ${sh(zone.name)}${subscriptionFlag(zone.subscriptionId)}`
}

export function zoneList(scope: string): string {
  const group = resourceGroupOf(scope)
  return `az network private-dns zone list${group ? ` -g ${sh(group)}` : ''}${subscriptionFlag(subscriptionOf(scope))} -o table`
}

/** A zone by its ID (`az network private-dns zone show` takes no `--ids`: it needs -g and -n). */
export function zoneShow(id: string): string {
  const place = placeOf(id)
  return `az network private-dns zone show -g ${sh(place.resourceGroup)} -n ${sh(nameOf(id))}${subscriptionFlag(place.subscriptionId)}`
}

export function linkCreate(zone: ZonePlace, vnetId: string): string {
  return `az network private-dns link vnet create ${zoneArgs(zone)} -n ${sh(`${nameOf(vnetId)}-link`)} -v ${sh(vnetId)} -e false`
}

export function linkDelete(zone: ZonePlace, linkName: string): string {
  return `az network private-dns link vnet delete ${zoneArgs(zone)} -n ${sh(linkName)} --yes`
}

export function linkList(zone: ZonePlace): string {
  return `az network private-dns link vnet list ${zoneArgs(zone)} -o table`
}

/** Recreates a link under the same name (after a failed or stuck provisioning). */
export function linkRecreate(zone: ZonePlace, linkName: string, vnetId: string): string {
  return steps(
    linkDelete(zone, linkName),
    `az network private-dns link vnet create ${zoneArgs(zone)} -n ${sh(linkName)} -v ${sh(vnetId)} -e false`
  )
}

export function recordList(zone: ZonePlace): string {
  return `az network private-dns record-set a list ${zoneArgs(zone)} -o table`
}

export function recordDelete(zone: ZonePlace, name: string): string {
  return `az network private-dns record-set a delete ${zoneArgs(zone)} -n ${sh(name)} --yes`
}

/** Creates the record set with an explicit TTL, then adds each IP (add-record alone gives 3600). */
export function recordCreate(zone: ZonePlace, name: string, ips: string[], ttl: number): string {
  return steps(
    `az network private-dns record-set a create ${zoneArgs(zone)} -n ${sh(name)} --ttl ${ttl}`,
    ...ips.map(
      (ip) =>
        `az network private-dns record-set a add-record ${zoneArgs(zone)} -n ${sh(name)} -a ${sh(ip)}`
    )
  )
}

/**
 * Points an existing record at `ips`: the right IPs are added before the wrong ones are removed,
 * so the name never stops answering (deleting and recreating the set leaves a window with none).
 * `ttl`: also set the TTL (when the current one is out of range).
 */
export function recordRepoint(
  zone: ZonePlace,
  name: string,
  ips: string[],
  current: string[],
  ttl: number | null
): string {
  return steps(
    ...ips
      .filter((ip) => !current.includes(ip))
      .map(
        (ip) =>
          `az network private-dns record-set a add-record ${zoneArgs(zone)} -n ${sh(name)} -a ${sh(ip)}`
      ),
    ...current.filter((ip) => !ips.includes(ip)).map((ip) => recordRemoveIp(zone, name, ip)),
    ttl === null ? null : recordSetTtl(zone, name, ttl)
  )
}

export function recordRemoveIp(zone: ZonePlace, name: string, ip: string): string {
  return `az network private-dns record-set a remove-record ${zoneArgs(zone)} -n ${sh(name)} -a ${sh(ip)}`
}

export function recordSetTtl(zone: ZonePlace, name: string, ttl: number): string {
  return `az network private-dns record-set a update ${zoneArgs(zone)} -n ${sh(name)} --set ttl=${ttl}`
}

/** The TTL to suggest: 300 s, clamped into [min, max]. */
export function suggestedTtl(min: number, max: number): number {
  return Math.min(Math.max(300, min), max)
}

// ---- Client VNets and the DNS path ----------------------------------------------------------

/** A peering from `vnetId` to `remoteId` (the missing side, or both sides of a new one). */
export function peeringCreate(vnetId: string, remoteId: string): string {
  const place = placeOf(vnetId)
  return (
    `az network vnet peering create -g ${sh(place.resourceGroup)} --vnet-name ${sh(nameOf(vnetId))}` +
    ` -n ${sh(`${nameOf(vnetId)}-to-${nameOf(remoteId)}`)} --remote-vnet ${sh(remoteId)} --allow-vnet-access` +
    subscriptionFlag(place.subscriptionId)
  )
}

export function peeringDelete(vnetId: string, peeringName: string): string {
  const place = placeOf(vnetId)
  return `az network vnet peering delete -g ${sh(place.resourceGroup)} --vnet-name ${sh(nameOf(vnetId))} -n ${sh(peeringName)}${subscriptionFlag(place.subscriptionId)}`
}

/** Points a VNet's DNS servers at `servers` (VMs pick it up on their next DHCP renewal or restart). */
export function vnetSetDnsServers(vnetId: string, servers: string[]): string {
  const place = placeOf(vnetId)
  return `az network vnet update -g ${sh(place.resourceGroup)} -n ${sh(nameOf(vnetId))} --dns-servers ${servers.map(sh).join(' ')}${subscriptionFlag(place.subscriptionId)}`
}

function rulesetArgs(rulesetId: string): string {
  const place = placeOf(rulesetId)
  return `-g ${sh(place.resourceGroup)} --ruleset-name ${sh(nameOf(rulesetId))}${subscriptionFlag(place.subscriptionId)}`
}

export function forwardingRuleDisable(rulesetId: string, ruleName: string): string {
  return `az dns-resolver forwarding-rule update ${rulesetArgs(rulesetId)} -n ${sh(ruleName)} --forwarding-rule-state Disabled`
}

export function rulesetLinkDelete(rulesetId: string, linkName: string): string {
  return `az dns-resolver vnet-link delete ${rulesetArgs(rulesetId)} -n ${sh(linkName)} --yes`
}
