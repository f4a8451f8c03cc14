export const id = 850;
export const ids = [850];
export const modules = {

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   REPORT_FILE_NAME: () => (/* binding */ REPORT_FILE_NAME),
/* harmony export */   besideReport: () => (/* binding */ besideReport),
/* harmony export */   buildReport: () => (/* binding */ buildReport),
/* harmony export */   countsOf: () => (/* binding */ countsOf),
/* harmony export */   findingsByVault: () => (/* binding */ findingsByVault),
/* harmony export */   isCompared: () => (/* binding */ isCompared),
/* harmony export */   jsonAt: () => (/* binding */ jsonAt),
/* harmony export */   resultOf: () => (/* binding */ resultOf),
/* harmony export */   sameVault: () => (/* binding */ sameVault),
/* harmony export */   writeBeside: () => (/* binding */ writeBeside),
/* harmony export */   writeReport: () => (/* binding */ writeReport)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The JSON report of the contract (schema version 1): the findings as the rules made them, their
 * counts, and the result of the run and of each vault. Nothing here re-decides a check.
 */



/** Whether the findings carry `change` (a plan or a baseline was compared with). */
function isCompared(report) {
    return report.resolved !== undefined;
}
const REPORT_FILE_NAME = 'kv-private-link-doctor-report.json';
/** `fail` on any error, else `warn` on any warning, else `pass`. */
function resultOf(findings) {
    if (findings.some((finding) => finding.severity === 'error'))
        return 'fail';
    if (findings.some((finding) => finding.severity === 'warning'))
        return 'warn';
    return 'pass';
}
function countsOf(findings) {
    const counts = { error: 0, warning: 0, info: 0, pass: 0 };
    // forEach, not for…of, over every finding of a run (see findingsByVault).
    findings.forEach((finding) => counts[finding.severity]++);
    return counts;
}
/** Vault names are case-insensitive. */
function sameVault(a, b) {
    return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}
/**
 * Findings grouped by lower-cased vault name (`null`: tied to no vault), in their order. Built once
 * so that per-vault work stays linear on a run with hundreds of vaults and thousands of findings.
 */
function findingsByVault(findings) {
    const groups = new Map();
    // Findings come vault by vault: most have the same vault as the one before, whose group needs
    // no second lower-cased copy of its name to be found.
    let group;
    let vault = null;
    // forEach, not for…of: the reporters go over every finding of a run several times, in code V8
    // does not optimize in a run this short, where each step of for…of allocates an iterator
    // result (46,000 findings at 2,000 vaults: about 2 MB a pass).
    findings.forEach((finding) => {
        if (group === undefined || finding.vault !== vault) {
            vault = finding.vault;
            const key = vault === null ? null : vault.toLowerCase();
            group = groups.get(key);
            if (!group)
                groups.set(key, (group = []));
        }
        group.push(finding);
    });
    return groups;
}
function buildReport(findings, vaults) {
    const byVault = findingsByVault(findings);
    const affecting = new Map();
    for (const finding of findings) {
        for (const name of finding.affectedVaults ?? []) {
            const key = name.toLowerCase();
            affecting.set(key, [...(affecting.get(key) ?? []), finding]);
        }
    }
    return {
        schemaVersion: 1,
        generatedAt: new Date().toISOString(),
        result: resultOf(findings),
        counts: countsOf(findings),
        vaults: vaults.map((vault) => {
            const key = vault.name.toLowerCase();
            // A failed shared read (a zone's records, a VNet) that kept checks of this vault from
            // running counts for it too: such a vault is never `pass`.
            const blockedBy = (affecting.get(key) ?? []).filter((finding) => finding.vault === null);
            const own = byVault.get(key) ?? [];
            return {
                name: vault.name,
                id: vault.id,
                type: vault.type ?? 'vault',
                result: resultOf(blockedBy.length > 0 ? [...own, ...blockedBy] : own)
            };
        }),
        findings: [...findings]
    };
}
/**
 * Writes the report under `dir` (RUNNER_TEMP) and returns its path. The file appears complete or
 * not at all (written to a temporary name, then linked into place), and an earlier run's report in
 * the same job is never overwritten: a second run gets `…-report-2.json`, and so on.
 */
async function writeReport(report, dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    const temporary = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `.${REPORT_FILE_NAME}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    await writeJson(report, temporary);
    let canLink = true;
    try {
        for (let attempt = 1; attempt <= 1000; attempt++) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, attempt === 1 ? REPORT_FILE_NAME : REPORT_FILE_NAME.replace(/\.json$/, `-${attempt}.json`));
            if (canLink) {
                try {
                    // link() never replaces an existing file, unlike rename().
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(temporary, path);
                    return path;
                }
                catch (error) {
                    const code = error.code;
                    if (code === 'EEXIST')
                        continue;
                    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS')
                        throw error;
                    canLink = false; // no hard links on this file system
                }
            }
            if (await exists(path))
                continue;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temporary, path);
            return path;
        }
        throw new Error(`Too many reports in ${dir}: no free file name for ${REPORT_FILE_NAME}`);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(temporary).catch(() => undefined);
    }
}
/** Bytes gathered before a write to the report file. */
const BYTES_PER_WRITE = 1024 * 1024;
/** The report's lists of findings: written a finding to a line. */
const FINDING_LISTS = new Set(['findings', 'resolved']);
/**
 * Writes the report as `JSON.stringify(report, null, 2)` lays it out, except that each finding of
 * `findings` and `resolved` is one line of compact JSON (a finding per line: `grep` finds one
 * whole, and at 2,000 vaults the 46,000 findings stringify in two thirds of the time and take
 * 14 % fewer bytes than indented). Written a finding at a time, so peak memory does not grow with
 * the whole report's text: laying the text out piece by piece in JavaScript allocated ten times
 * the report's size in small strings. One finding per `JSON.stringify`, not a slice of many: V8
 * makes a whole result two bytes per character as soon as one character is beyond Latin-1 (an
 * arrow in a DNS path, a dash in a TTL range), so a slice of 100 findings was nearly always twice
 * its size in memory and slower to encode; a finding's text is mostly ASCII.
 */
async function writeJson(report, path) {
    const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'wx', 0o644);
    // The text is encoded straight into one of two buffers, outside V8's heap, and written a
    // megabyte at a time while the other buffer fills: a write per piece would leave the thread idle
    // thousands of times, and a Buffer per piece cost twice the encoding (at 2,000 vaults the report
    // is 32 MB).
    const buffers = [Buffer.allocUnsafe(BYTES_PER_WRITE), Buffer.allocUnsafe(BYTES_PER_WRITE)];
    let filling = 0;
    let used = 0;
    let writing = Promise.resolve();
    const write = async (data) => {
        await writing;
        writing = file.writeFile(data);
    };
    const flush = async () => {
        if (used === 0)
            return;
        // The other buffer's write is awaited before this one starts: then it can be filled again.
        await write(buffers[filling].subarray(0, used));
        filling = 1 - filling;
        used = 0;
    };
    const addAfterFlush = async (piece) => {
        await flush();
        if (piece.length * 3 > BYTES_PER_WRITE)
            await write(piece);
        else
            used += buffers[filling].write(piece, used, 'utf8');
    };
    // Synchronous while the piece fits (at most 3 bytes of UTF-8 per UTF-16 unit): an await per
    // piece would be two per finding.
    const add = (piece) => {
        if (piece.length * 3 > BYTES_PER_WRITE - used)
            return addAfterFlush(piece);
        used += buffers[filling].write(piece, used, 'utf8');
        return undefined;
    };
    try {
        const entries = Object.entries(report).filter(([, value]) => value !== undefined);
        await add('{');
        for (const [index, [key, value]] of entries.entries()) {
            await add(`${index === 0 ? '\n  ' : ',\n  '}${JSON.stringify(key)}: `);
            if (!FINDING_LISTS.has(key) || !Array.isArray(value) || value.length === 0) {
                await add(jsonAt(value, 1));
                continue;
            }
            await add('[');
            for (let i = 0; i < value.length; i++) {
                const separator = add(i === 0 ? '\n    ' : ',\n    ');
                if (separator)
                    await separator;
                // As in an array: what JSON cannot hold is null.
                const finding = add(JSON.stringify(value[i]) ?? 'null');
                if (finding)
                    await finding;
            }
            await add('\n  ]');
        }
        await add('\n}\n');
        await flush();
        await writing;
    }
    finally {
        // A write that failed is reported by the await above; here it must only not be left pending.
        await writing.catch(() => undefined);
        await file.close();
    }
}
/**
 * `JSON.stringify(value, null, 2)` as it reads `depth` levels deep inside a bigger such text:
 * every line after the first indented by two more spaces per level. Stringified inside `depth`
 * arrays, which V8 lays out at just that depth; their brackets are sliced off (a slice of a
 * string shares its characters, it is no copy).
 */
function jsonAt(value, depth) {
    let wrapped = value;
    for (let level = 0; level < depth; level++)
        wrapped = [wrapped];
    // Level k's wrapper adds `[\n` and 2(k + 1) spaces before the value, `\n`, 2k spaces and `]`
    // after it.
    const before = depth * (depth + 3);
    const after = depth * (depth + 1);
    const text = JSON.stringify(wrapped, null, 2);
    return text.slice(before, text.length - after);
}
async function exists(path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(path);
        return true;
    }
    catch {
        return false;
    }
}
/** A file beside the JSON report, with the same `-N` suffix: `…-report-2.json` → `…-fix-2.sh`. */
function besideReport(reportPath, stem, extension) {
    const match = /-report(-\d+)?\.json$/.exec(reportPath);
    const suffix = match?.[1] ?? '';
    const base = match ? reportPath.slice(0, match.index) : reportPath.replace(/\.json$/, '');
    return `${base}-${stem}${suffix}.${extension}`;
}
/** Writes a file that must not exist yet (its name follows the report's, which is unique). */
async function writeBeside(path, text, mode = 0o644) {
    const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'wx', mode);
    try {
        await file.writeFile(text, 'utf8');
    }
    finally {
        await file.close();
    }
    return path;
}


/***/ })

};

//# sourceMappingURL=850.index.js.map