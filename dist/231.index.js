export const id = 231;
export const ids = [231];
export const modules = {

/***/ 4231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   postComment: () => (/* binding */ postComment)
/* harmony export */ });
/* unused harmony exports COMMENT_MAX_CHARS, WORKFLOW_TOKEN_LOGIN, commentMarker, previousResult, renderComment, whoAmI, sameAuthor */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4116);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2413);
/* harmony import */ var _evaluate_catalog_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(384);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8850);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4285);
/* harmony import */ var _group_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6349);
/* harmony import */ var _mermaid_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9409);
/**
 * `report: comment`: one sticky comment on the pull request, created on the first run and updated
 * in place on later ones. It is found by a hidden marker that carries `comment-key`, and only a
 * comment written by this token's own identity is ever updated: anyone can paste the marker into
 * a comment, and a token with write access could edit theirs. When concurrent runs each created
 * one, the oldest is kept and this identity's other marked comments are deleted (never anyone
 * else's). A comment that cannot be written (not a pull request event, a fork's read-only token)
 * never fails the step: the job summary still has everything.
 */







/** GitHub rejects an issue comment body over 65,536 characters. */
const COMMENT_MAX_CHARS = 65_536;
/** The login GitHub shows for comments written with a workflow's GITHUB_TOKEN. */
const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]';
const TOOL = 'kv-private-link-doctor';
const HEADLINE = {
    fail: 'Key Vault private link check failed',
    warn: 'Key Vault private link check passed with warnings',
    pass: 'Key Vault private link check passed'
};
/**
 * The hidden marker that names this job's comment. The key is percent-encoded (and so is `-`),
 * so no key can end the HTML comment early or make one marker a prefix of another.
 */
function commentMarker(key) {
    const encoded = encodeURIComponent(key).replace(/[-!'()*~.]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `<!-- ${TOOL} comment-key=${encoded} -->`;
}
function resultMarker(result) {
    return `<!-- ${TOOL} result=${result} -->`;
}
/** The result an earlier version of the comment recorded, if any. */
function previousResult(body) {
    const m = new RegExp(`<!-- ${TOOL} result=(pass|warn|fail) -->`).exec(body);
    return m?.[1] ?? null;
}
function title(finding) {
    return _evaluate_catalog_js__WEBPACK_IMPORTED_MODULE_2__/* .RULES */ .y0[finding.rule]?.title ?? finding.rule;
}
function vaultLabel(name) {
    return name === null ? 'not tied to one vault' : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .inlineCode */ .ti)(name);
}
function headline(report, options) {
    const parts = [`### ${_group_js__WEBPACK_IMPORTED_MODULE_4__/* .RESULT_ICON */ .kF[report.result]} ${HEADLINE[report.result]}`];
    const before = options.previous;
    if (before && before !== report.result) {
        parts.push(report.result === 'pass'
            ? `**Fixed:** the previous run ${before === 'fail' ? 'failed' : 'had warnings'}; every check passes now.`
            : `**Changed:** the previous run was ${_group_js__WEBPACK_IMPORTED_MODULE_4__/* .RESULT_ICON */ .kF[before]} ${before}; now ${_group_js__WEBPACK_IMPORTED_MODULE_4__/* .RESULT_ICON */ .kF[report.result]} ${report.result}.`);
    }
    const count = (result) => report.vaults.filter((v) => v.result === result).length;
    parts.push(`**${(0,_group_js__WEBPACK_IMPORTED_MODULE_4__/* .countsText */ .WN)(report.counts)}** · ${(0,_group_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(report.vaults.length, 'vault')} checked ` +
        `(${count('fail')} failed, ${count('warn')} with warnings, ${count('pass')} passed)`);
    return parts.join('\n\n');
}
function footer(options) {
    const where = options.summaryWritten === false ? 'workflow run' : 'job summary';
    const summary = options.summaryUrl
        ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .link */ .nf)(`Full report in the ${where}`, options.summaryUrl)
        : `Full report in the ${where} of this workflow run`;
    const sha = options.sha ? ` · commit ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .inlineCode */ .ti)(options.sha.slice(0, 12))}` : '';
    return `<sub>${summary} · comment-key ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .inlineCode */ .ti)(options.key)}${sha}</sub>`;
}
function fullProblem(finding) {
    const parts = [
        `##### ${_group_js__WEBPACK_IMPORTED_MODULE_4__/* .SEVERITY_ICON */ ._9[finding.severity]} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(finding.rule)}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(title(finding))}`,
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(finding.message)
    ];
    const facts = [];
    if (finding.observed)
        facts.push(`- **Observed:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .inlineCode */ .ti)(finding.observed)}`);
    if (finding.expected)
        facts.push(`- **Expected:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .inlineCode */ .ti)(finding.expected)}`);
    if (finding.resource)
        facts.push(`- **Resource:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .inlineCode */ .ti)(finding.resource)}`);
    if (facts.length > 0)
        parts.push(facts.join('\n'));
    if (finding.fix)
        parts.push('**Fix:**', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .codeBlock */ .DV)(finding.fix, 'sh'));
    if (finding.docs)
        parts.push(`📖 ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .link */ .nf)('Troubleshooting guide', finding.docs)}`);
    return parts.join('\n\n');
}
function passList(findings) {
    return findings
        .map((f) => `- ${_group_js__WEBPACK_IMPORTED_MODULE_4__/* .SEVERITY_ICON */ ._9.pass} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .inlineCode */ .ti)(f.rule)} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(f.message)}`)
        .join('\n');
}
function folded(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** Level 1 and 2: every vault in full, with its diagram; passes only at level 1. */
function detailedSection(section, options, withPasses) {
    const diagram = section.name === null ? undefined : options.diagrams?.get(section.name.toLowerCase());
    const problems = section.findings.filter((f) => f.severity !== 'pass');
    const passed = section.findings.filter((f) => f.severity === 'pass');
    const heading = `${_group_js__WEBPACK_IMPORTED_MODULE_4__/* .RESULT_ICON */ .kF[section.result]} Vault ${vaultLabel(section.name)}: ${(0,_group_js__WEBPACK_IMPORTED_MODULE_4__/* .countsText */ .WN)((0,_report_js__WEBPACK_IMPORTED_MODULE_3__/* .countsOf */ .mQ)(section.findings))}`;
    if (problems.length === 0) {
        const inner = [diagram ? (0,_mermaid_js__WEBPACK_IMPORTED_MODULE_5__/* .mermaidBlock */ .tW)(diagram) : '', withPasses ? passList(passed) : '']
            .filter(Boolean)
            .join('\n\n');
        return inner ? folded(heading, inner) : heading;
    }
    const parts = [`#### ${heading}`];
    if (diagram)
        parts.push((0,_mermaid_js__WEBPACK_IMPORTED_MODULE_5__/* .mermaidBlock */ .tW)(diagram));
    parts.push(...problems.map(fullProblem));
    if (withPasses && passed.length > 0) {
        parts.push(folded(`${_group_js__WEBPACK_IMPORTED_MODULE_4__/* .SEVERITY_ICON */ ._9.pass} ${(0,_group_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(passed.length, 'check')} passed`, passList(passed)));
    }
    return parts.join('\n\n');
}
/** Level 3: errors only, each with its fix; no diagrams, no warnings' detail. */
function compactError(finding) {
    const message = finding.message.length > 400 ? `${finding.message.slice(0, 399)}…` : finding.message;
    const parts = [
        `- ${_group_js__WEBPACK_IMPORTED_MODULE_4__/* .SEVERITY_ICON */ ._9.error} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .inlineCode */ .ti)(finding.rule)} on ${vaultLabel(finding.vault)}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(message)}`
    ];
    if (finding.fix)
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .codeBlock */ .DV)(finding.fix, 'sh').replace(/^/gm, '  '));
    return parts.join('\n\n');
}
/** Level 4: errors only, rule, vault and fix, nothing else. */
function minimalError(finding) {
    const fix = finding.fix ? `\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .codeBlock */ .DV)(finding.fix, 'sh').replace(/^/gm, '  ')}` : '';
    return `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .inlineCode */ .ti)(finding.rule)} on ${vaultLabel(finding.vault)}${fix}`;
}
/**
 * The comment's Markdown, at most `maxChars` long. When it would not fit: passes go first, then
 * the per-vault detail (diagrams, warnings, observed/expected); every error keeps its fix, and the
 * link to the full job summary is always there.
 */
function renderComment(report, options, maxChars = COMMENT_MAX_CHARS) {
    const top = [commentMarker(options.key), resultMarker(report.result), headline(report, options)];
    const bottom = footer(options);
    const sections = (0,_group_js__WEBPACK_IMPORTED_MODULE_4__/* .vaultSections */ .Jv)(report);
    const errors = sections.flatMap((s) => s.findings.filter((f) => f.severity === 'error'));
    const others = report.counts.warning + report.counts.info;
    const note = (text) => `> [!NOTE]\n> ${text}`;
    const assemble = (middle) => [...top, ...middle, bottom].join('\n\n') + '\n';
    const levels = [
        () => sections.map((s) => detailedSection(s, options, true)),
        () => [
            note('Passed checks are left out so the comment fits GitHub’s size limit.'),
            ...sections.map((s) => detailedSection(s, options, false))
        ],
        () => [
            note(`Only errors are shown, so the comment fits GitHub’s size limit` +
                (others > 0
                    ? `; ${(0,_group_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(report.counts.warning, 'warning')} and ${(0,_group_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(report.counts.info, 'info finding')} are in the job summary.`
                    : '.')),
            ...errors.map(compactError)
        ],
        () => [
            note('Only errors and their fixes are shown, so the comment fits GitHub’s size limit.'),
            ...errors.map(minimalError)
        ]
    ];
    for (const level of levels) {
        const body = assemble(level());
        if (body.length <= maxChars)
            return body;
    }
    // Even rule, vault and fix per error is too much: as many as fit, and say how many did not.
    const kept = [];
    const room = maxChars - assemble([]).length - 400;
    let used = 0;
    for (const error of errors) {
        const item = minimalError(error);
        if (used + item.length + 2 > room)
            break;
        kept.push(item);
        used += item.length + 2;
    }
    return assemble([
        note(`${(0,_group_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(errors.length - kept.length, 'more error')} did not fit in a comment: the job summary and the JSON report list every one with its fix.`),
        ...kept
    ]);
}
/**
 * Who writes the comments. GET /user answers for a person's token (a PAT). An installation token
 * (the workflow's GITHUB_TOKEN, or a GitHub App's from actions/create-github-app-token) gets
 * 401/403/404 there, but GraphQL's `viewer` names its bot: `github-actions[bot]`, `my-app[bot]`.
 * Only when that fails too is it assumed to be the workflow token's `github-actions[bot]`.
 */
async function whoAmI(octokit, sink = _actions_core__WEBPACK_IMPORTED_MODULE_0__) {
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
function summaryUrl(env) {
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
        sink.info(`Deleted ${(0,_group_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(removed, 'duplicate comment')} of this job (written by concurrent runs).`);
    }
    return removed;
}
/**
 * Creates or updates this job's comment. Never throws: a comment that cannot be written is a
 * notice (not a pull request, a fork) or a warning (anything else), and the step goes on.
 */
async function postComment(report, options) {
    const sink = options.sink ?? _actions_core__WEBPACK_IMPORTED_MODULE_0__;
    const env = options.env ?? process.env;
    const context = options.context ?? _actions_github__WEBPACK_IMPORTED_MODULE_1__/* .context */ ._;
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
        const octokit = _actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q(options.token, {
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
        const marker = commentMarker(options.key);
        const marked = comments.filter((c) => c.body?.includes(marker));
        // Two runs at once can each create a comment: the oldest stays, the other ones of ours go.
        const [mine, ...duplicates] = marked.filter((c) => sameAuthor(c, me)).sort(oldestFirst);
        const foreign = marked.filter((c) => !sameAuthor(c, me));
        if (foreign.length > 0) {
            sink.info(`Left ${(0,_group_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(foreign.length, 'comment')} that carr${foreign.length === 1 ? 'ies' : 'y'} this job's marker but ${foreign.length === 1 ? 'was' : 'were'} not written by ${me.login} untouched.`);
        }
        const body = renderComment(report, {
            key: options.key,
            diagrams: options.diagrams,
            summaryUrl: summaryUrl(env),
            summaryWritten: options.summaryWritten,
            previous: mine?.body ? previousResult(mine.body) : null,
            sha: context.payload.pull_request?.head?.sha ?? env.GITHUB_SHA ?? null
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

//# sourceMappingURL=231.index.js.map