// The GitHub REST API, under /_github/api (GITHUB_API_URL). Only what the pull request comment
// feature needs: issue comments, listed with Link-header paging, created and updated.
//   GET   /_github/api/repos/{owner}/{repo}/issues/{n}/comments?per_page=&page=
//   POST  /_github/api/repos/{owner}/{repo}/issues/{n}/comments      { body }
//   PATCH /_github/api/repos/{owner}/{repo}/issues/comments/{id}     { body }
//   GET   /_github/api/repos/{owner}/{repo}/issues/comments/{id}
//   DELETE /_github/api/repos/{owner}/{repo}/issues/comments/{id}
//   GET   /_github/api/user
//   POST  /_github/api/graphql                                      { query: '{ viewer { … } }' }
// Who a token is: by default any token is a workflow token (GITHUB_TOKEN) whose comments are
// authored by github-actions[bot] and which, like a real installation token, gets 403 from
// GET /user but whose GraphQL `viewer` is github-actions[bot]. `identify(token, { login, type,
// app, write, graphql })` makes a token a person's (a PAT: GET /user answers with it) or another
// app's (`app: true`, e.g. login 'my-app[bot]': 403 from GET /user, GraphQL viewer answers), and
// `write: false` makes it read-only, as a fork pull request's token is (403 "Resource not
// accessible by integration" on every write); `graphql: false` makes POST /graphql fail (502)
// for that token. Like GitHub for a token with write access, the API lets a token edit anyone's
// comment: not touching others' comments is the caller's job, and `updatedBy` on a comment
// records who edited it. Like GitHub, a comment body over 65,536 characters is a 422.
// Only `viewer` with its scalar fields is answered in GraphQL; other queries get GraphQL errors.
// Add more GitHub endpoints to `routes` below.
import { readBody } from './http.js'

export const GITHUB_API_PATH = '/_github/api'

/** GitHub rejects an issue comment body longer than this (422). */
export const MAX_BODY_CHARS = 65_536

const BOT = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  type: 'Bot',
  site_admin: false
}

/**
 * @param {{ baseUrl: () => string, token?: string }} options `token`: the only token accepted
 *   (default: any non-empty token)
 */
export function createGitHub({ baseUrl, token }) {
  /** @type {Map<string, any[]>} 'owner/repo#n' → comments, oldest first */
  const threads = new Map()
  /** @type {Map<string, { user: any, app: boolean, write: boolean, graphql?: boolean }>} token → identity */
  const identities = new Map()
  let nextId = 1000
  let nextUserId = 5000
  const api = () => `${baseUrl()}${GITHUB_API_PATH}`
  const key = (owner, repo, issue) => `${owner}/${repo}#${issue}`.toLowerCase()

  /**
   * The identity of the request's token, or undefined after answering 401.
   * @param {import('./http.js').RequestContext} ctx
   */
  function authorized(ctx) {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(ctx.header('authorization') ?? '')
    if (m && (!token || m[1] === token || identities.has(m[1]))) {
      return identities.get(m[1]) ?? { user: BOT, app: true, write: true }
    }
    ctx.send(401, {
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    })
    return undefined
  }

  /** 403 as GitHub answers an installation token that lacks a permission. */
  const notAccessible = (ctx, docs) =>
    ctx.send(403, {
      message: 'Resource not accessible by integration',
      documentation_url: `https://docs.github.com/rest/${docs}`,
      status: '403'
    })

  /** @param {import('./http.js').RequestContext} ctx */
  function getUser(ctx) {
    const who = authorized(ctx)
    if (!who) return
    if (who.app) return notAccessible(ctx, 'users/users#get-the-authenticated-user')
    ctx.send(200, who.user)
  }

  /**
   * POST /graphql: `viewer` (login, databaseId, id, name, __typename) of the token's identity,
   * as GitHub answers it for a PAT and for an installation token alike.
   * @param {import('./http.js').RequestContext} ctx
   */
  async function graphql(ctx) {
    const who = authorized(ctx)
    if (!who) return
    if (who.graphql === false) {
      return ctx.send(502, { message: 'Server Error', status: '502' })
    }
    const input = await jsonBody(ctx)
    const query = typeof input?.query === 'string' ? input.query : ''
    const m = /^\s*(?:query\s*(?:\w+\s*)?)?\{\s*viewer\s*\{([^{}]*)\}\s*\}\s*$/.exec(query)
    if (!m) {
      return ctx.send(200, {
        errors: [{ message: 'The emulator answers only `query { viewer { <fields> } }`.' }]
      })
    }
    const values = {
      login: who.user.login,
      databaseId: who.user.id,
      id: who.user.node_id ?? Buffer.from(`U_${who.user.id}`).toString('base64'),
      name: who.user.name ?? null,
      __typename: 'User'
    }
    const fields = (m[1] ?? '').split(/[\s,]+/).filter(Boolean)
    const unknown = fields.filter((f) => !(f in values))
    if (unknown.length > 0) {
      return ctx.send(200, {
        errors: unknown.map((f) => ({
          path: ['query', 'viewer', f],
          extensions: { code: 'undefinedField', typeName: 'User', fieldName: f },
          message: `Field '${f}' doesn't exist on type 'User'`
        }))
      })
    }
    ctx.send(200, { data: { viewer: Object.fromEntries(fields.map((f) => [f, values[f]])) } })
  }

  function makeComment(owner, repo, issue, body, user = BOT) {
    const id = nextId++
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    return {
      url: `${api()}/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${api()}/repos/${owner}/${repo}/issues/${issue}`,
      id,
      node_id: Buffer.from(`IC_${id}`).toString('base64'),
      user,
      created_at: now,
      updated_at: now,
      author_association: 'NONE',
      body
    }
  }

  function findComment(owner, repo, id) {
    const prefix = `${owner}/${repo}#`.toLowerCase()
    for (const [k, list] of threads) {
      if (!k.startsWith(prefix)) continue
      const hit = list.find((c) => c.id === id)
      if (hit) return { list, comment: hit }
    }
    return undefined
  }

  const notFound = (ctx) =>
    ctx.send(404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404'
    })

  async function jsonBody(ctx) {
    try {
      return JSON.parse(await readBody(ctx.req))
    } catch {
      return undefined
    }
  }

  /**
   * Answers 422 for a missing body or, as GitHub does, one over 65,536 characters (counted in
   * code points). Returns whether it did.
   */
  function rejectedBody(ctx, input) {
    if (!input || typeof input.body !== 'string') {
      ctx.send(422, {
        message: 'Invalid request.\n\n"body" wasn\'t supplied.',
        status: '422'
      })
      return true
    }
    if ([...input.body].length > MAX_BODY_CHARS) {
      ctx.send(422, {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'unprocessable',
            field: 'data',
            message: `Body is too long (maximum is ${MAX_BODY_CHARS} characters)`
          }
        ],
        documentation_url: 'https://docs.github.com/rest/issues/comments',
        status: '422'
      })
      return true
    }
    return false
  }

  /** @param {import('./http.js').RequestContext} ctx */
  function listComments(ctx) {
    if (!authorized(ctx)) return
    const { owner, repo, issue } = ctx.params
    const all = threads.get(key(owner, repo, issue)) ?? []
    const perPage = Math.min(100, Math.max(1, Number(ctx.query('per_page')) || 30))
    const pageNo = Math.max(1, Number(ctx.query('page')) || 1)
    const lastPage = Math.max(1, Math.ceil(all.length / perPage))
    const link = (p, rel) => {
      const u = new URL(ctx.url.href)
      u.searchParams.set('per_page', String(perPage))
      u.searchParams.set('page', String(p))
      return `<${u.href}>; rel="${rel}"`
    }
    const links = []
    if (pageNo > 1) links.push(link(pageNo - 1, 'prev'))
    if (pageNo < lastPage) links.push(link(pageNo + 1, 'next'), link(lastPage, 'last'))
    if (pageNo > 1) links.push(link(1, 'first'))
    ctx.send(
      200,
      all.slice((pageNo - 1) * perPage, pageNo * perPage),
      links.length ? { link: links.join(', ') } : {}
    )
  }

  /** @param {import('./http.js').RequestContext} ctx */
  async function createComment(ctx) {
    const who = authorized(ctx)
    if (!who) return
    if (!who.write) return notAccessible(ctx, 'issues/comments#create-an-issue-comment')
    const { owner, repo, issue } = ctx.params
    const input = await jsonBody(ctx)
    if (rejectedBody(ctx, input)) return
    const comment = makeComment(owner, repo, issue, input.body, who.user)
    const k = key(owner, repo, issue)
    threads.set(k, [...(threads.get(k) ?? []), comment])
    ctx.send(201, comment, { location: comment.url })
  }

  /** @param {import('./http.js').RequestContext} ctx */
  async function updateComment(ctx) {
    const who = authorized(ctx)
    if (!who) return
    if (!who.write) return notAccessible(ctx, 'issues/comments#update-an-issue-comment')
    const found = findComment(ctx.params.owner, ctx.params.repo, Number(ctx.params.id))
    if (!found) return notFound(ctx)
    const input = await jsonBody(ctx)
    if (rejectedBody(ctx, input)) return
    found.comment.body = input.body
    found.comment.updatedBy = who.user.login
    found.comment.updated_at = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    ctx.send(200, found.comment)
  }

  /** @param {import('./http.js').RequestContext} ctx */
  function getComment(ctx) {
    if (!authorized(ctx)) return
    const found = findComment(ctx.params.owner, ctx.params.repo, Number(ctx.params.id))
    return found ? ctx.send(200, found.comment) : notFound(ctx)
  }

  /** @param {import('./http.js').RequestContext} ctx */
  function deleteComment(ctx) {
    const who = authorized(ctx)
    if (!who) return
    if (!who.write) return notAccessible(ctx, 'issues/comments#delete-an-issue-comment')
    const found = findComment(ctx.params.owner, ctx.params.repo, Number(ctx.params.id))
    if (!found) return notFound(ctx)
    found.list.splice(found.list.indexOf(found.comment), 1)
    ctx.sendText(204, '')
  }

  const repoPath = `^${GITHUB_API_PATH}/repos/(?<owner>[^/]+)/(?<repo>[^/]+)`
  /** @type {import('./server.js').Route[]} */
  const routes = [
    {
      kind: 'github',
      method: 'GET',
      pattern: new RegExp(`^${GITHUB_API_PATH}/user$`),
      handler: getUser
    },
    {
      kind: 'github',
      method: 'POST',
      pattern: new RegExp(`^${GITHUB_API_PATH}/graphql$`),
      handler: graphql
    },
    {
      kind: 'github',
      method: 'GET',
      pattern: new RegExp(`${repoPath}/issues/(?<issue>\\d+)/comments$`),
      handler: listComments
    },
    {
      kind: 'github',
      method: 'POST',
      pattern: new RegExp(`${repoPath}/issues/(?<issue>\\d+)/comments$`),
      handler: createComment
    },
    {
      kind: 'github',
      method: 'GET',
      pattern: new RegExp(`${repoPath}/issues/comments/(?<id>\\d+)$`),
      handler: getComment
    },
    {
      kind: 'github',
      method: 'PATCH',
      pattern: new RegExp(`${repoPath}/issues/comments/(?<id>\\d+)$`),
      handler: updateComment
    },
    {
      kind: 'github',
      method: 'DELETE',
      pattern: new RegExp(`${repoPath}/issues/comments/(?<id>\\d+)$`),
      handler: deleteComment
    }
  ]

  return {
    routes,
    /** The comments of an issue or pull request, oldest first (live array). */
    comments: (owner, repo, issue) => threads.get(key(owner, repo, issue)) ?? [],
    /**
     * Puts a comment there as if someone had written it before the run.
     * @param {string} owner
     * @param {string} repo
     * @param {number} issue
     * @param {string} body
     * @param {{ login: string, id: number, type: string }} [user] default github-actions[bot]
     */
    seedComment: (owner, repo, issue, body, user = BOT) => {
      const comment = makeComment(owner, repo, issue, body, user)
      const k = key(owner, repo, issue)
      threads.set(k, [...(threads.get(k) ?? []), comment])
      return comment
    },
    /**
     * Says who a token is. `app: true` (default false): an installation token, which gets 403
     * from GET /user (GraphQL `viewer` still answers); `write: false`: a read-only token (fork
     * pull requests); `graphql: false`: POST /graphql fails for it.
     * @param {string} tokenValue
     * @param {{ login?: string, type?: string, app?: boolean, write?: boolean, graphql?: boolean }} [who]
     */
    identify: (
      tokenValue,
      { login = 'github-actions[bot]', type, app = false, write = true, graphql = true } = {}
    ) => {
      const user =
        login === BOT.login
          ? BOT
          : { login, id: nextUserId++, type: type ?? (app ? 'Bot' : 'User'), site_admin: false }
      identities.set(tokenValue, { user, app: app || login === BOT.login, write, graphql })
      return user
    },
    /** A user object to pass to seedComment. */
    user: (login, type = 'User') => ({ login, id: nextUserId++, type, site_admin: false })
  }
}
