export const id = 730;
export const ids = [730];
export const modules = {

/***/ 5192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ idKey),
/* harmony export */   s: () => (/* binding */ sameId)
/* harmony export */ });
/* harmony import */ var _common_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3117);
/**
 * The snapshot: everything the collectors read from ARM, as plain JSON-serialisable data.
 * Rules read only this (never Azure), so a snapshot saved to disk replays a run exactly.
 * ARM resource IDs are kept as ARM returned them; compare them with `sameId()`.
 */

/** ARM IDs are case-insensitive. */
function sameId(a, b) {
    return a != null && b != null && (0,_common_names_js__WEBPACK_IMPORTED_MODULE_0__/* .equalIgnoringCase */ .ES)(a, b);
}
function idKey(id) {
    return id.toLowerCase();
}


/***/ }),

/***/ 5765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ vaultResourceId),
/* harmony export */   HJ: () => (/* binding */ vnetIdFromSubnetId),
/* harmony export */   RQ: () => (/* binding */ parseResourceId),
/* harmony export */   Sk: () => (/* binding */ parseScope),
/* harmony export */   Tp: () => (/* binding */ resourceGroupOf),
/* harmony export */   Vb: () => (/* binding */ nameOf),
/* harmony export */   XD: () => (/* binding */ subscriptionOf),
/* harmony export */   cv: () => (/* binding */ isResourceOfType),
/* harmony export */   db: () => (/* binding */ parseLooseId),
/* harmony export */   gx: () => (/* binding */ subscriptionScope),
/* harmony export */   k8: () => (/* binding */ subnetLabel),
/* harmony export */   mp: () => (/* binding */ lastSegment),
/* harmony export */   rw: () => (/* binding */ roleScope),
/* harmony export */   wZ: () => (/* binding */ resourceGroupScope)
/* harmony export */ });
/** Small helpers for ARM resource IDs (case-insensitive, `/subscriptions/<id>/resourceGroups/<rg>/providers/...`). */
const RESOURCE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/(.+?)\/?$/i;
function parseResourceId(id) {
    const match = RESOURCE_ID.exec(id.trim());
    if (!match)
        return null;
    const [, subscriptionId, resourceGroup, provider, rest] = match;
    const parts = (rest ?? '').split('/');
    if (parts.length < 2 || parts.length % 2 !== 0 || parts.some((p) => p === ''))
        return null;
    const types = [];
    const names = [];
    for (let i = 0; i < parts.length; i += 2) {
        types.push(parts[i]);
        names.push(decodeURIComponent(parts[i + 1]));
    }
    return {
        subscriptionId: subscriptionId,
        resourceGroup: decodeURIComponent(resourceGroup),
        provider: provider,
        types,
        names,
        name: names[names.length - 1]
    };
}
/** True when `id` parses and is of `provider/type` (case-insensitive), e.g. `Microsoft.Network/privateEndpoints`. */
function isResourceOfType(parsed, providerAndType) {
    if (!parsed)
        return false;
    const actual = `${parsed.provider}/${parsed.types.join('/')}`;
    return actual.toLowerCase() === providerAndType.toLowerCase();
}
/** The last path segment of an ID (a resource's name), or the ID itself. */
function lastSegment(id) {
    return nameOf(id);
}
/** `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/x` → the VNet's ID. */
function vnetIdFromSubnetId(subnetId) {
    const match = /^(.*\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)\/subnets\/[^/]+\/?$/i.exec(subnetId.trim());
    return match ? match[1] : null;
}
/** `/subscriptions/<id>` or `/subscriptions/<id>/resourceGroups/<rg>`. */
function parseScope(scope) {
    const match = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?\/?$/i.exec(scope.trim());
    if (!match)
        return null;
    return { subscriptionId: match[1], resourceGroup: match[2] ?? null };
}
function subscriptionScope(subscriptionId) {
    return `/subscriptions/${subscriptionId}`;
}
function resourceGroupScope(subscriptionId, resourceGroup) {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}
function vaultResourceId(subscriptionId, resourceGroup, name) {
    const scope = resourceGroup
        ? resourceGroupScope(subscriptionId, resourceGroup)
        : subscriptionScope(subscriptionId);
    return `${scope}/providers/Microsoft.KeyVault/vaults/${name}`;
}
/**
 * Subscription, resource group and name of an ID, without checking the provider part (ARM's own
 * examples carry IDs such as `.../provders/Microsoft.Network/networkInterfaces/x`).
 */
function parseLooseId(id) {
    const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/.+\/([^/]+)\/?$/i.exec(id.trim());
    if (!match)
        return null;
    return {
        subscriptionId: match[1],
        resourceGroup: decodeURIComponent(match[2]),
        name: decodeURIComponent(match[3])
    };
}
function segments(id) {
    return id.split('/').filter((part) => part !== '');
}
function valueAfter(id, key) {
    const parts = segments(id);
    const index = parts.findIndex((part) => part.toLowerCase() === key.toLowerCase());
    return index >= 0 && index + 1 < parts.length ? (parts[index + 1] ?? null) : null;
}
/** The last segment of an ID: the resource's name. */
function nameOf(id) {
    // The last non-empty segment, found from the end: messages name resources by it thousands of
    // times a run, and splitting the whole ID for it made an array of every segment each time.
    let end = id.length;
    while (end > 0 && id[end - 1] === '/')
        end--;
    const start = id.lastIndexOf('/', end - 1) + 1;
    return end > start ? id.slice(start, end) : id;
}
function subscriptionOf(id) {
    return valueAfter(id, 'subscriptions');
}
function resourceGroupOf(id) {
    return valueAfter(id, 'resourceGroups');
}
/**
 * The ARM scope a role assignment can target for what was read: the resource itself, or the
 * resource group / subscription that was listed. A collection path such as
 * `…/privateDnsZones/z/virtualNetworkLinks` becomes the zone's ID.
 */
function roleScope(idOrScope) {
    const parts = segments(idOrScope);
    const providers = parts.findIndex((part) => part.toLowerCase() === 'providers');
    if (providers < 0) {
        // `/subscriptions/s`, `/subscriptions/s/resourceGroups/rg`, or a collection under them.
        const even = parts.length % 2 === 0 ? parts : parts.slice(0, -1);
        return '/' + even.join('/');
    }
    // After `providers/<namespace>` come type/name pairs; an odd count ends with a collection.
    const head = parts.slice(0, providers);
    const rest = parts.slice(providers + 2);
    if (rest.length === 0)
        return '/' + head.join('/');
    const pairs = rest.length % 2 === 0 ? rest : rest.slice(0, -1);
    if (pairs.length === 0)
        return '/' + head.join('/');
    return '/' + [...parts.slice(0, providers + 2), ...pairs].join('/');
}
/** `vnet/subnet` from a subnet ID, for messages. */
function subnetLabel(subnetId) {
    const vnet = valueAfter(subnetId, 'virtualNetworks');
    const subnet = valueAfter(subnetId, 'subnets');
    return vnet && subnet ? `${vnet}/${subnet}` : nameOf(subnetId);
}


/***/ }),

/***/ 3796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ isValidIp),
/* harmony export */   EM: () => (/* binding */ AZURE_PLATFORM_IP),
/* harmony export */   Gw: () => (/* binding */ isPrivate),
/* harmony export */   Ul: () => (/* binding */ isPublic),
/* harmony export */   pk: () => (/* binding */ describeIp),
/* harmony export */   qH: () => (/* binding */ inPrefixes)
/* harmony export */ });
/* unused harmony exports classifyIp, isReserved */
/* harmony import */ var ipaddr_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8280);
/* harmony import */ var ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(ipaddr_js__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Classifies IP addresses the way guide §4 does: private, public or reserved.
 *
 * Private is RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16). The guide writes
 * "172.16.x.x to 172.32.x.x", but the RFC 1918 block ends at 172.31.255.255: 172.32.0.0 is public.
 * Reserved is what the guide lists (multicast 224.0.0.0/4, broadcast 255.255.255.255, loopback
 * 127.0.0.0/8, link-local 169.254.0.0/16, Azure's platform DNS 168.63.129.16) plus the other
 * special ranges ipaddr.js knows (0.0.0.0/8, documentation and benchmarking nets, 240.0.0.0/4).
 * Everything else is public, as the guide says — including shared address space 100.64.0.0/10.
 *
 * Ranges come from ipaddr.js, not hand-written masks. The probe reuses this module for resolved
 * addresses, so IPv6 is classified too (unique-local fc00::/7 counts as private; IPv4-mapped
 * addresses are classified as their IPv4 address).
 */

/** Azure's virtual public IP for platform DNS, DHCP and health probes (guide §4 "Internal DNS"). */
const AZURE_PLATFORM_IP = '168.63.129.16';
const IPV4_RANGES = {
    private: { class: 'private', label: 'RFC 1918 private' },
    unicast: { class: 'public', label: 'public' },
    carrierGradeNat: { class: 'public', label: 'public (shared address space 100.64.0.0/10)' },
    as112: { class: 'public', label: 'public (AS112 anycast)' },
    amt: { class: 'public', label: 'public (AMT anycast)' },
    unspecified: { class: 'reserved', label: 'unspecified (0.0.0.0/8)' },
    broadcast: { class: 'reserved', label: 'broadcast' },
    multicast: { class: 'reserved', label: 'multicast' },
    linkLocal: { class: 'reserved', label: 'link-local' },
    loopback: { class: 'reserved', label: 'loopback' },
    reserved: { class: 'reserved', label: 'reserved (documentation, benchmarking or future use)' }
};
const IPV6_RANGES = {
    uniqueLocal: { class: 'private', label: 'IPv6 unique-local (private)' },
    unicast: { class: 'public', label: 'public' },
    '6to4': { class: 'public', label: 'public (6to4)' },
    teredo: { class: 'public', label: 'public (Teredo)' },
    rfc6052: { class: 'public', label: 'public (NAT64)' },
    as112v6: { class: 'public', label: 'public (AS112 anycast)' },
    amt: { class: 'public', label: 'public (AMT anycast)' },
    unspecified: { class: 'reserved', label: 'unspecified (::)' },
    loopback: { class: 'reserved', label: 'loopback' },
    linkLocal: { class: 'reserved', label: 'link-local' },
    multicast: { class: 'reserved', label: 'multicast' }
};
/** True for a dotted-quad IPv4 address or an IPv6 address (no CIDR suffix, no shorthand IPv4). */
function isValidIp(ip) {
    return infoOf(ip) !== null;
}
/**
 * The class of an address and a label of its range.
 * @throws TypeError when `ip` is not a valid address (see `isValidIp`).
 */
function describeIp(ip) {
    const info = infoOf(ip);
    if (!info)
        throw new TypeError(`Not an IP address: ${JSON.stringify(ip)}`);
    return info;
}
/**
 * `describeIp`'s answers, null for what is no address. The same few thousand addresses are asked
 * about by the collector and by several rules per vault, and ipaddr.js parses the text each time
 * (at 2,000 vaults that was a tenth of the evaluate stage). Bounded, so a long-lived process
 * (the tests) does not keep every address it ever saw.
 */
const described = new Map();
const DESCRIBED_LIMIT = 20_000;
function infoOf(ip) {
    let info = described.get(ip);
    if (info !== undefined)
        return info;
    const octets = fourPartDecimal(ip);
    info = octets
        ? describe(ip, new (ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv4)(octets))
        : ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().IPv6.isValid(ip)
            ? describe(ip, ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().parse(ip))
            : null;
    if (described.size >= DESCRIBED_LIMIT)
        described.clear();
    described.set(ip, info);
    return info;
}
const FOUR_PART_DECIMAL = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;
/**
 * The octets of a dotted quad as ipaddr.js's `isValidFourPartDecimal` accepts it (no leading
 * zeros, each at most 255), else null. Read here rather than by ipaddr.js's parser, which that
 * check runs and `parse` runs again, each trying every IPv4 notation it knows (octal, hex, long):
 * two thousand endpoints' addresses took a tenth of the collector's last 0.2 s.
 */
function fourPartDecimal(ip) {
    const match = FOUR_PART_DECIMAL.exec(ip);
    if (!match)
        return null;
    const octets = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
    return octets.every((octet) => octet <= 255) ? octets : null;
}
function describe(ip, parsed) {
    let address = parsed;
    if (address.kind() === 'ipv6') {
        const v6 = address;
        if (v6.isIPv4MappedAddress())
            address = v6.toIPv4Address();
    }
    if (address.kind() === 'ipv4') {
        if (address.toString() === AZURE_PLATFORM_IP) {
            return Object.freeze({ ip, class: 'reserved', range: 'Azure platform DNS (168.63.129.16)' });
        }
        const known = IPV4_RANGES[address.range()];
        return Object.freeze({
            ip,
            class: known?.class ?? 'reserved',
            range: known?.label ?? 'reserved'
        });
    }
    const known = IPV6_RANGES[address.range()];
    return Object.freeze({ ip, class: known?.class ?? 'reserved', range: known?.label ?? 'reserved' });
}
/**
 * `private`, `public` or `reserved` (guide §4, with the RFC 1918 range for 172.16.0.0/12).
 * @throws TypeError when `ip` is not a valid address (see `isValidIp`).
 */
function classifyIp(ip) {
    return describeIp(ip).class;
}
/** True when `ip` is a valid private address; false for public, reserved and invalid input. */
function isPrivate(ip) {
    return infoOf(ip)?.class === 'private';
}
/** True when `ip` is a valid public address; false for private, reserved and invalid input. */
function isPublic(ip) {
    return infoOf(ip)?.class === 'public';
}
/** True when `ip` is a valid reserved address; false for private, public and invalid input. */
function isReserved(ip) {
    return infoOf(ip)?.class === 'reserved';
}
/** True when `ip` lies in one of the CIDR prefixes (e.g. a VNet's address space). */
function inPrefixes(ip, prefixes) {
    if (!isValidIp(ip))
        return false;
    const address = ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().process(ip);
    return prefixes.some((prefix) => {
        if (!ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().isValidCIDR(prefix))
            return false;
        const [network, bits] = ipaddr_js__WEBPACK_IMPORTED_MODULE_0___default().parseCIDR(prefix);
        return network.kind() === address.kind() && address.match(network, bits);
    });
}


/***/ }),

/***/ 3117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ES: () => (/* binding */ equalIgnoringCase),
/* harmony export */   QV: () => (/* binding */ sameText),
/* harmony export */   Tu: () => (/* binding */ dnsName),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   s7: () => (/* binding */ isNamedAfter)
/* harmony export */ });
/** Name helpers shared by every stage: DNS names and Azure's case-insensitive names. */
/** Lower-cased DNS name without a trailing dot. */
function dnsName(name) {
    const trimmed = name.trim();
    // Most names have no trailing dot: no regular expression run for them.
    const bare = trimmed.endsWith('.') ? trimmed.replace(/\.+$/, '') : trimmed;
    return bare.toLowerCase();
}
function sameText(a, b) {
    return a != null && equalIgnoringCase(a, b);
}
const NON_ASCII = /[\u0080-\uffff]/;
/**
 * `a.toLowerCase() === b.toLowerCase()` without making the two lower-cased copies (the rules
 * compare ARM IDs tens of thousands of times at 2,000 vaults): ASCII is compared code by code;
 * a text with anything else is lower-cased as before, where case mapping depends on more than
 * one character.
 */
function equalIgnoringCase(a, b) {
    if (a === b)
        return true;
    if (a.length !== b.length) {
        return (NON_ASCII.test(a) || NON_ASCII.test(b)) && a.toLowerCase() === b.toLowerCase();
    }
    for (let i = 0; i < a.length; i++) {
        let x = a.charCodeAt(i);
        let y = b.charCodeAt(i);
        if (x >= 128 || y >= 128)
            return a.toLowerCase() === b.toLowerCase();
        if (x === y)
            continue;
        if (x >= 65 && x <= 90)
            x += 32;
        if (y >= 65 && y <= 90)
            y += 32;
        if (x !== y)
            return false;
    }
    return true;
}
/** A list for messages: `a, b, c`, or `(none)`. */
function list(values) {
    return values.length === 0 ? '(none)' : values.join(', ');
}
/** A record name meant for `target`: its name, maybe with a suffix or dots (`kv1`, `kv1.vault`). */
function isNamedAfter(recordName, target) {
    const name = dnsName(recordName);
    const wanted = target.toLowerCase();
    return name === wanted || name.startsWith(`${wanted}.`);
}


/***/ }),

/***/ 8348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OJ: () => (/* binding */ kindOfResource),
/* harmony export */   Qv: () => (/* binding */ HSM_RESOURCE),
/* harmony export */   aO: () => (/* binding */ TARGET_KINDS),
/* harmony export */   i: () => (/* binding */ targetNames),
/* harmony export */   xx: () => (/* binding */ privateLinkZones)
/* harmony export */ });
const KINDS = {
    vault: {
        label: 'key vault',
        short: 'vault',
        resourceType: 'Microsoft.KeyVault/vaults',
        groupId: 'vault',
        hostSuffix: {
            AzureCloud: 'vault.azure.net',
            AzureUSGovernment: 'vault.usgovcloudapi.net',
            AzureChinaCloud: 'vault.azure.cn'
        },
        zone: {
            AzureCloud: 'privatelink.vaultcore.azure.net',
            AzureUSGovernment: 'privatelink.vaultcore.usgovcloudapi.net',
            AzureChinaCloud: 'privatelink.vaultcore.azure.cn'
        }
    },
    managedHsm: {
        label: 'managed HSM',
        short: 'HSM',
        resourceType: 'Microsoft.KeyVault/managedHSMs',
        groupId: 'managedhsm',
        hostSuffix: {
            AzureCloud: 'managedhsm.azure.net',
            AzureUSGovernment: 'managedhsm.usgovcloudapi.net',
            AzureChinaCloud: 'managedhsm.azure.cn'
        },
        zone: {
            AzureCloud: 'privatelink.managedhsm.azure.net',
            AzureUSGovernment: 'privatelink.managedhsm.usgovcloudapi.net',
            AzureChinaCloud: 'privatelink.managedhsm.azure.cn'
        }
    }
};
const TARGET_KINDS = Object.keys(KINDS);
function cloudOf(name) {
    return name === 'AzureUSGovernment' || name === 'AzureChinaCloud' ? name : 'AzureCloud';
}
/**
 * The names of a kind in a cloud. `overrides` carries what a snapshot recorded for key vaults
 * (the collector takes them from the `environment`), so older snapshots replay unchanged.
 */
function targetNames(cloud, kind, overrides) {
    const entry = KINDS[kind];
    const c = cloudOf(cloud);
    return {
        kind,
        label: entry.label,
        Label: entry.label.charAt(0).toUpperCase() + entry.label.slice(1),
        short: entry.short,
        resourceType: entry.resourceType,
        groupId: entry.groupId,
        hostSuffix: kind === 'vault' && overrides ? overrides.hostSuffix : entry.hostSuffix[c],
        zone: kind === 'vault' && overrides ? overrides.zone : entry.zone[c]
    };
}
/** A managed HSM's ID, or the listing of managed HSMs; any other ID is a key vault's. */
const HSM_RESOURCE = /\/providers\/Microsoft\.KeyVault\/managedHSMs(\/|$)/i;
/** The kind an ARM ID (or a listing's path) is about. */
function kindOfResource(id) {
    return HSM_RESOURCE.test(id) ? 'managedHsm' : 'vault';
}
/** Every privatelink zone name a run over `cloud` may need. */
function privateLinkZones(cloud) {
    return TARGET_KINDS.map((kind) => targetNames(cloud, kind).zone);
}


/***/ }),

/***/ 7758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Jj: () => (/* binding */ SignInError),
/* harmony export */   OG: () => (/* binding */ describeSignInFailure),
/* harmony export */   i6: () => (/* binding */ ADD_ID_TOKEN_PERMISSION)
/* harmony export */ });
/* unused harmony exports parseAadsts, expectedSubject, describeIdTokenFailure */
/**
 * Turns a sign-in failure (MSAL / @azure/identity errors, GitHub ID token errors) into one line
 * that says what to change: Entra's AADSTS code and its likely cause. Never includes a token.
 */
/** A sign-in problem; `message` is one line for the user. */
class SignInError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SignInError';
    }
}
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const AUDIENCE = 'api://AzureADTokenExchange';
const FEDERATION_CODES = new Set(['AADSTS70021', 'AADSTS700211', 'AADSTS700212', 'AADSTS700213']);
/** JWTs (ID tokens, access tokens, assertions) that a library message might echo. */
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
function redact(text) {
    return text.replace(JWT, '[redacted token]');
}
/** An error's whole text (message and nested errors), as one line with tokens redacted. */
function errorText(error) {
    const parts = [];
    const visit = (value, depth) => {
        if (depth > 3 || value == null)
            return;
        if (value instanceof Error) {
            parts.push(value.message);
            const nested = value.errors;
            if (Array.isArray(nested))
                for (const inner of nested)
                    visit(inner, depth + 1);
            if (value.cause)
                visit(value.cause, depth + 1);
        }
        else {
            parts.push(String(value));
        }
    };
    visit(error, 0);
    return redact(parts.join(' ').replace(/\s+/g, ' ').trim());
}
/** An error's message on one line, tokens redacted, cut to a readable length. */
function brief(error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = redact(message.replace(/\s+/g, ' ').trim());
    return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
/** Entra's first AADSTS code in an error's text, e.g. `AADSTS700213`. */
function parseAadsts(text) {
    return /\bAADSTS\d+\b/.exec(text)?.[0] ?? null;
}
/** Entra's own description after the code, without trace/correlation IDs and timestamps. */
function entraDescription(text, code) {
    const after = text.slice(text.indexOf(code) + code.length).replace(/^:\s*/, '');
    const cut = after.split(/ Trace ID:| - Correlation ID:| https?:\/\//)[0] ?? '';
    const sentence = cut.trim();
    return sentence.length > 240 ? `${sentence.slice(0, 237)}...` : sentence;
}
function claimFromText(text, name) {
    return new RegExp(`assertion ${name}:? '([^']+)'`, 'i').exec(text)?.[1];
}
/** The subject GitHub puts in this run's ID token, and whether it is known or only guessed. */
function expectedSubject(env, claims) {
    if (claims?.sub)
        return { subject: claims.sub, known: true };
    const repo = env.GITHUB_REPOSITORY || '<owner>/<repo>';
    if (env.GITHUB_EVENT_NAME === 'pull_request') {
        return { subject: `repo:${repo}:pull_request`, known: false };
    }
    return { subject: `repo:${repo}:ref:${env.GITHUB_REF || 'refs/heads/<branch>'}`, known: false };
}
function federatedCredentialCommand(clientId, subject, issuer, audience) {
    const name = `github-${subject.replace(/^repo:[^/]*\//, '')}`
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/-+/g, '-')
        .replace(/-$/, '')
        .slice(0, 120);
    const parameters = JSON.stringify({ name, issuer, subject, audiences: [audience] });
    return `az ad app federated-credential create --id ${clientId} --parameters '${parameters}'`;
}
function federationMismatch(code, text, context) {
    const clientId = context.clientId ?? '<client-id>';
    const fromEntra = claimFromText(text, 'subject');
    const expected = expectedSubject(context.env, context.claims);
    const subject = fromEntra ?? expected.subject;
    const issuer = claimFromText(text, 'issuer') ?? context.claims?.iss ?? GITHUB_ISSUER;
    const audience = claimFromText(text, 'audience') ?? context.claims?.aud ?? AUDIENCE;
    const what = code === 'AADSTS700211'
        ? `issuer '${issuer}'`
        : code === 'AADSTS700212'
            ? `audience '${audience}'`
            : `subject '${subject}'`;
    const guessed = fromEntra || expected.known
        ? ''
        : ` (a job with 'environment: <name>' presents repo:${context.env.GITHUB_REPOSITORY || '<owner>/<repo>'}:environment:<name> instead)`;
    return (`Sign-in failed with ${code}: no federated credential of app ${clientId} in tenant ${context.tenantId ?? '<tenant-id>'} matches this run's ${what}${guessed}; ` +
        `its subject, issuer and audience must match the run exactly. Add one: ` +
        federatedCredentialCommand(clientId, subject, issuer, audience));
}
/** Likely causes of the AADSTS codes a sign-in from a workflow meets. */
function causeOf(code, context) {
    const clientId = context.clientId ?? '<client-id>';
    const tenantId = context.tenantId ?? '<tenant-id>';
    switch (code) {
        case 'AADSTS700016':
            return `application ${clientId} was not found in tenant ${tenantId}: check 'client-id' (the app registration's or managed identity's client ID, not its object ID) and 'tenant-id'`;
        case 'AADSTS90002':
        case 'AADSTS90072':
            return `tenant ${tenantId} was not found at ${context.authorityHost}: check 'tenant-id', and 'environment' for a tenant in a sovereign cloud`;
        case 'AADSTS900023':
            return `'${tenantId}' is not a valid tenant: check 'tenant-id'`;
        case 'AADSTS7000215':
            return 'the client secret is invalid: check AZURE_CLIENT_SECRET (the secret value, not its ID), or sign in with OIDC instead';
        case 'AADSTS7000222':
            return 'the client secret has expired: create a new one, or sign in with OIDC instead';
        case 'AADSTS700024':
            return "the GitHub ID token is expired or not yet valid: check the runner's clock and re-run";
        case 'AADSTS700027':
            return "the client assertion's signature could not be validated: check the federated credential's issuer";
        case 'AADSTS7000112':
            return `application ${clientId} is disabled in tenant ${tenantId}`;
        case 'AADSTS500011':
            return `the resource was not found in tenant ${tenantId}: 'environment' or 'arm-endpoint' does not match the tenant's cloud`;
        case 'AADSTS53003':
            return 'Conditional Access blocked the sign-in: ask a tenant admin to allow this workload identity';
        default:
            return null;
    }
}
/** Short reasons of each credential in a failed default chain. */
function chainReasons(error) {
    const nested = error.errors;
    if (!Array.isArray(nested) || nested.length === 0)
        return brief(error);
    return nested
        .map((inner) => {
        const line = brief(inner).replace(/^(?:Error|CredentialUnavailableError):\s*/, '');
        const sentence = /^.*?\.(?=\s|$)/.exec(line)?.[0] ?? line;
        return sentence.length > 120 ? `${sentence.slice(0, 117)}...` : sentence;
    })
        .join(' | ');
}
const NETWORK = /\b(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|endpoints_resolution_error|network_error|getaddrinfo|certificate|self[- ]signed)\b/i;
const ADD_ID_TOKEN_PERMISSION = "Add 'permissions: { id-token: write, contents: read }' to the workflow or to this job (pull requests from forks never get an OIDC token)";
/** The permission, as one possibility among others when the runner did set the request URL. */
const PERMISSION_POSSIBLE = "less likely, the job lacks 'permissions: id-token: write' (the runner sets ACTIONS_ID_TOKEN_REQUEST_URL only with it)";
const TLS_FAULT = /\b(certificate|self[- ]signed|unable to verify|unable to get (?:local )?issuer|altnames|UNABLE_TO_\w+|CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_\w+|ERR_SSL_\w+|EPROTO|wrong version number|alert)\b/i;
const NETWORK_FAULT = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up)\b/i;
/**
 * Why the GitHub ID token could not be had. @actions/core's getIDToken flattens every failure into
 * one message ("Failed to get ID Token. Error Code : <status> Error Message: <text>"), so the kind
 * of fault is read back from that text: only a missing variable or the endpoint's own refusal
 * (401/403) means the `id-token: write` permission; a TLS, network or server fault is the runner's
 * path to GitHub, which on a self-hosted runner usually runs through a proxy or a firewall.
 */
function describeIdTokenFailure(error, env) {
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const hide = (text) => requestToken && requestToken.length >= 8 ? text.split(requestToken).join('[redacted]') : text;
    const text = hide(errorText(error));
    const origin = originOf(env.ACTIONS_ID_TOKEN_REQUEST_URL);
    const endpoint = origin
        ? `GitHub's OIDC token endpoint ${origin}`
        : "GitHub's OIDC token endpoint";
    const host = origin ? new URL(origin).host : 'the OIDC token endpoint';
    // The text after core's "Error Message:" is the underlying error (or the endpoint's answer).
    const inner = hide(short(answerText(/Error Code\s*:\s*\S+\s+Error Message:\s*([\s\S]*)$/.exec(text)?.[1]?.trim() ||
        text.replace(/^Error message:\s*/i, ''))));
    const status = Number(/Error Code\s*:\s*(\d{3})\b/i.exec(text)?.[1] ?? NaN);
    if (/ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN) env variable/i.test(text)) {
        const name = /ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/i.exec(text)?.[0] ?? 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
        return `Cannot get the workflow's OIDC token: ${name.toUpperCase()} is not set. ${ADD_ID_TOKEN_PERMISSION}`;
    }
    if (status === 401 || status === 403) {
        return `Cannot get the workflow's OIDC token: ${endpoint} refused it with HTTP ${status} (${inner}). ${ADD_ID_TOKEN_PERMISSION}`;
    }
    if (status >= 500) {
        return (`Cannot get the workflow's OIDC token: ${endpoint} answered HTTP ${status} (${inner}). ` +
            `A fault on GitHub's side (check githubstatus.com and re-run the job) or, on a self-hosted runner, of a proxy between the runner and ${host}; ${PERMISSION_POSSIBLE}`);
    }
    if (Number.isFinite(status)) {
        return (`Cannot get the workflow's OIDC token: ${endpoint} answered HTTP ${status} (${inner}). ` +
            `On a self-hosted runner, a proxy in front of ${host} may be answering instead of GitHub; ${PERMISSION_POSSIBLE}`);
    }
    if (TLS_FAULT.test(text)) {
        return (`Cannot get the workflow's OIDC token: the TLS certificate that ${host} presented is not trusted (${inner}). ` +
            `On a self-hosted runner this usually is a TLS-inspecting proxy or firewall: give Node its CA with NODE_EXTRA_CA_CERTS=<path of the CA's PEM file> (or NODE_OPTIONS=--use-system-ca when the runner's OS already trusts it) in the runner's or the step's environment (the action never turns TLS verification off); ${PERMISSION_POSSIBLE}`);
    }
    if (NETWORK_FAULT.test(text)) {
        return (`Cannot get the workflow's OIDC token: cannot reach ${host} (${inner}). ` +
            `On a self-hosted runner, check that it may reach ${host} over HTTPS: firewall, DNS, and HTTPS_PROXY/NO_PROXY for a proxy; ${PERMISSION_POSSIBLE}`);
    }
    if (/do not have ID Token field/i.test(text)) {
        return (`Cannot get the workflow's OIDC token: ${endpoint} answered without one (HTTP 404 or an empty body). ` +
            `The runner does not serve OIDC tokens there: local runners (act, @github/local-action) do not implement them, and on a self-hosted runner a proxy may be answering instead of GitHub; ${PERMISSION_POSSIBLE}`);
    }
    return (`Cannot get the workflow's OIDC token (${inner}). ` +
        `This runner may not implement OIDC tokens (local runners such as act or @github/local-action do not); ${PERMISSION_POSSIBLE}`);
}
/** An error body's `code: message` (`{ error: { code, message } }` or `{ message }`), else the text. */
function answerText(text) {
    try {
        const body = JSON.parse(text);
        const inner = (body.error && typeof body.error === 'object' ? body.error : body);
        const parts = [inner.code, inner.message].filter((part) => typeof part === 'string');
        return parts.length > 0 ? parts.join(': ') : text;
    }
    catch {
        return text;
    }
}
/** `https://host:port` of a URL, never its path or query. */
function originOf(url) {
    if (!url || !URL.canParse(url))
        return null;
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
}
function short(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
/** One line that says what went wrong and what to change. */
function describeSignInFailure(error, context) {
    const text = errorText(error);
    const code = parseAadsts(text);
    if (!context) {
        return code
            ? `Sign-in failed with ${code}: ${entraDescription(text, code)}`
            : `Sign-in failed: ${brief(error)}`;
    }
    if (context.auth === 'oidc') {
        if (code && FEDERATION_CODES.has(code))
            return federationMismatch(code, text, context);
        if (code) {
            const cause = causeOf(code, context);
            return `Sign-in failed with ${code}: ${cause ?? entraDescription(text, code)}`;
        }
        if (context.idTokenError)
            return describeIdTokenFailure(context.idTokenError, context.env);
        if (NETWORK.test(text)) {
            return `Sign-in failed: cannot reach Entra at ${context.authorityHost} (${brief(error)}); check 'authority-host' or 'environment' and the runner's network and proxy`;
        }
        return `Sign-in with OIDC failed: ${brief(error)}`;
    }
    const hint = "Run azure/login before this step, give the self-hosted runner a managed identity, or set 'client-id' and 'tenant-id' to sign in with the workflow's OIDC token";
    if (code) {
        const cause = causeOf(code, context);
        return `Sign-in with the Azure SDK's default credential chain failed with ${code}: ${cause ?? entraDescription(text, code)}`;
    }
    if (error?.name === 'AggregateAuthenticationError') {
        return `Sign-in with the Azure SDK's default credential chain failed: no credential in it could sign in (${chainReasons(error)}). ${hint}`;
    }
    return `Sign-in with the Azure SDK's default credential chain failed: ${brief(error)}. ${hint}`;
}


/***/ }),

/***/ 384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ RULE_IDS),
/* harmony export */   KX: () => (/* binding */ isRuleId),
/* harmony export */   y0: () => (/* binding */ RULES)
/* harmony export */ });
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5917);
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6801);



const RULES = Object.fromEntries(_rules_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ALL_RULES */ .U.map((rule) => [
    rule.id,
    {
        severity: rule.severity,
        title: rule.title,
        summary: rule.summary,
        docs: _rule_js__WEBPACK_IMPORTED_MODULE_0__/* .GUIDE_SECTIONS */ .Ck[rule.section],
        section: rule.section,
        needs: rule.needs,
        scope: rule.scope
    }
]));
const RULE_IDS = _rules_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ALL_RULES */ .U.map((rule) => rule.id);
function isRuleId(value) {
    return Object.hasOwn(RULES, value);
}


/***/ }),

/***/ 5917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ GUIDE_SECTIONS),
/* harmony export */   Km: () => (/* binding */ defineRule),
/* harmony export */   Ve: () => (/* binding */ perTarget),
/* harmony export */   qq: () => (/* binding */ Outcomes)
/* harmony export */ });
const GUIDE = 'https://learn.microsoft.com/azure/key-vault/general/private-link-diagnostics';
const GUIDE_SECTIONS = {
    reading: `${GUIDE}`,
    connection: `${GUIDE}#2-confirm-that-the-connection-is-approved-and-succeeded`,
    firewall: `${GUIDE}#3-confirm-that-the-key-vault-firewall-is-properly-configured`,
    privateIp: `${GUIDE}#4-make-sure-the-key-vault-has-a-private-ip-address`,
    dnsResolution: `${GUIDE}#5-validate-the-dns-resolution`,
    privateZone: `${GUIDE}#6-validate-the-private-dns-zone`,
    healthStatus: `${GUIDE}#7-validate-that-requests-to-key-vault-use-private-link`,
    other: `${GUIDE}#8-other-changes-and-customizations-that-cause-impact`
};
/** What a check reports under, when no client VNets are named. */
const NO_CLIENTS = [];
/**
 * Where a check reports, bound to one rule and the target it runs for. Each outcome becomes its
 * finding as it is reported (rule, severity, vault and docs filled in here): at 2,000 vaults that
 * is 46,000 findings, and every intermediate copy of one is garbage to collect.
 */
class Outcomes {
    rule;
    vault;
    findings;
    blocked;
    clients;
    constructor(rule, 
    /** The vault a finding is about unless its draft says (run-scope rules: null). */
    vault, 
    /** Where the findings go, in the order they are reported. */
    findings = [], 
    /** The reads that kept the check from (fully) running. */
    blocked = [], clients = NO_CLIENTS) {
        this.rule = rule;
        this.vault = vault;
        this.findings = findings;
        this.blocked = blocked;
        this.clients = clients;
    }
    /**
     * The same outcomes, each finding marked with the VNets that must resolve the target it is
     * about (the summary says per client whether it resolves privately).
     */
    forClients(...clients) {
        return new Outcomes(this.rule, this.vault, this.findings, this.blocked, clients);
    }
    /** A problem (or an info) at the rule's catalogue severity. */
    finding(draft) {
        this.add(this.rule.severity, draft, draft.message, draft.fix ?? null);
    }
    /** The check held. */
    pass(draft) {
        this.add('pass', draft, draft.message, null);
    }
    /**
     * The check could not be verified (the contract: a warning whose message begins
     * `Not verified:`); the fix says how to verify it by hand.
     */
    notVerified(draft) {
        this.add('warning', draft, `Not verified: ${draft.message}`, draft.fix ?? null);
    }
    /** The check could not run because these reads failed. */
    notRun(...failures) {
        for (const failure of failures)
            if (failure)
                this.blocked.push(failure);
    }
    add(severity, draft, message, fix) {
        // The report's field order: the JSON report writes findings as they are built.
        const finding = {
            rule: this.rule.id,
            severity,
            vault: draft.vault === undefined ? this.vault : draft.vault,
            resource: draft.resource,
            message,
            observed: draft.observed,
            expected: draft.expected,
            fix,
            docs: GUIDE_SECTIONS[this.rule.section]
        };
        if (draft.notRun)
            finding.notRun = draft.notRun;
        if (draft.affectedVaults)
            finding.affectedVaults = draft.affectedVaults;
        const clients = this.clients.length > 0 ? this.clients : draft.clients;
        if (clients)
            finding.clients = clients;
        this.findings.push(finding);
    }
}
function defineRule(rule) {
    return rule;
}
/**
 * An analysis several rules share (e.g. which zone serves each VNet), computed once per target:
 * the rules each take their part of it.
 */
function perTarget(compute) {
    const cache = new WeakMap();
    return (ctx) => {
        let hit = cache.get(ctx.model);
        if (!hit)
            cache.set(ctx.model, (hit = { value: compute(ctx) }));
        return hit.value;
    };
}


/***/ }),

/***/ 6801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ ALL_RULES)
});

// EXTERNAL MODULE: ./src/collect/snapshot.ts
var collect_snapshot = __webpack_require__(5192);
// EXTERNAL MODULE: ./src/model/dns-path.ts
var dns_path = __webpack_require__(6372);
// EXTERNAL MODULE: ./src/common/names.ts
var common_names = __webpack_require__(3117);
// EXTERNAL MODULE: ./src/common/arm-id.ts
var arm_id = __webpack_require__(5765);
;// CONCATENATED MODULE: ./src/evaluate/fixes.ts
/**
 * Builders for the filled-in `az` commands that findings carry as `fix`. Every command names its
 * subscription, so it works whatever `az account show` says. A fix with several steps is one
 * command per line, in the order to run them.
 */

/**
 * Quotes a value for a POSIX shell when it holds anything but plain ID/name characters.
 * `<placeholders>` are quoted too: bare, a shell reads `<` and `>` as redirections.
 */
function sh(value) {
    if (/^[A-Za-z0-9_.,:/@=+-]+$/.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** Joins command lines into one fix (one command per line). */
function steps(...lines) {
    return lines.filter((line) => typeof line === 'string' && line !== '').join('\n');
}
function subscriptionFlag(subscription) {
    return subscription ? ` --subscription ${sh(subscription)}` : '';
}
function placeOf(id, fallbackGroup = '<resource-group>') {
    return { subscriptionId: (0,arm_id/* subscriptionOf */.XD)(id), resourceGroup: (0,arm_id/* resourceGroupOf */.Tp)(id) ?? fallbackGroup };
}
/** Repeats one ARM read (a listing or a GET) as the action made it. */
function armGet(resource) {
    const version = /dnsresolvers|dnsforwardingrulesets/i.test(resource) ? '2022-07-01' : '2024-05-01';
    return `az rest --method get --url ${sh(`${resource}?api-version=${version}`)}`;
}
// ---- Role assignments ---------------------------------------------------------------------
function roleAssignment(assignee, role, scope) {
    return `az role assignment create --assignee ${sh(assignee)} --role ${sh(role)} --scope ${sh(scope)}`;
}
function vaultArgs(target) {
    const vault = target.place;
    const group = vault.resourceGroup ? ` --resource-group ${sh(vault.resourceGroup)}` : '';
    const nameFlag = target.names.kind === 'managedHsm' ? '--hsm-name' : '--name';
    return `${nameFlag} ${sh(vault.name)}${group}${subscriptionFlag(vault.subscriptionId)}`;
}
function vaultShow(target) {
    return `az keyvault show ${vaultArgs(target)}`;
}
/** The settings that decide the public path: public network access and the firewall. */
function vaultShowNetwork(target) {
    return `${vaultShow(target)} --query "{publicNetworkAccess: properties.publicNetworkAccess, networkAcls: properties.networkAcls}"`;
}
/** Vault names are letters, digits and hyphens: safe inside the double-quoted JMESPath query. */
function vaultFind(name, subscriptionId) {
    const safe = name.replace(/[^A-Za-z0-9-]/g, '');
    return `az keyvault list --subscription ${sh(subscriptionId)} --query "[?name=='${safe}'].id" -o tsv`;
}
function vaultShowDeleted(name, subscriptionId, kind = 'vault') {
    const nameFlag = kind === 'managedHsm' ? '--hsm-name' : '--name';
    return `az keyvault show-deleted ${nameFlag} ${sh(name)} --subscription ${sh(subscriptionId)}`;
}
/** `az keyvault list` lists key vaults and managed HSMs; `kind` narrows it to managed HSMs. */
function vaultList(scope, kind = 'vault') {
    const group = (0,arm_id/* resourceGroupOf */.Tp)(scope);
    const type = kind === 'managedHsm' ? ' --resource-type hsm' : '';
    return `az keyvault list${type}${group ? ` --resource-group ${sh(group)}` : ''}${subscriptionFlag((0,arm_id/* subscriptionOf */.XD)(scope))}`;
}
function vaultUpdate(target, settings) {
    const verb = target.names.kind === 'managedHsm' ? 'update-hsm' : 'update';
    return `az keyvault ${verb} ${vaultArgs(target)} ${settings}`;
}
function vaultNetworkRuleRemove(target, rule) {
    const what = rule.ip !== undefined ? `--ip-address ${sh(rule.ip)}` : `--subnet ${sh(rule.subnet ?? '')}`;
    return `az keyvault network-rule remove ${vaultArgs(target)} ${what}`;
}
/**
 * Turns public network access off. `az keyvault update-hsm` has no `--public-network-access`
 * (Azure CLI 2.45), so for a managed HSM the property is set through the generic `--set`.
 */
function publicAccessDisable(target) {
    return target.names.kind === 'managedHsm'
        ? vaultUpdate(target, '--set properties.publicNetworkAccess=Disabled')
        : vaultUpdate(target, '--public-network-access Disabled');
}
/**
 * Removes the firewall's IP and VNet rules. `az keyvault network-rule` has no managed HSM form,
 * so an HSM's rule lists are emptied through the generic `--set` of `az keyvault update-hsm`.
 */
function networkRulesRemove(target, rules) {
    if (target.names.kind === 'managedHsm') {
        const lists = [
            ...(rules.ipRules.length > 0 ? ['properties.networkAcls.ipRules=[]'] : []),
            ...(rules.subnetRules.length > 0 ? ['properties.networkAcls.virtualNetworkRules=[]'] : [])
        ];
        return vaultUpdate(target, `--set ${lists.map(sh).join(' ')}`);
    }
    return steps(...rules.ipRules.map((ip) => vaultNetworkRuleRemove(target, { ip })), ...rules.subnetRules.map((subnet) => vaultNetworkRuleRemove(target, { subnet })));
}
// ---- Private endpoints and their connections ---------------------------------------------
function connectionApprove(connectionId, description) {
    return `az network private-endpoint-connection approve --id ${sh(connectionId)} --description ${sh(description)}`;
}
function connectionDelete(connectionId) {
    return `az network private-endpoint-connection delete --id ${sh(connectionId)} --yes`;
}
function endpointShow(id) {
    return `az network private-endpoint show --ids ${sh(id)}`;
}
function endpointDelete(id) {
    return `az network private-endpoint delete --ids ${sh(id)}`;
}
function endpointCreate(pe) {
    return (`az network private-endpoint create --name ${sh(pe.name)} --resource-group ${sh(pe.resourceGroup)}` +
        subscriptionFlag(pe.subscriptionId) +
        (pe.location ? ` --location ${sh(pe.location)}` : '') +
        ` --subnet ${sh(pe.subnet)} --private-connection-resource-id ${sh(pe.vaultId)}` +
        ` --group-id ${sh(pe.groupId)} --connection-name ${sh(pe.name)}`);
}
function endpointIpConfigRemove(peId, configName) {
    const place = placeOf(peId);
    return (`az network private-endpoint ip-config remove --endpoint-name ${sh((0,arm_id/* nameOf */.Vb)(peId))}` +
        ` --resource-group ${sh(place.resourceGroup)}${subscriptionFlag(place.subscriptionId)}` +
        ` --name ${sh(configName)}`);
}
/** Config name for a zone in a DNS zone group, as the portal names it (dots become hyphens). */
function zoneConfigName(zoneName) {
    return zoneName.replace(/\.+$/, '').replace(/\./g, '-');
}
/** Creates (or replaces, as ARM PUTs it) the PE's DNS zone group so it points at `zoneId`. */
function zoneGroupCreate(peId, groupName, zoneId) {
    return zoneGroupsRestore(peId, [{ name: groupName, configs: [{ privateDnsZoneId: zoneId }] }]);
}
/**
 * Recreates a PE's DNS zone groups as they were (same group names, same zones): a recreated PE
 * has none, and without them its A record is removed and never written again.
 */
function zoneGroupsRestore(peId, groups) {
    const place = placeOf(peId);
    const where = ` --endpoint-name ${sh((0,arm_id/* nameOf */.Vb)(peId))}` +
        ` --resource-group ${sh(place.resourceGroup)}${subscriptionFlag(place.subscriptionId)}`;
    return steps(...groups.flatMap((group) => group.configs.map((config, index) => `az network private-endpoint dns-zone-group ${index === 0 ? 'create' : 'add'}${where}` +
        ` --name ${sh(group.name)} --private-dns-zone ${sh(config.privateDnsZoneId)}` +
        ` --zone-name ${sh(zoneConfigName((0,arm_id/* nameOf */.Vb)(config.privateDnsZoneId)))}`)));
}
function zoneGroupList(peId) {
    const place = placeOf(peId);
    return (`az network private-endpoint dns-zone-group list --endpoint-name ${sh((0,arm_id/* nameOf */.Vb)(peId))}` +
        ` --resource-group ${sh(place.resourceGroup)}${subscriptionFlag(place.subscriptionId)}`);
}
function nicShow(id) {
    return `az network nic show --ids ${sh(id)}`;
}
function vnetShow(id) {
    return `az network vnet show --ids ${sh(id)}`;
}
function vnetDnsServers(id) {
    return `az network vnet show --ids ${sh(id)} --query dhcpOptions.dnsServers`;
}
/** The NIC that holds `ip`, by name and resource group. */
function nicFindByIp(subscriptionId, ip) {
    const safe = ip.replace(/[^0-9a-fA-F.:]/g, '');
    return (`az network nic list --subscription ${sh(subscriptionId)}` +
        ` --query "[?ipConfigurations[?privateIPAddress=='${safe}']].{name:name, resourceGroup:resourceGroup}" -o table`);
}
function nicEffectiveRoutes(name, resourceGroup, subscriptionId) {
    return (`az network nic show-effective-route-table --name ${sh(name)} --resource-group ${sh(resourceGroup)}` +
        `${subscriptionFlag(subscriptionId)} -o table`);
}
function zoneId(zone) {
    return (`/subscriptions/${zone.subscriptionId ?? '<subscription-id>'}/resourceGroups/${zone.resourceGroup}` +
        `/providers/Microsoft.Network/privateDnsZones/${zone.name}`);
}
function zoneArgs(zone) {
    return `-g ${sh(zone.resourceGroup)} -z ${sh(zone.name)}${subscriptionFlag(zone.subscriptionId)}`;
}
function zoneCreate(zone) {
    return `az network private-dns zone create -g ${sh(zone.resourceGroup)} -n ${sh(zone.name)}${subscriptionFlag(zone.subscriptionId)}`;
}
function zoneList(scope) {
    const group = (0,arm_id/* resourceGroupOf */.Tp)(scope);
    return `az network private-dns zone list${group ? ` -g ${sh(group)}` : ''}${subscriptionFlag((0,arm_id/* subscriptionOf */.XD)(scope))} -o table`;
}
/** A zone by its ID (`az network private-dns zone show` takes no `--ids`: it needs -g and -n). */
function zoneShow(id) {
    const place = placeOf(id);
    return `az network private-dns zone show -g ${sh(place.resourceGroup)} -n ${sh((0,arm_id/* nameOf */.Vb)(id))}${subscriptionFlag(place.subscriptionId)}`;
}
function linkCreate(zone, vnetId) {
    return `az network private-dns link vnet create ${zoneArgs(zone)} -n ${sh(`${(0,arm_id/* nameOf */.Vb)(vnetId)}-link`)} -v ${sh(vnetId)} -e false`;
}
function linkDelete(zone, linkName) {
    return `az network private-dns link vnet delete ${zoneArgs(zone)} -n ${sh(linkName)} --yes`;
}
function linkList(zone) {
    return `az network private-dns link vnet list ${zoneArgs(zone)} -o table`;
}
/** Recreates a link under the same name (after a failed or stuck provisioning). */
function linkRecreate(zone, linkName, vnetId) {
    return steps(linkDelete(zone, linkName), `az network private-dns link vnet create ${zoneArgs(zone)} -n ${sh(linkName)} -v ${sh(vnetId)} -e false`);
}
function recordList(zone) {
    return `az network private-dns record-set a list ${zoneArgs(zone)} -o table`;
}
function recordDelete(zone, name) {
    return `az network private-dns record-set a delete ${zoneArgs(zone)} -n ${sh(name)} --yes`;
}
/** Creates the record set with an explicit TTL, then adds each IP (add-record alone gives 3600). */
function recordCreate(zone, name, ips, ttl) {
    return steps(`az network private-dns record-set a create ${zoneArgs(zone)} -n ${sh(name)} --ttl ${ttl}`, ...ips.map((ip) => `az network private-dns record-set a add-record ${zoneArgs(zone)} -n ${sh(name)} -a ${sh(ip)}`));
}
/**
 * Points an existing record at `ips`: the right IPs are added before the wrong ones are removed,
 * so the name never stops answering (deleting and recreating the set leaves a window with none).
 * `ttl`: also set the TTL (when the current one is out of range).
 */
function recordRepoint(zone, name, ips, current, ttl) {
    return steps(...ips
        .filter((ip) => !current.includes(ip))
        .map((ip) => `az network private-dns record-set a add-record ${zoneArgs(zone)} -n ${sh(name)} -a ${sh(ip)}`), ...current.filter((ip) => !ips.includes(ip)).map((ip) => recordRemoveIp(zone, name, ip)), ttl === null ? null : recordSetTtl(zone, name, ttl));
}
function recordRemoveIp(zone, name, ip) {
    return `az network private-dns record-set a remove-record ${zoneArgs(zone)} -n ${sh(name)} -a ${sh(ip)}`;
}
function recordSetTtl(zone, name, ttl) {
    return `az network private-dns record-set a update ${zoneArgs(zone)} -n ${sh(name)} --set ttl=${ttl}`;
}
/** The TTL to suggest: 300 s, clamped into [min, max]. */
function suggestedTtl(min, max) {
    return Math.min(Math.max(300, min), max);
}
// ---- Client VNets and the DNS path ----------------------------------------------------------
/** A peering from `vnetId` to `remoteId` (the missing side, or both sides of a new one). */
function peeringCreate(vnetId, remoteId) {
    const place = placeOf(vnetId);
    return (`az network vnet peering create -g ${sh(place.resourceGroup)} --vnet-name ${sh((0,arm_id/* nameOf */.Vb)(vnetId))}` +
        ` -n ${sh(`${(0,arm_id/* nameOf */.Vb)(vnetId)}-to-${(0,arm_id/* nameOf */.Vb)(remoteId)}`)} --remote-vnet ${sh(remoteId)} --allow-vnet-access` +
        subscriptionFlag(place.subscriptionId));
}
function peeringDelete(vnetId, peeringName) {
    const place = placeOf(vnetId);
    return `az network vnet peering delete -g ${sh(place.resourceGroup)} --vnet-name ${sh((0,arm_id/* nameOf */.Vb)(vnetId))} -n ${sh(peeringName)}${subscriptionFlag(place.subscriptionId)}`;
}
/** Points a VNet's DNS servers at `servers` (VMs pick it up on their next DHCP renewal or restart). */
function vnetSetDnsServers(vnetId, servers) {
    const place = placeOf(vnetId);
    return `az network vnet update -g ${sh(place.resourceGroup)} -n ${sh((0,arm_id/* nameOf */.Vb)(vnetId))} --dns-servers ${servers.map(sh).join(' ')}${subscriptionFlag(place.subscriptionId)}`;
}
function rulesetArgs(rulesetId) {
    const place = placeOf(rulesetId);
    return `-g ${sh(place.resourceGroup)} --ruleset-name ${sh((0,arm_id/* nameOf */.Vb)(rulesetId))}${subscriptionFlag(place.subscriptionId)}`;
}
function forwardingRuleDisable(rulesetId, ruleName) {
    return `az dns-resolver forwarding-rule update ${rulesetArgs(rulesetId)} -n ${sh(ruleName)} --forwarding-rule-state Disabled`;
}
function rulesetLinkDelete(rulesetId, linkName) {
    return `az dns-resolver vnet-link delete ${rulesetArgs(rulesetId)} -n ${sh(linkName)} --yes`;
}

// EXTERNAL MODULE: ./src/evaluate/rule.ts
var rule = __webpack_require__(5917);
// EXTERNAL MODULE: ./src/model/model.ts
var model_model = __webpack_require__(9860);
// EXTERNAL MODULE: ./src/common/target.ts
var target = __webpack_require__(8348);
;// CONCATENATED MODULE: ./src/evaluate/rules/dns.ts








// ---- Helpers ------------------------------------------------------------------------------
function describeZone(zone, vaultSubscription) {
    const sub = zone.subscriptionId && zone.subscriptionId !== vaultSubscription
        ? `, subscription ${zone.subscriptionId}`
        : '';
    return `${zone.name} (resource group ${zone.resourceGroup}${sub})`;
}
function peNames(group) {
    return group.pes.map((item) => item.pe.name).join(', ');
}
const recordIndexes = new WeakMap();
function unchangedAt(records, index, at) {
    const record = records[at];
    return record !== undefined && record === index.items[at] && record.name === index.names[at];
}
function recordIndex(records, checked) {
    const known = recordIndexes.get(records);
    if (known &&
        known.items.length === records.length &&
        (!checked || records.every((_, at) => unchangedAt(records, known, at))))
        return known;
    const index = {
        items: [...records],
        names: records.map((r) => r.name),
        byName: new Map(),
        byLabel: new Map()
    };
    records.forEach((record, at) => {
        const name = (0,common_names/* dnsName */.Tu)(record.name);
        if (!index.byName.has(name))
            index.byName.set(name, at);
        const label = name.split('.', 1)[0] ?? name;
        const same = index.byLabel.get(label);
        if (same)
            same.push(at);
        else
            index.byLabel.set(label, [at]);
    });
    recordIndexes.set(records, index);
    return index;
}
function vaultRecord(ctx, zone) {
    const vault = ctx.model.vault.name.toLowerCase();
    const records = zone.aRecords;
    const quick = recordIndex(records, false);
    const hit = quick.byName.get(vault);
    if (hit !== undefined && unchangedAt(records, quick, hit))
        return records[hit];
    const at = recordIndex(records, true).byName.get(vault);
    return at === undefined ? undefined : records[at];
}
/**
 * The zone's records that look meant for the vault: named after it, maybe with a suffix or dots
 * (`kv1`, `kv1.vault`), in the zone's order: among those whose first label is the vault name's.
 */
function vaultLikeRecords(ctx, zone) {
    const vault = ctx.model.vault.name;
    const label = vault.toLowerCase().split('.', 1)[0] ?? '';
    const same = recordIndex(zone.aRecords, true).byLabel.get(label) ?? [];
    return same.flatMap((at) => {
        const record = zone.aRecords[at];
        return record && (0,common_names/* isNamedAfter */.s7)(record.name, vault) ? [record] : [];
    });
}
function ttlFor(ctx, current) {
    const { ttlMin, ttlMax } = ctx.options;
    return current != null && current >= ttlMin && current <= ttlMax
        ? current
        : suggestedTtl(ttlMin, ttlMax);
}
function ipsOrPlaceholder(group) {
    return group.ips.length > 0 ? group.ips : ['<private-endpoint-ip>'];
}
function groupsLinkedTo(ctx, zone) {
    if (zone.linksFailure)
        return [];
    return ctx.model.vnets.filter((group) => zone.links.some((link) => (0,collect_snapshot/* sameId */.s)(link.virtualNetworkId, group.vnetId)));
}
const misnamedZones = (0,rule/* perTarget */.Ve)((ctx) => {
    const { snapshot, model } = ctx;
    const found = new Map();
    const entry = (zoneIdValue) => {
        const key = (0,collect_snapshot/* idKey */.T)(zoneIdValue);
        let item = found.get(key);
        if (!item) {
            const zone = snapshot.zones.find((candidate) => (0,collect_snapshot/* sameId */.s)(candidate.id, zoneIdValue));
            item = {
                zoneId: zone?.id ?? zoneIdValue,
                name: zone?.name ?? (0,arm_id/* nameOf */.Vb)(zoneIdValue),
                zone,
                groups: [],
                records: []
            };
            found.set(key, item);
        }
        return item;
    };
    const blockers = [...(0,model_model.zoneScopeFailures)(snapshot), ...model.peFailures];
    for (const pe of model.endpoints) {
        if (pe.dnsZoneGroupsFailure)
            blockers.push(pe.dnsZoneGroupsFailure);
        for (const group of pe.dnsZoneGroups) {
            for (const config of group.configs) {
                if ((0,model_model.isZoneNamed)((0,arm_id/* nameOf */.Vb)(config.privateDnsZoneId), model.names.zone))
                    continue;
                const item = entry(config.privateDnsZoneId);
                if (!item.groups.some((known) => (0,collect_snapshot/* sameId */.s)(known.peId, pe.id) && known.groupName === group.name)) {
                    item.groups.push({ peId: pe.id, peName: pe.name, groupName: group.name });
                }
            }
        }
    }
    // The other kind's privatelink zone holds that kind's records: a key vault and a managed HSM may
    // share a name, so a record there named like this target is no sign of a misplaced one.
    const otherZones = [snapshot.privateLinkZone, ...(0,target/* privateLinkZones */.xx)(snapshot.cloud)].filter((name) => !(0,model_model.isZoneNamed)(name, model.names.zone));
    for (const zone of snapshot.zones) {
        if ((0,model_model.isZoneNamed)(zone.name, model.names.zone))
            continue;
        if (otherZones.some((name) => (0,model_model.isZoneNamed)(zone.name, name)))
            continue;
        if (zone.recordsFailure) {
            blockers.push(zone.recordsFailure);
            continue;
        }
        const records = vaultLikeRecords(ctx, zone);
        if (records.length > 0)
            entry(zone.id).records.push(...records);
    }
    return { found: [...found.values()], blockers };
});
/** Where a new exact zone should go: next to a misnamed one the vault uses, else next to its PE. */
function newZonePlace(ctx, misnamed) {
    const name = ctx.model.names.zone;
    const near = misnamed.found.find((item) => item.groups.length > 0) ?? misnamed.found[0];
    if (near) {
        const group = near.zone?.resourceGroup ?? (0,arm_id/* resourceGroupOf */.Tp)(near.zoneId);
        if (group)
            return {
                name,
                resourceGroup: group,
                subscriptionId: near.zone?.subscriptionId ?? (0,arm_id/* subscriptionOf */.XD)(near.zoneId)
            };
    }
    const pe = ctx.model.effective[0]?.pe;
    const peGroup = pe ? (0,arm_id/* resourceGroupOf */.Tp)(pe.id) : null;
    if (pe && peGroup)
        return { name, resourceGroup: peGroup, subscriptionId: (0,arm_id/* subscriptionOf */.XD)(pe.id) };
    return {
        name,
        resourceGroup: ctx.model.place.resourceGroup ?? '<resource-group>',
        subscriptionId: ctx.model.vault.subscriptionId
    };
}
function zoneMissing(ctx, out) {
    const { snapshot, model } = ctx;
    const vault = model.vault;
    const misnamed = misnamedZones(ctx);
    const zones = (0,model_model.exactZones)(snapshot, model.names.zone);
    if (zones.length > 0) {
        out.pass({
            resource: zones[0]?.id ?? vault.id,
            message: `Private DNS zone ${model.names.zone} exists: ${zones.map((zone) => describeZone(zone, vault.subscriptionId)).join('; ')}`,
            observed: `${zones.length} zone${zones.length === 1 ? '' : 's'}`,
            expected: `a zone named exactly ${model.names.zone}`
        });
        return;
    }
    const searchFailures = (0,model_model.zoneSearchFailures)(snapshot, model.names.zone);
    if (searchFailures.length > 0) {
        out.notRun(...searchFailures);
        return;
    }
    const place = newZonePlace(ctx, misnamed);
    const newId = zoneId(place);
    const scopes = snapshot.zoneScopes.map((scope) => scope.scope);
    const dangling = model.endpoints.flatMap((pe) => pe.dnsZoneGroups.flatMap((group) => group.configs
        .filter((config) => (0,model_model.isZoneNamed)((0,arm_id/* nameOf */.Vb)(config.privateDnsZoneId), model.names.zone))
        .map((config) => `${pe.name}'s DNS zone group ${group.name} points to ${config.privateDnsZoneId}, which was not found`)));
    out.finding({
        resource: vault.id,
        message: `No private DNS zone named exactly ${model.names.zone} was found in the scopes searched (${(0,common_names/* list */.p_)(scopes)}). ` +
            `Without it, clients in the VNet resolve ${model.hostname} to the ${model.names.short}'s public IP. ` +
            (dangling.length > 0 ? `${dangling.join('; ')}. ` : '') +
            `If the zone lives in another subscription or resource group (hub and spoke), add that scope to the ` +
            `dns-zone-scopes input; otherwise create it, link it to the VNets of the private endpoints and register them in it`,
        observed: 'no zone',
        expected: `a private DNS zone named ${model.names.zone}`,
        fix: steps(zoneCreate(place), ...model.vnets.map((group) => linkCreate(place, group.vnetId)), ...model.effective.map((item) => zoneGroupCreate(item.pe.id, item.pe.dnsZoneGroups[0]?.name ?? 'default', newId)))
    });
}
function misnamedFindings(ctx, out) {
    const { snapshot, model } = ctx;
    const vault = model.vault;
    const misnamed = misnamedZones(ctx);
    const exact = model.names.zone;
    if (misnamed.found.length === 0) {
        if (misnamed.blockers.length > 0) {
            out.notRun(...misnamed.blockers);
            return;
        }
        out.pass({
            resource: vault.id,
            message: `No misnamed private DNS zone is used by ${model.names.label} ${vault.name}'s private endpoints or holds a record for it`,
            observed: 'no misnamed zone',
            expected: 'no misnamed zone'
        });
        return;
    }
    const zones = (0,model_model.exactZones)(snapshot, model.names.zone);
    for (const item of misnamed.found) {
        const reasons = [
            ...item.groups.map((group) => `private endpoint ${group.peName}'s DNS zone group ${group.groupName} writes its record into it`),
            ...item.records.map((record) => `it holds A record ${record.name} → ${(0,common_names/* list */.p_)(record.ipv4Addresses)}`)
        ];
        const place = item.zone
            ? (0,model_model.zonePlace)(item.zone)
            : {
                name: item.name,
                resourceGroup: (0,arm_id/* resourceGroupOf */.Tp)(item.zoneId) ?? '<resource-group>',
                subscriptionId: (0,arm_id/* subscriptionOf */.XD)(item.zoneId)
            };
        const target = (peId) => {
            const pe = ctx.model.endpoints.find((candidate) => (0,collect_snapshot/* sameId */.s)(candidate.id, peId));
            const linked = pe?.vnetId ? (0,model_model.linkedExactZone)(snapshot, model.names.zone, pe.vnetId) : null;
            return linked?.zone.id ?? zones[0]?.id ?? zoneId(newZonePlace(ctx, misnamed));
        };
        out.finding({
            resource: item.zoneId,
            message: `Private DNS zone ${describeZone(place, vault.subscriptionId)} is not ${exact}, the zone private link uses for ${model.names.label}s: ` +
                `DNS never looks there for ${ctx.model.hostname}, so what it holds for ${vault.name} has no effect (${reasons.join('; ')}). ` +
                (zones.length === 0 ? `Create ${exact} (see DNS-ZONE-MISSING) and p` : 'P') +
                (item.groups.length > 0
                    ? `oint the DNS zone group${item.groups.length === 1 ? '' : 's'} at ${exact}`
                    : `ut the ${model.names.short}'s record in ${exact} instead`) +
                (item.records.length > 0
                    ? `, and delete the misplaced record${item.records.length === 1 ? '' : 's'}`
                    : '') +
                `; delete the zone ${item.name} once nothing else uses it`,
            observed: item.name,
            expected: exact,
            fix: steps(...item.groups.map((group) => zoneGroupCreate(group.peId, group.groupName, target(group.peId))), ...item.records.map((record) => recordDelete(place, record.name)))
        });
    }
}
/** The exact zone to link a VNet to: the one its PEs' zone groups use, else the one holding its IP, … */
function pickZone(ctx, zones, group) {
    const referenced = zones.find((zone) => group.pes.some((item) => item.pe.dnsZoneGroups.some((zg) => zg.configs.some((config) => (0,collect_snapshot/* sameId */.s)(config.privateDnsZoneId, zone.id)))));
    if (referenced)
        return referenced;
    const holding = zones.find((zone) => {
        const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone);
        return record?.ipv4Addresses.some((ip) => group.ips.includes(ip));
    });
    if (holding)
        return holding;
    const peSubscription = group.pes[0] ? (0,arm_id/* subscriptionOf */.XD)(group.pes[0].pe.id) : null;
    return (zones.find((zone) => zone.subscriptionId === peSubscription) ??
        zones[0]);
}
/** The VNets that must resolve the vault, with their DNS paths (once per target). */
const resolving = (0,rule/* perTarget */.Ve)((ctx) => (0,dns_path/* resolvingVnets */.vS)(ctx.snapshot, ctx.model.vnets.map((group) => group.vnetId), [ctx.model.hostname, ctx.model.alias], ctx.runnerVnets ?? []));
/** A client VNet holds no PE: it may get any effective PE IP of the vault. */
function clientGroup(ctx, vnet) {
    const ips = [...new Set(ctx.model.effective.flatMap((item) => item.ips))];
    return {
        vnetId: vnet.vnetId,
        name: vnet.name,
        vnet: vnet.vnet,
        pes: ctx.model.effective,
        ips,
        ipsKnown: ctx.model.effective.every((item) => item.ipsKnown),
        ipFailures: ctx.model.effective.flatMap((item) => item.pe.nicFailures)
    };
}
const vnetDns = (0,rule/* perTarget */.Ve)((ctx) => {
    const { snapshot, model } = ctx;
    const zones = (0,model_model.exactZones)(snapshot, model.names.zone);
    const searchFailures = (0,model_model.zoneSearchFailures)(snapshot, model.names.zone);
    const zonesDone = new Set();
    const entries = [];
    for (const vnet of resolving(ctx)) {
        const own = model.vnets.find((group) => (0,collect_snapshot/* sameId */.s)(group.vnetId, vnet.vnetId));
        if (!own && model.effective.length === 0)
            continue;
        const base = own ?? clientGroup(ctx, vnet);
        const ends = (0,dns_path/* answeringVnets */.rh)(vnet.paths).map((answering) => ({
            answering,
            path: vnet.paths.find((path) => (0,collect_snapshot/* sameId */.s)(path.answering, answering)) ?? null
        }));
        // A PE's VNet whose path cannot be followed (servers on premises, a forwarding rule, a loop):
        // the zone linked to the VNet itself, if any, is judged for its records as before the DNS path
        // was known; a missing link there is no finding, since the answer comes from elsewhere
        // (VNET-CUSTOM-DNS and DNS-FORWARDING-* say where). An unreadable VNet keeps the old check.
        const unread = vnet.paths.every((path) => path.end === 'unread');
        if (ends.length === 0 && own) {
            if (!unread && !(0,model_model.linkedExactZone)(snapshot, model.names.zone, own.vnetId))
                continue;
            ends.push({ answering: own.vnetId, path: null });
        }
        for (const { answering, path } of ends) {
            const answeringName = (0,dns_path/* vnetName */.Fj)(snapshot, answering);
            const via = { resolving: vnet, answering, answeringName, path };
            const same = (0,collect_snapshot/* sameId */.s)(answering, base.vnetId);
            // Messages and fixes speak of the VNet the zone must be linked to.
            const group = same ? base : { ...base, vnetId: answering, name: answeringName };
            const linked = (0,model_model.linkedExactZone)(snapshot, model.names.zone, answering);
            if (!linked) {
                const blockers = [
                    ...searchFailures,
                    ...zones.flatMap((zone) => (zone.linksFailure ? [zone.linksFailure] : []))
                ];
                if (blockers.length > 0)
                    entries.push({ group, via, state: 'blocked', blockers });
                else if (zones.length === 0)
                    entries.push({ group, via, state: 'no-zone' });
                else
                    entries.push({ group, via, state: 'unlinked', zone: pickZone(ctx, zones, base) });
                continue;
            }
            const { zone, link } = linked;
            const firstTime = !zonesDone.has((0,collect_snapshot/* idKey */.T)(zone.id));
            zonesDone.add((0,collect_snapshot/* idKey */.T)(zone.id));
            // A client served by a zone a PE's VNet already uses adds nothing to the record checks.
            if (!own && !firstTime)
                continue;
            const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone);
            entries.push({ group, via, state: 'linked', zone, link, record, firstTime });
        }
    }
    return entries;
});
/**
 * The VNets whose zone and record were read, for the record rules; the reads that kept the
 * others from being checked are reported as not run.
 */
function readRecords(ctx, out) {
    const ready = [];
    for (const entry of vnetDns(ctx)) {
        if (entry.state === 'blocked')
            out.notRun(...entry.blockers);
        if (entry.state !== 'linked')
            continue;
        if (entry.zone.recordsFailure) {
            out.notRun(entry.zone.recordsFailure);
            continue;
        }
        ready.push(entry);
    }
    return ready;
}
function linkMissing(ctx, out, zone, group, via, others) {
    if (!(0,collect_snapshot/* sameId */.s)(via.answering, via.resolving.vnetId) ||
        via.resolving.why !== 'endpoint' ||
        others.length > 0 ||
        (azureDnsAtHome(via) && linkedResolver(ctx) !== null)) {
        linkMissingOnPath(ctx, out, zone, via, others);
        return;
    }
    const { model } = ctx;
    const vault = model.vault;
    const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone);
    const foreign = record ? record.ipv4Addresses.filter((ip) => !group.ips.includes(ip)) : [];
    const note = record &&
        foreign.length > 0 &&
        group.ips.length > 0 &&
        !record.ipv4Addresses.some((ip) => group.ips.includes(ip))
        ? ` Note: its A record ${record.name} points to ${(0,common_names/* list */.p_)(record.ipv4Addresses)}, not to ${(0,common_names/* list */.p_)(group.ips)}: once linked, ` +
            `fix the record too, or give ${group.name} a zone of its own (guide §6, more than one VNet)`
        : '';
    const linkedTo = zone.links.map((link) => (0,arm_id/* nameOf */.Vb)(link.virtualNetworkId));
    out.finding({
        resource: zone.id,
        message: `Private DNS zone ${describeZone(zone, vault.subscriptionId)} is not linked to VNet ${group.name}, which holds ` +
            `private endpoint ${peNames(group)} of ${model.names.label} ${vault.name}: DNS queries from ${group.name} ignore the zone, ` +
            `so ${model.hostname} resolves to the ${model.names.short}'s public IP there. Link the zone to the VNet.${note}`,
        observed: linkedTo.length > 0 ? `linked to ${(0,common_names/* list */.p_)(linkedTo)}` : 'linked to no VNet',
        expected: `linked to ${group.name}`,
        fix: linkCreate((0,model_model.zonePlace)(zone), group.vnetId)
    });
}
/** The VNet uses Azure-provided DNS, answered in the VNet itself (no server, no rule). */
function azureDnsAtHome(via) {
    const hops = via.path?.hops ?? [];
    return (hops.length === 1 &&
        hops[0]?.kind === 'azure-dns' &&
        (0,collect_snapshot/* sameId */.s)(via.answering, via.resolving.vnetId));
}
/** A DNS private resolver whose VNet is linked to an exact zone: where spokes should point. */
function linkedResolver(ctx) {
    for (const resolver of ctx.snapshot.dnsPath?.resolvers ?? []) {
        const vnetId = resolver.virtualNetworkId;
        const ips = resolver.inboundEndpoints.flatMap((endpoint) => endpoint.ips);
        if (vnetId && ips.length > 0 && (0,model_model.linkedExactZone)(ctx.snapshot, ctx.model.names.zone, vnetId))
            return { name: resolver.name, vnetId, ips };
    }
    return null;
}
/** The zone is not linked where Azure DNS answers for one or more VNets that must resolve. */
function linkMissingOnPath(ctx, out, zone, via, others) {
    const { model, snapshot } = ctx;
    const vault = model.vault;
    const clients = [via.resolving.name, ...others];
    const why = via.resolving.why === 'endpoint'
        ? `which holds a private endpoint of ${model.names.label} ${vault.name}`
        : via.resolving.why === 'runner'
            ? `this runner's VNet, a client of ${model.names.label} ${vault.name}`
            : `a client VNet of ${model.names.label} ${vault.name}`;
    const path = via.path ? (0,dns_path/* describePath */.NH)(snapshot, via.resolving.vnetId, via.path) : null;
    const linkedTo = zone.links.map((link) => (0,arm_id/* nameOf */.Vb)(link.virtualNetworkId));
    const resolver = azureDnsAtHome(via) ? linkedResolver(ctx) : null;
    if (resolver) {
        // Azure-provided DNS in a VNet while a resolver serves the zone elsewhere: the hub-and-spoke
        // way is to point the VNet's DNS at the resolver, not to link every spoke.
        out.finding({
            resource: zone.id,
            message: `VNet ${via.resolving.name} (${why}) uses Azure-provided DNS, and private DNS zone ` +
                `${describeZone(zone, vault.subscriptionId)} is not linked to it: ${model.hostname} resolves to the vault's ` +
                `public IP for clients in ${(0,common_names/* list */.p_)(clients)}. The zone is linked to VNet ${(0,dns_path/* vnetName */.Fj)(snapshot, resolver.vnetId)}, ` +
                `where DNS private resolver ${resolver.name} has its inbound endpoint (${(0,common_names/* list */.p_)(resolver.ips)}): point ` +
                `${via.resolving.name}'s DNS servers at it (VMs pick the change up when they renew their DHCP lease or restart), ` +
                `or link the zone to ${via.resolving.name}`,
            observed: linkedTo.length > 0 ? `linked to ${(0,common_names/* list */.p_)(linkedTo)}` : 'linked to no VNet',
            expected: `${via.resolving.name} resolving through ${resolver.name}, or linked to the zone`,
            fix: vnetSetDnsServers(via.resolving.vnetId, resolver.ips)
        });
        return;
    }
    out.finding({
        resource: zone.id,
        message: `Private DNS zone ${describeZone(zone, vault.subscriptionId)} is not linked to VNet ${via.answeringName}` +
            ((0,collect_snapshot/* sameId */.s)(via.answering, via.resolving.vnetId)
                ? ` (${why}), where Azure DNS answers its queries`
                : `, where Azure DNS answers for VNet ${via.resolving.name} (${why})`) +
            (others.length > 0 ? ` and for ${(0,common_names/* list */.p_)(others)}` : '') +
            (path && !(0,collect_snapshot/* sameId */.s)(via.answering, via.resolving.vnetId) ? ` along the DNS path ${path}` : '') +
            `: DNS answers there ignore the zone, so ${model.hostname} resolves to the vault's public IP for clients in ` +
            `${(0,common_names/* list */.p_)(clients)}. Link the zone to ${via.answeringName}` +
            ((0,collect_snapshot/* sameId */.s)(via.answering, via.resolving.vnetId)
                ? ''
                : ` (a link to ${via.resolving.name} itself does not help: its queries are answered in ${via.answeringName})`),
        observed: linkedTo.length > 0 ? `linked to ${(0,common_names/* list */.p_)(linkedTo)}` : 'linked to no VNet',
        expected: `linked to ${via.answeringName}`,
        fix: linkCreate((0,model_model.zonePlace)(zone), via.answering)
    });
}
function linkReady(ctx, out, zone, link, group) {
    const { model } = ctx;
    const vault = model.vault;
    const state = link.virtualNetworkLinkState ?? 'unknown';
    const provisioning = link.provisioningState ?? 'unknown';
    const observed = `link state ${state}, provisioning ${provisioning}`;
    if ((0,common_names/* sameText */.QV)(link.virtualNetworkLinkState, 'Completed') &&
        (0,common_names/* sameText */.QV)(link.provisioningState, 'Succeeded')) {
        out.pass({
            resource: link.id,
            message: `The link ${link.name} from ${zone.name} to VNet ${group.name} is Completed and Succeeded`,
            observed,
            expected: 'link state Completed, provisioning Succeeded'
        });
        return;
    }
    const inProgress = model_model.IN_PROGRESS.includes(state.toLowerCase()) || model_model.IN_PROGRESS.includes(provisioning.toLowerCase());
    out.finding({
        resource: link.id,
        message: `The link ${link.name} from private DNS zone ${zone.name} to VNet ${group.name} (private endpoint ${peNames(group)} ` +
            `of ${model.names.label} ${vault.name}) is not ready (${observed}): until it is Completed and Succeeded, ${group.name} may not ` +
            `use the zone. ` +
            (inProgress
                ? 'A link that was just saved can take a few minutes; if it stays so, recreate it'
                : 'Recreate the link'),
        observed,
        expected: 'link state Completed, provisioning Succeeded',
        fix: linkRecreate((0,model_model.zonePlace)(zone), link.name, group.vnetId)
    });
}
function recordMissingOrMisnamed(ctx, out, rule, zone, link, group) {
    const { model } = ctx;
    const vault = model.vault;
    const place = (0,model_model.zonePlace)(zone);
    const ips = ipsOrPlaceholder(group);
    const ttl = suggestedTtl(ctx.options.ttlMin, ctx.options.ttlMax);
    const wrong = vaultLikeRecords(ctx, zone);
    if (wrong.length > 0) {
        if (rule === 'DNS-RECORD-NAME')
            out.finding({
                resource: wrong[0]?.id ?? zone.id,
                message: `Private DNS zone ${zone.name} has no A record named ${vault.name}, only ` +
                    `${wrong.map((record) => `${record.name} (→ ${(0,common_names/* list */.p_)(record.ipv4Addresses)})`).join(', ')}. ` +
                    `The record must carry the bare vault name, without suffix or dots, or clients in ${group.name} cannot resolve ` +
                    `${model.hostname} to the private endpoint. Replace it with a record named ${vault.name}`,
                observed: wrong.map((record) => record.name).join(', '),
                expected: vault.name,
                fix: steps(...wrong.map((record) => recordDelete(place, record.name)), recordCreate(place, vault.name, ips, ttl))
            });
        return;
    }
    if (rule !== 'DNS-RECORD-MISSING')
        return;
    const redirect = (0,common_names/* sameText */.QV)(link.resolutionPolicy, 'NxDomainRedirect');
    out.finding({
        resource: zone.id,
        message: `Private DNS zone ${zone.name} is linked to VNet ${group.name} but has no A record ${vault.name}` +
            (redirect
                ? `. Because the link ${link.name} uses resolutionPolicy NxDomainRedirect, clients in ${group.name} silently ` +
                    `fall back to the ${model.names.short}'s public IP instead of getting NXDOMAIN, and their requests leave over the public endpoint`
                : `: clients in ${group.name} get NXDOMAIN for ${model.hostname}`) +
            `. Add the record with the IP of private endpoint ${peNames(group)} (${(0,common_names/* list */.p_)(ips)})`,
        observed: `no A record ${vault.name}` + (redirect ? ' (link resolutionPolicy NxDomainRedirect)' : ''),
        expected: `A record ${vault.name} → ${(0,common_names/* list */.p_)(ips)}`,
        fix: recordCreate(place, vault.name, ips, ttl)
    });
}
function recordIps(ctx, out, rule, zone, record, group) {
    if (!group.ipsKnown || group.ips.length === 0) {
        out.notRun(...group.ipFailures);
        return;
    }
    const place = (0,model_model.zonePlace)(zone);
    const recordIpsValue = record.ipv4Addresses;
    const others = groupsLinkedTo(ctx, zone).filter((other) => other !== group);
    const ownerOf = (ip) => {
        for (const item of ctx.model.effective) {
            if (item.ips.includes(ip))
                return (`private endpoint ${item.pe.name}` +
                    (item.pe.vnetId ? ` in VNet ${(0,arm_id/* nameOf */.Vb)(item.pe.vnetId)}` : ''));
        }
        return null;
    };
    if (!recordIpsValue.some((ip) => group.ips.includes(ip))) {
        const conflicting = others.filter((other) => other.ips.some((ip) => recordIpsValue.includes(ip)));
        const conflict = conflicting.length > 0;
        if (rule === 'DNS-RECORD-WRONG-IP')
            out.finding({
                resource: record.id,
                message: `A record ${record.name} in ${zone.name} points to ${(0,common_names/* list */.p_)(recordIpsValue)}; the private endpoint ` +
                    `${peNames(group)} in VNet ${group.name} has ${(0,common_names/* list */.p_)(group.ips)}: clients in ${group.name} connect to the wrong address. ` +
                    (conflict
                        ? `The record is right for ${conflicting.map((other) => `VNet ${other.name}`).join(', ')}, also linked to this zone ` +
                            `(see DNS-ZONE-CONFLICT): fixing the record alone breaks the other VNet, so give ${group.name} its own zone`
                        : 'Add the right IP to the record, then remove the wrong one'),
                observed: (0,common_names/* list */.p_)(recordIpsValue),
                expected: (0,common_names/* list */.p_)(group.ips),
                fix: conflict
                    ? ownZoneFix(ctx, zone, group)
                    : recordRepoint(place, record.name, group.ips, recordIpsValue, ttlFor(ctx, record.ttl) === record.ttl ? null : ttlFor(ctx, record.ttl))
            });
        return;
    }
    if (rule === 'DNS-RECORD-WRONG-IP') {
        out.pass({
            resource: record.id,
            message: `A record ${record.name} in ${zone.name} holds ${(0,common_names/* list */.p_)(group.ips.filter((ip) => recordIpsValue.includes(ip)))}, the IP of private endpoint ${peNames(group)} in VNet ${group.name}`,
            observed: (0,common_names/* list */.p_)(recordIpsValue),
            expected: (0,common_names/* list */.p_)(group.ips)
        });
        return;
    }
    const extras = recordIpsValue.filter((ip) => !group.ips.includes(ip));
    if (extras.length === 0) {
        out.pass({
            resource: record.id,
            message: `A record ${record.name} in ${zone.name} holds no IP besides the private endpoint's`,
            observed: (0,common_names/* list */.p_)(recordIpsValue),
            expected: (0,common_names/* list */.p_)(group.ips)
        });
        return;
    }
    const held = group.ips.filter((ip) => recordIpsValue.includes(ip));
    const heldBy = group.pes
        .filter((item) => item.ips.some((ip) => held.includes(ip)))
        .map((item) => item.pe.name);
    const described = extras.map((ip) => {
        const owner = ownerOf(ip);
        return owner ? `${ip} (${owner})` : `${ip} (no private endpoint of the vault has it: stale)`;
    });
    const fromLinkedVnet = others.some((other) => other.ips.some((ip) => extras.includes(ip)));
    out.finding({
        resource: record.id,
        message: `A record ${record.name} in ${zone.name} holds ${described.join(', ')} besides ${(0,common_names/* list */.p_)(held)} of private endpoint ` +
            `${heldBy.join(', ')}: clients in ${group.name} pick any of them, so some requests go to an address that is not ` +
            `their private endpoint. Remove the extra IP${extras.length === 1 ? '' : 's'}` +
            (fromLinkedVnet ? ` after giving the other VNet its own zone (see DNS-ZONE-CONFLICT)` : ''),
        observed: (0,common_names/* list */.p_)(recordIpsValue),
        expected: (0,common_names/* list */.p_)(group.ips),
        fix: steps(...extras.map((ip) => recordRemoveIp(place, record.name, ip)))
    });
}
function recordTtl(ctx, out, zone, record) {
    const { options } = ctx;
    if (record.ttl == null)
        return;
    const expected = `${options.ttlMin}–${options.ttlMax} s`;
    if (record.ttl >= options.ttlMin && record.ttl <= options.ttlMax) {
        out.pass({
            resource: record.id,
            message: `A record ${record.name} in ${zone.name} has TTL ${record.ttl} s, within ${expected}`,
            observed: String(record.ttl),
            expected
        });
        return;
    }
    const target = suggestedTtl(options.ttlMin, options.ttlMax);
    const low = record.ttl < options.ttlMin;
    out.finding({
        resource: record.id,
        message: `A record ${record.name} in ${zone.name} has TTL ${record.ttl} s, outside ${expected}: ` +
            (low
                ? 'clients query DNS for the vault again almost every time'
                : `after a change or an outage, clients keep using the old IP for up to ${record.ttl} s`) +
            `. Set it to ${target} s`,
        observed: String(record.ttl),
        expected,
        fix: recordSetTtl((0,model_model.zonePlace)(zone), record.name, target)
    });
}
/** Move `group`'s VNet off the shared zone onto a zone of its own, holding its PE's IP. */
function ownZoneFix(ctx, zone, group) {
    const shared = (0,model_model.zonePlace)(zone);
    const link = zone.links.find((candidate) => (0,collect_snapshot/* sameId */.s)(candidate.virtualNetworkId, group.vnetId));
    const pe = group.pes[0]?.pe;
    const peGroup = pe ? (0,arm_id/* resourceGroupOf */.Tp)(pe.id) : null;
    const peSubscription = pe ? (0,arm_id/* subscriptionOf */.XD)(pe.id) : null;
    const sameGroup = peGroup !== null &&
        peGroup.toLowerCase() === zone.resourceGroup.toLowerCase() &&
        (peSubscription ?? '').toLowerCase() === (zone.subscriptionId ?? '').toLowerCase();
    const own = {
        name: shared.name,
        resourceGroup: peGroup && !sameGroup ? peGroup : '<another-resource-group>',
        subscriptionId: peSubscription ?? shared.subscriptionId
    };
    return steps(link ? linkDelete(shared, link.name) : null, zoneCreate(own), linkCreate(own, group.vnetId), recordCreate(own, ctx.model.vault.name, ipsOrPlaceholder(group), suggestedTtl(ctx.options.ttlMin, ctx.options.ttlMax)));
}
function ipKey(ips) {
    return [...ips].sort().join(',');
}
function conflicts(ctx, out) {
    const { snapshot, model } = ctx;
    const vault = model.vault;
    for (const zone of (0,model_model.exactZones)(snapshot, model.names.zone)) {
        if (zone.linksFailure) {
            if (model.vnets.length > 0)
                out.notRun(zone.linksFailure);
            continue;
        }
        const groups = groupsLinkedTo(ctx, zone);
        if (groups.length === 0)
            continue;
        const known = groups.filter((group) => group.ipsKnown && group.ips.length > 0);
        const keys = [...new Set(known.map((group) => ipKey(group.ips)))];
        if (keys.length < 2) {
            if (known.length < groups.length) {
                out.notRun(...groups.flatMap((group) => group.ipFailures));
                continue;
            }
            out.pass({
                resource: zone.id,
                message: groups.length === 1
                    ? `Private DNS zone ${zone.name} serves one VNet with private endpoints of ${model.names.label} ${vault.name}: ` +
                        `${groups[0]?.name} → ${(0,common_names/* list */.p_)(known[0]?.ips ?? [])}`
                    : `Private DNS zone ${zone.name} serves ${groups.length} VNets with private endpoints of ${model.names.label} ${vault.name} ` +
                        `(${groups.map((group) => group.name).join(', ')}), which all use ${(0,common_names/* list */.p_)(known[0]?.ips ?? [])}`,
                observed: groups.map((group) => `${group.name} → ${(0,common_names/* list */.p_)(group.ips)}`).join('; '),
                expected: 'one IP set per zone'
            });
            continue;
        }
        const record = zone.recordsFailure ? undefined : vaultRecord(ctx, zone);
        const served = known.find((group) => record?.ipv4Addresses.some((ip) => group.ips.includes(ip))) ?? known[0];
        const servedKey = served ? ipKey(served.ips) : '';
        const losers = known.filter((group) => ipKey(group.ips) !== servedKey);
        const loserNames = losers.map((group) => group.name).join(', ');
        out.finding({
            resource: zone.id,
            message: `Private DNS zone ${describeZone(zone, vault.subscriptionId)} is linked to ${groups.length} VNets that hold different ` +
                `private endpoints of ${model.names.label} ${vault.name}: ${known.map((group) => `${group.name} (${peNames(group)} → ${(0,common_names/* list */.p_)(group.ips)})`).join(', ')}. ` +
                `Its single A record ${vault.name}${record ? ` (→ ${(0,common_names/* list */.p_)(record.ipv4Addresses)})` : ''} cannot serve them all: ` +
                `clients in ${loserNames} get an IP that is not their private endpoint's. Give ${loserNames} a ${zone.name} zone of ` +
                `${losers.length === 1 ? 'its' : 'their'} own holding ${vault.name} → its private endpoint's IP (guide §6, more than one VNet); ` +
                `that zone must also hold the records of every other vault those clients use. If the VNets are peered, you can ` +
                `instead keep one private endpoint and delete the other`,
            observed: known.map((group) => `${group.name} → ${(0,common_names/* list */.p_)(group.ips)}`).join('; '),
            expected: 'VNets linked to one zone share one private endpoint IP',
            fix: steps(...losers.map((group) => ownZoneFix(ctx, zone, group)))
        });
    }
}
/** A check over the VNets whose zone and records were read (see `readRecords`). */
function eachRecord(check) {
    return (ctx, out) => {
        for (const entry of readRecords(ctx, out))
            check(ctx, out.forClients(entry.via.resolving.vnetId), entry);
    };
}
/** What the record rules read: the PE (its VNet), the zone found and linked to it, its records. */
const RECORD_NEEDS = ['private-endpoint', 'zone-search', 'zone-links', 'zone-records'];
const DNS_RULES = [
    (0,rule/* defineRule */.Km)({
        id: 'DNS-ZONE-MISSING',
        severity: 'error',
        title: 'Private DNS zone missing',
        summary: 'No zone named exactly `privatelink.vaultcore.azure.net`.',
        section: 'privateZone',
        needs: ['zone-search'],
        scope: 'target',
        check: zoneMissing
    }),
    (0,rule/* defineRule */.Km)({
        id: 'DNS-ZONE-MISNAMED',
        severity: 'error',
        title: 'Private DNS zone misnamed',
        summary: 'A near-miss zone is in use.',
        section: 'privateZone',
        needs: ['zone-search', 'private-endpoint', 'dns-zone-group', 'zone-records'],
        scope: 'target',
        check: misnamedFindings
    }),
    (0,rule/* defineRule */.Km)({
        id: 'DNS-LINK-MISSING',
        severity: 'error',
        title: 'Private DNS zone not linked to the VNet',
        summary: "The zone is not linked to the PE's VNet.",
        section: 'privateZone',
        needs: ['private-endpoint', 'zone-search', 'zone-links'],
        scope: 'target',
        check(ctx, out) {
            const entries = vnetDns(ctx);
            const reported = new Set();
            for (const entry of entries) {
                if (entry.state === 'blocked')
                    out.notRun(...entry.blockers);
                if (entry.state === 'unlinked') {
                    // One finding per answering VNet, naming every VNet that resolves there.
                    const key = (0,collect_snapshot/* idKey */.T)(entry.via.answering);
                    if (reported.has(key))
                        continue;
                    reported.add(key);
                    const others = entries
                        .filter((other) => other !== entry &&
                        other.state === 'unlinked' &&
                        (0,collect_snapshot/* sameId */.s)(other.via.answering, entry.via.answering))
                        .map((other) => other.via.resolving.name);
                    const clients = entries
                        .filter((other) => other.state === 'unlinked' && (0,collect_snapshot/* sameId */.s)(other.via.answering, entry.via.answering))
                        .map((other) => other.via.resolving.vnetId);
                    linkMissing(ctx, out.forClients(...new Set(clients)), entry.zone, entry.group, entry.via, [...new Set(others)]);
                }
                if (entry.state !== 'linked')
                    continue;
                const served = (0,collect_snapshot/* sameId */.s)(entry.via.answering, entry.via.resolving.vnetId)
                    ? ''
                    : `, where Azure DNS answers for VNet ${entry.via.resolving.name}`;
                out.forClients(entry.via.resolving.vnetId).pass({
                    resource: entry.link.id,
                    message: `Private DNS zone ${entry.zone.name} is linked to VNet ${entry.group.name}${served} (link ${entry.link.name})`,
                    observed: `link ${entry.link.name}`,
                    expected: `a link to ${entry.group.name}`
                });
            }
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'DNS-LINK-NOT-READY',
        severity: 'error',
        title: 'VNet link not ready',
        summary: 'The link is not `Completed` / `Succeeded`.',
        section: 'privateZone',
        needs: ['private-endpoint', 'zone-search', 'zone-links'],
        scope: 'target',
        check(ctx, out) {
            for (const entry of vnetDns(ctx)) {
                if (entry.state === 'blocked')
                    out.notRun(...entry.blockers);
                if (entry.state === 'linked')
                    linkReady(ctx, out.forClients(entry.via.resolving.vnetId), entry.zone, entry.link, entry.group);
            }
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'DNS-RECORD-MISSING',
        severity: 'error',
        title: 'A record missing',
        summary: 'No A record named after the vault.',
        section: 'privateZone',
        needs: RECORD_NEEDS,
        scope: 'target',
        check: eachRecord((ctx, out, { zone, record, link, group, firstTime }) => {
            if (!firstTime)
                return;
            if (!record) {
                recordMissingOrMisnamed(ctx, out, 'DNS-RECORD-MISSING', zone, link, group);
                return;
            }
            out.pass({
                resource: record.id,
                message: `Zone ${zone.name} has an A record ${record.name} for ${ctx.model.names.label} ${ctx.model.vault.name}`,
                observed: `A record ${record.name}`,
                expected: `A record ${ctx.model.vault.name}`
            });
        })
    }),
    (0,rule/* defineRule */.Km)({
        id: 'DNS-RECORD-NAME',
        severity: 'error',
        title: 'A record under a wrong name',
        summary: 'The A record exists only under a wrong name.',
        section: 'privateZone',
        needs: RECORD_NEEDS,
        scope: 'target',
        check: eachRecord((ctx, out, { zone, record, link, group, firstTime }) => {
            if (!firstTime)
                return;
            if (!record) {
                recordMissingOrMisnamed(ctx, out, 'DNS-RECORD-NAME', zone, link, group);
                return;
            }
            out.pass({
                resource: record.id,
                message: `The A record for ${ctx.model.names.label} ${ctx.model.vault.name} in ${zone.name} is named exactly ${record.name}`,
                observed: record.name,
                expected: ctx.model.vault.name
            });
        })
    }),
    (0,rule/* defineRule */.Km)({
        id: 'DNS-RECORD-WRONG-IP',
        severity: 'error',
        title: 'A record points to the wrong IP',
        summary: "The A record lacks the PE's IP.",
        section: 'privateZone',
        needs: [...RECORD_NEEDS, 'network-interface'],
        scope: 'target',
        check: eachRecord((ctx, out, { zone, record, group }) => {
            if (record)
                recordIps(ctx, out, 'DNS-RECORD-WRONG-IP', zone, record, group);
        })
    }),
    (0,rule/* defineRule */.Km)({
        id: 'DNS-RECORD-EXTRA-IP',
        severity: 'warning',
        title: 'A record holds extra IPs',
        summary: "The A record holds other IPs besides the PE's.",
        section: 'privateZone',
        needs: [...RECORD_NEEDS, 'network-interface'],
        scope: 'target',
        check: eachRecord((ctx, out, { zone, record, group }) => {
            if (record)
                recordIps(ctx, out, 'DNS-RECORD-EXTRA-IP', zone, record, group);
        })
    }),
    (0,rule/* defineRule */.Km)({
        id: 'DNS-RECORD-TTL',
        severity: 'warning',
        title: 'A record TTL out of range',
        summary: "The A record's TTL is outside [`ttl-min`, `ttl-max`].",
        section: 'privateZone',
        needs: RECORD_NEEDS,
        scope: 'target',
        check: eachRecord((ctx, out, { zone, record, firstTime }) => {
            if (record && firstTime)
                recordTtl(ctx, out, zone, record);
        })
    }),
    (0,rule/* defineRule */.Km)({
        id: 'DNS-ZONE-CONFLICT',
        severity: 'error',
        title: 'One zone serves VNets that need different IPs',
        summary: 'One zone serves VNets that need different IPs.',
        section: 'privateZone',
        needs: ['private-endpoint', 'network-interface', 'zone-links'],
        scope: 'target',
        check: conflicts
    })
];

;// CONCATENATED MODULE: ./src/evaluate/rules/clients.ts






const EXTENSION_NOTE = '`az dns-resolver` is an Azure CLI extension: install it first with az extension add --name dns-resolver';
function side(ctx, from, to) {
    const vnet = ctx.snapshot.virtualNetworks[(0,collect_snapshot/* idKey */.T)(from)];
    const name = (0,dns_path/* vnetName */.Fj)(ctx.snapshot, from);
    if (!vnet)
        return { vnetId: from, name, peering: undefined, failure: null };
    if ('failure' in vnet)
        return { vnetId: from, name, peering: undefined, failure: vnet.failure };
    const peering = (vnet.peerings ?? []).find((candidate) => (0,collect_snapshot/* sameId */.s)(candidate.remoteVirtualNetworkId, to)) ?? null;
    return { vnetId: from, name, peering, failure: null };
}
const connected = (s) => (0,common_names/* sameText */.QV)(s.peering?.peeringState, 'Connected');
/** Each client VNet (holding no effective PE of the vault) with each of the PEs' VNets. */
const pairings = (0,rule/* perTarget */.Ve)((ctx) => {
    const result = [];
    for (const client of resolving(ctx)) {
        if (ctx.model.vnets.some((group) => (0,collect_snapshot/* sameId */.s)(group.vnetId, client.vnetId)))
            continue;
        for (const group of ctx.model.vnets) {
            result.push({
                client,
                group,
                ours: side(ctx, client.vnetId, group.vnetId),
                theirs: side(ctx, group.vnetId, client.vnetId)
            });
        }
    }
    return result;
});
function stateOf(s) {
    if (s.peering === undefined)
        return `${s.name}: not read`;
    if (s.peering === null)
        return `${s.name}: no peering to the other side`;
    return `${s.name}: peering ${s.peering.name} ${s.peering.peeringState ?? 'state unknown'}`;
}
function peeringFix(pair) {
    const lines = [];
    for (const [here, there] of [
        [pair.ours, pair.theirs],
        [pair.theirs, pair.ours]
    ]) {
        if (here.peering === null)
            lines.push(peeringCreate(here.vnetId, there.vnetId));
        else if (here.peering && (0,common_names/* sameText */.QV)(here.peering.peeringState, 'Disconnected')) {
            // A Disconnected peering never recovers: the other side was deleted. Recreate it.
            lines.push(peeringDelete(here.vnetId, here.peering.name));
            lines.push(peeringCreate(here.vnetId, there.vnetId));
        }
    }
    return steps(...lines);
}
function peeringNotConnected(ctx, out) {
    const { model } = ctx;
    for (const pair of pairings(ctx)) {
        const { ours, theirs, client, group } = pair;
        const mark = out.forClients(client.vnetId);
        if (ours.peering === null && theirs.peering === null)
            continue; // no peering: VNET-NO-ROUTE-TO-PE
        if (ours.peering === undefined || theirs.peering === undefined) {
            out.notRun(ours.failure, theirs.failure);
            continue;
        }
        const observed = `${stateOf(ours)}; ${stateOf(theirs)}`;
        const expected = 'Connected on both sides';
        if (connected(ours) && connected(theirs)) {
            mark.pass({
                resource: (ours.peering ?? theirs.peering)?.id ?? client.vnetId,
                message: `Client VNet ${client.name} and VNet ${group.name} (private endpoint of ${model.names.label} ${model.vault.name}) are peered, Connected on both sides`,
                observed,
                expected
            });
            continue;
        }
        const missing = [ours, theirs].find((s) => s.peering === null);
        const disconnected = [ours, theirs].filter((s) => (0,common_names/* sameText */.QV)(s.peering?.peeringState, 'Disconnected'));
        mark.finding({
            resource: (ours.peering ?? theirs.peering)?.id ?? client.vnetId,
            message: `Client VNet ${client.name} is peered with VNet ${group.name}, which holds private endpoint ` +
                `${group.pes.map((item) => item.pe.name).join(', ')} of ${model.names.label} ${model.vault.name} (${(0,common_names/* list */.p_)(group.ips)}), ` +
                `but the peering is not Connected (${observed}): clients in ${client.name} cannot reach the private endpoint. ` +
                [
                    missing
                        ? `Create the missing side in ${missing.name} (a peering stays Initiated until both sides exist)`
                        : null,
                    disconnected.length > 0
                        ? `delete and recreate the Disconnected side in ${(0,common_names/* list */.p_)(disconnected.map((s) => s.name))} (its other side was deleted at some point)`
                        : null
                ]
                    .filter((part) => part !== null)
                    .join('; ')
                    .replace(/^d/, 'D'),
            observed,
            expected,
            fix: peeringFix(pair)
        });
    }
}
function noRouteToPe(ctx, out) {
    const { model } = ctx;
    const byClient = new Map();
    for (const pair of pairings(ctx)) {
        const key = (0,collect_snapshot/* idKey */.T)(pair.client.vnetId);
        byClient.set(key, [...(byClient.get(key) ?? []), pair]);
    }
    for (const pairs of byClient.values()) {
        const client = pairs[0]?.client;
        const first = pairs[0];
        if (!client || !first)
            continue;
        const mark = out.forClients(client.vnetId);
        const unread = pairs.filter((p) => p.ours.peering === undefined || p.theirs.peering === undefined);
        if (unread.length > 0) {
            out.notRun(...unread.flatMap((p) => [p.ours.failure, p.theirs.failure]));
            continue;
        }
        const direct = pairs.filter((p) => connected(p.ours) && connected(p.theirs));
        if (direct.length > 0) {
            mark.pass({
                resource: client.vnetId,
                message: `Client VNet ${client.name} is peered (Connected) with ${(0,common_names/* list */.p_)(direct.map((p) => p.group.name))}, where the private endpoints of ${model.names.label} ${model.vault.name} are`,
                observed: `peered with ${(0,common_names/* list */.p_)(direct.map((p) => p.group.name))}`,
                expected: "the PE's VNet, or peered Connected with it"
            });
            continue;
        }
        // A peering that exists but is not Connected is VNET-PEERING-NOT-CONNECTED's.
        if (pairs.some((p) => p.ours.peering || p.theirs.peering))
            continue;
        const peVnets = pairs.map((p) => p.group.name);
        mark.finding({
            resource: client.vnetId,
            message: `Client VNet ${client.name} gets ${model.names.label} ${model.vault.name}'s private endpoint IP ` +
                `(${(0,common_names/* list */.p_)([...new Set(pairs.flatMap((p) => p.group.ips))])}) in ${(0,common_names/* list */.p_)(peVnets)}, but is neither part of ` +
                `nor directly peered with ${peVnets.length === 1 ? 'it' : 'them'}: traffic needs a route (a hub firewall, ` +
                `a gateway, Virtual WAN) that the control plane does not show. If such a route exists on purpose, check it ` +
                `with the inside probe from ${client.name} and ignore this rule for the vault (VNET-NO-ROUTE-TO-PE@${model.vault.name}); ` +
                `else peer the VNets`,
            observed: `no peering with ${(0,common_names/* list */.p_)(peVnets)}`,
            expected: "the PE's VNet, or peered Connected with it",
            fix: steps(peeringCreate(client.vnetId, first.group.vnetId), peeringCreate(first.group.vnetId, client.vnetId))
        });
    }
}
function paths(ctx) {
    if (ctx.model.effective.length === 0)
        return [];
    return resolving(ctx).flatMap((vnet) => vnet.paths.map((path) => ({ vnet, path })));
}
function lastRule(path) {
    for (let i = path.hops.length - 1; i >= 0; i--) {
        const hop = path.hops[i];
        if (hop?.kind === 'rule')
            return hop;
    }
    return null;
}
function forwardingRule(ctx, out) {
    const { model, snapshot } = ctx;
    const all = paths(ctx);
    const hits = new Map();
    for (const item of all) {
        out.notRun(...item.path.blockers);
        if (item.path.end !== 'unfollowed')
            continue;
        const last = item.path.hops[item.path.hops.length - 1];
        const rule = lastRule(item.path);
        // Only a server reached through a rule: VNET-CUSTOM-DNS speaks of the VNet's own servers.
        if (!rule ||
            last?.kind !== 'unknown' ||
            item.path.hops.indexOf(rule) !== item.path.hops.length - 2)
            continue;
        const key = (0,collect_snapshot/* idKey */.T)(rule.rule.id);
        hits.set(key, [...(hits.get(key) ?? []), item]);
    }
    for (const items of hits.values()) {
        const first = items[0];
        const hop = first ? lastRule(first.path) : null;
        if (!first || !hop)
            continue;
        const vnets = [...new Set(items.map((item) => item.vnet.name))];
        const targets = hop.rule.targets.map((t) => `${t.ipAddress}:${t.port}`);
        out.finding({
            resource: hop.rule.id,
            message: `DNS forwarding ruleset ${hop.ruleset.name}, linked to VNet ${(0,dns_path/* vnetName */.Fj)(snapshot, hop.vnetId)}, has an enabled rule ` +
                `${hop.rule.name} for ${hop.rule.domainName} that takes ${hop.matched} and sends it to ${(0,common_names/* list */.p_)(targets)}, outside ` +
                `every known VNet (DNS path: ${(0,dns_path/* describePath */.NH)(snapshot, first.vnet.vnetId, first.path)}). Private resolution of ` +
                `${model.vault.name} for ${(0,common_names/* list */.p_)(vnets)} now depends on those servers forwarding ${model.names.zone} back to a ` +
                `DNS private resolver inbound endpoint in a VNet linked to the zone. If they do not, disable the rule (or narrow ` +
                `it so that it no longer covers ${model.hostname}); ${EXTENSION_NOTE}`,
            observed: `rule ${hop.rule.name}: ${hop.rule.domainName} → ${(0,common_names/* list */.p_)(targets)}`,
            expected: `${model.hostname} answered by Azure DNS in a VNet linked to ${model.names.zone}`,
            fix: forwardingRuleDisable(hop.ruleset.id, hop.rule.name)
        });
    }
    if (hits.size === 0 && all.length > 0) {
        const ruled = all.filter((item) => lastRule(item.path));
        out.pass({
            resource: model.vault.id,
            message: ruled.length === 0
                ? `No DNS forwarding rule on the DNS path of ${(0,common_names/* list */.p_)([...new Set(all.map((item) => item.vnet.name))])} takes ${model.hostname}`
                : `Every forwarding rule on the DNS paths that takes ${model.hostname} leads to a server the action could follow`,
            observed: ruled.length === 0
                ? 'no forwarding rule applies'
                : `${ruled.length} path(s) through a forwarding rule`,
            expected: 'no rule sends the vault to servers that cannot be followed'
        });
    }
}
function forwardingLoop(ctx, out) {
    const { model, snapshot } = ctx;
    const all = paths(ctx);
    const reported = new Set();
    let loops = 0;
    for (const item of all) {
        if (item.path.end === 'unread')
            out.notRun(...item.path.blockers);
        if (item.path.end !== 'loop' && item.path.end !== 'too-long')
            continue;
        loops++;
        const hop = lastRule(item.path);
        const key = hop ? (0,collect_snapshot/* idKey */.T)(hop.rule.id) : (0,collect_snapshot/* idKey */.T)(item.vnet.vnetId);
        if (reported.has(key))
            continue;
        reported.add(key);
        const loopAt = item.path.loopAt;
        const link = hop && loopAt
            ? hop.ruleset.vnetLinks.find((candidate) => (0,collect_snapshot/* sameId */.s)(candidate.virtualNetworkId, loopAt))
            : undefined;
        const where = (0,dns_path/* describePath */.NH)(snapshot, item.vnet.vnetId, item.path);
        out.finding({
            resource: hop?.rule.id ?? item.vnet.vnetId,
            message: (item.path.end === 'loop'
                ? `The DNS path of VNet ${item.vnet.name} for ${model.hostname} comes back to VNet ${loopAt ? (0,dns_path/* vnetName */.Fj)(snapshot, loopAt) : '?'}, which it already passed`
                : `The DNS path of VNet ${item.vnet.name} for ${model.hostname} takes more than 4 hops`) +
                ` (${where}): queries for ${model.names.label} ${model.vault.name} go round until they time out and fail. ` +
                (hop
                    ? link
                        ? `Forwarding rule ${hop.rule.name} of ruleset ${hop.ruleset.name} sends them to an inbound endpoint whose own VNet is linked to that ruleset: ` +
                            `unlink the ruleset from ${(0,dns_path/* vnetName */.Fj)(snapshot, link.virtualNetworkId)} (a resolver's inbound endpoint must not sit in a VNet that the ruleset applies to); ${EXTENSION_NOTE}`
                        : `Disable forwarding rule ${hop.rule.name} of ruleset ${hop.ruleset.name}, or point it at servers that answer; ${EXTENSION_NOTE}`
                    : 'Point the DNS servers along the path at a DNS private resolver inbound endpoint instead'),
            observed: where,
            expected: 'a DNS path that ends where Azure DNS answers',
            fix: hop
                ? link
                    ? rulesetLinkDelete(hop.ruleset.id, link.name)
                    : forwardingRuleDisable(hop.ruleset.id, hop.rule.name)
                : null
        });
    }
    if (loops === 0 && all.length > 0) {
        out.pass({
            resource: model.vault.id,
            message: `No DNS path of the VNets that must resolve ${model.vault.name} comes back on itself`,
            observed: `${all.length} path(s), none looping`,
            expected: 'no loop'
        });
    }
}
const CLIENT_VNET_RULES = [
    (0,rule/* defineRule */.Km)({
        id: 'VNET-PEERING-NOT-CONNECTED',
        severity: 'error',
        title: 'Peering with the endpoint VNet not connected',
        summary: "A client VNet's peering with a PE's VNet is not `Connected`.",
        section: 'other',
        needs: ['private-endpoint', 'virtual-network'],
        scope: 'target',
        check: peeringNotConnected
    }),
    (0,rule/* defineRule */.Km)({
        id: 'VNET-NO-ROUTE-TO-PE',
        severity: 'warning',
        title: 'No direct route from the client VNet to the endpoint',
        summary: "A client VNet is neither the PE's VNet nor peered with it.",
        section: 'other',
        needs: ['private-endpoint', 'virtual-network'],
        scope: 'target',
        check: noRouteToPe
    })
];
const DNS_PATH_RULES = [
    (0,rule/* defineRule */.Km)({
        id: 'DNS-FORWARDING-RULE',
        severity: 'warning',
        title: 'Forwarding rule sends the vault elsewhere',
        summary: 'A forwarding rule on the DNS path sends the vault to servers that cannot be followed.',
        section: 'other',
        needs: ['private-endpoint', 'virtual-network', 'dns-path'],
        scope: 'target',
        check: forwardingRule
    }),
    (0,rule/* defineRule */.Km)({
        id: 'DNS-FORWARDING-LOOP',
        severity: 'error',
        title: 'DNS path loops',
        summary: 'The DNS path comes back to a VNet it already passed.',
        section: 'other',
        needs: ['private-endpoint', 'virtual-network', 'dns-path'],
        scope: 'target',
        check: forwardingLoop
    })
];

// EXTERNAL MODULE: ./src/common/ip.ts
var common_ip = __webpack_require__(3796);
;// CONCATENATED MODULE: ./src/evaluate/rules/connections.ts
/**
 * Private endpoint connections and endpoints (guide §2 and §4): PE-NONE, PE-NOT-APPROVED,
 * PE-NOT-SUCCEEDED, PE-LEFTOVER, PE-DUPLICATE-VNET, PE-IP-NOT-PRIVATE, PE-DNS-CONFIG-MULTIPLE.
 * How each connection stands (effective, leftover, …) is decided once, in the model.
 */







function peLabel(view) {
    const id = view.connection.privateEndpointId;
    return id ? (0,arm_id/* nameOf */.Vb)(id) : '(none)';
}
function vnetLabel(vnetId) {
    return vnetId ? (0,arm_id/* nameOf */.Vb)(vnetId) : 'an unknown VNet';
}
function stateText(view) {
    const parts = [
        `status ${view.connection.status}`,
        `provisioning ${view.connection.provisioningState ?? 'unknown'}`
    ];
    if (view.pe)
        parts.push(`endpoint provisioning ${view.pe.provisioningState ?? 'unknown'}`);
    return parts.join(', ');
}
/** Where the PE of a connection is and why no other PE makes up for it, for messages. */
function whereAlone(view) {
    const vnetId = view.pe?.vnetId ?? null;
    return {
        vnetId,
        where: vnetId
            ? `private endpoint ${peLabel(view)} in VNet ${vnetLabel(vnetId)}`
            : `private endpoint ${peLabel(view)}`,
        alone: vnetId
            ? `no other approved private endpoint of the vault serves ${vnetLabel(vnetId)}`
            : 'no other approved private endpoint of the vault serves its VNet'
    };
}
/**
 * A subnet Azure cannot know. Shaped like an ID: given a bare word, the CLI takes `--subnet` for a
 * subnet name and asks for `--vnet-name`.
 */
const SUBNET_PLACEHOLDER = '/subscriptions/<subscription-id>/resourceGroups/<vnet-resource-group>/providers/Microsoft.Network/virtualNetworks/<vnet-name>/subnets/<subnet-name>';
function newEndpoint(model, name, subnet) {
    return {
        name,
        resourceGroup: model.place.resourceGroup ?? '<resource-group>',
        subscriptionId: model.vault.subscriptionId,
        subnet,
        vaultId: model.vault.id,
        groupId: model.names.groupId,
        // Without --location the CLI takes the resource group's region; a PE must be in its VNet's.
        location: '<region-of-the-vnet>'
    };
}
/** Delete and recreate the PE with the same name, subnet and vault. */
function recreateFix(model, view) {
    const peId = view.connection.privateEndpointId;
    if (!peId)
        return endpointCreate(newEndpoint(model, `${model.vault.name}-pe`, SUBNET_PLACEHOLDER));
    if (view.pe)
        return recreateEndpoint(model, view.pe, view.pe.subnetId ?? SUBNET_PLACEHOLDER);
    const place = placeOf(peId);
    return steps(endpointDelete(peId), endpointCreate({
        name: (0,arm_id/* nameOf */.Vb)(peId),
        resourceGroup: place.resourceGroup,
        subscriptionId: place.subscriptionId,
        subnet: SUBNET_PLACEHOLDER,
        vaultId: model.vault.id,
        groupId: model.names.groupId,
        location: '<region-of-the-vnet>'
    }));
}
/** The IPs the exact zone linked to the VNet returns for the vault, if it was read. */
function connections_recordIps({ snapshot, model }, vnetId) {
    const linked = (0,model_model.linkedExactZone)(snapshot, model.names.zone, vnetId);
    if (!linked || linked.zone.recordsFailure)
        return [];
    const record = linked.zone.aRecords.find((r) => (0,common_names/* sameText */.QV)(r.name, model.vault.name));
    return record?.ipv4Addresses ?? [];
}
const CONNECTION_RULES = [
    (0,rule/* defineRule */.Km)({
        id: 'PE-NONE',
        severity: 'error',
        title: 'No private endpoint connection',
        summary: 'No private endpoint connection at all.',
        section: 'connection',
        needs: ['vault'],
        scope: 'target',
        check({ snapshot, model }, out) {
            const { vault, names } = model;
            const count = vault.connections.length;
            if (count > 0) {
                out.pass({
                    resource: vault.id,
                    message: `${names.Label} ${vault.name} has ${count} private endpoint connection${count === 1 ? '' : 's'}`,
                    observed: String(count),
                    expected: 'at least 1'
                });
                return;
            }
            const peName = `${vault.name}-pe`;
            const group = model.place.resourceGroup ?? '<resource-group>';
            const zones = (0,model_model.exactZones)(snapshot, names.zone);
            const peId = `/subscriptions/${vault.subscriptionId}/resourceGroups/${group}/providers/Microsoft.Network/privateEndpoints/${peName}`;
            out.finding({
                resource: vault.id,
                message: `${names.Label} ${vault.name} has no private endpoint connection at all, so no VNet can reach it over ` +
                    `private link. Create a private endpoint for it in the subnet your clients' VNet uses (the subnet ID and ` +
                    `<region-of-the-vnet>: Azure cannot know which VNet you mean)` +
                    (zones.length === 1 ? `, and register it in the private DNS zone ${zones[0]?.name}` : ''),
                observed: '0 connections',
                expected: 'at least one approved private endpoint connection',
                fix: steps(endpointCreate(newEndpoint(model, peName, SUBNET_PLACEHOLDER)), zones.length === 1 && zones[0] ? zoneGroupCreate(peId, 'default', zones[0].id) : null)
            });
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'PE-NOT-APPROVED',
        severity: 'error',
        title: 'Private endpoint connection not approved',
        summary: 'A connection is Pending, Rejected or Disconnected and nothing else serves its VNet.',
        section: 'connection',
        // The connection's state is the vault's; the PE matters only for an unapproved one (see
        // `undecided`), which the check reports as not run itself.
        needs: ['vault'],
        scope: 'target',
        check({ model }, out) {
            const vault = model.vault;
            for (const view of model.connections) {
                const conn = view.connection;
                if (view.standing === 'orphan')
                    continue;
                if (view.approved) {
                    out.pass({
                        resource: conn.id,
                        message: `Connection ${conn.name} of ${model.names.label} ${vault.name} (private endpoint ${peLabel(view)}) is Approved`,
                        observed: conn.status,
                        expected: 'Approved'
                    });
                    continue;
                }
                if (view.standing === 'undecided')
                    out.notRun(...view.blockers);
                if (view.standing !== 'not-approved')
                    continue;
                const { where, alone } = whereAlone(view);
                const pending = (0,common_names/* sameText */.QV)(conn.status, 'Pending');
                out.finding({
                    resource: conn.id,
                    message: pending
                        ? `Connection ${conn.name} of ${model.names.label} ${vault.name} (${where}) is Pending: it waits for approval and carries no traffic until then, and ${alone}. Approve it`
                        : `Connection ${conn.name} of ${model.names.label} ${vault.name} (${where}) is ${conn.status}: it is not effective and cannot be approved again, and ${alone}. Recreate the private endpoint`,
                    observed: conn.status,
                    expected: 'Approved',
                    fix: pending
                        ? connectionApprove(conn.id, `Approved for private link access to ${vault.name}`)
                        : recreateFix(model, view)
                });
            }
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'PE-NOT-SUCCEEDED',
        severity: 'error',
        title: 'Private endpoint not provisioned',
        summary: 'An approved connection or its PE is not provisioned `Succeeded`.',
        section: 'connection',
        needs: ['vault', 'private-endpoint'],
        scope: 'target',
        check({ model }, out) {
            const vault = model.vault;
            for (const view of model.connections) {
                const conn = view.connection;
                if (view.standing === 'effective' && conn.privateEndpointId) {
                    out.pass({
                        resource: conn.privateEndpointId,
                        message: `Connection ${conn.name} and private endpoint ${peLabel(view)} of ${model.names.label} ${vault.name} are provisioned Succeeded`,
                        observed: 'Succeeded',
                        expected: 'Succeeded'
                    });
                    continue;
                }
                if (view.standing === 'unknown' || (view.standing === 'undecided' && view.approved))
                    out.notRun(...view.blockers);
                if (view.standing !== 'not-succeeded')
                    continue;
                // Approved, but the connection or the PE is not provisioned Succeeded.
                const { where, alone, vnetId } = whereAlone(view);
                const peBad = view.peSucceeded === false;
                const state = peBad
                    ? (view.pe?.provisioningState ?? 'unknown')
                    : (conn.provisioningState ?? 'unknown');
                const inProgress = model_model.IN_PROGRESS.includes(state.toLowerCase());
                out.finding({
                    resource: peBad && conn.privateEndpointId ? conn.privateEndpointId : conn.id,
                    message: (peBad
                        ? `Private endpoint ${peLabel(view)} of ${model.names.label} ${vault.name}` +
                            (vnetId ? ` (in VNet ${vnetLabel(vnetId)})` : '')
                        : `Connection ${conn.name} of ${model.names.label} ${vault.name} (${where})`) +
                        ` is provisioned ${state}, not Succeeded, so the approved connection carries no traffic, and ${alone}. ` +
                        (inProgress
                            ? `An operation is still running: wait a few minutes and run the check again; if it stays ${state}, recreate the private endpoint`
                            : 'Recreate the private endpoint'),
                    observed: state,
                    expected: 'Succeeded',
                    fix: recreateFix(model, view)
                });
            }
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'PE-LEFTOVER',
        severity: 'warning',
        title: 'Leftover private endpoint connection',
        summary: 'An ineffective connection next to a working one, or one whose PE is gone.',
        section: 'connection',
        needs: ['vault', 'private-endpoint'],
        scope: 'target',
        check({ model }, out) {
            const vault = model.vault;
            let leftovers = 0;
            let undecided = false;
            for (const view of model.connections) {
                const conn = view.connection;
                if (view.standing === 'unknown' || view.standing === 'undecided') {
                    undecided = true;
                    out.notRun(...view.blockers);
                    continue;
                }
                if (view.standing === 'orphan') {
                    leftovers++;
                    out.finding({
                        resource: conn.id,
                        message: conn.privateEndpointId === null
                            ? `Private endpoint connection ${conn.name} of ${model.names.label} ${vault.name} refers to no private endpoint (${conn.status}): it serves nothing; delete it`
                            : `Private endpoint connection ${conn.name} of ${model.names.label} ${vault.name} belongs to private endpoint ${(0,arm_id/* nameOf */.Vb)(conn.privateEndpointId)}, which no longer exists (${conn.status}): it serves nothing; delete it`,
                        observed: conn.privateEndpointId === null
                            ? 'no private endpoint'
                            : `private endpoint ${conn.privateEndpointId} not found`,
                        expected: 'connections only for existing private endpoints',
                        fix: connectionDelete(conn.id)
                    });
                    continue;
                }
                if (view.standing !== 'served' || !view.servedBy || !conn.privateEndpointId)
                    continue;
                leftovers++;
                const servedBy = view.servedBy;
                const vnetId = view.pe?.vnetId ?? null;
                const peIsServing = (0,collect_snapshot/* sameId */.s)(servedBy.pe.id, conn.privateEndpointId);
                out.finding({
                    resource: conn.id,
                    message: `Connection ${conn.name} of ${model.names.label} ${vault.name} (private endpoint ${peLabel(view)} in VNet ${vnetLabel(vnetId)}) ` +
                        `is not effective (${stateText(view)}), while private endpoint ${servedBy.pe.name} already serves ${vnetLabel(vnetId)} ` +
                        `over an approved connection: it is a leftover; delete it to keep things clean`,
                    observed: stateText(view),
                    expected: 'no ineffective connections',
                    fix: peIsServing ? connectionDelete(conn.id) : endpointDelete(conn.privateEndpointId)
                });
            }
            if (model.connections.length > 0 && leftovers === 0 && !undecided) {
                out.pass({
                    resource: vault.id,
                    message: `No private endpoint connection of ${model.names.label} ${vault.name} is a leftover`,
                    observed: '0 leftovers',
                    expected: '0 leftovers'
                });
            }
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'PE-DUPLICATE-VNET',
        severity: 'warning',
        title: 'Several private endpoints in one VNet',
        summary: 'Several effective PEs of the vault in one VNet.',
        section: 'privateIp',
        needs: ['vault', 'private-endpoint'],
        scope: 'target',
        check(ctx, out) {
            const { model } = ctx;
            const vault = model.vault;
            const unknown = model.connections.filter((view) => view.effective === null);
            if (unknown.length > 0 && model.vnets.length > 0) {
                out.notRun(...unknown.map((view) => view.peFailure));
            }
            for (const group of model.vnets) {
                if (group.pes.length === 1) {
                    if (unknown.length > 0)
                        continue;
                    const only = group.pes[0];
                    out.pass({
                        resource: only.pe.id,
                        message: `VNet ${group.name} holds one effective private endpoint of ${model.names.label} ${vault.name} (${only.pe.name})`,
                        observed: '1',
                        expected: 'at most 1 per VNet'
                    });
                    continue;
                }
                const inDns = connections_recordIps(ctx, group.vnetId);
                const keep = group.pes.find((item) => item.ips.some((ip) => inDns.includes(ip))) ??
                    group.pes[0];
                const all = group.pes.map((item) => `${item.pe.name} (${(0,common_names/* list */.p_)(item.ips)})`);
                for (const extra of group.pes) {
                    if (extra === keep)
                        continue;
                    out.finding({
                        resource: extra.pe.id,
                        message: `VNet ${group.name} holds ${group.pes.length} effective private endpoints of ${model.names.label} ${vault.name}: ${all.join(', ')}. ` +
                            `One per VNet is enough, more only blur which IP clients get. ` +
                            (inDns.length > 0 && keep.ips.some((ip) => inDns.includes(ip))
                                ? `The A record points to ${keep.pe.name}, so delete ${extra.pe.name}`
                                : `Keep ${keep.pe.name} and delete ${extra.pe.name}`),
                        observed: `${group.pes.length} private endpoints: ${group.pes.map((item) => item.pe.name).join(', ')}`,
                        expected: '1 private endpoint per VNet',
                        fix: endpointDelete(extra.pe.id)
                    });
                }
            }
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'PE-IP-NOT-PRIVATE',
        severity: 'error',
        title: 'Private endpoint IP is not private',
        summary: "The PE's IP is public or reserved.",
        section: 'privateIp',
        needs: ['vault', 'private-endpoint', 'network-interface'],
        scope: 'target',
        check({ model }, out) {
            const vault = model.vault;
            for (const item of model.effective) {
                const pe = item.pe;
                const bad = item.ips.filter((ip) => !(0,common_ip/* isPrivate */.Gw)(ip));
                if (bad.length > 0) {
                    const labels = bad.map((ip) => (0,common_ip/* isValidIp */.AD)(ip) ? `${ip} (${(0,common_ip/* describeIp */.pk)(ip).range})` : `${ip} (not an IP address)`);
                    out.finding({
                        resource: pe.id,
                        message: `Private endpoint ${pe.name} of ${model.names.label} ${vault.name} has IP ${labels.join(', ')}. ` +
                            `Private link needs the name to resolve to a private IP in the VNet (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16); ` +
                            `recreate the endpoint in a subnet with a private address range (its subnet ID is a placeholder: Azure cannot know which)`,
                        observed: bad.join(', '),
                        expected: 'a private (RFC 1918) address',
                        fix: recreateEndpoint(model, pe, SUBNET_PLACEHOLDER)
                    });
                    continue;
                }
                if (!item.ipsKnown) {
                    out.notRun(...pe.nicFailures);
                    continue;
                }
                out.pass({
                    resource: pe.id,
                    message: `Private endpoint ${pe.name} of ${model.names.label} ${vault.name} has the private IP ${(0,common_names/* list */.p_)(item.ips)}`,
                    observed: item.ips.join(', '),
                    expected: 'a private (RFC 1918) address'
                });
            }
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'PE-DNS-CONFIG-MULTIPLE',
        severity: 'warning',
        title: 'Several DNS entries for the vault on the private endpoint',
        summary: "The PE lists several DNS entries/IPs for the vault's hostname.",
        section: 'privateIp',
        needs: ['vault', 'private-endpoint'],
        scope: 'target',
        check({ model }, out) {
            const vault = model.vault;
            for (const item of model.effective) {
                const pe = item.pe;
                const entries = pe.customDnsConfigs.filter((config) => (0,common_names/* dnsName */.Tu)(config.fqdn) === model.hostname);
                const ips = [...new Set(entries.flatMap((entry) => entry.ipAddresses))];
                if (entries.length <= 1 && ips.length <= 1) {
                    out.pass({
                        resource: pe.id,
                        message: entries.length === 0
                            ? `Private endpoint ${pe.name} lists no custom DNS entry for ${model.hostname}`
                            : `Private endpoint ${pe.name} lists one DNS entry for ${model.hostname}: ${(0,common_names/* list */.p_)(ips)}`,
                        observed: `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`,
                        expected: 'at most 1 entry with 1 IP'
                    });
                    continue;
                }
                const statics = pe.ipConfigurations ?? [];
                const extra = item.ipsKnown ? ips.filter((ip) => !item.ips.includes(ip)) : [];
                const extraConfigs = statics.filter((config) => extra.includes(config.privateIpAddress));
                // Static IP configurations are what give an endpoint more than one address for the vault;
                // without any, the extra entries come from the endpoint itself, and only recreating it helps.
                out.finding({
                    resource: pe.id,
                    message: `Private endpoint ${pe.name} of ${model.names.label} ${vault.name} lists ${entries.length} DNS entr${entries.length === 1 ? 'y' : 'ies'} ` +
                        `with ${ips.length} IPs for ${model.hostname} (${(0,common_names/* list */.p_)(ips)}); there should be exactly one, holding the private IP` +
                        (item.ipsKnown ? ` (${(0,common_names/* list */.p_)(item.ips)}, from its network interface)` : '') +
                        '. ' +
                        (extraConfigs.length > 0
                            ? `Remove the static IP configuration${extraConfigs.length === 1 ? '' : 's'} ${extraConfigs.map((config) => config.name).join(', ')}`
                            : 'No static IP configuration of the endpoint holds the extra IP: recreate the endpoint (its DNS zone group is recreated too)'),
                    observed: entries.map((entry) => `${entry.fqdn} → ${(0,common_names/* list */.p_)(entry.ipAddresses)}`).join('; '),
                    expected: `one entry for ${model.hostname}` + (item.ipsKnown ? ` → ${(0,common_names/* list */.p_)(item.ips)}` : ''),
                    fix: extraConfigs.length > 0
                        ? steps(...extraConfigs.map((config) => endpointIpConfigRemove(pe.id, config.name)))
                        : recreateEndpoint(model, pe, pe.subnetId ?? SUBNET_PLACEHOLDER)
                });
            }
        }
    })
];
/** Delete and recreate `pe` in `subnet`, with the same name, location and DNS zone groups. */
function recreateEndpoint(model, pe, subnet) {
    const place = placeOf(pe.id);
    return steps(endpointDelete(pe.id), endpointCreate({
        name: pe.name,
        resourceGroup: place.resourceGroup,
        subscriptionId: place.subscriptionId,
        subnet,
        vaultId: model.vault.id,
        groupId: model.names.groupId,
        location: pe.location
    }), zoneGroupsRestore(pe.id, pe.dnsZoneGroups));
}

;// CONCATENATED MODULE: ./src/evaluate/rules/firewall.ts




/** What the firewall settings amount to, read once for the three rules. */
function firewallView(vault) {
    // null publicNetworkAccess: older vaults, where it means Enabled.
    const access = vault.publicNetworkAccess ?? 'Enabled';
    const enabled = (0,common_names/* sameText */.QV)(access, 'Enabled');
    const acls = vault.networkAcls;
    const deny = acls !== null && (0,common_names/* sameText */.QV)(acls.defaultAction, 'Deny');
    const ipRules = acls?.ipRules ?? [];
    const subnetRules = acls?.virtualNetworkRules ?? [];
    const accessText = vault.publicNetworkAccess ?? 'not set (Enabled)';
    return {
        access,
        accessText,
        enabled,
        acls,
        openToAll: enabled && !deny,
        ipRules,
        subnetRules,
        ruleCount: ipRules.length + subnetRules.length,
        observed: `publicNetworkAccess ${accessText}, ` +
            (acls === null
                ? 'no networkAcls'
                : `defaultAction ${acls.defaultAction ?? 'not set'}, ${ipRules.length} IP rule(s), ${subnetRules.length} VNet rule(s)`)
    };
}
const FIREWALL_RULES = [
    (0,rule/* defineRule */.Km)({
        id: 'FW-PUBLIC-OPEN',
        severity: 'error',
        title: 'Public access from all networks',
        summary: 'The vault accepts requests from all networks.',
        section: 'firewall',
        needs: ['vault'],
        scope: 'target',
        check({ model, options }, out) {
            const vault = model.vault;
            const policy = options.publicNetworkAccess;
            if (policy === 'any')
                return;
            const fw = firewallView(vault);
            const { acls, accessText, observed } = fw;
            const expected = policy === 'disabled'
                ? 'publicNetworkAccess Disabled, or defaultAction Deny with no IP or VNet rules'
                : 'publicNetworkAccess Disabled, or defaultAction Deny';
            if (!fw.openToAll) {
                out.pass({
                    resource: vault.id,
                    message: fw.enabled
                        ? `${model.names.Label} ${vault.name} denies public requests by default (default action Deny)`
                        : `${model.names.Label} ${vault.name} has public network access ${fw.access}`,
                    observed,
                    expected
                });
                return;
            }
            const how = acls === null
                ? `public network access is enabled and the ${model.names.label} has no network ACLs`
                : `public network access is ${accessText} and the default action is ${acls.defaultAction ?? 'not set'}`;
            out.finding({
                resource: vault.id,
                message: `${model.names.Label} ${vault.name} accepts requests from all networks (${how}). Private link only adds a private ` +
                    `path; it does not close the public one. public-network-access is "${policy}": ` +
                    (policy === 'disabled'
                        ? 'disable public network access'
                        : 'set the default action to Deny (IP and VNet rules may stay)') +
                    '. Clients that do not use private link yet lose access: check them first',
                observed,
                expected,
                fix: policy === 'disabled'
                    ? publicAccessDisable(model)
                    : vaultUpdate(model, '--default-action Deny')
            });
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'FW-RULES-PRESENT',
        severity: 'warning',
        title: 'Firewall IP or VNet rules present',
        summary: 'IP or VNet firewall rules remain where none should.',
        section: 'firewall',
        needs: ['vault'],
        scope: 'target',
        check({ model, options }, out) {
            const vault = model.vault;
            const fw = firewallView(vault);
            if (options.publicNetworkAccess !== 'disabled' || fw.openToAll)
                return;
            const { ipRules, subnetRules, ruleCount } = fw;
            const observed = `${ipRules.length} IP rule(s), ${subnetRules.length} VNet rule(s)`;
            if (!fw.enabled || ruleCount === 0) {
                out.pass({
                    resource: vault.id,
                    message: fw.enabled
                        ? `${model.names.Label} ${vault.name} has no IP or VNet firewall rules`
                        : ruleCount > 0
                            ? `${model.names.Label} ${vault.name} has public network access ${fw.access}: its ${ruleCount} IP/VNet rule(s) have no effect`
                            : `${model.names.Label} ${vault.name} has public network access ${fw.access} and no IP or VNet rules`,
                    observed,
                    expected: 'no IP or VNet rules in effect'
                });
                return;
            }
            const rules = [
                ...(ipRules.length > 0 ? [`IPs ${(0,common_names/* list */.p_)(ipRules)}`] : []),
                ...(subnetRules.length > 0 ? [`subnets ${(0,common_names/* list */.p_)(subnetRules.map(arm_id/* subnetLabel */.k8))}`] : [])
            ];
            out.finding({
                resource: vault.id,
                message: `${model.names.Label} ${vault.name} still lets public clients in through ${ruleCount} firewall rule(s) (${rules.join('; ')}) ` +
                    `while public-network-access is "disabled". Private link needs no IP or VNet rule: these are left from a ` +
                    `hybrid setup or an unfinished migration. Once every client uses private link, remove them`,
                observed,
                expected: 'no IP or VNet rules',
                fix: networkRulesRemove(model, { ipRules, subnetRules })
            });
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'FW-TRUSTED-SERVICES',
        severity: 'info',
        title: 'Trusted Azure services may bypass the firewall',
        summary: 'Trusted Azure services may bypass the firewall.',
        section: 'firewall',
        needs: ['vault'],
        scope: 'target',
        check({ model }, out) {
            const vault = model.vault;
            const fw = firewallView(vault);
            const acls = fw.acls;
            // Trusted services: moot while the vault is open to all networks anyway.
            if (acls === null || fw.openToAll || acls.bypass === null)
                return;
            if ((0,common_names/* sameText */.QV)(acls.bypass, 'None')) {
                out.pass({
                    resource: vault.id,
                    message: `${model.names.Label} ${vault.name} lets no trusted Azure service bypass its firewall`,
                    observed: 'bypass None',
                    expected: 'bypass None'
                });
                return;
            }
            out.finding({
                resource: vault.id,
                message: `${model.names.Label} ${vault.name} lets trusted Azure services bypass its firewall (bypass ${acls.bypass}): ` +
                    `Microsoft services on the trusted list reach it without private link. Keep it if you rely on one ` +
                    `(e.g. Azure Disk Encryption, Backup, ARM template deployments); otherwise turn the bypass off`,
                observed: `bypass ${acls.bypass}`,
                expected: 'bypass None, unless a trusted service needs the vault',
                fix: vaultUpdate(model, '--bypass None')
            });
        }
    })
];

;// CONCATENATED MODULE: ./src/evaluate/rules/network.ts
/**
 * The VNets that must resolve the vault (guide §8): VNET-CUSTOM-DNS, judged along each VNet's DNS
 * path (model/dns-path.ts): inbound endpoints of DNS private resolvers are followed and pass;
 * forwarders inside a known VNet are assumed to forward to Azure DNS; other servers are not
 * followed.
 */






const NETWORK_RULES = [
    (0,rule/* defineRule */.Km)({
        id: 'VNET-CUSTOM-DNS',
        severity: 'info',
        title: 'VNet uses custom DNS servers',
        summary: 'A VNet that must resolve the vault uses custom DNS servers the action cannot follow for certain.',
        section: 'other',
        needs: ['private-endpoint', 'virtual-network'],
        scope: 'target',
        check(ctx, out) {
            const { vault, names } = ctx.model;
            if (ctx.model.effective.length === 0)
                return;
            for (const entry of resolving(ctx)) {
                const vnet = entry.vnet;
                if (vnet === undefined)
                    continue;
                if ('failure' in vnet) {
                    out.notRun(vnet.failure);
                    continue;
                }
                const group = ctx.model.vnets.find((g) => (0,collect_snapshot/* sameId */.s)(g.vnetId, entry.vnetId));
                const role = group
                    ? `private endpoint ${group.pes.map((item) => item.pe.name).join(', ')} of ${names.label} ${vault.name}`
                    : entry.why === 'runner'
                        ? `this runner's VNet, a client of ${names.label} ${vault.name}`
                        : `a client VNet of ${names.label} ${vault.name}`;
                const custom = vnet.dnsServers.filter((server) => server.trim() !== common_ip/* AZURE_PLATFORM_IP */.EM);
                const expected = `Azure-provided DNS, DNS private resolver inbound endpoints, or servers that forward to ${common_ip/* AZURE_PLATFORM_IP */.EM}`;
                if (custom.length === 0) {
                    out.pass({
                        resource: vnet.id,
                        message: `VNet ${vnet.name} (${role}) uses Azure-provided DNS, which applies private DNS zones`,
                        observed: vnet.dnsServers.length === 0
                            ? 'Azure-provided DNS'
                            : `DNS servers ${(0,common_names/* list */.p_)(vnet.dnsServers)}`,
                        expected
                    });
                    continue;
                }
                const first = entry.paths
                    .map((path) => path.hops[0])
                    .filter((hop) => hop !== undefined && hop.kind !== 'azure-dns');
                const resolvers = first.filter((hop) => hop.kind === 'resolver');
                const forwarders = first.filter((hop) => hop.kind === 'forwarder');
                const unknown = first.filter((hop) => hop.kind === 'unknown');
                if (forwarders.length === 0 && unknown.length === 0 && resolvers.length > 0) {
                    out.pass({
                        resource: vnet.id,
                        message: `VNet ${vnet.name} (${role}) uses DNS servers ${(0,common_names/* list */.p_)(vnet.dnsServers)}, inbound endpoints of DNS private ` +
                            `resolver${resolvers.length === 1 ? '' : 's'} ${(0,common_names/* list */.p_)([...new Set(resolvers.map((hop) => hop.resolver.name))])}: ` +
                            `Azure DNS answers in the resolver's VNet, with the private zones linked there`,
                        observed: `DNS servers ${(0,common_names/* list */.p_)(vnet.dnsServers)}`,
                        expected
                    });
                    continue;
                }
                const said = [
                    ...forwarders.map((hop) => `${hop.server} lies in VNet ${(0,dns_path/* vnetName */.Fj)(ctx.snapshot, hop.vnetId)}: assumed to be a forwarder that sends ${names.zone} to ${common_ip/* AZURE_PLATFORM_IP */.EM} there, so the zone linked to that VNet serves ${vnet.name}`),
                    ...unknown.map((hop) => `${hop.server} is outside every known VNet and is no DNS private resolver inbound endpoint (on premises, or in a subscription not searched): not followed`)
                ];
                out.finding({
                    resource: vnet.id,
                    message: `VNet ${vnet.name} (${role}) uses custom DNS servers ${(0,common_names/* list */.p_)(vnet.dnsServers)}: ${said.join('; ')}. ` +
                        `The private zone ${names.zone} applies there only if they forward ${names.zone} ` +
                        `(or the whole ${names.hostSuffix} chain) to ${common_ip/* AZURE_PLATFORM_IP */.EM} or to a DNS private resolver inbound ` +
                        `endpoint in a VNet linked to the zone. The inside probe confirms what clients actually get`,
                    observed: `DNS servers ${(0,common_names/* list */.p_)(vnet.dnsServers)}`,
                    expected,
                    fix: null
                });
            }
        }
    })
];

;// CONCATENATED MODULE: ./src/evaluate/rules/plan.ts
/** Proposed changes (`plan`): PLAN-UNRESOLVED. */

const PLAN_RULES = [
    (0,rule/* defineRule */.Km)({
        id: 'PLAN-UNRESOLVED',
        severity: 'info',
        title: 'Known only after apply',
        summary: 'A check of the proposed state needs a value the plan knows only after apply (e.g. a new PE’s dynamic IP without a zone group that makes the outcome certain); it runs on the next live check.',
        section: 'reading',
        needs: [],
        scope: 'target',
        // Nothing to look at in a snapshot by itself: the proposed snapshot holds a stand-in for each
        // value Azure assigns at apply, and src/plan/settle.ts turns each finding that rests on one
        // into this rule, once every other check of the proposed state has run.
        check() { }
    })
];

;// CONCATENATED MODULE: ./src/evaluate/rules/probe-dns.ts
/**
 * PROBE-DNS-FAILED (guide §5): DNS itself failed for the vault's name — the resolver answered
 * SERVFAIL or REFUSED, or nothing answered in time. Not a missing record: the fix is about the
 * resolver path, never a record to create (PROBE-NXDOMAIN is the name that does not exist).
 */




/** The failures that are DNS failing, not an answer that the name does not exist. */
const DNS_FAILED_KINDS = [
    'servfail',
    'refused',
    'timeout',
    'unreachable',
    'temporary'
];
const MEANING = {
    servfail: 'the resolver answered SERVFAIL: it could not get an answer itself (a lame delegation, a forwarder that cannot reach its upstream, a DNSSEC failure)',
    refused: 'the resolver answered REFUSED: it does not answer this name for this client (its ACL, or a server that only serves its own zones)',
    timeout: 'nothing answered within probe-timeout: the resolver, or a server it asks, is down or unreachable (UDP/TCP 53 blocked by an NSG or firewall)',
    unreachable: 'nothing listens at the resolver address (connection refused): the DNS server named is not running there',
    temporary: 'the OS resolver said "try again" (EAI_AGAIN): its servers answered SERVFAIL or REFUSED, or not in time'
};
/** By hand, the same question to the same servers, and where this runner's servers come from. */
function resolverFix(ctx, failure) {
    const runnerVnet = ctx.run.runnerAddresses
        .map((ip) => (0,model_model.vnetHolding)(ctx.snapshot, ip))
        .find((vnet) => vnet !== null);
    const server = failure.servers[0]?.split(':')[0];
    return steps(failure.query === 'getaddrinfo'
        ? `getent hosts ${sh(failure.name)}`
        : `nslookup -type=${failure.query} ${sh(failure.name)}${server ? ` ${sh(server)}` : ''}`, 'cat /etc/resolv.conf', runnerVnet ? vnetDnsServers(runnerVnet.id) : null);
}
const PROBE_DNS_RULES = [
    (0,rule/* defineRule */.Km)({
        id: 'PROBE-DNS-FAILED',
        severity: 'error',
        title: 'DNS failed for the vault name',
        summary: 'The resolver answered SERVFAIL or REFUSED, or nothing answered in time (not a missing record).',
        section: 'dnsResolution',
        needs: ['probe'],
        scope: 'probe',
        modes: ['inside'],
        check(ctx, out) {
            const { probe, model } = ctx;
            const paths = [
                { label: 'DNS', result: probe.dns },
                { label: 'the OS resolver', result: probe.os }
            ];
            let failed = false;
            for (const { label, result } of paths) {
                const failure = result?.failure;
                if (!failure || !DNS_FAILED_KINDS.includes(failure.kind))
                    continue;
                failed = true;
                const servers = failure.servers.length > 0 ? (0,common_names/* list */.p_)(failure.servers) : 'no server';
                const where = failure.hop === 0 ? probe.hostname : `${failure.name} (hop ${failure.hop} of the chain)`;
                out.finding({
                    resource: model.vault.id,
                    message: `${label} failed for ${where}, asking ${servers}: ${MEANING[failure.kind] ?? failure.kind}. ` +
                        `This says nothing about the private zone's records: fix the resolver path first, then run again`,
                    observed: `${failure.query} ${failure.name}: ${failure.kind} (${failure.code})`,
                    expected: 'an answer (records or NXDOMAIN)',
                    fix: resolverFix(ctx, failure)
                });
            }
            if (!failed && (probe.dns || probe.os)) {
                out.pass({
                    resource: model.vault.id,
                    message: `DNS answered for ${probe.hostname} on every path`,
                    observed: 'answers',
                    expected: 'an answer (records or NXDOMAIN)'
                });
            }
        }
    })
];

// EXTERNAL MODULE: ./src/probe/runner-addresses.ts
var runner_addresses = __webpack_require__(3343);
;// CONCATENATED MODULE: ./src/evaluate/rules/probe.ts








/** The answers that mean "stopped by the network check" (ERRORS.md). */
const FIREWALL_INNER_CODES = ['ForbiddenByFirewall', 'ForbiddenByConnection'];
function isFirewallAnswer(result) {
    return (result !== null &&
        result.status === 403 &&
        FIREWALL_INNER_CODES.some((code) => code.toLowerCase() === result.innerCode?.toLowerCase()));
}
function ipLabel(ip) {
    return (0,common_ip/* isValidIp */.AD)(ip) ? `${ip} (${(0,common_ip/* describeIp */.pk)(ip).range})` : ip;
}
function stepText(error) {
    return `${error.message} [${error.kind}${error.code ? `, ${error.code}` : ''}]`;
}
/** The step of a request that failed, in words: the token, or how far the connection got. */
function failedStep(error) {
    if (error.kind === 'token')
        return 'getting a token for the vault';
    switch (error.phase) {
        case 'dns':
            return 'resolving the name (DNS)';
        case 'connect':
            return 'the TCP connection';
        case 'tls':
            return 'the TLS handshake';
        case 'response':
            return 'waiting for the HTTP answer';
        default:
            return 'the request';
    }
}
function add(ctx, rule, draft) {
    ctx.emitted.push({ rule, kind: 'finding', draft });
}
function unverified(ctx, rule, draft) {
    ctx.emitted.push({ rule, kind: 'notVerified', draft });
}
function ok(ctx, rule, message, observed, expected) {
    ctx.emitted.push({
        rule,
        kind: 'pass',
        draft: { resource: ctx.model.vault.id, message, observed, expected }
    });
}
/** The zone linked to a VNet of the vault's effective PEs, for record fixes. */
function recordFix(ctx, replace) {
    const { snapshot, model, probe, options } = ctx;
    if (probe.peIps.length === 0)
        return null;
    const ttl = suggestedTtl(options.ttlMin, options.ttlMax);
    for (const group of model.vnets) {
        const linked = (0,model_model.linkedExactZone)(snapshot, model.names.zone, group.vnetId);
        if (!linked)
            continue;
        const zone = (0,model_model.zonePlace)(linked.zone);
        const name = model.vault.name.toLowerCase();
        const ips = group.ips.length ? group.ips : probe.peIps;
        const record = linked.zone.aRecords.find((candidate) => (0,common_names/* sameText */.QV)(candidate.name, name));
        if (!replace || !record)
            return recordCreate(zone, name, ips, ttl);
        // The record is right (nothing to repoint): another zone or server answers this runner.
        const repoint = recordRepoint(zone, record.name, ips, record.ipv4Addresses, null);
        return repoint || publicIpFix(ctx);
    }
    return null;
}
/** This runner's own VNet: the known VNet whose address space holds one of its addresses. */
function runnerVnet(ctx) {
    for (const ip of ctx.run.runnerAddresses) {
        const vnet = (0,model_model.vnetHolding)(ctx.snapshot, ip);
        if (vnet)
            return vnet;
    }
    return null;
}
function runnerVnetText(ctx) {
    const vnet = runnerVnet(ctx);
    return vnet ? `this runner's VNet ${vnet.name}` : "this runner's VNet (not among the VNets read)";
}
/** Routes of this runner's NIC: find the NIC by the runner's private address, then its routes. */
function runnerRoutesFix(ctx) {
    const ip = ctx.run.runnerAddresses.find((address) => (0,common_ip/* isPrivate */.Gw)(address));
    const vnet = runnerVnet(ctx);
    const subscription = (vnet && (0,arm_id/* subscriptionOf */.XD)(vnet.id)) ?? ctx.model.vault.subscriptionId;
    return steps(ip ? nicFindByIp(subscription, ip) : null, nicEffectiveRoutes('<nic-name-of-this-runner>', '<resource-group-of-that-nic>', subscription));
}
/** A request a person can send to see what the data plane answers (404 SecretNotFound = through). */
function dataPlaneCheck(ctx, ip) {
    const host = ctx.probe.hostname;
    const audience = `https://${ctx.model.names.hostSuffix}`;
    return (`curl -s${ip ? ` --resolve ${sh(`${host}:443:${ip}`)}` : ''} -H "Authorization: Bearer $(az account get-access-token --resource ${audience} --query accessToken -o tsv)"` +
        ` ${sh(`https://${host}/secrets/kv-private-link-doctor-probe?api-version=7.4`)}`);
}
/** PROBE-PUBLIC-IP: link the zone to this runner's VNet, or show the DNS servers in the way. */
function publicIpFix(ctx) {
    const vnet = runnerVnet(ctx);
    const zones = (0,model_model.exactZones)(ctx.snapshot, ctx.model.names.zone);
    if (!vnet)
        return steps(`nslookup ${sh(ctx.probe.hostname)}`, 'cat /etc/resolv.conf');
    const linked = (0,model_model.linkedExactZone)(ctx.snapshot, ctx.model.names.zone, vnet.id);
    const custom = vnet.dnsServers.some((server) => server.trim() !== common_ip/* AZURE_PLATFORM_IP */.EM);
    if (!linked && zones[0] && !custom)
        return linkCreate((0,model_model.zonePlace)(zones[0]), vnet.id);
    return vnetDnsServers(vnet.id);
}
function dnsRules(ctx) {
    const { probe, model } = ctx;
    const dns = probe.dns;
    if (!dns)
        return;
    const resource = model.vault.id;
    const host = probe.hostname;
    const alias = model.alias;
    const chain = dns.chain.join(' → ');
    const servers = dns.servers === 'system' ? "the runner's resolvers" : (0,common_names/* list */.p_)(dns.servers);
    // The alias: decidable once the vault's own name answered (with a CNAME or addresses).
    const firstHopFailed = dns.error !== null && dns.chain.length === 1;
    if (!firstHopFailed) {
        if (dns.chain.includes(alias)) {
            ok(ctx, 'PROBE-NO-PRIVATELINK-ALIAS', `${host} is an alias for ${alias}`, chain, `${host} → ${alias}`);
        }
        else {
            add(ctx, 'PROBE-NO-PRIVATELINK-ALIAS', {
                resource,
                message: `DNS (${servers}) answers for ${host} without the alias ${alias}: the vault has no approved, ` +
                    `succeeded private endpoint connection as far as public DNS knows, or a DNS server on the path ` +
                    `answers for ${host} itself (a zone named after ${model.names.hostSuffix} instead of ${model.names.zone})`,
                observed: chain,
                expected: `${host} → ${alias} → an effective PE IP`,
                fix: `nslookup -type=CNAME ${sh(host)}`
            });
        }
    }
    // DNS failing (SERVFAIL, REFUSED, silence) is PROBE-DNS-FAILED's: the name may well exist.
    if (dns.failure && DNS_FAILED_KINDS.includes(dns.failure.kind))
        return;
    if (dns.error) {
        const last = dns.chain[dns.chain.length - 1] ?? host;
        const atAlias = last === alias;
        add(ctx, 'PROBE-NXDOMAIN', {
            resource,
            message: `${host} does not resolve with DNS (${servers}): ${stepText(dns.error)}` +
                (atAlias
                    ? `. The chain reaches ${alias}, so the private zone ${model.names.zone} is the one answering and lacks the A record ${model.vault.name.toLowerCase()} (or the link's NxDomainRedirect is off)`
                    : ''),
            observed: `${chain}: ${dns.error.kind}`,
            expected: `${host} → ${alias} → ${(0,common_names/* list */.p_)(probe.peIps)}`,
            fix: atAlias
                ? recordFix(ctx, false)
                : steps(`nslookup ${sh(host)}`, `nslookup ${sh(alias)}`, 'cat /etc/resolv.conf')
        });
        return;
    }
    ok(ctx, 'PROBE-NXDOMAIN', `${host} resolves with DNS (${servers})`, `${chain} → ${(0,common_names/* list */.p_)(dns.addresses)}`, 'an answer');
    const bad = dns.addresses.filter((ip) => !probe.peIps.includes(ip));
    const publicIps = bad.filter((ip) => (0,common_ip/* isPublic */.Ul)(ip));
    const otherIps = bad.filter((ip) => !publicIps.includes(ip));
    if (publicIps.length > 0) {
        add(ctx, 'PROBE-PUBLIC-IP', {
            resource,
            message: `From this runner ${host} resolves to the public address ${publicIps.map(ipLabel).join(', ')}: ` +
                `the private zone ${model.names.zone} does not apply to the DNS servers this runner uses ` +
                `(${servers}). Link the zone to ${runnerVnetText(ctx)}, or make its custom DNS servers forward ${model.names.zone} to 168.63.129.16`,
            observed: `${chain} → ${(0,common_names/* list */.p_)(dns.addresses)}`,
            expected: (0,common_names/* list */.p_)(probe.peIps),
            fix: publicIpFix(ctx)
        });
    }
    else {
        ok(ctx, 'PROBE-PUBLIC-IP', `${host} resolves to no public address`, (0,common_names/* list */.p_)(dns.addresses), 'private addresses');
    }
    const peKnown = model.effective.every((pe) => pe.ipsKnown);
    if (otherIps.length > 0 && (peKnown || probe.peIps.length === 0)) {
        add(ctx, 'PROBE-WRONG-IP', {
            resource,
            message: `${host} resolves to ${otherIps.map(ipLabel).join(', ')}, which is not an effective private endpoint IP ` +
                `of the vault (${(0,common_names/* list */.p_)(probe.peIps)}): a stale A record, or another zone answers`,
            observed: `${chain} → ${(0,common_names/* list */.p_)(dns.addresses)}`,
            expected: (0,common_names/* list */.p_)(probe.peIps),
            fix: recordFix(ctx, true)
        });
    }
    else if (bad.length === 0) {
        ok(ctx, 'PROBE-WRONG-IP', `${host} resolves to the private endpoint IP ${(0,common_names/* list */.p_)(dns.addresses)}`, (0,common_names/* list */.p_)(dns.addresses), (0,common_names/* list */.p_)(probe.peIps));
    }
}
function hostsRule(ctx) {
    const { probe, model } = ctx;
    const { dns, os } = probe;
    if (!dns || !os)
        return;
    // A lookup that failed as DNS (no answer in time, SERVFAIL) overrides nothing: PROBE-DNS-FAILED.
    const dnsFailed = (failure) => failure !== null && DNS_FAILED_KINDS.includes(failure.kind);
    if (dnsFailed(os.failure) || dnsFailed(dns.failure))
        return;
    const v4 = (ips) => [...new Set(ips.filter((ip) => !ip.includes(':')))].sort();
    const fromOs = os.error ? [] : v4(os.addresses);
    const fromDns = dns.error ? [] : v4(dns.addresses);
    const same = fromOs.length === fromDns.length && fromOs.every((ip, i) => ip === fromDns[i]);
    const osText = os.error ? stepText(os.error) : (0,common_names/* list */.p_)(os.addresses);
    const dnsText = dns.error ? stepText(dns.error) : (0,common_names/* list */.p_)(dns.addresses);
    if (same || (os.error && dns.error)) {
        ok(ctx, 'PROBE-HOSTS-OVERRIDE', `The OS resolver and DNS agree on ${probe.hostname}`, osText, dnsText);
        return;
    }
    add(ctx, 'PROBE-HOSTS-OVERRIDE', {
        resource: model.vault.id,
        message: `The OS resolver (hosts file, nsswitch) answers ${probe.hostname} with ${osText}, DNS with ${dnsText}: ` +
            `applications on this runner go where the OS resolver says. Remove the override (/etc/hosts, ` +
            `C:\\Windows\\System32\\drivers\\etc\\hosts) unless it is deliberate`,
        observed: osText,
        expected: dnsText,
        fix: `grep -n ${sh(probe.hostname)} /etc/hosts`
    });
}
function proxyRule(ctx) {
    const { probe, model } = ctx;
    const proxy = probe.proxy;
    if (!proxy || proxy.excludedBy) {
        ok(ctx, 'PROBE-PROXY', proxy
            ? `${proxy.variable} is set, but NO_PROXY entry ${proxy.excludedBy} excludes ${probe.hostname}`
            : `No HTTP(S) proxy is configured for ${probe.hostname}`, proxy ? `${proxy.variable}=${proxy.proxy}, NO_PROXY ${proxy.excludedBy}` : 'no proxy', 'no proxy for the vault');
        return;
    }
    add(ctx, 'PROBE-PROXY', {
        resource: model.vault.id,
        message: `${proxy.variable}=${proxy.proxy} applies to ${probe.hostname}: the Azure SDKs and CLI on this runner send vault ` +
            `traffic through that proxy, which resolves and connects from wherever it sits (often outside the private link), ` +
            `and may intercept TLS. The probe itself went direct. Exclude the vault with NO_PROXY`,
        observed: `${proxy.variable}=${proxy.proxy}`,
        expected: `NO_PROXY includes ${probe.hostname} (or .${ctx.model.names.hostSuffix}, ${ctx.model.names.zone})`,
        fix: `export NO_PROXY="\${NO_PROXY:+$NO_PROXY,}.${ctx.model.names.hostSuffix},.${ctx.model.names.zone}"`
    });
}
function where(attempt, host, peIps = []) {
    if (attempt.via === 'pe-ip')
        return `https://${attempt.ip}/healthstatus (PE IP, SNI ${host})`;
    const ip = attempt.ip ? `, ${attempt.ip}${peIps.includes(attempt.ip) ? ', the PE IP' : ''}` : '';
    return `https://${host}/healthstatus (by name${ip})`;
}
/** Transport rules for one /healthstatus attempt; returns true when it got an HTTP answer. */
function transportRules(ctx, attempt, seen) {
    const { probe, model } = ctx;
    const host = probe.hostname;
    const error = attempt.error;
    if (!error)
        return true;
    if (attempt.ip === null)
        return false; // the name did not resolve: PROBE-NXDOMAIN says so
    // What really happened decides the rule: a certificate that failed the check is PROBE-TLS-FAILED;
    // a handshake that broke off before any certificate was checked is a failed handshake (not a bad
    // certificate); silence or a closed connection before an answer is PROBE-CONNECT-FAILED (the
    // contract's PROBE-NOT-KEYVAULT is an answer without the header, and there was no answer); bytes
    // that are not HTTP are PROBE-NOT-KEYVAULT.
    const rule = error.kind === 'tls' ||
        (error.phase === 'tls' && error.kind !== 'timeout' && error.kind !== 'refused')
        ? 'PROBE-TLS-FAILED'
        : error.phase === 'response' && error.kind === 'error'
            ? 'PROBE-NOT-KEYVAULT'
            : 'PROBE-CONNECT-FAILED';
    const key = `${rule}|${attempt.ip}`;
    if (seen.has(key))
        return false;
    seen.add(key);
    const at = where(attempt, host, probe.peIps);
    const connectText = error.kind === 'refused'
        ? 'The address answers but nothing listens on 443: not a private endpoint of Key Vault (a stale IP?)'
        : error.kind === 'timeout' && error.phase === 'tls'
            ? 'TCP connected, so the route and port are open, but the TLS handshake stalled: a firewall or NVA ' +
                'inspecting TLS or filtering on SNI, or a path MTU problem that drops the large handshake packets'
            : error.kind === 'timeout' && error.phase === 'response'
                ? 'It timed out after connecting: TCP and TLS (with a valid certificate) worked, but no HTTP answer came ' +
                    'in time. Something on the path holds the request, or the endpoint is not answering'
                : error.kind === 'reset'
                    ? 'The connection was closed before an answer: a firewall or proxy on the path cut it, or the endpoint is not Key Vault'
                    : error.kind === 'timeout'
                        ? 'Packets are dropped: an NSG, a firewall/NVA route, or no route from this runner to the PE subnet'
                        : 'Check routes between this runner and the PE subnet';
    const messages = {
        'PROBE-CONNECT-FAILED': `${at}: ${error.message}. ${connectText}`,
        'PROBE-TLS-FAILED': error.kind === 'tls'
            ? `${at}: ${error.message}. The certificate presented is not valid for ${host}: ` +
                `TLS interception (a proxy or firewall re-signing traffic) or an endpoint that is not Key Vault. ` +
                `Verification is never turned off`
            : `${at}: ${error.message}. The TLS handshake failed before a certificate could be checked: a firewall ` +
                `cutting connections by SNI, or an endpoint that does not speak TLS like Key Vault`,
        'PROBE-NOT-KEYVAULT': `${at}: ${error.message}. The endpoint did not answer like an HTTPS server (not Key Vault)`
    };
    add(ctx, rule, {
        resource: model.vault.id,
        message: messages[rule] ?? error.message,
        observed: `${error.kind}${error.code ? ` (${error.code})` : ''}`,
        expected: rule === 'PROBE-TLS-FAILED'
            ? `a certificate valid for ${host}`
            : 'an HTTPS answer from Key Vault on 443',
        fix: rule === 'PROBE-TLS-FAILED'
            ? `openssl s_client -connect ${sh(`${attempt.ip}:443`)} -servername ${sh(host)} </dev/null | openssl x509 -noout -subject -issuer`
            : `curl -sv --connect-timeout 5 --resolve ${sh(`${host}:443:${attempt.ip}`)} https://${host}/healthstatus`
    });
    return false;
}
function healthRules(ctx) {
    const { probe, model, run } = ctx;
    const host = probe.hostname;
    const resource = model.vault.id;
    const seen = new Set();
    const answered = probe.health.filter((attempt) => transportRules(ctx, attempt, seen));
    if (probe.health.length > 0 && answered.length === probe.health.length) {
        ok(ctx, 'PROBE-CONNECT-FAILED', `Every /healthstatus request to ${host} connected`, (0,common_names/* list */.p_)(probe.health.map((a) => a.ip ?? '?')), 'TCP on 443');
        ok(ctx, 'PROBE-TLS-FAILED', `The certificate is valid for ${host} on every path`, 'valid', `a certificate for ${host}`);
    }
    // By name and straight to the PE IP often hit the same address: one finding per rule and address.
    const once = (rule, attempt) => {
        const key = `${rule}|${attempt.ip}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    };
    for (const attempt of answered) {
        if (attempt.networkInfo === null || attempt.addr === null) {
            if (!once('PROBE-NOT-KEYVAULT', attempt))
                continue;
            add(ctx, 'PROBE-NOT-KEYVAULT', {
                resource,
                message: `${where(attempt, host, probe.peIps)} answered ${attempt.status} without x-ms-keyvault-network-info: the endpoint is likely ` +
                    `not Key Vault. The certificate was valid, so this may be a TLS-intercepting device that answers itself`,
                observed: attempt.networkInfo === null
                    ? 'no x-ms-keyvault-network-info header'
                    : `x-ms-keyvault-network-info: ${attempt.networkInfo}`,
                expected: 'x-ms-keyvault-network-info: addr=<your address>;…',
                fix: `curl -si https://${host}/healthstatus`
            });
            continue;
        }
        const addr = attempt.addr;
        if (!(0,common_ip/* isValidIp */.AD)(addr))
            continue;
        const info = (0,common_ip/* describeIp */.pk)(addr);
        if (info.class === 'public') {
            if (!once('PROBE-PUBLIC-PATH', attempt))
                continue;
            add(ctx, 'PROBE-PUBLIC-PATH', {
                resource,
                message: `${where(attempt, host, probe.peIps)}: the vault saw the request come from the public address ${ipLabel(addr)}: it left ` +
                    `through NAT/the Internet, not through the private endpoint`,
                observed: `addr=${addr}`,
                expected: `a private address of this runner (${(0,common_names/* list */.p_)(run.runnerAddresses)})`,
                // A route (0.0.0.0/0 to a firewall or NAT, or none to the PE subnet) decides the path.
                fix: runnerRoutesFix(ctx)
            });
        }
        else if ((0,runner_addresses/* isOwnAddress */.v)(addr, run.runnerAddresses)) {
            ok(ctx, 'PROBE-PUBLIC-PATH', `${where(attempt, host, probe.peIps)}: the vault saw this runner's own address ${addr}`, `addr=${addr}`, 'a private address');
        }
        else {
            if (!once('PROBE-ROUTED', attempt))
                continue;
            add(ctx, 'PROBE-ROUTED', {
                resource,
                message: `${where(attempt, host, probe.peIps)}: the vault saw ${ipLabel(addr)}, which is not one of this runner's addresses ` +
                    `(${(0,common_names/* list */.p_)(run.runnerAddresses)}): custom routing or NAT on the way (still a private path)`,
                observed: `addr=${addr}`,
                expected: (0,common_names/* list */.p_)(run.runnerAddresses),
                fix: null
            });
        }
    }
    const byName = answered.find((attempt) => attempt.via === 'name' && attempt.addr);
    if (byName) {
        for (const direct of answered.filter((attempt) => attempt.via === 'pe-ip' && attempt.addr)) {
            if (direct.addr === byName.addr) {
                ok(ctx, 'PROBE-IP-DIVERGES', `By name and straight to PE IP ${direct.ip} the vault saw the same origin ${direct.addr}`, `addr=${direct.addr}`, `addr=${byName.addr}`);
                continue;
            }
            add(ctx, 'PROBE-IP-DIVERGES', {
                resource,
                message: `By name (${byName.ip}) the vault saw addr=${byName.addr}; straight to the PE IP ${direct.ip} it saw addr=${direct.addr}: ` +
                    `the two requests reached different endpoints. The name does not lead to this private endpoint: check the routes ` +
                    `of ${runnerVnetText(ctx)} to the PE subnet (a route table or NVA in the way)`,
                observed: `by name: addr=${byName.addr}; PE IP ${direct.ip}: addr=${direct.addr}`,
                expected: 'the same addr',
                fix: runnerRoutesFix(ctx)
            });
        }
    }
}
function dataPlaneRule(ctx) {
    const { probe, model } = ctx;
    const result = probe.dataPlane;
    if (!result)
        return;
    const privatePath = result.via === 'pe-ip' || (result.ip !== null && (0,common_ip/* isPrivate */.Gw)(result.ip));
    const target = result.via === 'pe-ip' ? `PE IP ${result.ip}` : `by name, ${result.ip ?? '?'}`;
    if (result.error) {
        unverified(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', {
            resource: model.vault.id,
            message: `the authenticated data-plane request over the private path (${target}) failed at ` +
                `${failedStep(result.error)}: ${stepText(result.error)}. Whether the vault's firewall lets private link ` +
                `traffic through is unknown`,
            observed: `${result.error.kind}${result.error.code ? ` (${result.error.code})` : ''} at ${failedStep(result.error)}`,
            expected: 'an answer other than 403 ForbiddenByFirewall/ForbiddenByConnection (404 SecretNotFound for the probe secret)',
            fix: dataPlaneCheck(ctx, result.ip)
        });
        return;
    }
    if (!privatePath) {
        unverified(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', {
            resource: model.vault.id,
            message: `no private endpoint IP answered, so the data-plane request went ${target}, which is not a ` +
                `private address; the firewall's answer over the private path is unknown`,
            observed: `${result.status ?? '?'} from ${result.ip ?? '?'}`,
            expected: 'a data-plane answer over a private endpoint IP',
            fix: dataPlaneCheck(ctx, probe.peIps[0] ?? null)
        });
        return;
    }
    if (!result.keyVault) {
        // Something else answered (a front, a proxy, a TLS-intercepting device): whatever it said,
        // it is not the vault's firewall letting the request through.
        unverified(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', {
            resource: model.vault.id,
            message: `the data-plane request over the private path (${target}) got ${result.status ?? 'an answer'} without any ` +
                `of Key Vault's markers (x-ms-keyvault-* headers, request ID, Key Vault's error body): something other ` +
                `than Key Vault answers there, so the firewall's answer is unknown`,
            observed: `${result.status ?? '?'} from ${result.ip ?? '?'}, markers: ${(0,common_names/* list */.p_)(result.markers ?? [])}`,
            expected: "Key Vault's answer (404 SecretNotFound for the probe secret)",
            fix: dataPlaneCheck(ctx, result.ip)
        });
        return;
    }
    if (isFirewallAnswer(result)) {
        add(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', {
            resource: model.vault.id,
            message: `Over the private path (${result.ip}) the data plane answered 403 ${result.innerCode}: ${result.message ?? ''}` +
                (result.clientAddress ? ` (Client address: ${result.clientAddress})` : '') +
                `. The firewall does not count this request as coming through an approved private link`,
            observed: `403 ${result.code ?? ''}/${result.innerCode}`,
            expected: 'anything but ForbiddenByFirewall/ForbiddenByConnection (404 SecretNotFound for the probe secret)',
            fix: `az keyvault network-rule list --name ${sh(model.vault.name)} --subscription ${sh(model.vault.subscriptionId)}`
        });
        return;
    }
    ok(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', `Over the private path (${result.ip}) the data plane let the request through the network check (${result.status}${result.code ? ` ${result.code}` : ''})`, String(result.status), 'not 403 ForbiddenByFirewall');
}
function outsideRule(ctx) {
    const { probe, model } = ctx;
    const result = probe.dataPlane;
    if (!result)
        return;
    const host = probe.hostname;
    if (result.error) {
        unverified(ctx, 'PUBLIC-ACCESS-OPEN', {
            resource: model.vault.id,
            message: `the data-plane request to https://${host} from outside got no answer: ${stepText(result.error)}`,
            observed: result.error.kind,
            expected: '403 ForbiddenByFirewall or ForbiddenByConnection',
            fix: dataPlaneCheck(ctx, null)
        });
        return;
    }
    // The name led somewhere that is not a public address: a private endpoint (a GitHub-hosted runner
    // with Azure private networking, a self-hosted runner that did not say so in RUNNER_ENVIRONMENT),
    // or a hosts-file/loopback override. Whatever answered, it says nothing about the public path.
    // A warning under the contract's rule, not an error: the vault may well be closed; and not an
    // info, because a run asked to verify the public path did not, and `fail-on: warning` must see it.
    if (result.ip !== null && (0,common_ip/* isValidIp */.AD)(result.ip) && !(0,common_ip/* isPublic */.Ul)(result.ip)) {
        unverified(ctx, 'PUBLIC-ACCESS-OPEN', {
            resource: model.vault.id,
            message: `this runner is not outside the VNet. From here ${host} leads to ${ipLabel(result.ip)}, ` +
                `not to the vault's public endpoint, so the answer (${result.status}${result.code ? ` ${result.code}` : ''}` +
                `${result.innerCode ? `/${result.innerCode}` : ''}) says nothing about the public path. Run the outside ` +
                `probe on a runner without private access to the vault (e.g. a GitHub-hosted runner without Azure private ` +
                `networking), and use 'probe: inside' here`,
            observed: `${result.status}${result.code ? ` ${result.code}` : ''} from ${result.ip}`,
            expected: 'a public address of the vault, answering 403 ForbiddenByFirewall or ForbiddenByConnection',
            // What the vault's firewall is set to decides the public path; the request proves it from outside.
            fix: steps(vaultShowNetwork(model), dataPlaneCheck(ctx, null))
        });
        return;
    }
    if (!result.keyVault) {
        unverified(ctx, 'PUBLIC-ACCESS-OPEN', {
            resource: model.vault.id,
            message: `from outside, https://${host} (${result.ip ?? 'by name'}) answered ${result.status ?? '?'} without any of ` +
                `Key Vault's markers (x-ms-keyvault-* headers, request ID, Key Vault's error body): something other than ` +
                `the vault answered, so whether its public path is open is unknown`,
            observed: `${result.status ?? '?'} from ${result.ip ?? '?'}, markers: ${(0,common_names/* list */.p_)(result.markers ?? [])}`,
            expected: '403 ForbiddenByFirewall or ForbiddenByConnection',
            fix: steps(vaultShowNetwork(model), dataPlaneCheck(ctx, null))
        });
        return;
    }
    if (isFirewallAnswer(result)) {
        ok(ctx, 'PUBLIC-ACCESS-OPEN', `From outside the VNet the vault refused the request at the network check (403 ${result.innerCode}` +
            (result.clientAddress ? `, Client address: ${result.clientAddress}` : '') +
            ')', `403 ${result.innerCode}${result.clientAddress ? `, client ${result.clientAddress}` : ''}`, '403 ForbiddenByFirewall or ForbiddenByConnection');
        return;
    }
    add(ctx, 'PUBLIC-ACCESS-OPEN', {
        resource: model.vault.id,
        message: `From outside the VNet (${result.ip ?? 'by name'}) an authenticated data-plane request got past the network check: ` +
            `${result.status}${result.code ? ` ${result.code}` : ''}${result.innerCode ? `/${result.innerCode}` : ''}. ` +
            `Anyone with a valid token can reach this vault from the Internet`,
        observed: `${result.status}${result.code ? ` ${result.code}` : ''}`,
        expected: '403 ForbiddenByFirewall or ForbiddenByConnection',
        fix: `az keyvault update --name ${sh(model.vault.name)} --subscription ${sh(model.vault.subscriptionId)} --public-network-access Disabled`
    });
}
/** Everything the probe rules say about one vault, worked out once; each rule takes its part. */
const probeOutcomes = (0,rule/* perTarget */.Ve)((ctx) => {
    const emitted = [];
    const all = { ...ctx, emitted };
    if (ctx.run.mode === 'inside') {
        dnsRules(all);
        hostsRule(all);
        proxyRule(all);
        healthRules(all);
        dataPlaneRule(all);
    }
    else {
        proxyRule(all);
        outsideRule(all);
    }
    return emitted;
});
function take(rule) {
    return (ctx, out) => {
        for (const item of probeOutcomes(ctx)) {
            if (item.rule !== rule)
                continue;
            if (item.kind === 'pass')
                out.pass(item.draft);
            else if (item.kind === 'notVerified')
                out.notVerified(item.draft);
            else
                out.finding(item.draft);
        }
    };
}
/** The probe rules' metadata; their checks share the analysis above (guide §5, §7, §8). */
const PROBE_RULE_META = [
    {
        id: 'PROBE-NO-PRIVATELINK-ALIAS',
        severity: 'error',
        title: 'No privatelink alias in DNS',
        summary: 'No CNAME to `<vault>.privatelink.vaultcore.azure.net`.',
        section: 'dnsResolution',
        modes: ['inside']
    },
    {
        id: 'PROBE-NXDOMAIN',
        severity: 'error',
        title: 'Vault name does not resolve',
        summary: "The vault's name does not resolve.",
        section: 'dnsResolution',
        modes: ['inside']
    },
    {
        id: 'PROBE-PUBLIC-IP',
        severity: 'error',
        title: 'Vault name resolves to a public IP',
        summary: 'The name resolves to a public IP from the runner.',
        section: 'dnsResolution',
        modes: ['inside']
    },
    {
        id: 'PROBE-WRONG-IP',
        severity: 'error',
        title: 'Vault name resolves to a wrong private IP',
        summary: 'It resolves to a private IP that is no effective PE IP.',
        section: 'dnsResolution',
        modes: ['inside']
    },
    {
        id: 'PROBE-HOSTS-OVERRIDE',
        severity: 'warning',
        title: 'Hosts file or OS resolver overrides DNS',
        summary: 'The OS resolver answers differently from DNS.',
        section: 'other',
        modes: ['inside']
    },
    {
        id: 'PROBE-PROXY',
        severity: 'warning',
        title: 'An HTTP(S) proxy applies to the vault',
        summary: 'An HTTP(S) proxy would apply to the vault.',
        section: 'other',
        modes: ['inside', 'outside']
    },
    {
        id: 'PROBE-CONNECT-FAILED',
        severity: 'error',
        title: 'No connection to the vault, or no answer in time',
        summary: 'No TCP connection on 443, a stalled TLS handshake, or no answer after connecting.',
        section: 'healthStatus',
        modes: ['inside']
    },
    {
        id: 'PROBE-TLS-FAILED',
        severity: 'error',
        title: 'TLS to the vault failed (certificate not valid, or handshake cut off)',
        summary: "The certificate is not valid for the vault's hostname (or the handshake was cut off).",
        section: 'healthStatus',
        modes: ['inside']
    },
    {
        id: 'PROBE-NOT-KEYVAULT',
        severity: 'error',
        title: 'Endpoint is not Key Vault',
        summary: '`/healthstatus` answered without `x-ms-keyvault-network-info`.',
        section: 'healthStatus',
        // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
        kinds: ['vault'],
        modes: ['inside']
    },
    {
        id: 'PROBE-PUBLIC-PATH',
        severity: 'error',
        title: 'Request reached the vault over the public path',
        summary: 'The request reached the vault from a public address.',
        section: 'healthStatus',
        // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
        kinds: ['vault'],
        modes: ['inside']
    },
    {
        id: 'PROBE-ROUTED',
        severity: 'info',
        title: 'Request routed through another private address',
        summary: "The vault saw another private address than the runner's.",
        section: 'healthStatus',
        // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
        kinds: ['vault'],
        modes: ['inside']
    },
    {
        id: 'PROBE-IP-DIVERGES',
        severity: 'warning',
        title: 'Private endpoint IP and name reach different endpoints',
        summary: 'By name and straight to the PE IP reach different endpoints.',
        section: 'healthStatus',
        // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
        kinds: ['vault'],
        modes: ['inside']
    },
    {
        id: 'PROBE-FORBIDDEN-BY-FIREWALL',
        severity: 'error',
        title: 'Firewall rejects the private path',
        summary: 'The data plane refused the private path (warning: the request failed, not verified).',
        section: 'healthStatus',
        // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
        kinds: ['vault'],
        modes: ['inside']
    },
    {
        id: 'PUBLIC-ACCESS-OPEN',
        severity: 'error',
        title: 'Vault accepts requests from the public Internet',
        summary: 'From outside, a request got past the network check (warning: not verified, e.g. this runner is not outside).',
        section: 'firewall',
        // Key Vault's /healthstatus header or data plane: not run for a managed HSM.
        kinds: ['vault'],
        modes: ['outside']
    }
];
const PROBE_RULES = PROBE_RULE_META.map((meta) => (0,rule/* defineRule */.Km)({ ...meta, needs: ['probe'], scope: 'probe', check: take(meta.id) }));

;// CONCATENATED MODULE: ./src/evaluate/rules/reading.ts






const DEFAULT_ACTION = {
    endpoint: 'Microsoft.Network/privateEndpoints/read',
    nic: 'Microsoft.Network/networkInterfaces/read',
    'zone-groups': 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups/read',
    'zone-scope': 'Microsoft.Network/privateDnsZones/read',
    zone: 'Microsoft.Network/privateDnsZones/read',
    'zone-links': 'Microsoft.Network/privateDnsZones/virtualNetworkLinks/read',
    'zone-records': 'Microsoft.Network/privateDnsZones/A/read',
    vnet: 'Microsoft.Network/virtualNetworks/read',
    'dns-path': 'Microsoft.Network/dnsResolvers/read'
};
/**
 * The names of the kind a failed read was about: the target's own kind, else (a name found as
 * neither kind, a failed discovery listing) the kind of the resource that failed.
 */
function failedNames(snapshot, subject, failure) {
    if ('vault' in subject && subject.vault.kind)
        return (0,model_model.namesOf)(snapshot, subject.vault);
    // A managed HSM's ID, or their listing (see `hsmListResource`).
    return (0,model_model.namesOf)(snapshot, { kind: (0,target/* kindOfResource */.OJ)(failure.resource) });
}
function defaultAction(snapshot, subject, failure) {
    if (subject.kind === 'vault' || subject.kind === 'discovery')
        return `${failedNames(snapshot, subject, failure).resourceType}/read`;
    return DEFAULT_ACTION[subject.kind];
}
/** The listed scope of a discovery failure (an HSM listing is recorded with its type). */
function discoveryScope(failure) {
    return failure.resource.replace(target/* HSM_RESOURCE */.Qv, '');
}
function describe(snapshot, subject, failure) {
    switch (subject.kind) {
        case 'vault':
            return `${failedNames(snapshot, subject, failure).label} ${subject.vault.name}`;
        case 'endpoint':
            return `private endpoint ${(0,arm_id/* nameOf */.Vb)(subject.peId)} of ${(0,model_model.namesOf)(snapshot, subject.vault).label} ${subject.vault.name}`;
        case 'nic':
            return `network interface ${(0,arm_id/* nameOf */.Vb)(failure.resource)} of private endpoint ${subject.pe.name}`;
        case 'zone-groups':
            return `the DNS zone groups of private endpoint ${subject.pe.name}`;
        case 'zone-scope':
            return `the private DNS zones in ${subject.scope}`;
        case 'zone':
            return `private DNS zone ${(0,arm_id/* nameOf */.Vb)(subject.zoneId)}, named by a private endpoint's DNS zone group`;
        case 'zone-links':
            return `the virtual network links of private DNS zone ${subject.zone.name} (resource group ${subject.zone.resourceGroup})`;
        case 'zone-records':
            return `the A records of private DNS zone ${subject.zone.name} (resource group ${subject.zone.resourceGroup})`;
        case 'vnet':
            return `virtual network ${(0,arm_id/* nameOf */.Vb)(subject.vnetId)}`;
        case 'dns-path':
            return `${subject.what} (for the clients' DNS path)`;
        case 'discovery':
            return `the ${failedNames(snapshot, subject, failure).label}s in ${discoveryScope(failure)}`;
    }
}
/** The description, followed by the resource ID unless the description already holds it. */
function named(snapshot, subject, failure) {
    const text = describe(snapshot, subject, failure);
    return text.includes(failure.resource) ? text : `${text} (${failure.resource})`;
}
const LISTED = {
    virtualnetworks: 'virtual networks',
    dnsresolvers: 'DNS private resolvers',
    dnsforwardingrulesets: 'DNS forwarding rulesets'
};
/** `…/providers/Microsoft.Network/dnsResolvers` → `DNS private resolvers`. */
function listedType(resource) {
    const type = (resource.split('/').pop() ?? '').toLowerCase();
    return LISTED[type] ?? type;
}
/** `/subscriptions/s/providers/…` → `/subscriptions/s`. */
function scopeOfListing(resource) {
    return resource.replace(/\/providers\/.*$/i, '');
}
/** A command that repeats the read, to see whether ARM answers now. */
function retryCommand(snapshot, subject, failure) {
    switch (subject.kind) {
        case 'vault':
            return vaultShow({
                place: {
                    name: subject.vault.name,
                    resourceGroup: subject.vault.resourceGroup ?? (0,arm_id/* resourceGroupOf */.Tp)(subject.vault.id),
                    subscriptionId: subject.vault.subscriptionId
                },
                names: failedNames(snapshot, subject, failure)
            });
        case 'endpoint':
            return endpointShow(subject.peId);
        case 'nic':
            return nicShow(failure.resource);
        case 'zone-groups':
            return zoneGroupList(subject.pe.id);
        case 'zone-scope':
            return zoneList(subject.scope);
        case 'zone':
            return zoneShow(subject.zoneId);
        case 'zone-links':
            return linkList((0,model_model.zonePlace)(subject.zone));
        case 'zone-records':
            return recordList((0,model_model.zonePlace)(subject.zone));
        case 'vnet':
            return vnetShow(subject.vnetId);
        case 'dns-path':
            return armGet(failure.resource);
        case 'discovery':
            return vaultList(discoveryScope(failure), failedNames(snapshot, subject, failure).kind);
    }
}
function vaultOf(subject) {
    return 'vault' in subject ? subject.vault.name : null;
}
function match(message, pattern) {
    return pattern.exec(message)?.[1] ?? null;
}
/**
 * The HTTP status and ARM code, as ARM gave them. Without a status there was no answer at all (a
 * timeout, a connection that failed): say so rather than a status ARM never sent.
 */
function httpText(failure, fallbackStatus) {
    const status = failure.status ?? (failure.kind === 'error' ? 'no answer' : String(fallbackStatus));
    return [status, failure.code].filter(Boolean).join(' ');
}
function notRunText(notRun, vault) {
    if (notRun.length === 0)
        return '';
    return `. Until then, these checks did not run${vault ? ` for ${vault}` : ''}: ${notRun.join(', ')}`;
}
function accessDenied(snapshot, subject, failure, notRun, options) {
    const reported = failure.action ?? match(failure.message, /action '([^']+)'/i);
    const action = reported ?? defaultAction(snapshot, subject, failure);
    const scope = (0,arm_id/* roleScope */.rw)(match(failure.message, /over scope '([^']+)'/i) ?? failure.resource);
    const assignee = options.assignee ??
        match(failure.message, /object id '([^']+)'/i) ??
        '<client-id-of-the-identity>';
    const role = 'Reader';
    const vault = vaultOf(subject);
    return {
        vault,
        resource: failure.resource,
        message: `The identity may not read ${named(snapshot, subject, failure)}: ARM answered ` +
            `${httpText(failure, 403)} ${reported ? `for ${action}` : `(it needs ${action})`}. ` +
            `Grant it ${role} on ${scope}${notRunText(notRun, vault)}`,
        observed: `${httpText(failure, 403)}: ${action}`,
        expected: `${role} (or another role with ${action}) on ${scope}`,
        fix: roleAssignment(assignee, role, scope),
        notRun
    };
}
function armError(snapshot, subject, failure, notRun) {
    const vault = vaultOf(subject);
    const notFound = failure.kind === 'not-found';
    return {
        vault,
        resource: failure.resource,
        message: (notFound
            ? `Azure Resource Manager answered ${httpText(failure, 404)} for ${named(snapshot, subject, failure)}`
            : `Azure Resource Manager kept failing to read ${named(snapshot, subject, failure)}: ${httpText(failure, 500)}`) +
            // ARM's messages usually end in a full stop of their own.
            `: ${failure.message.replace(/[.\s]+$/, '')}${notRunText(notRun, vault)}. ` +
            (notFound
                ? 'Check that the resource still exists'
                : 'Run the job again; if it persists, check Azure status and the resource health'),
        observed: `${httpText(failure, notFound ? 404 : 500)}: ${failure.message}`,
        expected: 'a successful read',
        fix: retryCommand(snapshot, subject, failure),
        notRun
    };
}
function vaultNotFound(snapshot, vault, failure) {
    // A name that was looked up as both kinds and found as neither has no kind.
    const kinds = vault.kind ? [vault.kind] : ['vault', 'managedHsm'];
    const label = vault.kind ? (0,model_model.namesOf)(snapshot, vault).Label : 'Key vault or managed HSM';
    const group = vault.resourceGroup ?? (0,arm_id/* resourceGroupOf */.Tp)(vault.id);
    const where = `${group ? `resource group ${group} of ` : ''}subscription ${vault.subscriptionId}`;
    return {
        vault: vault.name,
        resource: vault.id,
        message: `${label} ${vault.name} was not found in ${where} (${httpText(failure, 404)}: ${failure.message}). ` +
            `Check the name and the resource-group and subscription-id inputs; a deleted ${vault.kind === 'managedHsm' ? 'HSM' : 'vault'} may still be recoverable ` +
            `(az keyvault recover)`,
        observed: 'not found',
        expected: `${label.charAt(0).toLowerCase()}${label.slice(1)} ${vault.name} in ${where}`,
        fix: steps(vaultFind(vault.name, vault.subscriptionId), ...kinds.map((kind) => vaultShowDeleted(vault.name, vault.subscriptionId, kind)))
    };
}
function discoveryNotFound(snapshot, subject, failure) {
    const scope = discoveryScope(failure);
    const names = failedNames(snapshot, subject, failure);
    return {
        vault: null,
        resource: failure.resource,
        message: `Listing the ${names.label}s in ${scope} failed with ${httpText(failure, 404)}: ${failure.message}. ` +
            `No ${names.label} there could be checked: check the resource-group and subscription-id inputs`,
        observed: 'not found',
        expected: `${scope} exists`,
        fix: vaultList((0,arm_id/* subscriptionOf */.XD)(scope) ? `/subscriptions/${(0,arm_id/* subscriptionOf */.XD)(scope)}` : scope, names.kind)
    };
}
/**
 * Every failed read of the run, once each (the collector may record one failure object in two
 * places: a zone with a bad ID fails both its links and its records), in report order.
 */
function failedReads(snapshot) {
    const reads = [];
    const seen = new Set();
    const add = (subject, failure) => {
        if (!failure || seen.has(failure))
            return;
        seen.add(failure);
        reads.push({ subject, failure });
    };
    for (const failure of snapshot.discoveryFailures)
        add({ kind: 'discovery' }, failure);
    for (const scope of snapshot.zoneScopes)
        add({ kind: 'zone-scope', scope: scope.scope }, scope.failure);
    for (const failure of snapshot.zoneFailures ?? []) {
        // A 404: the zone group points at a deleted zone. DNS-ZONE-MISSING / DNS-ZONE-MISNAMED say so
        // where it matters; it is no failure to read.
        if (failure.kind !== 'not-found')
            add({ kind: 'zone', zoneId: failure.resource }, failure);
    }
    for (const zone of snapshot.zones) {
        add({ kind: 'zone-links', zone }, zone.linksFailure);
        add({ kind: 'zone-records', zone }, zone.recordsFailure);
    }
    for (const [key, vnet] of Object.entries(snapshot.virtualNetworks)) {
        if ('failure' in vnet)
            add({ kind: 'vnet', vnetId: vnet.failure.resource || key }, vnet.failure);
    }
    const path = snapshot.dnsPath;
    for (const failure of path?.failures ?? []) {
        add({
            kind: 'dns-path',
            what: `the ${listedType(failure.resource)} in ${scopeOfListing(failure.resource)}`
        }, failure);
    }
    for (const resolver of path?.resolvers ?? []) {
        add({ kind: 'dns-path', what: `the inbound endpoints of DNS private resolver ${resolver.name}` }, resolver.inboundEndpointsFailure);
    }
    for (const ruleset of path?.rulesets ?? []) {
        add({ kind: 'dns-path', what: `the forwarding rules of DNS forwarding ruleset ${ruleset.name}` }, ruleset.rulesFailure);
        add({ kind: 'dns-path', what: `the VNet links of DNS forwarding ruleset ${ruleset.name}` }, ruleset.vnetLinksFailure);
    }
    for (const vault of snapshot.vaults) {
        if (vault.failure) {
            add({ kind: 'vault', vault }, vault.failure);
            continue;
        }
        const peIds = [
            ...vault.connections.flatMap((conn) => conn.privateEndpointId ? [conn.privateEndpointId] : []),
            ...Object.keys(vault.privateEndpointFailures)
        ];
        for (const peId of peIds) {
            const failure = vault.privateEndpointFailures[(0,collect_snapshot/* idKey */.T)(peId)];
            add({ kind: 'endpoint', vault, peId: failure?.resource ?? peId }, failure);
        }
        const endpoints = Object.values(vault.privateEndpoints).filter((pe) => pe !== null);
        for (const pe of endpoints) {
            for (const failure of pe.nicFailures)
                add({ kind: 'nic', vault, pe }, failure);
            add({ kind: 'zone-groups', vault, pe }, pe.dnsZoneGroupsFailure);
        }
    }
    return reads;
}
const failedReadsByRun = new WeakMap();
/** `failedReads` of the run, found once: the three reading rules each go through them all. */
function failedReadsOf(ctx) {
    let reads = failedReadsByRun.get(ctx);
    if (!reads)
        failedReadsByRun.set(ctx, (reads = failedReads(ctx.snapshot)));
    return reads;
}
/** A read that was there but did not answer as ARM should (ACCESS-DENIED or ARM-ERROR). */
function isNotFoundFinding(read) {
    return (read.failure.kind === 'not-found' &&
        (read.subject.kind === 'vault' || read.subject.kind === 'discovery'));
}
function blocked(ctx, read) {
    if (read.subject.kind === 'vault')
        return { notRun: ctx.targetRules, affected: [] };
    if (read.subject.kind === 'discovery')
        return { notRun: ctx.targetRules, affected: [] };
    const { rules, vaults } = ctx.blockedBy(read.failure);
    return { notRun: rules, affected: vaults };
}
function withAffected(draft, affected) {
    // Only shared reads need the list: a vault's own failure is reported under its name.
    const others = affected.filter((name) => name.toLowerCase() !== draft.vault?.toLowerCase());
    return others.length > 0 ? { ...draft, affectedVaults: others } : draft;
}
const READING_RULES = [
    (0,rule/* defineRule */.Km)({
        id: 'VAULT-NOT-FOUND',
        severity: 'error',
        title: 'Vault not found',
        summary: 'A named vault does not exist.',
        section: 'reading',
        needs: ['vault', 'discovery'],
        scope: 'run',
        check(ctx, out) {
            const snapshot = ctx.snapshot;
            for (const read of failedReadsOf(ctx)) {
                if (!isNotFoundFinding(read))
                    continue;
                out.finding(read.subject.kind === 'vault'
                    ? vaultNotFound(snapshot, read.subject.vault, read.failure)
                    : discoveryNotFound(snapshot, read.subject, read.failure));
            }
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'ACCESS-DENIED',
        severity: 'error',
        title: 'Access denied to a resource a check needs',
        summary: 'The identity may not read something a check needs.',
        section: 'reading',
        needs: [],
        scope: 'run',
        check(ctx, out) {
            for (const read of failedReadsOf(ctx)) {
                if (read.failure.kind !== 'denied')
                    continue;
                const { notRun, affected } = blocked(ctx, read);
                out.finding(withAffected(accessDenied(ctx.snapshot, read.subject, read.failure, notRun, ctx.options), affected));
            }
        }
    }),
    (0,rule/* defineRule */.Km)({
        id: 'ARM-ERROR',
        severity: 'error',
        title: 'Azure Resource Manager kept failing',
        summary: 'ARM kept failing for a resource.',
        section: 'reading',
        needs: [],
        scope: 'run',
        check(ctx, out) {
            for (const read of failedReadsOf(ctx)) {
                if (read.failure.kind === 'denied' || isNotFoundFinding(read))
                    continue;
                const { notRun, affected } = blocked(ctx, read);
                out.finding(withAffected(armError(ctx.snapshot, read.subject, read.failure, notRun), affected));
            }
        }
    })
];

;// CONCATENATED MODULE: ./src/evaluate/rules/index.ts
/** Every rule, in catalogue order: the order of the contract's tables and of the report. */









const ALL_RULES = [
    ...READING_RULES,
    ...CONNECTION_RULES,
    ...FIREWALL_RULES,
    ...DNS_RULES,
    ...NETWORK_RULES,
    ...CLIENT_VNET_RULES,
    ...DNS_PATH_RULES,
    ...PLAN_RULES,
    ...PROBE_RULES,
    ...PROBE_DNS_RULES
];


/***/ }),

/***/ 5352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ CLOUDS)
/* harmony export */ });
const CLOUDS = {
    AzureCloud: {
        name: 'AzureCloud',
        armEndpoint: 'https://management.azure.com',
        authorityHost: 'https://login.microsoftonline.com',
        vaultDnsSuffix: 'vault.azure.net',
        privateLinkZone: 'privatelink.vaultcore.azure.net',
        vaultAudience: 'https://vault.azure.net'
    },
    AzureUSGovernment: {
        name: 'AzureUSGovernment',
        armEndpoint: 'https://management.usgovcloudapi.net',
        authorityHost: 'https://login.microsoftonline.us',
        vaultDnsSuffix: 'vault.usgovcloudapi.net',
        privateLinkZone: 'privatelink.vaultcore.usgovcloudapi.net',
        vaultAudience: 'https://vault.usgovcloudapi.net'
    },
    AzureChinaCloud: {
        name: 'AzureChinaCloud',
        armEndpoint: 'https://management.chinacloudapi.cn',
        authorityHost: 'https://login.chinacloudapi.cn',
        vaultDnsSuffix: 'vault.azure.cn',
        privateLinkZone: 'privatelink.vaultcore.azure.cn',
        vaultAudience: 'https://vault.azure.cn'
    }
};


/***/ }),

/***/ 1264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dz: () => (/* binding */ InputError),
  W_: () => (/* binding */ isGuid),
  Zt: () => (/* binding */ isResourceGroupName),
  TL: () => (/* binding */ parseInputs),
  LF: () => (/* binding */ parseMergeInputs),
  WU: () => (/* binding */ show),
  ry: () => (/* binding */ splitList)
});

// UNUSED EXPORTS: PROBE_TIMEOUT_MAX_SECONDS, TTL_LIMIT, VAULT_NAME_RULE, isTenantDomain, isVaultName

// EXTERNAL MODULE: ./node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __webpack_require__(8280);
var ipaddr_default = /*#__PURE__*/__webpack_require__.n(ipaddr);
// EXTERNAL MODULE: ./src/evaluate/catalog.ts
var catalog = __webpack_require__(384);
// EXTERNAL MODULE: ./src/common/target.ts
var target = __webpack_require__(8348);
// EXTERNAL MODULE: ./src/logger.ts
var logger = __webpack_require__(6999);
// EXTERNAL MODULE: ./src/plan/plan.ts
var plan = __webpack_require__(8720);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/plan/terraform.ts
var terraform = __webpack_require__(467);
// EXTERNAL MODULE: ./src/common/arm-id.ts
var arm_id = __webpack_require__(5765);
;// CONCATENATED MODULE: ./src/plan/whatif.ts
/**
 * ARM what-if results: the Azure CLI's `--no-pretty-print` JSON (top-level `status` and
 * `changes[]`) and the REST `WhatIfOperationResult` (`status`, `properties.changes[]`). Each
 * change's `after` is the resource's ARM JSON, read like a GET of it (apply.ts keeps the live
 * values of read-only properties, which a template never carries).
 */


function changesOf(document) {
    if (Array.isArray(document.changes))
        return document.changes;
    const properties = document.properties;
    if ((0,plan/* isObject */.Gv)(properties) && Array.isArray(properties.changes))
        return properties.changes;
    return null;
}
function isWhatIf(document) {
    // A failed what-if carries `error` instead of changes.
    return ((0,plan/* isObject */.Gv)(document) &&
        typeof document.status === 'string' &&
        (changesOf(document) !== null || (0,plan/* isObject */.Gv)(document.error)));
}
/**
 * What each `changeType` does to the live state. Create/Modify/Deploy take `after`; NoChange
 * leaves it (after equals before); Ignore and Unsupported are left alone; `NoEffect` (a property
 * change type that some tools print at the resource level) too.
 */
const ACTIONS = {
    create: 'create',
    modify: 'modify',
    deploy: 'modify',
    delete: 'delete',
    nochange: null,
    ignore: null,
    noeffect: null,
    unsupported: null
};
/** `Microsoft.Network/privateDnsZones/A` from an ID's provider and type segments. */
function typeOfId(id) {
    const parsed = (0,arm_id/* parseResourceId */.RQ)(id);
    return parsed ? `${parsed.provider}/${parsed.types.join('/')}` : null;
}
function parseWhatIf(document, path) {
    const status = typeof document.status === 'string' ? document.status : String(document.status);
    if (status.toLowerCase() !== 'succeeded') {
        const error = (0,plan/* isObject */.Gv)(document.error) ? document.error : null;
        const why = error && typeof error.message === 'string' ? `: ${error.message.split('\n')[0]}` : '';
        throw new plan/* PlanError */.W6(`the what-if's status is '${status}', not 'Succeeded'${why}`);
    }
    const changes = [];
    const ignoredTypes = [];
    let ignored = 0;
    for (const [index, raw] of (changesOf(document) ?? []).entries()) {
        if (!(0,plan/* isObject */.Gv)(raw))
            throw new plan/* PlanError */.W6(`changes[${index}] is not an object`);
        const changeType = typeof raw.changeType === 'string' ? raw.changeType : '';
        if (!Object.hasOwn(ACTIONS, changeType.toLowerCase())) {
            throw new plan/* PlanError */.W6(`changes[${index}] has changeType '${changeType}', which what-if does not give`);
        }
        const action = ACTIONS[changeType.toLowerCase()] ?? null;
        const after = (0,plan/* isObject */.Gv)(raw.after) ? raw.after : null;
        const before = (0,plan/* isObject */.Gv)(raw.before) ? raw.before : null;
        const id = (typeof raw.resourceId === 'string' && raw.resourceId) ||
            (typeof after?.id === 'string' && after.id) ||
            (typeof before?.id === 'string' && before.id) ||
            '';
        const rawType = (typeof after?.type === 'string' && after.type) ||
            (typeof before?.type === 'string' && before.type) ||
            typeOfId(id) ||
            '';
        const type = (0,plan/* understoodType */.oD)(rawType);
        if (!type || !id) {
            ignored++;
            if (rawType && !ignoredTypes.includes(rawType))
                ignoredTypes.push(rawType);
            continue;
        }
        if (action === null)
            continue;
        if (action !== 'delete' && !after) {
            // ResourceIdOnly results carry no payload: nothing to apply but the fact of the change.
            throw new plan/* PlanError */.W6(`changes[${index}] (${changeType} ${id}) has no 'after': run what-if with full resource payloads (the Azure CLI's default)`);
        }
        changes.push({
            action,
            id,
            type,
            after: action === 'delete' ? null : { ...after, id, type },
            before: before ? { ...before, id, type } : null,
            source: id
        });
    }
    return { format: 'what-if', path, changes, ignored, ignoredTypes };
}

;// CONCATENATED MODULE: ./src/plan/read.ts
/**
 * Reads the `plan` input's file before any Azure call: a missing file, text that is not JSON, a
 * document of neither format, a Terraform `format_version` whose major is not 1 and a what-if whose
 * `status` is not `Succeeded` are each a `PlanError` (one line; inputs/parse.ts names the input).
 */





/** Plans bigger than this are refused rather than read into memory whole. */
const PLAN_MAX_BYTES = 256 * 1024 * 1024;
/** The plan file's path: relative paths are taken from the workspace, as the contract says. */
function planFilePath(path, workspace) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
}
/** @param subscription the run's `subscription-id`, for IDs a Terraform plan knows only after apply. */
function readPlan(path, workspace, subscription = null) {
    const file = planFilePath(path, workspace);
    let size;
    try {
        const stat = (0,external_node_fs_.statSync)(file);
        if (!stat.isFile())
            throw new plan/* PlanError */.W6(`not a file (${file})`);
        size = stat.size;
    }
    catch (error) {
        if (error instanceof plan/* PlanError */.W6)
            throw error;
        const code = error.code;
        throw new plan/* PlanError */.W6(code === 'ENOENT'
            ? `the file does not exist (looked for ${file}; a relative path is taken from the workspace)`
            : `the file cannot be read (${code ?? String(error)})`);
    }
    if (size > PLAN_MAX_BYTES) {
        throw new plan/* PlanError */.W6(`the file is ${size} bytes, more than the ${PLAN_MAX_BYTES} read`);
    }
    let document;
    try {
        document = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8').replace(/^\uFEFF/, ''));
    }
    catch (error) {
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new plan/* PlanError */.W6(`not JSON (${why}); give the output of 'terraform show -json <planfile>' or of 'az deployment group what-if --no-pretty-print'`);
    }
    return parsePlanDocument(document, path, subscription);
}
/** Detects the format from the content and parses it. */
function parsePlanDocument(document, path, subscription = null) {
    if ((0,terraform/* isTerraformPlan */.yu)(document))
        return (0,terraform/* parseTerraform */.u0)(document, path, subscription);
    if (isWhatIf(document))
        return parseWhatIf(document, path);
    throw new plan/* PlanError */.W6("neither a Terraform plan ('terraform show -json <planfile>': format_version and resource_changes) nor an ARM what-if result ('az deployment group what-if --no-pretty-print': status and changes)");
}

;// CONCATENATED MODULE: ./src/compare/baseline.ts
/**
 * Reads the `baseline` input before any Azure call: an earlier JSON report of this action (schema
 * version 1), e.g. last night's artifact. A path that does not exist is the first night (`null`,
 * and the run goes on as without one); a file that is not such a report is a `BaselineError`.
 */


class BaselineError extends Error {
}
const SEVERITIES = new Set(['error', 'warning', 'info', 'pass']);
/** `null` when the file does not exist; throws BaselineError when it is not a report. */
function readBaseline(path, workspace) {
    const file = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
    if (!(0,external_node_fs_.existsSync)(file))
        return null;
    let document;
    try {
        document = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8').replace(/^\uFEFF/, ''));
    }
    catch (error) {
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new BaselineError(`not JSON (${why}); give a JSON report of this action`);
    }
    const report = document;
    if (typeof document !== 'object' || document === null || report.schemaVersion !== 1) {
        throw new BaselineError('not a report of this action (schemaVersion 1): give the JSON report of an earlier run (output report-path)');
    }
    if (!Array.isArray(report.findings)) {
        throw new BaselineError('the report has no findings list');
    }
    const findings = report.findings;
    const bad = findings.findIndex((f) => typeof f !== 'object' ||
        f === null ||
        typeof f.rule !== 'string' ||
        typeof f.resource !== 'string' ||
        !SEVERITIES.has(f.severity) ||
        (f.vault !== null && typeof f.vault !== 'string'));
    if (bad >= 0) {
        throw new BaselineError(`finding ${bad + 1} is not a finding (rule, severity, vault, resource)`);
    }
    return {
        path,
        generatedAt: typeof report.generatedAt === 'string' ? report.generatedAt : null,
        findings
    };
}

;// CONCATENATED MODULE: ./src/inputs/client-vnets.ts
/**
 * `client-vnets`: VNets whose workloads must reach the vaults privately (see the contract's
 * "Client VNets and the DNS path"). Entries: a full VNet resource ID, `<resource-group>/<vnet>`
 * in `subscription-id`, or the word `peered` (every VNet peered with a private endpoint's VNet).
 */

const VNET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9_]$/;
const ALLOWED = 'expected a VNet resource ID (/subscriptions/<GUID>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<name>), ' +
    "<resource-group>/<vnet> in 'subscription-id', or the word 'peered'";
function parseClientVnets(raw, subscriptionId) {
    const ids = new Map();
    let peered = false;
    for (const entry of splitList(raw)) {
        if (entry.toLowerCase() === 'peered') {
            peered = true;
            continue;
        }
        const id = parseEntry(entry, subscriptionId);
        if (!ids.has(id.toLowerCase()))
            ids.set(id.toLowerCase(), id);
    }
    return { ids: [...ids.values()], peered };
}
function parseEntry(entry, subscriptionId) {
    const bad = (what) => new InputError('client-vnets', `Input 'client-vnets' has '${show(entry)}': ${what}`);
    const full = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)\/?$/i.exec(entry);
    const short = /^([^/]+)\/([^/]+)$/.exec(entry);
    const [subscription, group, name] = full
        ? [full[1] ?? '', full[2] ?? '', full[3] ?? '']
        : short
            ? [subscriptionId, short[1] ?? '', short[2] ?? '']
            : [null, '', ''];
    if (subscription === null)
        throw bad(ALLOWED);
    if (!isGuid(subscription))
        throw bad('the subscription must be a GUID');
    if (!isResourceGroupName(group))
        throw bad(`'${show(group)}' is not a resource group name`);
    if (!VNET_NAME.test(name)) {
        throw bad(`'${show(name)}' is not a VNet name (2–64 letters, digits, '.', '_' or '-'; starts with a letter or digit, ends with a letter, digit or '_')`);
    }
    return `/subscriptions/${subscription.toLowerCase()}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks/${name}`;
}

// EXTERNAL MODULE: ./src/inputs/cloud.ts
var inputs_cloud = __webpack_require__(5352);
;// CONCATENATED MODULE: ./src/inputs/parse.ts
/**
 * Parses and validates every input of action.yml before any Azure call. A bad value throws an
 * `InputError` whose message is one line naming the input, the value and what is allowed.
 *
 * Decisions where the contract is silent:
 * - Empty inputs take the contract's defaults (the runner fills action.yml defaults in, but tests
 *   and local runs may not).
 * - `subscription-id` is required, except when `vaults` is not empty and every entry is a full
 *   resource ID: then it defaults to the subscription of the first ID.
 * - `auth: auto` with only `client-id` set uses the default chain, with `client-id` as the
 *   user-assigned managed identity / workload identity client ID (see credential.ts).
 * - Vault entries are de-duplicated by name, case-insensitively (vault names are globally unique
 *   DNS labels); when the same vault is given by name and by ID, the ID wins. A resource ID may name
 *   a key vault or a managed HSM (`managedHSMs`, any case); a bare name is either.
 * - `dns-servers` entries keep the spelling the user gave (IPv6 with a port as `[addr]:port`), in a
 *   form `dns.Resolver#setServers` accepts.
 * - `report: comment` needs a non-empty `github-token`.
 */









/** A bad input. `message` is one line: the input, the value and what is allowed. */
class InputError extends Error {
    /** The input's name as in action.yml, e.g. `ttl-min`. */
    input;
    constructor(input, message) {
        super(message);
        this.name = 'InputError';
        this.input = input;
    }
}
const TTL_LIMIT = 2147483647;
const PROBE_TIMEOUT_MAX_SECONDS = 60;
const VAULT_NAME_RULE = "a vault name is 3-24 characters, letters, digits and hyphens, starts with a letter, ends with a letter or digit, and has no '--'";
const RESOURCE_GROUP_RULE = "a resource group name is 1-90 characters, letters, digits, '_', '-', '.', '(' and ')', and does not end with '.'";
const GUID_RULE = 'a GUID like 00000000-0000-0000-0000-000000000000';
const VAULT_ID_SHAPE = '/subscriptions/<subscription GUID>/resourceGroups/<resource group>/providers/Microsoft.KeyVault/vaults/<vault name> (or .../Microsoft.KeyVault/managedHSMs/<HSM name>)';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VAULT_NAME = /^[a-z][a-z0-9-]{1,22}[a-z0-9]$/i;
const RESOURCE_GROUP = /^[\p{L}\p{N}_\-.()]{1,90}$/u;
const VAULT_ID = /^\/subscriptions\/([^/]*)\/resourceGroups\/([^/]*)\/providers\/Microsoft\.KeyVault\/(vaults|managedHSMs)\/([^/]*)\/?$/i;
function isGuid(value) {
    return GUID.test(value);
}
function isVaultName(value) {
    return VAULT_NAME.test(value) && !value.includes('--');
}
function isResourceGroupName(value) {
    return RESOURCE_GROUP.test(value) && !value.endsWith('.');
}
/**
 * @param get reads one input by its action.yml name (`core.getInput`-like: '' when unset).
 * @param env the process environment (RUNNER_ENVIRONMENT, GITHUB_WORKFLOW, GITHUB_JOB).
 */
function parseInputs(get, env) {
    const read = (name) => (get(name) ?? '').trim();
    // Sign-in
    const authMode = choice(read, 'auth', ['auto', 'oidc', 'default'], 'auto');
    const clientId = optionalGuid(read, 'client-id');
    const tenantId = parseTenant(read('tenant-id'));
    if (authMode === 'oidc') {
        for (const [name, value] of [
            ['client-id', clientId],
            ['tenant-id', tenantId]
        ]) {
            if (!value) {
                throw new InputError(name, `Input '${name}' is empty: 'auth: oidc' needs both 'client-id' and 'tenant-id' (or use 'auth: default')`);
            }
        }
    }
    const auth = authMode === 'auto' ? (clientId && tenantId ? 'oidc' : 'default') : authMode;
    // Scope
    const resourceGroupRaw = read('resource-group');
    if (resourceGroupRaw && !isResourceGroupName(resourceGroupRaw)) {
        throw new InputError('resource-group', `Input 'resource-group' is '${show(resourceGroupRaw)}': ${RESOURCE_GROUP_RULE}`);
    }
    const resourceGroup = resourceGroupRaw || null;
    const entries = parseVaultEntries(read('vaults'));
    const subscriptionId = parseSubscription(read('subscription-id'), entries);
    const vaults = entries.map((entry) => entry.id ? entry : { name: entry.name, subscriptionId, resourceGroup, id: null });
    const dnsZoneScopes = parseZoneScopes(read('dns-zone-scopes'));
    const clientVnets = parseClientVnets(read('client-vnets'), subscriptionId);
    // Checks
    const publicNetworkAccess = choice(read, 'public-network-access', ['disabled', 'restricted', 'any'], 'disabled');
    const ttlMin = wholeSeconds(read, 'ttl-min', 10);
    const ttlMax = wholeSeconds(read, 'ttl-max', 600);
    if (ttlMin > ttlMax) {
        throw new InputError('ttl-min', `Input 'ttl-min' (${ttlMin}) is greater than 'ttl-max' (${ttlMax})`);
    }
    // Probe
    const probeMode = choice(read, 'probe', ['auto', 'inside', 'outside', 'off'], 'auto');
    const probe = probeMode === 'auto' ? autoProbe(env) : probeMode;
    const dnsServers = splitList(read('dns-servers')).map(parseDnsServer);
    const probeTimeoutSeconds = parseProbeTimeout(read('probe-timeout'));
    /** `probe: auto` (contract): `inside` on self-hosted runners, `outside` on GitHub-hosted ones. */
    function autoProbe(environment) {
        const runner = (environment.RUNNER_ENVIRONMENT ?? '').trim().toLowerCase();
        if (runner === 'self-hosted')
            return 'inside';
        if (runner === 'github-hosted')
            return 'outside';
        logger/* logger */.vF.notice(`probe: auto chose 'outside' because RUNNER_ENVIRONMENT is ${runner ? `'${show(runner)}'` : 'not set'} ` +
            `(older self-hosted runners do not set it). If this runner reaches the vaults privately, the outside ` +
            `probe reports PUBLIC-ACCESS-OPEN as a warning that the public path was not verified, never as an ` +
            `error; set 'probe: inside' (or 'outside', or 'off') to choose explicitly`);
        return 'outside';
    }
    // Reporting
    const { report, githubToken, commentKey, failOn } = parseReporting(read, env);
    const ignore = parseIgnore(read('ignore'));
    // Cloud
    const cloud = parseCloud(read);
    // The proposed change: read last, so a cheap mistake elsewhere is reported without reading it.
    const plan = parsePlan(read('plan'), env, subscriptionId);
    const baseline = parseBaseline(read('baseline'), env);
    const gate = choice(read, 'gate', ['new', 'all'], plan ? 'new' : 'all');
    return {
        auth,
        clientId,
        tenantId,
        subscriptionId,
        vaults,
        resourceGroup,
        dnsZoneScopes,
        clientVnets: clientVnets.ids,
        clientVnetsPeered: clientVnets.peered,
        publicNetworkAccess,
        ttlMin,
        ttlMax,
        probe,
        dnsServers,
        probeTimeoutSeconds,
        report,
        githubToken,
        commentKey,
        failOn,
        ignore,
        plan,
        baseline,
        gate,
        cloud
    };
}
/**
 * `baseline`: an earlier JSON report, relative to the workspace. Absent (the first night): a
 * notice, and the run goes on without; not a report of this action: an input error.
 */
function parseBaseline(raw, env) {
    if (raw.trim() === '')
        return null;
    if (/[\r\n]/.test(raw.trim())) {
        throw new InputError('baseline', `Input 'baseline' is '${show(raw)}': expected one file path`);
    }
    try {
        const baseline = readBaseline(raw.trim(), env.GITHUB_WORKSPACE || process.cwd());
        if (!baseline) {
            logger/* logger */.vF.notice(`baseline: ${raw.trim()} does not exist (the first run?): this run is not compared with an earlier one`);
        }
        return baseline;
    }
    catch (error) {
        if (error instanceof BaselineError) {
            throw new InputError('baseline', `Input 'baseline' is '${show(raw)}': ${error.message}`);
        }
        throw error;
    }
}
/** `plan`: a path relative to the workspace (GITHUB_WORKSPACE, else the working directory). */
function parsePlan(raw, env, subscription) {
    if (raw === '')
        return null;
    if (/[\r\n]/.test(raw)) {
        throw new InputError('plan', `Input 'plan' is '${show(raw)}': expected one file path`);
    }
    try {
        return readPlan(raw, env.GITHUB_WORKSPACE || process.cwd(), subscription);
    }
    catch (error) {
        if (error instanceof plan/* PlanError */.W6) {
            throw new InputError('plan', `Input 'plan' is '${show(raw)}': ${error.message}`);
        }
        throw error;
    }
}
/**
 * The inputs of a `merge-reports` run, checked as `parseInputs` checks them. `gate` is null when
 * not given: its default (`new` with a plan) depends on the reports merged.
 */
function parseMergeInputs(get, env) {
    const read = (name) => (get(name) ?? '').trim();
    const gate = read('gate') === '' ? null : choice(read, 'gate', ['new', 'all'], 'all');
    return { ...parseReporting(read, env), gate };
}
/** `report`, `github-token`, `comment-key` and `fail-on`: how a run (or a merge) reports. */
function parseReporting(read, env) {
    const report = parseReport(read('report'));
    const githubToken = read('github-token');
    if (report.includes('comment') && !githubToken) {
        throw new InputError('github-token', "Input 'github-token' is empty: 'report: comment' needs a token that may write pull request comments (the default, ${{ github.token }}, does with 'permissions: pull-requests: write')");
    }
    const commentKey = parseCommentKey(read('comment-key'), env);
    const failOn = choice(read, 'fail-on', ['error', 'warning', 'never'], 'error');
    return { report, githubToken, commentKey, failOn };
}
/** Newline- or comma-separated entries, trimmed, blanks dropped. */
function splitList(raw) {
    return raw
        .split(/[\r\n,]/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
}
/** A value as it may appear inside a one-line message: control characters escaped, long values cut. */
function show(value) {
    // eslint-disable-next-line no-control-regex -- control characters are what it escapes
    const oneLine = value.replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1));
    return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine;
}
function choice(read, name, allowed, fallback) {
    const raw = read(name);
    if (raw === '')
        return fallback;
    const found = allowed.find((value) => value === raw.toLowerCase());
    if (found === undefined) {
        throw new InputError(name, `Input '${name}' is '${show(raw)}': expected one of ${allowed.join(', ')}`);
    }
    return found;
}
function optionalGuid(read, name) {
    const raw = read(name);
    if (raw === '')
        return null;
    if (!isGuid(raw))
        throw new InputError(name, `Input '${name}' is '${show(raw)}': expected ${GUID_RULE}`);
    return raw.toLowerCase();
}
/**
 * Entra takes a tenant by its ID or by any of its domain names (the `<name>.onmicrosoft.com` one,
 * or a verified custom domain): `login.microsoftonline.com/<either>/oauth2/v2.0/token`.
 */
function parseTenant(raw) {
    if (raw === '')
        return null;
    if (isGuid(raw) || isTenantDomain(raw))
        return raw.toLowerCase();
    throw new InputError('tenant-id', `Input 'tenant-id' is '${show(raw)}': expected the tenant's ID, ${GUID_RULE}, or one of its domain names, e.g. contoso.onmicrosoft.com`);
}
/** A DNS name of two or more labels whose last label is a top-level domain (letters, or IDN). */
function isTenantDomain(value) {
    if (value.length > 253)
        return false;
    const labels = value.split('.');
    const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
    const top = labels[labels.length - 1] ?? '';
    return (labels.length >= 2 &&
        labels.every((part) => label.test(part)) &&
        (/^[a-z]{2,63}$/i.test(top) || /^xn--[a-z0-9-]{1,59}$/i.test(top)));
}
function wholeSeconds(read, name, fallback) {
    const raw = read(name);
    if (raw === '')
        return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(value <= TTL_LIMIT)) {
        throw new InputError(name, `Input '${name}' is '${show(raw)}': expected a whole number of seconds from 0 to ${TTL_LIMIT}`);
    }
    return value;
}
function parseVaultEntries(raw) {
    const byName = new Map();
    for (const entry of splitList(raw)) {
        const parsed = parseVaultRef(entry);
        const key = parsed.name.toLowerCase();
        const seen = byName.get(key);
        if (!seen || (!seen.id && parsed.id))
            byName.set(key, parsed);
    }
    return [...byName.values()];
}
/** A vault name, or a full resource ID (subscription and resource group filled in from it). */
function parseVaultRef(entry) {
    const bad = (what) => new InputError('vaults', `Input 'vaults' has '${show(entry)}': ${what}`);
    if (/^https?:\/\//i.test(entry) || (!entry.includes('/') && entry.includes('.'))) {
        const host = entry.replace(/^https?:\/\//i, '').split(/[./:]/)[0] ?? '';
        const example = isVaultName(host) ? ` ('${host}')` : '';
        throw bad(`give the vault's name${example} or its full resource ID, not its URI or host name`);
    }
    if (!entry.includes('/')) {
        if (!isVaultName(entry))
            throw bad(VAULT_NAME_RULE);
        return { name: entry, subscriptionId: '', resourceGroup: null, id: null };
    }
    const match = VAULT_ID.exec(entry);
    if (!match)
        throw bad(`a vault resource ID is ${VAULT_ID_SHAPE}`);
    const [, subscription = '', resourceGroup = '', type = '', name = ''] = match;
    const kind = type.toLowerCase() === 'managedhsms' ? 'managedHsm' : 'vault';
    if (!isGuid(subscription)) {
        throw bad(`the subscription in a vault resource ID must be ${GUID_RULE}`);
    }
    if (!isResourceGroupName(resourceGroup))
        throw bad(RESOURCE_GROUP_RULE);
    if (!isVaultName(name))
        throw bad(VAULT_NAME_RULE);
    const subscriptionId = subscription.toLowerCase();
    return {
        name,
        subscriptionId,
        resourceGroup,
        id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${(0,target/* targetNames */.i)('AzureCloud', kind).resourceType}/${name}`,
        kind
    };
}
function parseSubscription(raw, vaults) {
    if (raw !== '') {
        if (!isGuid(raw)) {
            throw new InputError('subscription-id', `Input 'subscription-id' is '${show(raw)}': expected the subscription's ID, ${GUID_RULE} (not its name)`);
        }
        return raw.toLowerCase();
    }
    const first = vaults[0];
    if (first && vaults.every((vault) => vault.id !== null))
        return first.subscriptionId;
    throw new InputError('subscription-id', `Input 'subscription-id' is empty: expected the ID of the subscription that holds the vaults, ${GUID_RULE} (it may be left out only when every entry of 'vaults' is a full resource ID)`);
}
function parseZoneScopes(raw) {
    const scopes = new Map();
    for (const entry of splitList(raw)) {
        const scope = parseZoneScope(entry);
        if (!scopes.has(scope.toLowerCase()))
            scopes.set(scope.toLowerCase(), scope);
    }
    return [...scopes.values()];
}
function parseZoneScope(entry) {
    const bad = (what) => new InputError('dns-zone-scopes', `Input 'dns-zone-scopes' has '${show(entry)}': ${what}`);
    const allowed = 'expected a subscription (<GUID> or /subscriptions/<GUID>) or a resource group (/subscriptions/<GUID>/resourceGroups/<name>)';
    if (isGuid(entry))
        return `/subscriptions/${entry.toLowerCase()}`;
    const match = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?\/?$/i.exec(entry);
    if (!match)
        throw bad(allowed);
    const [, subscription = '', resourceGroup] = match;
    if (!isGuid(subscription))
        throw bad(`the subscription must be ${GUID_RULE}`);
    if (resourceGroup === undefined)
        return `/subscriptions/${subscription.toLowerCase()}`;
    if (!isResourceGroupName(resourceGroup))
        throw bad(RESOURCE_GROUP_RULE);
    return `/subscriptions/${subscription.toLowerCase()}/resourceGroups/${resourceGroup}`;
}
function parseDnsServer(entry) {
    const bad = (what) => new InputError('dns-servers', `Input 'dns-servers' has '${show(entry)}': ${what}`);
    const allowed = 'expected an IP address, optionally with a port (10.0.0.4, 10.0.0.4:53, fd00::4, [fd00::4]:53)';
    if (ipaddr_default().IPv4.isValidFourPartDecimal(entry) || ipaddr_default().IPv6.isValid(entry))
        return entry;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const withPort = /^([^:]+):(\d+)$/.exec(entry);
    let address;
    let port;
    if (bracketed) {
        ;
        [, address = '', port] = bracketed;
        if (!ipaddr_default().IPv6.isValid(address))
            throw bad(allowed);
    }
    else if (withPort) {
        ;
        [, address = '', port] = withPort;
        if (!ipaddr_default().IPv4.isValidFourPartDecimal(address))
            throw bad(allowed);
    }
    else {
        throw bad(allowed);
    }
    if (port === undefined)
        return address;
    const portNumber = Number(port);
    if (!(portNumber >= 1 && portNumber <= 65535))
        throw bad('the port must be from 1 to 65535');
    return address.includes(':') ? `[${address}]:${portNumber}` : `${address}:${portNumber}`;
}
function parseProbeTimeout(raw) {
    if (raw === '')
        return 5;
    const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!(value > 0 && value <= PROBE_TIMEOUT_MAX_SECONDS)) {
        throw new InputError('probe-timeout', `Input 'probe-timeout' is '${show(raw)}': expected a number of seconds greater than 0 and at most ${PROBE_TIMEOUT_MAX_SECONDS}`);
    }
    return value;
}
function parseReport(raw) {
    if (raw === '')
        return ['summary'];
    const targets = [];
    for (const entry of splitList(raw)) {
        const target = entry.toLowerCase();
        if (target !== 'summary' && target !== 'comment') {
            throw new InputError('report', `Input 'report' has '${show(entry)}': expected summary and/or comment, comma separated`);
        }
        if (!targets.includes(target))
            targets.push(target);
    }
    if (targets.length === 0) {
        throw new InputError('report', `Input 'report' is '${show(raw)}': expected summary and/or comment, comma separated`);
    }
    return targets;
}
function parseCommentKey(raw, env) {
    if (raw === '') {
        const parts = [env.GITHUB_WORKFLOW, env.GITHUB_JOB].map((part) => (part ?? '').trim());
        return parts.some((part) => part !== '') ? parts.join('/') : 'kv-private-link-doctor';
    }
    if (/[\r\n]/.test(raw)) {
        throw new InputError('comment-key', `Input 'comment-key' is '${show(raw)}': expected one line of text`);
    }
    return raw;
}
function parseIgnore(raw) {
    const seen = new Set();
    const suppressions = [];
    for (const entry of splitList(raw)) {
        const at = entry.indexOf('@');
        const rulePart = (at === -1 ? entry : entry.slice(0, at)).trim().toUpperCase();
        const vaultPart = at === -1 ? null : entry.slice(at + 1).trim();
        if (!(0,catalog/* isRuleId */.KX)(rulePart)) {
            const near = closestRuleId(rulePart);
            const hint = near ? `did you mean ${near}? ` : '';
            throw new InputError('ignore', `Input 'ignore' has '${show(entry)}': not a rule ID of this action (${hint}see docs/rules.md for the list)`);
        }
        if (vaultPart !== null && !isVaultName(vaultPart)) {
            throw new InputError('ignore', `Input 'ignore' has '${show(entry)}': expected RULE or RULE@vault, and ${VAULT_NAME_RULE}`);
        }
        const key = `${rulePart}@${(vaultPart ?? '').toLowerCase()}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        suppressions.push({ rule: rulePart, vault: vaultPart });
    }
    return suppressions;
}
/** The catalogue's rule ID nearest to a typo (edit distance at most 3), if any. */
function closestRuleId(value) {
    let best = null;
    let bestDistance = 4;
    for (const id of catalog/* RULE_IDS */.Iu) {
        const distance = editDistance(value, id);
        if (distance < bestDistance) {
            best = id;
            bestDistance = distance;
        }
    }
    return best;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
function parseCloud(read) {
    const names = Object.keys(inputs_cloud/* CLOUDS */.J);
    const raw = read('environment');
    let name = 'AzureCloud';
    if (raw !== '') {
        const found = names.find((candidate) => candidate.toLowerCase() === raw.toLowerCase());
        if (!found) {
            throw new InputError('environment', `Input 'environment' is '${show(raw)}': expected one of ${names.join(', ')}`);
        }
        name = found;
    }
    const cloud = inputs_cloud/* CLOUDS */.J[name];
    return {
        ...cloud,
        armEndpoint: httpsUrl(read, 'arm-endpoint') ?? cloud.armEndpoint,
        authorityHost: httpsUrl(read, 'authority-host') ?? cloud.authorityHost
    };
}
/** An https URL with its trailing slash trimmed, or null when the input is empty. */
function httpsUrl(read, name) {
    const raw = read(name);
    if (raw === '')
        return null;
    const url = URL.canParse(raw) ? new URL(raw) : null;
    if (!url ||
        url.protocol !== 'https:' ||
        !url.hostname ||
        url.username ||
        url.password ||
        url.search ||
        url.hash) {
        throw new InputError(name, `Input '${name}' is '${show(raw)}': expected an https:// URL without query or credentials, e.g. ${name === 'arm-endpoint' ? inputs_cloud/* CLOUDS */.J.AzureCloud.armEndpoint : inputs_cloud/* CLOUDS */.J.AzureCloud.authorityHost}`);
    }
    return url.href.replace(/\/+$/, '');
}


/***/ }),

/***/ 6999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Xd: () => (/* binding */ inOneWrite),
/* harmony export */   _o: () => (/* binding */ isDebug),
/* harmony export */   vF: () => (/* binding */ logger)
/* harmony export */ });
/* unused harmony export workflowCommand */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The one place the action writes to the step log. Every stage takes a `Logger` (or the part of
 * it that it uses) instead of calling @actions/core or console itself, so a test hands in a
 * recorder and the runner's workflow-command syntax stays in one module.
 */

const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;
/**
 * One line of log text. A line break inside a value from Azure would let it start a line of its
 * own, and the runner reads any line starting with `::` as a workflow command.
 */
function oneLine(text) {
    // Most lines have no break at all: both replacements would scan them for nothing.
    if (!LINE_BREAK.test(text))
        return text.trim();
    return text
        .replace(/[ \t]*\\\r?\n[ \t]*/g, ' ')
        .replace(/\s*[\r\n\u2028\u2029\u0085]+\s*/g, ' ; ')
        .trim();
}
/**
 * The runner's workflow commands, written here as @actions/core writes them (same escaping, same
 * annotation properties; __tests__/logger.test.ts compares the two). Importing @actions/core
 * loads its HTTP client (undici) at once, which costs more than Node's own start, and the log is
 * needed before that: a bad input is reported without loading it.
 */
function workflowCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => Boolean(value))
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
    // As @actions/core: the space comes with any properties object, even one of empty values.
    const space = Object.keys(properties).length > 0 ? ' ' : '';
    return `::${command}${space}${props.join(',')}::${escapeData(message)}`;
}
function escapeData(text) {
    if (!/[%\r\n]/.test(text))
        return text;
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function annotation(properties = {}) {
    if (Object.keys(properties).length === 0)
        return {};
    return {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn
    };
}
/** Lines held back by `inOneWrite`, else null. */
let held = null;
function write(line) {
    if (held)
        held.push(line);
    else
        process.stdout.write(line);
}
/**
 * Runs `fn` with every line the logger writes held back, then writes them in one go: the log of a
 * big run is thousands of lines, and each write to the runner's pipe is a system call of its own.
 * The bytes are the same.
 */
function inOneWrite(fn) {
    if (held)
        return fn();
    held = [];
    try {
        return fn();
    }
    finally {
        const lines = held;
        held = null;
        if (lines.length > 0)
            process.stdout.write(lines.join(''));
    }
}
const issue = (command, message, properties = {}) => {
    write(workflowCommand(command, properties, message) + node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
};
/** `core.getInput`: the input's value, trimmed; '' when unset. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** `core.isDebug`: step debug logging is on. */
function isDebug() {
    return process.env.RUNNER_DEBUG === '1';
}
/** `core.setSecret`: the runner masks `secret` in the rest of the log. */
function setSecret(secret) {
    issue('add-mask', secret);
}
/** `core.setFailed`: an error annotation, and the step fails when the process exits. */
function setFailed(message) {
    process.exitCode = 1;
    issue('error', message);
}
/** The step log of a real run. Methods are bound, so `logger.info` may be passed on as is. */
const logger = {
    info: (message) => {
        write(message + node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    },
    debug: (message) => issue('debug', message),
    notice: (message, properties) => issue('notice', message, annotation(properties)),
    warning: (message, properties) => issue('warning', message, annotation(properties)),
    error: (message, properties) => issue('error', message, annotation(properties)),
    startGroup: (name) => issue('group', name),
    endGroup: () => issue('endgroup', ''),
    group: async (name, fn) => {
        issue('group', name);
        try {
            return await fn();
        }
        finally {
            issue('endgroup', '');
        }
    }
};


/***/ }),

/***/ 1730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _credential_explain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7758);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1264);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6999);
/**
 * The pipeline, in order: inputs → credential → collect → evaluate → (probe) → report.
 * Each stage lives in its own folder; this file only wires them together and decides how the
 * step ends.
 */



/**
 * The stages after the inputs are imported on demand: a bad input is reported before any Azure
 * SDK (most of the bundle) is compiled, and the ARM clients compile while sign-in waits on Entra.
 */
async function run() {
    try {
        // Merging other runs' reports (a matrix over subscriptions) needs no Azure at all.
        const mergeSpec = (0,_logger_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)('merge-reports').trim();
        if (mergeSpec) {
            const { runMerge } = await Promise.all(/* import() */[__webpack_require__.e(421), __webpack_require__.e(409), __webpack_require__.e(883), __webpack_require__.e(278)]).then(__webpack_require__.bind(__webpack_require__, 3278));
            return await runMerge(mergeSpec, _logger_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4);
        }
        const inputs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseInputs */ .TL)(_logger_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4, process.env);
        // The default github.token is masked by the runner; a PAT passed some other way may not be.
        if (inputs.githubToken)
            (0,_logger_js__WEBPACK_IMPORTED_MODULE_2__/* .setSecret */ .Pq)(inputs.githubToken);
        // A plan is read and checked with the inputs; judging it needs its own module.
        const judge = inputs.plan ? await __webpack_require__.e(/* import() */ 142).then(__webpack_require__.bind(__webpack_require__, 4142)) : null;
        const { createCredential, signIn } = await Promise.all(/* import() */[__webpack_require__.e(421), __webpack_require__.e(738), __webpack_require__.e(952), __webpack_require__.e(424)]).then(__webpack_require__.bind(__webpack_require__, 8424));
        const credential = createCredential(inputs);
        // Started now, awaited after sign-in: compiling the ARM clients overlaps Entra's round trips.
        // A failed sign-in leaves them unused (never rejected: a load failure surfaces at the await).
        const collectModule = Promise.all(/* import() */[__webpack_require__.e(738), __webpack_require__.e(890), __webpack_require__.e(405)]).then(__webpack_require__.bind(__webpack_require__, 405));
        collectModule.catch(() => undefined);
        await signIn(credential, `${inputs.cloud.armEndpoint}/.default`);
        const { collect } = await collectModule;
        const stages = Promise.all([
            Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9860)),
            __webpack_require__.e(/* import() */ 632).then(__webpack_require__.bind(__webpack_require__, 1632)),
            __webpack_require__.e(/* import() */ 850).then(__webpack_require__.bind(__webpack_require__, 8850)),
            __webpack_require__.e(/* import() */ 409).then(__webpack_require__.bind(__webpack_require__, 9409)),
            Promise.all(/* import() */[__webpack_require__.e(421), __webpack_require__.e(409), __webpack_require__.e(883)]).then(__webpack_require__.bind(__webpack_require__, 9883))
        ]);
        stages.catch(() => undefined);
        // With a plan, the vaults it concerns are read too (some only the collector can find).
        const scope = judge
            ? judge.withPlannedVaults(inputs, inputs.plan)
            : { vaults: inputs.vaults, endpointVnets: [] };
        const snapshot = await collect({
            subscriptionId: inputs.subscriptionId,
            resourceGroup: inputs.resourceGroup,
            vaults: scope.vaults,
            endpointVnets: scope.endpointVnets,
            dnsZoneScopes: inputs.dnsZoneScopes,
            clientVnets: inputs.clientVnets,
            clientVnetsPeered: inputs.clientVnetsPeered,
            cloud: inputs.cloud
        }, credential, { log: _logger_js__WEBPACK_IMPORTED_MODULE_2__/* .logger */ .vF.info });
        const [{ buildRunModel }, { evaluate }, { buildReport }, { vaultDiagrams }, { publish }] = await stages;
        // The model joins what was read (connections → endpoints → VNets, each kind's zone) once, for
        // the probe, the rules and the diagram alike.
        const model = buildRunModel(snapshot);
        // The probe measures the data path from this runner; the same rules judge what it measured.
        let probeRun = null;
        if (inputs.probe !== 'off') {
            // Loaded only when used, like the comment below: a run starts faster and smaller without.
            const { probe } = await Promise.all(/* import() */[__webpack_require__.e(421), __webpack_require__.e(964)]).then(__webpack_require__.bind(__webpack_require__, 964));
            probeRun = await probe(snapshot, credential, {
                mode: inputs.probe,
                dnsServers: inputs.dnsServers,
                timeoutSeconds: inputs.probeTimeoutSeconds,
                vaultAudience: inputs.cloud.vaultAudience,
                model,
                log: _logger_js__WEBPACK_IMPORTED_MODULE_2__/* .logger */ .vF.info
            });
        }
        const options = {
            publicNetworkAccess: inputs.publicNetworkAccess,
            ttlMin: inputs.ttlMin,
            ttlMax: inputs.ttlMax,
            assignee: inputs.clientId
        };
        const live = evaluate(snapshot, probeRun, options, inputs.ignore, model);
        let judged = { snapshot, findings: live };
        let comparison = null;
        let baselineInfo = null;
        if (judge && inputs.plan) {
            const proposed = judge.judgePlan(inputs, inputs.plan, snapshot, live, options);
            judged = proposed;
            comparison = proposed.comparison;
        }
        else if (inputs.baseline) {
            // What changed since the baseline (e.g. last night's report): the same comparison as a plan's.
            const { compareFindings } = await __webpack_require__.e(/* import() */ 832).then(__webpack_require__.bind(__webpack_require__, 6832));
            const since = compareFindings(live, inputs.baseline.findings);
            judged = { snapshot, findings: since.findings };
            baselineInfo = { resolved: since.resolved };
        }
        else if (inputs.gate === 'new') {
            _logger_js__WEBPACK_IMPORTED_MODULE_2__/* .logger */ .vF.info("gate: new without a plan: there is no change to tell new findings by, so every finding counts for 'fail-on'");
        }
        const report = buildReport(judged.findings, judged.snapshot.vaults.map((v) => ({ name: v.name, id: v.id, type: v.kind ?? 'vault' })));
        if (comparison)
            Object.assign(report, comparison);
        if (inputs.baseline) {
            const { path, generatedAt, findings: earlier } = inputs.baseline;
            if (baselineInfo) {
                Object.assign(report, { resolved: baselineInfo.resolved, baseline: { path, generatedAt } });
            }
            else {
                // With a plan, `change` is against the live state; the baseline is compared beside it.
                const { compareFindings, newCounts } = await __webpack_require__.e(/* import() */ 832).then(__webpack_require__.bind(__webpack_require__, 6832));
                const since = compareFindings(report.findings, earlier);
                const fresh = newCounts(since.findings);
                Object.assign(report, {
                    baseline: {
                        path,
                        generatedAt,
                        new: fresh.errors + fresh.warnings,
                        resolved: since.resolved.length
                    }
                });
            }
        }
        // What the probe measured, as an extra field of the JSON report (the contract allows extras).
        if (probeRun)
            Object.assign(report, { probe: probeRun });
        await publish(report, {
            inputs,
            gate: inputs.gate,
            planPath: inputs.plan?.path ?? null,
            probe: probeRun,
            // A picture per vault for the summary and the comment, drawn from the snapshot and findings.
            diagrams: (judged.diagrams ?? ((d) => d))(vaultDiagrams(judged.snapshot, report.findings, judged.planned, model))
        });
    }
    catch (error) {
        fail(error);
    }
}
/**
 * One clear line for the user; the stack trace only with step debug logging on (reading
 * `error.stack` formats it, so it is not even read otherwise).
 */
function fail(error) {
    if ((0,_logger_js__WEBPACK_IMPORTED_MODULE_2__/* .isDebug */ ._o)() && error instanceof Error && error.stack)
        _logger_js__WEBPACK_IMPORTED_MODULE_2__/* .logger */ .vF.debug(error.stack);
    if (error instanceof _inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz || error instanceof _credential_explain_js__WEBPACK_IMPORTED_MODULE_0__/* .SignInError */ .Jj) {
        (0,_logger_js__WEBPACK_IMPORTED_MODULE_2__/* .setFailed */ .C1)(error.message);
        return;
    }
    const message = error instanceof Error ? error.message : String(error);
    (0,_logger_js__WEBPACK_IMPORTED_MODULE_2__/* .setFailed */ .C1)(`kv-private-link-doctor failed unexpectedly: ${message.split('\n')[0]}`);
}


/***/ }),

/***/ 6372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ vnetName),
/* harmony export */   NH: () => (/* binding */ describePath),
/* harmony export */   rh: () => (/* binding */ answeringVnets),
/* harmony export */   vS: () => (/* binding */ resolvingVnets)
/* harmony export */ });
/* unused harmony exports MAX_HOPS, matchingRule, dnsPaths */
/* harmony import */ var _collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5192);
/* harmony import */ var _common_arm_id_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5765);
/* harmony import */ var _common_ip_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3796);
/* harmony import */ var _common_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3117);




/** The most hops a path may take (the contract: at most 4). */
const MAX_HOPS = 4;
function knownVnets(snapshot) {
    return Object.values(snapshot.virtualNetworks).filter((v) => !('failure' in v));
}
/** The resolver whose inbound endpoint has `ip`, if any. */
function inboundEndpointOf(snapshot, ip) {
    for (const resolver of snapshot.dnsPath?.resolvers ?? []) {
        for (const endpoint of resolver.inboundEndpoints) {
            if (endpoint.ips.includes(ip))
                return { resolver, endpoint: endpoint.name };
        }
    }
    return null;
}
function vnetHoldingIp(snapshot, ip) {
    return knownVnets(snapshot).find((vnet) => (0,_common_ip_js__WEBPACK_IMPORTED_MODULE_0__/* .inPrefixes */ .qH)(ip, vnet.addressPrefixes)) ?? null;
}
/** `vault.azure.net.` → `vault.azure.net`; `.` → `` (the root matches every name). */
function ruleDomain(domain) {
    return (0,_common_names_js__WEBPACK_IMPORTED_MODULE_1__/* .dnsName */ .Tu)(domain);
}
function ruleMatches(domain, name) {
    const d = ruleDomain(domain);
    return d === '' || name === d || name.endsWith(`.${d}`);
}
/**
 * The enabled rule that takes a query for `names` (hostname first, then its alias) in `vnetId`:
 * the longest match among the rulesets linked to it.
 */
function matchingRule(snapshot, vnetId, names) {
    const linked = (snapshot.dnsPath?.rulesets ?? []).filter((ruleset) => ruleset.vnetLinks.some((link) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .sameId */ .s)(link.virtualNetworkId, vnetId)));
    for (const name of names) {
        let best = null;
        for (const ruleset of linked) {
            for (const rule of ruleset.rules) {
                if (rule.state !== null && !(0,_common_names_js__WEBPACK_IMPORTED_MODULE_1__/* .sameText */ .QV)(rule.state, 'Enabled'))
                    continue;
                if (!ruleMatches(rule.domainName, name))
                    continue;
                if (!best || ruleDomain(rule.domainName).length > ruleDomain(best.rule.domainName).length)
                    best = { ruleset, rule };
            }
        }
        if (best)
            return { ...best, matched: name };
    }
    return null;
}
/** Reads whose failure leaves the rulesets that apply in `vnetId` uncertain. */
function rulesetBlockers(snapshot, vnetId) {
    const blockers = [];
    for (const ruleset of snapshot.dnsPath?.rulesets ?? []) {
        if (ruleset.vnetLinksFailure)
            blockers.push(ruleset.vnetLinksFailure);
        else if (ruleset.rulesFailure &&
            ruleset.vnetLinks.some((link) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .sameId */ .s)(link.virtualNetworkId, vnetId)))
            blockers.push(ruleset.rulesFailure);
    }
    return blockers;
}
/**
 * Every path from `vnetId`'s DNS servers (one per server; one for Azure-provided DNS) for a query
 * of `names` (the target's hostname, then its privatelink alias).
 */
function dnsPaths(snapshot, vnetId, names) {
    const vnet = snapshot.virtualNetworks[(0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .idKey */ .T)(vnetId)];
    if (!vnet || 'failure' in vnet) {
        return [
            {
                hops: [],
                end: 'unread',
                answering: null,
                loopAt: null,
                assumed: [],
                blockers: vnet && 'failure' in vnet ? [vnet.failure] : []
            }
        ];
    }
    const listingFailures = snapshot.dnsPath?.failures ?? [];
    const servers = vnet.dnsServers.map((s) => s.trim()).filter((s) => s !== '');
    const custom = servers.filter((s) => s !== _common_ip_js__WEBPACK_IMPORTED_MODULE_0__/* .AZURE_PLATFORM_IP */ .EM);
    const starts = custom.length === 0 ? [null] : custom;
    return starts.map((server) => {
        const path = {
            hops: [],
            end: 'answered',
            answering: null,
            loopAt: null,
            assumed: [],
            blockers: []
        };
        const visited = new Set();
        const azureDnsIn = (at) => {
            if (visited.has((0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .idKey */ .T)(at))) {
                path.end = 'loop';
                path.loopAt = at;
                return;
            }
            if (path.hops.length >= MAX_HOPS) {
                path.end = 'too-long';
                return;
            }
            visited.add((0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .idKey */ .T)(at));
            path.hops.push({ kind: 'azure-dns', vnetId: at });
            path.blockers.push(...rulesetBlockers(snapshot, at));
            const hit = matchingRule(snapshot, at, names);
            if (!hit) {
                path.answering = at;
                return;
            }
            path.hops.push({ kind: 'rule', vnetId: at, ...hit });
            // Several targets: the first is followed (the resolver tries them in order).
            const target = hit.rule.targets[0];
            if (!target) {
                path.end = 'unfollowed';
                return;
            }
            toServer(target.ipAddress);
        };
        const toServer = (ip) => {
            const inbound = inboundEndpointOf(snapshot, ip);
            if (inbound?.resolver.virtualNetworkId) {
                path.hops.push({ kind: 'resolver', server: ip, ...inbound });
                azureDnsIn(inbound.resolver.virtualNetworkId);
                return;
            }
            const holder = vnetHoldingIp(snapshot, ip);
            if (holder) {
                path.hops.push({ kind: 'forwarder', server: ip, vnetId: holder.id });
                path.assumed.push(`${ip} (in VNet ${holder.name}) is assumed to forward to Azure DNS (${_common_ip_js__WEBPACK_IMPORTED_MODULE_0__/* .AZURE_PLATFORM_IP */ .EM})`);
                azureDnsIn(holder.id);
                return;
            }
            path.hops.push({ kind: 'unknown', server: ip });
            path.end = 'unfollowed';
            // A failed listing may have hidden the VNet or resolver that holds it.
            path.blockers.push(...listingFailures);
        };
        if (server === null)
            azureDnsIn(vnet.id);
        else
            toServer(server);
        return path;
    });
}
/** The VNets where Azure DNS answers for `paths` (deduplicated, in order). */
function answeringVnets(paths) {
    const seen = new Map();
    for (const path of paths) {
        if (path.end === 'answered' && path.answering && !seen.has((0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .idKey */ .T)(path.answering)))
            seen.set((0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .idKey */ .T)(path.answering), path.answering);
    }
    return [...seen.values()];
}
/** The name of a VNet of the snapshot (its last ID segment when unknown). */
function vnetName(snapshot, vnetId) {
    const vnet = snapshot.virtualNetworks[(0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .idKey */ .T)(vnetId)];
    return vnet && !('failure' in vnet) ? vnet.name : (0,_common_arm_id_js__WEBPACK_IMPORTED_MODULE_3__/* .nameOf */ .Vb)(vnetId);
}
/** A path in words: `vnet-spoke → 10.0.0.4 (resolver dnspr-hub) → Azure DNS in vnet-hub`. */
function describePath(snapshot, from, path) {
    const parts = [vnetName(snapshot, from)];
    for (const hop of path.hops) {
        switch (hop.kind) {
            case 'azure-dns':
                parts.push(`Azure DNS in ${vnetName(snapshot, hop.vnetId)}`);
                break;
            case 'resolver':
                parts.push(`${hop.server} (inbound endpoint of DNS private resolver ${hop.resolver.name})`);
                break;
            case 'forwarder':
                parts.push(`${hop.server} (a DNS server in ${vnetName(snapshot, hop.vnetId)})`);
                break;
            case 'rule':
                parts.push(`forwarding rule ${hop.rule.name} (${hop.rule.domainName}) of ruleset ${hop.ruleset.name}`);
                break;
            case 'unknown':
                parts.push(`${hop.server} (outside every known VNet)`);
                break;
        }
    }
    return parts.join(' → ');
}
/**
 * The VNets that must resolve the target: those of its effective PEs (`peVnets`), the
 * client-vnets named, every VNet peered with a PE's VNet when `peered` was asked, and the
 * runner's own VNet (`runnerVnets`).
 */
function resolvingVnets(snapshot, peVnets, names, runnerVnets = []) {
    const result = [];
    const add = (vnetId, why) => {
        if (result.some((known) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .sameId */ .s)(known.vnetId, vnetId)))
            return;
        result.push({
            vnetId,
            name: vnetName(snapshot, vnetId),
            vnet: snapshot.virtualNetworks[(0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .idKey */ .T)(vnetId)],
            why,
            paths: dnsPaths(snapshot, vnetId, names)
        });
    };
    for (const id of peVnets)
        add(id, 'endpoint');
    for (const id of snapshot.dnsPath?.clientVnets ?? [])
        add(id, 'client');
    if (snapshot.dnsPath?.peered) {
        for (const id of peVnets) {
            const vnet = snapshot.virtualNetworks[(0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .idKey */ .T)(id)];
            if (!vnet || 'failure' in vnet)
                continue;
            for (const peering of vnet.peerings ?? [])
                if (peering.remoteVirtualNetworkId)
                    add(peering.remoteVirtualNetworkId, 'peered');
        }
        // The other side's peerings name the PE's VNet too (a peering created on one side only).
        for (const other of knownVnets(snapshot)) {
            if ((other.peerings ?? []).some((p) => peVnets.some((id) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .sameId */ .s)(id, p.remoteVirtualNetworkId))))
                add(other.id, 'peered');
        }
    }
    for (const id of runnerVnets)
        add(id, 'runner');
    return result;
}


/***/ }),

/***/ 9860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IN_PROGRESS: () => (/* binding */ IN_PROGRESS),
/* harmony export */   buildRunModel: () => (/* binding */ buildRunModel),
/* harmony export */   buildTargetModel: () => (/* binding */ buildTargetModel),
/* harmony export */   exactZones: () => (/* binding */ exactZones),
/* harmony export */   isZoneNamed: () => (/* binding */ isZoneNamed),
/* harmony export */   linkedExactZone: () => (/* binding */ linkedExactZone),
/* harmony export */   namesOf: () => (/* binding */ namesOf),
/* harmony export */   vnetHolding: () => (/* binding */ vnetHolding),
/* harmony export */   zonePlace: () => (/* binding */ zonePlace),
/* harmony export */   zoneScopeFailures: () => (/* binding */ zoneScopeFailures),
/* harmony export */   zoneSearchFailures: () => (/* binding */ zoneSearchFailures)
/* harmony export */ });
/* harmony import */ var _collect_snapshot_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5192);
/* harmony import */ var _common_arm_id_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5765);
/* harmony import */ var _common_ip_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3796);
/* harmony import */ var _common_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3117);
/* harmony import */ var _common_target_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8348);





/** Provisioning states that mean "still working on it". */
const IN_PROGRESS = [
    'inprogress',
    'creating',
    'updating',
    'deleting',
    'provisioning',
    'accepted'
];
function succeeded(state) {
    return (0,_common_names_js__WEBPACK_IMPORTED_MODULE_2__/* .sameText */ .QV)(state, 'Succeeded');
}
function peIps(pe, hostname) {
    if (pe.nicFailures.length > 0)
        return { ips: [...pe.nicIps], known: false };
    if (pe.nicIps.length > 0)
        return { ips: [...pe.nicIps], known: true };
    const fromDns = pe.customDnsConfigs
        .filter((config) => (0,_common_names_js__WEBPACK_IMPORTED_MODULE_2__/* .dnsName */ .Tu)(config.fqdn) === hostname)
        .flatMap((config) => config.ipAddresses);
    return { ips: [...new Set(fromDns)], known: fromDns.length > 0 };
}
/** The names of the target's kind in the snapshot's cloud. */
function namesOf(snapshot, vault) {
    return (0,_common_target_js__WEBPACK_IMPORTED_MODULE_1__/* .targetNames */ .i)(snapshot.cloud, vault.kind ?? 'vault', {
        hostSuffix: snapshot.vaultDnsSuffix,
        zone: snapshot.privateLinkZone
    });
}
function buildTargetModel(snapshot, vault) {
    const names = namesOf(snapshot, vault);
    const hostname = (0,_common_names_js__WEBPACK_IMPORTED_MODULE_2__/* .dnsName */ .Tu)(`${vault.name}.${names.hostSuffix}`);
    const connections = vault.connections.map((connection) => {
        const key = connection.privateEndpointId ? (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .idKey */ .T)(connection.privateEndpointId) : null;
        const pe = key === null
            ? null
            : Object.hasOwn(vault.privateEndpoints, key)
                ? vault.privateEndpoints[key]
                : undefined;
        const peFailure = key === null ? null : (vault.privateEndpointFailures[key] ?? null);
        const approved = (0,_common_names_js__WEBPACK_IMPORTED_MODULE_2__/* .sameText */ .QV)(connection.status, 'Approved');
        const connectionSucceeded = succeeded(connection.provisioningState);
        const peSucceeded = pe ? succeeded(pe.provisioningState) : pe === null ? false : null;
        let effective;
        if (!approved || !connectionSucceeded || pe === null || peSucceeded === false)
            effective = false;
        else
            effective = peSucceeded;
        return {
            connection,
            pe,
            peFailure,
            approved,
            connectionSucceeded,
            peSucceeded,
            effective,
            standing: 'unknown',
            servedBy: null,
            blockers: []
        };
    });
    const effective = [];
    const endpoints = [];
    for (const view of connections) {
        const pe = view.pe;
        if (!pe)
            continue;
        if (!endpoints.some((known) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .sameId */ .s)(known.id, pe.id)))
            endpoints.push(pe);
        if (view.effective && !effective.some((known) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .sameId */ .s)(known.pe.id, pe.id))) {
            const { ips, known } = peIps(pe, hostname);
            effective.push({ view, pe, ips, ipsKnown: known });
        }
    }
    for (const view of connections)
        standConnection(view, connections, effective);
    const vnets = [];
    for (const item of effective) {
        const vnetId = item.pe.vnetId;
        if (!vnetId)
            continue;
        let group = vnets.find((known) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .sameId */ .s)(known.vnetId, vnetId));
        if (!group) {
            const vnet = snapshot.virtualNetworks[(0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .idKey */ .T)(vnetId)];
            const name = vnet && !('failure' in vnet) ? vnet.name : (0,_common_arm_id_js__WEBPACK_IMPORTED_MODULE_4__/* .nameOf */ .Vb)(vnetId);
            group = { vnetId, name, vnet, pes: [], ips: [], ipsKnown: true, ipFailures: [] };
            vnets.push(group);
        }
        group.pes.push(item);
        for (const ip of item.ips)
            if (!group.ips.includes(ip))
                group.ips.push(ip);
        if (!item.ipsKnown)
            group.ipsKnown = false;
        group.ipFailures.push(...item.pe.nicFailures);
    }
    const peFailures = Object.values(vault.privateEndpointFailures);
    const place = {
        name: vault.name,
        resourceGroup: vault.resourceGroup ?? (0,_common_arm_id_js__WEBPACK_IMPORTED_MODULE_4__/* .resourceGroupOf */ .Tp)(vault.id),
        subscriptionId: vault.subscriptionId
    };
    return {
        vault,
        names,
        hostname,
        alias: (0,_common_names_js__WEBPACK_IMPORTED_MODULE_2__/* .dnsName */ .Tu)(`${vault.name}.${names.zone}`),
        place,
        connections,
        effective,
        vnets,
        endpoints,
        peFailures
    };
}
function standConnection(view, all, effective) {
    const conn = view.connection;
    if (conn.privateEndpointId === null || view.pe === null) {
        view.standing = 'orphan';
        return;
    }
    if (view.effective === true) {
        view.standing = 'effective';
        return;
    }
    if (view.effective === null) {
        view.standing = 'unknown';
        view.blockers = view.peFailure ? [view.peFailure] : [];
        return;
    }
    const vnetId = view.pe?.vnetId ?? null;
    const servedBy = view.pe && vnetId
        ? effective.find((other) => other.view !== view && (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .sameId */ .s)(other.pe.vnetId, vnetId))
        : undefined;
    if (servedBy) {
        view.standing = 'served';
        view.servedBy = servedBy;
        return;
    }
    const unknownOthers = all.filter((other) => other !== view && other.effective === null);
    if (unknownOthers.length > 0 || (view.pe === undefined && effective.length > 0)) {
        view.standing = 'undecided';
        view.blockers = [
            ...(view.peFailure ? [view.peFailure] : []),
            ...unknownOthers.flatMap((other) => (other.peFailure ? [other.peFailure] : []))
        ];
        return;
    }
    view.standing = view.approved ? 'not-succeeded' : 'not-approved';
}
function buildRunModel(snapshot) {
    return {
        snapshot,
        targets: snapshot.vaults
            .filter((vault) => !vault.failure)
            .map((vault) => buildTargetModel(snapshot, vault))
    };
}
/** The known VNet whose address space holds `ip` (e.g. this runner's own VNet), if any. */
function vnetHolding(snapshot, ip) {
    for (const vnet of Object.values(snapshot.virtualNetworks)) {
        if (!('failure' in vnet) && (0,_common_ip_js__WEBPACK_IMPORTED_MODULE_0__/* .inPrefixes */ .qH)(ip, vnet.addressPrefixes))
            return vnet;
    }
    return null;
}
// ---- Zones --------------------------------------------------------------------------------
/** True when `zoneName` is the privatelink zone `zone` (case and trailing dot ignored). */
function isZoneNamed(zoneName, zone) {
    return (0,_common_names_js__WEBPACK_IMPORTED_MODULE_2__/* .dnsName */ .Tu)(zoneName) === (0,_common_names_js__WEBPACK_IMPORTED_MODULE_2__/* .dnsName */ .Tu)(zone);
}
/** The zones named exactly like the target's privatelink zone. */
function exactZones(snapshot, zone) {
    return snapshot.zones.filter((candidate) => isZoneNamed(candidate.name, zone));
}
function zoneScopeFailures(snapshot) {
    return snapshot.zoneScopes.flatMap((scope) => (scope.failure ? [scope.failure] : []));
}
/**
 * Reads that may have hidden an exact-name zone: failed scope listings, and exact-name zones a
 * DNS zone group names that could not be read by ID (a 404 there means the zone is gone).
 */
function zoneSearchFailures(snapshot, zone) {
    const unreadable = (snapshot.zoneFailures ?? []).filter((failure) => failure.kind !== 'not-found' && isZoneNamed((0,_common_arm_id_js__WEBPACK_IMPORTED_MODULE_4__/* .nameOf */ .Vb)(failure.resource), zone));
    return [...zoneScopeFailures(snapshot), ...unreadable];
}
/** The exact-name zone linked to `vnetId` (Azure allows one per VNet), among zones whose links were read. */
function linkedExactZone(snapshot, zoneName, vnetId) {
    for (const zone of exactZones(snapshot, zoneName)) {
        if (zone.linksFailure)
            continue;
        const link = zone.links.find((candidate) => (0,_collect_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .sameId */ .s)(candidate.virtualNetworkId, vnetId));
        if (link)
            return { zone, link };
    }
    return null;
}
/** The zone's place for `az` commands. */
function zonePlace(zone) {
    return {
        name: zone.name.replace(/\.+$/, ''),
        resourceGroup: zone.resourceGroup,
        subscriptionId: zone.subscriptionId
    };
}


/***/ }),

/***/ 8720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   W6: () => (/* binding */ PlanError),
/* harmony export */   oD: () => (/* binding */ understoodType)
/* harmony export */ });
/* unused harmony export UNDERSTOOD_TYPES */
/**
 * A proposed change (a Terraform plan or an ARM what-if), reduced to what the action applies to a
 * snapshot: one entry per resource of a type it understands, with the resource as ARM would return
 * it after apply. Both formats end up here, so the snapshot is changed by one piece of code.
 */
/** The ARM types a plan may change that the snapshot holds. */
const UNDERSTOOD_TYPES = [
    'Microsoft.KeyVault/vaults',
    'Microsoft.KeyVault/managedHSMs',
    'Microsoft.KeyVault/vaults/privateEndpointConnections',
    'Microsoft.KeyVault/managedHSMs/privateEndpointConnections',
    'Microsoft.Network/privateEndpoints',
    'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
    'Microsoft.Network/privateDnsZones',
    'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    'Microsoft.Network/privateDnsZones/A',
    'Microsoft.Network/virtualNetworks',
    'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    'Microsoft.Network/dnsResolvers',
    'Microsoft.Network/dnsResolvers/inboundEndpoints',
    'Microsoft.Network/dnsForwardingRulesets',
    'Microsoft.Network/dnsForwardingRulesets/forwardingRules',
    'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks'
];
function understoodType(type) {
    return UNDERSTOOD_TYPES.find((known) => known.toLowerCase() === type.toLowerCase()) ?? null;
}
/** A problem with the plan file: the message completes "Input 'plan' is '<path>': ...". */
class PlanError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PlanError';
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ KNOWN_AFTER_APPLY),
/* harmony export */   Mf: () => (/* binding */ IP_OF),
/* harmony export */   u0: () => (/* binding */ parseTerraform),
/* harmony export */   yu: () => (/* binding */ isTerraformPlan)
/* harmony export */ });
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8720);
/**
 * Terraform plans (`terraform show -json <planfile>`, format_version 1.x, azurerm provider): the
 * contract's azurerm types, mapped attribute by attribute onto the ARM JSON apply.ts reads (the
 * shapes a GET returns), from `resource_changes[]` (`before`, `after`, `after_unknown`).
 *
 * A value known only after apply is never guessed. Where it is another resource's ID (a new PE's
 * `private_connection_resource_id` = the new vault's `id`), the `configuration` expression's
 * `references` name that resource, and its ID is built from its own arguments the way azurerm
 * does. An A record whose `records`, a VNet whose `dns_servers` or a forwarding rule whose target
 * refer to a private endpoint's or an inbound endpoint's IP gets `ip-of:<its ID>`, which apply.ts
 * reads as that endpoint's IP, known or not. One that refers to anything else (a VM's NIC, a
 * module's output) gets `known-after-apply:<attribute>` instead: apply.ts gives it a stand-in
 * address that settle.ts reports as PLAN-UNRESOLVED, rather than the default an empty list would
 * mean (Azure-provided DNS, a rule with no target, a record with no IP).
 */

function obj(value) {
    return (0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(value) ? value : {};
}
function str(value) {
    return typeof value === 'string' && value !== '' ? value : null;
}
function strings(value) {
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}
/** The first block of a nested block list (`network_acls`, ...). */
function block(value) {
    return Array.isArray(value) && (0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(value[0]) ? value[0] : (0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(value) ? value : null;
}
function isTerraformPlan(document) {
    return ((0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(document) &&
        typeof document.format_version === 'string' &&
        ('resource_changes' in document || 'planned_values' in document));
}
/** Marks an IP that is a private endpoint's or an inbound endpoint's, resolved by apply.ts. */
const IP_OF = 'ip-of:';
/** Marks an IP (or IPs) known only after apply that no `ip-of:` explains; then the attribute's address. */
const KNOWN_AFTER_APPLY = 'known-after-apply:';
/** References whose values Terraform knows when it makes the plan. */
const KNOWN_AT_PLAN = /^(var|count|each|path|terraform)\./;
/** Whether `after_unknown` says the attribute (or an element of it) is known only after apply. */
function isUnknown(unknown) {
    if (unknown === true)
        return true;
    if (Array.isArray(unknown))
        return unknown.some(isUnknown);
    return (0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(unknown) && Object.values(unknown).some(isUnknown);
}
/** How many of a list's elements are known only after apply (1 for a list unknown as a whole). */
function unknownCount(unknown) {
    return Array.isArray(unknown) ? unknown.filter(isUnknown).length : isUnknown(unknown) ? 1 : 0;
}
const SUPPORTED = new Set([
    'azurerm_key_vault',
    'azurerm_key_vault_managed_hardware_security_module',
    'azurerm_private_endpoint',
    'azurerm_private_dns_zone',
    'azurerm_private_dns_zone_virtual_network_link',
    'azurerm_private_dns_a_record',
    'azurerm_virtual_network',
    'azurerm_virtual_network_dns_servers',
    'azurerm_virtual_network_peering',
    'azurerm_private_dns_resolver',
    'azurerm_private_dns_resolver_inbound_endpoint',
    'azurerm_private_dns_resolver_dns_forwarding_ruleset',
    'azurerm_private_dns_resolver_forwarding_rule',
    'azurerm_private_dns_resolver_virtual_network_link'
]);
/** The azurerm types whose private IP another attribute may refer to (`ip-of:`). */
const IP_HOLDERS = ['azurerm_private_endpoint', 'azurerm_private_dns_resolver_inbound_endpoint'];
function actionOf(actions) {
    const has = (a) => actions.includes(a);
    if (has('delete') && has('create'))
        return 'replace';
    if (has('create'))
        return 'create';
    if (has('delete'))
        return 'delete';
    if (has('update'))
        return 'modify';
    return null; // no-op, read
}
/** `azurerm_x.y[0]` → `azurerm_x.y`; module paths are kept. */
function configAddress(address) {
    return address.replace(/\[[^\]]*\]$/, '');
}
/** Root and module resources of `configuration`, by address as `resource_changes` spell it (without index). */
function configResources(configuration) {
    const found = new Map();
    const walk = (module, prefix) => {
        for (const resource of Array.isArray(module.resources) ? module.resources : []) {
            if ((0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(resource) && typeof resource.address === 'string') {
                found.set(`${prefix}${resource.address}`, obj(resource.expressions));
            }
        }
        for (const [name, call] of Object.entries(obj(module.module_calls))) {
            walk(obj(obj(call).module), `${prefix}module.${name}.`);
        }
    };
    walk(obj(obj(configuration).root_module), '');
    return found;
}
function parseTerraform(document, path, defaultSubscription = null) {
    const version = String(document.format_version);
    if (!/^1(\.|$)/.test(version)) {
        throw new _plan_js__WEBPACK_IMPORTED_MODULE_0__/* .PlanError */ .W6(`a Terraform plan of format_version ${version}; this action reads format_version 1.x`);
    }
    const config = configResources(document.configuration);
    const all = [];
    // Every managed resource, for the IDs that references name (a new subnet, say).
    const anyType = [];
    const ignoredTypes = [];
    let ignored = 0;
    for (const raw of Array.isArray(document.resource_changes) ? document.resource_changes : []) {
        if (!(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(raw))
            continue;
        const type = typeof raw.type === 'string' ? raw.type : '';
        const address = typeof raw.address === 'string' ? raw.address : type;
        const change = obj(raw.change);
        const actions = strings(change.actions);
        const tf = {
            address,
            type,
            actions,
            before: (0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(change.before) ? change.before : null,
            after: (0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(change.after) ? change.after : null,
            unknown: obj(change.after_unknown),
            expressions: config.get(configAddress(address)) ?? {}
        };
        anyType.push(tf);
        // A data source is read, not changed: there only for the IDs that references name.
        if (raw.mode === 'data')
            continue;
        if (!SUPPORTED.has(type)) {
            if (actionOf(actions) !== null) {
                ignored++;
                if (type && !ignoredTypes.includes(type))
                    ignoredTypes.push(type);
            }
            continue;
        }
        all.push(tf);
    }
    const subscription = subscriptionOfPlan(anyType, document) ?? defaultSubscription;
    const ids = new Ids(anyType, subscription);
    const changes = [];
    for (const tf of all) {
        const action = actionOf(tf.actions);
        if (action === null)
            continue;
        const mapped = ids.map(tf, action);
        if (tf.before && action !== 'create') {
            // The prior values read like a plan that sets them, so `before` has the shape `after` has.
            const prior = ids.map({ ...tf, after: tf.before, unknown: {}, expressions: {} }, 'modify');
            for (const change of mapped) {
                change.before =
                    prior.find((p) => p.id.toLowerCase() === change.id.toLowerCase())?.after ?? null;
            }
        }
        changes.push(...mapped);
    }
    return { format: 'terraform', path, changes, ignored, ignoredTypes };
}
/** The subscription of any known Azure ID in the plan, for IDs azurerm builds at apply. */
function subscriptionOfPlan(all, document) {
    const text = JSON.stringify([all.map((c) => [c.before, c.after]), document.prior_state ?? null]);
    const fromId = /\/subscriptions\/([0-9a-f-]{36})\//i.exec(text)?.[1];
    // data.azurerm_client_config in prior_state says which subscription the provider works in.
    const fromConfig = /"subscription_id":"([0-9a-f-]{36})"/i.exec(text)?.[1];
    return (fromId ?? fromConfig ?? null)?.toLowerCase() ?? null;
}
/** IDs of the plan's resources: known ones as the plan says, new ones built as azurerm builds them. */
class Ids {
    subscription;
    byAddress = new Map();
    cache = new Map();
    constructor(all, subscription) {
        this.subscription = subscription;
        for (const tf of all)
            this.byAddress.set(tf.address, tf);
    }
    rg(values) {
        return str(values.resource_group_name);
    }
    base(values) {
        const rg = this.rg(values);
        return this.subscription && rg
            ? `/subscriptions/${this.subscription}/resourceGroups/${rg}`
            : null;
    }
    /** The ID of the resource at `address` (after apply), or null when it cannot be known. */
    idOf(address) {
        if (this.cache.has(address))
            return this.cache.get(address) ?? null;
        this.cache.set(address, null);
        const tf = this.byAddress.get(address) ?? this.byAddress.get(`${address}[0]`);
        const id = tf ? this.build(tf) : null;
        this.cache.set(address, id);
        return id;
    }
    build(tf) {
        const values = tf.after ?? tf.before ?? {};
        const known = str(values.id) ?? (tf.actions.includes('create') ? null : str(tf.before?.id));
        if (known)
            return known;
        const child = this.childId(tf, values);
        if (child)
            return child;
        const base = this.base(values);
        const name = str(values.name);
        if (!base || !name)
            return null;
        switch (tf.type) {
            case 'azurerm_key_vault':
                return `${base}/providers/Microsoft.KeyVault/vaults/${name}`;
            case 'azurerm_key_vault_managed_hardware_security_module':
                return `${base}/providers/Microsoft.KeyVault/managedHSMs/${name}`;
            case 'azurerm_private_endpoint':
                return `${base}/providers/Microsoft.Network/privateEndpoints/${name}`;
            case 'azurerm_private_dns_zone':
                return `${base}/providers/Microsoft.Network/privateDnsZones/${name}`;
            case 'azurerm_virtual_network':
                return `${base}/providers/Microsoft.Network/virtualNetworks/${name}`;
            case 'azurerm_subnet': {
                const vnet = str(values.virtual_network_name);
                return vnet
                    ? `${base}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${name}`
                    : null;
            }
            case 'azurerm_private_dns_zone_virtual_network_link': {
                const zone = str(values.private_dns_zone_name);
                return zone
                    ? `${base}/providers/Microsoft.Network/privateDnsZones/${zone}/virtualNetworkLinks/${name}`
                    : null;
            }
            case 'azurerm_private_dns_a_record': {
                const zone = str(values.zone_name);
                return zone ? `${base}/providers/Microsoft.Network/privateDnsZones/${zone}/A/${name}` : null;
            }
            case 'azurerm_virtual_network_peering': {
                const vnet = str(values.virtual_network_name);
                return vnet
                    ? `${base}/providers/Microsoft.Network/virtualNetworks/${vnet}/virtualNetworkPeerings/${name}`
                    : null;
            }
            case 'azurerm_private_dns_resolver':
                return `${base}/providers/Microsoft.Network/dnsResolvers/${name}`;
            case 'azurerm_private_dns_resolver_dns_forwarding_ruleset':
                return `${base}/providers/Microsoft.Network/dnsForwardingRulesets/${name}`;
        }
        return null;
    }
    /** Children whose ID is their parent's (`private_dns_resolver_id`, ...) plus their name. */
    childId(tf, values) {
        const name = str(values.name) ?? 'default';
        const x = tf.expressions;
        switch (tf.type) {
            case 'azurerm_virtual_network_dns_servers': {
                // azurerm's ID for it; the change applies to the VNet it names.
                const vnet = this.refId(values.virtual_network_id, x.virtual_network_id);
                return vnet ? `${vnet}/dnsServers/default` : null;
            }
            case 'azurerm_private_dns_resolver_inbound_endpoint': {
                const resolver = this.refId(values.private_dns_resolver_id, x.private_dns_resolver_id);
                return resolver ? `${resolver}/inboundEndpoints/${name}` : null;
            }
            case 'azurerm_private_dns_resolver_forwarding_rule': {
                const ruleset = this.refId(values.dns_forwarding_ruleset_id, x.dns_forwarding_ruleset_id);
                return ruleset ? `${ruleset}/forwardingRules/${name}` : null;
            }
            case 'azurerm_private_dns_resolver_virtual_network_link': {
                const ruleset = this.refId(values.dns_forwarding_ruleset_id, x.dns_forwarding_ruleset_id);
                return ruleset ? `${ruleset}/virtualNetworkLinks/${name}` : null;
            }
        }
        return null;
    }
    /**
     * `ip-of:<ID>` for each private endpoint or inbound endpoint an attribute known only after
     * apply refers to (`azurerm_private_dns_resolver_inbound_endpoint.hub.ip_configurations[0].private_ip_address`).
     */
    ipRefs(expression, types = IP_HOLDERS) {
        const found = [];
        for (const ref of strings(obj(expression).references)) {
            const m = /^((?:module\.[^.]+\.)*([a-z0-9_]+)\.[^.[]+(?:\[[^\]]*\])?)\./.exec(ref);
            if (!m?.[1] || !m[2] || !types.includes(m[2]))
                continue;
            const id = this.idOf(m[1]);
            if (id && !found.includes(`${IP_OF}${id}`))
                found.push(`${IP_OF}${id}`);
        }
        return found;
    }
    /**
     * A list of IPs (`dns_servers`, `records`): the known ones, `ip-of:` for those known after apply
     * that name an endpoint's IP, and `known-after-apply:<attribute>` when that does not account for
     * every unknown element.
     */
    ipList(value, unknown, expression, attribute, types = IP_HOLDERS) {
        const known = strings(value);
        const missing = unknownCount(unknown);
        if (missing === 0)
            return known;
        const refs = this.ipRefs(expression, types);
        return this.explained(refs, missing, expression, types)
            ? [...known, ...refs]
            : [...known, ...refs, `${KNOWN_AFTER_APPLY}${attribute}`];
    }
    /**
     * Whether endpoints' IPs are all an unknown value can be: at least one per unknown element, and
     * nothing else referred to but input variables (known when the plan is made).
     */
    explained(refs, missing, expression, types) {
        if (refs.length < missing)
            return false;
        return strings(obj(expression).references).every((ref) => {
            const type = /^(?:module\.[^.]+\.)*([a-z0-9_]+)\./.exec(ref)?.[1];
            return KNOWN_AT_PLAN.test(ref) || (type !== undefined && types.includes(type));
        });
    }
    /**
     * An attribute's value after apply: as the plan says when known, else the ID of the resource
     * its expression refers to (`<address>.id`), else null.
     */
    refId(value, expression) {
        const known = str(value);
        if (known)
            return known;
        for (const ref of strings(obj(expression).references)) {
            const m = /^(.*)\.id$/.exec(ref);
            if (m?.[1]) {
                const id = this.idOf(m[1]) ?? this.idOfAny(m[1]);
                if (id)
                    return id;
            }
        }
        return null;
    }
    /** For `azurerm_subnet.x`: resources not in resource_changes are not known. */
    idOfAny(address) {
        return this.idOf(address.replace(/\[[^\]]*\]$/, ''));
    }
    map(tf, action) {
        const id = this.idOf(tf.address);
        if (!id)
            return [];
        if (action === 'delete') {
            return [this.change(tf, action, id, null, typeOf(tf.type))];
        }
        const a = tf.after ?? {};
        const x = tf.expressions;
        switch (tf.type) {
            case 'azurerm_key_vault':
            case 'azurerm_key_vault_managed_hardware_security_module': {
                const acls = block(a.network_acls);
                const properties = {
                    publicNetworkAccess: a.public_network_access_enabled === false ? 'Disabled' : 'Enabled'
                };
                if (acls) {
                    properties.networkAcls = {
                        bypass: str(acls.bypass),
                        defaultAction: str(acls.default_action),
                        ipRules: strings(acls.ip_rules).map((value) => ({ value })),
                        virtualNetworkRules: strings(acls.virtual_network_subnet_ids).map((rule) => ({
                            id: rule
                        }))
                    };
                }
                return [
                    this.change(tf, action, id, { name: str(a.name), location: str(a.location), properties }, typeOf(tf.type))
                ];
            }
            case 'azurerm_private_endpoint':
                return this.privateEndpoint(tf, action, id);
            case 'azurerm_private_dns_zone':
                return [
                    this.change(tf, action, id, { name: str(a.name), properties: {} }, 'Microsoft.Network/privateDnsZones')
                ];
            case 'azurerm_private_dns_zone_virtual_network_link': {
                // A VNet no reference names (another module's new VNet): a link to some VNet, not to none.
                const vnet = this.refId(a.virtual_network_id, x.virtual_network_id) ??
                    (isUnknown(obj(tf.unknown).virtual_network_id)
                        ? `${KNOWN_AFTER_APPLY}${tf.address}.virtual_network_id`
                        : null);
                const properties = {
                    virtualNetwork: vnet ? { id: vnet } : undefined,
                    registrationEnabled: a.registration_enabled === true
                };
                const policy = str(a.resolution_policy);
                if (policy)
                    properties.resolutionPolicy = policy;
                return [
                    this.change(tf, action, id, { name: str(a.name), properties }, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks')
                ];
            }
            case 'azurerm_private_dns_a_record': {
                // Records only known at apply: a private endpoint's IP, when that is what they name.
                const records = this.ipList(a.records, obj(tf.unknown).records, x.records, `${tf.address}.records`, ['azurerm_private_endpoint']);
                return [
                    this.change(tf, action, id, {
                        name: str(a.name),
                        properties: {
                            ttl: typeof a.ttl === 'number' ? a.ttl : null,
                            aRecords: records.map((ipv4Address) => ({ ipv4Address }))
                        }
                    }, 'Microsoft.Network/privateDnsZones/A')
                ];
            }
            case 'azurerm_virtual_network': {
                const properties = { addressSpace: { addressPrefixes: strings(a.address_space) } };
                // Left unset, dns_servers is unknown too (Optional and Computed) but means Azure-provided
                // DNS, or what a separate azurerm_virtual_network_dns_servers sets: only a value the
                // configuration gives is one to wait for.
                const servers = this.ipList(a.dns_servers, x.dns_servers === undefined ? undefined : obj(tf.unknown).dns_servers, x.dns_servers, `${tf.address}.dns_servers`);
                if (servers.length > 0)
                    properties.dhcpOptions = { dnsServers: servers };
                return [
                    this.change(tf, action, id, { name: str(a.name), location: str(a.location), properties }, 'Microsoft.Network/virtualNetworks')
                ];
            }
            case 'azurerm_virtual_network_dns_servers': {
                const vnet = this.refId(a.virtual_network_id, x.virtual_network_id);
                if (!vnet)
                    return [];
                return [
                    {
                        action: 'modify',
                        id: vnet,
                        type: 'Microsoft.Network/virtualNetworks',
                        after: {
                            id: vnet,
                            type: 'Microsoft.Network/virtualNetworks',
                            properties: {
                                dhcpOptions: {
                                    dnsServers: this.ipList(a.dns_servers, obj(tf.unknown).dns_servers, x.dns_servers, `${tf.address}.dns_servers`)
                                }
                            }
                        },
                        source: tf.address,
                        partial: true
                    }
                ];
            }
            case 'azurerm_virtual_network_peering': {
                // A remote VNet no reference names (another module's new VNet): peered with some VNet.
                const remote = this.refId(a.remote_virtual_network_id, x.remote_virtual_network_id) ??
                    (isUnknown(obj(tf.unknown).remote_virtual_network_id)
                        ? `${KNOWN_AFTER_APPLY}${tf.address}.remote_virtual_network_id`
                        : null);
                return [
                    this.change(tf, action, id, {
                        name: str(a.name),
                        properties: {
                            remoteVirtualNetwork: remote ? { id: remote } : undefined,
                            allowVirtualNetworkAccess: a.allow_virtual_network_access !== false,
                            allowForwardedTraffic: a.allow_forwarded_traffic === true,
                            allowGatewayTransit: a.allow_gateway_transit === true,
                            useRemoteGateways: a.use_remote_gateways === true
                        }
                    }, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings')
                ];
            }
            case 'azurerm_private_dns_resolver': {
                const vnet = this.refId(a.virtual_network_id, x.virtual_network_id);
                return [
                    this.change(tf, action, id, {
                        name: str(a.name),
                        location: str(a.location),
                        properties: { virtualNetwork: vnet ? { id: vnet } : undefined }
                    }, 'Microsoft.Network/dnsResolvers')
                ];
            }
            case 'azurerm_private_dns_resolver_inbound_endpoint': {
                const configsX = Array.isArray(x.ip_configurations) ? x.ip_configurations : [];
                const configs = (Array.isArray(a.ip_configurations) ? a.ip_configurations : []).map((c, i) => {
                    const config = obj(c);
                    const subnet = this.refId(config.subnet_id, obj(configsX[i]).subnet_id);
                    return {
                        // Unknown for a Dynamic address: Azure assigns it at apply.
                        privateIpAddress: str(config.private_ip_address) ?? undefined,
                        privateIpAllocationMethod: str(config.private_ip_allocation_method) ?? 'Dynamic',
                        subnet: subnet ? { id: subnet } : undefined
                    };
                });
                return [
                    this.change(tf, action, id, {
                        name: str(a.name),
                        location: str(a.location),
                        properties: { ipConfigurations: configs }
                    }, 'Microsoft.Network/dnsResolvers/inboundEndpoints')
                ];
            }
            case 'azurerm_private_dns_resolver_dns_forwarding_ruleset':
                return [
                    this.change(tf, action, id, {
                        name: str(a.name),
                        location: str(a.location),
                        properties: {
                            dnsResolverOutboundEndpoints: strings(a.private_dns_resolver_outbound_endpoint_ids).map((endpoint) => ({ id: endpoint }))
                        }
                    }, 'Microsoft.Network/dnsForwardingRulesets')
                ];
            case 'azurerm_private_dns_resolver_forwarding_rule': {
                const targetsX = Array.isArray(x.target_dns_servers) ? x.target_dns_servers : [];
                const targetsU = obj(tf.unknown).target_dns_servers;
                const listed = Array.isArray(a.target_dns_servers) ? a.target_dns_servers : [];
                // A dynamic block over a value known after apply: not even the number of targets is known.
                const blocks = listed.length === 0 && isUnknown(targetsU) ? [{}] : listed;
                const targets = blocks.flatMap((t, i) => {
                    const target = obj(t);
                    const port = typeof target.port === 'number' && target.port > 0 ? target.port : 53;
                    const ip = str(target.ip_address);
                    const ips = ip
                        ? [ip]
                        : this.ipList([], true, obj(targetsX[i]).ip_address, `${tf.address}.target_dns_servers[${i}].ip_address`);
                    return ips.map((ipAddress) => ({ ipAddress, port }));
                });
                return [
                    this.change(tf, action, id, {
                        name: str(a.name),
                        properties: {
                            domainName: str(a.domain_name),
                            // `enabled` defaults to true.
                            forwardingRuleState: a.enabled === false ? 'Disabled' : 'Enabled',
                            targetDnsServers: targets
                        }
                    }, 'Microsoft.Network/dnsForwardingRulesets/forwardingRules')
                ];
            }
            case 'azurerm_private_dns_resolver_virtual_network_link': {
                const vnet = this.refId(a.virtual_network_id, x.virtual_network_id);
                return [
                    this.change(tf, action, id, { name: str(a.name), properties: { virtualNetwork: vnet ? { id: vnet } : undefined } }, 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks')
                ];
            }
        }
        return [];
    }
    privateEndpoint(tf, action, id) {
        const a = tf.after ?? {};
        const x = tf.expressions;
        const connection = block(a.private_service_connection) ?? {};
        const connectionX = block(x.private_service_connection) ?? {};
        const target = this.refId(connection.private_connection_resource_id, connectionX.private_connection_resource_id);
        const subnet = this.refId(a.subnet_id, x.subnet_id);
        const link = {
            name: str(connection.name),
            properties: {
                privateLinkServiceId: target,
                groupIds: strings(connection.subresource_names).map((g) => g.toLowerCase()),
                ...(str(connection.request_message)
                    ? { requestMessage: str(connection.request_message) }
                    : {})
            }
        };
        const manual = connection.is_manual_connection === true;
        const properties = {
            subnet: subnet ? { id: subnet } : undefined,
            privateLinkServiceConnections: manual ? [] : [link],
            manualPrivateLinkServiceConnections: manual ? [link] : [],
            ipConfigurations: (Array.isArray(a.ip_configuration) ? a.ip_configuration : []).map((c) => ({
                name: str(obj(c).name),
                properties: {
                    privateIPAddress: str(obj(c).private_ip_address),
                    groupId: str(obj(c).subresource_name),
                    memberName: str(obj(c).member_name)
                }
            }))
        };
        const changes = [
            this.change(tf, action, id, { name: str(a.name), location: str(a.location), properties }, 'Microsoft.Network/privateEndpoints')
        ];
        // The inline zone group is its own resource in ARM.
        const group = block(a.private_dns_zone_group);
        const groupX = block(x.private_dns_zone_group) ?? {};
        const before = block(tf.before?.private_dns_zone_group);
        if (group) {
            const name = str(group.name) ?? 'default';
            let zones = strings(group.private_dns_zone_ids);
            if (zones.length === 0) {
                zones = strings(obj(groupX.private_dns_zone_ids).references)
                    .map((ref) => /^(.*)\.id$/.exec(ref)?.[1])
                    .flatMap((address) => {
                    const zone = address ? this.idOf(address) : null;
                    return zone ? [zone] : [];
                });
            }
            changes.push({
                action: action === 'modify' && before ? 'modify' : 'create',
                id: `${id}/privateDnsZoneGroups/${name}`,
                type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
                after: {
                    id: `${id}/privateDnsZoneGroups/${name}`,
                    type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
                    name,
                    properties: {
                        privateDnsZoneConfigs: zones.map((zone) => ({
                            name: zone.split('/').pop(),
                            properties: { privateDnsZoneId: zone }
                        }))
                    }
                },
                source: `${tf.address}.private_dns_zone_group`
            });
        }
        else if (before && action === 'modify') {
            const name = str(before.name) ?? 'default';
            changes.push({
                action: 'delete',
                id: `${id}/privateDnsZoneGroups/${name}`,
                type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
                after: null,
                source: `${tf.address}.private_dns_zone_group`
            });
        }
        return changes;
    }
    change(tf, action, id, after, type) {
        return {
            action,
            id,
            type,
            after: after ? { ...after, id, type } : null,
            source: tf.address
        };
    }
}
function typeOf(tfType) {
    switch (tfType) {
        case 'azurerm_key_vault':
            return 'Microsoft.KeyVault/vaults';
        case 'azurerm_key_vault_managed_hardware_security_module':
            return 'Microsoft.KeyVault/managedHSMs';
        case 'azurerm_private_endpoint':
            return 'Microsoft.Network/privateEndpoints';
        case 'azurerm_private_dns_zone':
            return 'Microsoft.Network/privateDnsZones';
        case 'azurerm_private_dns_zone_virtual_network_link':
            return 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';
        case 'azurerm_private_dns_a_record':
            return 'Microsoft.Network/privateDnsZones/A';
        case 'azurerm_virtual_network_peering':
            return 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';
        case 'azurerm_private_dns_resolver':
            return 'Microsoft.Network/dnsResolvers';
        case 'azurerm_private_dns_resolver_inbound_endpoint':
            return 'Microsoft.Network/dnsResolvers/inboundEndpoints';
        case 'azurerm_private_dns_resolver_dns_forwarding_ruleset':
            return 'Microsoft.Network/dnsForwardingRulesets';
        case 'azurerm_private_dns_resolver_forwarding_rule':
            return 'Microsoft.Network/dnsForwardingRulesets/forwardingRules';
        case 'azurerm_private_dns_resolver_virtual_network_link':
            return 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks';
        default:
            return 'Microsoft.Network/virtualNetworks';
    }
}


/***/ }),

/***/ 3343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ runnerAddresses),
/* harmony export */   v: () => (/* binding */ isOwnAddress)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/**
 * This runner's own addresses, to tell "the vault saw me" from "the vault saw someone else"
 * (guide §7, the `addr` of `x-ms-keyvault-network-info`).
 *
 * Loopback (127.0.0.0/8, ::1) is left out: the vault can never see it. Other addresses on
 * internal interfaces are kept, because a runner may hold its VNet address on `lo` or a dummy
 * interface (and network namespace tests do exactly that).
 */

function runnerAddresses(interfaces = (0,node_os__WEBPACK_IMPORTED_MODULE_0__.networkInterfaces)()) {
    const addresses = new Set();
    for (const list of Object.values(interfaces)) {
        for (const info of list ?? []) {
            const address = info.address.replace(/%.*$/, '').toLowerCase();
            if (address === '::1' || address.startsWith('127.'))
                continue;
            addresses.add(address);
        }
    }
    return [...addresses];
}
/** `ip` (possibly IPv4-mapped IPv6) is one of `addresses`. */
function isOwnAddress(ip, addresses) {
    const plain = ip.toLowerCase().replace(/^::ffff:(?=\d+\.)/, '');
    return addresses.includes(plain);
}


/***/ })

};

//# sourceMappingURL=730.index.js.map