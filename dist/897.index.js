export const id = 897;
export const ids = [897];
export const modules = {

/***/ 5897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeStickyComment: () => (/* binding */ writeStickyComment)
/* harmony export */ });
/* unused harmony exports WORKFLOW_TOKEN_LOGIN, whoAmI, sameAuthor */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2925);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5357);
/* harmony import */ var _group_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3351);
/**
 * `report: comment`, the GitHub side: one sticky comment on the pull request, created on the
 * first run and updated in place on later ones. This module only talks to GitHub; it is handed
 * the marker to look for and the body to write (comment.ts renders it).
 *
 * The comment is found by its hidden marker, and only a comment written by this token's own
 * identity is ever updated: anyone can paste the marker into a comment, and a token with write
 * access could edit theirs. When concurrent runs each created one, the oldest is kept and this
 * identity's other marked comments are deleted (never anyone else's). A comment that cannot be
 * written (not a pull request event, a fork's read-only token) never fails the step: the job
 * summary still has everything.
 */



/** The login GitHub shows for comments written with a workflow's GITHUB_TOKEN. */
const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]';
/**
 * Who writes the comments. GET /user answers for a person's token (a PAT). An installation token
 * (the workflow's GITHUB_TOKEN, or a GitHub App's from actions/create-github-app-token) gets
 * 401/403/404 there, but GraphQL's `viewer` names its bot: `github-actions[bot]`, `my-app[bot]`.
 * Only when that fails too is it assumed to be the workflow token's `github-actions[bot]`.
 */
async function whoAmI(octokit, sink = _logger_js__WEBPACK_IMPORTED_MODULE_1__/* .logger */ .vF) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return { login: data.login, id: data.id ?? null, bot: data.type === 'Bot' };
    }
    catch (error) {
        const status = error.status;
        if (status !== 401 && status !== 403 && status !== 404)
            throw error;
    }
    try {
        const { viewer } = await octokit.graphql('query { viewer { login databaseId } }');
        if (viewer?.login) {
            // Only an installation token gets here, and its comments are a bot's.
            return { login: viewer.login, id: viewer.databaseId ?? null, bot: true };
        }
        throw new Error('GraphQL viewer has no login');
    }
    catch (error) {
        const status = error.status;
        sink.info(`The token's identity is unknown (GET /user refused it; GraphQL viewer: ${status ? `HTTP ${status}: ` : ''}${firstLine(error)}): assuming the workflow token's ${WORKFLOW_TOKEN_LOGIN}.`);
        return { login: WORKFLOW_TOKEN_LOGIN, id: null, bot: true };
    }
}
/** `my-app[bot]` in REST is `my-app` in some GraphQL answers: the same bot. */
function botName(login) {
    return login.toLowerCase().replace(/\[bot\]$/, '');
}
/**
 * Whether this identity wrote the comment: the same user ID (where both are known) or the same
 * login. Either names one account (logins are unique, and `[bot]` ones are only apps'), so a
 * login that GraphQL spells without `[bot]`, or a renamed account, still matches. A bot's comment
 * must be a bot's: no person's `my-app` passes for the app `my-app[bot]`.
 */
function sameAuthor(comment, me) {
    const user = comment.user;
    if (!user)
        return false;
    if (me.bot && user.type !== 'Bot')
        return false;
    if (me.id !== null && typeof user.id === 'number' && user.id === me.id)
        return true;
    if (!user.login)
        return false;
    return me.bot
        ? botName(user.login) === botName(me.login)
        : user.login.toLowerCase() === me.login.toLowerCase();
}
/** Oldest first: by creation time, then by ID (IDs only grow). */
function oldestFirst(a, b) {
    const time = (c) => (c.created_at ? Date.parse(c.created_at) : NaN);
    const [ta, tb] = [time(a), time(b)];
    return !Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb ? ta - tb : a.id - b.id;
}
function runUrl(env) {
    const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT } = env;
    if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID)
        return null;
    const server = (GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const attempt = GITHUB_RUN_ATTEMPT && GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${GITHUB_RUN_ATTEMPT}` : '';
    return `${server}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${attempt}`;
}
function repoOf(payload, env) {
    const full = payload.repository?.full_name ?? env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = full.split('/');
    return owner && repo ? { owner, repo } : null;
}
/**
 * Deletes this identity's other comments with this job's marker (the caller passes only those).
 * One that is gone already (a concurrent run deleted it: 404) counts as removed; any other
 * failure is logged and left for the next run.
 */
async function removeDuplicates(octokit, repo, duplicates, sink) {
    let removed = 0;
    for (const duplicate of duplicates) {
        try {
            await octokit.rest.issues.deleteComment({ ...repo, comment_id: duplicate.id });
            removed++;
        }
        catch (error) {
            const status = error.status;
            if (status === 404) {
                removed++;
                continue;
            }
            sink.info(`Could not delete the duplicate pull request comment #${duplicate.id} (${status ? `HTTP ${status}: ` : ''}${firstLine(error)}); the next run tries again.`);
        }
    }
    if (removed > 0) {
        sink.info(`Deleted ${(0,_group_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(removed, 'duplicate comment')} of this job (written by concurrent runs).`);
    }
    return removed;
}
/**
 * Creates or updates this job's comment. Never throws: a comment that cannot be written is a
 * notice (not a pull request, a fork) or a warning (anything else), and the step goes on.
 */
async function writeStickyComment(options) {
    const sink = options.sink ?? _logger_js__WEBPACK_IMPORTED_MODULE_1__/* .logger */ .vF;
    const env = options.env ?? process.env;
    const context = options.context ?? _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._;
    const skip = (reason, level = 'notice') => {
        const where = options.summaryWritten === false ? 'The JSON report (output report-path)' : 'The job summary';
        sink[level](`${reason} ${where} has the full report.`);
        return { action: 'skipped', reason };
    };
    if (context.eventName !== 'pull_request' && context.eventName !== 'pull_request_target') {
        return skip(`report: comment skipped: the '${context.eventName || 'unknown'}' event has no pull request to comment on (only pull_request and pull_request_target do).`);
    }
    const number = context.payload.pull_request?.number;
    const repo = repoOf(context.payload, env);
    if (typeof number !== 'number' || !repo) {
        return skip('report: comment skipped: the event payload names no pull request.');
    }
    // GitHub hands a read-only token to pull requests from forks (a deleted fork leaves the head
    // repository null) and to those Dependabot triggers: no permissions block changes that.
    const headRepo = context.payload.pull_request?.head?.repo;
    const head = headRepo?.full_name;
    const dependabot = (env.GITHUB_ACTOR ?? '').toLowerCase() === 'dependabot[bot]';
    const fork = headRepo === null ||
        (head !== undefined && head.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase());
    const readOnly = fork || dependabot;
    try {
        const octokit = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q(options.token, {
            baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
            // A GitHub API that hangs must not hold the step: one minute for all the comment's calls.
            request: { signal: AbortSignal.timeout(60_000) }
        });
        const me = await whoAmI(octokit, sink);
        const comments = (await octokit.paginate(octokit.rest.issues.listComments, {
            ...repo,
            issue_number: number,
            per_page: 100
        }));
        const marker = options.marker;
        const marked = comments.filter((c) => c.body?.includes(marker));
        // Two runs at once can each create a comment: the oldest stays, the other ones of ours go.
        const [mine, ...duplicates] = marked.filter((c) => sameAuthor(c, me)).sort(oldestFirst);
        const foreign = marked.filter((c) => !sameAuthor(c, me));
        if (foreign.length > 0) {
            sink.info(`Left ${(0,_group_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(foreign.length, 'comment')} that carr${foreign.length === 1 ? 'ies' : 'y'} this job's marker but ${foreign.length === 1 ? 'was' : 'were'} not written by ${me.login} untouched.`);
        }
        const body = options.body({
            existing: mine?.body ?? null,
            sha: context.payload.pull_request?.head?.sha ?? env.GITHUB_SHA ?? null,
            runUrl: runUrl(env)
        });
        if (mine) {
            const { data } = await octokit.rest.issues.updateComment({
                ...repo,
                comment_id: mine.id,
                body
            });
            sink.info(`Updated the pull request comment ${data.html_url ?? `#${mine.id}`}`);
            const removed = await removeDuplicates(octokit, repo, duplicates, sink);
            return { action: 'updated', id: data.id, url: data.html_url ?? null, removed };
        }
        const { data } = await octokit.rest.issues.createComment({
            ...repo,
            issue_number: number,
            body
        });
        sink.info(`Created the pull request comment ${data.html_url ?? `#${data.id}`}`);
        return { action: 'created', id: data.id, url: data.html_url ?? null };
    }
    catch (error) {
        const status = error.status;
        const message = firstLine(error);
        if (status === 403 || status === 404) {
            return readOnly
                ? skip(`report: comment skipped: the token may not write to this pull request (HTTP ${status}: ${message}); ${fork ? 'a pull request from a fork' : 'a run triggered by Dependabot'} gets a read-only token.`)
                : skip(`report: comment skipped: the token may not write pull request comments (HTTP ${status}: ${message}). Give the job 'permissions: pull-requests: write'.`, 'warning');
        }
        return skip(`report: comment failed: ${status ? `HTTP ${status}: ` : ''}${message}.`, 'warning');
    }
}
function firstLine(error) {
    const text = error instanceof Error ? error.message : String(error);
    return (text.split('\n')[0] ?? '').replace(/\s*-\s*https:\/\/docs\.github\.com\S*$/, '').trim();
}


/***/ })

};

//# sourceMappingURL=897.index.js.map