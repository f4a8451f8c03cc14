/** The action's name and version, as package.json says (a test keeps them equal). */
export const ACTION_NAME = 'kv-private-link-doctor'
export const ACTION_VERSION = '0.1.0'
export const INFORMATION_URI =
  'https://learn.microsoft.com/azure/key-vault/general/private-link-diagnostics'
