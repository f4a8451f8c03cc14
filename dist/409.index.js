export const id = 409;
export const ids = [409,850];
export const modules = {

/***/ 9409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mermaidBlock: () => (/* binding */ mermaidBlock),
/* harmony export */   mermaidText: () => (/* binding */ mermaidText),
/* harmony export */   vaultDiagram: () => (/* binding */ vaultDiagram),
/* harmony export */   vaultDiagrams: () => (/* binding */ vaultDiagrams)
/* harmony export */ });
/* harmony import */ var _collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5192);
/* harmony import */ var _common_arm_id_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5765);
/* harmony import */ var _model_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9860);
/* harmony import */ var _common_target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8348);
/* harmony import */ var _common_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3117);
/* harmony import */ var _model_dns_path_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6372);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8850);







/** Caps that keep one diagram readable and well under Mermaid's default text size limit. */
const MAX_ENDPOINTS = 10;
const MAX_ZONES = 4;
const MAX_RECORDS = 4;
const MAX_IPS = 4;
const MAX_LABEL_CHARS = 90;
const SAFE = /[A-Za-z0-9 .,:/_=+-]/;
/** Text for inside a quoted Mermaid label: safe characters as they are, the rest as `#N;`. */
function mermaidText(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    const short = [...flat].length > MAX_LABEL_CHARS
        ? `${[...flat].slice(0, MAX_LABEL_CHARS - 1).join('')}…`
        : flat;
    let out = '';
    for (const char of short)
        out += SAFE.test(char) ? char : `#${char.codePointAt(0)};`;
    return out;
}
/** A quoted label from lines of untrusted text (joined with `<br>`, which we write ourselves). */
function label(...lines) {
    return `"${lines.map(mermaidText).join('<br>')}"`;
}
function lastSegment(id) {
    return id ? (0,_common_arm_id_js__WEBPACK_IMPORTED_MODULE_4__/* .nameOf */ .Vb)(id) : '?';
}
function ips(values) {
    if (values.length === 0)
        return 'no IP';
    const shown = values.slice(0, MAX_IPS).join(', ');
    return values.length > MAX_IPS ? `${shown} +${values.length - MAX_IPS} more` : shown;
}
/**
 * The records of a shared zone named after `vault`, without lower-casing every record's name once
 * per vault (at thousands of vaults that garbage was most of the report stage's allocations).
 */
const lowerNames = new WeakMap();
function vaultRecordsOf(records, vault) {
    let cached = lowerNames.get(records);
    if (!cached || cached.length !== records.length) {
        cached = { length: records.length, names: records.map((record) => record.name.toLowerCase()) };
        lowerNames.set(records, cached);
    }
    const v = vault.toLowerCase();
    const prefix = `${v}.`;
    const found = new Set();
    cached.names.forEach((name, i) => {
        const record = records[i];
        if (record && (name === v || name.startsWith(prefix)) && (0,_common_names_js__WEBPACK_IMPORTED_MODULE_5__/* .isNamedAfter */ .s7)(record.name, vault))
            found.add(record);
    });
    return found;
}
class Flowchart {
    atFault;
    planned;
    nodes = [];
    edges = [];
    redNodes = new Set();
    redEdges = [];
    ids = new Map();
    next = 0;
    plannedNodes = new Set();
    constructor(atFault, 
    /** With `plan`: lower-cased IDs of what the change adds or changes, and the word for it. */
    planned = new Map()) {
        this.atFault = atFault;
        this.planned = planned;
    }
    /** Adds a node once per resource; returns its ID. */
    node(resourceId, text, shape = 'box') {
        const key = (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .idKey */ .T)(resourceId);
        const known = this.ids.get(key);
        if (known)
            return known;
        const id = `n${this.next++}`;
        this.ids.set(key, id);
        const [open, close] = shape === 'round' ? ['(', ')'] : shape === 'db' ? ['[(', ')]'] : ['[', ']'];
        const planned = this.planned.get(key);
        if (planned)
            this.plannedNodes.add(id);
        const shown = planned ? text.replace(/"$/, `<br>${mermaidText(planned)}"`) : text;
        this.nodes.push(`  ${id}${open}${shown}${close}`);
        if (this.atFault(resourceId))
            this.redNodes.add(id);
        return id;
    }
    /** The ID of a resource's node, if it is drawn. */
    get(resourceId) {
        return this.ids.get((0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .idKey */ .T)(resourceId));
    }
    /** A dotted edge stands for something that should be there and is not. */
    edge(from, to, red, text, dotted = false) {
        if (red)
            this.redEdges.push(this.edges.length);
        const arrow = dotted ? '-.->' : '-->';
        this.edges.push(text ? `  ${from} ${arrow}|${label(text)}| ${to}` : `  ${from} ${arrow} ${to}`);
    }
    /** A node for something a finding says is missing: always red. */
    missing(key, text) {
        const id = this.node(key, text);
        this.redNodes.add(id);
        return id;
    }
    render() {
        const lines = ['flowchart LR', ...this.nodes, ...this.edges];
        lines.push('  classDef fail fill:#ffebe9,stroke:#cf222e,stroke-width:2px,color:#82071e');
        if (this.plannedNodes.size > 0) {
            lines.push('  classDef planned stroke:#0969da,stroke-width:3px,stroke-dasharray:6 3');
            lines.push(`  class ${[...this.plannedNodes].join(',')} planned`);
        }
        if (this.redNodes.size > 0)
            lines.push(`  class ${[...this.redNodes].join(',')} fail`);
        if (this.redEdges.length > 0) {
            lines.push(`  linkStyle ${this.redEdges.join(',')} stroke:#cf222e,stroke-width:2px`);
        }
        return lines.join('\n');
    }
}
/** The zones worth drawing for a vault: those its PEs use or link to, or its findings name. */
function zonesFor(snapshot, vault, endpoints, findings, pathVnets = []) {
    const vnets = [...endpoints.flatMap((pe) => (pe.vnetId ? [pe.vnetId] : [])), ...pathVnets];
    const referenced = endpoints.flatMap((pe) => pe.dnsZoneGroups.flatMap((group) => group.configs.map((config) => config.privateDnsZoneId)));
    const named = (zone) => findings.some((f) => f.resource.toLowerCase().startsWith(zone.id.toLowerCase()));
    // The other kind's privatelink zone is linked to the same VNets, but says nothing about this one.
    const own = (0,_model_model_js__WEBPACK_IMPORTED_MODULE_0__.namesOf)(snapshot, vault).zone.toLowerCase();
    const otherKinds = [snapshot.privateLinkZone, ...(0,_common_target_js__WEBPACK_IMPORTED_MODULE_1__/* .privateLinkZones */ .xx)(snapshot.cloud)]
        .map((name) => name.toLowerCase())
        .filter((name) => name !== own);
    const otherKind = (zone) => otherKinds.includes(zone.name.toLowerCase().replace(/\.$/, ''));
    const relevant = snapshot.zones.filter((zone) => referenced.some((id) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .sameId */ .s)(id, zone.id)) ||
        (!otherKind(zone) &&
            zone.links.some((link) => vnets.some((vnet) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .sameId */ .s)(vnet, link.virtualNetworkId)))) ||
        vaultRecordsOf(zone.aRecords, vault.name).size > 0 ||
        named(zone));
    const chosen = relevant.length > 0
        ? relevant
        : snapshot.zones.filter((zone) => (0,_model_model_js__WEBPACK_IMPORTED_MODULE_0__.isZoneNamed)(zone.name, (0,_model_model_js__WEBPACK_IMPORTED_MODULE_0__.namesOf)(snapshot, vault).zone));
    return chosen.slice(0, MAX_ZONES);
}
/**
 * The Mermaid source (without the code fence) of one vault's diagram. `findings` may hold the
 * whole run's findings: only this vault's (and those tied to no vault) colour it.
 */
function vaultDiagram(snapshot, vault, findings, planned = new Map(), run) {
    const own = findings.filter((f) => (f.vault === null || (0,_report_js__WEBPACK_IMPORTED_MODULE_3__.sameVault)(f.vault, vault.name)) &&
        (f.severity === 'error' || f.severity === 'warning'));
    // The resources this vault's problems name, once: the picture asks of every node it draws, and
    // of each of a zone's records (thousands of them at scale).
    const faulty = new Set(own.map((f) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .idKey */ .T)(f.resource)));
    const atFault = (id) => id != null && faulty.has((0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .idKey */ .T)(id));
    const chart = new Flowchart(atFault, planned);
    const kind = vault.kind === 'managedHsm' ? 'Managed HSM' : 'Key Vault';
    const vaultNode = chart.node(vault.id, label(kind, vault.name), 'round');
    if (vault.failure)
        return chart.render();
    const endpoints = [];
    const connections = vault.connections.slice(0, MAX_ENDPOINTS);
    for (const conn of connections) {
        const peId = conn.privateEndpointId ?? conn.id;
        const pe = conn.privateEndpointId
            ? vault.privateEndpoints[(0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .idKey */ .T)(conn.privateEndpointId)]
            : undefined;
        const state = pe === null ? 'not found' : pe === undefined ? 'not read' : ips(pe.nicIps);
        const peNode = chart.node(peId, label('Private endpoint', lastSegment(peId), state));
        chart.edge(vaultNode, peNode, atFault(conn.id), conn.status);
        if (!pe)
            continue;
        endpoints.push(pe);
        if (pe.vnetId) {
            const vnet = snapshot.virtualNetworks[(0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .idKey */ .T)(pe.vnetId)];
            const prefixes = vnet && 'addressPrefixes' in vnet ? vnet.addressPrefixes.join(', ') : '';
            const vnetNode = chart.node(pe.vnetId, label('VNet', lastSegment(pe.vnetId), ...(prefixes ? [prefixes] : [])));
            chart.edge(peNode, vnetNode, false, `subnet ${lastSegment(pe.subnetId)}`);
        }
    }
    const pathVnets = drawDnsPaths(snapshot, vault, chart, atFault, run);
    if (vault.connections.length > MAX_ENDPOINTS) {
        const more = vault.connections.length - MAX_ENDPOINTS;
        chart.node(`${vault.id}#more`, label(`+${more} more private endpoints not drawn`));
    }
    for (const zone of zonesFor(snapshot, vault, endpoints, own, pathVnets)) {
        const zoneNode = chart.node(zone.id, label('Private DNS zone', zone.name, zone.resourceGroup), 'db');
        for (const link of zone.links) {
            // Only links to the VNets of this vault's endpoints belong in its picture.
            const vnetNode = chart.get(link.virtualNetworkId);
            if (!vnetNode)
                continue;
            const linkRed = atFault(link.id);
            const linkNode = chart.node(link.id, label('VNet link', link.name, link.virtualNetworkLinkState ?? 'state unknown'));
            chart.edge(zoneNode, linkNode, linkRed);
            chart.edge(linkNode, vnetNode, linkRed);
        }
        const named = vaultRecordsOf(zone.aRecords, vault.name);
        const recordIds = `${(0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .idKey */ .T)(zone.id)}/a/`;
        const faultyRecords = [...faulty].some((id) => id.startsWith(recordIds));
        const records = zone.aRecords
            .filter((record) => named.has(record) || (faultyRecords && atFault(record.id)))
            .slice(0, MAX_RECORDS);
        for (const record of records) {
            const ttl = record.ttl === null ? 'TTL ?' : `TTL ${record.ttl}`;
            const recordNode = chart.node(record.id, label(`A ${record.name}`, ips(record.ipv4Addresses), ttl));
            chart.edge(zoneNode, recordNode, atFault(record.id));
        }
        // What a finding says this zone lacks (a link, a record) has no node of its own: draw a red
        // placeholder with the finding's own words, so the picture shows the gap, not just a red zone.
        for (const f of own) {
            if (!(0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .sameId */ .s)(f.resource, zone.id))
                continue;
            const what = MISSING[f.rule];
            if (!what)
                continue;
            const gap = chart.missing(`${zone.id}#${f.rule}#${f.expected}`, label(what, f.expected));
            chart.edge(zoneNode, gap, true, undefined, true);
        }
    }
    return chart.render();
}
/**
 * Each VNet that must resolve the vault and whose DNS path leaves it (a client VNet, servers that
 * are a resolver or a forwarder, a forwarding rule): VNet → DNS server or resolver → rule →
 * answering VNet, drawn from the model's DNS path (model/dns-path.ts). Returns the VNets drawn,
 * so that the zones linked to them are drawn too.
 */
function drawDnsPaths(snapshot, vault, chart, atFault, run) {
    if (!snapshot.dnsPath)
        return [];
    // The run's model when it describes this snapshot (a plan's proposed state has its own).
    const model = (run?.snapshot === snapshot ? run.targets.find((t) => t.vault === vault) : undefined) ??
        (0,_model_model_js__WEBPACK_IMPORTED_MODULE_0__.buildTargetModel)(snapshot, vault);
    const vnets = (0,_model_dns_path_js__WEBPACK_IMPORTED_MODULE_2__/* .resolvingVnets */ .vS)(snapshot, model.vnets.map((group) => group.vnetId), [model.hostname, model.alias]).slice(0, MAX_ENDPOINTS);
    const drawn = [];
    const vnetNode = (vnetId, title = 'VNet') => {
        drawn.push(vnetId);
        return chart.get(vnetId) ?? chart.node(vnetId, label(title, (0,_model_dns_path_js__WEBPACK_IMPORTED_MODULE_2__/* .vnetName */ .Fj)(snapshot, vnetId)));
    };
    for (const vnet of vnets) {
        const leaves = vnet.paths.some((path) => path.hops.length > 1 || !(0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .sameId */ .s)(path.answering, vnet.vnetId));
        if (!leaves && vnet.why === 'endpoint')
            continue;
        let from = vnetNode(vnet.vnetId, vnet.why === 'endpoint' ? 'VNet' : 'Client VNet');
        const start = from;
        for (const path of vnet.paths.slice(0, MAX_ZONES)) {
            from = start;
            for (const hop of path.hops) {
                let to;
                if (hop.kind === 'azure-dns') {
                    if ((0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .sameId */ .s)(hop.vnetId, vnet.vnetId) && from === start)
                        continue;
                    to = vnetNode(hop.vnetId);
                }
                else if (hop.kind === 'resolver')
                    to = chart.node(hop.resolver.id, label('DNS private resolver', hop.resolver.name, hop.server));
                else if (hop.kind === 'rule')
                    to = chart.node(hop.rule.id, label('Forwarding rule', hop.rule.name, hop.rule.domainName));
                else if (hop.kind === 'forwarder')
                    to = chart.node(`${hop.vnetId}#dns#${hop.server}`, label('DNS server', hop.server, 'assumed forwarder'));
                else
                    to = chart.node(`dns#${hop.server}`, label('DNS server', hop.server, 'not followed'));
                const red = hop.kind === 'rule' && atFault(hop.rule.id);
                chart.edge(from, to, red, hop.kind === 'azure-dns' ? 'Azure DNS' : 'DNS');
                from = to;
            }
        }
    }
    return drawn;
}
/** Findings about something missing from a zone, and how its placeholder node is titled. */
const MISSING = {
    'DNS-LINK-MISSING': 'Missing VNet link',
    'DNS-RECORD-MISSING': 'Missing A record'
};
/** One diagram per vault of the snapshot, keyed by lower-cased vault name. */
function vaultDiagrams(snapshot, findings, planned = new Map(), run) {
    const byVault = (0,_report_js__WEBPACK_IMPORTED_MODULE_3__.findingsByVault)(findings);
    const general = byVault.get(null) ?? [];
    const vaults = new Map(snapshot.vaults.map((v) => [v.name.toLowerCase(), v]));
    // Drawn on first use: the summary and the comment show a few pictures, whatever the number of
    // vaults (drawing all 2,000 took a sixth of a 2,000-vault run's CPU).
    const drawn = new Map();
    return {
        keys: () => vaults.keys(),
        get(key) {
            const vault = vaults.get(key);
            if (!vault)
                return undefined;
            let source = drawn.get(key);
            if (source === undefined) {
                source = vaultDiagram(snapshot, vault, [...general, ...(byVault.get(key) ?? [])], planned, run);
                drawn.set(key, source);
            }
            return source;
        }
    };
}
/** A diagram as a fenced Markdown block GitHub renders (the source never holds a backtick). */
function mermaidBlock(source) {
    return `\`\`\`mermaid\n${source}\n\`\`\``;
}


/***/ }),

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

//# sourceMappingURL=409.index.js.map