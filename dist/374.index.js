export const id = 374;
export const ids = [374];
export const modules = {

/***/ 993:
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


/***/ })

};

//# sourceMappingURL=374.index.js.map