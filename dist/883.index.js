export const id = 883;
export const ids = [883,832];
export const modules = {

/***/ 6832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compareFindings: () => (/* binding */ compareFindings),
/* harmony export */   newCounts: () => (/* binding */ newCounts)
/* harmony export */ });
function keyOf(finding) {
    const side = finding.severity === 'pass' ? 'pass' : 'problem';
    return [finding.rule, finding.vault ?? '', finding.resource, side].join('\n').toLowerCase();
}
function compareFindings(current, other) {
    // A multiset: two findings of one rule on one resource are matched one for one.
    const left = new Map();
    for (const finding of other) {
        const key = keyOf(finding);
        left.set(key, [...(left.get(key) ?? []), finding]);
    }
    const matched = new Set();
    const findings = current.map((finding) => {
        const match = left.get(keyOf(finding))?.shift();
        if (match)
            matched.add(match);
        return { ...finding, change: (match ? 'unchanged' : 'new') };
    });
    const resolved = other
        .filter((finding) => !matched.has(finding))
        .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
        .map((finding) => {
        const copy = { ...finding };
        delete copy.change;
        return copy;
    });
    return { findings, resolved };
}
/** The errors and warnings marked `new`. */
function newCounts(findings) {
    let errors = 0;
    let warnings = 0;
    for (const finding of findings) {
        if (finding.change !== 'new')
            continue;
        if (finding.severity === 'error')
            errors++;
        else if (finding.severity === 'warning')
            warnings++;
    }
    return { errors, warnings };
}


/***/ }),

/***/ 6349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ sectionTitle),
/* harmony export */   H5: () => (/* binding */ RESULT_HEADLINE),
/* harmony export */   Jv: () => (/* binding */ vaultSections),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   M7: () => (/* binding */ vaultText),
/* harmony export */   Np: () => (/* binding */ bySeverity),
/* harmony export */   WN: () => (/* binding */ countsText),
/* harmony export */   _9: () => (/* binding */ SEVERITY_ICON),
/* harmony export */   fy: () => (/* binding */ kindHeading),
/* harmony export */   jy: () => (/* binding */ vaultTally),
/* harmony export */   kF: () => (/* binding */ RESULT_ICON),
/* harmony export */   mF: () => (/* binding */ changeWords),
/* harmony export */   vK: () => (/* binding */ changeLine)
/* harmony export */ });
/* unused harmony export SEVERITY_ORDER */
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8850);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4285);
/* harmony import */ var _common_target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8348);



const SEVERITY_ORDER = ['error', 'warning', 'info', 'pass'];
const RESULT_ORDER = ['fail', 'warn', 'pass'];
const SEVERITY_ICON = {
    error: '❌',
    warning: '⚠️',
    info: 'ℹ️',
    pass: '✅'
};
const RESULT_ICON = { fail: '❌', warn: '⚠️', pass: '✅' };
/** The headline of the summary and of the comment. */
const RESULT_HEADLINE = {
    fail: 'Key Vault private link check failed',
    warn: 'Key Vault private link check passed with warnings',
    pass: 'Key Vault private link check passed'
};
function bySeverity(findings) {
    // Into one list, with no list per severity: each surface runs this over every finding of the run
    // (forEach, not for…of: see findingsByVault).
    const ordered = [];
    for (const severity of SEVERITY_ORDER) {
        findings.forEach((finding) => {
            if (finding.severity === severity)
                ordered.push(finding);
        });
    }
    return ordered;
}
/** Each report's sections, for the lists they were made from: the log, the summary and the comment share them. */
const sectionsOf = new WeakMap();
/**
 * One section per vault: findings tied to no vault first, then the report's vaults (failing ones
 * first, else in the report's order), then vaults that only findings name. Made once per report
 * (at 2,000 vaults, grouping and ordering 46,000 findings); the sections are not to be changed.
 */
function vaultSections(report) {
    const known = sectionsOf.get(report);
    if (known && known.findings === report.findings && known.vaults === report.vaults) {
        return known.sections;
    }
    const sections = groupSections(report);
    sectionsOf.set(report, { findings: report.findings, vaults: report.vaults, sections });
    return sections;
}
function groupSections(report) {
    const sections = [];
    const groups = (0,_report_js__WEBPACK_IMPORTED_MODULE_0__.findingsByVault)(report.findings);
    const general = groups.get(null) ?? [];
    groups.delete(null);
    if (general.length > 0) {
        sections.push({
            name: null,
            id: null,
            result: (0,_report_js__WEBPACK_IMPORTED_MODULE_0__.resultOf)(general),
            findings: bySeverity(general)
        });
    }
    const known = report.vaults.map((vault) => ({
        name: vault.name,
        id: vault.id,
        result: vault.result,
        findings: bySeverity(groups.get(vault.name.toLowerCase()) ?? [])
    }));
    for (const vault of report.vaults)
        groups.delete(vault.name.toLowerCase());
    known.sort((a, b) => RESULT_ORDER.indexOf(a.result) - RESULT_ORDER.indexOf(b.result));
    sections.push(...known);
    // Vaults that only findings name (not in the report's vault list).
    for (const findings of groups.values()) {
        sections.push({
            name: findings[0]?.vault ?? null,
            id: null,
            result: (0,_report_js__WEBPACK_IMPORTED_MODULE_0__.resultOf)(findings),
            findings: bySeverity(findings)
        });
    }
    return sections;
}
/**
 * A section's heading: `Vault <name>` or `Managed HSM <name>` (its ID says which), with the name
 * as `show` renders it.
 */
function sectionTitle(section, show = (name) => name) {
    if (section.name === null)
        return 'Not tied to one vault';
    return `${kindHeading(section.id === null ? 'vault' : (0,_common_target_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOfResource */ .OJ)(section.id))} ${show(section.name)}`;
}
/** A vault's name in running text or a table cell, as code; `not tied to one vault` for none. */
function vaultText(name) {
    return name === null ? 'not tied to one vault' : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(name);
}
/** The word a heading names a target with: `Vault` (as every heading has), `Managed HSM`. */
function kindHeading(kind) {
    return kind === 'managedHsm' ? 'Managed HSM' : 'Vault';
}
function plural(count, one, many = `${one}s`) {
    return `${count} ${count === 1 ? one : many}`;
}
/** `1 failed, 2 with warnings, 5 passed`: the vaults by result. */
function vaultTally(report) {
    const count = (result) => report.vaults.filter((v) => v.result === result).length;
    return `${count('fail')} failed, ${count('warn')} with warnings, ${count('pass')} passed`;
}
/** `1 error, 2 warnings, 0 info, 11 passed` */
function countsText(counts) {
    return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info, ${counts.pass} passed`;
}
/** When the baseline was made, as the reports say it: its `generatedAt`, else its path. */
function baselineTime(baseline) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(baseline.generatedAt ?? `the baseline (${baseline.path})`);
}
function changeWords(report) {
    if (report.resolved === undefined)
        return null;
    if (report.plan || !report.baseline) {
        return {
            new: 'New after this change.',
            unchanged: 'There before this change.',
            resolved: 'Fixed by this change'
        };
    }
    const when = baselineTime(report.baseline);
    return {
        new: `New since ${when}.`,
        unchanged: report.baseline.generatedAt ? `Also in the report of ${when}.` : `Also in ${when}.`,
        resolved: `Resolved since ${when}`
    };
}
/**
 * With a comparison (`plan` or `baseline`): what changed, the line the summary and the comment
 * lead with. Problems are errors and warnings.
 */
function changeLine(report) {
    if (report.resolved === undefined)
        return null;
    let introduced = 0;
    let before = 0;
    for (const finding of report.findings) {
        if (finding.severity !== 'error' && finding.severity !== 'warning')
            continue;
        if (finding.change === 'new')
            introduced++;
        else
            before++;
    }
    const fixed = report.resolved.length;
    const since = report.baseline ? `**Since ${baselineTime(report.baseline)}:` : null;
    if (!report.plan && since)
        return `${since} ${introduced} new, ${fixed} resolved; ${before} unchanged.**`;
    const line = `**This change introduces ${plural(introduced, 'problem')} and fixes ${fixed}; ${before} ${before === 1 ? 'was' : 'were'} there before.**`;
    // With both: the change against the live state, and beside it what is new since the baseline.
    return since && report.baseline?.new !== undefined
        ? `${line}\n\n${since} ${report.baseline.new} new, ${report.baseline.resolved ?? 0} resolved.**`
        : line;
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   G0: () => (/* binding */ wrapFix),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   ti: () => (/* binding */ inlineCode)
/* harmony export */ });
/* unused harmony export wrapCommand */
/**
 * Safe rendering of untrusted values (anything that came from Azure or the user) into GitHub
 * Markdown: the job summary and PR comments render Markdown with inline HTML, so a value must
 * neither open HTML (`<script>`), nor Markdown syntax (links, emphasis, table cells, headings,
 * math), nor end a code block early.
 */
/**
 * Characters written as numeric character references. CommonMark never treats a character
 * reference as syntax, and it renders as the character itself, so the reader sees the value as is.
 */
const SPECIAL = /[&<>"'|\\`*_[\]()#~!@{}$]/g;
function entity(char) {
    return `&#${char.codePointAt(0)};`;
}
/**
 * Escapes text for Markdown and HTML alike (paragraphs, list items, table cells, HTML blocks).
 * Line breaks become `<br>`, so a value can never start a Markdown line (list, heading, quote,
 * table row) or end a table cell.
 */
function escapeMarkdown(text) {
    return (text
        .replace(/\r\n?/g, '\n')
        .replace(SPECIAL, entity)
        // eslint-disable-next-line no-control-regex -- control characters are what it removes
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
        .replace(/^([-+=]|\d{1,9}(?=[.)](?:\s|$)))/, (start) => start.replace(/./g, entity))
        .replace(/[\n\u2028\u2029\u0085]/g, '<br>'));
}
/** A value as inline code, safe anywhere (also inside table cells and HTML blocks): `<code>`. */
function inlineCode(text) {
    return `<code>${escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' '))}</code>`;
}
/** A fenced code block that no value can close early: the fence is longer than any run inside. */
function codeBlock(text, language = '') {
    const body = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
    const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    const info = language.replace(/[^A-Za-z0-9_+-]/g, '');
    return `${fence}${info}\n${body}\n${fence}`;
}
/** A Markdown link to an http(s) URL; anything else is shown as escaped text, not linked. */
function link(label, url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return escapeMarkdown(label);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return escapeMarkdown(label);
    const href = parsed.href.replace(/[()<>"'\s|\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${escapeMarkdown(label)}](${href})`;
}
/**
 * A command as a reader sees it: a line longer than `width` is broken before each ` --flag`
 * (outside quotes) with `\` continuations, so every argument shows. Still one shell command.
 */
function wrapCommand(line, width = 100) {
    if (line.length <= width)
        return line;
    const parts = [];
    let quote = null;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
        const char = line[i];
        if (quote) {
            if (char === quote)
                quote = null;
            continue;
        }
        if (char === "'" || char === '"')
            quote = char;
        else if (char === ' ' && line.startsWith(' --', i) && i > start) {
            parts.push(line.slice(start, i));
            start = i + 1;
        }
    }
    parts.push(line.slice(start));
    return parts.join(' \\\n    ');
}
/** Every line of a fix wrapped for reading (see `wrapCommand`). */
function wrapFix(fix) {
    return fix
        .split('\n')
        .map((line) => wrapCommand(line))
        .join('\n');
}


/***/ }),

/***/ 9883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  postComment: () => (/* binding */ postComment),
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/report/group.ts
var group = __webpack_require__(6349);
;// CONCATENATED MODULE: ./src/report/annotations.ts


/**
 * Per kind, how many this writes: GitHub displays 10 of each per step, and each kind keeps one
 * slot free for a line the step writes later. For errors that is the step's own failure line
 * (`core.setFailed`); for warnings, e.g. "report: comment failed", which comes after these.
 */
const ANNOTATION_LIMITS = { error: 9, warning: 9 };
const MAX_MESSAGE_CHARS = 1000;
function annotations_text(finding) {
    const message = (0,logger/* oneLine */.TN)(finding.message);
    const stop = finding.fix && !/[.!?]$/.test(message) ? '.' : '';
    const fix = finding.fix ? ` Fix: ${(0,logger/* oneLine */.TN)(finding.fix)}` : '';
    const full = `${message}${stop}${fix}`;
    return full.length > MAX_MESSAGE_CHARS ? `${full.slice(0, MAX_MESSAGE_CHARS - 1)}…` : full;
}
function titleOf(finding) {
    return (0,logger/* oneLine */.TN)(finding.vault === null ? finding.rule : `${finding.rule} @ ${finding.vault}`);
}
/** Writes the annotations; returns how many of each kind were left out. */
function annotate(report, sink = logger/* logger */.vF, limits = ANNOTATION_LIMITS) {
    const left = { error: 0, warning: 0 };
    const ordered = (0,group/* bySeverity */.Np)(report.findings);
    for (const kind of ['error', 'warning']) {
        const findings = ordered.filter((f) => f.severity === kind);
        const limit = Math.max(1, limits[kind]);
        const capped = findings.length > limit;
        const shown = capped ? findings.slice(0, limit - 1) : findings;
        for (const finding of shown)
            sink[kind](annotations_text(finding), { title: titleOf(finding) });
        if (capped) {
            left[kind] = findings.length - shown.length;
            const label = kind === 'error' ? 'error' : 'warning';
            sink[kind](`${left[kind]} more ${label}${left[kind] === 1 ? '' : 's'} not annotated (GitHub shows ${limit} per step): the job summary and the JSON report list every finding.`, { title: `kv-private-link-doctor: ${findings.length} ${label}s in all` });
            sink.info(`Annotations capped: ${shown.length} of ${findings.length} ${label}s annotated; the job summary has all.`);
        }
    }
    return left;
}

// EXTERNAL MODULE: ./src/report/report.ts
var report_report = __webpack_require__(8850);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/evaluate/catalog.ts
var catalog = __webpack_require__(384);
// EXTERNAL MODULE: ./src/common/arm-id.ts
var arm_id = __webpack_require__(5765);
;// CONCATENATED MODULE: ./src/report/overview.ts




/** Past this many vaults, the rules table joins the vaults table. */
const RULES_TABLE_FROM = 5;
/** Past this many vaults, each vault's details are folded under its heading (summary and comment). */
const FOLD_VAULTS_FROM = 20;
/** Healthy vaults named on their line; the rest are counted. */
const HEALTHY_NAMES = 30;
function hasProblems(section) {
    return section.findings.some((f) => f.severity !== 'pass');
}
/** Vaults with problems first (as sections already are by result), then the healthy ones. */
function problemsFirst(sections) {
    return [...sections.filter(hasProblems), ...sections.filter((s) => !hasProblems(s))];
}
function problemRules(findings) {
    const rules = new Set(findings.filter((f) => f.severity !== 'pass').map((f) => f.rule));
    return catalog/* RULE_IDS */.Iu.filter((rule) => rules.has(rule));
}
/**
 * Where a reader finds what a surface leaves out: the JSON report, by its path when known (the
 * `report-path` output names it too, for a later step that uploads it).
 */
function fullReport(reportPath) {
    return reportPath
        ? `the JSON report ${(0,markdown/* inlineCode */.ti)(reportPath)} (output \`report-path\`)`
        : 'the JSON report (output `report-path`)';
}
/** `… lists every one`: where what a surface leaves out is, as the end of a sentence. */
function listedIn(reportPath, withSummary = false) {
    const report = fullReport(reportPath);
    return withSummary ? `the job summary and ${report} list every one` : `${report} lists every one`;
}
/**
 * `| vault | result | rules |` for the vaults with problems, at most `limit` rows. The rest are
 * counted on a line of their own after the table, not in a row: a row would read as a vault.
 */
function problemTable(sections, limit = Infinity, where = listedIn(null)) {
    const rows = sections.filter(hasProblems);
    if (rows.length === 0)
        return '';
    const shown = rows.slice(0, limit);
    const lines = [
        '| vault | result | rules |',
        '|---|---|---|',
        ...shown.map((s) => `| ${(0,group/* vaultText */.M7)(s.name)} | ${group/* RESULT_ICON */.kF[s.result]} ${s.result} | ${problemRules(s.findings)
            .map((rule) => (0,markdown/* inlineCode */.ti)(rule))
            .join(' ')} |`)
    ];
    const table = lines.join('\n');
    const left = rows.length - shown.length;
    if (left === 0)
        return table;
    // A blank line ends the table: a line right under it would be parsed as one more row.
    return `${table}\n\n… and ${(0,group/* plural */.LS)(left, 'more vault')} with problems, left out of this table: ${where}.`;
}
/** `✅ 12 vaults without problems: a, b, … and 3 more`. */
function healthyLine(sections) {
    const healthy = sections.filter((s) => !hasProblems(s) && s.name !== null);
    if (healthy.length === 0)
        return '';
    const names = healthy.slice(0, HEALTHY_NAMES).map((s) => (0,markdown/* inlineCode */.ti)(s.name ?? ''));
    const more = healthy.length > HEALTHY_NAMES ? ` and ${healthy.length - HEALTHY_NAMES} more` : '';
    const count = `${healthy.length} vault${healthy.length === 1 ? '' : 's'} without problems`;
    return `${group/* RESULT_ICON */.kF.pass} ${count}: ${names.join(', ')}${more}`;
}
/** `| rule | severity | vaults |`, the rules that hit most vaults first. */
function rulesTable(sections) {
    const hits = new Map();
    for (const section of sections) {
        if (!hasProblems(section))
            continue;
        for (const finding of section.findings) {
            if (finding.severity === 'pass')
                continue;
            const seen = hits.get(finding.rule);
            if (!seen)
                hits.set(finding.rule, { severity: finding.severity, vaults: 0 });
        }
        for (const rule of problemRules(section.findings)) {
            const entry = hits.get(rule);
            if (entry)
                entry.vaults++;
        }
    }
    if (hits.size === 0)
        return '';
    const rows = [...hits.entries()].sort((a, b) => b[1].vaults - a[1].vaults || catalog/* RULE_IDS */.Iu.indexOf(a[0]) - catalog/* RULE_IDS */.Iu.indexOf(b[0]));
    return [
        '| rule | severity | vaults |',
        '|---|---|---|',
        ...rows.map(([rule, { severity, vaults }]) => `| ${(0,markdown/* inlineCode */.ti)(rule)} | ${group/* SEVERITY_ICON */._9[severity]} ${(0,markdown/* escapeMarkdown */.FV)(severity)} | ${vaults} |`)
    ].join('\n');
}
/**
 * The overview: problem table (at most `tableLimit` rows; `where` says where the rest are),
 * healthy line (unless `healthy` is false), and the rules table past a handful of vaults.
 */
function overviewMarkdown(sections, tableLimit = Infinity, where = listedIn(null), { healthy = true } = {}) {
    const vaults = sections.filter((s) => s.name !== null).length;
    return [
        problemTable(sections, tableLimit, where),
        healthy ? healthyLine(sections) : '',
        vaults > RULES_TABLE_FROM ? rulesTable(sections) : ''
    ].filter(Boolean);
}
/**
 * Per VNet that must resolve the vault (its own PEs' VNets, client VNets, the runner's): whether
 * it resolves privately, from the findings of the DNS-path checks about it. Empty without any.
 */
function clientsLine(findings) {
    const clients = new Map();
    // The findings of a vault name its VNets with the same few strings: found by the string itself
    // first, a lower-cased copy (a new string, its hash computed anew) is made once per string.
    const byText = new Map();
    // forEach, not for…of: run per vault over all its findings (see findingsByVault in report.ts).
    findings.forEach((finding) => {
        if (!finding.clients)
            return;
        for (const id of finding.clients) {
            let entry = byText.get(id);
            if (!entry) {
                const key = id.toLowerCase();
                entry = clients.get(key) ?? { id, problems: new Set(), open: false };
                clients.set(key, entry);
                byText.set(id, entry);
            }
            if (finding.severity === 'error' || finding.severity === 'warning')
                entry.problems.add(finding.rule);
            // A proposed DNS path through a server known only after apply: neither way yet.
            if (finding.rule === 'PLAN-UNRESOLVED')
                entry.open = true;
        }
    });
    if (clients.size === 0)
        return '';
    const items = [...clients.values()].map(({ id, problems, open }) => problems.size > 0
        ? `${group/* RESULT_ICON */.kF.fail} ${(0,markdown/* inlineCode */.ti)((0,arm_id/* nameOf */.Vb)(id))} does not: ${[...problems].map((rule) => (0,markdown/* inlineCode */.ti)(rule)).join(' ')}`
        : open
            ? `${group/* SEVERITY_ICON */._9.info} ${(0,markdown/* inlineCode */.ti)((0,arm_id/* nameOf */.Vb)(id))} known after apply: ${(0,markdown/* inlineCode */.ti)('PLAN-UNRESOLVED')}`
            : `${group/* RESULT_ICON */.kF.pass} ${(0,markdown/* inlineCode */.ti)((0,arm_id/* nameOf */.Vb)(id))} resolves privately`);
    return `**VNets that must resolve it:** ${items.join(' · ')}`;
}

// EXTERNAL MODULE: ./src/report/mermaid.ts
var mermaid = __webpack_require__(9409);
;// CONCATENATED MODULE: ./src/report/finding-markdown.ts
/**
 * Findings as GitHub Markdown, for both surfaces that render Markdown: the job summary and the
 * PR comment. A surface says how a finding sits under its own headings (a `FindingStyle`); what a
 * finding shows, and how every value from Azure is escaped (markdown.ts), is decided only here.
 */




function ruleTitle(finding) {
    return catalog/* RULES */.y0[finding.rule]?.title ?? finding.rule;
}
/**
 * A problem in full: heading, message, observed/expected/resource, fix, guide link. With a
 * comparison, `words` (changeWords) say whether it is new or was there already.
 */
function problemMarkdown(finding, style, words = null) {
    const severity = style.severityInTitle ? ` (${finding.severity})` : '';
    const said = finding.change && words?.[finding.change];
    const change = said ? `**${said}** ` : '';
    const parts = [
        `${'#'.repeat(style.headingLevel)} ${group/* SEVERITY_ICON */._9[finding.severity]} ${(0,markdown/* escapeMarkdown */.FV)(finding.rule)}: ${(0,markdown/* escapeMarkdown */.FV)(ruleTitle(finding))}${severity}`,
        `${change}${(0,markdown/* escapeMarkdown */.FV)(finding.message)}`
    ];
    const facts = [];
    if (finding.observed)
        facts.push(`- **Observed:** ${(0,markdown/* inlineCode */.ti)(finding.observed)}`);
    if (finding.expected)
        facts.push(`- **Expected:** ${(0,markdown/* inlineCode */.ti)(finding.expected)}`);
    if (finding.resource)
        facts.push(`- **Resource:** ${(0,markdown/* inlineCode */.ti)(finding.resource)}`);
    if (style.notRun && finding.notRun?.length) {
        const rules = finding.notRun.map((rule) => (0,markdown/* inlineCode */.ti)(rule)).join(', ');
        facts.push(`- **Not run because of this:** ${rules}`);
    }
    if (facts.length > 0)
        parts.push(facts.join('\n'));
    if (finding.fix)
        parts.push('**Fix:**', (0,markdown/* codeBlock */.DV)((0,markdown/* wrapFix */.G0)(finding.fix), 'sh'));
    if (finding.docs)
        parts.push(`📖 ${(0,markdown/* link */.nf)('Troubleshooting guide', finding.docs)}`);
    return parts.join('\n\n');
}
/** What passed, one line each. */
function passList(findings) {
    return findings
        .map((f) => `- ${group/* SEVERITY_ICON */._9.pass} ${(0,markdown/* inlineCode */.ti)(f.rule)} ${(0,markdown/* escapeMarkdown */.FV)(f.message)}`)
        .join('\n');
}
/** `<details>` with a blank line after `<summary>`, or Markdown inside would not render. */
function folded(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** A vault's picture as a Mermaid block, if there is one. */
function diagramOf(section, diagrams) {
    const source = section.name === null ? undefined : diagrams?.get(section.name.toLowerCase());
    return source ? (0,mermaid.mermaidBlock)(source) : null;
}
/**
 * The body of a vault with problems, under the surface's heading: its picture, each problem in
 * full, then (with `withPasses`) what passed, folded.
 */
function problemsMarkdown(section, diagram, withPasses, style, words) {
    const passed = section.findings.filter((f) => f.severity === 'pass');
    const parts = diagram ? [diagram] : [];
    parts.push(...section.findings
        .filter((f) => f.severity !== 'pass')
        .map((f) => problemMarkdown(f, style, words)));
    if (withPasses && passed.length > 0) {
        parts.push(folded(`${group/* SEVERITY_ICON */._9.pass} ${(0,group/* plural */.LS)(passed.length, 'check')} passed`, passList(passed)));
    }
    return parts;
}
/** A vault without problems: its label, with its picture and passes folded under it if any. */
function passedMarkdown(label, diagram, passed) {
    const inner = [diagram ?? '', passList(passed)].filter(Boolean).join('\n\n');
    return inner ? folded(label, inner) : label;
}

;// CONCATENATED MODULE: ./src/report/comment.ts





/** GitHub rejects an issue comment body over 65,536 characters. */
const COMMENT_MAX_CHARS = 65_536;
/**
 * Rows of the vaults-with-problems table once the comment has to shrink (only errors shown):
 * the table stays, so a large run still reads at a glance, and the rest are counted.
 */
const COMMENT_TABLE_ROWS = 100;
const TOOL = 'kv-private-link-doctor';
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
/**
 * Problems sit under `###` vault headings as `####`, readable in GitHub's comment style (a
 * `#####` title renders smaller than the text under it); the vault's icon and counts say the
 * severity.
 */
const COMMENT_STYLE = {
    headingLevel: 4,
    severityInTitle: false,
    notRun: false
};
function headline(report, options) {
    const parts = [`## ${group/* RESULT_ICON */.kF[report.result]} ${group/* RESULT_HEADLINE */.H5[report.result]}`];
    const change = (0,group/* changeLine */.vK)(report);
    if (change)
        parts.push(change);
    const before = options.previous;
    if (before && before !== report.result) {
        parts.push(report.result === 'pass'
            ? `**Fixed:** the previous run ${before === 'fail' ? 'failed' : 'had warnings'}; every check passes now.`
            : `**Changed:** the previous run was ${group/* RESULT_ICON */.kF[before]} ${before}; now ${group/* RESULT_ICON */.kF[report.result]} ${report.result}.`);
    }
    parts.push(`**${(0,group/* countsText */.WN)(report.counts)}** · ${(0,group/* plural */.LS)(report.vaults.length, 'vault')} checked ` +
        `(${(0,group/* vaultTally */.jy)(report)})`);
    return parts.join('\n\n');
}
function footer(options) {
    const where = options.summaryWritten === false ? 'workflow run' : 'job summary';
    const summary = options.summaryUrl
        ? (0,markdown/* link */.nf)(`Full report in the ${where}`, options.summaryUrl)
        : `Full report in the ${where} of this workflow run`;
    const sha = options.sha ? ` · commit ${(0,markdown/* inlineCode */.ti)(options.sha.slice(0, 12))}` : '';
    return `<sub>${summary} · comment-key ${(0,markdown/* inlineCode */.ti)(options.key)}${sha}</sub>`;
}
/** Level 1 and 2: every vault in full, with its diagram; passes only at level 1. */
function detailedSection(section, options, withPasses, fold, words) {
    const diagram = diagramOf(section, options.diagrams);
    const heading = `${group/* RESULT_ICON */.kF[section.result]} ${(0,group/* sectionTitle */.Gf)(section, markdown/* inlineCode */.ti)}: ${(0,group/* countsText */.WN)((0,report_report.countsOf)(section.findings))}`;
    if (section.findings.every((f) => f.severity === 'pass')) {
        return passedMarkdown(heading, diagram, withPasses ? section.findings : []);
    }
    const body = problemsMarkdown(section, diagram, withPasses, COMMENT_STYLE, words);
    // As in the job summary: past FOLD_VAULTS_FROM vaults each vault folds under its heading.
    if (fold)
        return folded(`<strong>${heading}</strong>`, body.join('\n\n'));
    return [`### ${heading}`, ...body].join('\n\n');
}
/** Level 3: errors only, each with its fix; no diagrams, no warnings' detail. */
function compactError(finding) {
    const message = finding.message.length > 400 ? `${finding.message.slice(0, 399)}…` : finding.message;
    const parts = [
        `- ${group/* SEVERITY_ICON */._9.error} ${(0,markdown/* inlineCode */.ti)(finding.rule)} on ${(0,group/* vaultText */.M7)(finding.vault)}: ${(0,markdown/* escapeMarkdown */.FV)(message)}`
    ];
    if (finding.fix)
        parts.push((0,markdown/* codeBlock */.DV)((0,markdown/* wrapFix */.G0)(finding.fix), 'sh').replace(/^/gm, '  '));
    return parts.join('\n\n');
}
/** Level 4: errors only, rule, vault and fix, nothing else. */
function minimalError(finding) {
    const fix = finding.fix ? `\n\n${(0,markdown/* codeBlock */.DV)((0,markdown/* wrapFix */.G0)(finding.fix), 'sh').replace(/^/gm, '  ')}` : '';
    return `- ${(0,markdown/* inlineCode */.ti)(finding.rule)} on ${(0,group/* vaultText */.M7)(finding.vault)}${fix}`;
}
/**
 * The comment's Markdown, at most `maxChars` long. When it would not fit: passes go first, then
 * the per-vault detail (diagrams, warnings, observed/expected); every error keeps its fix, and the
 * link to the full job summary is always there. The overview (vaults table, healthy line, rules
 * table) stays at every level; once only errors are shown, its table is capped. A run without
 * errors that does not fit keeps the capped overview and a note of what the run found.
 */
function renderComment(report, options, maxChars = COMMENT_MAX_CHARS) {
    const top = [commentMarker(options.key), resultMarker(report.result), headline(report, options)];
    const bottom = footer(options);
    // The summary's order: vaults with problems first, then the healthy ones.
    const sections = problemsFirst((0,group/* vaultSections */.Jv)(report));
    const errors = sections.flatMap((s) => s.findings.filter((f) => f.severity === 'error'));
    const others = report.counts.warning + report.counts.info;
    const fold = report.vaults.length > FOLD_VAULTS_FROM;
    const words = (0,group/* changeWords */.mF)(report);
    const where = listedIn(options.reportPath, options.summaryWritten !== false);
    const overview = overviewMarkdown(sections, Infinity, where);
    const capped = overviewMarkdown(sections, COMMENT_TABLE_ROWS, where);
    const note = (text) => `> [!NOTE]\n> ${text}`;
    const assemble = (middle) => [...top, ...middle, bottom].join('\n\n') + '\n';
    // Past FOLD_VAULTS_FROM vaults the errors fold too, under one line that counts them.
    const errorList = (items, shown = items.length) => !fold || items.length === 0
        ? items
        : [
            folded(`${group/* SEVERITY_ICON */._9.error} ${shown < errors.length ? `${shown} of ${errors.length}` : errors.length} ${errors.length === 1 ? 'error' : 'errors'} with ${shown === 1 ? 'its fix' : 'their fixes'}`, items.join('\n\n'))
        ];
    // The end of a sentence about `what` the comment leaves out: where a reader finds it.
    const listedWith = (what) => options.summaryWritten === false
        ? `${fullReport(options.reportPath)} lists ${what}`
        : `the job summary and ${fullReport(options.reportPath)} list ${what}`;
    const noErrors = () => others === 0
        ? `No problems: ${(0,group/* plural */.LS)(report.vaults.length, 'vault')} passed every check; ${listedWith('the checks')}.`
        : `No errors; the detail of ${(0,group/* plural */.LS)(report.counts.warning, 'warning')} and ${(0,group/* plural */.LS)(report.counts.info, 'info finding')} ` +
            `is left out so the comment fits GitHub’s size limit: ${listedWith('them')}.`;
    // Without errors, what is left past the passes is the overview under this note: a note that
    // errors are shown would promise what is not there.
    const withoutErrors = () => [...capped, note(noErrors())];
    const errorLevels = [
        () => [
            ...capped,
            note(`Only errors are shown, so the comment fits GitHub’s size limit` +
                (others > 0
                    ? `; ${(0,group/* plural */.LS)(report.counts.warning, 'warning')} and ${(0,group/* plural */.LS)(report.counts.info, 'info finding')} are in the job summary.`
                    : '.')),
            ...errorList(errors.map(compactError))
        ],
        () => [
            ...capped,
            note('Only errors and their fixes are shown, so the comment fits GitHub’s size limit.'),
            ...errorList(errors.map(minimalError))
        ]
    ];
    const levels = [
        () => [...overview, ...sections.map((s) => detailedSection(s, options, true, fold, words))],
        () => [
            ...overview,
            note('Passed checks are left out so the comment fits GitHub’s size limit.'),
            ...sections.map((s) => detailedSection(s, options, false, fold, words))
        ],
        ...(errors.length === 0 ? [withoutErrors] : errorLevels)
    ];
    for (const level of levels) {
        const body = assemble(level());
        if (body.length <= maxChars)
            return body;
    }
    // The overview is capped: it fits.
    if (errors.length === 0)
        return assemble(withoutErrors());
    // Even rule, vault and fix per error is too much: as many as fit, and say how many did not.
    const kept = [];
    const missing = (count) => note(`${(0,group/* plural */.LS)(count, 'more error')} did not fit in a comment: the job summary and ${fullReport(options.reportPath)} list every one with its fix.`);
    // Less what the folded list's line may add once the count is known.
    const room = maxChars - assemble([...capped, missing(errors.length), ...errorList([''])]).length - 100;
    let used = 0;
    for (const error of errors) {
        const item = minimalError(error);
        if (used + item.length + 2 > room)
            break;
        kept.push(item);
        used += item.length + 2;
    }
    return assemble([...capped, missing(errors.length - kept.length), ...errorList(kept)]);
}

// EXTERNAL MODULE: ./src/compare/compare.ts
var compare = __webpack_require__(6832);
;// CONCATENATED MODULE: ./src/report/exit.ts


/** What `fail-on` counts: every error and warning, or with `gate: new` only those marked `new`. */
function gateCounts(report, gate = 'all') {
    if (gate === 'new' && (0,report_report.isCompared)(report))
        return (0,compare.newCounts)(report.findings ?? []);
    return { errors: report.counts.error, warnings: report.counts.warning };
}
/** Whether the step fails, per `fail-on` (the lowest severity that fails it) and `gate`. */
function shouldFail(report, failOn, gate = 'all') {
    const counts = gateCounts(report, gate);
    switch (failOn) {
        case 'error':
            return counts.errors > 0;
        case 'warning':
            return counts.errors > 0 || counts.warnings > 0;
        case 'never':
            return false;
    }
}

;// CONCATENATED MODULE: ./src/report/log.ts




const LABEL = { error: 'ERROR  ', warning: 'WARNING', info: 'INFO   ', pass: 'PASS   ' };
function findingLines(finding) {
    const lines = [`${LABEL[finding.severity]} ${finding.rule}: ${(0,logger/* oneLine */.TN)(finding.message)}`];
    if (finding.severity === 'pass')
        return lines;
    lines.push(`        observed: ${(0,logger/* oneLine */.TN)(finding.observed)}; expected: ${(0,logger/* oneLine */.TN)(finding.expected)}`);
    if (finding.resource)
        lines.push(`        resource: ${(0,logger/* oneLine */.TN)(finding.resource)}`);
    if (finding.notRun?.length)
        lines.push(`        not run: ${finding.notRun.join(', ')}`);
    if (finding.fix)
        lines.push(`        fix: ${(0,logger/* oneLine */.TN)(finding.fix)}`);
    return lines;
}
function logFindings(report, sink = logger/* logger */.vF) {
    // Past a handful of vaults, a vault's passes are one line of rule IDs: at 2,000 vaults a line
    // per pass is 46,000 lines that bury the problems (and a third of the run's report stage).
    const briefPasses = report.vaults.length > FOLD_VAULTS_FROM;
    if (briefPasses)
        sink.info(`Passed checks are listed by rule ID (more than ${FOLD_VAULTS_FROM} vaults); the JSON report has their messages.`);
    for (const section of (0,group/* vaultSections */.Jv)(report)) {
        const title = (0,group/* sectionTitle */.Gf)(section);
        sink.startGroup((0,logger/* oneLine */.TN)(`${group/* RESULT_ICON */.kF[section.result]} ${title}: ${section.result} (${(0,group/* countsText */.WN)((0,report_report.countsOf)(section.findings))})`));
        const passes = briefPasses ? section.findings.filter((f) => f.severity === 'pass') : [];
        for (const finding of section.findings) {
            if (briefPasses && finding.severity === 'pass')
                continue;
            for (const line of findingLines(finding))
                sink.info(line);
        }
        if (passes.length > 0)
            sink.info(`${LABEL.pass} ${(0,group/* plural */.LS)(passes.length, 'check')}: ${passes.map((f) => f.rule).join(', ')}`);
        sink.endGroup();
    }
    sink.info(`Key Vault private link check: ${report.result} - ${(0,group/* countsText */.WN)(report.counts)}; ${(0,group/* plural */.LS)(report.vaults.length, 'vault')} checked`);
}

;// CONCATENATED MODULE: ./src/report/outputs.ts



/**
 * The step's outputs of the contract: result, counts, the paths of the files written, and with a
 * comparison (`plan`) `new-errors` and `new-warnings`.
 */
function setOutputs(report, paths) {
    core/* setOutput */.uH('result', report.result);
    core/* setOutput */.uH('errors', String(report.counts.error));
    core/* setOutput */.uH('warnings', String(report.counts.warning));
    core/* setOutput */.uH('report-path', paths.report);
    core/* setOutput */.uH('sarif-path', paths.sarif);
    core/* setOutput */.uH('fix-script', paths.fixScript);
    if ((0,report_report.isCompared)(report)) {
        const fresh = (0,compare.newCounts)(report.findings);
        core/* setOutput */.uH('new-errors', String(fresh.errors));
        core/* setOutput */.uH('new-warnings', String(fresh.warnings));
    }
}

;// CONCATENATED MODULE: ./src/report/fix-script.ts
function comment(text) {
    return `# ${text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ').trim()}`;
}
function renderFixScript(report) {
    const lines = [
        '#!/usr/bin/env bash',
        '# kv-private-link-doctor: every fix of this run, in order, grouped by vault.',
        '# Review each command before you run it; the action never runs this script.',
        `# Result: ${report.result} (${report.counts.error} error(s), ${report.counts.warning} warning(s))`,
        'set -euo pipefail'
    ];
    const groups = new Map();
    // forEach, not for…of, over every finding of a run (see findingsByVault in report.ts).
    report.findings.forEach((finding) => {
        if (!finding.fix || (finding.severity !== 'error' && finding.severity !== 'warning'))
            return;
        const key = finding.vault === null ? null : finding.vault.toLowerCase();
        const group = groups.get(key);
        if (group)
            group.push(finding);
        else
            groups.set(key, [finding]);
    });
    if (groups.size === 0)
        lines.push('', '# Nothing to fix.');
    for (const [key, findings] of groups) {
        lines.push('', comment(key === null ? '==== Not tied to one vault' : `==== ${findings[0]?.vault}`));
        for (const finding of findings) {
            lines.push('', comment(`${finding.rule} (${finding.severity}), vault ${finding.vault ?? '-'}`), comment(`resource: ${finding.resource}`), ...(finding.fix ?? '').split('\n'));
        }
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/version.ts
/** The action's name and version, as package.json says (a test keeps them equal). */
const ACTION_NAME = 'kv-private-link-doctor';
const ACTION_VERSION = '0.1.0';
const INFORMATION_URI = 'https://learn.microsoft.com/azure/key-vault/general/private-link-diagnostics';

;// CONCATENATED MODULE: ./src/report/sarif.ts
/**
 * `report.sarif` (SARIF 2.1.0, as `github/codeql-action/upload-sarif` takes it): one run, the
 * catalogue as `tool.driver.rules`, one result per error and warning with the fix in its message,
 * a fingerprint that stays the same for the same rule, vault and resource across runs, and a
 * location in the repository (the plan file when there is one, else the workflow file).
 */



/** GitHub code scanning's limit of results per run. */
const SARIF_MAX_RESULTS = 25_000;
const LEVEL = {
    error: 'error',
    warning: 'warning',
    info: 'note',
    pass: 'none'
};
/** The file results point at: the plan, else the workflow file of this run. */
function locationUri(options) {
    if (options.planPath)
        return options.planPath.replace(/^\.\//, '');
    const ref = options.workflowRef ?? '';
    const path = /^[^/]+\/[^/]+\/(.+?)@/.exec(ref)?.[1];
    return path ?? '.github/workflows';
}
/** Stable for the same rule, vault and resource (ARM IDs compare case-insensitively). */
function fingerprint(finding) {
    const key = [finding.rule, finding.vault ?? '', finding.resource].join('|').toLowerCase();
    return (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex');
}
function messageOf(finding) {
    return finding.fix ? `${finding.message}.\n\nFix:\n${finding.fix}` : `${finding.message}.`;
}
function renderSarif(report, options = {}) {
    const uri = locationUri(options);
    const problems = report.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
    const kept = problems.slice(0, SARIF_MAX_RESULTS);
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: ACTION_NAME,
                        version: ACTION_VERSION,
                        informationUri: INFORMATION_URI,
                        rules: catalog/* RULE_IDS */.Iu.map((id) => {
                            const rule = catalog/* RULES */.y0[id];
                            return {
                                id,
                                name: id
                                    .toLowerCase()
                                    .split('-')
                                    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
                                    .join(''),
                                shortDescription: { text: rule.title },
                                fullDescription: { text: rule.summary },
                                help: {
                                    text: `${rule.summary} Guide: ${rule.docs}`,
                                    markdown: `${rule.summary.replace(/[<>]/g, '')} [Guide section](${rule.docs})`
                                },
                                helpUri: rule.docs,
                                defaultConfiguration: { level: LEVEL[rule.severity] }
                            };
                        })
                    }
                },
                results: kept.map((finding) => ({
                    ruleId: finding.rule,
                    ruleIndex: catalog/* RULE_IDS */.Iu.indexOf(finding.rule),
                    level: LEVEL[finding.severity],
                    message: { text: messageOf(finding) },
                    locations: [
                        {
                            physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } },
                            logicalLocations: finding.vault
                                ? [{ name: finding.vault, kind: 'resource', fullyQualifiedName: finding.resource }]
                                : [{ name: finding.resource, kind: 'resource' }]
                        }
                    ],
                    partialFingerprints: { 'kvPrivateLinkDoctor/v1': fingerprint(finding) },
                    properties: {
                        vault: finding.vault,
                        resource: finding.resource,
                        observed: finding.observed,
                        expected: finding.expected
                    }
                })),
                properties: {
                    result: report.result,
                    ...(problems.length > kept.length
                        ? { omittedResults: problems.length - kept.length }
                        : {})
                }
            }
        ]
    };
}

// EXTERNAL MODULE: ./src/common/ip.ts
var common_ip = __webpack_require__(3796);
;// CONCATENATED MODULE: ./src/report/probe-summary.ts



function code(values) {
    return values.length === 0 ? '(none)' : values.map((value) => (0,markdown/* inlineCode */.ti)(value)).join(', ');
}
function failure(error) {
    return `❌ ${(0,markdown/* escapeMarkdown */.FV)(error.message)} (${(0,markdown/* inlineCode */.ti)(error.kind)})`;
}
function chainCell(probe) {
    const dns = probe.dns;
    if (!dns)
        return '—';
    const names = dns.chain.map((name) => (0,markdown/* inlineCode */.ti)(name)).join(' → ');
    if (dns.error)
        return `${names} → ${failure(dns.error)}`;
    return `${names} → ${code(dns.addresses)}`;
}
function healthCell(attempt) {
    if (attempt.error)
        return failure(attempt.error);
    const header = attempt.networkInfo === null
        ? '⚠️ no `x-ms-keyvault-network-info`'
        : `addr=${(0,markdown/* inlineCode */.ti)(attempt.addr ?? '?')}`;
    return `${attempt.status ?? '?'}, ${header}`;
}
function dataPlaneCell(result) {
    if (result.error)
        return failure(result.error);
    const parts = [String(result.status ?? '?')];
    if (result.code)
        parts.push((0,markdown/* inlineCode */.ti)(result.code));
    if (result.innerCode)
        parts.push((0,markdown/* inlineCode */.ti)(result.innerCode));
    if (result.clientAddress)
        parts.push(`Client address ${(0,markdown/* inlineCode */.ti)(result.clientAddress)}`);
    return parts.join(' ');
}
function vaultTable(run, probe) {
    const rows = [];
    if (probe.skipped)
        rows.push(['Skipped', (0,markdown/* escapeMarkdown */.FV)(probe.skipped)]);
    if (probe.dns) {
        const servers = probe.dns.servers === 'system' ? 'system resolvers' : probe.dns.servers.join(', ');
        rows.push([`DNS (${(0,markdown/* escapeMarkdown */.FV)(servers)})`, chainCell(probe)]);
    }
    if (run.mode === 'inside' && !probe.skipped) {
        const should = probe.endpoints.map((pe) => `${(0,markdown/* inlineCode */.ti)(pe.name)} ${code(pe.ips)}`);
        rows.push([
            'Should be (effective PEs)',
            should.length ? should.join('; ') : '(no effective private endpoint)'
        ]);
    }
    if (probe.os) {
        rows.push([
            'OS resolver (hosts file)',
            probe.os.error ? failure(probe.os.error) : code(probe.os.addresses)
        ]);
    }
    for (const attempt of probe.health) {
        const label = attempt.via === 'name'
            ? `GET /healthstatus by name${attempt.ip ? ` (${(0,markdown/* inlineCode */.ti)(attempt.ip)})` : ''}`
            : `GET /healthstatus straight to PE IP ${(0,markdown/* inlineCode */.ti)(attempt.ip ?? '?')}`;
        rows.push([label, healthCell(attempt)]);
    }
    if (probe.dataPlane) {
        const where = probe.dataPlane.via === 'pe-ip'
            ? `PE IP ${(0,markdown/* inlineCode */.ti)(probe.dataPlane.ip ?? '?')}`
            : `by name${probe.dataPlane.ip ? ` (${(0,markdown/* inlineCode */.ti)(probe.dataPlane.ip)})` : ''}`;
        const ip = probe.dataPlane.ip;
        // From "outside", a name that leads to a private address means this runner is not outside.
        const notOutside = run.mode === 'outside' && ip !== null && (0,common_ip/* isValidIp */.AD)(ip) && !(0,common_ip/* isPublic */.Ul)(ip)
            ? ' ⚠️ not a public address: this runner is not outside, the public path was not verified'
            : '';
        rows.push([
            `Data plane, secret that cannot exist (${where})`,
            `${dataPlaneCell(probe.dataPlane)}${notOutside}`
        ]);
    }
    rows.push([
        'Proxy',
        probe.proxy
            ? `${(0,markdown/* inlineCode */.ti)(`${probe.proxy.variable}=${probe.proxy.proxy}`)}${probe.proxy.excludedBy ? `, excluded by ${(0,markdown/* inlineCode */.ti)(probe.proxy.excludedBy)}` : ' applies'}`
            : 'none'
    ]);
    return [
        `#### ${(0,group/* kindHeading */.fy)(probe.kind)} ${(0,markdown/* inlineCode */.ti)(probe.vault)} (${(0,markdown/* inlineCode */.ti)(probe.hostname)})`,
        '',
        '| step | what it saw |',
        '|---|---|',
        ...rows.map(([step, saw]) => `| ${step} | ${saw} |`)
    ].join('\n');
}
/** The probe section of the summary. */
function renderProbeSummary(run) {
    const title = run.mode === 'inside'
        ? 'Probe from this runner (inside the VNet)'
        : 'Probe from this runner (outside the VNet)';
    return [
        `### 🔎 ${title}`,
        `Each step allowed ${run.timeoutSeconds} s. This runner's addresses: ${code(run.runnerAddresses)}.`,
        ...run.vaults.filter(Boolean).map((probe) => vaultTable(run, probe))
    ].join('\n\n');
}

;// CONCATENATED MODULE: ./src/report/summary.ts






/**
 * GitHub rejects a step summary over 1 MiB (of UTF-8: each icon takes 3 or 4 bytes); stay well
 * under it.
 */
const SUMMARY_MAX_BYTES = 900_000;
/** Rows of the vaults-with-problems table; the rest are counted, with where to find them. */
const SUMMARY_TABLE_ROWS = 1_000;

/** Pictures only for vaults with problems, and at most this many (Mermaid is heavy to draw). */
const MAX_DIAGRAMS = 10;
/** Problems sit under `###` vault headings, in full. */
const SUMMARY_STYLE = { headingLevel: 4, severityInTitle: true, notRun: true };
/** A section with problems: its picture, each problem in full, then what passed, folded. */
function problemSection(vault, withPasses, diagram, fold, words) {
    const title = `${group/* RESULT_ICON */.kF[vault.result]} ${(0,group/* sectionTitle */.Gf)(vault, markdown/* inlineCode */.ti)}`;
    const counts = (0,group/* countsText */.WN)((0,report_report.countsOf)(vault.findings));
    const clients = clientsLine(vault.findings);
    const body = [
        ...(clients ? [clients] : []),
        ...problemsMarkdown(vault, withPasses ? diagram : null, withPasses, SUMMARY_STYLE, words)
    ];
    if (fold)
        return folded(`<strong>${title}</strong>: ${counts}`, body.join('\n\n'));
    return [`### ${title}`, counts, ...body].join('\n\n');
}
/** Sections without problems, together: one folded list of passes (and picture) per vault. */
/** The vaults without problems, or null once the text would pass `budget` characters. */
function passedSection(vaults, withPasses, pictureOf, budget = Infinity) {
    const parts = [`### ${group/* RESULT_ICON */.kF.pass} ${(0,group/* plural */.LS)(vaults.length, 'vault')} without problems`];
    let length = parts[0].length;
    for (const vault of vaults) {
        const count = (0,group/* plural */.LS)(vault.findings.length, 'check');
        const clients = clientsLine(vault.findings);
        const inline = clients.replace(/\*\*(.*?)\*\*/, '<strong>$1</strong>');
        const label = `${group/* RESULT_ICON */.kF.pass} ${(0,group/* sectionTitle */.Gf)(vault, markdown/* inlineCode */.ti)}: ${count} passed${clients ? ` · ${inline}` : ''}`;
        // Without a pass to fold, the label stands alone, picture or not.
        const shown = withPasses && vault.findings.length > 0;
        const part = passedMarkdown(label, shown ? pictureOf(vault) : null, shown ? vault.findings : []);
        length += part.length + 2;
        if (length > budget)
            return null;
        parts.push(part);
    }
    return parts.join('\n\n');
}
function summary_headline(report) {
    const parts = [`## ${group/* RESULT_ICON */.kF[report.result]} ${group/* RESULT_HEADLINE */.H5[report.result]}`];
    const change = (0,group/* changeLine */.vK)(report);
    if (change)
        parts.push(change);
    parts.push(`**${(0,group/* countsText */.WN)(report.counts)}**`);
    if (report.vaults.length === 0) {
        parts.push('No vaults were found to check.');
    }
    else {
        const names = report.vaults.length <= 20
            ? `: ${report.vaults.map((v) => `${group/* RESULT_ICON */.kF[v.result]} ${(0,markdown/* inlineCode */.ti)(v.name)}`).join(', ')}`
            : '';
        parts.push(`${(0,group/* plural */.LS)(report.vaults.length, 'vault')} checked (${(0,group/* vaultTally */.jy)(report)})${names}`);
    }
    return parts.join('\n\n');
}
/** What the change fixes, or what is gone since the baseline, folded. */
function resolvedList(report, title) {
    const resolved = report.resolved ?? [];
    const shown = resolved
        .slice(0, 50)
        .map((f) => `- ${group/* SEVERITY_ICON */._9[f.severity]} ${(0,markdown/* inlineCode */.ti)(f.rule)} ${f.vault === null ? '' : `on ${(0,markdown/* inlineCode */.ti)(f.vault)}`}: ${(0,markdown/* escapeMarkdown */.FV)(f.message)}`);
    if (resolved.length > shown.length)
        shown.push(`- … and ${resolved.length - shown.length} more (the JSON report's \`resolved\` lists them)`);
    return `<details><summary>✅ ${title}: ${(0,group/* plural */.LS)(resolved.length, 'problem')}</summary>\n\n${shown.join('\n')}\n\n</details>`;
}
/** What the parts that did not fit held, for the note that says so. */
function leftOut(parts) {
    const problems = parts.reduce((n, p) => n + (p.problems ?? 0), 0);
    const healthy = parts.reduce((n, p) => n + (p.healthy ?? 0), 0);
    return [
        problems ? `the details of ${(0,group/* plural */.LS)(problems, 'vault')} with problems` : '',
        healthy ? `${(0,group/* plural */.LS)(healthy, 'vault')} without problems` : '',
        ...new Set(parts.map((p) => p.label ?? ''))
    ]
        .filter(Boolean)
        .join('; ');
}
const bytes = (text) => Buffer.byteLength(text, 'utf8');
/**
 * The whole summary as GitHub Markdown (a pure function of the report), at most `maxBytes` of
 * UTF-8. `reportPath` (the JSON report's) is named wherever something is left out.
 */
function renderSummary(report, maxBytes = SUMMARY_MAX_BYTES, probe = null, diagrams = null, reportPath = null) {
    const sections = (0,group/* vaultSections */.Jv)(report);
    const withProblems = sections.filter(hasProblems);
    const withoutProblems = sections.filter((s) => !hasProblems(s));
    const fold = report.vaults.length > FOLD_VAULTS_FROM;
    const where = fullReport(reportPath);
    const words = (0,group/* changeWords */.mF)(report);
    // Pictures for the vaults with problems and, with a plan, those the change adds to: the first
    // MAX_DIAGRAMS of them.
    const added = withoutProblems.filter((s) => s.findings.some((f) => f.change === 'new'));
    const drawn = new Set([...withProblems, ...added].slice(0, MAX_DIAGRAMS));
    const pictureOf = (vault) => drawn.has(vault) ? diagramOf(vault, diagrams) : null;
    // Part by part, so that a summary that cannot fit with its passed checks is given up as soon
    // as it outgrows the limit, not after rendering every vault's passes (at 500 vaults, most of
    // what the summary allocated). `budget` is what is left of the limit.
    function* render(withPasses, budget) {
        yield { text: summary_headline(report), label: 'the headline' };
        if (words && report.resolved?.length)
            yield { text: resolvedList(report, words.resolved), label: 'the list of what was fixed' };
        // Without a vault with problems, the healthy line would only repeat the headline's tally and
        // the heading of the passed section under it.
        const overview = overviewMarkdown(sections, SUMMARY_TABLE_ROWS, listedIn(reportPath), {
            healthy: withProblems.length > 0
        });
        for (const text of overview)
            yield { text, label: 'part of the overview' };
        if (!withPasses)
            yield {
                text: '> [!NOTE]\n> Passed checks are left out so the summary fits; the JSON report lists them.'
            };
        if (withProblems.length > MAX_DIAGRAMS && diagrams)
            yield {
                text: `> [!NOTE]\n> Pictures are drawn for the first ${MAX_DIAGRAMS} vaults with problems only.`
            };
        for (const vault of withProblems)
            yield { text: problemSection(vault, withPasses, pictureOf(vault), fold, words), problems: 1 };
        if (withoutProblems.length > 0) {
            // Its length in UTF-16 units is at most its size in bytes: past the budget, it cannot fit.
            // Without passes, a section that cannot fit is not rendered in full only to be cut below
            // (at 2,000 vaults, 1,400 healthy ones' lines).
            const text = passedSection(withoutProblems, withPasses, pictureOf, budget());
            const healthy = withoutProblems.filter((s) => s.name !== null).length;
            yield text !== null
                ? { text, healthy }
                : withPasses
                    ? null
                    : { text: '', healthy, unfit: true };
        }
        // What the probe saw, per vault (probe-summary.ts).
        if (probe)
            yield { text: renderProbeSummary(probe), label: 'what the probe saw' };
    }
    // Sizes once each: the budget is GitHub's, in bytes, and a summary can be most of a MiB.
    const sized = (withPasses) => {
        const parts = [];
        let used = -2; // the parts are joined by blank lines
        for (const part of render(withPasses, () => maxBytes - used - 2)) {
            if (part === null)
                return null;
            const size = part.unfit ? Infinity : bytes(part.text);
            used += size + 2;
            if (withPasses && used > maxBytes)
                return null;
            parts.push({ ...part, size });
        }
        return parts;
    };
    // Every pass is a line of at least its rule ID and message with passes: when those alone
    // outgrow the limit (40,000 passes at 2,000 vaults), that rendering is not even begun.
    let passBytes = 0;
    for (const section of sections)
        for (const f of section.findings)
            if (f.severity === 'pass')
                passBytes += f.rule.length + f.message.length + 4;
    const parts = (passBytes <= maxBytes ? sized(true) : null) ?? sized(false);
    const total = (list) => list.reduce((n, p) => n + p.size, 0) + 2 * Math.max(0, list.length - 1);
    if (total(parts) <= maxBytes)
        return `${parts.map((p) => p.text).join('\n\n')}\n`;
    // Whole parts, in order, while they fit with room for the note that names what did not.
    const kept = [];
    let used = 0;
    for (const [index, part] of parts.entries()) {
        const next = used + (kept.length > 0 ? 2 : 0) + part.size;
        if (next > maxBytes - 600) {
            const rest = parts.slice(index);
            const left = (0,group/* plural */.LS)(rest.length, 'more section');
            const full = where.charAt(0).toUpperCase() + where.slice(1);
            return `${kept.join('\n\n')}\n\n> [!NOTE]\n> The summary is cut short: ${left} did not fit (${leftOut(rest)}). ${full} has every finding.\n`;
        }
        kept.push(part.text);
        used = next;
    }
    return `${kept.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/report/publish.ts
/**
 * The report stage's tail, the same for a run and for `merge-reports`: log, annotate, write the
 * JSON report, the job summary, the outputs, the PR comment, then decide how the step ends.
 * Everything it shows comes from the report; nothing here re-decides a check.
 */












async function publish(report, options) {
    const { inputs, diagrams = null } = options;
    const env = options.env ?? process.env;
    const log = options.log ?? logger/* logger */.vF;
    (0,logger/* inOneWrite */.Xd)(() => {
        logFindings(report, log);
        annotate(report, log);
    });
    const reportPath = await (0,report_report.writeReport)(report, env.RUNNER_TEMP || (0,external_node_os_.tmpdir)());
    // Compact: code scanning reads it, not a person (at 2,000 vaults, 0.9 MB instead of 1.2).
    const sarifPath = await (0,report_report.writeBeside)((0,report_report.besideReport)(reportPath, 'report', 'sarif'), `${JSON.stringify(renderSarif(report, {
        planPath: options.planPath ?? null,
        workflowRef: env.GITHUB_WORKFLOW_REF
    }))}\n`);
    // Executable for the owner only: it is for a person to review, then run.
    const fixPath = await (0,report_report.writeBeside)((0,report_report.besideReport)(reportPath, 'fix', 'sh'), renderFixScript(report), 0o744);
    const summaryWritten = inputs.report.includes('summary');
    if (summaryWritten) {
        const text = renderSummary(report, SUMMARY_MAX_BYTES, options.probe ?? null, diagrams, reportPath);
        await core/* summary */.z.addRaw(text).write();
    }
    setOutputs(report, { report: reportPath, sarif: sarifPath, fixScript: fixPath });
    // Never throws: a comment that cannot be written is a notice or a warning, not a failure.
    if (inputs.report.includes('comment')) {
        await postComment(report, {
            token: inputs.githubToken,
            key: inputs.commentKey,
            diagrams,
            summaryWritten,
            reportPath,
            env,
            sink: log
        });
    }
    const gate = options.gate ?? 'all';
    if (shouldFail(report, inputs.failOn, gate)) {
        const merged = options.merged === undefined ? '' : ` (${options.merged} reports merged)`;
        if (gate === 'new' && report.resolved !== undefined) {
            const fresh = gateCounts(report, gate);
            const before = report.counts.error + report.counts.warning - fresh.errors - fresh.warnings;
            core/* setFailed */.C1(`Key Vault private link check${merged}: ${report.plan ? 'the change introduces' : 'new since the baseline:'} ${fresh.errors} error(s), ${fresh.warnings} warning(s); ${before} were there before (fail-on: ${inputs.failOn}, gate: new)`);
        }
        else {
            core/* setFailed */.C1(`Key Vault private link check${merged}: ${report.counts.error} error(s), ${report.counts.warning} warning(s) (fail-on: ${inputs.failOn})`);
        }
    }
}
/** `report: comment`: the body comment.ts renders, written by sticky-comment.ts. Never throws. */
async function postComment(report, options) {
    // Loaded only when used: the GitHub client is a large part of the bundle.
    const { writeStickyComment } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(647)]).then(__webpack_require__.bind(__webpack_require__, 647));
    const { key, diagrams, summaryWritten, reportPath } = options;
    return writeStickyComment({
        ...options,
        marker: commentMarker(key),
        body: ({ existing, sha, runUrl }) => renderComment(report, {
            key,
            diagrams,
            summaryWritten,
            reportPath,
            summaryUrl: runUrl,
            sha,
            previous: existing ? previousResult(existing) : null
        })
    });
}


/***/ })

};

//# sourceMappingURL=883.index.js.map