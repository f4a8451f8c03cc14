// Managed HSMs end to end: the real bundled action over emulator/estates/hsm.js (one HSM per
// break that applies to an HSM, named after it, beside one healthy key vault). Each HSM gets
// exactly the findings its break calls for, under the same rule IDs as key vaults, each with a
// fix in the HSM's own terms (az keyvault update-hsm --hsm-name, --group-id managedhsm, the zone
// privatelink.managedhsm.azure.net). Discovery finds both kinds; a name resolves to an HSM when
// no key vault has it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import hsmEstate, {
  HSM_RG,
  HUB_DNS_RG,
  HUB_SUBSCRIPTION_ID,
  RULE_OF_HSM,
  SUBSCRIPTION_ID,
  VAULT_NAME,
  hsmId
} from '../../emulator/estates/hsm.js'
import { RULES } from '../../src/evaluate/catalog.js'
import {
  findings,
  problems,
  runAgainst,
  startEmulator,
  type ActionRun,
  type Emulator,
  type Finding
} from './harness.js'

const SUB = SUBSCRIPTION_ID
const HUB = HUB_SUBSCRIPTION_ID
const ZONE = 'privatelink.managedhsm.azure.net'
const ZONE_ARGS = `-g ${HUB_DNS_RG} -z ${ZONE} --subscription ${HUB}`
const ZONE_ID = `/subscriptions/${HUB}/resourceGroups/${HUB_DNS_RG}/providers/Microsoft.Network/privateDnsZones/${ZONE}`
const hsmArgs = (name: string): string =>
  `--hsm-name ${name} --resource-group ${HSM_RG} --subscription ${SUB}`

/** Target → the exact rule IDs of its error/warning findings, and of its info findings. */
const EXPECTED: Record<string, { problems: string[]; info?: string[] }> = {
  [VAULT_NAME]: { problems: [] },
  'hsm-healthy': { problems: [] },
  'hsm-pe-none': { problems: ['PE-NONE'] },
  'hsm-pe-not-approved': { problems: ['PE-NOT-APPROVED'] },
  'hsm-pe-not-succeeded': { problems: ['PE-NOT-SUCCEEDED'] },
  'hsm-fw-public-open': { problems: ['FW-PUBLIC-OPEN'] },
  'hsm-fw-rules-present': { problems: ['FW-RULES-PRESENT'] },
  'hsm-fw-trusted': { problems: [], info: ['FW-TRUSTED-SERVICES'] },
  // The record went into the misnamed zone, so the real one lacks it.
  'hsm-dns-zone-misnamed': { problems: ['DNS-RECORD-MISSING', 'DNS-ZONE-MISNAMED'] },
  // Only when the hub subscription is not searched (see below).
  'hsm-dns-zone-missing': { problems: [] },
  'hsm-dns-link-missing': { problems: ['DNS-LINK-MISSING'] },
  'hsm-dns-link-not-ready': { problems: ['DNS-LINK-NOT-READY'] },
  'hsm-dns-record-missing': { problems: ['DNS-RECORD-MISSING'] },
  'hsm-dns-record-wrong-ip': { problems: ['DNS-RECORD-WRONG-IP'] },
  'hsm-dns-record-ttl': { problems: ['DNS-RECORD-TTL'] }
}

/** `RULE@target` → the fix, exactly: the HSM's commands, names, IDs and IPs filled in. */
function expectedFixes(run: ActionRun): Record<string, string> {
  const connection = (name: string): string =>
    (run.report?.findings as Finding[]).find(
      (f) => f.vault === name && f.rule === 'PE-NOT-APPROVED' && f.severity === 'error'
    )?.resource ?? ''
  const vnet = (name: string): string =>
    `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/${name}`
  const pe = (name: string): string =>
    `--endpoint-name pe-${name} --resource-group ${HSM_RG} --subscription ${SUB}`
  return {
    'PE-NONE@hsm-pe-none': [
      `az network private-endpoint create --name hsm-pe-none-pe --resource-group ${HSM_RG} --subscription ${SUB} --location '<region-of-the-vnet>' --subnet '/subscriptions/<subscription-id>/resourceGroups/<vnet-resource-group>/providers/Microsoft.Network/virtualNetworks/<vnet-name>/subnets/<subnet-name>' --private-connection-resource-id ${hsmId('hsm-pe-none')} --group-id managedhsm --connection-name hsm-pe-none-pe`,
      `az network private-endpoint dns-zone-group create --endpoint-name hsm-pe-none-pe --resource-group ${HSM_RG} --subscription ${SUB} --name default --private-dns-zone ${ZONE_ID} --zone-name privatelink-managedhsm-azure-net`
    ].join('\n'),
    'PE-NOT-APPROVED@hsm-pe-not-approved': `az network private-endpoint-connection approve --id ${connection('hsm-pe-not-approved')} --description 'Approved for private link access to hsm-pe-not-approved'`,
    'FW-PUBLIC-OPEN@hsm-fw-public-open': `az keyvault update-hsm ${hsmArgs('hsm-fw-public-open')} --set properties.publicNetworkAccess=Disabled`,
    'FW-RULES-PRESENT@hsm-fw-rules-present': `az keyvault update-hsm ${hsmArgs('hsm-fw-rules-present')} --set 'properties.networkAcls.ipRules=[]' 'properties.networkAcls.virtualNetworkRules=[]'`,
    'FW-TRUSTED-SERVICES@hsm-fw-trusted': `az keyvault update-hsm ${hsmArgs('hsm-fw-trusted')} --bypass None`,
    'DNS-ZONE-MISNAMED@hsm-dns-zone-misnamed': [
      `az network private-endpoint dns-zone-group create ${pe('hsm-dns-zone-misnamed')} --name default --private-dns-zone ${ZONE_ID} --zone-name privatelink-managedhsm-azure-net`,
      `az network private-dns record-set a delete -g rg-dns -z managedhsm.azure.net --subscription ${SUB} -n hsm-dns-zone-misnamed --yes`
    ].join('\n'),
    'DNS-RECORD-MISSING@hsm-dns-zone-misnamed': [
      `az network private-dns record-set a create ${ZONE_ARGS} -n hsm-dns-zone-misnamed --ttl 300`,
      `az network private-dns record-set a add-record ${ZONE_ARGS} -n hsm-dns-zone-misnamed -a 10.70.1.10`
    ].join('\n'),
    'DNS-LINK-MISSING@hsm-dns-link-missing': `az network private-dns link vnet create ${ZONE_ARGS} -n vnet-hsm-unlinked-link -v ${vnet('vnet-hsm-unlinked')} -e false`,
    'DNS-LINK-NOT-READY@hsm-dns-link-not-ready': [
      `az network private-dns link vnet delete ${ZONE_ARGS} -n link-vnet-hsm-linking --yes`,
      `az network private-dns link vnet create ${ZONE_ARGS} -n link-vnet-hsm-linking -v ${vnet('vnet-hsm-linking')} -e false`
    ].join('\n'),
    'DNS-RECORD-MISSING@hsm-dns-record-missing': [
      `az network private-dns record-set a create ${ZONE_ARGS} -n hsm-dns-record-missing --ttl 300`,
      `az network private-dns record-set a add-record ${ZONE_ARGS} -n hsm-dns-record-missing -a 10.70.1.11`
    ].join('\n'),
    'DNS-RECORD-WRONG-IP@hsm-dns-record-wrong-ip': [
      `az network private-dns record-set a add-record ${ZONE_ARGS} -n hsm-dns-record-wrong-ip -a 10.70.1.12`,
      `az network private-dns record-set a remove-record ${ZONE_ARGS} -n hsm-dns-record-wrong-ip -a 10.70.1.99`
    ].join('\n'),
    'DNS-RECORD-TTL@hsm-dns-record-ttl': `az network private-dns record-set a update ${ZONE_ARGS} -n hsm-dns-record-ttl --set ttl=300`
  }
}

describe('the managed HSM estate (one HSM per break), discovered', () => {
  let emu: Emulator
  let run: ActionRun
  beforeAll(async () => {
    emu = await startEmulator({ estate: hsmEstate(), pageSize: 4 })
    run = await runAgainst(emu, { 'dns-zone-scopes': HUB })
  })
  afterAll(() => emu.stop())

  it('discovers both kinds: every HSM and the key vault, each with its type', () => {
    expect(
      run.report?.vaults.map((v: { name: string; type: string }) => `${v.type}:${v.name}`)
    ).toEqual([
      `vault:${VAULT_NAME}`,
      ...Object.keys(RULE_OF_HSM).map((name) => `managedHsm:${name}`)
    ])
    expect(run.report?.vaults.find((v: { name: string }) => v.name === 'hsm-healthy')).toEqual({
      name: 'hsm-healthy',
      id: hsmId('hsm-healthy'),
      type: 'managedHsm',
      result: 'pass'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
  })

  it('reports exactly the expected errors and warnings, HSM by HSM', () => {
    const expected = Object.entries(EXPECTED)
      .flatMap(([name, e]) => e.problems.map((rule) => `${rule}@${name}`))
      .sort()
    expect(problems(run)).toEqual(expected)
    const info = findings(run)
      .filter((f) => f.severity === 'info')
      .map((f) => `${f.rule}@${f.vault}`)
      .sort()
    expect(info).toEqual(
      Object.entries(EXPECTED).flatMap(([name, e]) => (e.info ?? []).map((r) => `${r}@${name}`))
    )
  })

  it("gives each finding its rule's default severity, and the fix in the HSM's own commands", () => {
    const fixes = expectedFixes(run)
    const reported = findings(run).filter((f) => f.severity !== 'pass')
    for (const f of reported) expect(f.severity).toBe(RULES[f.rule].severity)
    const byKey = Object.fromEntries(reported.map((f) => [`${f.rule}@${f.vault}`, f.fix]))
    for (const [key, fix] of Object.entries(fixes))
      expect({ key, fix: byKey[key] }).toEqual({ key, fix })
    // PE-NOT-SUCCEEDED recreates the endpoint for the HSM (group ID managedhsm, the HSM zone).
    expect(byKey['PE-NOT-SUCCEEDED@hsm-pe-not-succeeded']).toContain(
      `--private-connection-resource-id ${hsmId('hsm-pe-not-succeeded')} --group-id managedhsm`
    )
    expect(byKey['PE-NOT-SUCCEEDED@hsm-pe-not-succeeded']).toContain(
      `--private-dns-zone ${ZONE_ID}`
    )
    // The connection of a managed HSM carries `managedhsms` in lower case, as ARM writes it.
    expect(byKey['PE-NOT-APPROVED@hsm-pe-not-approved']).toMatch(
      /\/providers\/Microsoft\.KeyVault\/managedhsms\/hsm-pe-not-approved\/privateEndpointConnections\//
    )
    // Every problem of the run has a fix.
    for (const f of reported.filter((x) => x.severity !== 'info')) expect(f.fix).toBeTruthy()
  })

  it('speaks of managed HSMs and their names in the messages', () => {
    const open = findings(run).find((f) => f.rule === 'FW-PUBLIC-OPEN' && f.severity === 'error')
    expect(open?.message).toMatch(
      /^Managed HSM hsm-fw-public-open accepts requests from all networks/
    )
    const missing = findings(run).find(
      (f) => f.rule === 'DNS-RECORD-MISSING' && f.vault === 'hsm-dns-record-missing'
    )
    expect(missing?.message).toContain(
      `Private DNS zone ${ZONE} is linked to VNet vnet-hsm but has no A record hsm-dns-record-missing`
    )
    expect(missing?.message).toContain('hsm-dns-record-missing.managedhsm.azure.net')
    expect(run.summary).toContain('hsm-fw-public-open')
  })

  it('heads each managed HSM as one in the summary and the log, and the key vault as a vault', () => {
    expect(run.summary).toContain('### ❌ Managed HSM <code>hsm-fw-public-open</code>')
    expect(run.summary).toContain(`✅ Vault <code>${VAULT_NAME}</code>: `)
    expect(run.summary).not.toMatch(/Vault <code>hsm-/)
    expect(run.stdout).toMatch(/^::group::❌ Managed HSM hsm-fw-public-open: fail \(/m)
    expect(run.stdout).toMatch(new RegExp(`^::group::✅ Vault ${VAULT_NAME}: pass \\(`, 'm'))
    expect(run.stdout).not.toMatch(/^::group::.*Vault hsm-/m)
  })
})

describe('managed HSMs named, and a zone in a scope not searched', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({
      estate: {
        ...hsmEstate(),
        deny: [{ scope: hsmId('hsm-pe-none'), action: 'Microsoft.KeyVault/managedHSMs/read' }]
      }
    })
  })
  afterAll(() => emu.stop())

  it('DNS-ZONE-MISSING names privatelink.managedhsm.azure.net when the hub is not searched', async () => {
    const run = await runAgainst(emu, { vaults: `hsm-dns-zone-missing, ${VAULT_NAME}` })
    expect(problems(run)).toEqual(['DNS-ZONE-MISSING@hsm-dns-zone-missing'])
    const f = findings(run).find((x) => x.rule === 'DNS-ZONE-MISSING' && x.severity === 'error')
    expect(f?.message).toContain(`No private DNS zone named exactly ${ZONE} was found`)
    expect(f?.fix?.split('\n')[0]).toBe(
      `az network private-dns zone create -g ${HSM_RG} -n ${ZONE} --subscription ${SUB}`
    )
    // The key vault beside it finds its own zone in its own subscription.
    expect(run.report?.vaults.map((v: { result: string }) => v.result)).toEqual(['fail', 'pass'])
  })

  it('a name resolves to a managed HSM when no key vault has it (with or without resource-group)', async () => {
    const cases: Record<string, string>[] = [
      { vaults: 'hsm-fw-public-open' },
      { vaults: 'hsm-fw-public-open', 'resource-group': HSM_RG }
    ]
    for (const inputs of cases) {
      const run = await runAgainst(emu, { ...inputs, 'dns-zone-scopes': HUB })
      expect(run.report?.vaults).toEqual([
        {
          name: 'hsm-fw-public-open',
          id: hsmId('hsm-fw-public-open'),
          type: 'managedHsm',
          result: 'fail'
        }
      ])
      expect(problems(run)).toEqual(['FW-PUBLIC-OPEN@hsm-fw-public-open'])
    }
  })

  it('a managed HSM resource ID, in lower case, is read as an HSM', async () => {
    const lower = hsmId('hsm-dns-record-ttl').toLowerCase()
    const run = await runAgainst(emu, {
      vaults: lower,
      'subscription-id': '',
      'dns-zone-scopes': HUB
    })
    expect(run.report?.vaults.map((v: { type: string }) => v.type)).toEqual(['managedHsm'])
    expect(problems(run)).toEqual(['DNS-RECORD-TTL@hsm-dns-record-ttl'])
  })

  it('a 403 on an HSM read is ACCESS-DENIED naming Microsoft.KeyVault/managedHSMs/read', async () => {
    const run = await runAgainst(emu, { vaults: hsmId('hsm-pe-none') })
    expect(problems(run)).toEqual(['ACCESS-DENIED@hsm-pe-none'])
    const f = findings(run).find((x) => x.rule === 'ACCESS-DENIED')
    expect(f?.message).toContain('The identity may not read managed HSM hsm-pe-none')
    expect(f?.observed).toBe('403 AuthorizationFailed: Microsoft.KeyVault/managedHSMs/read')
    expect(f?.fix).toBe(
      `az role assignment create --assignee ${emu.estate.identity.clientId} --role Reader --scope ${hsmId('hsm-pe-none')}`
    )
  })

  it('a name that is neither a key vault nor a managed HSM is VAULT-NOT-FOUND', async () => {
    const run = await runAgainst(emu, { vaults: 'hsm-nowhere' })
    expect(problems(run)).toEqual(['VAULT-NOT-FOUND@hsm-nowhere'])
    const f = findings(run).find((x) => x.rule === 'VAULT-NOT-FOUND')
    expect(f?.message).toContain(`No key vault or managed HSM named 'hsm-nowhere'`)
    expect(f?.fix?.split('\n')).toEqual([
      `az keyvault list --subscription ${SUB} --query "[?name=='hsm-nowhere'].id" -o tsv`,
      `az keyvault show-deleted --name hsm-nowhere --subscription ${SUB}`,
      `az keyvault show-deleted --hsm-name hsm-nowhere --subscription ${SUB}`
    ])
  })
})
