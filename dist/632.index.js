export const id = 632;
export const ids = [632];
export const modules = {

/***/ 1632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applySuppressions: () => (/* binding */ applySuppressions),
/* harmony export */   evaluate: () => (/* binding */ evaluate)
/* harmony export */ });
/* harmony import */ var _model_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9860);
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(384);
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5917);
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6801);




const RULE_LIST = _rules_index_js__WEBPACK_IMPORTED_MODULE_3__/* .ALL_RULES */ .U;
/** The checks of a target, in catalogue order (reading rules run last, over all targets). */
const TARGET_RULES = RULE_LIST.filter((rule) => rule.scope === 'target');
const PROBE_RULES = RULE_LIST.filter((rule) => rule.scope === 'probe');
const RUN_RULES = RULE_LIST.filter((rule) => rule.scope === 'run');
/** Which checks of which vaults each failed read kept from running. */
class Blocked {
    byFailure = new Map();
    add(failure, rule, vault) {
        let entry = this.byFailure.get(failure);
        if (!entry)
            this.byFailure.set(failure, (entry = { rules: new Set(), vaults: new Set() }));
        entry.rules.add(rule);
        entry.vaults.add(vault);
    }
    get(failure) {
        const entry = this.byFailure.get(failure);
        if (!entry)
            return { rules: [], vaults: [] };
        return {
            rules: _catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .RULE_IDS */ .Iu.filter((rule) => entry.rules.has(rule)),
            vaults: [...entry.vaults]
        };
    }
}
/** The target's own reads that failed, by what they were (the PEs, their NICs and zone groups). */
function ownFailures(model) {
    const failures = model.peFailures.map((f) => ['private-endpoint', f]);
    for (const pe of model.endpoints) {
        for (const failure of pe.nicFailures)
            failures.push(['network-interface', failure]);
        if (pe.dnsZoneGroupsFailure)
            failures.push(['dns-zone-group', pe.dnsZoneGroupsFailure]);
    }
    return failures;
}
function applies(rule, model) {
    return !rule.kinds || rule.kinds.includes(model.names.kind);
}
function evaluate(snapshot, probeRun, options, ignore, model = (0,_model_model_js__WEBPACK_IMPORTED_MODULE_0__.buildRunModel)(snapshot)) {
    const blocked = new Blocked();
    const perVault = new Map();
    // With the inside probe, this runner's own VNet is a client VNet of the run (its DNS path is
    // checked on the control plane too); an address in no VNet read makes it no client.
    const runnerVnets = probeRun?.mode === 'inside'
        ? [...new Set(probeRun.runnerAddresses.flatMap((ip) => (0,_model_model_js__WEBPACK_IMPORTED_MODULE_0__.vnetHolding)(snapshot, ip)?.id ?? []))]
        : [];
    // The probe's result for each vault: the first one under its name.
    const probes = new Map();
    for (const item of probeRun?.vaults ?? [])
        if (!probes.has(item.vault))
            probes.set(item.vault, item);
    for (const target of model.targets) {
        const name = target.vault.name;
        const findings = [];
        const ctx = { snapshot, model: target, options, runnerVnets };
        for (const rule of TARGET_RULES) {
            if (rule.scope !== 'target' || !applies(rule, target))
                continue;
            const out = new _rule_js__WEBPACK_IMPORTED_MODULE_2__/* .Outcomes */ .qq(rule, name, findings);
            rule.check(ctx, out);
            for (const failure of out.blocked)
                blocked.add(failure, rule.id, name);
        }
        // A check that needs a read of the target's own that failed did not (fully) run: derived from
        // what the rule says it needs, so no rule can forget to say so.
        for (const [read, failure] of ownFailures(target)) {
            for (const rule of TARGET_RULES) {
                if (rule.needs.includes(read) && applies(rule, target))
                    blocked.add(failure, rule.id, name);
            }
        }
        const probe = probes.get(name);
        if (probeRun && probe && !probe.skipped) {
            const probeCtx = { ...ctx, probe, run: probeRun };
            for (const rule of PROBE_RULES) {
                if (rule.scope !== 'probe' || !rule.modes.includes(probeRun.mode))
                    continue;
                if (!applies(rule, target))
                    continue;
                rule.check(probeCtx, new _rule_js__WEBPACK_IMPORTED_MODULE_2__/* .Outcomes */ .qq(rule, name, findings));
            }
        }
        perVault.set(name.toLowerCase(), findings);
    }
    const runCtx = {
        snapshot,
        run: model,
        options,
        blockedBy: (failure) => blocked.get(failure),
        targetRules: TARGET_RULES.map((rule) => rule.id)
    };
    // Findings tied to no single vault first, then each vault's.
    const findings = [];
    const reading = new Map();
    for (const rule of RUN_RULES) {
        if (rule.scope !== 'run')
            continue;
        const out = new _rule_js__WEBPACK_IMPORTED_MODULE_2__/* .Outcomes */ .qq(rule, null);
        rule.check(runCtx, out);
        for (const item of out.findings) {
            if (item.vault === null)
                findings.push(item);
            else {
                const key = item.vault.toLowerCase();
                const group = reading.get(key);
                if (group)
                    group.push(item);
                else
                    reading.set(key, [item]);
            }
        }
    }
    for (const vault of snapshot.vaults) {
        const key = vault.name.toLowerCase();
        findings.push(...(reading.get(key) ?? []), ...(perVault.get(key) ?? []));
    }
    return applySuppressions(findings, ignore);
}
/** Drops suppressed findings: `RULE` everywhere, `RULE@vault` for that vault (case-insensitive). */
function applySuppressions(findings, ignore) {
    if (ignore.length === 0)
        return findings;
    return findings.filter((item) => !ignore.some((suppression) => suppression.rule === item.rule &&
        (suppression.vault === null ||
            (item.vault !== null && suppression.vault.toLowerCase() === item.vault.toLowerCase()))));
}


/***/ })

};

//# sourceMappingURL=632.index.js.map