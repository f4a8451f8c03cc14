export const id = 278;
export const ids = [278];
export const modules = {

/***/ 3278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMerge: () => (/* binding */ runMerge)
/* harmony export */ });
/* unused harmony exports reportFiles, readReport, reportProblem, mergeReports */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1264);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6999);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9883);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8850);
/**
 * `merge-reports`: one summary, one JSON report and one set of outputs from the JSON reports of
 * several runs (a matrix job per subscription, each uploading its report as an artifact). No
 * Azure call is made: the findings are taken as the runs wrote them, and only the counts and
 * results are worked out again over the union.
 */






/** Entries (files or folders; folders are searched for `*.json`, sub-folders included). */
async function reportFiles(spec, cwd = process.cwd()) {
    const entries = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .splitList */ .ry)(spec);
    const files = [];
    for (const entry of entries) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, entry);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => null);
        if (!info) {
            throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('merge-reports', `Input 'merge-reports' names '${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(entry)}', which does not exist: expected JSON report files or folders holding them`);
        }
        if (info.isDirectory())
            files.push(...(await jsonFilesUnder(path)));
        else
            files.push(path);
    }
    const unique = [...new Set(files)];
    if (unique.length === 0) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('merge-reports', `Input 'merge-reports' is '${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(spec.trim())}': no JSON report found there (download the jobs' report artifacts first)`);
    }
    return unique;
}
async function jsonFilesUnder(dir) {
    const found = [];
    for (const entry of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name);
        if (entry.isDirectory())
            found.push(...(await jsonFilesUnder(path)));
        else if (entry.name.toLowerCase().endsWith('.json'))
            found.push(path);
    }
    return found;
}
/** Reads one report; a file that is not a schema-1 report, or has a malformed entry, is a bad input, named. */
async function readReport(path) {
    const where = `Input 'merge-reports': ${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(path)}`;
    let value;
    try {
        value = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
    }
    catch (error) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('merge-reports', `${where} is not JSON (${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(error.message.split('\n')[0] ?? '')})`);
    }
    const report = value;
    if (!report ||
        typeof report !== 'object' ||
        report.schemaVersion !== 1 ||
        !Array.isArray(report.findings) ||
        !Array.isArray(report.vaults)) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('merge-reports', `${where} is not a kv-private-link-doctor report (schemaVersion 1 with vaults and findings)`);
    }
    const problem = reportProblem(report);
    if (problem)
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('merge-reports', `${where}: ${problem}`);
    return report;
}
const SEVERITIES = ['error', 'warning', 'info', 'pass'];
const RESULTS = ['pass', 'warn', 'fail'];
const FINDING_TEXTS = ['resource', 'message', 'observed', 'expected', 'docs'];
/** A JSON value as a message quotes it: strings quoted, the rest as JSON, all on one line. */
function quoted(value) {
    if (value === undefined)
        return 'missing';
    if (typeof value === 'string')
        return `'${(0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)}'`;
    return (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(JSON.stringify(value) ?? String(value));
}
/**
 * The first entry of a report's `vaults` or `findings` that does not have the shape this action
 * writes (what the merge counts and prints relies on it), as `findings[3].severity is 'Error';
 * allowed: …`; null when every entry is well-formed.
 */
function reportProblem(report) {
    const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    const notText = (at, value, what = 'a string') => `${at} is ${quoted(value)}; expected ${what}`;
    for (const [i, vault] of report.vaults.entries()) {
        const at = `vaults[${i}]`;
        if (!isObject(vault))
            return notText(at, vault, 'an object with name, id and result');
        if (typeof vault.name !== 'string' || vault.name.trim() === '')
            return notText(`${at}.name`, vault.name, 'the vault name');
        if (typeof vault.id !== 'string')
            return notText(`${at}.id`, vault.id, "the vault's resource ID");
        if (!RESULTS.includes(vault.result))
            return `${at}.result is ${quoted(vault.result)}; allowed: ${RESULTS.join(', ')}`;
    }
    if (report.resolved !== undefined && !Array.isArray(report.resolved))
        return notText('resolved', report.resolved, 'a list of findings');
    const resolved = report.resolved ?? [];
    const entries = [
        ...report.findings.map((f, i) => [`findings[${i}]`, f]),
        ...resolved.map((f, i) => [`resolved[${i}]`, f])
    ];
    for (const [at, finding] of entries) {
        if (!isObject(finding)) {
            return notText(at, finding, 'an object with rule, severity, vault, message and the rest');
        }
        if (typeof finding.rule !== 'string' || finding.rule.trim() === '')
            return notText(`${at}.rule`, finding.rule, 'a rule ID');
        if (!SEVERITIES.includes(finding.severity))
            return `${at}.severity is ${quoted(finding.severity)}; allowed: ${SEVERITIES.join(', ')}`;
        if (finding.vault !== null && typeof finding.vault !== 'string')
            return notText(`${at}.vault`, finding.vault, 'a vault name or null');
        for (const field of FINDING_TEXTS) {
            if (typeof finding[field] !== 'string')
                return notText(`${at}.${field}`, finding[field]);
        }
        if (finding.fix !== null && typeof finding.fix !== 'string')
            return notText(`${at}.fix`, finding.fix, 'a string or null');
        if (finding.notRun !== undefined &&
            !(Array.isArray(finding.notRun) && finding.notRun.every((r) => typeof r === 'string')))
            return notText(`${at}.notRun`, finding.notRun, 'a list of rule IDs');
    }
    return null;
}
/**
 * The union of several reports. A vault checked by two jobs (same ID) is listed once, and a
 * finding both reported (same content) is kept once. What the runs compared with carries over:
 * `resolved` is the union of theirs, `plan` and `baseline` say what was judged (the counts and
 * the lead the summary and outputs show are then worked out over the union too).
 */
function mergeReports(reports) {
    const vaults = new Map();
    const findings = new Map();
    const resolved = new Map();
    let compared = false;
    for (const report of reports) {
        for (const vault of report.vaults) {
            const key = (vault.id || vault.name).toLowerCase();
            if (!vaults.has(key))
                vaults.set(key, { name: vault.name, id: vault.id, type: vault.type ?? 'vault' });
        }
        for (const finding of report.findings)
            findings.set(JSON.stringify(finding), finding);
        if (Array.isArray(report.resolved)) {
            compared = true;
            for (const finding of report.resolved)
                resolved.set(JSON.stringify(finding), finding);
        }
    }
    const merged = (0,_report_js__WEBPACK_IMPORTED_MODULE_5__.buildReport)([...findings.values()], [...vaults.values()]);
    if (compared)
        merged.resolved = [...resolved.values()];
    const plan = mergedPlan(reports.flatMap((r) => (r.plan ? [r.plan] : [])));
    if (plan)
        merged.plan = plan;
    const baseline = mergedBaseline(reports.flatMap((r) => (r.baseline ? [r.baseline] : [])));
    if (baseline)
        merged.baseline = baseline;
    return merged;
}
/**
 * One plan judged by every job of a matrix (each against its own subscription) is that plan;
 * several plans are named together, with every understood resource they change.
 */
function mergedPlan(plans) {
    const distinct = new Map();
    for (const plan of plans) {
        const key = `${plan.format}\n${plan.path}`;
        const known = distinct.get(key);
        // The same file parses to the same changes: its count is the same in every job.
        if (!known || plan.resources > known.resources)
            distinct.set(key, plan);
    }
    const all = [...distinct.values()];
    const first = all[0];
    if (!first)
        return null;
    if (all.length === 1)
        return { ...first };
    return {
        format: first.format,
        path: all.map((p) => p.path).join(', '),
        resources: all.reduce((sum, p) => sum + p.resources, 0),
        plans: all
    };
}
/** The baselines the jobs compared with: their paths, the earliest time, the counts summed. */
function mergedBaseline(baselines) {
    if (baselines.length === 0)
        return null;
    const paths = [...new Set(baselines.map((b) => b.path))];
    const times = baselines
        .map((b) => b.generatedAt)
        .filter((t) => typeof t === 'string')
        .sort();
    const sum = (pick) => baselines.every((b) => pick(b) !== undefined)
        ? baselines.reduce((total, b) => total + (pick(b) ?? 0), 0)
        : undefined;
    const merged = {
        path: paths.join(', '),
        generatedAt: times[0] ?? null
    };
    const fresh = sum((b) => b.new);
    const gone = sum((b) => b.resolved);
    if (fresh !== undefined)
        merged.new = fresh;
    if (gone !== undefined)
        merged.resolved = gone;
    return merged;
}
/** The whole `merge-reports` run: read, merge, report, outputs, fail per `fail-on`. */
async function runMerge(spec, get, env = process.env) {
    const inputs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMergeInputs */ .LF)(get, env);
    const files = await reportFiles(spec);
    const report = mergeReports(await Promise.all(files.map(readReport)));
    _logger_js__WEBPACK_IMPORTED_MODULE_3__/* .logger */ .vF.info(`Merged ${files.length} report(s): ${report.vaults.length} vault(s), ${report.findings.length} finding(s)` +
        (report.resolved ? `, ${report.resolved.length} resolved` : ''));
    // As the runs gated: a plan's jobs count only what the change introduces, unless told.
    const gate = inputs.gate ?? (report.plan ? 'new' : 'all');
    // As a normal run ends, comment and fail-on included; there is no probe and no picture.
    await (0,_publish_js__WEBPACK_IMPORTED_MODULE_4__.publish)(report, { inputs, gate, merged: files.length, env });
}


/***/ })

};

//# sourceMappingURL=278.index.js.map