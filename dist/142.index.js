export const id = 142;
export const ids = [142,632,832];
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


/***/ }),

/***/ 4142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  judgePlan: () => (/* binding */ judgePlan),
  withPlannedVaults: () => (/* binding */ withPlannedVaults)
});

// EXTERNAL MODULE: ./src/compare/compare.ts
var compare = __webpack_require__(6832);
// EXTERNAL MODULE: ./src/evaluate/catalog.ts
var catalog = __webpack_require__(384);
// EXTERNAL MODULE: ./src/evaluate/evaluate.ts
var evaluate = __webpack_require__(1632);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/common/arm-id.ts
var arm_id = __webpack_require__(5765);
// EXTERNAL MODULE: ./src/model/model.ts
var model_model = __webpack_require__(9860);
// EXTERNAL MODULE: ./node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __webpack_require__(8280);
var ipaddr_default = /*#__PURE__*/__webpack_require__.n(ipaddr);
// EXTERNAL MODULE: ./src/collect/snapshot.ts
var collect_snapshot = __webpack_require__(5192);
// EXTERNAL MODULE: ./src/common/ip.ts
var common_ip = __webpack_require__(3796);
// EXTERNAL MODULE: ./src/model/dns-path.ts
var dns_path = __webpack_require__(6372);
// EXTERNAL MODULE: ./src/plan/plan.ts
var plan = __webpack_require__(8720);
// EXTERNAL MODULE: ./src/plan/terraform.ts
var terraform = __webpack_require__(467);
;// CONCATENATED MODULE: ./src/plan/apply.ts
/**
 * Applies a proposed change to the live snapshot: a pure function, so the same rules judge the
 * live and the proposed state. What ARM sets itself (a vault's private endpoint connections,
 * provisioning states, a link's state) keeps its live value, or for a resource the plan creates,
 * the value Azure gives it when the apply succeeds. Values Azure decides only at apply (a new
 * private endpoint's dynamic IP) are never guessed: each gets a stand-in address, listed in
 * `unresolved`, which settle.ts turns back into words (or into PLAN-UNRESOLVED) after the rules ran.
 */








function obj(value) {
    return (0,plan/* isObject */.Gv)(value) ? value : {};
}
function list(value) {
    return Array.isArray(value) ? value.map(obj) : [];
}
function str(value) {
    return typeof value === 'string' ? value : null;
}
function strings(value) {
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}
/** The parent's ID: `<parent>/<childType>/<name>` → `<parent>`. */
function parentId(id) {
    return id.replace(/\/[^/]+\/[^/]+\/?$/, '');
}
/** Parents before children; within a type, the plan's order. */
const ORDER = [
    'microsoft.network/virtualnetworks',
    'microsoft.network/virtualnetworks/virtualnetworkpeerings',
    'microsoft.network/dnsresolvers',
    'microsoft.network/dnsresolvers/inboundendpoints',
    'microsoft.network/dnsforwardingrulesets',
    'microsoft.network/dnsforwardingrulesets/forwardingrules',
    'microsoft.network/dnsforwardingrulesets/virtualnetworklinks',
    'microsoft.network/privatednszones',
    'microsoft.network/privatednszones/virtualnetworklinks',
    'microsoft.keyvault/vaults',
    'microsoft.keyvault/managedhsms',
    'microsoft.network/privateendpoints',
    'microsoft.network/privateendpoints/privatednszonegroups',
    'microsoft.keyvault/vaults/privateendpointconnections',
    'microsoft.keyvault/managedhsms/privateendpointconnections',
    'microsoft.network/privatednszones/a'
];
function applyPlan(live, plan) {
    const snapshot = structuredClone(live);
    const state = new Applier(snapshot);
    const ordered = [...plan.changes].sort((a, b) => ORDER.indexOf(a.type.toLowerCase()) - ORDER.indexOf(b.type.toLowerCase()));
    for (const change of ordered)
        state.apply(change);
    state.finish(live);
    return {
        snapshot,
        unresolved: state.unresolved,
        inScope: [...state.scope.values()],
        resources: plan.changes.length,
        skipped: state.skipped
    };
}
class Applier {
    snapshot;
    unresolved = [];
    scope = new Map();
    skipped = [];
    used = new Set();
    /** Lower-cased IDs of the VNets, resolvers and rulesets the plan touches. */
    touched = new Set();
    /** Lower-cased IDs of the peerings the plan creates (their state is Azure's, set at the end). */
    createdPeerings = new Set();
    gonePeerings = [];
    /** A new inbound endpoint's stand-in address → the address space it is taken from. */
    endpointPrefixes = new Map();
    constructor(snapshot) {
        this.snapshot = snapshot;
        for (const vault of snapshot.vaults) {
            for (const pe of Object.values(vault.privateEndpoints))
                for (const ip of pe?.nicIps ?? [])
                    this.used.add(ip);
        }
        for (const zone of snapshot.zones)
            for (const set of zone.aRecords)
                for (const ip of set.ipv4Addresses)
                    this.used.add(ip);
        // A stand-in must not be taken for a server the VNets or rules already name.
        for (const vnet of Object.values(snapshot.virtualNetworks))
            if (!('failure' in vnet))
                for (const ip of vnet.dnsServers)
                    this.used.add(ip);
        for (const resolver of snapshot.dnsPath?.resolvers ?? [])
            for (const endpoint of resolver.inboundEndpoints)
                for (const ip of endpoint.ips)
                    this.used.add(ip);
        for (const ruleset of snapshot.dnsPath?.rulesets ?? [])
            for (const rule of ruleset.rules)
                for (const t of rule.targets)
                    this.used.add(t.ipAddress);
    }
    apply(change) {
        switch (change.type.toLowerCase()) {
            case 'microsoft.network/virtualnetworks':
                return this.virtualNetwork(change);
            case 'microsoft.network/privatednszones':
                return this.zone(change);
            case 'microsoft.network/privatednszones/virtualnetworklinks':
                return this.link(change);
            case 'microsoft.keyvault/vaults':
            case 'microsoft.keyvault/managedhsms':
                return this.vault(change);
            case 'microsoft.network/privateendpoints':
                return this.privateEndpoint(change);
            case 'microsoft.network/privateendpoints/privatednszonegroups':
                return this.zoneGroup(change);
            case 'microsoft.keyvault/vaults/privateendpointconnections':
            case 'microsoft.keyvault/managedhsms/privateendpointconnections':
                return this.connection(change);
            case 'microsoft.network/privatednszones/a':
                return this.record(change);
            case 'microsoft.network/virtualnetworks/virtualnetworkpeerings':
                return this.peering(change);
            case 'microsoft.network/dnsresolvers':
                return this.resolver(change);
            case 'microsoft.network/dnsresolvers/inboundendpoints':
                return this.inboundEndpoint(change);
            case 'microsoft.network/dnsforwardingrulesets':
                return this.ruleset(change);
            case 'microsoft.network/dnsforwardingrulesets/forwardingrules':
                return this.forwardingRule(change);
            case 'microsoft.network/dnsforwardingrulesets/virtualnetworklinks':
                return this.rulesetLink(change);
        }
    }
    /** After every change: what follows from them together (peering states, IP references, scope). */
    finish(live) {
        this.settlePeerings();
        this.pathsThrough(this.resolveIpReferences());
        this.touchDependents(live);
    }
    touch(vault) {
        this.scope.set(vault.name.toLowerCase(), vault.name);
    }
    skip(change, why) {
        this.skipped.push(`${change.action} ${change.source}: ${why}`);
    }
    // ---- VNets -----------------------------------------------------------------------------
    virtualNetwork(change) {
        const key = (0,collect_snapshot/* idKey */.T)(change.id);
        this.touched.add(key);
        const before = this.snapshot.virtualNetworks[key];
        const kept = before && !('failure' in before) ? before : undefined;
        if (change.action === 'delete') {
            for (const peering of kept?.peerings ?? [])
                this.peeringGone(kept?.id ?? change.id, peering);
            delete this.snapshot.virtualNetworks[key];
        }
        else {
            const props = obj(change.after?.properties);
            if (change.partial && !kept)
                return this.skip(change, 'its VNet was not read');
            const fresh = !kept || change.action === 'replace';
            const vnet = {
                ...kept,
                id: kept?.id ?? change.id,
                name: str(change.after?.name) ?? kept?.name ?? (0,arm_id/* nameOf */.Vb)(change.id),
                addressPrefixes: change.partial && kept
                    ? kept.addressPrefixes
                    : strings(obj(props.addressSpace).addressPrefixes),
                dnsServers: strings(obj(props.dhcpOptions).dnsServers),
                // Peerings are their own resources (azurerm_virtual_network_peering, or a template's
                // child resources): a VNet whose `after` does not list them keeps them.
                peerings: fresh ? [] : (kept?.peerings ?? [])
            };
            if (!fresh && kept) {
                for (const peering of kept.peerings ?? [])
                    this.touched.add((0,collect_snapshot/* idKey */.T)(peering.remoteVirtualNetworkId ?? ''));
            }
            this.snapshot.virtualNetworks[key] = vnet;
            if (!change.partial && Array.isArray(props.virtualNetworkPeerings)) {
                this.embeddedPeerings(vnet, list(props.virtualNetworkPeerings));
            }
        }
        for (const vault of this.snapshot.vaults) {
            if (Object.values(vault.privateEndpoints).some((pe) => (0,collect_snapshot/* sameId */.s)(pe?.vnetId, change.id)))
                this.touch(vault);
        }
    }
    // ---- Peerings ----------------------------------------------------------------------------
    /** A VNet's `after` that lists its peerings (what-if of a template that embeds them): that list. */
    embeddedPeerings(vnet, listed) {
        const before = vnet.peerings ?? [];
        const next = [];
        for (const entry of listed) {
            const name = str(entry.name);
            const id = str(entry.id) ?? (name ? `${vnet.id}/virtualNetworkPeerings/${name}` : null);
            if (!id)
                continue;
            const existing = before.find((p) => (0,collect_snapshot/* sameId */.s)(p.id, id));
            next.push(this.peeringOf(id, entry, existing, vnet));
        }
        for (const gone of before) {
            if (!next.some((p) => (0,collect_snapshot/* sameId */.s)(p.id, gone.id)))
                this.peeringGone(vnet.id, gone);
        }
        vnet.peerings = next;
    }
    /**
     * A peering as the change leaves it. Its state and sync level are ARM's (read-only): an
     * existing peering keeps its live ones; a new one gets its state once every change is applied
     * (settlePeerings), from the other side's.
     */
    peeringOf(id, resource, existing, vnet) {
        const props = obj(resource.properties);
        let remote = str(obj(props.remoteVirtualNetwork).id) ?? existing?.remoteVirtualNetworkId ?? null;
        if (remote?.startsWith(terraform/* KNOWN_AFTER_APPLY */.Ai)) {
            const name = str(resource.name) ?? (0,arm_id/* nameOf */.Vb)(id);
            remote = this.standInVnet(vnet.id, id, `the remote VNet of peering ${name} (${remote.slice(terraform/* KNOWN_AFTER_APPLY */.Ai.length)})`, { vnetId: vnet.id, vnet: vnet.name });
        }
        this.touched.add((0,collect_snapshot/* idKey */.T)(vnet.id));
        if (remote)
            this.touched.add((0,collect_snapshot/* idKey */.T)(remote));
        if (existing && (0,collect_snapshot/* sameId */.s)(existing.remoteVirtualNetworkId, remote)) {
            return { ...existing, id: existing.id, name: str(resource.name) ?? existing.name };
        }
        if (existing)
            this.peeringGone(vnet.id, existing);
        this.createdPeerings.add((0,collect_snapshot/* idKey */.T)(id));
        return {
            id,
            name: str(resource.name) ?? (0,arm_id/* nameOf */.Vb)(id),
            remoteVirtualNetworkId: remote,
            peeringState: null,
            peeringSyncLevel: null
        };
    }
    peering(change) {
        const vnetId = parentId(change.id);
        const vnet = this.snapshot.virtualNetworks[(0,collect_snapshot/* idKey */.T)(vnetId)];
        if (!vnet || 'failure' in vnet)
            return this.skip(change, 'its VNet was not read');
        const peerings = vnet.peerings ?? [];
        const index = peerings.findIndex((p) => (0,collect_snapshot/* sameId */.s)(p.id, change.id));
        const existing = index >= 0 ? peerings[index] : undefined;
        this.touched.add((0,collect_snapshot/* idKey */.T)(vnet.id));
        if (change.action === 'delete' || change.action === 'replace') {
            if (existing) {
                this.peeringGone(vnet.id, existing);
                peerings.splice(index, 1);
            }
            if (change.action === 'delete') {
                vnet.peerings = peerings;
                return;
            }
        }
        const kept = change.action === 'replace' ? undefined : existing;
        const peering = this.peeringOf(change.id, change.after ?? {}, kept, vnet);
        const at = peerings.findIndex((p) => (0,collect_snapshot/* sameId */.s)(p.id, change.id));
        if (at >= 0)
            peerings[at] = peering;
        else
            peerings.push(peering);
        vnet.peerings = peerings;
    }
    /** A peering deleted: the other side, if it was Connected, becomes Disconnected (Azure never reconnects it). */
    peeringGone(vnetId, peering) {
        this.createdPeerings.delete((0,collect_snapshot/* idKey */.T)(peering.id));
        if (peering.remoteVirtualNetworkId) {
            this.touched.add((0,collect_snapshot/* idKey */.T)(peering.remoteVirtualNetworkId));
            this.gonePeerings.push({ from: vnetId, to: peering.remoteVirtualNetworkId });
        }
    }
    /** The peering from `from` to `to` in the proposed state. */
    peeringBetween(from, to) {
        const vnet = this.snapshot.virtualNetworks[(0,collect_snapshot/* idKey */.T)(from)];
        if (!vnet || 'failure' in vnet)
            return undefined;
        return (vnet.peerings ?? []).find((p) => (0,collect_snapshot/* sameId */.s)(p.remoteVirtualNetworkId, to));
    }
    /**
     * Azure's rules for a peering's state: a side whose other side exists (and is not
     * Disconnected) is Connected, both sides; a side alone is Initiated; the other side of a deleted
     * peering is Disconnected until it is deleted and created again. Where the other VNet was not
     * read, the state is not known: it stays unset, and the rules report the pair as not run.
     */
    settlePeerings() {
        for (const { from, to } of this.gonePeerings) {
            if (this.peeringBetween(from, to))
                continue; // created again by the plan
            const other = this.peeringBetween(to, from);
            if (!other || this.createdPeerings.has((0,collect_snapshot/* idKey */.T)(other.id)))
                continue;
            if (other.peeringState?.toLowerCase() === 'connected') {
                other.peeringState = 'Disconnected';
                other.peeringSyncLevel = null;
            }
        }
        for (const vnet of Object.values(this.snapshot.virtualNetworks)) {
            if ('failure' in vnet)
                continue;
            for (const peering of vnet.peerings ?? []) {
                if (!this.createdPeerings.has((0,collect_snapshot/* idKey */.T)(peering.id)) || !peering.remoteVirtualNetworkId)
                    continue;
                const remote = this.snapshot.virtualNetworks[(0,collect_snapshot/* idKey */.T)(peering.remoteVirtualNetworkId)];
                if (!remote || 'failure' in remote)
                    continue;
                const other = this.peeringBetween(remote.id, vnet.id);
                const otherNew = other ? this.createdPeerings.has((0,collect_snapshot/* idKey */.T)(other.id)) : false;
                if (other && (otherNew || other.peeringState?.toLowerCase() !== 'disconnected')) {
                    peering.peeringState = 'Connected';
                    peering.peeringSyncLevel = 'FullyInSync';
                    other.peeringState = 'Connected';
                    other.peeringSyncLevel = 'FullyInSync';
                }
                else {
                    peering.peeringState = 'Initiated';
                    peering.peeringSyncLevel = 'FullyInSync';
                }
            }
        }
    }
    // ---- DNS private resolvers and forwarding rulesets ---------------------------------------
    dnsPath(change) {
        if (this.snapshot.dnsPath)
            return this.snapshot.dnsPath;
        this.skip(change, 'DNS private resolvers and rulesets were not read in this run');
        return null;
    }
    resolver(change) {
        const path = this.dnsPath(change);
        if (!path)
            return;
        this.touched.add((0,collect_snapshot/* idKey */.T)(change.id));
        const index = path.resolvers.findIndex((r) => (0,collect_snapshot/* sameId */.s)(r.id, change.id));
        const before = index >= 0 ? path.resolvers[index] : undefined;
        if (before?.virtualNetworkId)
            this.touched.add((0,collect_snapshot/* idKey */.T)(before.virtualNetworkId));
        if (change.action === 'delete') {
            if (index >= 0)
                path.resolvers.splice(index, 1);
            return;
        }
        const vnetId = str(obj(obj(change.after?.properties).virtualNetwork).id);
        if (vnetId)
            this.touched.add((0,collect_snapshot/* idKey */.T)(vnetId));
        // Replaced: the endpoints go with the old resolver; the plan's endpoint changes add them again.
        const kept = change.action === 'replace' ? undefined : before;
        const resolver = {
            id: before?.id ?? change.id,
            name: str(change.after?.name) ?? before?.name ?? (0,arm_id/* nameOf */.Vb)(change.id),
            virtualNetworkId: vnetId ?? before?.virtualNetworkId ?? null,
            inboundEndpoints: kept?.inboundEndpoints ?? [],
            inboundEndpointsFailure: kept?.inboundEndpointsFailure ?? null
        };
        if (index >= 0)
            path.resolvers[index] = resolver;
        else
            path.resolvers.push(resolver);
    }
    inboundEndpoint(change) {
        const path = this.dnsPath(change);
        if (!path)
            return;
        const resolver = path.resolvers.find((r) => (0,collect_snapshot/* sameId */.s)(r.id, parentId(change.id)));
        if (!resolver)
            return this.skip(change, 'its DNS private resolver was not read');
        this.touched.add((0,collect_snapshot/* idKey */.T)(resolver.id));
        const index = resolver.inboundEndpoints.findIndex((e) => (0,collect_snapshot/* sameId */.s)(e.id, change.id) || e.name.toLowerCase() === (0,arm_id/* nameOf */.Vb)(change.id).toLowerCase());
        const before = index >= 0 ? resolver.inboundEndpoints[index] : undefined;
        if (change.action === 'delete') {
            if (index >= 0)
                resolver.inboundEndpoints.splice(index, 1);
            return;
        }
        const configs = list(obj(change.after?.properties).ipConfigurations);
        const name = str(change.after?.name) ?? before?.name ?? (0,arm_id/* nameOf */.Vb)(change.id);
        const ips = configs.flatMap((config) => {
            const ip = str(config.privateIpAddress);
            if (ip)
                return [ip];
            // Dynamic: an existing endpoint keeps its address; a new one gets one at apply.
            if (before && change.action === 'modify')
                return before.ips;
            const subnet = str(obj(config.subnet).id);
            const vnetId = subnet ? (0,arm_id/* vnetIdFromSubnetId */.HJ)(subnet) : resolver.virtualNetworkId;
            return [
                this.standIn('', change.id, vnetId, `the private IP of inbound endpoint ${name}`).value
            ];
        });
        const endpoint = { id: before?.id ?? change.id, name, ips: [...new Set(ips)] };
        if (index >= 0)
            resolver.inboundEndpoints[index] = endpoint;
        else
            resolver.inboundEndpoints.push(endpoint);
    }
    ruleset(change) {
        const path = this.dnsPath(change);
        if (!path)
            return;
        this.touched.add((0,collect_snapshot/* idKey */.T)(change.id));
        const index = path.rulesets.findIndex((r) => (0,collect_snapshot/* sameId */.s)(r.id, change.id));
        const before = index >= 0 ? path.rulesets[index] : undefined;
        for (const link of before?.vnetLinks ?? [])
            this.touched.add((0,collect_snapshot/* idKey */.T)(link.virtualNetworkId));
        if (change.action === 'delete') {
            if (index >= 0)
                path.rulesets.splice(index, 1);
            return;
        }
        // Rules and links are the ruleset's children: they go with a replaced one.
        const kept = change.action === 'replace' ? undefined : before;
        const ruleset = {
            id: before?.id ?? change.id,
            name: str(change.after?.name) ?? before?.name ?? (0,arm_id/* nameOf */.Vb)(change.id),
            rules: kept?.rules ?? [],
            rulesFailure: kept?.rulesFailure ?? null,
            vnetLinks: kept?.vnetLinks ?? [],
            vnetLinksFailure: kept?.vnetLinksFailure ?? null
        };
        if (index >= 0)
            path.rulesets[index] = ruleset;
        else
            path.rulesets.push(ruleset);
    }
    rulesetOf(change) {
        const path = this.dnsPath(change);
        if (!path)
            return null;
        const ruleset = path.rulesets.find((r) => (0,collect_snapshot/* sameId */.s)(r.id, parentId(change.id)));
        if (!ruleset) {
            this.skip(change, 'its DNS forwarding ruleset was not read');
            return null;
        }
        this.touched.add((0,collect_snapshot/* idKey */.T)(ruleset.id));
        return ruleset;
    }
    forwardingRule(change) {
        const ruleset = this.rulesetOf(change);
        if (!ruleset)
            return;
        const index = ruleset.rules.findIndex((r) => (0,collect_snapshot/* sameId */.s)(r.id, change.id));
        if (change.action === 'delete') {
            if (index >= 0)
                ruleset.rules.splice(index, 1);
            return;
        }
        const before = index >= 0 && change.action !== 'replace' ? ruleset.rules[index] : undefined;
        const props = obj(change.after?.properties);
        const domain = str(props.domainName) ?? before?.domainName ?? '';
        const rule = {
            id: before?.id ?? change.id,
            name: str(change.after?.name) ?? before?.name ?? (0,arm_id/* nameOf */.Vb)(change.id),
            // ARM keeps the trailing dot, which the rules compare with.
            domainName: domain === '' || domain.endsWith('.') ? domain : `${domain}.`,
            state: str(props.forwardingRuleState) ?? before?.state ?? 'Enabled',
            targets: Array.isArray(props.targetDnsServers)
                ? list(props.targetDnsServers).flatMap((t) => {
                    const ip = str(t.ipAddress);
                    return ip ? [{ ipAddress: ip, port: typeof t.port === 'number' ? t.port : 53 }] : [];
                })
                : (before?.targets ?? [])
        };
        if (index >= 0)
            ruleset.rules[index] = rule;
        else
            ruleset.rules.push(rule);
    }
    rulesetLink(change) {
        const ruleset = this.rulesetOf(change);
        if (!ruleset)
            return;
        const index = ruleset.vnetLinks.findIndex((l) => (0,collect_snapshot/* sameId */.s)(l.id, change.id));
        const before = index >= 0 ? ruleset.vnetLinks[index] : undefined;
        if (before)
            this.touched.add((0,collect_snapshot/* idKey */.T)(before.virtualNetworkId));
        if (change.action === 'delete') {
            if (index >= 0)
                ruleset.vnetLinks.splice(index, 1);
            return;
        }
        const vnetId = str(obj(obj(change.after?.properties).virtualNetwork).id) ?? before?.virtualNetworkId;
        if (!vnetId)
            return this.skip(change, 'its VNet is not known');
        this.touched.add((0,collect_snapshot/* idKey */.T)(vnetId));
        const link = {
            id: before?.id ?? change.id,
            name: str(change.after?.name) ?? before?.name ?? (0,arm_id/* nameOf */.Vb)(change.id),
            virtualNetworkId: vnetId
        };
        if (index >= 0)
            ruleset.vnetLinks[index] = link;
        else
            ruleset.vnetLinks.push(link);
    }
    /**
     * `ip-of:<ID>` (a Terraform attribute that refers to a private endpoint's or an inbound
     * endpoint's IP, known after apply) in DNS servers and forwarding targets: that resource's IPs
     * in the proposed state, stand-ins included. Literal addresses inside a VNet where a new
     * inbound endpoint gets its IP at apply may be that endpoint: they become its candidates.
     */
    resolveIpReferences() {
        const servers = [];
        const expand = (ips, resource, what) => ips.flatMap((ip) => {
            if (ip.startsWith(terraform/* IP_OF */.Mf))
                return this.ipsOf(ip.slice(terraform/* IP_OF */.Mf.length));
            if (!ip.startsWith(terraform/* KNOWN_AFTER_APPLY */.Ai))
                return [ip];
            // Outside every VNet, the stand-in leads the DNS path nowhere: no rule follows it further.
            const server = this.standIn('', resource, null, what(ip.slice(terraform/* KNOWN_AFTER_APPLY */.Ai.length)));
            servers.push(server);
            return [server.value];
        });
        const isLiteral = (ip) => !ip.startsWith(terraform/* IP_OF */.Mf) && !ip.startsWith(terraform/* KNOWN_AFTER_APPLY */.Ai);
        const literal = [];
        for (const vnet of Object.values(this.snapshot.virtualNetworks)) {
            if ('failure' in vnet)
                continue;
            literal.push(...vnet.dnsServers.filter(isLiteral));
            vnet.dnsServers = [
                ...new Set(expand(vnet.dnsServers, vnet.id, (attribute) => `the DNS servers of VNet ${vnet.name} (${attribute})`))
            ];
        }
        for (const ruleset of this.snapshot.dnsPath?.rulesets ?? []) {
            for (const rule of ruleset.rules) {
                literal.push(...rule.targets.map((t) => t.ipAddress).filter(isLiteral));
                rule.targets = rule.targets.flatMap((t) => expand([t.ipAddress], rule.id, (attribute) => `the target of forwarding rule ${rule.name} of ruleset ${ruleset.name} (${attribute})`).map((ipAddress) => ({ ...t, ipAddress })));
            }
        }
        const known = new Set((this.snapshot.dnsPath?.resolvers ?? []).flatMap((r) => r.inboundEndpoints.flatMap((e) => e.ips)));
        for (const u of this.unresolved) {
            if (!u.resource.toLowerCase().includes('/inboundendpoints/'))
                continue;
            const prefixes = this.endpointPrefixes.get(u.value) ?? [];
            const candidates = [...new Set(literal)].filter((ip) => !known.has(ip) && prefixes.length > 0 && (0,common_ip/* inPrefixes */.qH)(ip, prefixes));
            if (candidates.length > 0)
                u.candidates = candidates;
        }
        return servers;
    }
    /** For each DNS server known only after apply: the VNets whose DNS path passes it, per vault. */
    pathsThrough(servers) {
        if (servers.length === 0)
            return;
        const byValue = new Map(servers.map((u) => [u.value, u]));
        for (const vault of this.snapshot.vaults) {
            if (vault.failure)
                continue;
            const model = (0,model_model.buildTargetModel)(this.snapshot, vault);
            // The DNS-path rules judge nothing for a vault without an effective PE.
            if (model.effective.length === 0)
                continue;
            const vnets = (0,dns_path/* resolvingVnets */.vS)(this.snapshot, model.vnets.map((group) => group.vnetId), [model.hostname, model.alias]);
            for (const vnet of vnets) {
                for (const ip of vnet.paths.flatMap(serversOn)) {
                    const u = byValue.get(ip);
                    if (!u)
                        continue;
                    const paths = (u.paths ??= []);
                    if (!paths.some((p) => p.vault === vault.name && (0,collect_snapshot/* sameId */.s)(p.vnetId, vnet.vnetId)))
                        paths.push({ vault: vault.name, vnetId: vnet.vnetId, vnet: vnet.name });
                }
            }
        }
    }
    /** A private endpoint's or an inbound endpoint's IPs in the proposed state. */
    ipsOf(id) {
        for (const resolver of this.snapshot.dnsPath?.resolvers ?? []) {
            const endpoint = resolver.inboundEndpoints.find((e) => (0,collect_snapshot/* sameId */.s)(e.id, id));
            if (endpoint)
                return endpoint.ips;
        }
        return this.ipsOfPe(id);
    }
    /**
     * The vaults whose DNS path or reach the plan changes: those with a private endpoint in, or a
     * VNet that must resolve them through, a VNet, resolver or ruleset the plan touches, in the live
     * or the proposed state (a deleted peering matters as much as a new one).
     */
    touchDependents(live) {
        if (this.touched.size === 0)
            return;
        for (const vault of this.snapshot.vaults) {
            if (vault.failure)
                continue;
            const before = live.vaults.find((v) => (0,collect_snapshot/* sameId */.s)(v.id, vault.id));
            const ids = [
                ...dependencies(this.snapshot, vault),
                ...(before && !before.failure ? dependencies(live, before) : [])
            ];
            if (ids.some((id) => this.touched.has(id)))
                this.touch(vault);
        }
    }
    // ---- Zones, links, records -------------------------------------------------------------
    findZone(id) {
        return this.snapshot.zones.find((zone) => (0,collect_snapshot/* sameId */.s)(zone.id, id));
    }
    /** Zone and link changes concern every vault whose kind uses a zone of that name. */
    touchZoneName(zoneName) {
        for (const vault of this.snapshot.vaults) {
            if (vault.failure)
                continue;
            if ((0,model_model.namesOf)(this.snapshot, vault).zone.toLowerCase() === zoneName.toLowerCase())
                this.touch(vault);
        }
    }
    zone(change) {
        const name = str(change.after?.name) ?? (0,arm_id/* nameOf */.Vb)(change.id);
        const index = this.snapshot.zones.findIndex((zone) => (0,collect_snapshot/* sameId */.s)(zone.id, change.id));
        if (change.action === 'delete') {
            if (index >= 0)
                this.snapshot.zones.splice(index, 1);
        }
        else if (index < 0 || change.action === 'replace') {
            const parsed = (0,arm_id/* parseResourceId */.RQ)(change.id);
            const zone = {
                id: change.id,
                name,
                subscriptionId: parsed?.subscriptionId ?? '',
                resourceGroup: parsed?.resourceGroup ?? '',
                links: [],
                linksFailure: null,
                aRecords: [],
                recordsFailure: null
            };
            if (index >= 0)
                this.snapshot.zones[index] = zone;
            else
                this.snapshot.zones.push(zone);
        }
        this.touchZoneName(name);
    }
    link(change) {
        const zone = this.findZone(parentId(change.id));
        if (!zone)
            return this.skip(change, 'its zone was not read (not in a searched scope)');
        this.touchZoneName(zone.name);
        const index = zone.links.findIndex((link) => (0,collect_snapshot/* sameId */.s)(link.id, change.id));
        if (change.action === 'delete') {
            if (index >= 0)
                zone.links.splice(index, 1);
            return;
        }
        const props = obj(change.after?.properties);
        const before = index >= 0 && change.action !== 'replace' ? zone.links[index] : undefined;
        const link = {
            ...before,
            id: change.id,
            name: str(change.after?.name) ?? (0,arm_id/* nameOf */.Vb)(change.id),
            virtualNetworkId: this.linkedVnet(zone, change, str(obj(props.virtualNetwork).id)) ??
                before?.virtualNetworkId ??
                '',
            // Set by Azure: a link the apply creates is Completed and Succeeded once it is done.
            virtualNetworkLinkState: before?.virtualNetworkLinkState ?? 'Completed',
            provisioningState: before?.provisioningState ?? 'Succeeded',
            registrationEnabled: props.registrationEnabled === true,
            resolutionPolicy: str(props.resolutionPolicy) ?? null
        };
        if (index >= 0)
            zone.links[index] = link;
        else
            zone.links.push(link);
    }
    /**
     * A link's VNet; one known only after apply gets a stand-in VNet that no rule knows, whose name
     * settle.ts finds in the findings that list the zone's links.
     */
    linkedVnet(zone, change, id) {
        if (!id?.startsWith(terraform/* KNOWN_AFTER_APPLY */.Ai))
            return id;
        const link = str(change.after?.name) ?? (0,arm_id/* nameOf */.Vb)(change.id);
        return this.standInVnet(`/subscriptions/${zone.subscriptionId}/resourceGroups/${zone.resourceGroup}`, change.id, `the VNet of link ${link} (${id.slice(terraform/* KNOWN_AFTER_APPLY */.Ai.length)})`);
    }
    /**
     * A VNet ID known only after apply: a stand-in VNet that no rule knows (beside `near`, an ID
     * whose subscription and resource group it takes), whose name settle.ts finds in findings.
     */
    standInVnet(near, resource, what, peeredFrom) {
        let n = 1;
        while (this.used.has(`vnet-known-after-apply-${n}`))
            n++;
        const value = `vnet-known-after-apply-${n}`;
        this.used.add(value);
        this.unresolved.push({
            vault: '',
            resource,
            value,
            what,
            ...(peeredFrom ? { peeredFrom } : {})
        });
        const scope = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/i.exec(near)?.[0] ?? near;
        return `${scope}/providers/Microsoft.Network/virtualNetworks/${value}`;
    }
    record(change) {
        const zone = this.findZone(parentId(change.id));
        if (!zone)
            return this.skip(change, 'its zone was not read (not in a searched scope)');
        const name = (str(change.after?.name) ?? (0,arm_id/* nameOf */.Vb)(change.id)).toLowerCase();
        this.touchVaultNamed(name);
        const index = zone.aRecords.findIndex((set) => (0,collect_snapshot/* sameId */.s)(set.id, change.id));
        if (change.action === 'delete') {
            if (index >= 0)
                zone.aRecords.splice(index, 1);
            return;
        }
        const props = obj(change.after?.properties);
        const ttl = typeof props.ttl === 'number' ? props.ttl : null;
        const set = {
            ...(index >= 0 ? zone.aRecords[index] : {}),
            id: change.id,
            name,
            fqdn: `${name}.${zone.name.replace(/\.+$/, '')}.`,
            ttl,
            ipv4Addresses: list(props.aRecords).flatMap((r) => {
                const ip = str(r.ipv4Address);
                if (ip?.startsWith(terraform/* IP_OF */.Mf))
                    return this.ipsOfPe(ip.slice(terraform/* IP_OF */.Mf.length));
                if (ip?.startsWith(terraform/* KNOWN_AFTER_APPLY */.Ai)) {
                    const attribute = ip.slice(terraform/* KNOWN_AFTER_APPLY */.Ai.length);
                    return [
                        this.standIn(name, change.id, null, `the IPs of A record ${name} (${attribute})`).value
                    ];
                }
                return ip ? [ip] : [];
            })
        };
        if (index >= 0)
            zone.aRecords[index] = set;
        else
            zone.aRecords.push(set);
    }
    /** A private endpoint's IPs in the proposed state (stand-ins included). */
    ipsOfPe(peId) {
        for (const vault of this.snapshot.vaults) {
            const pe = vault.privateEndpoints[(0,collect_snapshot/* idKey */.T)(peId)];
            if (pe)
                return pe.nicIps;
        }
        return [];
    }
    touchVaultNamed(recordName) {
        const vault = this.snapshot.vaults.find((v) => v.name.toLowerCase() === recordName);
        if (vault)
            this.touch(vault);
    }
    // ---- Vaults and their connections ------------------------------------------------------
    findVault(id) {
        return this.snapshot.vaults.find((vault) => (0,collect_snapshot/* sameId */.s)(vault.id, id));
    }
    vault(change) {
        const index = this.snapshot.vaults.findIndex((vault) => (0,collect_snapshot/* sameId */.s)(vault.id, change.id));
        if (change.action === 'delete') {
            if (index >= 0)
                this.snapshot.vaults.splice(index, 1);
            return;
        }
        const after = change.after;
        const props = obj(after.properties);
        const before = index >= 0 ? this.snapshot.vaults[index] : undefined;
        if (before?.failure)
            return this.skip(change, 'the vault could not be read');
        const parsed = (0,arm_id/* parseResourceId */.RQ)(change.id);
        const managedHsm = change.type.toLowerCase() === 'microsoft.keyvault/managedhsms';
        const name = str(after.name) ?? (0,arm_id/* nameOf */.Vb)(change.id);
        const fresh = !before || change.action === 'replace';
        const vault = {
            ...before,
            ...(managedHsm ? { kind: 'managedHsm' } : {}),
            name: before?.name ?? name,
            id: before?.id ?? change.id,
            subscriptionId: before?.subscriptionId ?? parsed?.subscriptionId ?? '',
            resourceGroup: before?.resourceGroup ?? parsed?.resourceGroup ?? null,
            failure: null,
            location: str(after.location) ?? before?.location ?? null,
            vaultUri: before?.vaultUri ?? str(props.vaultUri) ?? str(props.hsmUri) ?? null,
            publicNetworkAccess: str(props.publicNetworkAccess),
            networkAcls: networkAcls(props.networkAcls),
            // Read-only: ARM keeps them, whatever the template says.
            connections: fresh ? [] : before.connections,
            privateEndpoints: fresh ? {} : before.privateEndpoints,
            privateEndpointFailures: fresh ? {} : before.privateEndpointFailures
        };
        if (index >= 0)
            this.snapshot.vaults[index] = vault;
        else
            this.snapshot.vaults.push(vault);
        this.touch(vault);
    }
    connection(change) {
        const vault = this.findVault(parentId(change.id));
        if (!vault || vault.failure)
            return this.skip(change, 'its vault is not checked in this run');
        this.touch(vault);
        const index = vault.connections.findIndex((c) => (0,collect_snapshot/* sameId */.s)(c.id, change.id) || c.name.toLowerCase() === (0,arm_id/* nameOf */.Vb)(change.id).toLowerCase());
        if (change.action === 'delete') {
            if (index >= 0)
                vault.connections.splice(index, 1);
            return;
        }
        const props = obj(change.after?.properties);
        const state = obj(props.privateLinkServiceConnectionState);
        const peId = str(obj(props.privateEndpoint).id);
        const before = index >= 0 ? vault.connections[index] : undefined;
        const connection = {
            ...before,
            id: before?.id ?? change.id,
            name: before?.name ?? (0,arm_id/* nameOf */.Vb)(change.id),
            status: str(state.status) ?? before?.status ?? 'Pending',
            description: str(state.description) ?? before?.description ?? null,
            provisioningState: before?.provisioningState ?? 'Succeeded',
            privateEndpointId: before?.privateEndpointId ?? peId
        };
        if (index >= 0)
            vault.connections[index] = connection;
        else
            vault.connections.push(connection);
    }
    // ---- Private endpoints and their zone groups ---------------------------------------------
    /** The vault a PE serves: by an existing connection, else by the PE's own connection target. */
    vaultOfPe(peId, target) {
        return (this.snapshot.vaults.find((vault) => !vault.failure && vault.connections.some((c) => (0,collect_snapshot/* sameId */.s)(c.privateEndpointId, peId))) ?? (target ? this.findVault(target) : undefined));
    }
    privateEndpoint(change) {
        const props = obj(change.after?.properties);
        const auto = list(props.privateLinkServiceConnections);
        const manual = list(props.manualPrivateLinkServiceConnections);
        const link = auto[0] ?? manual[0];
        const target = link ? str(obj(link.properties).privateLinkServiceId) : null;
        const vault = this.vaultOfPe(change.id, target);
        if (!vault || vault.failure) {
            if (target && /\/providers\/Microsoft\.KeyVault\//i.test(target)) {
                this.skip(change, `its vault ${(0,arm_id/* nameOf */.Vb)(target)} is not checked in this run`);
            }
            return;
        }
        this.touch(vault);
        const key = (0,collect_snapshot/* idKey */.T)(change.id);
        const before = vault.privateEndpoints[key] ?? null;
        if (change.action === 'delete' || change.action === 'replace') {
            if (before)
                this.removeRecordsOf(vault, before, before.dnsZoneGroups);
            delete vault.privateEndpoints[key];
            vault.connections = vault.connections.filter((c) => !(0,collect_snapshot/* sameId */.s)(c.privateEndpointId, change.id));
            if (change.action === 'delete')
                return;
        }
        const fresh = change.action === 'replace' || !before;
        const subnetId = str(obj(props.subnet).id) ?? before?.subnetId ?? null;
        const vnetId = subnetId ? (0,arm_id/* vnetIdFromSubnetId */.HJ)(subnetId) : null;
        const statics = list(props.ipConfigurations).flatMap((config) => {
            const ip = str(obj(config.properties).privateIPAddress);
            return ip ? [{ name: str(config.name) ?? '', privateIpAddress: ip }] : [];
        });
        const sameSubnet = !fresh && (0,collect_snapshot/* sameId */.s)(before?.subnetId, subnetId);
        let nicIps;
        if (statics.length > 0)
            nicIps = statics.map((config) => config.privateIpAddress);
        else if (sameSubnet && before)
            nicIps = before.nicIps;
        else
            nicIps = [
                this.standIn(vault.name, change.id, vnetId, `the private IP of ${(0,arm_id/* nameOf */.Vb)(change.id)}`).value
            ];
        const pe = {
            ...(fresh ? {} : before),
            id: before?.id ?? change.id,
            name: str(change.after?.name) ?? before?.name ?? (0,arm_id/* nameOf */.Vb)(change.id),
            location: str(change.after?.location) ?? before?.location ?? null,
            provisioningState: fresh ? 'Succeeded' : (before?.provisioningState ?? 'Succeeded'),
            subnetId,
            vnetId,
            networkInterfaceIds: fresh ? [] : (before?.networkInterfaceIds ?? []),
            customDnsConfigs: sameSubnet && before ? before.customDnsConfigs : [],
            ipConfigurations: statics,
            nicIps,
            nicFailures: sameSubnet && before ? before.nicFailures : [],
            dnsZoneGroups: fresh ? [] : (before?.dnsZoneGroups ?? []),
            dnsZoneGroupsFailure: fresh ? null : (before?.dnsZoneGroupsFailure ?? null)
        };
        if (fresh)
            delete pe.dnsZoneGroupsSkipped;
        vault.privateEndpoints[key] = pe;
        if (!vault.connections.some((c) => (0,collect_snapshot/* sameId */.s)(c.privateEndpointId, change.id))) {
            // A connection the PE requests itself is approved by the apply (it fails otherwise); a
            // manual one waits for the vault's owner.
            const name = `${pe.name}.${str(link?.name) ?? 'connection'}`;
            vault.connections.push({
                id: `${vault.id}/privateEndpointConnections/${name}`,
                name,
                status: auto.length > 0 ? 'Approved' : 'Pending',
                description: auto.length > 0 ? 'Auto-Approved' : str(obj(link?.properties).requestMessage),
                provisioningState: 'Succeeded',
                privateEndpointId: pe.id
            });
        }
        // The zone groups the PE keeps write its new IPs into their zones.
        if (before && !fresh && before.nicIps.join() !== nicIps.join()) {
            this.removeRecordsOf(vault, before, pe.dnsZoneGroups);
            this.writeRecordsOf(vault, pe, pe.dnsZoneGroups);
        }
    }
    /** A stand-in address for an IP Azure assigns at apply, from the top of the VNet's space. */
    standIn(owner, resource, vnetId, what) {
        const vnet = vnetId ? this.snapshot.virtualNetworks[(0,collect_snapshot/* idKey */.T)(vnetId)] : undefined;
        const prefix = vnet && !('failure' in vnet)
            ? vnet.addressPrefixes.find((p) => ipaddr_default().IPv4.isValidCIDR(p))
            : undefined;
        // Unknown VNet: a documentation address, which no check takes for a private IP.
        let top = prefix ? ipaddr_default().IPv4.broadcastAddressFromCIDR(prefix).toByteArray() : [192, 0, 2, 255];
        let value;
        do {
            const n = (top[0] ?? 0) * 2 ** 24 +
                (top[1] ?? 0) * 2 ** 16 +
                (top[2] ?? 0) * 2 ** 8 +
                (top[3] ?? 0) -
                1;
            top = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
            value = top.join('.');
        } while (this.used.has(value));
        this.used.add(value);
        if (vnet && !('failure' in vnet))
            this.endpointPrefixes.set(value, vnet.addressPrefixes);
        const unresolved = { vault: owner, resource, value, what };
        this.unresolved.push(unresolved);
        return unresolved;
    }
    zoneGroup(change) {
        const peId = parentId(change.id);
        const vault = this.vaultOfPe(peId, null);
        const pe = vault?.privateEndpoints[(0,collect_snapshot/* idKey */.T)(peId)];
        if (!vault || !pe)
            return this.skip(change, 'its private endpoint is not one of a checked vault');
        this.touch(vault);
        const index = pe.dnsZoneGroups.findIndex((g) => (0,collect_snapshot/* sameId */.s)(g.id, change.id));
        const before = index >= 0 ? pe.dnsZoneGroups[index] : undefined;
        if (before)
            this.removeRecordsOf(vault, pe, [before]);
        if (change.action === 'delete') {
            if (index >= 0)
                pe.dnsZoneGroups.splice(index, 1);
            return;
        }
        const props = obj(change.after?.properties);
        const recordName = vault.name.toLowerCase();
        const group = {
            id: change.id,
            name: str(change.after?.name) ?? (0,arm_id/* nameOf */.Vb)(change.id),
            configs: list(props.privateDnsZoneConfigs).flatMap((config) => {
                const zoneId = str(obj(config.properties).privateDnsZoneId);
                if (!zoneId)
                    return [];
                return [
                    {
                        privateDnsZoneId: zoneId,
                        recordSets: [
                            {
                                recordSetName: recordName,
                                fqdn: `${recordName}.${(0,arm_id/* nameOf */.Vb)(zoneId)}`,
                                ipAddresses: [...pe.nicIps]
                            }
                        ]
                    }
                ];
            })
        };
        if (index >= 0)
            pe.dnsZoneGroups[index] = group;
        else
            pe.dnsZoneGroups.push(group);
        pe.dnsZoneGroupsFailure = null;
        delete pe.dnsZoneGroupsSkipped;
        this.writeRecordsOf(vault, pe, [group]);
    }
    /** Azure keeps an A record named after the vault, with the PE's IPs, in each zone of a group. */
    writeRecordsOf(vault, pe, groups) {
        const name = vault.name.toLowerCase();
        for (const config of groups.flatMap((g) => g.configs)) {
            const zone = this.findZone(config.privateDnsZoneId);
            if (!zone)
                continue;
            const set = zone.aRecords.find((s) => s.name.toLowerCase() === name);
            if (set) {
                set.ipv4Addresses = [...new Set([...set.ipv4Addresses, ...pe.nicIps])];
            }
            else {
                zone.aRecords.push({
                    id: `${zone.id}/A/${name}`,
                    name,
                    fqdn: `${name}.${zone.name.replace(/\.+$/, '')}.`,
                    // The TTL a zone group writes.
                    ttl: 10,
                    ipv4Addresses: [...pe.nicIps]
                });
            }
        }
    }
    /** A group that goes (or a PE whose IPs change) takes its IPs out of the records it kept. */
    removeRecordsOf(vault, pe, groups) {
        const name = vault.name.toLowerCase();
        for (const config of groups.flatMap((g) => g.configs)) {
            const zone = this.findZone(config.privateDnsZoneId);
            if (!zone)
                continue;
            const set = zone.aRecords.find((s) => s.name.toLowerCase() === name);
            if (!set)
                continue;
            set.ipv4Addresses = set.ipv4Addresses.filter((ip) => !pe.nicIps.includes(ip));
            if (set.ipv4Addresses.length === 0)
                zone.aRecords = zone.aRecords.filter((s) => s !== set);
        }
    }
}
/**
 * What a vault's reach and DNS path rest on: its private endpoints' VNets, the VNets that must
 * resolve it, and every VNet, resolver and ruleset on their DNS paths (lower-cased IDs).
 */
function dependencies(snapshot, vault) {
    const model = (0,model_model.buildTargetModel)(snapshot, vault);
    const peVnets = model.endpoints.flatMap((pe) => (pe.vnetId ? [pe.vnetId] : []));
    const ids = [...peVnets];
    for (const vnet of (0,dns_path/* resolvingVnets */.vS)(snapshot, peVnets, [model.hostname, model.alias])) {
        ids.push(vnet.vnetId);
        for (const path of vnet.paths) {
            for (const hop of path.hops) {
                if (hop.kind === 'azure-dns' || hop.kind === 'forwarder')
                    ids.push(hop.vnetId);
                else if (hop.kind === 'resolver')
                    ids.push(hop.resolver.id);
                else if (hop.kind === 'rule')
                    ids.push(hop.ruleset.id, hop.vnetId);
            }
        }
    }
    return ids.map(collect_snapshot/* idKey */.T);
}
/** The DNS servers a path asks, and the targets of the forwarding rules it passes. */
function serversOn(path) {
    return path.hops.flatMap((hop) => {
        if (hop.kind === 'rule')
            return hop.rule.targets.map((t) => t.ipAddress);
        return hop.kind === 'azure-dns' ? [] : [hop.server];
    });
}
function networkAcls(value) {
    if (typeof value !== 'object' || value === null)
        return null;
    const acls = obj(value);
    return {
        bypass: str(acls.bypass),
        defaultAction: str(acls.defaultAction),
        ipRules: list(acls.ipRules).flatMap((r) => (str(r.value) ? [str(r.value)] : [])),
        virtualNetworkRules: list(acls.virtualNetworkRules).flatMap((r) => str(r.id) ? [str(r.id)] : [])
    };
}

// EXTERNAL MODULE: ./src/common/target.ts
var target = __webpack_require__(8348);
;// CONCATENATED MODULE: ./src/plan/scope.ts
/**
 * Which existing vaults a plan concerns beyond those named in `vaults` (the contract: every vault
 * the plan changes, and every vault whose PEs, zones, links, records or VNets it touches). The
 * collector reads them too, so their live state is there to apply the plan to; apply.ts then says
 * which of the vaults read the plan concerns. A vault the plan creates does not exist yet: apply.ts
 * adds it.
 *
 * Three kinds of reach, by what the plan itself says:
 * - vault IDs: the vaults and connections it changes, and the vaults its private endpoints name
 *   after apply or, for an endpoint it deletes or replaces, before;
 * - vault names: an A record in a privatelink zone is named after its vault;
 * - VNets: the vaults with a private endpoint in a VNet it changes, peers, links a zone to (or
 *   unlinks), or puts a resolver or ruleset link in. Only the collector can tell which those are
 *   (a listing of the subscription's private endpoints), so they are handed on as VNet IDs.
 */


const VAULT_ID = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/(?:vaults|managedHSMs)\/[^/]+)/i;
const VNET_ID = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)/i;
/** Key Vault and managed HSM names: 3–24 letters, digits and hyphens (a record `@` or `*` is none). */
const TARGET_NAME = /^[a-z][a-z0-9-]{1,22}[a-z0-9]$/i;
function planScope(plan, cloud) {
    const created = new Set(plan.changes
        .filter((c) => c.action === 'create' && /^microsoft\.keyvault\/(vaults|managedhsms)$/i.test(c.type))
        .map((c) => c.id.toLowerCase()));
    const vaults = new Map();
    const addVault = (id, fromBefore) => {
        const vault = id ? VAULT_ID.exec(id)?.[1] : undefined;
        if (!vault || !(0,arm_id/* parseResourceId */.RQ)(vault) || created.has(vault.toLowerCase()))
            return;
        const key = vault.toLowerCase();
        const known = vaults.get(key);
        if (!known || (known.fromBefore && !fromBefore))
            vaults.set(key, { id: vault, fromBefore });
    };
    const records = new Map();
    const vnets = new Map();
    const addVnet = (id, why) => {
        // Values known only after apply (`known-after-apply:`, `ip-of:`) name no VNet yet.
        const vnet = id ? VNET_ID.exec(id)?.[1] : undefined;
        if (vnet && !vnets.has(vnet.toLowerCase()))
            vnets.set(vnet.toLowerCase(), { id: vnet, why });
    };
    const zoneKinds = new Map(target/* TARGET_KINDS */.aO.map((kind) => [
        (0,target/* targetNames */.i)(cloud.name, kind, {
            hostSuffix: cloud.vaultDnsSuffix,
            zone: cloud.privateLinkZone
        }).zone.toLowerCase(),
        kind
    ]));
    for (const change of plan.changes) {
        const type = change.type.toLowerCase();
        const states = [change.after, change.before].filter((r) => !!r);
        switch (type) {
            case 'microsoft.keyvault/vaults':
            case 'microsoft.keyvault/managedhsms':
            case 'microsoft.keyvault/vaults/privateendpointconnections':
            case 'microsoft.keyvault/managedhsms/privateendpointconnections':
                addVault(change.id, false);
                break;
            case 'microsoft.network/privateendpoints':
                for (const target of linkTargets(change.after))
                    addVault(target, false);
                for (const target of linkTargets(change.before))
                    addVault(target, true);
                break;
            case 'microsoft.network/privatednszones/a': {
                const parsed = (0,arm_id/* parseResourceId */.RQ)(change.id);
                const zone = parsed?.names[0]?.toLowerCase().replace(/\.$/, '');
                const kind = zone ? zoneKinds.get(zone) : undefined;
                const name = parsed?.name ?? '';
                if (kind && TARGET_NAME.test(name))
                    records.set(name.toLowerCase(), { name, kind });
                break;
            }
            case 'microsoft.network/virtualnetworks':
                addVnet(change.id, 'changes');
                break;
            case 'microsoft.network/virtualnetworks/virtualnetworkpeerings':
                addVnet(change.id, 'changes');
                for (const state of states)
                    addVnet(idAt(state, 'remoteVirtualNetwork'), 'changes');
                break;
            case 'microsoft.network/privatednszones/virtualnetworklinks':
                for (const state of states)
                    addVnet(idAt(state, 'virtualNetwork'), 'zone-links');
                break;
            case 'microsoft.network/dnsresolvers':
            case 'microsoft.network/dnsforwardingrulesets/virtualnetworklinks':
                for (const state of states)
                    addVnet(idAt(state, 'virtualNetwork'), 'changes');
                break;
            case 'microsoft.network/dnsresolvers/inboundendpoints':
                for (const state of states) {
                    for (const config of scope_list(state.properties?.ipConfigurations)) {
                        addVnet(idAt({ properties: config }, 'subnet'), 'changes');
                    }
                }
                break;
        }
    }
    return {
        vaults: [...vaults.values()],
        records: [...records.values()],
        vnets: [...vnets.values()]
    };
}
/** The vault IDs an endpoint's connections (automatic and manual) name. */
function linkTargets(endpoint) {
    const props = endpoint?.properties ?? {};
    return ['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections'].flatMap((key) => scope_list(props[key]).flatMap((link) => {
        const target = link.properties?.privateLinkServiceId;
        return typeof target === 'string' ? [target] : [];
    }));
}
/** `properties.<key>.id` of an ARM resource. */
function idAt(resource, key) {
    const ref = resource.properties?.[key];
    return typeof ref?.id === 'string' ? ref.id : null;
}
function scope_list(value) {
    return Array.isArray(value)
        ? value.filter((v) => typeof v === 'object' && v !== null)
        : [];
}

// EXTERNAL MODULE: ./src/common/names.ts
var names = __webpack_require__(3117);
;// CONCATENATED MODULE: ./src/plan/settle.ts
/**
 * After the rules judged the proposed snapshot: a finding that rests on a value known only after
 * apply (it names a stand-in address of apply.ts) is a problem nobody can know yet, so it becomes
 * PLAN-UNRESOLVED; a check that held whatever the value is keeps its result, with the value named
 * in words; a fix that needs the value gets a placeholder, and its message says so. A DNS server
 * known only after apply leaves the DNS path of every VNet that passes it open: its DNS-path checks
 * give one PLAN-UNRESOLVED for that VNet instead of their outcomes.
 */


const RULE = 'PLAN-UNRESOLVED';
/**
 * Checks whose outcome compares the value itself (is the IP private, does the record hold it, do
 * two VNets get different IPs). Any other check only names the value in its words or its fix: a
 * record that is missing is missing whatever IP it should hold.
 */
const DEPENDS_ON_VALUE = new Set([
    'PE-IP-NOT-PRIVATE',
    'PE-DNS-CONFIG-MULTIPLE',
    'DNS-RECORD-WRONG-IP',
    'DNS-RECORD-EXTRA-IP',
    'DNS-ZONE-CONFLICT'
]);
/**
 * Checks whose outcome turns on whether a server a VNet names is a DNS private resolver's inbound
 * endpoint (followed, a pass) or not (assumed or not followed): undecided while a new endpoint in
 * that VNet gets its IP at apply.
 */
const DEPENDS_ON_SERVER = new Set(['VNET-CUSTOM-DNS']);
/**
 * Checks whose outcome for a VNet follows where its DNS path leads: while a server on it is known
 * only after apply, none of them can say for that VNet (VNET-CUSTOM-DNS only of the VNet's own).
 */
const PATH_RULES = [
    'VNET-CUSTOM-DNS',
    'DNS-LINK-MISSING',
    'DNS-FORWARDING-RULE',
    'DNS-FORWARDING-LOOP'
];
/**
 * An outcome of a DNS-path check that rests on a path through a server known only after apply:
 * it names the server's stand-in; or it is a pass about those VNets only, or about every path of
 * the vault (no forwarding rule, no loop), which the unknown path may break.
 */
function restsOnOpenPath(finding, text, open) {
    if (open.some((p) => text.search(p.of.re) >= 0))
        return true;
    if (finding.severity !== 'pass')
        return false;
    const clients = finding.clients ?? [];
    if (clients.length > 0)
        return clients.every((id) => open.some((p) => p.vnetId.toLowerCase() === id.toLowerCase()));
    return /\/providers\/Microsoft\.KeyVault\//i.test(finding.resource);
}
/** One PLAN-UNRESOLVED per vault and VNet whose DNS path passes a server known only after apply. */
function openPathFindings(open) {
    const byVnet = new Map();
    for (const p of open) {
        const key = `${p.vault}|${p.vnetId}`.toLowerCase();
        byVnet.set(key, [...(byVnet.get(key) ?? []), p]);
    }
    return [...byVnet.values()].flatMap((paths) => {
        const first = paths[0];
        if (!first)
            return [];
        const own = paths.some((p) => p.of.resource.toLowerCase() === p.vnetId.toLowerCase());
        const rules = PATH_RULES.filter((rule) => own || rule !== 'VNET-CUSTOM-DNS');
        const what = (0,names/* list */.p_)([...new Set(paths.map((p) => p.of.what))]);
        return [
            {
                rule: RULE,
                severity: catalog/* RULES */.y0[RULE].severity,
                vault: first.vault,
                resource: first.vnetId,
                message: `The DNS path of VNet ${first.vnet} for ${first.vault} cannot be judged before apply: it rests on ${what}, ` +
                    `which the plan knows only after apply. ${(0,names/* list */.p_)(rules)} are checked for ${first.vnet} on the next live run`,
                observed: 'known after apply',
                expected: 'a DNS path that ends where Azure DNS answers, in a VNet linked to the zone',
                fix: null,
                docs: catalog/* RULES */.y0[RULE].docs,
                clients: [first.vnetId]
            }
        ];
    });
}
/**
 * Checks of whether a client VNet and a private endpoint's VNet are peered: undecided while a
 * peering of either has a remote VNet known only after apply (it may be the other one).
 */
const DEPENDS_ON_PEERING = new Set([
    'VNET-NO-ROUTE-TO-PE',
    'VNET-PEERING-NOT-CONNECTED'
]);
/** The ID of a private DNS zone's VNet link. */
const LINK = /\/privateDnsZones\/[^/]+\/virtualNetworkLinks\//i;
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function pattern(ip) {
    return new RegExp(`(?<![\\d.])${ip.replace(/\./g, '\\.')}(?!\\d|\\.\\d)`, 'g');
}
function settleUnknowns(findings, unresolved) {
    if (unresolved.length === 0)
        return [...findings];
    const values = unresolved.map((u) => ({ ...u, re: pattern(u.value) }));
    const words = (text) => {
        let out = text;
        for (const v of values)
            out = out.replace(v.re, `(${v.what}, known after apply)`);
        return out;
    };
    const rests = (text) => values.filter((v) => text.search(v.re) >= 0);
    const candidates = values.flatMap((v) => (v.candidates ?? []).map((ip) => ({ ip, re: pattern(ip), of: v })));
    const open = values.flatMap((of) => (of.paths ?? []).map((p) => ({ ...p, of })));
    // A VNet holding a peering to a VNet known only after apply, by its ID and by its name in words.
    const peeredFrom = values.flatMap((of) => of.peeredFrom
        ? [
            {
                ...of.peeredFrom,
                of,
                re: new RegExp(`(?<![\\w-])${escapeRegExp(of.peeredFrom.vnet)}(?![\\w-])`)
            }
        ]
        : []);
    const result = [];
    const seen = new Set();
    for (const finding of findings) {
        const text = `${finding.message}\n${finding.observed}\n${finding.expected}`;
        const vault = finding.vault?.toLowerCase();
        const ours = open.filter((p) => p.vault.toLowerCase() === vault);
        // Said once for the VNet by openPathFindings, naming what it waits for.
        if (ours.length > 0 &&
            PATH_RULES.includes(finding.rule) &&
            restsOnOpenPath(finding, text, ours))
            continue;
        const maybe = DEPENDS_ON_SERVER.has(finding.rule)
            ? candidates.filter((c) => text.search(c.re) >= 0)
            : [];
        if (maybe.length > 0 && finding.severity !== 'pass') {
            const which = [...new Set(maybe.map((c) => `whether ${c.ip} is ${c.of.what}`))].join(', ');
            result.push({
                rule: RULE,
                severity: catalog/* RULES */.y0[RULE].severity,
                vault: finding.vault,
                resource: finding.resource,
                message: `${finding.rule} (${catalog/* RULES */.y0[finding.rule].title}) cannot be judged before apply: it needs to know ${which}, which the plan knows only after apply; it is checked on the next live run. As planned: ${words(finding.message)}`,
                observed: 'known after apply',
                expected: words(finding.expected),
                fix: null,
                docs: catalog/* RULES */.y0[RULE].docs
            });
            continue;
        }
        const needed = rests(text);
        // A zone linked to a VNet known only after apply may be linked where it is missing; an IP
        // stand-in in DNS-LINK-MISSING's words (the record's note) changes nothing of that.
        const links = needed.filter((u) => LINK.test(u.resource));
        const peerings = DEPENDS_ON_PEERING.has(finding.rule)
            ? peeredFrom
                .filter((p) => (finding.clients ?? []).some((id) => id.toLowerCase() === p.vnetId.toLowerCase()) ||
                p.re.test(text))
                .map((p) => p.of)
            : [];
        const decides = DEPENDS_ON_VALUE.has(finding.rule)
            ? needed.filter((u) => !LINK.test(u.resource))
            : finding.rule === 'DNS-LINK-MISSING'
                ? links
                : peerings;
        if (decides.length > 0 && finding.severity !== 'pass') {
            const key = `${finding.rule}|${finding.vault ?? ''}|${finding.resource}`.toLowerCase();
            if (seen.has(key))
                continue;
            seen.add(key);
            const what = [...new Set(decides.map((u) => u.what))].join(' and ');
            result.push({
                rule: RULE,
                severity: catalog/* RULES */.y0[RULE].severity,
                vault: finding.vault,
                resource: finding.resource,
                message: `${finding.rule} (${catalog/* RULES */.y0[finding.rule].title}) cannot be judged before apply: it needs ${what}, which the plan knows only after apply; it is checked on the next live run. As planned: ${words(finding.message)}`,
                observed: 'known after apply',
                expected: words(finding.expected),
                fix: null,
                docs: catalog/* RULES */.y0[RULE].docs
            });
            continue;
        }
        const inFix = finding.fix ? rests(finding.fix) : [];
        const inWords = needed.some((u) => !LINK.test(u.resource)) &&
            finding.severity !== 'pass' &&
            inFix.length === 0;
        let fix = finding.fix;
        let message = words(finding.message);
        if (inWords)
            message += ' (Azure assigns that IP at apply)';
        if (fix && inFix.length > 0) {
            for (const v of values)
                fix = fix.replace(v.re, `'<${v.what.replace(/^the /, '')}>'`);
            message += ` (in the fix, put ${inFix.map((u) => u.what).join(' and ')} in place of the placeholder: Azure assigns it at apply)`;
        }
        result.push({
            ...finding,
            message,
            observed: words(finding.observed),
            expected: words(finding.expected),
            fix
        });
    }
    return [...result, ...openPathFindings(open)];
}

;// CONCATENATED MODULE: ./src/plan/judge.ts









const VNET_WHY = {
    changes: 'with private endpoints in VNets the plan changes',
    'zone-links': 'with private endpoints in VNets whose zone links the plan changes'
};
/**
 * The vaults to read: those named, plus the existing vaults the plan concerns, and the VNets whose
 * endpoints' vaults the collector adds (it alone can list them). Discovery (no names) reads every
 * vault of its scope anyway. Logs how many vaults each reason brings in.
 */
function withPlannedVaults(run, plan) {
    const vaults = run.vaults;
    if (!plan || vaults.length === 0)
        return { vaults, endpointVnets: [] };
    const scope = planScope(plan, run.cloud);
    const extra = [];
    const known = (name) => [...vaults, ...extra].some((v) => v.name.toLowerCase() === name.toLowerCase());
    const byId = new Map();
    for (const { id, fromBefore } of scope.vaults) {
        const parsed = (0,arm_id/* parseResourceId */.RQ)(id);
        if (!parsed || known(parsed.name))
            continue;
        extra.push({
            name: parsed.name,
            subscriptionId: parsed.subscriptionId.toLowerCase(),
            resourceGroup: parsed.resourceGroup,
            id,
            ...(fromBefore ? { ifExists: true } : {})
        });
        const why = fromBefore
            ? 'whose private endpoints the plan deletes or replaces'
            : 'the plan changes or connects';
        byId.set(why, [...(byId.get(why) ?? []), parsed.name]);
    }
    const byRecord = [];
    for (const { name, kind } of scope.records) {
        if (known(name))
            continue;
        // A record may outlive its vault (or name one in another subscription): no finding then.
        extra.push({
            name,
            subscriptionId: run.subscriptionId,
            resourceGroup: null,
            id: null,
            kind,
            ifExists: true
        });
        byRecord.push(name);
    }
    for (const [why, names] of byId)
        logScope(names, why);
    logScope(byRecord, 'named by A records the plan changes');
    return {
        vaults: [...vaults, ...extra],
        endpointVnets: scope.vnets.map((v) => ({ id: v.id, why: VNET_WHY[v.why] }))
    };
}
function logScope(names, why) {
    if (names.length === 0)
        return;
    logger/* logger */.vF.info(`plan: ${names.length} vault(s) ${why}: ${names.join(', ')}`);
}
/**
 * The proposed state: the plan applied to the live snapshot, judged by the same control-plane
 * rules; the probe's findings are today's (it measured today's data path). Each finding is then
 * compared with the live state's.
 */
function judgePlan(inputs, plan, snapshot, live, options) {
    const applied = applyPlan(snapshot, plan);
    logger/* logger */.vF.info(`plan (${plan.format}, ${plan.path}): ${plan.changes.length} change(s) of resources this action reads; ` +
        `${plan.ignored} of other types ignored${plan.ignoredTypes.length ? ` (${plan.ignoredTypes.join(', ')})` : ''}; ` +
        `vaults it concerns: ${applied.inScope.join(', ') || 'none'}`);
    for (const line of applied.skipped)
        logger/* logger */.vF.info(`plan: not applied: ${line}`);
    const proposedModel = (0,model_model.buildRunModel)(applied.snapshot);
    const controlPlane = settleUnknowns((0,evaluate.evaluate)(applied.snapshot, null, options, [], proposedModel), applied.unresolved);
    // Each vault's probe findings (today's) after its control-plane ones, as a live run orders them.
    const groups = new Map();
    const add = (finding) => {
        const key = (finding.vault ?? '').toLowerCase();
        groups.set(key, [...(groups.get(key) ?? []), finding]);
    };
    for (const finding of controlPlane)
        add(finding);
    for (const finding of live)
        if (catalog/* RULES */.y0[finding.rule].scope === 'probe')
            add(finding);
    const ordered = [...groups.values()].flat();
    const { findings, resolved } = (0,compare.compareFindings)((0,evaluate.applySuppressions)(ordered, inputs.ignore), live);
    // The picture marks what the change adds or changes, and names stand-in IPs for what they are.
    const planned = new Map();
    for (const change of plan.changes) {
        if (change.action === 'delete')
            continue;
        planned.set(change.id.toLowerCase(), change.action === 'modify' ? 'changed by this change' : 'added by this change');
    }
    const diagrams = (drawn) => {
        if (applied.unresolved.length === 0)
            return drawn;
        return {
            get(key) {
                let text = drawn.get(key);
                for (const u of applied.unresolved) {
                    text = text?.replace(new RegExp(`(?<![\\d.])${u.value.replace(/\./g, '\\.')}(?![\\d])`, 'g'), /^[\d.]+$/.test(u.value) ? 'IP known after apply' : 'known after apply');
                }
                return text;
            }
        };
    };
    return {
        snapshot: applied.snapshot,
        findings,
        planned,
        diagrams,
        comparison: {
            resolved,
            plan: { format: plan.format, path: plan.path, resources: applied.resources }
        }
    };
}


/***/ })

};

//# sourceMappingURL=142.index.js.map