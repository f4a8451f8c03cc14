import { describe, expect, it, jest } from '@jest/globals'
import { CLOUDS } from '../../src/inputs/cloud.js'
import { InputError, parseInputs } from '../../src/inputs/parse.js'

const SUB = '00000000-1111-2222-3333-444444444444'
const SUB2 = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
const CLIENT = '11111111-2222-3333-4444-555555555555'
const TENANT = '66666666-7777-8888-9999-000000000000'
const VAULT_RULE =
  "a vault name is 3-24 characters, letters, digits and hyphens, starts with a letter, ends with a letter or digit, and has no '--'"
const GITHUB_ENV = {
  GITHUB_WORKFLOW: 'infra',
  GITHUB_JOB: 'kv-doctor',
  RUNNER_ENVIRONMENT: 'github-hosted'
}

function parse(inputs: Record<string, string>, env: NodeJS.ProcessEnv = GITHUB_ENV) {
  return parseInputs((name) => inputs[name] ?? '', env)
}

function errorOf(inputs: Record<string, string>, env: NodeJS.ProcessEnv = GITHUB_ENV): InputError {
  try {
    parse(inputs, env)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

/** What `work` returns and what it wrote to stdout (workflow commands), which is kept off the test log. */
function capturingStdout<T>(work: () => T): { value: T; stdout: string } {
  const writes: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    writes.push(String(chunk))
    return true
  })
  try {
    return { value: work(), stdout: writes.join('') }
  } finally {
    spy.mockRestore()
  }
}

/** The one-line message parseInputs fails with. */
function messageOf(inputs: Record<string, string>, env?: NodeJS.ProcessEnv): string {
  const error = errorOf({ 'subscription-id': SUB, ...inputs }, env)
  expect(error.message).not.toContain('\n')
  return error.message
}

describe('defaults', () => {
  it('fills in the contract defaults when only the subscription is given', () => {
    const inputs = parse({ 'subscription-id': SUB })
    expect(inputs).toEqual({
      auth: 'default',
      clientId: null,
      tenantId: null,
      subscriptionId: SUB,
      vaults: [],
      resourceGroup: null,
      dnsZoneScopes: [],
      clientVnets: [],
      clientVnetsPeered: false,
      publicNetworkAccess: 'disabled',
      ttlMin: 10,
      ttlMax: 600,
      probe: 'outside',
      dnsServers: [],
      probeTimeoutSeconds: 5,
      report: ['summary'],
      githubToken: '',
      commentKey: 'infra/kv-doctor',
      failOn: 'error',
      ignore: [],
      plan: null,
      baseline: null,
      gate: 'all',
      cloud: CLOUDS.AzureCloud
    })
  })

  it('takes the runner-provided defaults of action.yml the same way', () => {
    const inputs = parse({
      'subscription-id': SUB,
      auth: 'auto',
      'public-network-access': 'disabled',
      'ttl-min': '10',
      'ttl-max': '600',
      probe: 'auto',
      'probe-timeout': '5',
      report: 'summary',
      'fail-on': 'error',
      environment: 'AzureCloud'
    })
    expect(inputs).toEqual(parse({ 'subscription-id': SUB }))
  })

  it('probes from inside on self-hosted runners, from outside elsewhere', () => {
    expect(parse({ 'subscription-id': SUB }, { RUNNER_ENVIRONMENT: 'self-hosted' }).probe).toBe(
      'inside'
    )
    expect(parse({ 'subscription-id': SUB }, { RUNNER_ENVIRONMENT: 'github-hosted' }).probe).toBe(
      'outside'
    )
    // Without RUNNER_ENVIRONMENT it says why it chose 'outside', as a workflow notice.
    const { value, stdout } = capturingStdout(() => parse({ 'subscription-id': SUB }, {}).probe)
    expect(value).toBe('outside')
    expect(stdout).toMatch(
      /^::notice::probe: auto chose 'outside' because RUNNER_ENVIRONMENT is not set/
    )
    expect(
      parse({ 'subscription-id': SUB, probe: 'OFF' }, { RUNNER_ENVIRONMENT: 'self-hosted' }).probe
    ).toBe('off')
  })

  it('uses workflow/job as the comment key, or a fixed one without them', () => {
    expect(
      parse({ 'subscription-id': SUB }, { RUNNER_ENVIRONMENT: 'github-hosted' }).commentKey
    ).toBe('kv-private-link-doctor')
    expect(parse({ 'subscription-id': SUB, 'comment-key': 'nightly' }).commentKey).toBe('nightly')
  })
})

describe('auth', () => {
  it('auto is oidc when client-id and tenant-id are set', () => {
    const inputs = parse({
      'subscription-id': SUB,
      'client-id': CLIENT,
      'tenant-id': TENANT.toUpperCase()
    })
    expect(inputs.auth).toBe('oidc')
    expect(inputs.tenantId).toBe(TENANT)
  })

  it('auto is default when either is missing', () => {
    expect(parse({ 'subscription-id': SUB, 'client-id': CLIENT }).auth).toBe('default')
    expect(parse({ 'subscription-id': SUB, 'tenant-id': TENANT }).auth).toBe('default')
  })

  it('oidc without client-id or tenant-id is an error', () => {
    expect(messageOf({ auth: 'oidc', 'tenant-id': TENANT })).toBe(
      "Input 'client-id' is empty: 'auth: oidc' needs both 'client-id' and 'tenant-id' (or use 'auth: default')"
    )
    expect(messageOf({ auth: 'OIDC', 'client-id': CLIENT })).toBe(
      "Input 'tenant-id' is empty: 'auth: oidc' needs both 'client-id' and 'tenant-id' (or use 'auth: default')"
    )
  })

  it('rejects an unknown auth mode and non-GUID IDs', () => {
    expect(messageOf({ auth: 'secret' })).toBe(
      "Input 'auth' is 'secret': expected one of auto, oidc, default"
    )
    expect(messageOf({ 'client-id': 'my-app' })).toBe(
      "Input 'client-id' is 'my-app': expected a GUID like 00000000-0000-0000-0000-000000000000"
    )
  })

  it('takes the tenant by its ID or by one of its domain names', () => {
    for (const domain of [
      'contoso.onmicrosoft.com',
      'Contoso.com',
      'login.xn--bcher-kva.xn--p1ai'
    ]) {
      const inputs = parse({ 'subscription-id': SUB, 'client-id': CLIENT, 'tenant-id': domain })
      expect(inputs.tenantId).toBe(domain.toLowerCase())
      expect(inputs.auth).toBe('oidc')
    }
    expect(parse({ 'subscription-id': SUB, 'tenant-id': ` ${TENANT} ` }).tenantId).toBe(TENANT)
  })

  it.each([
    'contoso',
    'common',
    'contoso.onmicrosoft.com/',
    'https://login.microsoftonline.com/contoso.onmicrosoft.com',
    'contoso..com',
    '-contoso.com',
    'contoso-.com',
    'contoso.c0m',
    'contoso_tenant.onmicrosoft.com',
    `${'a'.repeat(64)}.com`,
    '66666666-7777-8888-9999-00000000000',
    'contoso.onmicrosoft.com\nINPUT_X'
  ])('rejects tenant-id %j in one line that says what is allowed', (value) => {
    expect(messageOf({ 'tenant-id': value })).toBe(
      `Input 'tenant-id' is '${value.replace('\n', '\\n')}': expected the tenant's ID, a GUID like 00000000-0000-0000-0000-000000000000, or one of its domain names, e.g. contoso.onmicrosoft.com`
    )
  })
})

describe('subscription-id', () => {
  it('must be a GUID', () => {
    expect(messageOf({ 'subscription-id': 'Production' })).toBe(
      "Input 'subscription-id' is 'Production': expected the subscription's ID, a GUID like 00000000-0000-0000-0000-000000000000 (not its name)"
    )
  })

  it('is required unless every vault is a full resource ID', () => {
    const message =
      "Input 'subscription-id' is empty: expected the ID of the subscription that holds the vaults, a GUID like 00000000-0000-0000-0000-000000000000 (it may be left out only when every entry of 'vaults' is a full resource ID)"
    expect(errorOf({}).message).toBe(message)
    expect(errorOf({ vaults: 'kv1' }).message).toBe(message)
    expect(
      errorOf({
        vaults: `kv1, /subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv2`
      }).message
    ).toBe(message)
  })

  it("defaults to the first vault ID's subscription", () => {
    const inputs = parse({
      vaults: `/subscriptions/${SUB2.toUpperCase()}/resourceGroups/rg-a/providers/Microsoft.KeyVault/vaults/kv1\n/subscriptions/${SUB}/resourceGroups/rg-b/providers/Microsoft.KeyVault/vaults/kv2`
    })
    expect(inputs.subscriptionId).toBe(SUB2)
    expect(inputs.vaults.map((v) => v.subscriptionId)).toEqual([SUB2, SUB])
  })
})

describe('vaults', () => {
  it('splits on newlines and commas, ignores blanks and spaces, removes duplicates', () => {
    const inputs = parse({
      'subscription-id': SUB,
      'resource-group': 'rg-secrets',
      vaults: ' kv-one ,\n\n kv-two,,KV-ONE \r\n kv-three '
    })
    expect(inputs.vaults).toEqual([
      { name: 'kv-one', subscriptionId: SUB, resourceGroup: 'rg-secrets', id: null },
      { name: 'kv-two', subscriptionId: SUB, resourceGroup: 'rg-secrets', id: null },
      { name: 'kv-three', subscriptionId: SUB, resourceGroup: 'rg-secrets', id: null }
    ])
  })

  it('leaves the resource group null for names when resource-group is empty', () => {
    expect(parse({ 'subscription-id': SUB, vaults: 'kv1' }).vaults[0]?.resourceGroup).toBeNull()
  })

  it('reads full resource IDs case-insensitively and normalises them', () => {
    const id = `/SUBSCRIPTIONS/${SUB}/resourcegroups/RG-Secrets/providers/microsoft.keyvault/VAULTS/kv1/`
    expect(parse({ vaults: id }).vaults).toEqual([
      {
        name: 'kv1',
        subscriptionId: SUB,
        resourceGroup: 'RG-Secrets',
        id: `/subscriptions/${SUB}/resourceGroups/RG-Secrets/providers/Microsoft.KeyVault/vaults/kv1`,
        kind: 'vault'
      }
    ])
  })

  it('reads managed HSM IDs (managedHSMs in any case) and says their kind', () => {
    const lower = `/subscriptions/${SUB}/resourceGroups/rg-hsm/providers/microsoft.keyvault/managedhsms/hsm1`
    const vault = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/hsm2`
    expect(parse({ vaults: `${lower}\n${vault}` }).vaults).toEqual([
      {
        name: 'hsm1',
        subscriptionId: SUB,
        resourceGroup: 'rg-hsm',
        id: `/subscriptions/${SUB}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/hsm1`,
        kind: 'managedHsm'
      },
      // A name says nothing about the kind: it is looked up as both.
      expect.objectContaining({ name: 'hsm2', kind: 'vault' })
    ])
    const byName = parse({ 'subscription-id': SUB, vaults: 'hsm3' }).vaults[0]
    expect(byName).toEqual({ name: 'hsm3', subscriptionId: SUB, resourceGroup: null, id: null })
  })

  it('keeps the ID when a vault is given by name and by ID', () => {
    const id = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1`
    const inputs = parse({ 'subscription-id': SUB, vaults: `kv1, ${id}` })
    expect(inputs.vaults).toEqual([
      { name: 'kv1', subscriptionId: SUB, resourceGroup: 'rg', id, kind: 'vault' }
    ])
  })

  it.each([
    ['my--vault'],
    ['kv'],
    ['a'.repeat(25)],
    ['1vault'],
    ['vault-'],
    ['-vault'],
    ['kv_1'],
    ['kv 1'],
    ['kv.one']
  ])('rejects the vault name %p', (name) => {
    expect(messageOf({ vaults: `kv-ok, ${name}` })).toBe(
      name === 'kv.one'
        ? "Input 'vaults' has 'kv.one': give the vault's name or its full resource ID, not its URI or host name"
        : `Input 'vaults' has '${name}': ${VAULT_RULE}`
    )
  })

  it('accepts names of 3 and 24 characters', () => {
    const names = parse({ 'subscription-id': SUB, vaults: `kv1,${'a'.repeat(23)}1` }).vaults.map(
      (v) => v.name
    )
    expect(names).toEqual(['kv1', `${'a'.repeat(23)}1`])
  })

  it('points at the name when given a vault URI or host name', () => {
    expect(messageOf({ vaults: 'kv1.vault.azure.net' })).toBe(
      "Input 'vaults' has 'kv1.vault.azure.net': give the vault's name ('kv1') or its full resource ID, not its URI or host name"
    )
    expect(messageOf({ vaults: 'https://kv-payments.vault.azure.net/' })).toBe(
      "Input 'vaults' has 'https://kv-payments.vault.azure.net/': give the vault's name ('kv-payments') or its full resource ID, not its URI or host name"
    )
  })

  it.each([
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/managedHSMs`],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/hsms/hsm1`],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults`],
    [`/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults/kv1`],
    [`subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1`],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1/secrets/s`]
  ])('rejects the malformed resource ID %p', (id) => {
    expect(messageOf({ vaults: id })).toBe(
      `Input 'vaults' has '${id}': a vault resource ID is /subscriptions/<subscription GUID>/resourceGroups/<resource group>/providers/Microsoft.KeyVault/vaults/<vault name> (or .../Microsoft.KeyVault/managedHSMs/<HSM name>)`
    )
  })

  it('names what is wrong inside a resource ID', () => {
    const badSub = '/subscriptions/prod/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1'
    expect(messageOf({ vaults: badSub })).toBe(
      `Input 'vaults' has '${badSub}': the subscription in a vault resource ID must be a GUID like 00000000-0000-0000-0000-000000000000`
    )
    const badName = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv--1`
    expect(messageOf({ vaults: badName })).toBe(`Input 'vaults' has '${badName}': ${VAULT_RULE}`)
    const badRg = `/subscriptions/${SUB}/resourceGroups/rg./providers/Microsoft.KeyVault/vaults/kv1`
    expect(messageOf({ vaults: badRg })).toBe(
      `Input 'vaults' has '${badRg}': a resource group name is 1-90 characters, letters, digits, '_', '-', '.', '(' and ')', and does not end with '.'`
    )
  })
})

describe('resource-group', () => {
  it('accepts Azure resource group names', () => {
    expect(
      parse({ 'subscription-id': SUB, 'resource-group': 'rg_(prod).secrets-1' }).resourceGroup
    ).toBe('rg_(prod).secrets-1')
    expect(
      parse({ 'subscription-id': SUB, 'resource-group': 'r'.repeat(90) }).resourceGroup
    ).toHaveLength(90)
  })

  it.each([['rg.'], ['rg/x'], ['r'.repeat(91)], ['rg secrets']])('rejects %p', (rg) => {
    expect(messageOf({ 'resource-group': rg })).toBe(
      `Input 'resource-group' is '${rg}': a resource group name is 1-90 characters, letters, digits, '_', '-', '.', '(' and ')', and does not end with '.'`
    )
  })
})

describe('client-vnets', () => {
  const vnet = (sub: string, rg: string, name: string): string =>
    `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${name}`

  it('takes full IDs, <rg>/<vnet> in subscription-id and the word peered, deduplicated', () => {
    const inputs = parse({
      'subscription-id': SUB,
      'client-vnets': `${vnet(SUB2.toUpperCase(), 'rg-aks', 'vnet-aks')}\nrg-spokes/vnet-app, PEERED, rg-spokes/VNET-APP,${vnet(SUB2, 'rg-aks', 'vnet-aks')}/`
    })
    expect(inputs.clientVnets).toEqual([
      vnet(SUB2, 'rg-aks', 'vnet-aks'),
      vnet(SUB, 'rg-spokes', 'vnet-app')
    ])
    expect(inputs.clientVnetsPeered).toBe(true)
  })

  it('defaults to none and not peered', () => {
    const inputs = parse({ 'subscription-id': SUB })
    expect(inputs.clientVnets).toEqual([])
    expect(inputs.clientVnetsPeered).toBe(false)
  })

  it('rejects a malformed entry with one line naming the input, the value and what is allowed', () => {
    const subnet = `${vnet(SUB, 'rg', 'vnet-app')}/subnets/default`
    expect(messageOf({ 'client-vnets': subnet })).toBe(
      `Input 'client-vnets' has '${subnet}': expected a VNet resource ID (/subscriptions/<GUID>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<name>), <resource-group>/<vnet> in 'subscription-id', or the word 'peered'`
    )
    expect(messageOf({ 'client-vnets': 'vnet-app' })).toMatch(
      /^Input 'client-vnets' has 'vnet-app': expected a VNet resource ID/
    )
    expect(messageOf({ 'client-vnets': vnet('hub', 'rg', 'v') })).toBe(
      `Input 'client-vnets' has '${vnet('hub', 'rg', 'v')}': the subscription must be a GUID`
    )
    expect(messageOf({ 'client-vnets': 'rg/-vnet' })).toMatch(
      /^Input 'client-vnets' has 'rg\/-vnet': '-vnet' is not a VNet name/
    )
    expect(errorOf({ 'subscription-id': SUB, 'client-vnets': 'rg/x' }).input).toBe('client-vnets')
  })
})

describe('dns-zone-scopes', () => {
  it('normalises GUIDs, subscriptions and resource groups, removing duplicates', () => {
    const inputs = parse({
      'subscription-id': SUB,
      'dns-zone-scopes': `${SUB2.toUpperCase()}\n/subscriptions/${SUB2}/, /Subscriptions/${SUB}/resourcegroups/rg-dns/ , /subscriptions/${SUB}/resourceGroups/RG-DNS`
    })
    expect(inputs.dnsZoneScopes).toEqual([
      `/subscriptions/${SUB2}`,
      `/subscriptions/${SUB}/resourceGroups/rg-dns`
    ])
  })

  it('rejects anything else', () => {
    const zoneId = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net`
    expect(messageOf({ 'dns-zone-scopes': zoneId })).toBe(
      `Input 'dns-zone-scopes' has '${zoneId}': expected a subscription (<GUID> or /subscriptions/<GUID>) or a resource group (/subscriptions/<GUID>/resourceGroups/<name>)`
    )
    expect(messageOf({ 'dns-zone-scopes': '/subscriptions/hub' })).toBe(
      "Input 'dns-zone-scopes' has '/subscriptions/hub': the subscription must be a GUID like 00000000-0000-0000-0000-000000000000"
    )
  })
})

describe('checks', () => {
  it('reads public-network-access and fail-on case-insensitively', () => {
    const inputs = parse({
      'subscription-id': SUB,
      'public-network-access': 'Restricted',
      'fail-on': 'WARNING'
    })
    expect(inputs.publicNetworkAccess).toBe('restricted')
    expect(inputs.failOn).toBe('warning')
  })

  it.each([
    ['public-network-access', 'private', 'disabled, restricted, any'],
    ['probe', 'maybe', 'auto, inside, outside, off'],
    ['fail-on', 'errors', 'error, warning, never'],
    ['environment', 'AzureGermanCloud', 'AzureCloud, AzureUSGovernment, AzureChinaCloud']
  ])('rejects %s %p', (name, value, allowed) => {
    expect(messageOf({ [name]: value })).toBe(
      `Input '${name}' is '${value}': expected one of ${allowed}`
    )
  })

  it('reads the TTL bounds', () => {
    const inputs = parse({ 'subscription-id': SUB, 'ttl-min': '0', 'ttl-max': '2147483647' })
    expect([inputs.ttlMin, inputs.ttlMax]).toEqual([0, 2147483647])
    expect(parse({ 'subscription-id': SUB, 'ttl-min': '300', 'ttl-max': '300' }).ttlMin).toBe(300)
  })

  it.each([['abc'], ['-1'], ['1.5'], ['2147483648'], ['1e3']])('rejects ttl-min %p', (value) => {
    expect(messageOf({ 'ttl-min': value })).toBe(
      `Input 'ttl-min' is '${value}': expected a whole number of seconds from 0 to 2147483647`
    )
  })

  it('rejects ttl-min > ttl-max', () => {
    expect(messageOf({ 'ttl-min': '700', 'ttl-max': '600' })).toBe(
      "Input 'ttl-min' (700) is greater than 'ttl-max' (600)"
    )
    expect(messageOf({ 'ttl-min': '700' })).toBe(
      "Input 'ttl-min' (700) is greater than 'ttl-max' (600)"
    )
  })

  it('keeps a one-line message for a multi-line value', () => {
    expect(messageOf({ 'ttl-max': '60\n0' })).toBe(
      "Input 'ttl-max' is '60\\n0': expected a whole number of seconds from 0 to 2147483647"
    )
  })
})

describe('ignore', () => {
  it('reads rule IDs and RULE@vault, case-insensitively, without duplicates', () => {
    const inputs = parse({
      'subscription-id': SUB,
      ignore:
        'fw-trusted-services\nDNS-RECORD-TTL@kv-legacy, FW-TRUSTED-SERVICES , dns-record-ttl@KV-LEGACY'
    })
    expect(inputs.ignore).toEqual([
      { rule: 'FW-TRUSTED-SERVICES', vault: null },
      { rule: 'DNS-RECORD-TTL', vault: 'kv-legacy' }
    ])
  })

  it('rejects an unknown rule ID, suggesting a near one', () => {
    expect(messageOf({ ignore: 'DNS-RECORD-TTLL' })).toBe(
      "Input 'ignore' has 'DNS-RECORD-TTLL': not a rule ID of this action (did you mean DNS-RECORD-TTL? see docs/rules.md for the list)"
    )
    expect(messageOf({ ignore: 'PE-NONE, SOMETHING-ELSE@kv1' })).toBe(
      "Input 'ignore' has 'SOMETHING-ELSE@kv1': not a rule ID of this action (see docs/rules.md for the list)"
    )
  })

  it('rejects a bad vault name after @', () => {
    expect(messageOf({ ignore: 'PE-NONE@' })).toBe(
      `Input 'ignore' has 'PE-NONE@': expected RULE or RULE@vault, and ${VAULT_RULE}`
    )
  })
})

describe('probe settings', () => {
  it('reads DNS servers with and without ports', () => {
    const inputs = parse({
      'subscription-id': SUB,
      'dns-servers': '10.0.0.4, 10.0.0.5:5353\nfd00::53, [fd00::54]:53, [fd00::55]'
    })
    expect(inputs.dnsServers).toEqual([
      '10.0.0.4',
      '10.0.0.5:5353',
      'fd00::53',
      '[fd00::54]:53',
      'fd00::55'
    ])
  })

  it.each([['10.0.0'], ['10.0.0.256'], ['dns.contoso.com'], ['[10.0.0.4]:53'], ['fd00::53:']])(
    'rejects the DNS server %p',
    (server) => {
      expect(messageOf({ 'dns-servers': server })).toBe(
        `Input 'dns-servers' has '${server}': expected an IP address, optionally with a port (10.0.0.4, 10.0.0.4:53, fd00::4, [fd00::4]:53)`
      )
    }
  )

  it('rejects a port out of range', () => {
    expect(messageOf({ 'dns-servers': '10.0.0.4:70000' })).toBe(
      "Input 'dns-servers' has '10.0.0.4:70000': the port must be from 1 to 65535"
    )
  })

  it('reads probe-timeout up to 60 seconds', () => {
    expect(parse({ 'subscription-id': SUB, 'probe-timeout': '2.5' }).probeTimeoutSeconds).toBe(2.5)
    expect(parse({ 'subscription-id': SUB, 'probe-timeout': '60' }).probeTimeoutSeconds).toBe(60)
  })

  it.each([['0'], ['61'], ['-1'], ['5s']])('rejects probe-timeout %p', (value) => {
    expect(messageOf({ 'probe-timeout': value })).toBe(
      `Input 'probe-timeout' is '${value}': expected a number of seconds greater than 0 and at most 60`
    )
  })
})

describe('report', () => {
  it('reads a comma list of targets', () => {
    const inputs = parse({
      'subscription-id': SUB,
      report: 'Summary, comment, summary',
      'github-token': 'ghs_x'
    })
    expect(inputs.report).toEqual(['summary', 'comment'])
    expect(inputs.githubToken).toBe('ghs_x')
  })

  it('rejects unknown targets and an empty list', () => {
    expect(messageOf({ report: 'summary, slack' })).toBe(
      "Input 'report' has 'slack': expected summary and/or comment, comma separated"
    )
    expect(messageOf({ report: ', ,' })).toBe(
      "Input 'report' is ', ,': expected summary and/or comment, comma separated"
    )
  })

  it('needs a token for the PR comment', () => {
    expect(messageOf({ report: 'comment' })).toBe(
      "Input 'github-token' is empty: 'report: comment' needs a token that may write pull request comments (the default, ${{ github.token }}, does with 'permissions: pull-requests: write')"
    )
  })
})

describe('cloud', () => {
  it('picks the cloud case-insensitively', () => {
    expect(parse({ 'subscription-id': SUB, environment: 'azureusgovernment' }).cloud).toEqual(
      CLOUDS.AzureUSGovernment
    )
    expect(
      parse({ 'subscription-id': SUB, environment: 'AZURECHINACLOUD' }).cloud.privateLinkZone
    ).toBe('privatelink.vaultcore.azure.cn')
  })

  it('overrides the endpoints, trimming the trailing slash', () => {
    const cloud = parse({
      'subscription-id': SUB,
      environment: 'AzureChinaCloud',
      'arm-endpoint': 'https://127.0.0.1:8443/',
      'authority-host': 'https://login.contoso.local/'
    }).cloud
    expect(cloud).toEqual({
      ...CLOUDS.AzureChinaCloud,
      armEndpoint: 'https://127.0.0.1:8443',
      authorityHost: 'https://login.contoso.local'
    })
  })

  it.each([
    ['arm-endpoint', 'http://management.azure.com', 'https://management.azure.com'],
    ['arm-endpoint', 'management.azure.com', 'https://management.azure.com'],
    ['authority-host', 'https://login.example?x=1', 'https://login.microsoftonline.com']
  ])('rejects %s %p', (name, value, example) => {
    expect(messageOf({ [name]: value })).toBe(
      `Input '${name}' is '${value}': expected an https:// URL without query or credentials, e.g. ${example}`
    )
  })
})

it('fails with an InputError that names the input', () => {
  expect(errorOf({ 'subscription-id': SUB, 'ttl-max': 'x' })).toMatchObject({
    name: 'InputError',
    input: 'ttl-max'
  })
})
