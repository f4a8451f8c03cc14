/** The sovereign clouds the action knows, and the names that differ between them. */
export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud'

export interface Cloud {
  name: CloudName
  armEndpoint: string
  authorityHost: string
  /** DNS suffix of vault hostnames, e.g. `vault.azure.net`. */
  vaultDnsSuffix: string
  /** The private DNS zone that private link uses for vaults. */
  privateLinkZone: string
  /** Token audience for the Key Vault data plane. */
  vaultAudience: string
}

export const CLOUDS: Record<CloudName, Cloud> = {
  AzureCloud: {
    name: 'AzureCloud',
    armEndpoint: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    vaultDnsSuffix: 'vault.azure.net',
    privateLinkZone: 'privatelink.vaultcore.azure.net',
    vaultAudience: 'https://vault.azure.net'
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    armEndpoint: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    vaultDnsSuffix: 'vault.usgovcloudapi.net',
    privateLinkZone: 'privatelink.vaultcore.usgovcloudapi.net',
    vaultAudience: 'https://vault.usgovcloudapi.net'
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    armEndpoint: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    vaultDnsSuffix: 'vault.azure.cn',
    privateLinkZone: 'privatelink.vaultcore.azure.cn',
    vaultAudience: 'https://vault.azure.cn'
  }
}
