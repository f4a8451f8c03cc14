// The GitHub REST API, under /_github/api (GITHUB_API_URL). Only what the pull request comment
// feature needs: issue comments, listed with Link-header paging, created and updated.
//   GET   /_github/api/repos/{owner}/{repo}/issues/{n}/comments?per_page=&page=
//   POST  /_github/api/repos/{owner}/{repo}/issues/{n}/comments      { body }
//   PATCH /_github/api/repos/{owner}/{repo}/issues/comments/{id}     { body }
//   GET   /_github/api/repos/{owner}/{repo}/issues/comments/{id}
//   DELETE /_github/api/repos/{owner}/{repo}/issues/comments/{id}
// Add more GitHub endpoints to `routes` below.
import { readBody } from './http.js'

export const GITHUB_API_PATH = '/_github/api'

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
  let nextId = 1000
  const api = () => `${baseUrl()}${GITHUB_API_PATH}`
  const key = (owner, repo, issue) => `${owner}/${repo}#${issue}`.toLowerCase()

  /** @param {import('./http.js').RequestContext} ctx */
  function authorized(ctx) {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(ctx.header('authorization') ?? '')
    if (m && (!token || m[1] === token)) return true
    ctx.send(401, {
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    })
    return false
  }

  function makeComment(owner, repo, issue, body) {
    const id = nextId++
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    return {
      url: `${api()}/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${api()}/repos/${owner}/${repo}/issues/${issue}`,
      id,
      node_id: Buffer.from(`IC_${id}`).toString('base64'),
      user: BOT,
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
    if (!authorized(ctx)) return
    const { owner, repo, issue } = ctx.params
    const input = await jsonBody(ctx)
    if (!input || typeof input.body !== 'string') {
      return ctx.send(422, {
        message: 'Invalid request.\n\n"body" wasn\'t supplied.',
        status: '422'
      })
    }
    const comment = makeComment(owner, repo, issue, input.body)
    const k = key(owner, repo, issue)
    threads.set(k, [...(threads.get(k) ?? []), comment])
    ctx.send(201, comment, { location: comment.url })
  }

  /** @param {import('./http.js').RequestContext} ctx */
  async function updateComment(ctx) {
    if (!authorized(ctx)) return
    const found = findComment(ctx.params.owner, ctx.params.repo, Number(ctx.params.id))
    if (!found) return notFound(ctx)
    const input = await jsonBody(ctx)
    if (!input || typeof input.body !== 'string') {
      return ctx.send(422, {
        message: 'Invalid request.\n\n"body" wasn\'t supplied.',
        status: '422'
      })
    }
    found.comment.body = input.body
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
    if (!authorized(ctx)) return
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
    /** Puts a comment there as if someone had written it before the run. */
    seedComment: (owner, repo, issue, body, user = BOT) => {
      const comment = { ...makeComment(owner, repo, issue, body), user }
      const k = key(owner, repo, issue)
      threads.set(k, [...(threads.get(k) ?? []), comment])
      return comment
    }
  }
}
