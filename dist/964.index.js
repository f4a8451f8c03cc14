export const id = 964;
export const ids = [964];
export const modules = {

/***/ 964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  probe: () => (/* binding */ probe)
});

// UNUSED EXPORTS: vaultHostname

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/credential/explain.ts
var explain = __webpack_require__(7758);
// EXTERNAL MODULE: ./src/model/model.ts
var model_model = __webpack_require__(9860);
// EXTERNAL MODULE: ./src/common/ip.ts
var ip = __webpack_require__(3796);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/probe/step.ts
/** Marks an error as ours: the step ran out of time. */
const TIMEOUT_CODE = 'KVPLD_TIMEOUT';
class StepTimeoutError extends Error {
    ms;
    code = TIMEOUT_CODE;
    constructor(ms) {
        super(`no answer within ${seconds(ms)}`);
        this.ms = ms;
    }
}
function seconds(ms) {
    const value = ms / 1000;
    return `${Number.isInteger(value) ? value : value.toFixed(1)} s`;
}
/**
 * `promise`, or a StepTimeoutError after `ms`; `onTimeout` cancels what can be cancelled.
 * Work that cannot be cancelled (getaddrinfo) finishes in the background and is ignored.
 */
async function withTimeout(promise, ms, onTimeout) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => {
            onTimeout?.();
            reject(new StepTimeoutError(ms));
        }, ms);
    });
    try {
        return await Promise.race([promise, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
function codeOf(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : 'ERROR';
}
function messageOf(error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('\n')[0] ?? '';
}
/** Node's codes for DNS failures (c-ares and getaddrinfo) by what they say happened. */
const FAILURE_KINDS = {
    ENOTFOUND: 'nxdomain',
    ENODATA: 'no-data',
    // getaddrinfo's own codes, as a request's lookup reports them (Node turns EAI_NONAME into
    // ENOTFOUND; EAI_NODATA may come through as is).
    EAI_NODATA: 'no-data',
    ESERVFAIL: 'servfail',
    EREFUSED: 'refused',
    ETIMEOUT: 'timeout',
    ECANCELLED: 'timeout',
    [TIMEOUT_CODE]: 'timeout',
    ECONNREFUSED: 'unreachable',
    EAI_AGAIN: 'temporary'
};
function dnsFailureKind(code) {
    return FAILURE_KINDS[code] ?? 'other';
}
/** The step error kinds the rules already know, for each way a lookup fails. */
const STEP_KINDS = {
    nxdomain: 'nxdomain',
    'no-data': 'no-data',
    timeout: 'dns-timeout',
    servfail: 'dns-failed',
    refused: 'dns-failed',
    unreachable: 'dns-failed',
    temporary: 'dns-failed',
    other: 'dns-failed'
};
/** The codes a request's own name lookup (getaddrinfo) fails with. */
const LOOKUP_CODES = new Set([
    'ENOTFOUND',
    'EAI_AGAIN',
    'EAI_NODATA',
    'EAI_FAIL',
    'EAI_NONAME',
    // The helper process that runs getaddrinfo (os-resolver.ts) failed.
    'KVPLD_LOOKUP_HELPER'
]);
/**
 * A DNS error (dns.Resolver or dns.lookup) as a named step error. `kind`: how it failed when the
 * code alone does not say (c-ares' EBADRESP, read again from the answer's rcode); `servers`: the
 * DNS servers asked, named in the message.
 */
function dnsError(error, name, found = {}) {
    const code = codeOf(error);
    const kind = found.kind ?? dnsFailureKind(code);
    const by = found.servers?.length ? found.servers.join(', ') : 'the resolver';
    const messages = {
        nxdomain: `${name} does not exist (NXDOMAIN)`,
        'no-data': `${name} has no A record`,
        timeout: `no DNS answer for ${name} in time`,
        servfail: `${by} answered SERVFAIL for ${name}: the resolver could not get an answer itself (a lame or unreachable delegation, or a failing forwarder)`,
        refused: `${by} answered REFUSED for ${name}: the server does not resolve this name for this client`,
        unreachable: `no DNS server answers at ${by} (${code}: nothing listens there)`,
        temporary: `resolving ${name} failed temporarily (EAI_AGAIN: the resolver answered SERVFAIL or REFUSED, or did not answer within the system's own timeout)`,
        other: `resolving ${name} failed (${code}: ${messageOf(error)})`
    };
    return { kind: STEP_KINDS[kind], phase: 'dns', code, message: messages[kind] };
}
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME|ALTNAME/i;
/**
 * A DNS/TCP/TLS/HTTP error of a request as a named step error, given how far the request got.
 * `phase` `dns`: the request was still resolving `hostname` (it was not pinned to an address).
 */
function connectionError(error, phase, timeoutMs, hostname = 'the name') {
    const code = codeOf(error);
    const message = messageOf(error);
    // The request's own lookup failed: a DNS failure, named as such (contract: DNS failures are named).
    if (LOOKUP_CODES.has(code) || (phase === 'dns' && code === TIMEOUT_CODE)) {
        return dnsError(error, hostname);
    }
    // Past the lookup (or it never finished for another reason): the connection's phases.
    const at = phase === 'dns' ? 'connect' : phase;
    if (code === TIMEOUT_CODE || code === 'ETIMEDOUT') {
        const what = {
            connect: `no TCP connection within ${seconds(timeoutMs)} (timeout: packets dropped or filtered)`,
            tls: `TCP connected, but the TLS handshake did not finish within ${seconds(timeoutMs)}`,
            response: `connected and TLS verified, but no HTTP answer within ${seconds(timeoutMs)}`
        }[at];
        return { kind: 'timeout', phase: at, code: TIMEOUT_CODE, message: what };
    }
    if (code === 'ECONNREFUSED') {
        return { kind: 'refused', phase: 'connect', code, message: 'connection refused on port 443' };
    }
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EINVAL') {
        return { kind: 'unreachable', phase: 'connect', code, message: `no route (${code})` };
    }
    if (TLS_CODE.test(code))
        return { kind: 'tls', phase: 'tls', code, message };
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
        const during = {
            connect: 'while connecting',
            tls: 'during the TLS handshake, before any certificate was checked',
            response: 'after the TLS handshake, before a complete HTTP answer'
        }[at];
        return { kind: 'reset', phase: at, code, message: `the connection was closed ${during}` };
    }
    return { kind: 'error', phase: at, code, message };
}

;// CONCATENATED MODULE: ./src/probe/os-resolver.ts
/**
 * The OS resolver (getaddrinfo: hosts file, nsswitch, resolv.conf) in a helper process that can
 * be killed. getaddrinfo cannot be cancelled: a call holds one of libuv's threads until glibc
 * gives up (timeout × attempts × name servers: 30 s with resolv.conf's defaults and three servers
 * that never answer), and Node waits for those threads even in process.exit(). In process, one
 * such lookup kept the step running for 30 s after the probe had finished; with more vaults,
 * libuv (which runs getaddrinfo on at most half of its 4 threads) queued every later lookup behind
 * them, so later vaults timed out without being asked and the step ran until the queue drained.
 * In a helper, the probe stops waiting at its budget and kills the helper when it is done.
 *
 * The helper is a second Node process (this one's binary) that answers `dns.lookup` over IPC with
 * the runner's own environment (LOCALDOMAIN, RES_OPTIONS), so it resolves exactly as this process
 * would. Once RETIRE_AFTER of its lookups never returned, new lookups go to a fresh helper and
 * the old one is killed as soon as nothing it still answers is awaited.
 */


/** The helper, as `node -e`: plain CommonJS, single quotes only (Windows command lines). */
const HELPER = [
    "const dns = require('node:dns')",
    "process.on('message', (m) => {",
    '  const options = { all: true, family: m.family, hints: m.hints, order: m.order }',
    '  dns.lookup(m.hostname, options, (error, addresses) => {',
    '    if (!process.connected) return',
    '    if (error) process.send({ id: m.id, code: error.code || String(error.errno), message: error.message })',
    '    else process.send({ id: m.id, code: null, message: null, addresses })',
    '  })',
    '})',
    // Gone parent: die at once (an exit would wait for the lookups still running, like here).
    "process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'))"
].join('\n');
/** The code of a lookup that failed because the helper did (it could not start, or died). */
const HELPER_CODE = 'KVPLD_LOOKUP_HELPER';
/**
 * libuv runs at most half of its threads' worth of getaddrinfo calls at once ("slow I/O"): 16 of
 * 32. A helper is retired once 8 of those are held by lookups that never returned, which leaves 8
 * for the lookups in flight (the probe runs 4 vaults at a time, one lookup each).
 */
const THREADS = 32;
const RETIRE_AFTER = 8;
let current = null;
const helpers = new Set();
let nextId = 1;
function stopIfIdle(helper) {
    if (helper.retired && helper.live.size === 0)
        helper.child.kill('SIGKILL');
}
function retire(helper) {
    helper.retired = true;
    if (current === helper)
        current = null;
    stopIfIdle(helper);
}
function failAll(helper, code, message) {
    for (const done of helper.live.values())
        done({ id: 0, code, message });
    helper.live.clear();
}
function startHelper() {
    const env = { ...process.env, UV_THREADPOOL_SIZE: String(THREADS) };
    // The runner's NODE_OPTIONS (--require hooks, --inspect) have no business in a DNS helper.
    delete env.NODE_OPTIONS;
    const child = (0,external_node_child_process_.spawn)(process.execPath, ['-e', HELPER], {
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        env,
        windowsHide: true
    });
    const helper = { child, live: new Map(), stuck: new Set(), retired: false };
    helpers.add(helper);
    child.on('message', (reply) => {
        helper.stuck.delete(reply.id);
        const done = helper.live.get(reply.id);
        if (done) {
            helper.live.delete(reply.id);
            done(reply);
        }
        stopIfIdle(helper);
    });
    const gone = (why) => {
        helpers.delete(helper);
        if (current === helper)
            current = null;
        failAll(helper, HELPER_CODE, why);
    };
    child.on('error', (error) => gone(`the lookup helper failed: ${error.message}`));
    child.on('exit', (code, signal) => gone(`the lookup helper ended (${signal ?? code})`));
    // Neither the helper nor its channel may keep this process alive.
    child.unref();
    child.channel?.unref?.();
    return helper;
}
/** `dns.lookup(hostname, { all: true, … })` in the helper, given up after `timeoutMs`. */
function osLookup(hostname, options, timeoutMs) {
    const helper = current ?? (current = startHelper());
    const id = nextId++;
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            if (!helper.live.delete(id))
                return;
            helper.stuck.add(id);
            if (helper.stuck.size >= RETIRE_AFTER)
                retire(helper);
            reject(new StepTimeoutError(timeoutMs));
        }, timeoutMs);
        helper.live.set(id, (reply) => {
            clearTimeout(timer);
            if (reply.code === null)
                resolve(reply.addresses ?? []);
            else
                reject(Object.assign(new Error(reply.message ?? reply.code), { code: reply.code }));
        });
        const failed = (error) => {
            const done = error ? helper.live.get(id) : undefined;
            if (!done)
                return;
            helper.live.delete(id);
            done({ id, code: HELPER_CODE, message: `the lookup helper failed: ${error.message}` });
        };
        try {
            helper.child.send({ id, hostname, ...options }, failed);
        }
        catch (error) {
            failed(error instanceof Error ? error : new Error(String(error)));
        }
    });
}
/** Kills every helper (the probe is done; lookups still running in them are abandoned). */
function closeOsResolver() {
    for (const helper of helpers) {
        helper.retired = true;
        failAll(helper, HELPER_CODE, 'the probe ended');
        helper.child.kill('SIGKILL');
    }
    helpers.clear();
    current = null;
}

;// CONCATENATED MODULE: ./src/probe/https-probe.ts





/**
 * A request's own name lookup, in the getaddrinfo helper (os-resolver.ts): a lookup the request
 * gives up on must not stay behind in this process.
 */
function lookupWithin(timeoutMs) {
    return (hostname, options, callback) => {
        osLookup(hostname, { family: options.family, hints: options.hints }, timeoutMs).then((addresses) => {
            const first = addresses[0];
            if (!first) {
                const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
                    code: 'ENOTFOUND'
                });
                callback(error, '', 0);
            }
            else if (options.all)
                callback(null, addresses);
            else
                callback(null, first.address, first.family);
        }, (error) => callback(error, '', 0));
    };
}
/**
 * Key Vault's marks on an answer (result.ts `DataPlaneResult.markers`): its `x-ms-keyvault-*`
 * headers, `x-ms-request-id`, and `error-body` when the caller found Key Vault's JSON error body.
 * Key Vault's only when a Key Vault header is there, or a request id with that body.
 */
function keyVaultMarkers(headers, errorBody) {
    const names = Object.keys(headers).map((name) => name.toLowerCase());
    const vaultHeaders = names.filter((name) => name.startsWith('x-ms-keyvault-')).sort();
    const requestId = names.includes('x-ms-request-id');
    const markers = [
        ...vaultHeaders,
        ...(requestId ? ['x-ms-request-id'] : []),
        ...(errorBody ? ['error-body'] : [])
    ];
    return { keyVault: vaultHeaders.length > 0 || (requestId && errorBody), markers };
}
/** One GET, bounded by `timeoutMs` from start to the end of the body. */
function httpsGet(options) {
    const { hostname, ip, path, timeoutMs, maxBody = 0 } = options;
    return new Promise((resolve) => {
        // A request by name resolves it first (getaddrinfo): failures there are DNS failures.
        let phase = ip || (0,external_node_net_.isIP)(hostname) ? 'connect' : 'dns';
        let settled = false;
        const finish = (value) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            resolve(value);
        };
        const req = (0,external_node_https_.request)({
            host: ip ?? hostname,
            port: 443,
            servername: hostname,
            path,
            method: 'GET',
            headers: { host: hostname, 'user-agent': 'kv-private-link-doctor', ...options.headers },
            agent: false,
            lookup: lookupWithin(timeoutMs),
            timeout: timeoutMs,
            // Explicit, so that NODE_TLS_REJECT_UNAUTHORIZED=0 on the runner cannot turn them off.
            rejectUnauthorized: true,
            checkServerIdentity: external_node_tls_.checkServerIdentity
        });
        const timer = setTimeout(() => req.destroy(new StepTimeoutError(timeoutMs)), timeoutMs);
        // Read at connect: once the response has ended the socket may already be detached.
        let remoteAddress = ip ?? null;
        req.on('socket', (socket) => {
            socket.once('lookup', () => {
                if (phase === 'dns')
                    phase = 'connect';
            });
            socket.once('connect', () => {
                if (phase === 'dns' || phase === 'connect')
                    phase = 'tls';
                remoteAddress = socket.remoteAddress ?? remoteAddress;
            });
            socket.once('secureConnect', () => {
                // Belt and braces: never send the request (and a token) over an unverified connection.
                const tls = socket;
                if (!tls.authorized) {
                    const reason = String(tls.authorizationError ?? 'ERR_TLS_CERT_NOT_AUTHORIZED');
                    const error = Object.assign(new Error(`certificate not verified: ${reason}`), {
                        code: /^[A-Z_]+$/.test(reason) ? reason : 'ERR_TLS_CERT_NOT_AUTHORIZED'
                    });
                    req.destroy(error);
                    return;
                }
                phase = 'response';
            });
        });
        req.on('timeout', () => req.destroy(new StepTimeoutError(timeoutMs)));
        req.on('response', (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                if (size < maxBody)
                    chunks.push(chunk.subarray(0, maxBody - size));
                size += chunk.length;
            });
            res.on('end', () => finish({
                answer: {
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    body: Buffer.concat(chunks).toString('utf8'),
                    remoteAddress: res.socket?.remoteAddress ?? remoteAddress
                },
                error: null
            }));
            res.on('error', (error) => finish({ answer: null, error: connectionError(error, phase, timeoutMs, hostname) }));
        });
        req.on('error', (error) => finish({ answer: null, error: connectionError(error, phase, timeoutMs, hostname) }));
        req.end();
    });
}
/** `addr` of `x-ms-keyvault-network-info: addr=10.4.5.6;act_addr_fam=InterNetworkV6;`. */
function parseNetworkInfo(value) {
    if (!value)
        return null;
    const match = /(?:^|;)\s*addr=([^;\s]+)/i.exec(value);
    return match?.[1] ?? null;
}
/** `GET /healthstatus` (guide §7): the status and what the vault says about the request's origin. */
async function healthStatus(hostname, ip, via, timeoutMs) {
    const started = Date.now();
    const { answer, error } = await httpsGet({ hostname, ip, path: '/healthstatus', timeoutMs });
    if (error)
        return { via, ip, status: null, networkInfo: null, addr: null, error, ms: Date.now() - started };
    const header = answer.headers['x-ms-keyvault-network-info'];
    const networkInfo = Array.isArray(header) ? (header[0] ?? null) : (header ?? null);
    return {
        via,
        ip: ip ?? answer.remoteAddress,
        status: answer.status,
        networkInfo,
        addr: parseNetworkInfo(networkInfo),
        error: null,
        ms: Date.now() - started
    };
}

;// CONCATENATED MODULE: ./src/probe/data-plane.ts
/**
 * One authenticated data-plane request that reads nothing: a GET of a secret whose name is random,
 * so it cannot exist. Key Vault checks the network before the secret, so the answer says whether
 * the request got past the firewall: 403 with inner error `ForbiddenByFirewall` or
 * `ForbiddenByConnection` if not, anything else (typically 404 `SecretNotFound`) if it did.
 * A 2xx body is never read; error bodies name the caller, never a secret.
 */


const KEY_VAULT_API_VERSION = '7.4';
/** `kvpld-probe-` and 32 random hex digits: a valid secret name nobody has. */
function probeSecretName() {
    return `kvpld-probe-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
}
/** Reads Key Vault's error body (bodies in ERRORS.md); tolerates a missing closing brace. */
function parseKeyVaultError(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        parsed = null;
    }
    const text = (value) => (typeof value === 'string' ? value : null);
    const message = text(parsed?.error?.message) ?? /"message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(body)?.[1] ?? null;
    const code = text(parsed?.error?.code) ?? /"code"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? null;
    const innerCode = text(parsed?.error?.innererror?.code) ??
        /"innererror"\s*:\s*\{\s*"code"\s*:\s*"([^"]*)"/.exec(body)?.[1] ??
        null;
    // Messages separate lines with \r\n (escaped in raw bodies): "…\r\nClient address: 20.1.2.3\r\n…".
    const plain = message?.replace(/\\r\\n|\\n/g, '\n') ?? '';
    const clientAddress = /Client address:\s*([0-9A-Fa-f:.]+)/.exec(plain)?.[1] ?? null;
    return { code, innerCode, message: plain.split(/\r?\n/)[0] || null, clientAddress };
}
/** Key Vault's JSON error body: `{"error":{"code":…,"message":…}}` (the closing brace may be missing). */
function isKeyVaultErrorBody(body) {
    if (!/^\s*\{\s*"error"\s*:\s*\{/.test(body))
        return false;
    const { code, message } = parseKeyVaultError(body);
    return code !== null && message !== null;
}
async function dataPlaneRequest(options) {
    const { hostname, ip, via, token, timeoutMs } = options;
    const started = Date.now();
    const { answer, error } = await httpsGet({
        hostname,
        ip,
        path: `/secrets/${probeSecretName()}?api-version=${KEY_VAULT_API_VERSION}`,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        timeoutMs,
        maxBody: 16 * 1024
    });
    const base = { via, ip };
    if (error) {
        return {
            ...base,
            status: null,
            code: null,
            innerCode: null,
            clientAddress: null,
            message: null,
            keyVault: false,
            markers: [],
            error,
            ms: Date.now() - started
        };
    }
    // Only Key Vault's own error body counts: another server's JSON says nothing about the vault.
    const errorBody = answer.status >= 400 && isKeyVaultErrorBody(answer.body);
    const parsed = errorBody
        ? parseKeyVaultError(answer.body)
        : { code: null, innerCode: null, message: null, clientAddress: null };
    return {
        ...base,
        ip: ip ?? answer.remoteAddress,
        status: answer.status,
        ...parsed,
        ...keyVaultMarkers(answer.headers, errorBody),
        error: null,
        ms: Date.now() - started
    };
}

// EXTERNAL MODULE: external "node:dns/promises"
var promises_ = __webpack_require__(1553);
// EXTERNAL MODULE: external "node:dgram"
var external_node_dgram_ = __webpack_require__(1314);
;// CONCATENATED MODULE: ./src/probe/dns-rcode.ts
/**
 * The rcode of a DNS server's answer, from one plain UDP query. c-ares rejects an answer without
 * a question section as malformed (EBADRESP) and keeps its rcode to itself; unbound answers
 * clients that `access-control` refuses exactly like that (REFUSED, no question). Where c-ares
 * says EBADRESP the probe asks once more itself, to tell a refusal from a broken server.
 */



/** The rcodes the probe names (RFC 1035 §4.1.1); others stay numbers. */
const RCODES = {
    0: 'NOERROR',
    1: 'FORMERR',
    2: 'SERVFAIL',
    3: 'NXDOMAIN',
    4: 'NOTIMP',
    5: 'REFUSED'
};
const QUERY_TYPES = { A: 1, CNAME: 5 };
/** `ip`, `ip:port` or `[ipv6]:port` as c-ares' getServers() writes them. */
function parseServer(server) {
    if ((0,external_node_net_.isIP)(server))
        return { address: server, port: 53 };
    const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(server);
    const plain = /^([^:]+):(\d+)$/.exec(server);
    const match = bracketed ?? plain;
    if (!match?.[1] || !(0,external_node_net_.isIP)(match[1]))
        return null;
    const port = Number(match[2]);
    return port > 0 && port < 65536 ? { address: match[1], port } : null;
}
/** A recursive query for `name` (RFC 1035 §4.1), or null when `name` is no valid DNS name. */
function encodeQuery(id, name, type) {
    const labels = name.replace(/\.$/, '').split('.');
    if (labels.some((label) => label.length === 0 || label.length > 63 || !/^[\x21-\x7e]+$/.test(label)))
        return null;
    const header = Buffer.alloc(12);
    header.writeUInt16BE(id, 0);
    header.writeUInt16BE(0x0100, 2); // RD: ask for recursion, as c-ares does
    header.writeUInt16BE(1, 4); // one question
    const question = Buffer.concat([
        ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])),
        Buffer.from([0, 0, QUERY_TYPES[type], 0, 1]) // root, type, class IN
    ]);
    return question.length + 12 > 512 ? null : Buffer.concat([header, question]);
}
/**
 * The rcode `server` answers a query for `name` with, or null (no answer within `timeoutMs`,
 * a server that cannot be parsed, a name that cannot be encoded).
 */
function queryRcode(name, type, server, timeoutMs) {
    const target = parseServer(server);
    const id = (0,external_node_crypto_.randomBytes)(2).readUInt16BE(0);
    const query = encodeQuery(id, name, type);
    if (!target || !query || timeoutMs <= 0)
        return Promise.resolve(null);
    return new Promise((resolve) => {
        const socket = (0,external_node_dgram_.createSocket)((0,external_node_net_.isIP)(target.address) === 6 ? 'udp6' : 'udp4');
        let done = false;
        const finish = (rcode) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            socket.close();
            resolve(rcode);
        };
        const timer = setTimeout(() => finish(null), timeoutMs);
        socket.on('error', () => finish(null));
        socket.on('message', (answer, from) => {
            // Only an answer to this query, from the server asked.
            if (from.address !== target.address || from.port !== target.port)
                return;
            if (answer.length < 12 || answer.readUInt16BE(0) !== id || (answer[2] & 0x80) === 0)
                return;
            finish(answer[3] & 0x0f);
        });
        socket.send(query, target.port, target.address, (error) => {
            if (error)
                finish(null);
        });
    });
}

;// CONCATENATED MODULE: ./src/probe/dns-chain.ts
/**
 * Resolves the vault's name two ways (guide §5, §8):
 * - with DNS, hop by hop through the CNAME chain (`dns.Resolver`), because `resolve4` returns
 *   addresses only and, on NXDOMAIN, hides the alias that came with it — the chain is what tells
 *   "no privatelink alias" from "alias, but the private zone lacks the A record";
 * - with the OS resolver (getaddrinfo: hosts file and nsswitch, in a helper process:
 *   os-resolver.ts), which is what this runner's applications use.
 * A failed lookup is recorded with the hop, the query, the servers and how it failed: a resolver
 * that answers SERVFAIL or REFUSED, or none at all, is not a name that does not exist.
 */





/** More hops than any real chain (Key Vault's public chain has three). */
const MAX_HOPS = 10;
function lower(name) {
    return name.replace(/\.+$/, '').toLowerCase();
}
function dns_chain_codeOf(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : 'ERROR';
}
/**
 * How a query that c-ares called EBADRESP (an answer it could not use) really failed: the
 * rcode of a plain query to each server, in order, the first that answers.
 */
async function badResponseKind(name, query, servers, timeoutMs) {
    const rcodes = await Promise.all(servers.map((s) => queryRcode(name, query, s, timeoutMs)));
    const rcode = RCODES[rcodes.find((r) => r !== null) ?? -1];
    return rcode === 'REFUSED'
        ? 'refused'
        : rcode === 'SERVFAIL'
            ? 'servfail'
            : rcode === 'NXDOMAIN'
                ? 'nxdomain'
                : 'other';
}
/**
 * The chain from `hostname` to its A records, within `timeoutMs` in all. `servers`: `ip` or
 * `ip:port` entries; empty = the system's resolvers (resolv.conf).
 */
async function resolveChain(hostname, servers, timeoutMs) {
    const started = Date.now();
    // One try per query and a per-try timeout of the whole budget: c-ares would otherwise retry
    // for far longer than the step may take. The overall deadline below cancels what is left.
    const resolver = new promises_.Resolver({ timeout: Math.max(1, Math.round(timeoutMs)), tries: 1 });
    if (servers.length > 0)
        resolver.setServers([...servers]);
    // As c-ares will ask them (resolv.conf's when `servers` is empty).
    const asked = resolver.getServers();
    const chain = [lower(hostname)];
    const result = (addresses, error, failure = null) => ({
        servers: servers.length > 0 ? [...servers] : 'system',
        chain,
        addresses,
        error,
        failure,
        ms: Date.now() - started
    });
    const remaining = () => timeoutMs - (Date.now() - started);
    let name = chain[0];
    let query = 'CNAME';
    try {
        for (let hop = 0; hop <= MAX_HOPS; hop++) {
            query = 'CNAME';
            if (remaining() <= 0)
                throw new StepTimeoutError(timeoutMs);
            let target = null;
            try {
                const cnames = await withTimeout(resolver.resolveCname(name), remaining(), () => resolver.cancel());
                target = cnames[0] ? lower(cnames[0]) : null;
            }
            catch (error) {
                // ENODATA: the name exists without a CNAME — the end of the chain; ask for its A records.
                if (error.code !== 'ENODATA')
                    throw error;
            }
            if (target === null) {
                query = 'A';
                if (remaining() <= 0)
                    throw new StepTimeoutError(timeoutMs);
                const addresses = await withTimeout(resolver.resolve4(name), remaining(), () => resolver.cancel());
                return result(addresses, null);
            }
            if (chain.includes(target)) {
                const message = `CNAME loop at ${target}`;
                return result([], { kind: 'dns-failed', phase: 'dns', code: 'CNAME_LOOP', message }, { kind: 'other', name, query, hop, servers: asked, code: 'CNAME_LOOP' });
            }
            chain.push(target);
            name = target;
        }
        const message = `more than ${MAX_HOPS} CNAME hops`;
        return result([], { kind: 'dns-failed', phase: 'dns', code: 'CNAME_TOO_LONG', message }, {
            kind: 'other',
            name,
            query,
            hop: chain.length - 1,
            servers: asked,
            code: 'CNAME_TOO_LONG'
        });
    }
    catch (error) {
        const code = dns_chain_codeOf(error);
        // The server answered a moment ago: a second answer comes as fast, or not at all.
        const kind = code === 'EBADRESP'
            ? await badResponseKind(name, query, asked, Math.min(remaining(), 1000))
            : dnsFailureKind(code);
        const failure = { kind, name, query, hop: chain.length - 1, servers: asked, code };
        return result([], dnsError(error, name, { kind, servers: asked }), failure);
    }
    finally {
        resolver.cancel();
    }
}
/** The OS resolver's answer (IPv4 first, as applications connect), within `timeoutMs`. */
async function resolveOs(hostname, timeoutMs) {
    const started = Date.now();
    try {
        // In the helper process, which the probe kills when done: a late answer is ignored.
        const answers = await osLookup(hostname, { order: 'ipv4first' }, timeoutMs);
        const addresses = [...new Set(answers.map((answer) => answer.address))].filter((a) => (0,external_node_net_.isIP)(a));
        return { addresses, error: null, failure: null, ms: Date.now() - started };
    }
    catch (error) {
        const name = lower(hostname);
        // resolv.conf's name servers, as Node read them at start (glibc reads the same file).
        const servers = (0,promises_.getServers)();
        const failure = {
            kind: dnsFailureKind(dns_chain_codeOf(error)),
            name,
            query: 'getaddrinfo',
            hop: 0,
            servers,
            code: dns_chain_codeOf(error)
        };
        return {
            addresses: [],
            error: dnsError(error, name, { servers }),
            failure,
            ms: Date.now() - started
        };
    }
}

;// CONCATENATED MODULE: ./src/probe/proxy.ts
const PROXY_VARIABLES = [
    'https_proxy',
    'HTTPS_PROXY',
    'all_proxy',
    'ALL_PROXY',
    'http_proxy',
    'HTTP_PROXY'
];
/** The proxy URL without user name and password (they are credentials). */
function redactProxy(value) {
    try {
        const url = new URL(value.includes('://') ? value : `http://${value}`);
        url.username = '';
        url.password = '';
        return url.href.replace(/\/$/, '');
    }
    catch {
        // Not a URL: keep what follows an `@`, which is where credentials would end.
        return value.replace(/^.*@/, '');
    }
}
/** The `NO_PROXY` entry that matches `hostname` (port 443), or null. */
function noProxyMatch(hostname, noProxy) {
    const host = hostname.replace(/\.+$/, '').toLowerCase();
    for (const raw of noProxy.split(/[,\s]+/)) {
        const entry = raw.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === '*')
            return raw.trim();
        const [pattern = '', port] = entry.split(/:(?=\d+$)/);
        if (port !== undefined && port !== '443')
            continue;
        const domain = pattern.replace(/^\*?\.+/, '');
        if (domain && (host === domain || host.endsWith(`.${domain}`)))
            return raw.trim();
    }
    return null;
}
/** The proxy that applies to `https://<hostname>`, or null when none is configured. */
function proxyFor(hostname, env) {
    const variable = PROXY_VARIABLES.find((name) => (env[name] ?? '').trim() !== '');
    if (!variable)
        return null;
    const noProxy = env.no_proxy || env.NO_PROXY || '';
    return {
        variable,
        proxy: redactProxy((env[variable] ?? '').trim()),
        excludedBy: noProxyMatch(hostname, noProxy)
    };
}

// EXTERNAL MODULE: ./src/probe/runner-addresses.ts
var runner_addresses = __webpack_require__(3343);
;// CONCATENATED MODULE: ./src/probe/probe.ts
/**
 * The probe from the runner (contract: "Probe from inside the VNet", "Probe from outside").
 * Per vault, each step bounded by `probe-timeout`:
 *   inside:  1. DNS chain and OS resolver (in parallel)
 *            2. GET /healthstatus by name (where the OS resolver points) and straight to each
 *               effective PE IP (in parallel, fresh sockets)
 *            3. the authenticated data-plane request, over the private path (a PE IP) when known
 *   outside: the authenticated data-plane request by name.
 * The vault-audience token is fetched once (bounded too) while the first steps run, so a vault's
 * probe ends within 3 × probe-timeout (the contract allows 5; `ms` records it). Vaults run with bounded concurrency.
 * The result is plain JSON; the rules decide what it means.
 */











/**
 * The vault's hostname: from `vaultUri` when ARM gave one, else `<name>.<suffix>`. A managed
 * HSM's is always the model's `<name>.managedhsm.azure.net`: its `hsmUri` may carry a region label.
 */
function vaultHostname(snapshot, vault) {
    if (vault.kind === 'managedHsm')
        return (0,model_model.buildTargetModel)(snapshot, vault).hostname;
    if (vault.vaultUri) {
        try {
            return new URL(vault.vaultUri).hostname.toLowerCase();
        }
        catch {
            // fall through to the name
        }
    }
    return `${vault.name}.${snapshot.vaultDnsSuffix}`.toLowerCase();
}
function effectiveEndpoints(snapshot, vault, model) {
    const target = model?.targets.find((item) => item.vault === vault) ?? (0,model_model.buildTargetModel)(snapshot, vault);
    return target.effective.map((pe) => ({ name: pe.pe.name, ips: pe.ips.filter(ip/* isValidIp */.AD) }));
}
/** A token getter that asks once, bounded by `timeoutMs`, and remembers the outcome. */
function tokenSource(credential, scope, timeoutMs) {
    let pending = null;
    return () => {
        pending ??= (async () => {
            const controller = new AbortController();
            try {
                const token = await withTimeout(credential.getToken(scope, { abortSignal: controller.signal }), timeoutMs, () => controller.abort());
                if (!token)
                    throw new Error('the credential returned no token');
                // Masked in the log like every other token of the run, should anything ever echo it.
                core/* setSecret */.Pq(token.token);
                return { token: token.token };
            }
            catch (error) {
                const timedOut = error?.code === 'KVPLD_TIMEOUT';
                // Library messages may quote an assertion or a token: the message goes into the summary
                // and the JSON report, so tokens are redacted and the line is cut to a readable length.
                const first = (0,explain/* redact */.E$)((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '');
                const message = timedOut
                    ? `no token for ${scope} within ${seconds(timeoutMs)}`
                    : `could not get a token for ${scope}: ${first.length > 300 ? `${first.slice(0, 297)}...` : first}`;
                return { error: { kind: 'token', code: timedOut ? 'KVPLD_TIMEOUT' : 'TOKEN', message } };
            }
        })();
        return pending;
    };
}
async function dataPlane(getToken, hostname, ip, via, timeoutMs) {
    const token = await getToken();
    if ('error' in token) {
        const none = { status: null, code: null, innerCode: null, clientAddress: null, message: null };
        return { via, ip, ...none, keyVault: false, markers: [], error: token.error, ms: 0 };
    }
    return dataPlaneRequest({ hostname, ip, via, token: token.token, timeoutMs });
}
async function probeVault(snapshot, vault, options, getToken) {
    const timeoutMs = options.timeoutSeconds * 1000;
    const hostname = vaultHostname(snapshot, vault);
    const result = {
        vault: vault.name,
        kind: vault.kind ?? 'vault',
        hostname,
        peIps: [],
        endpoints: [],
        skipped: null,
        dns: null,
        os: null,
        health: [],
        dataPlane: null,
        proxy: proxyFor(hostname, options.env ?? process.env),
        ms: 0
    };
    if (vault.failure) {
        result.skipped = 'the vault could not be read from ARM';
        return result;
    }
    result.endpoints = effectiveEndpoints(snapshot, vault, options.model);
    result.peIps = [...new Set(result.endpoints.flatMap((pe) => pe.ips))];
    // The /healthstatus header and the data-plane request are Key Vault's: for a managed HSM they
    // are not run (no finding; this line says so), DNS, TCP and TLS are.
    const hsm = result.kind === 'managedHsm';
    if (options.mode === 'outside') {
        if (hsm) {
            options.log?.(`${vault.name} is a managed HSM: the outside probe's data-plane check is Key Vault's and was not run`);
            return result;
        }
        result.dataPlane = await dataPlane(getToken, hostname, null, 'name', timeoutMs);
        return result;
    }
    if (hsm) {
        options.log?.(`${vault.name} is a managed HSM: DNS, TCP and TLS are probed; the /healthstatus header and data-plane checks are Key Vault's and were not run`);
    }
    // Warm the token while DNS runs, so the data-plane step does not pay for it.
    if (!hsm)
        void getToken();
    const [dns, os] = await Promise.all([
        resolveChain(hostname, options.dnsServers, timeoutMs),
        resolveOs(hostname, timeoutMs)
    ]);
    result.dns = dns;
    result.os = os;
    // By name: where this runner's applications go (the OS resolver's first IPv4 answer).
    const byNameIp = os.addresses.find((a) => !a.includes(':')) ?? os.addresses[0] ?? null;
    const [byName, ...byPe] = await Promise.all([
        byNameIp
            ? healthStatus(hostname, byNameIp, 'name', timeoutMs)
            : Promise.resolve({
                via: 'name',
                ip: null,
                status: null,
                networkInfo: null,
                addr: null,
                error: os.error,
                ms: 0
            }),
        ...result.peIps.map((ip) => healthStatus(hostname, ip, 'pe-ip', timeoutMs))
    ]);
    result.health = [byName, ...byPe];
    // The data plane over the private path: a PE IP that answered /healthstatus, else the name's
    // address if that answered. Where nothing answered, the request would only time out again.
    const target = byPe.find((attempt) => attempt.status !== null) ??
        (byName.status !== null ? byName : undefined);
    if (target?.ip && !hsm) {
        result.dataPlane = await dataPlane(getToken, hostname, target.ip, target.via, timeoutMs);
    }
    return result;
}
/** Probes every vault of the snapshot from this runner. */
async function probe(snapshot, credential, options) {
    const timeoutMs = options.timeoutSeconds * 1000;
    const getToken = tokenSource(credential, `${options.vaultAudience}/.default`, timeoutMs);
    const vaults = new Array(snapshot.vaults.length);
    let next = 0;
    const worker = async () => {
        while (next < snapshot.vaults.length) {
            const index = next++;
            const vault = snapshot.vaults[index];
            const started = Date.now();
            const result = await probeVault(snapshot, vault, options, getToken);
            result.ms = Date.now() - started;
            vaults[index] = result;
            options.log?.(`Probed ${vault.name} (${options.mode})`);
        }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? 4, snapshot.vaults.length));
    try {
        await Promise.all(Array.from({ length: workers }, worker));
    }
    finally {
        // getaddrinfo calls given up on die with their helper instead of holding this process.
        closeOsResolver();
    }
    return {
        mode: options.mode,
        timeoutSeconds: options.timeoutSeconds,
        runnerAddresses: (0,runner_addresses/* runnerAddresses */.O)(),
        vaults
    };
}


/***/ })

};

//# sourceMappingURL=964.index.js.map