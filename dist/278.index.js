export const id = 278;
export const ids = [278];
export const modules = {

/***/ 3278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMerge: () => (/* binding */ runMerge)
/* harmony export */ });
/* unused harmony exports reportFiles, readReport, mergeReports */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4116);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3718);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1036);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6472);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5468);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8850);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8818);
/**
 * `merge-reports`: one summary, one JSON report and one set of outputs from the JSON reports of
 * several runs (a matrix job per subscription, each uploading its report as an artifact). No
 * Azure call is made: the findings are taken as the runs wrote them, and only the counts and
 * results are worked out again over the union.
 */










/** Entries (files or folders; folders are searched for `*.json`, sub-folders included). */
async function reportFiles(spec, cwd = process.cwd()) {
    const entries = spec
        .split(/[\n,]/)
        .map((e) => e.trim())
        .filter((e) => e !== '');
    const files = [];
    for (const entry of entries) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(cwd, entry);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path).catch(() => null);
        if (!info) {
            throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('merge-reports', `Input 'merge-reports' names '${entry}', which does not exist: expected JSON report files or folders holding them`);
        }
        if (info.isDirectory())
            files.push(...(await jsonFilesUnder(path)));
        else
            files.push(path);
    }
    const unique = [...new Set(files)];
    if (unique.length === 0) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('merge-reports', `Input 'merge-reports' is '${spec.trim()}': no JSON report found there (download the jobs' report artifacts first)`);
    }
    return unique;
}
async function jsonFilesUnder(dir) {
    const found = [];
    for (const entry of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, entry.name);
        if (entry.isDirectory())
            found.push(...(await jsonFilesUnder(path)));
        else if (entry.name.toLowerCase().endsWith('.json'))
            found.push(path);
    }
    return found;
}
/** Reads one report; a file that is not a schema-1 report is a bad input, named. */
async function readReport(path) {
    let value;
    try {
        value = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8'));
    }
    catch (error) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('merge-reports', `Input 'merge-reports': ${path} is not JSON (${error.message.split('\n')[0]})`);
    }
    const report = value;
    if (!report ||
        report.schemaVersion !== 1 ||
        !Array.isArray(report.findings) ||
        !Array.isArray(report.vaults)) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('merge-reports', `Input 'merge-reports': ${path} is not a kv-private-link-doctor report (schemaVersion 1 with vaults and findings)`);
    }
    return report;
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
                vaults.set(key, { name: vault.name, id: vault.id });
        }
        for (const finding of report.findings)
            findings.set(JSON.stringify(finding), finding);
    }
    return (0,_report_js__WEBPACK_IMPORTED_MODULE_7__/* .buildReport */ .FK)([...findings.values()], [...vaults.values()]);
}
/** The whole `merge-reports` run: read, merge, report, outputs, fail per `fail-on`. */
async function runMerge(spec, get) {
    const failOn = (get('fail-on').trim() || 'error');
    if (!['error', 'warning', 'never'].includes(failOn)) {
        throw new _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('fail-on', `Input 'fail-on' is '${failOn}': expected error, warning or never`);
    }
    const targets = (get('report').trim() || 'summary').split(',').map((t) => t.trim());
    const files = await reportFiles(spec);
    const report = mergeReports(await Promise.all(files.map(readReport)));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Merged ${files.length} report(s): ${report.vaults.length} vault(s), ${report.findings.length} finding(s)`);
    (0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .logFindings */ .H)(report);
    const reportPath = await (0,_report_js__WEBPACK_IMPORTED_MODULE_7__/* .writeReport */ .u5)(report, process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)());
    if (targets.includes('summary'))
        await (0,_summary_js__WEBPACK_IMPORTED_MODULE_8__/* .writeSummary */ .Sy)(report);
    (0,_outputs_js__WEBPACK_IMPORTED_MODULE_6__/* .setOutputs */ .n)(report, reportPath);
    if ((0,_exit_js__WEBPACK_IMPORTED_MODULE_9__/* .shouldFail */ .W)(report, failOn)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`Key Vault private link check (${files.length} reports merged): ${report.counts.error} error(s), ${report.counts.warning} warning(s) (fail-on: ${failOn})`);
    }
}


/***/ })

};

//# sourceMappingURL=278.index.js.map