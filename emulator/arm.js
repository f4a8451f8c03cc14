// Azure Resource Manager, read-only, served from an estate (see estate.js).
//
// What it answers (any api-version; IDs are case-insensitive):
//   GET <resource id>                                   any resource in estate.resources, the
//                                                       vault's or managed HSM's
//                                                       privateEndpointConnections, and items
//                                                       embedded in a parent (subnets, ipConfigurations)
//   GET /subscriptions/{s}/providers/{ns}/{type}        list by subscription
//   GET /subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}
//                                                       list by resource group
//   GET <parent id>/{childType}                         children: vaults/{v}/privateEndpointConnections,
//                                                       managedHSMs/{h}/privateEndpointConnections,
//                                                       privateEndpoints/{pe}/privateDnsZoneGroups,
//                                                       privateDnsZones/{z}/virtualNetworkLinks, /A, /ALL,
//                                                       dnsResolvers/{r}/inboundEndpoints,
//                                                       dnsForwardingRulesets/{f}/forwardingRules,
//                                                       …/virtualNetworkLinks, and embedded arrays
//                                                       (virtualNetworks/{v}/virtualNetworkPeerings)
//   GET /subscriptions/{s}[/resourceGroups/{rg}]/resources?$filter=resourceType eq '...'
//                                                       generic resource list (Vaults.list() in
//                                                       @azure/arm-keyvault 5 uses it)
// Lists page with an absolute `nextLink` back to the emulator carrying `$skipToken`; page size is
// the emulator's `pageSize` when given, else ARM_PAGE_SIZES for the listed type (or `$top`, when
// smaller).
//
// Every request needs `Authorization: Bearer <token from the emulator's Entra>` (else 401), then
// the estate's `deny` rules apply (403 AuthorizationFailed), then 404s for unknown subscriptions,
// resource groups and resources, all with ARM's error bodies.
import { randomUUID } from 'node:crypto'

const RECORD_TYPES = ['a', 'aaaa', 'cname', 'mx', 'ptr', 'soa', 'srv', 'txt']

/**
 * Page sizes per listed type, close to what the services send. Private DNS documents a default
 * `$top` of 100 for zones and record sets; Key Vault lists come in small pages (25 here, an
 * assumption on the low side); the network provider's lists are taken as 100 a page.
 */
export const ARM_PAGE_SIZES = {
  'microsoft.keyvault/vaults': 25,
  'microsoft.keyvault/managedhsms': 25,
  default: 100
}

/**
 * Splits an ARM path. Returns undefined for anything that is not under /subscriptions/{id}.
 * @param {string} path decoded, without query
 */
export function parseArmPath(path) {
  const segments = path.split('/').filter(Boolean)
  if (segments.length < 2 || segments[0].toLowerCase() !== 'subscriptions') return undefined
  const result = {
    subscriptionId: segments[1],
    /** @type {string|undefined} */ resourceGroup: undefined,
    /** @type {string|undefined} */ namespace: undefined,
    /** segments after the namespace: type, name, type, name, ... */
    rest: /** @type {string[]} */ ([]),
    /** `/resources` generic list */
    genericList: false,
    /** anything this parser does not understand */
    unknown: false
  }
  let i = 2
  if (segments[i]?.toLowerCase() === 'resourcegroups') {
    result.resourceGroup = segments[i + 1]
    if (result.resourceGroup === undefined) result.unknown = true
    i += 2
  }
  if (i === segments.length) return result
  if (segments[i].toLowerCase() === 'resources' && i + 1 === segments.length) {
    result.genericList = true
    return result
  }
  if (segments[i].toLowerCase() !== 'providers' || segments.length < i + 3) {
    result.unknown = true
    return result
  }
  result.namespace = segments[i + 1]
  result.rest = segments.slice(i + 2)
  return result
}

/**
 * The parts of a resource ID that the indexes need, all lower-cased.
 * @param {string} id
 */
export function describeId(id) {
  const parsed = parseArmPath(id)
  if (!parsed || !parsed.namespace || parsed.rest.length % 2 !== 0) {
    throw new Error(`not a resource ID: ${id}`)
  }
  const types = parsed.rest.filter((_, i) => i % 2 === 0)
  const segments = id.split('/').filter(Boolean)
  return {
    id: id.toLowerCase(),
    subscriptionId: parsed.subscriptionId.toLowerCase(),
    resourceGroup: parsed.resourceGroup?.toLowerCase(),
    type: `${parsed.namespace}/${types.join('/')}`.toLowerCase(),
    parentId:
      parsed.rest.length > 2 ? `/${segments.slice(0, -2).join('/')}`.toLowerCase() : undefined
  }
}

const last = (id) => id.split('/').filter(Boolean).pop() ?? ''

/** Types whose resources embed their private endpoint connections, with the connections' type
 * as ARM writes it (ManagedHsm_ListPrivateEndpointConnectionsByResource.json: lower-case
 * `managedhsms`). */
const CONNECTION_TYPES = {
  'microsoft.keyvault/vaults': 'Microsoft.KeyVault/vaults/privateEndpointConnections',
  'microsoft.keyvault/managedhsms': 'Microsoft.KeyVault/managedhsms/privateEndpointConnections'
}

/** The privateEndpointConnections GET/list item made from a vault's or HSM's embedded connection. */
function connectionResource(item, type) {
  return {
    id: item.id,
    name: last(item.id),
    type,
    etag: item.etag,
    properties: item.properties
  }
}

/** @type {WeakMap<any[], { items: any[], connections: any[], lengths: number[], index: ReturnType<typeof buildIndex> }>} */
const indexCache = new WeakMap()

/**
 * Every servable resource of an estate. Tests may change the estate between calls, so the index
 * is reused only while the resources array holds the very same objects (and each vault the same
 * connections array): building it parses every ID, which on a benchmark estate of thousands of
 * resources costs more than the latency being measured.
 * @param {import('./estate.js').Estate} estate
 */
function indexEstate(estate) {
  const resources = estate.resources ?? []
  const cached = indexCache.get(resources)
  if (cached && cached.items.length === resources.length) {
    let same = true
    for (let i = 0; same && i < resources.length; i++) {
      const connections = resources[i]?.properties?.privateEndpointConnections
      same =
        cached.items[i] === resources[i] &&
        cached.connections[i] === connections &&
        cached.lengths[i] === (connections?.length ?? 0)
    }
    if (same) return cached.index
  }
  const connections = resources.map((r) => r?.properties?.privateEndpointConnections)
  const index = buildIndex(estate)
  indexCache.set(resources, {
    items: [...resources],
    connections,
    lengths: connections.map((c) => c?.length ?? 0),
    index
  })
  return index
}

/**
 * The items of each list, per index and the estate's deny rules: a list's every page is then a
 * slice, as ARM's continuation is, not a scan of the whole estate (which at 2,000 vaults took the
 * emulator's single thread about 4 ms per page, delaying the answers the benchmark times).
 * @type {WeakMap<object, Map<string, { deny: string, items: unknown[] }>>}
 */
const listCache = new WeakMap()

/**
 * @param {object} index
 * @param {import('./estate.js').Estate} estate
 * @param {string} key what the list is (its path and filter), within this index
 * @param {() => unknown[]} compute
 */
function listedItems(index, estate, key, compute) {
  let lists = listCache.get(index)
  if (!lists) listCache.set(index, (lists = new Map()))
  const deny = JSON.stringify(estate.deny ?? [])
  const hit = lists.get(key)
  if (hit && hit.deny === deny) return hit.items
  const items = compute()
  lists.set(key, { deny, items })
  return items
}

/** @param {import('./estate.js').Estate} estate */
function buildIndex(estate) {
  /** @type {Map<string, { resource: any, meta: ReturnType<typeof describeId> }>} */
  const byId = new Map()
  /** @type {{ resource: any, meta: ReturnType<typeof describeId> }[]} */
  const all = []
  const add = (resource) => {
    const entry = { resource, meta: describeId(resource.id) }
    if (byId.has(entry.meta.id)) return
    byId.set(entry.meta.id, entry)
    all.push(entry)
  }
  for (const resource of estate.resources ?? []) {
    add(resource)
    const connectionType = CONNECTION_TYPES[describeId(resource.id).type]
    if (connectionType) {
      for (const item of resource.properties?.privateEndpointConnections ?? []) {
        add(connectionResource(item, connectionType))
      }
    }
  }
  // A parent's children (a zone's record sets, an endpoint's zone groups) without a scan of the
  // estate per list: at 2,000 vaults, 100 zone group lists scanned 10,000 resources each.
  /** @type {Map<string, { resource: any, meta: ReturnType<typeof describeId> }[]>} */
  const children = new Map()
  for (const entry of all) {
    if (!entry.meta.parentId) continue
    const siblings = children.get(entry.meta.parentId)
    if (siblings) siblings.push(entry)
    else children.set(entry.meta.parentId, [entry])
  }
  return { byId, all, children }
}

/**
 * @param {{
 *   estate: () => import('./estate.js').Estate,
 *   isValidAccessToken: (token: string) => boolean,
 *   pageSize?: number
 * }} options
 */
export function createArm({ estate, isValidAccessToken, pageSize, unchanging = false }) {
  /** @param {string | undefined} type lower-cased resource type of the listed items */
  const pageSizeFor = (type) => pageSize ?? (type && ARM_PAGE_SIZES[type]) ?? ARM_PAGE_SIZES.default
  // Indexed now rather than on the first request: on a benchmark estate of thousands of
  // resources that takes tens of ms, which would otherwise count as the first answer's latency.
  const first = indexEstate(estate())
  // An estate that does not change while the emulator runs (the benchmark's) is not checked for
  // changes on every request, and each resource's JSON text is made now: ARM answers concurrent
  // requests side by side, where this single thread serializing a page of 100 resources per
  // request (a millisecond or two each) delayed the answers behind it, and the benchmark counted
  // that as the action's time.
  /** @type {WeakMap<object, string>} */
  const texts = new WeakMap()
  if (unchanging)
    for (const entry of first.all) texts.set(entry.resource, JSON.stringify(entry.resource))
  const indexOf = (est) => (unchanging ? first : indexEstate(est))
  /** @param {unknown} item `JSON.stringify(item)` as an array element has it */
  const textOf = (item) => {
    if (!unchanging || item === null || typeof item !== 'object')
      return JSON.stringify(item) ?? 'null'
    let text = texts.get(item)
    if (text === undefined) texts.set(item, (text = JSON.stringify(item)))
    return text
  }

  /** @param {import('./http.js').RequestContext} ctx */
  function error(ctx, status, code, message, headers = {}) {
    ctx.send(status, { error: { code, message } }, { ...armHeaders(), ...headers })
  }

  const armHeaders = () => ({
    'x-ms-request-id': randomUUID(),
    'x-ms-correlation-request-id': randomUUID()
  })

  /** @param {import('./http.js').RequestContext} ctx */
  async function handle(ctx) {
    const auth = /^Bearer\s+(.+)$/i.exec(ctx.header('authorization') ?? '')
    if (!auth) {
      return error(
        ctx,
        401,
        'AuthenticationFailed',
        "Authentication failed. The 'Authorization' header is missing.",
        {
          'www-authenticate':
            'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."'
        }
      )
    }
    if (!isValidAccessToken(auth[1])) {
      return error(ctx, 401, 'InvalidAuthenticationToken', 'The access token is invalid.', {
        'www-authenticate':
          'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The access token is invalid."'
      })
    }
    if (ctx.method !== 'GET') {
      return error(
        ctx,
        405,
        'MethodNotAllowed',
        `The emulator is read-only: ${ctx.method} is not supported.`
      )
    }

    const path = ctx.path.replace(/\/+$/, '')
    const parsed = parseArmPath(path)
    if (!parsed || parsed.unknown || (!parsed.namespace && !parsed.genericList)) {
      return error(ctx, 404, 'NotFound', `The emulator does not serve GET ${path}.`)
    }
    const est = estate()
    const action = actionFor(parsed)
    const denied = denyFor(est, path, action)
    if (denied) {
      const id = est.identity
      return error(
        ctx,
        403,
        'AuthorizationFailed',
        `The client '${id.clientId}' with object id '${id.objectId}' does not have authorization to perform action '${action}' over scope '${path}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
      )
    }
    if (
      !(est.subscriptions ?? []).some(
        (s) => s.toLowerCase() === parsed.subscriptionId.toLowerCase()
      )
    ) {
      return error(
        ctx,
        404,
        'SubscriptionNotFound',
        `The subscription '${parsed.subscriptionId}' could not be found.`
      )
    }
    if (parsed.resourceGroup !== undefined) {
      const rgId =
        `/subscriptions/${parsed.subscriptionId}/resourceGroups/${parsed.resourceGroup}`.toLowerCase()
      if (!(est.resourceGroups ?? []).some((r) => r.toLowerCase() === rgId)) {
        return error(
          ctx,
          404,
          'ResourceGroupNotFound',
          `Resource group '${parsed.resourceGroup}' could not be found.`
        )
      }
    }

    const index = indexOf(est)
    const sub = parsed.subscriptionId.toLowerCase()
    const rg = parsed.resourceGroup?.toLowerCase()
    const inScope = (meta) =>
      meta.subscriptionId === sub && (rg === undefined || meta.resourceGroup === rg)
    const visible = (entry) => !denyFor(est, entry.resource.id, action)

    if (parsed.genericList) {
      const wanted = resourceTypesInFilter(ctx.query('$filter'))
      const items = listedItems(index, est, `${path}?${wanted ?? ''}`, () =>
        index.all
          .filter(
            (e) => inScope(e.meta) && !e.meta.parentId && (!wanted || wanted.includes(e.meta.type))
          )
          .filter(visible)
          .map((e) => genericResource(e.resource))
      )
      return page(ctx, items, wanted?.length === 1 ? wanted[0] : undefined)
    }

    const rest = parsed.rest
    const notFound = (typeAndName) =>
      error(
        ctx,
        404,
        'ResourceNotFound',
        `The Resource '${typeAndName}' under resource group '${parsed.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
      )

    if (rest.length === 1) {
      // list by subscription or resource group
      const type = `${parsed.namespace}/${rest[0]}`.toLowerCase()
      const items = listedItems(index, est, path.toLowerCase(), () =>
        index.all
          .filter((e) => e.meta.type === type && inScope(e.meta))
          .filter(visible)
          .map((e) => e.resource)
      )
      return page(ctx, items, type)
    }

    if (rest.length % 2 === 1) {
      // children of a parent resource
      const parentPath = path.split('/').slice(0, -1).join('/')
      const parent = index.byId.get(parentPath.toLowerCase())
      if (!parent) return notFound(`${parsed.namespace}/${rest.slice(0, -1).join('/')}`)
      const childType = rest[rest.length - 1].toLowerCase()
      const types =
        parent.meta.type === 'microsoft.network/privatednszones' && childType === 'all'
          ? RECORD_TYPES.map((t) => `${parent.meta.type}/${t}`)
          : [`${parent.meta.type}/${childType}`]
      const items = listedItems(index, est, `${path.toLowerCase()}?${types}`, () =>
        (index.children.get(parent.meta.id) ?? [])
          .filter((e) => types.includes(e.meta.type))
          .filter(visible)
          .map((e) => e.resource)
      )
      // Children embedded in the parent (a VNet's virtualNetworkPeerings) are listed too.
      const embeddedKey = Object.keys(parent.resource.properties ?? {}).find(
        (key) => key.toLowerCase() === childType
      )
      const embedded = embeddedKey ? parent.resource.properties[embeddedKey] : undefined
      if (items.length === 0 && Array.isArray(embedded) && embedded.every((i) => i?.id)) {
        return page(ctx, embedded, types[0])
      }
      return page(ctx, items, types.length === 1 ? types[0] : undefined)
    }

    // a single resource
    const found = index.byId.get(path.toLowerCase())
    if (found) return ctx.sendJsonText(200, textOf(found.resource), armHeaders())
    if (rest.length >= 4) {
      const parent = index.byId.get(path.split('/').slice(0, -2).join('/').toLowerCase())
      const embedded = parent && findEmbedded(parent.resource, path)
      if (embedded) return ctx.sendJsonText(200, textOf(embedded), armHeaders())
    }
    return notFound(`${parsed.namespace}/${rest.join('/')}`)
  }

  /**
   * One page of a list, with an absolute nextLink that keeps the request's query and adds
   * $skipToken.
   * @param {import('./http.js').RequestContext} ctx
   * @param {unknown[]} items
   * @param {string} [type] lower-cased type of the items (picks the page size)
   */
  function page(ctx, items, type) {
    const top = Number.parseInt(ctx.query('$top') ?? '', 10)
    const max = pageSizeFor(type)
    const size = Math.max(1, top > 0 ? Math.min(top, max) : max)
    const offset = decodeSkipToken(ctx.query('$skipToken'))
    const value = items.slice(offset, offset + size)
    let nextLink
    if (offset + size < items.length) {
      const [pathname, query = ''] = ctx.rawPath.split('?')
      const kept = query.split('&').filter((p) => p && !/^(\$|%24)skiptoken=/i.test(p))
      kept.push(`$skipToken=${encodeSkipToken(offset + size)}`)
      nextLink = `${ctx.baseUrl}${pathname}?${kept.join('&')}`
    }
    // JSON.stringify({ value, nextLink }), laid out from the items' texts.
    const next = nextLink ? `,"nextLink":${JSON.stringify(nextLink)}` : ''
    ctx.sendJsonText(200, `{"value":[${value.map(textOf).join(',')}]${next}}`, armHeaders())
  }

  return { handle }
}

const encodeSkipToken = (offset) => Buffer.from(`offset:${offset}`).toString('base64url')

function decodeSkipToken(token) {
  if (!token) return 0
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'))
  return match ? Number(match[1]) : 0
}

/**
 * The RBAC action a GET needs, as ARM names it in AuthorizationFailed:
 * `<namespace>/<type path>/read`, e.g. Microsoft.Network/privateDnsZones/A/read.
 */
export function actionFor(parsed) {
  if (parsed.genericList) {
    return parsed.resourceGroup === undefined
      ? 'Microsoft.Resources/subscriptions/resources/read'
      : 'Microsoft.Resources/subscriptions/resourceGroups/resources/read'
  }
  if (!parsed.namespace) return 'Microsoft.Resources/subscriptions/read'
  const types = parsed.rest.filter((_, i) => i % 2 === 0)
  return `${parsed.namespace}/${types.join('/')}/read`
}

/**
 * The deny rule that stops this request: its scope is the requested path or an ancestor of it,
 * and it names this action (or none).
 * @param {import('./estate.js').Estate} estate
 * @param {string} path
 * @param {string} action
 */
function denyFor(estate, path, action) {
  const target = path.toLowerCase()
  return (estate.deny ?? []).find((rule) => {
    const scope = rule.scope.replace(/\/+$/, '').toLowerCase()
    const under = target === scope || target.startsWith(`${scope}/`)
    return under && (!rule.action || rule.action.toLowerCase() === action.toLowerCase())
  })
}

/** `resourceType eq 'A' or resourceType eq 'B'` → ['a', 'b']; undefined when there is no such filter. */
function resourceTypesInFilter(filter) {
  if (!filter) return undefined
  const types = [...filter.matchAll(/resourceType\s+eq\s+'([^']+)'/gi)].map((m) =>
    m[1].toLowerCase()
  )
  return types.length ? types : undefined
}

/** A resource as the generic /resources list shows it. */
function genericResource(resource) {
  /** @type {Record<string, unknown>} */
  const out = {}
  for (const key of ['id', 'name', 'type', 'location', 'tags']) {
    if (resource[key] !== undefined) out[key] = resource[key]
  }
  return out
}

/** An item with this ID in one of the parent's properties arrays (subnets, ipConfigurations, ...). */
function findEmbedded(parent, path) {
  const wanted = path.toLowerCase()
  for (const value of Object.values(parent.properties ?? {})) {
    if (!Array.isArray(value)) continue
    const hit = value.find(
      (item) => typeof item?.id === 'string' && item.id.toLowerCase() === wanted
    )
    if (hit) return hit
  }
  return undefined
}
