export const id = 460;
export const ids = [460];
export const modules = {

/***/ 5460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMerge: () => (/* binding */ runMerge)
/* harmony export */ });
/* unused harmony exports reportFiles, readReport, reportProblem, mergeReports */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9358);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5357);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2522);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4160);
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
    for (const [i, finding] of report.findings.entries()) {
        const at = `findings[${i}]`;
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
 * finding both reported (same content) is kept once.
 */
function mergeReports(reports) {
    const vaults = new Map();
    const findings = new Map();
    for (const report of reports) {
        for (const vault of report.vaults) {
            const key = (vault.id || vault.name).toLowerCase();
            if (!vaults.has(key))
                vaults.set(key, { name: vault.name, id: vault.id, type: vault.type ?? 'vault' });
        }
        for (const finding of report.findings)
            findings.set(JSON.stringify(finding), finding);
    }
    return (0,_report_js__WEBPACK_IMPORTED_MODULE_5__.buildReport)([...findings.values()], [...vaults.values()]);
}
/** The whole `merge-reports` run: read, merge, report, outputs, fail per `fail-on`. */
async function runMerge(spec, get, env = process.env) {
    const inputs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMergeInputs */ .LF)(get, env);
    const files = await reportFiles(spec);
    const report = mergeReports(await Promise.all(files.map(readReport)));
    _logger_js__WEBPACK_IMPORTED_MODULE_3__/* .logger */ .vF.info(`Merged ${files.length} report(s): ${report.vaults.length} vault(s), ${report.findings.length} finding(s)`);
    // As a normal run ends, comment and fail-on included; there is no probe and no picture.
    await (0,_publish_js__WEBPACK_IMPORTED_MODULE_4__.publish)(report, { inputs, merged: files.length, env });
}


/***/ })

};

//# sourceMappingURL=460.index.js.map