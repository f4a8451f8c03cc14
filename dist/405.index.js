export const id = 405;
export const ids = [405];
export const modules = {

/***/ 405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_CONCURRENCY: () => (/* binding */ DEFAULT_CONCURRENCY),
  collect: () => (/* binding */ collect)
});

;// CONCATENATED MODULE: ./src/collect/rest-error.ts
function isRestError(error) {
    return error instanceof Error && error.name === 'RestError';
}

;// CONCATENATED MODULE: ./src/collect/retry.ts

const DEFAULT_RETRY = {
    maxRetries: 4,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    timeoutMs: 30_000,
    totalMs: 60_000
};
/** A `Retry-After` longer than this is cut short (ARM asks for seconds, not minutes). */
const MAX_RETRY_AFTER_MS = 120_000;
/** Retries of 429s with Retry-After, on top of `maxRetries`. */
const MAX_THROTTLED_RETRIES = 10;
const RETRY_POLICY_NAME = 'kvpldRetryPolicy';
const TIMEOUT_POLICY_NAME = 'kvpldTimeoutPolicy';
/**
 * An attempt took longer than `timeoutMs`; with `totalMs`, the request's whole time budget ran
 * out on attempts that got no answer.
 */
class ArmTimeoutError extends Error {
    url;
    timeoutMs;
    attempts;
    totalMs;
    answered;
    constructor(url, timeoutMs, attempts, totalMs, 
    /** Attempts that got an answer (an error status) before the ones that timed out. */
    answered = 0) {
        super(totalMs === undefined
            ? `ARM did not answer within ${timeoutMs} ms (${attempts} attempt(s))`
            : `no answer from ARM within ${seconds(totalMs)} s (${answered === 0
                ? 'route never answered'
                : `the last attempt got no answer; ${answered} earlier one(s) answered with an error`}; ${attempts} attempt(s), at most ${seconds(timeoutMs)} s each)`);
        this.url = url;
        this.timeoutMs = timeoutMs;
        this.attempts = attempts;
        this.totalMs = totalMs;
        this.answered = answered;
        this.name = 'ArmTimeoutError';
    }
}
function seconds(ms) {
    return String(Math.round(ms / 100) / 10);
}
/** What one request has left of `totalMs`, shared by the retry and the timeout policy. */
class Budget {
    totalMs;
    spent = 0;
    constructor(totalMs) {
        this.totalMs = totalMs;
    }
    get remaining() {
        return this.totalMs - this.spent;
    }
    charge(ms) {
        this.spent += Math.max(0, ms);
    }
}
/** The budget of each request in flight (the same request object goes out on every attempt). */
const budgets = new WeakMap();
/** What core-rest-pipeline throws when a request's `abortSignal` fires. */
function abortError() {
    const error = new Error('The operation was aborted.');
    error.name = 'AbortError';
    return error;
}
const defaultSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) {
        reject(abortError());
        return;
    }
    const onAbort = () => {
        clearTimeout(handle);
        reject(abortError());
    };
    const handle = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
});
const SYSTEM_ERRORS = new Set([
    'ETIMEDOUT',
    'ESOCKETTIMEDOUT',
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'REQUEST_SEND_ERROR'
]);
function armRetryPolicy(settings, { sleep = defaultSleep, handsOverParsedBody = false } = {}) {
    const pause = async (ms, signal) => {
        await sleep(ms, signal);
        if (signal?.aborted)
            throw abortError();
    };
    return {
        name: RETRY_POLICY_NAME,
        async sendRequest(request, next) {
            const budget = new Budget(settings.totalMs);
            budgets.set(request, budget);
            let throttled = 0;
            let cutRetried = false;
            let answered = 0;
            try {
                for (let attempt = 0;; attempt++) {
                    const outcome = await attemptOnce(request, next);
                    const cut = isCutRefusal(outcome);
                    const wait = cut
                        ? cutRetried
                            ? null
                            : backoff(attempt, settings)
                        : retryDelay(outcome, attempt, settings);
                    if (cut && wait !== null)
                        cutRetried = true;
                    if (wait !== null &&
                        isThrottledWithRetryAfter(outcome) &&
                        throttled < MAX_THROTTLED_RETRIES) {
                        throttled++;
                        attempt--;
                        await pause(wait, request.abortSignal);
                        continue;
                    }
                    // A wait that ARM asked for is not a fault: it does not come out of the budget.
                    const charged = wait !== null && !hasRetryAfter(outcome) ? wait : 0;
                    const outOfTime = wait !== null && budget.remaining - charged <= 0;
                    if (wait === null || attempt >= settings.maxRetries || outOfTime) {
                        if (outcome.timedOut) {
                            throw outOfTime
                                ? new ArmTimeoutError(request.url, settings.timeoutMs, attempt + 1, settings.totalMs, answered)
                                : new ArmTimeoutError(request.url, settings.timeoutMs, attempt + 1);
                        }
                        if (outcome.error !== undefined)
                            throw outcome.error;
                        const response = outcome.response;
                        return handsOverParsedBody ? handOver(response) : response;
                    }
                    if (!outcome.timedOut)
                        answered++;
                    budget.charge(charged);
                    await pause(wait, request.abortSignal);
                }
            }
            finally {
                budgets.delete(request);
            }
        }
    };
}
/** A 403 or 404 whose JSON body does not parse. */
function isCutRefusal(outcome) {
    const response = outcome.response;
    return (response !== undefined &&
        (response.status === 403 || response.status === 404) &&
        isMalformedJson(response));
}
function isThrottledWithRetryAfter(outcome) {
    return outcome.response?.status === 429 && retryAfterMs(outcome.response) !== null;
}
function hasRetryAfter(outcome) {
    const status = outcome.response?.status;
    return (status === 429 || status === 503) && retryAfterMs(outcome.response) !== null;
}
async function attemptOnce(request, next) {
    try {
        return { response: await next(request), timedOut: false };
    }
    catch (error) {
        if (request.abortSignal?.aborted)
            throw error;
        const response = isRestError(error) ? error.response : undefined;
        const timedOut = error instanceof ArmTimeoutError;
        return { error, timedOut, ...(response ? { response } : {}) };
    }
}
/**
 * The per-attempt timeout. It belongs after the throttle gate and the concurrency bound in the
 * pipeline, so that its clock starts when the attempt holds a slot and is about to go out: time
 * spent waiting out a Retry-After or for a slot is not counted. A timed-out attempt throws an
 * `ArmTimeoutError` (which `armRetryPolicy` retries); the caller's own abort passes through as is.
 */
function armTimeoutPolicy(timeoutMs) {
    return {
        name: TIMEOUT_POLICY_NAME,
        async sendRequest(request, next) {
            // The attempt gets what is left of the request's budget, when that is less than timeoutMs.
            const budget = budgets.get(request);
            const allowed = Math.max(0, Math.min(timeoutMs, budget?.remaining ?? Infinity));
            const started = Date.now();
            const original = request.abortSignal;
            const timer = new AbortController();
            const handle = setTimeout(() => timer.abort(), allowed);
            const forward = () => timer.abort();
            if (original?.aborted)
                timer.abort();
            else
                original?.addEventListener('abort', forward);
            request.abortSignal = timer.signal;
            try {
                return await next(request);
            }
            catch (error) {
                if (timer.signal.aborted && !original?.aborted) {
                    throw new ArmTimeoutError(request.url, timeoutMs, 1);
                }
                throw error;
            }
            finally {
                clearTimeout(handle);
                budget?.charge(Date.now() - started);
                original?.removeEventListener('abort', forward);
                request.abortSignal = original;
            }
        }
    };
}
/** Milliseconds to wait before the next attempt, or null when this outcome is final. */
function retryDelay(outcome, attempt, settings) {
    if (outcome.timedOut)
        return backoff(attempt, settings);
    const { response, error } = outcome;
    if (!response) {
        const code = isRestError(error) ? error.code : error?.code;
        return typeof code === 'string' && SYSTEM_ERRORS.has(code) ? backoff(attempt, settings) : null;
    }
    const status = response.status;
    if (status === 429 || status === 503) {
        const after = retryAfterMs(response);
        if (after !== null)
            return Math.min(after, MAX_RETRY_AFTER_MS);
        return backoff(attempt, settings);
    }
    if (status === 408 || (status >= 500 && status !== 501 && status !== 505)) {
        return backoff(attempt, settings);
    }
    if (status >= 200 && status < 300 && isMalformedJson(response))
        return backoff(attempt, settings);
    return null;
}
function backoff(attempt, settings) {
    const exponential = settings.baseDelayMs * 2 ** attempt;
    const jitter = 0.8 + Math.random() * 0.4;
    return Math.round(Math.min(settings.maxDelayMs, exponential * jitter));
}
/** `retry-after-ms`, `x-ms-retry-after-ms` (milliseconds) or `Retry-After` (seconds or an HTTP date). */
function retryAfterMs(response, now = Date.now()) {
    for (const header of ['retry-after-ms', 'x-ms-retry-after-ms']) {
        const value = Number(response.headers.get(header) ?? 'x');
        if (Number.isFinite(value) && value >= 0)
            return value;
    }
    const retryAfter = response.headers.get('retry-after');
    if (!retryAfter)
        return null;
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    return Number.isFinite(date) ? Math.max(0, date - now) : null;
}
/** Bodies this policy parsed, by response: a body is parsed once, here (see `handOver`). */
const parsedBodies = new WeakMap();
/** A JSON answer whose body does not parse (truncated or garbled). */
function isMalformedJson(response) {
    const type = response.headers.get('content-type') ?? '';
    const text = response.bodyAsText;
    if (!/json/i.test(type) || typeof text !== 'string' || text.trim() === '')
        return false;
    try {
        parsedBodies.set(response, JSON.parse(text));
        return false;
    }
    catch {
        return true;
    }
}
/** The content types core-client parses as JSON (its deserializationPolicy's defaults). */
const SDK_JSON_TYPE = /^(application|text)\/json$/;
/**
 * A 2xx body parsed above goes to a core-client SDK parsed: core-client would parse `bodyAsText`
 * again whenever it is set (the listings of 2,000 vaults' endpoints, NICs and records: some 30 ms
 * and as much garbage again), and it deserializes a `parsedBody` it finds without text as it
 * would its own parse. Only for the types it parses as JSON itself; the raw body stays readable
 * with `rawJsonBody`. (The Key Vault client, of `@typespec/ts-http-runtime`, parses the text after
 * the pipeline, unconditionally: its bodies keep their text and are parsed twice.)
 */
function handOver(response) {
    if (response.status < 200 || response.status >= 300 || !parsedBodies.has(response)) {
        return response;
    }
    const types = (response.headers.get('content-type') ?? '').split(';');
    if (!types.some((type) => SDK_JSON_TYPE.test(type.trim().toLowerCase())))
        return response;
    const handed = response;
    handed.parsedBody = parsedBodies.get(response);
    handed.bodyAsText = undefined;
    return handed;
}
/**
 * The JSON body of an ARM answer as it came, fields the SDK's models drop included (null: none,
 * or not JSON).
 */
function rawJsonBody(response) {
    if (parsedBodies.has(response))
        return parsedBodies.get(response);
    if (!response.bodyAsText)
        return null;
    try {
        return JSON.parse(response.bodyAsText);
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/collect/arm-errors.ts


function ok(value) {
    return { ok: true, value };
}
function failed(failure) {
    return { ok: false, failure };
}
const ERROR_BODY_POLICY_NAME = 'kvpldErrorBodyPolicy';
/** Error response bodies by request ID (the same ID across retries; the last one wins). */
class ErrorBodies {
    bodies = new Map();
    policy() {
        return {
            name: ERROR_BODY_POLICY_NAME,
            sendRequest: async (request, next) => {
                const response = await next(request);
                if (response.status >= 400) {
                    this.bodies.set(request.requestId, {
                        status: response.status,
                        bodyAsText: response.bodyAsText ?? undefined
                    });
                }
                else {
                    this.bodies.delete(request.requestId);
                }
                return response;
            }
        };
    }
    get(requestId) {
        return requestId ? this.bodies.get(requestId) : undefined;
    }
}
/** `{ error: { code, message } }` (ARM's envelope), or `{ code, message }`. */
function parseArmErrorBody(body) {
    let value = body;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return null;
        }
    }
    if (!value || typeof value !== 'object')
        return null;
    const envelope = value;
    const inner = (envelope.error && typeof envelope.error === 'object' ? envelope.error : envelope);
    const result = {};
    if (typeof inner.code === 'string')
        result.code = inner.code;
    if (typeof inner.message === 'string')
        result.message = inner.message;
    return result.code !== undefined || result.message !== undefined ? result : null;
}
/** `... does not have authorization to perform action 'Microsoft.Network/.../read' over scope ...` */
function parseDeniedAction(message) {
    const match = /perform action '([^']+)'/i.exec(message);
    return match ? match[1] : undefined;
}
/** Any thrown value → a ReadFailure for `resource`. */
function toReadFailure(error, resource, bodies) {
    if (error instanceof ArmTimeoutError) {
        return { kind: 'error', resource, code: 'Timeout', message: error.message };
    }
    if (isRestError(error)) {
        const response = error.response;
        const captured = bodies?.get(error.request?.requestId ?? response?.request?.requestId);
        const status = error.statusCode ?? response?.status ?? captured?.status;
        // The status says what happened; a body that does not parse only loses ARM's own words. So a
        // 403 stays `denied` and a 404 `not-found` however their body arrived.
        if (error.code === 'PARSE_ERROR' && (status === 403 || status === 404)) {
            const text = captured?.bodyAsText ?? response?.bodyAsText ?? '';
            const failure = {
                kind: kindOf(status),
                resource,
                status,
                message: `ARM answered HTTP ${status} with a body that is not valid JSON (cut off, or not ARM's), so ARM's own reason is not known`
            };
            // A cut 403 body may still hold the denied action.
            const action = status === 403 ? parseDeniedAction(text) : undefined;
            if (action)
                failure.action = action;
            return failure;
        }
        if (error.code === 'PARSE_ERROR') {
            return withStatus({
                kind: 'error',
                resource,
                code: 'MalformedResponse',
                message: `ARM answered with a body that is not valid JSON: ${firstLine(error.message)}`
            }, status);
        }
        const body = parseArmErrorBody(captured?.bodyAsText) ??
            parseArmErrorBody(response?.bodyAsText) ??
            parseArmErrorBody(response?.parsedBody) ??
            parseArmErrorBody(error.details);
        const message = body?.message ?? error.message;
        const code = body?.code ?? (typeof error.code === 'string' ? error.code : undefined);
        const failure = { kind: kindOf(status), resource, message };
        if (status !== undefined && status > 0)
            failure.status = status;
        if (code !== undefined)
            failure.code = code;
        if (failure.kind === 'denied') {
            const action = parseDeniedAction(message);
            if (action)
                failure.action = action;
        }
        return failure;
    }
    if (error instanceof Error) {
        // The SDK's strict deserializers throw TypeErrors on answers that lack a field they read.
        const message = error instanceof TypeError
            ? `ARM's answer lacks a field the Azure SDK needs: ${firstLine(error.message)}`
            : firstLine(error.message);
        return { kind: 'error', resource, code: error.name, message };
    }
    return { kind: 'error', resource, message: String(error) };
}
function kindOf(status) {
    if (status === 403)
        return 'denied';
    if (status === 404)
        return 'not-found';
    return 'error';
}
function withStatus(failure, status) {
    if (status !== undefined && status > 0)
        failure.status = status;
    return failure;
}
function firstLine(text) {
    return text.split('\n')[0] ?? text;
}

// EXTERNAL MODULE: ./src/common/arm-id.ts
var arm_id = __webpack_require__(5765);
;// CONCATENATED MODULE: ./src/collect/memo.ts
/**
 * Read-once cache: the first caller for a key starts the work, every later caller gets the same
 * promise. Keys are ARM IDs or scopes, which are case-insensitive, so they are lower-cased.
 * The work must not reject (collectors return `Read<T>` values instead of throwing).
 */
class Memo {
    promises = new Map();
    get(key, work) {
        const k = key.toLowerCase();
        let promise = this.promises.get(k);
        if (!promise) {
            promise = work();
            this.promises.set(k, promise);
        }
        return promise;
    }
    has(key) {
        return this.promises.has(key.toLowerCase());
    }
    /** Every entry with its lower-cased key, in first-read order, once all have settled. */
    async entries() {
        const keys = [...this.promises.keys()];
        const values = await Promise.all(keys.map((k) => this.promises.get(k)));
        return keys.map((k, i) => [k, values[i]]);
    }
    async values() {
        return (await this.entries()).map(([, value]) => value);
    }
    get size() {
        return this.promises.size;
    }
}

;// CONCATENATED MODULE: ./src/collect/context.ts


/**
 * The items a listing has delivered so far, by lower-cased ID: a read waits for the page that
 * holds its item, not for the listing's last page (at 2,000 vaults, twenty pages later).
 */
class ListingIndex {
    /** What has arrived, by lower-cased ID (once ended, the whole listing). */
    items = new Map();
    waiting = new Map();
    ended = false;
    add(id, item) {
        const key = id.toLowerCase();
        if (this.items.has(key))
            return;
        this.items.set(key, item);
        const waiters = this.waiting.get(key);
        if (!waiters)
            return;
        this.waiting.delete(key);
        for (const resolve of waiters)
            resolve(item);
    }
    /** No more items will come (the last page is in, or the listing failed). */
    end() {
        this.ended = true;
        for (const waiters of this.waiting.values())
            for (const resolve of waiters)
                resolve(undefined);
        this.waiting.clear();
    }
    /** The item once its page is in; undefined once the listing ended without it. */
    lookup(id) {
        const key = id.toLowerCase();
        const item = this.items.get(key);
        if (item !== undefined || this.ended)
            return Promise.resolve(item);
        return new Promise((resolve) => {
            const waiters = this.waiting.get(key);
            if (waiters)
                waiters.push(resolve);
            else
                this.waiting.set(key, [resolve]);
        });
    }
}
function createContext(cloud, clients, errorBodies) {
    return {
        cloud,
        clients,
        bulk: new Set(),
        vnetListings: new Set(),
        listingIndexes: new Map(),
        async read(resource, work) {
            try {
                return ok(await work());
            }
            catch (error) {
                return failed(toReadFailure(error, resource, errorBodies));
            }
        },
        memo: {
            vaultLists: new Memo(),
            hsmLists: new Memo(),
            privateEndpoints: new Memo(),
            nics: new Memo(),
            virtualNetworks: new Memo(),
            zoneScopes: new Memo(),
            zoneGets: new Memo(),
            zoneDetails: new Memo(),
            zoneGroups: new Memo(),
            privateEndpointLists: new Memo(),
            nicLists: new Memo(),
            virtualNetworkLists: new Memo()
        }
    };
}
/**
 * Hands every item of every page to `each`, in order, as its page arrives. The next page is asked
 * for before this one's items are handled: its request is on the wire meanwhile, and a listing of
 * twenty pages does not wait on its own handling twenty times (nor on everything else the thread
 * does between two pages).
 */
async function eachItem(items, each) {
    if (!items.byPage) {
        for await (const item of items)
            each(item);
        return;
    }
    const pages = items.byPage();
    let next = pages.next();
    for (;;) {
        const page = await next;
        if (page.done)
            return;
        next = pages.next();
        // Awaited on the next turn; if `each` throws first, its failure must not go unhandled.
        next.catch(() => undefined);
        for (const item of page.value)
            each(item);
    }
}
/** Every item of a paged listing, all pages. */
async function listAll(items) {
    const result = [];
    await eachItem(items, (item) => result.push(item));
    return result;
}
/** A failure for something we could not even address (an ID that does not parse). */
function badIdFailure(resource, what) {
    return {
        kind: 'error',
        resource,
        code: 'InvalidResourceId',
        message: `Not a valid ${what} ID: ${resource}`
    };
}
function strings(values) {
    return (values ?? []).filter((v) => typeof v === 'string' && v !== '');
}

;// CONCATENATED MODULE: ./src/collect/bulk.ts



/**
 * Private endpoints to read in one subscription from which on it is read in bulk. Measured with
 * `npm run bench` (README, Performance): targeted costs 3 requests per private endpoint (PE, NIC,
 * DNS zone groups); bulk costs a page per 100 PEs, NICs and VNets of the subscription plus the
 * zone groups of the endpoints whose A record does not already check out. Bulk is cheaper from
 * 2 endpoints on in the emulator; real subscriptions hold other NICs (VMs) too, which bulk pages
 * through, hence the margin.
 */
const BULK_THRESHOLD = 5;
/** Reads this subscription in bulk from now on, and starts its three listings. */
function startBulk(ctx, subscriptionId) {
    const key = subscriptionId.toLowerCase();
    if (ctx.bulk.has(key))
        return;
    ctx.bulk.add(key);
    void listedPrivateEndpoints(ctx, subscriptionId);
    void listedNics(ctx, subscriptionId);
    void listedVirtualNetworks(ctx, subscriptionId);
}
function listedPrivateEndpoints(ctx, subscriptionId) {
    return listed(ctx, ctx.memo.privateEndpointLists, subscriptionId, 'privateEndpoints', (network) => network.privateEndpoints.listBySubscription());
}
function listedNics(ctx, subscriptionId) {
    return listed(ctx, ctx.memo.nicLists, subscriptionId, 'networkInterfaces', (network) => network.networkInterfaces.listAll());
}
function listedVirtualNetworks(ctx, subscriptionId) {
    return listed(ctx, ctx.memo.virtualNetworkLists, subscriptionId, 'virtualNetworks', (network) => network.virtualNetworks.listAll());
}
function listingResource(subscriptionId, type) {
    return `${(0,arm_id/* subscriptionScope */.gx)(subscriptionId)}/providers/Microsoft.Network/${type}`;
}
function indexOf(ctx, resource) {
    const key = resource.toLowerCase();
    let index = ctx.listingIndexes.get(key);
    if (!index)
        ctx.listingIndexes.set(key, (index = new ListingIndex()));
    return index;
}
/**
 * A subscription's listing of one type, read once; its items are indexed as they arrive, and the
 * index, once the last page is in, is the listing.
 */
function listed(ctx, memo, subscriptionId, type, list) {
    const resource = listingResource(subscriptionId, type);
    return memo.get((0,arm_id/* subscriptionScope */.gx)(subscriptionId), async () => {
        const index = indexOf(ctx, resource);
        try {
            return await ctx.read(resource, async () => {
                await eachItem(list(ctx.clients(subscriptionId).network), (item) => {
                    if (item.id)
                        index.add(item.id, item);
                });
                return index.items;
            });
        }
        finally {
            index.end();
        }
    });
}
const LISTINGS = {
    privateEndpoints: listedPrivateEndpoints,
    networkInterfaces: listedNics,
    virtualNetworks: listedVirtualNetworks
};
/**
 * `id` from its subscription's listing of `type` when that subscription is read in bulk and the
 * listing has it, as soon as the page that holds it is in (an item a listing delivered is ARM's
 * answer, even if a later page fails); otherwise `get()` (a GET of that one resource).
 */
async function fromListingOrGet(ctx, subscriptionId, id, type, get) {
    if (ctx.bulk.has(subscriptionId.toLowerCase())) {
        // Started (read once) before its index is waited on: the index ends when the listing does.
        const whole = LISTINGS[type](ctx, subscriptionId);
        const index = indexOf(ctx, listingResource(subscriptionId, type));
        const found = await index.lookup(id);
        if (found)
            return ok(found);
        await whole;
    }
    return get();
}

// EXTERNAL MODULE: ./node_modules/@azure/arm-dnsresolver/dist/index.js
var dist = __webpack_require__(1859);
// EXTERNAL MODULE: ./node_modules/@azure/arm-keyvault/dist/esm/index.js + 55 modules
var esm = __webpack_require__(8657);
// EXTERNAL MODULE: ./node_modules/@azure/arm-privatedns/dist/index.js
var arm_privatedns_dist = __webpack_require__(568);
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 37 modules
var dist_esm = __webpack_require__(1818);
// EXTERNAL MODULE: ./node_modules/@azure/core-client/dist/esm/index.js + 16 modules
var core_client_dist_esm = __webpack_require__(5738);
;// CONCATENATED MODULE: ./src/collect/network-client.ts
/**
 * The Microsoft.Network reads this action makes (private endpoints, NICs, VNets, zone groups, and
 * a private DNS zone's A record sets), on the Azure SDK's own `ServiceClient`
 * (`@azure/core-client`): the pipeline, sign-in, error handling and paging are the SDK's, as in
 * `@azure/arm-network`'s `NetworkManagementClient`. That client is not used because it cannot be
 * loaded in part: its constructor builds every operation group of the Network provider, so a run
 * compiles 3.6 MB of source and builds 1 MB of mappers to use eight GETs — about 30 MB of peak
 * RSS and a sixth of the start-up (README, Performance). A zone's A record sets are listed here
 * too, not with `@azure/arm-privatedns` (which reads the zone and its links): its mappers
 * deserialize each page of 100 record sets into a second copy, on the run's longest chain of
 * pages at 2,000 vaults.
 *
 * Answers keep the SDK's model shapes (the types are `@azure/arm-network`'s): its mappers lift
 * every `properties` object into the object that holds it, and so does `flattenProperties`.
 */


/** The API version of `@azure/arm-network` 36, whose model shapes the collectors read. */
const NETWORK_API_VERSION = '2025-05-01';
/** The private DNS API version that returns `resolutionPolicy` on VNet links. */
const PRIVATE_DNS_API_VERSION = '2024-06-01';
const serializer = (0,core_client_dist_esm/* createSerializer */.rl)({}, false);
/** A GET whose answer is returned as ARM sent it (no mapper), and whose errors are the SDK's. */
function getSpec(path, pathParameters, version = apiVersion) {
    return {
        path,
        httpMethod: 'GET',
        // No body mapper: core-client returns the parsed JSON as ARM sent it, and still turns an
        // error status into a RestError with ARM's `error.code` and `error.message`, as the SDK does.
        responses: { 200: {}, default: {} },
        // A next link carries the api-version of the request it continues.
        queryParameters: path === '{nextLink}' ? [] : [version],
        urlParameters: [host, ...pathParameters.map(pathParameter)],
        headerParameters: [accept],
        serializer
    };
}
const host = { parameterPath: '$host', mapper: stringMapper('$host'), skipEncoding: true };
const accept = {
    parameterPath: 'accept',
    mapper: { ...stringMapper('Accept'), defaultValue: 'application/json', isConstant: true }
};
const apiVersion = apiVersionParameter(NETWORK_API_VERSION);
const privateDnsApiVersion = apiVersionParameter(PRIVATE_DNS_API_VERSION);
function apiVersionParameter(value) {
    return {
        parameterPath: 'apiVersion',
        mapper: { ...stringMapper('api-version'), defaultValue: value, isConstant: true }
    };
}
function pathParameter(name) {
    return name === 'nextLink'
        ? { parameterPath: name, mapper: stringMapper(name), skipEncoding: true }
        : { parameterPath: name, mapper: stringMapper(name) };
}
function stringMapper(serializedName) {
    return { serializedName, required: true, type: { name: 'String' } };
}
const PROVIDER = '/subscriptions/{subscriptionId}/providers/Microsoft.Network';
const IN_GROUP = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network';
const SUB = ['subscriptionId'];
const GROUP = ['subscriptionId', 'resourceGroupName'];
const specs = {
    privateEndpoint: getSpec(`${IN_GROUP}/privateEndpoints/{name}`, [...GROUP, 'name']),
    privateEndpoints: getSpec(`${PROVIDER}/privateEndpoints`, SUB),
    networkInterface: getSpec(`${IN_GROUP}/networkInterfaces/{name}`, [...GROUP, 'name']),
    networkInterfaces: getSpec(`${PROVIDER}/networkInterfaces`, SUB),
    virtualNetwork: getSpec(`${IN_GROUP}/virtualNetworks/{name}`, [...GROUP, 'name']),
    virtualNetworksInGroup: getSpec(`${IN_GROUP}/virtualNetworks`, GROUP),
    virtualNetworks: getSpec(`${PROVIDER}/virtualNetworks`, SUB),
    zoneGroups: getSpec(`${IN_GROUP}/privateEndpoints/{name}/privateDnsZoneGroups`, [
        ...GROUP,
        'name'
    ]),
    aRecordSets: getSpec(`${IN_GROUP}/privateDnsZones/{privateZoneName}/A`, [...GROUP, 'privateZoneName'], privateDnsApiVersion),
    next: getSpec('{nextLink}', ['nextLink'])
};
/**
 * The SDK's model shape of an ARM answer: `properties` merged into the object that holds it, at
 * every depth (tags are the user's own keys and are left alone). A name that is set at both
 * levels keeps its outer value, as the SDK's flattened models have no such collision.
 */
function flattenProperties(value) {
    if (Array.isArray(value))
        return value.map(flattenProperties);
    if (value === null || typeof value !== 'object')
        return value;
    const source = value;
    const result = {};
    let inner;
    // for…in, not Object.entries: no [key, value] array per property of every item of every page.
    // Parsed JSON inherits no enumerable keys, so this visits what Object.keys would, in its order.
    for (const key in source) {
        const item = source[key];
        if (key === 'properties' && item !== null && typeof item === 'object' && !Array.isArray(item)) {
            inner = item;
        }
        else {
            result[key] = key === 'tags' ? item : flattenProperties(item);
        }
    }
    if (inner) {
        for (const key in inner) {
            if (!(key in result))
                result[key] = flattenProperties(inner[key]);
        }
    }
    return result;
}
class NetworkReadClient extends core_client_dist_esm/* ServiceClient */.Nl {
    subscriptionId;
    $host;
    constructor(credential, subscriptionId, options) {
        super({ requestContentType: 'application/json; charset=utf-8', ...options });
        this.subscriptionId = subscriptionId;
        this.$host = options.endpoint;
        // As the generated clients do: sign every request with the ARM scope.
        this.pipeline.removePolicy({ name: dist_esm/* bearerTokenAuthenticationPolicyName */.uQ });
        this.pipeline.addPolicy((0,dist_esm/* bearerTokenAuthenticationPolicy */.N$)({
            credential,
            scopes: options.credentialScopes,
            challengeCallbacks: { authorizeRequestOnChallenge: core_client_dist_esm/* authorizeRequestOnClaimChallenge */.fj }
        }));
    }
    async read(spec, args) {
        // Without a body mapper, core-client hands the parsed JSON back under `body`.
        const { body } = await this.sendOperationRequest({ $host: this.$host, subscriptionId: this.subscriptionId, ...args }, spec);
        return flattenProperties(body);
    }
    /** Every item of every page, following `nextLink` as the SDK's pagers do. */
    async *pages(spec, args) {
        let page = await this.read(spec, args);
        for (;;) {
            // The next page is asked for before this one's items are handed out (see eachItem).
            const next = page.nextLink
                ? this.read(specs.next, { nextLink: page.nextLink })
                : null;
            next?.catch(() => undefined);
            yield* page.value ?? [];
            if (!next)
                return;
            page = await next;
        }
    }
    privateEndpoints = {
        get: (resourceGroupName, name) => this.read(specs.privateEndpoint, { resourceGroupName, name }),
        listBySubscription: () => this.pages(specs.privateEndpoints, {})
    };
    networkInterfaces = {
        get: (resourceGroupName, name) => this.read(specs.networkInterface, { resourceGroupName, name }),
        listAll: () => this.pages(specs.networkInterfaces, {})
    };
    virtualNetworks = {
        get: (resourceGroupName, name) => this.read(specs.virtualNetwork, { resourceGroupName, name }),
        list: (resourceGroupName) => this.pages(specs.virtualNetworksInGroup, { resourceGroupName }),
        listAll: () => this.pages(specs.virtualNetworks, {})
    };
    privateDnsZoneGroups = {
        list: (name, resourceGroupName) => this.pages(specs.zoneGroups, { resourceGroupName, name })
    };
    privateDnsRecordSets = {
        listA: (resourceGroupName, privateZoneName) => this.pages(specs.aRecordSets, { resourceGroupName, privateZoneName })
    };
}

;// CONCATENATED MODULE: ./src/collect/gate.ts


const GATE_POLICY_NAME = 'kvpldGatePolicy';
class ThrottleGate {
    now;
    sleep;
    until = new Map();
    closedMs = 0;
    throttledCount = 0;
    constructor(now = Date.now, sleep = defaultSleep) {
        this.now = now;
        this.sleep = sleep;
    }
    /**
     * Resolves once the subscription's gate is open (at once when it is); rejects with an
     * `AbortError` as soon as `signal` fires.
     */
    async wait(subscriptionId, signal) {
        const key = subscriptionId.toLowerCase();
        for (;;) {
            if (signal?.aborted)
                throw abortError();
            const left = (this.until.get(key) ?? 0) - this.now();
            if (left <= 0)
                return;
            await this.sleep(left, signal);
        }
    }
    /** ARM said "wait `ms`" for this subscription: nothing of it goes out before then. */
    pause(subscriptionId, ms) {
        const key = subscriptionId.toLowerCase();
        const now = this.now();
        const before = this.until.get(key) ?? 0;
        const after = now + Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
        this.throttledCount++;
        if (after <= before)
            return;
        // Time the subscription stands still, counted once however many reads wait in it.
        this.closedMs += after - Math.max(before, now);
        this.until.set(key, after);
    }
    isOpen(subscriptionId) {
        return (this.until.get(subscriptionId.toLowerCase()) ?? 0) <= this.now();
    }
    /** Total time subscriptions were held back by Retry-After, summed over subscriptions. */
    get waitedMs() {
        return this.closedMs;
    }
    /** 429s seen, and 503s with Retry-After. */
    get throttled() {
        return this.throttledCount;
    }
    /**
     * The policy that replaces a plain concurrency bound: wait at the gate, take a slot (and look at
     * the gate again: it may have closed while this read queued), send, and close the gate on a
     * 429 or 503 with Retry-After. All waiting follows the request's abort signal. Whatever comes
     * after this policy (the per-attempt timeout first) runs only once the read holds its slot.
     */
    policy(limit) {
        return {
            name: GATE_POLICY_NAME,
            sendRequest: async (request, next) => {
                const subscriptionId = subscriptionOfUrl(request.url);
                const signal = request.abortSignal;
                await this.wait(subscriptionId, signal);
                return limit(async () => {
                    await this.wait(subscriptionId, signal);
                    try {
                        const response = await next(request);
                        this.onAnswer(subscriptionId, response);
                        return response;
                    }
                    catch (error) {
                        const response = isRestError(error) ? error.response : undefined;
                        if (response)
                            this.onAnswer(subscriptionId, response);
                        throw error;
                    }
                }, signal, isNextPage(request.url));
            }
        };
    }
    onAnswer(subscriptionId, response) {
        if (response.status !== 429 && response.status !== 503)
            return;
        const ms = retryAfterMs(response, this.now());
        // Without Retry-After the retry policy backs off on its own; the others need not stop.
        if (ms !== null)
            this.pause(subscriptionId, ms);
        else if (response.status === 429)
            this.throttledCount++;
    }
}
/**
 * A listing's next page (its URL is the previous page's `nextLink`, with a skip token): it takes
 * the next free slot ahead of single reads. The pages of the longest listing follow one another,
 * so each one that waits behind a burst of single reads (a hundred endpoints' zone groups, say)
 * makes the whole run wait; a single read that waits for a page delays only itself.
 */
function isNextPage(url) {
    return /[?&](?:\$|%24)skiptoken=/i.test(url);
}
/** The subscription a request URL is about ('' for tenant-level URLs). */
function subscriptionOfUrl(url) {
    return /\/subscriptions\/([^/?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
}

;// CONCATENATED MODULE: ./src/collect/clients.ts
/**
 * The ARM clients, one set per subscription, sharing one pipeline setup: our retry
 * policy instead of the SDK's, the concurrency bound, the request counter and the error-body
 * capture.
 */







const COUNT_POLICY_NAME = 'kvpldCountPolicy';
/** Replaces the SDK's retry policy and adds ours (see retry.ts for why). */
function configurePipeline(pipeline, setup, 
/** The client is one of `@azure/core-client` (see `RetryOptions`). */
coreClient = false) {
    pipeline.removePolicy({ name: 'defaultRetryPolicy' });
    pipeline.removePolicy({ name: 'retryPolicy' });
    const countPolicy = {
        name: COUNT_POLICY_NAME,
        sendRequest: (request, next) => {
            setup.onRequest();
            return next(request);
        }
    };
    // Order: retry → gate + limit → timeout → (sign) → error bodies → count → HTTP. Each attempt
    // waits at its subscription's gate and then takes a slot; waiting out a Retry-After or a backoff
    // holds no slot, so reads of other subscriptions go on while one subscription is throttled. The
    // per-attempt timeout starts only once the attempt holds its slot: a read that queued (behind
    // the bound or a Retry-After) longer than `timeoutMs` is not aborted before it is sent.
    pipeline.addPolicy(armRetryPolicy(setup.retry, { handsOverParsedBody: coreClient }), {
        phase: 'Retry'
    });
    pipeline.addPolicy(setup.gate.policy(setup.limit), {
        phase: 'Retry',
        afterPolicies: [RETRY_POLICY_NAME]
    });
    pipeline.addPolicy(armTimeoutPolicy(setup.retry.timeoutMs), {
        phase: 'Retry',
        afterPolicies: [GATE_POLICY_NAME]
    });
    pipeline.addPolicy(setup.errorBodies.policy(), { afterPhase: 'Sign' });
    pipeline.addPolicy(countPolicy, { afterPhase: 'Sign' });
}
/** Clients per subscription, created on first use. */
function createClientFactory(credential, armEndpoint, setup) {
    const endpoint = armEndpoint.replace(/\/+$/, '');
    const scope = `${endpoint}/.default`;
    const cache = new Map();
    // One HTTP client, so one pool of kept-alive connections to ARM for every SDK client: each
    // would otherwise open its own, and a burst of reads through one client (the zone groups of
    // broken endpoints, after the listings) waited on new TLS handshakes while the connections the
    // other clients' listings had just finished with sat idle.
    const httpClient = (0,dist_esm/* createDefaultHttpClient */.fl)();
    return (subscriptionId) => {
        const key = subscriptionId.toLowerCase();
        let clients = cache.get(key);
        if (!clients) {
            clients = lazyClients(credential, subscriptionId, endpoint, scope, setup, httpClient);
            cache.set(key, clients);
        }
        return clients;
    };
}
function lazyClients(credential, subscriptionId, endpoint, scope, setup, httpClient) {
    let keyVault;
    let network;
    let privateDns;
    let dnsResolver;
    return {
        get keyVault() {
            if (!keyVault) {
                keyVault = new esm/* KeyVaultManagementClient */.ch(credential, subscriptionId, {
                    endpoint,
                    credentials: { scopes: [scope] },
                    httpClient,
                    ...tls(setup)
                });
                configurePipeline(keyVault.pipeline, setup);
            }
            return keyVault;
        },
        get network() {
            if (!network) {
                network = new NetworkReadClient(credential, subscriptionId, {
                    endpoint,
                    credentialScopes: scope,
                    httpClient,
                    ...tls(setup)
                });
                configurePipeline(network.pipeline, setup, true);
            }
            return network;
        },
        get privateDns() {
            if (!privateDns) {
                privateDns = new arm_privatedns_dist/* PrivateDnsManagementClient */.F5(credential, subscriptionId, {
                    endpoint,
                    credentialScopes: scope,
                    apiVersion: PRIVATE_DNS_API_VERSION,
                    httpClient,
                    ...tls(setup)
                });
                configurePipeline(privateDns.pipeline, setup, true);
            }
            return privateDns;
        },
        get dnsResolver() {
            if (!dnsResolver) {
                dnsResolver = new dist/* DnsResolverManagementClient */.S1(credential, subscriptionId, {
                    endpoint,
                    credentialScopes: scope,
                    httpClient,
                    ...tls(setup)
                });
                configurePipeline(dnsResolver.pipeline, setup, true);
            }
            return dnsResolver;
        }
    };
}
function tls(setup) {
    return setup.tlsOptions ? { tlsOptions: setup.tlsOptions } : {};
}

;// CONCATENATED MODULE: ./src/collect/networks.ts




function readVirtualNetwork(ctx, vnetId) {
    return ctx.memo.virtualNetworks.get(vnetId, async () => {
        const parsed = (0,arm_id/* parseResourceId */.RQ)(vnetId);
        if (!(0,arm_id/* isResourceOfType */.cv)(parsed, 'Microsoft.Network/virtualNetworks') || !parsed) {
            return failed(badIdFailure(vnetId, 'virtual network'));
        }
        // A subscription whose VNets are listed for the DNS path answers from that listing too.
        const listed = ctx.vnetListings.has(parsed.subscriptionId.toLowerCase());
        if (listed && !ctx.bulk.has(parsed.subscriptionId.toLowerCase())) {
            const listing = await listedVirtualNetworks(ctx, parsed.subscriptionId);
            const found = listing.ok ? listing.value.get(vnetId.toLowerCase()) : undefined;
            if (found)
                return ok(vnetSnapshot(found, vnetId, parsed.name));
        }
        const read = await fromListingOrGet(ctx, parsed.subscriptionId, vnetId, 'virtualNetworks', () => ctx.read(vnetId, () => ctx
            .clients(parsed.subscriptionId)
            .network.virtualNetworks.get(parsed.resourceGroup, parsed.name)));
        if (!read.ok)
            return read;
        return ok(vnetSnapshot(read.value, vnetId, parsed.name));
    });
}
/** A VNet found in a listing, so that it is known without a GET of its own. */
function seedVirtualNetwork(ctx, vnet) {
    const id = vnet.id ?? '';
    return ctx.memo.virtualNetworks.get(id, () => Promise.resolve(ok(vnetSnapshot(vnet, id, vnet.name ?? ''))));
}
function vnetSnapshot(vnet, vnetId, name) {
    return {
        id: vnet.id ?? vnetId,
        name: vnet.name ?? name,
        addressPrefixes: strings(vnet.addressSpace?.addressPrefixes),
        dnsServers: strings(vnet.dhcpOptions?.dnsServers),
        peerings: (vnet.virtualNetworkPeerings ?? []).map((peering) => ({
            id: peering.id ?? '',
            name: peering.name ?? '',
            remoteVirtualNetworkId: peering.remoteVirtualNetwork?.id ?? null,
            peeringState: peering.peeringState ?? null,
            peeringSyncLevel: peering.peeringSyncLevel ?? null
        }))
    };
}
/** The private IPs of a NIC's IP configurations. */
function readNicIps(ctx, nicId) {
    return ctx.memo.nics.get(nicId, async () => {
        const parsed = (0,arm_id/* parseLooseId */.db)(nicId);
        if (!parsed)
            return failed(badIdFailure(nicId, 'network interface'));
        const read = await fromListingOrGet(ctx, parsed.subscriptionId, nicId, 'networkInterfaces', () => ctx.read(nicId, () => ctx
            .clients(parsed.subscriptionId)
            .network.networkInterfaces.get(parsed.resourceGroup, parsed.name)));
        if (!read.ok)
            return read;
        return ok(strings((read.value.ipConfigurations ?? []).map((c) => c.privateIPAddress)));
    });
}

;// CONCATENATED MODULE: ./src/collect/dns-path.ts




function startDnsPath(ctx, req) {
    const scopes = unique(req.scopes);
    for (const scope of scopes) {
        const parsed = (0,arm_id/* parseScope */.Sk)(scope);
        if (parsed && parsed.resourceGroup === null)
            ctx.vnetListings.add(parsed.subscriptionId.toLowerCase());
    }
    const vnets = Promise.all(scopes.map((scope) => listVnets(ctx, scope)));
    const rulesets = Promise.all(scopes.map((scope) => listRulesets(ctx, scope)));
    const clients = req.clientVnets.map((id) => readVirtualNetwork(ctx, id));
    return {
        async finish(peVnetIds) {
            const failures = [];
            const listed = await vnets;
            for (const read of listed)
                if (!read.ok)
                    failures.push(read.failure);
            const known = [...(await Promise.all(clients))];
            // The PE VNets were read for the vaults (memoized): no request here.
            const peVnets = await Promise.all(peVnetIds.map((id) => readVirtualNetwork(ctx, id)));
            known.push(...peVnets);
            if (req.peered) {
                // Both sides of each peering: the PE's VNet names the clients; reading them gives the
                // other side's state (VNET-PEERING-NOT-CONNECTED).
                const remotes = peVnets.flatMap((read) => read.ok ? (read.value.peerings ?? []).flatMap((p) => p.remoteVirtualNetworkId ?? []) : []);
                known.push(...(await Promise.all(unique(remotes).map((id) => readVirtualNetwork(ctx, id)))));
            }
            const rulesetList = [];
            for (const read of await rulesets) {
                if (!read.ok)
                    failures.push(read.failure);
                else
                    rulesetList.push(...read.value);
            }
            // A resolver is on a query's path only through an inbound endpoint: a VNet's DNS server or
            // a forwarding rule's target. Where no VNet has DNS servers of its own and no rule has a
            // target, there is nothing a resolver could change, and its listing (plus one per
            // resolver) is skipped: the common estate reads none.
            const customDns = listed.some((read) => read.ok && read.value.some((v) => strings(v.dhcpOptions?.dnsServers).length > 0)) || known.some((read) => read.ok && read.value.dnsServers.length > 0);
            const ruleTargets = rulesetList.some((r) => r.rules.some((rule) => rule.targets.length > 0));
            const resolverList = [];
            if (customDns || ruleTargets) {
                for (const read of await Promise.all(scopes.map((scope) => listResolvers(ctx, scope)))) {
                    if (!read.ok)
                        failures.push(read.failure);
                    else
                        resolverList.push(...read.value);
                }
            }
            return {
                subscriptions: scopes,
                resolvers: dedupe(resolverList).sort(byId),
                rulesets: dedupe(rulesetList).sort(byId),
                failures,
                clientVnets: req.clientVnets,
                peered: req.peered
            };
        }
    };
}
async function listVnets(ctx, scope) {
    const parsed = (0,arm_id/* parseScope */.Sk)(scope);
    if (!parsed)
        return { ok: true, value: [] };
    let read;
    if (parsed.resourceGroup === null) {
        const listing = await listedVirtualNetworks(ctx, parsed.subscriptionId);
        read = listing.ok ? { ok: true, value: [...listing.value.values()] } : listing;
    }
    else {
        const rg = parsed.resourceGroup;
        read = await ctx.read(`${scope}/providers/Microsoft.Network/virtualNetworks`, () => listAll(ctx.clients(parsed.subscriptionId).network.virtualNetworks.list(rg)));
    }
    if (read.ok)
        for (const vnet of read.value)
            if (vnet.id)
                void seedVirtualNetwork(ctx, vnet);
    return read;
}
async function listResolvers(ctx, scope) {
    const parsed = (0,arm_id/* parseScope */.Sk)(scope);
    if (!parsed)
        return { ok: true, value: [] };
    const client = ctx.clients(parsed.subscriptionId).dnsResolver;
    const rg = parsed.resourceGroup;
    const read = await ctx.read(`${scope}/providers/Microsoft.Network/dnsResolvers`, () => listAll(rg === null ? client.dnsResolvers.list() : client.dnsResolvers.listByResourceGroup(rg)));
    if (!read.ok)
        return read;
    return {
        ok: true,
        value: await Promise.all(read.value.filter((r) => r.id).map((r) => resolverSnapshot(ctx, r)))
    };
}
async function resolverSnapshot(ctx, resolver) {
    const id = resolver.id ?? '';
    const parsed = (0,arm_id/* parseResourceId */.RQ)(id);
    const endpoints = parsed
        ? await ctx.read(`${id}/inboundEndpoints`, () => listAll(ctx
            .clients(parsed.subscriptionId)
            .dnsResolver.inboundEndpoints.list(parsed.resourceGroup, parsed.name)))
        : null;
    return {
        id,
        name: resolver.name ?? parsed?.name ?? '',
        virtualNetworkId: resolver.virtualNetwork?.id ?? null,
        inboundEndpoints: endpoints?.ok === true
            ? endpoints.value.map((endpoint) => ({
                id: endpoint.id ?? '',
                name: endpoint.name ?? '',
                ips: strings((endpoint.ipConfigurations ?? []).map((c) => c.privateIpAddress))
            }))
            : [],
        inboundEndpointsFailure: endpoints && !endpoints.ok ? endpoints.failure : null
    };
}
async function listRulesets(ctx, scope) {
    const parsed = (0,arm_id/* parseScope */.Sk)(scope);
    if (!parsed)
        return { ok: true, value: [] };
    const client = ctx.clients(parsed.subscriptionId).dnsResolver;
    const rg = parsed.resourceGroup;
    const read = await ctx.read(`${scope}/providers/Microsoft.Network/dnsForwardingRulesets`, () => listAll(rg === null
        ? client.dnsForwardingRulesets.list()
        : client.dnsForwardingRulesets.listByResourceGroup(rg)));
    if (!read.ok)
        return read;
    return {
        ok: true,
        value: await Promise.all(read.value.filter((r) => r.id).map((r) => rulesetSnapshot(ctx, r)))
    };
}
async function rulesetSnapshot(ctx, ruleset) {
    const id = ruleset.id ?? '';
    const parsed = (0,arm_id/* parseResourceId */.RQ)(id);
    const name = ruleset.name ?? parsed?.name ?? '';
    if (!parsed) {
        return { id, name, rules: [], rulesFailure: null, vnetLinks: [], vnetLinksFailure: null };
    }
    const client = ctx.clients(parsed.subscriptionId).dnsResolver;
    const [rules, links] = await Promise.all([
        ctx.read(`${id}/forwardingRules`, () => listAll(client.forwardingRules.list(parsed.resourceGroup, parsed.name))),
        ctx.read(`${id}/virtualNetworkLinks`, () => listAll(client.virtualNetworkLinks.list(parsed.resourceGroup, parsed.name)))
    ]);
    return {
        id,
        name,
        rules: rules.ok
            ? rules.value.map((rule) => ({
                id: rule.id ?? '',
                name: rule.name ?? '',
                domainName: rule.domainName,
                state: rule.forwardingRuleState ?? null,
                targets: (rule.targetDnsServers ?? []).map((target) => ({
                    ipAddress: target.ipAddress,
                    port: target.port ?? 53
                }))
            }))
            : [],
        rulesFailure: rules.ok ? null : rules.failure,
        vnetLinks: links.ok
            ? links.value.flatMap((link) => link.virtualNetwork?.id
                ? [
                    {
                        id: link.id ?? '',
                        name: link.name ?? '',
                        virtualNetworkId: link.virtualNetwork.id
                    }
                ]
                : [])
            : [],
        vnetLinksFailure: links.ok ? null : links.failure
    };
}
/** The subscription scopes of the vaults plus `dns-zone-scopes`, deduplicated. */
function dnsPathScopes(vaultSubscriptions, zoneScopes) {
    const scopes = unique([...vaultSubscriptions.map(arm_id/* subscriptionScope */.gx), ...zoneScopes]);
    const whole = new Set(scopes.flatMap((scope) => {
        const parsed = (0,arm_id/* parseScope */.Sk)(scope);
        return parsed && parsed.resourceGroup === null ? [parsed.subscriptionId.toLowerCase()] : [];
    }));
    // A resource group inside a subscription listed whole adds nothing.
    return scopes.filter((scope) => {
        const parsed = (0,arm_id/* parseScope */.Sk)(scope);
        return (parsed !== null &&
            (parsed.resourceGroup === null || !whole.has(parsed.subscriptionId.toLowerCase())));
    });
}
/** VNet snapshots that are not failures. */
function readVnets(vnets) {
    return Object.values(vnets).filter((v) => !('failure' in v));
}
function unique(values) {
    const seen = new Map();
    for (const value of values) {
        const key = value.toLowerCase().replace(/\/+$/, '');
        if (!seen.has(key))
            seen.set(key, value);
    }
    return [...seen.values()];
}
function dedupe(items) {
    const seen = new Set();
    return items.filter((item) => {
        const key = item.id.toLowerCase();
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function byId(a, b) {
    return a.id.localeCompare(b.id);
}

;// CONCATENATED MODULE: ./src/collect/endpoints.ts





function readPrivateEndpoint(ctx, peId) {
    return ctx.memo.privateEndpoints.get(peId, async () => {
        const parsed = (0,arm_id/* parseLooseId */.db)(peId);
        if (!parsed)
            return failed(badIdFailure(peId, 'private endpoint'));
        const network = ctx.clients(parsed.subscriptionId).network;
        const read = await fromListingOrGet(ctx, parsed.subscriptionId, peId, 'privateEndpoints', async () => {
            // Bulk mode: an endpoint absent from its subscription's complete listing does not exist
            // (a deleted endpoint the vault still lists), as a GET's 404 would say, one request less.
            if (ctx.bulk.has(parsed.subscriptionId.toLowerCase()) &&
                (await listedPrivateEndpoints(ctx, parsed.subscriptionId)).ok) {
                return failed({
                    kind: 'not-found',
                    resource: peId,
                    message: `Private endpoint ${peId} is not in its subscription's listing.`
                });
            }
            return ctx.read(peId, () => network.privateEndpoints.get(parsed.resourceGroup, parsed.name));
        });
        if (!read.ok) {
            return read.failure.kind === 'not-found' ? { ok: true, value: null } : read;
        }
        const pe = read.value;
        const subnetId = pe.subnet?.id ?? null;
        const vnetId = subnetId ? (0,arm_id/* vnetIdFromSubnetId */.HJ)(subnetId) : null;
        // Shared by every PE in the VNet: read once, collected into the snapshot at the end.
        if (vnetId)
            void readVirtualNetwork(ctx, vnetId);
        const nicIds = strings((pe.networkInterfaces ?? []).map((nic) => nic.id));
        // In bulk mode the zone groups (one request per PE, no subscription-wide list exists) wait
        // until the zone's records are known: most of them need not be read (see collect.ts).
        const deferGroups = ctx.bulk.has(parsed.subscriptionId.toLowerCase());
        const [nicReads, groups] = await Promise.all([
            Promise.all(nicIds.map((id) => readNicIps(ctx, id))),
            deferGroups ? null : readZoneGroups(ctx, pe.id ?? peId)
        ]);
        const nicIps = [];
        const nicFailures = [];
        for (const nic of nicReads) {
            if (nic.ok)
                nicIps.push(...nic.value.filter((ip) => !nicIps.includes(ip)));
            else
                nicFailures.push(nic.failure);
        }
        const snapshot = {
            id: pe.id ?? peId,
            name: pe.name ?? parsed.name,
            location: pe.location ?? null,
            provisioningState: pe.provisioningState ?? null,
            subnetId,
            vnetId,
            networkInterfaceIds: nicIds,
            customDnsConfigs: customDnsConfigs(pe),
            ipConfigurations: (pe.ipConfigurations ?? []).map((config) => ({
                name: config.name ?? '',
                privateIpAddress: config.privateIPAddress ?? ''
            })),
            nicIps,
            nicFailures,
            dnsZoneGroups: groups?.ok ? groups.value : [],
            dnsZoneGroupsFailure: groups && !groups.ok ? groups.failure : null,
            ...(groups ? {} : { dnsZoneGroupsSkipped: true })
        };
        return { ok: true, value: snapshot };
    });
}
/** A private endpoint's DNS zone groups (all pages), read once however many ask. */
function readZoneGroups(ctx, peId) {
    return ctx.memo.zoneGroups.get(peId, async () => {
        const parsed = (0,arm_id/* parseLooseId */.db)(peId);
        if (!parsed)
            return failed(badIdFailure(peId, 'private endpoint'));
        const network = ctx.clients(parsed.subscriptionId).network;
        const read = await ctx.read(`${peId}/privateDnsZoneGroups`, () => listAll(network.privateDnsZoneGroups.list(parsed.name, parsed.resourceGroup)));
        return read.ok ? { ok: true, value: read.value.map(zoneGroup) } : read;
    });
}
function customDnsConfigs(pe) {
    return (pe.customDnsConfigs ?? []).map((config) => ({
        fqdn: config.fqdn ?? '',
        ipAddresses: strings(config.ipAddresses)
    }));
}
function zoneGroup(group) {
    return {
        id: group.id ?? '',
        name: group.name ?? '',
        configs: (group.privateDnsZoneConfigs ?? []).map((config) => ({
            privateDnsZoneId: config.privateDnsZoneId ?? '',
            recordSets: (config.recordSets ?? []).map((set) => ({
                recordSetName: set.recordSetName ?? '',
                fqdn: set.fqdn ?? '',
                ipAddresses: strings(set.ipAddresses)
            }))
        }))
    };
}

;// CONCATENATED MODULE: ./src/collect/limit.ts
/** A bound on how many tasks run at once (ARM reads, here). */

function createLimit(concurrency) {
    const max = Math.max(1, Math.floor(concurrency));
    // Two queues rather than one sorted: both stay first-in, first-out, and a marked task is
    // queued in constant time however many unmarked ones wait.
    const firstQueue = [];
    const queue = [];
    let active = 0;
    const release = () => {
        active--;
        const next = firstQueue.shift() ?? queue.shift();
        if (next)
            next();
    };
    const limit = (task, signal, first = false) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortError());
            return;
        }
        const waiting = first ? firstQueue : queue;
        const onAbort = () => {
            const index = waiting.indexOf(start);
            if (index < 0)
                return;
            waiting.splice(index, 1);
            reject(abortError());
        };
        const start = () => {
            signal?.removeEventListener('abort', onAbort);
            active++;
            let result;
            try {
                result = task();
            }
            catch (error) {
                result = Promise.reject(error);
            }
            result.then(resolve, reject).finally(release);
        };
        if (active < max)
            start();
        else {
            waiting.push(start);
            signal?.addEventListener('abort', onAbort, { once: true });
        }
    });
    return Object.defineProperties(limit, {
        active: { get: () => active },
        pending: { get: () => firstQueue.length + queue.length }
    });
}

// EXTERNAL MODULE: ./src/common/target.ts
var target = __webpack_require__(8348);
;// CONCATENATED MODULE: ./src/collect/vaults.ts





function fromVault(vault) {
    const props = vault.properties;
    return {
        kind: 'vault',
        id: vault.id,
        name: vault.name,
        location: vault.location,
        uri: props?.vaultUri,
        publicNetworkAccess: props?.publicNetworkAccess,
        networkAcls: networkAcls(props?.networkAcls),
        connections: connections(props?.privateEndpointConnections)
    };
}
function fromManagedHsm(hsm) {
    const props = hsm.properties;
    return {
        kind: 'managedHsm',
        id: hsm.id,
        name: hsm.name,
        location: hsm.location,
        uri: props?.hsmUri,
        publicNetworkAccess: props?.publicNetworkAccess,
        networkAcls: networkAcls(props?.networkAcls),
        connections: connections(props?.privateEndpointConnections)
    };
}
/** The kind an ID names (`vaults` or `managedHSMs`, any case), or null. */
function kindOfId(parsed) {
    return (target/* TARGET_KINDS */.aO.find((kind) => (0,arm_id/* isResourceOfType */.cv)(parsed, (0,target/* targetNames */.i)('AzureCloud', kind).resourceType)) ?? null);
}
/** The ARM ID of a target of `kind` (the resource group may be unknown: a name to look up). */
function targetResourceId(kind, subscriptionId, resourceGroup, name) {
    return kind === 'vault'
        ? (0,arm_id/* vaultResourceId */.AS)(subscriptionId, resourceGroup, name)
        : `${resourceGroup ? (0,arm_id/* resourceGroupScope */.wZ)(subscriptionId, resourceGroup) : (0,arm_id/* subscriptionScope */.gx)(subscriptionId)}/providers/${(0,target/* targetNames */.i)('AzureCloud', kind).resourceType}/${name}`;
}
/** GET one target of a known kind. */
function getTarget(ctx, kind, subscriptionId, resourceGroup, name, id = targetResourceId(kind, subscriptionId, resourceGroup, name)) {
    const keyVault = ctx.clients(subscriptionId).keyVault;
    return kind === 'vault'
        ? ctx.read(id, async () => fromVault(await keyVault.vaults.get(resourceGroup, name)))
        : ctx.read(id, async () => fromManagedHsm(await keyVault.managedHsms.get(resourceGroup, name)));
}
/**
 * A vault the user named: by ID (the ID says the kind), else as a key vault and, when no key vault
 * answers to the name, as a managed HSM (GET in the resource group, or the subscription's listings).
 */
async function readNamedVault(ctx, ref) {
    if (ref.id) {
        const parsed = (0,arm_id/* parseResourceId */.RQ)(ref.id);
        const kind = kindOfId(parsed);
        if (!parsed || !kind)
            return failed(badIdFailure(ref.id, 'key vault or managed HSM'));
        return getTarget(ctx, kind, parsed.subscriptionId, parsed.resourceGroup, parsed.name, ref.id);
    }
    if (ref.resourceGroup) {
        const asVault = await getTarget(ctx, 'vault', ref.subscriptionId, ref.resourceGroup, ref.name);
        if (asVault.ok)
            return asVault;
        const asHsm = await getTarget(ctx, 'managedHsm', ref.subscriptionId, ref.resourceGroup, ref.name);
        // A key vault that is there but unreadable (403, 5xx) may be what was meant: its failure
        // stands unless an HSM answers. Where no key vault exists, the HSM's answer is the one.
        if (asHsm.ok)
            return asHsm;
        if (asVault.failure.kind === 'not-found' && asHsm.failure.kind !== 'not-found')
            return asHsm;
        return asVault;
    }
    // No resource group: find the name in the subscription's listings (read once for all names).
    const vaults = await listSubscriptionTargets(ctx, 'vault', ref.subscriptionId);
    const inVaults = vaults.ok ? findByName(vaults.value, ref.name) : undefined;
    if (inVaults)
        return ok(inVaults);
    const hsms = await listSubscriptionTargets(ctx, 'managedHsm', ref.subscriptionId);
    const inHsms = hsms.ok ? findByName(hsms.value, ref.name) : undefined;
    if (inHsms)
        return ok(inHsms);
    if (!vaults.ok)
        return vaults;
    if (!hsms.ok)
        return hsms;
    return failed({
        kind: 'not-found',
        resource: (0,arm_id/* vaultResourceId */.AS)(ref.subscriptionId, null, ref.name),
        message: `No key vault or managed HSM named '${ref.name}' in subscription '${ref.subscriptionId}'.`
    });
}
function findByName(targets, name) {
    const wanted = name.toLowerCase();
    return targets.find((t) => (t.name ?? (0,arm_id/* lastSegment */.mp)(t.id ?? '')).toLowerCase() === wanted);
}
/**
 * What a listing of managed HSMs is recorded under when it fails: the scope plus the resource
 * type, so that a failed HSM listing and a failed vault listing (recorded under the bare scope)
 * are told apart.
 */
function hsmListResource(scope) {
    return `${scope}/providers/${(0,target/* targetNames */.i)('AzureCloud', 'managedHsm').resourceType}`;
}
/** A listing's targets, each converted (and heard of) as its page arrives. */
async function targetsOf(items, convert, progress) {
    const targets = [];
    await eachItem(items, (item) => {
        const target = convert(item);
        targets.push(target);
        progress.onCount?.(targets.length);
        progress.onTarget?.(target);
    });
    return targets;
}
/** Every target of one kind in a subscription (all pages), read once per run. */
function listSubscriptionTargets(ctx, kind, subscriptionId, progress = {}) {
    const scope = (0,arm_id/* subscriptionScope */.gx)(subscriptionId);
    const keyVault = () => ctx.clients(subscriptionId).keyVault;
    return kind === 'vault'
        ? ctx.memo.vaultLists.get(scope, () => ctx.read(scope, () => targetsOf(keyVault().vaults.listBySubscription(), fromVault, progress)))
        : ctx.memo.hsmLists.get(scope, () => ctx.read(hsmListResource(scope), () => targetsOf(keyVault().managedHsms.listBySubscription(), fromManagedHsm, progress)));
}
/** Every target of one kind in a resource group (all pages). */
function listResourceGroupTargets(ctx, kind, subscriptionId, resourceGroup, progress) {
    const scope = (0,arm_id/* resourceGroupScope */.wZ)(subscriptionId, resourceGroup);
    const keyVault = () => ctx.clients(subscriptionId).keyVault;
    return kind === 'vault'
        ? ctx.memo.vaultLists.get(scope, () => ctx.read(scope, () => targetsOf(keyVault().vaults.listByResourceGroup(resourceGroup), fromVault, progress)))
        : ctx.memo.hsmLists.get(scope, () => ctx.read(hsmListResource(scope), () => targetsOf(keyVault().managedHsms.listByResourceGroup(resourceGroup), fromManagedHsm, progress)));
}
/**
 * Every key vault and managed HSM of a resource group, else of the subscription (all pages of
 * both listings, in parallel). A listing that fails is a failure of its own: the other kind is
 * still checked. `onCount` hears how many targets of both kinds arrived so far, `onTarget` of
 * each as its page arrives (of a listing that fails later, too: only the result says which count).
 */
async function discoverVaults(ctx, subscriptionId, resourceGroup, { onCount, onTarget } = {}) {
    const counts = { vault: 0, managedHsm: 0 };
    const reads = await Promise.all(target/* TARGET_KINDS */.aO.map((kind) => {
        const progress = {
            onCount: (n) => {
                counts[kind] = n;
                onCount?.(counts.vault + counts.managedHsm);
            },
            ...(onTarget ? { onTarget } : {})
        };
        return resourceGroup
            ? listResourceGroupTargets(ctx, kind, subscriptionId, resourceGroup, progress)
            : listSubscriptionTargets(ctx, kind, subscriptionId, progress);
    }));
    return {
        targets: reads.flatMap((read) => (read.ok ? read.value : [])),
        failures: reads.flatMap((read) => (read.ok ? [] : [read.failure]))
    };
}
/** A vault that could not be read: everything but the failure is empty. */
function failedVault(ref, failure) {
    const parsed = ref.id ? (0,arm_id/* parseResourceId */.RQ)(ref.id) : null;
    return {
        // A bare name that was found as neither kind has no kind.
        ...(ref.kind ? { kind: ref.kind } : {}),
        name: ref.name,
        id: ref.id ?? (0,arm_id/* vaultResourceId */.AS)(ref.subscriptionId, ref.resourceGroup, ref.name),
        subscriptionId: parsed?.subscriptionId ?? ref.subscriptionId,
        resourceGroup: parsed?.resourceGroup ?? ref.resourceGroup,
        failure,
        location: null,
        vaultUri: null,
        publicNetworkAccess: null,
        networkAcls: null,
        connections: [],
        privateEndpoints: {},
        privateEndpointFailures: {}
    };
}
/** The target's own properties, then every connection's private endpoint (in parallel). */
async function vaultSnapshot(ctx, name, target, fallback) {
    const parsed = target.id ? (0,arm_id/* parseResourceId */.RQ)(target.id) : null;
    const snapshot = {
        kind: target.kind,
        name,
        id: target.id ??
            targetResourceId(target.kind, fallback.subscriptionId, fallback.resourceGroup, name),
        subscriptionId: parsed?.subscriptionId ?? fallback.subscriptionId,
        resourceGroup: parsed?.resourceGroup ?? fallback.resourceGroup,
        failure: null,
        location: target.location ?? null,
        vaultUri: target.uri ?? null,
        publicNetworkAccess: target.publicNetworkAccess ?? null,
        networkAcls: target.networkAcls,
        connections: target.connections,
        privateEndpoints: {},
        privateEndpointFailures: {}
    };
    const peIds = new Map();
    for (const c of target.connections) {
        if (c.privateEndpointId)
            peIds.set(c.privateEndpointId.toLowerCase(), c.privateEndpointId);
    }
    const reads = await Promise.all([...peIds].map(async ([key, id]) => [key, await readPrivateEndpoint(ctx, id)]));
    for (const [key, read] of reads) {
        if (read.ok)
            snapshot.privateEndpoints[key] = read.value;
        else
            snapshot.privateEndpointFailures[key] = read.failure;
    }
    return snapshot;
}
function connections(items) {
    return (items ?? []).map((c) => ({
        id: c.id ?? '',
        name: c.id ? (0,arm_id/* lastSegment */.mp)(c.id) : '',
        status: c.privateLinkServiceConnectionState?.status ?? 'Unknown',
        description: c.privateLinkServiceConnectionState?.description ?? null,
        provisioningState: c.provisioningState ?? null,
        privateEndpointId: c.privateEndpoint?.id ?? null
    }));
}
function networkAcls(acls) {
    if (!acls)
        return null;
    return {
        bypass: acls.bypass ?? null,
        defaultAction: acls.defaultAction ?? null,
        ipRules: strings((acls.ipRules ?? []).map((r) => r.value)),
        virtualNetworkRules: strings((acls.virtualNetworkRules ?? []).map((r) => r.id))
    };
}

;// CONCATENATED MODULE: ./src/collect/planned.ts



async function vaultsWithEndpointsIn(ctx, vnets, known, log) {
    if (vnets.length === 0)
        return [];
    const subscriptions = new Map();
    for (const vnet of vnets) {
        const sub = (0,arm_id/* parseResourceId */.RQ)(vnet.id)?.subscriptionId;
        if (sub)
            subscriptions.set(sub.toLowerCase(), sub);
    }
    const listings = await Promise.all([...subscriptions.values()].map(async (sub) => ({
        sub,
        read: await listedPrivateEndpoints(ctx, sub)
    })));
    const endpoints = [];
    for (const { sub, read } of listings) {
        if (read.ok) {
            endpoints.push(...read.value.values());
            continue;
        }
        const whys = [
            ...new Set(vnets
                .filter((v) => (0,arm_id/* parseResourceId */.RQ)(v.id)?.subscriptionId.toLowerCase() === sub.toLowerCase())
                .map((v) => v.why))
        ];
        log(`plan: could not list the private endpoints of subscription ${sub} (${read.failure.message}); ` +
            `vaults ${whys.join(' or ')} there are read only if named or changed`);
    }
    const seen = new Set(known.map((v) => v.name.toLowerCase()));
    const found = new Map();
    for (const vnet of vnets) {
        const prefix = `${vnet.id.toLowerCase()}/subnets/`;
        for (const pe of endpoints) {
            if (!(pe.subnet?.id ?? '').toLowerCase().startsWith(prefix))
                continue;
            const links = [
                ...(pe.privateLinkServiceConnections ?? []),
                ...(pe.manualPrivateLinkServiceConnections ?? [])
            ];
            for (const link of links) {
                const parsed = link.privateLinkServiceId ? (0,arm_id/* parseResourceId */.RQ)(link.privateLinkServiceId) : null;
                const kind = kindOfId(parsed);
                if (!parsed || !kind)
                    continue;
                if (seen.has(parsed.name.toLowerCase()))
                    continue;
                seen.add(parsed.name.toLowerCase());
                const ref = {
                    name: parsed.name,
                    subscriptionId: parsed.subscriptionId.toLowerCase(),
                    resourceGroup: parsed.resourceGroup,
                    id: link.privateLinkServiceId ?? null,
                    kind,
                    // An endpoint may outlive the vault it connected to.
                    ifExists: true
                };
                found.set(vnet.why, [...(found.get(vnet.why) ?? []), ref]);
            }
        }
    }
    for (const [why, refs] of found) {
        log(`plan: ${refs.length} vault(s) ${why}: ${refs.map((r) => r.name).join(', ')}`);
    }
    return [...found.values()].flat();
}

;// CONCATENATED MODULE: ./src/collect/tokens.ts
/** A cached token is handed out only while it has at least this long to live. */
const REUSE_MARGIN_MS = 5 * 60 * 1000;
function sharedTokenCredential(credential, now = Date.now) {
    const cache = new Map();
    const request = (key, scopes, options) => {
        const promise = credential.getToken(scopes, options);
        cache.set(key, promise);
        promise.then((token) => {
            if (!token && cache.get(key) === promise)
                cache.delete(key);
        }, () => {
            if (cache.get(key) === promise)
                cache.delete(key);
        });
        return promise;
    };
    return {
        async getToken(scopes, options = {}) {
            const rest = { ...options };
            delete rest.enableCae;
            if (rest.claims)
                return credential.getToken(scopes, rest);
            const key = `${[scopes].flat().join(' ')}|${rest.tenantId ?? ''}`;
            const entry = cache.get(key);
            if (!entry)
                return request(key, scopes, rest);
            const token = await entry;
            if (token && token.expiresOnTimestamp - now() > REUSE_MARGIN_MS)
                return token;
            // Stale: the first caller here refreshes, the others share its request.
            const current = cache.get(key);
            return current && current !== entry ? current : request(key, scopes, rest);
        }
    };
}

// EXTERNAL MODULE: ./src/common/ip.ts
var common_ip = __webpack_require__(3796);
;// CONCATENATED MODULE: ./src/collect/zones.ts





/**
 * A privatelink zone of either kind itself, or a near miss: any zone whose name contains `vault`
 * (key vaults: `privatelink.vault.azure.net`, `vaultcore.azure.net`, ...) or `hsm` (managed
 * HSMs: `privatelink.managedhsm.azure.com`, `hsm.azure.net`, ...).
 */
function isKeptZone(name, cloud) {
    const lower = name.toLowerCase().replace(/\.$/, '');
    const exact = [cloud.privateLinkZone, ...(0,target/* privateLinkZones */.xx)(cloud.name)];
    return (exact.some((zone) => zone.toLowerCase() === lower) ||
        lower.includes('vault') ||
        lower.includes('hsm'));
}
/**
 * Every zone in a scope. A resource group whose subscription is also searched is answered from
 * the subscription's listing (no extra request) unless that listing failed.
 */
function listZonesInScope(ctx, scope, searchedSubscriptions) {
    return ctx.memo.zoneScopes.get(scope, async () => {
        const parsed = (0,arm_id/* parseScope */.Sk)(scope);
        if (!parsed)
            return failed(badIdFailure(scope, 'subscription or resource group scope'));
        const { subscriptionId, resourceGroup } = parsed;
        if (resourceGroup === null) {
            return ctx.read(scope, async () => (await listAll(ctx.clients(subscriptionId).privateDns.privateZones.list())).map(zoneRef));
        }
        const wholeScope = (0,arm_id/* subscriptionScope */.gx)(subscriptionId);
        if (searchedSubscriptions.has(wholeScope.toLowerCase())) {
            const whole = await listZonesInScope(ctx, wholeScope, searchedSubscriptions);
            if (whole.ok) {
                const rg = resourceGroup.toLowerCase();
                return ok(whole.value.filter((z) => (0,arm_id/* parseResourceId */.RQ)(z.id)?.resourceGroup.toLowerCase() === rg));
            }
        }
        return ctx.read(scope, async () => (await listAll(ctx.clients(subscriptionId).privateDns.privateZones.listByResourceGroup(resourceGroup))).map(zoneRef));
    });
}
/** GET one zone (named by a DNS zone group but not found in any searched scope). */
function getZone(ctx, zoneId) {
    return ctx.memo.zoneGets.get(zoneId, async () => {
        const parsed = (0,arm_id/* parseResourceId */.RQ)(zoneId);
        if (!parsed || parsed.types.length !== 1)
            return failed(badIdFailure(zoneId, 'private DNS zone'));
        const read = await ctx.read(zoneId, () => ctx
            .clients(parsed.subscriptionId)
            .privateDns.privateZones.get(parsed.resourceGroup, parsed.name));
        return read.ok ? ok(zoneRef(read.value)) : read;
    });
}
/** A kept zone with its VNet links and A record sets (all pages). */
function readZoneDetails(ctx, zone) {
    return ctx.memo.zoneDetails.get(zone.id, async () => {
        const parsed = (0,arm_id/* parseResourceId */.RQ)(zone.id);
        const subscriptionId = parsed?.subscriptionId ?? '';
        const resourceGroup = parsed?.resourceGroup ?? '';
        const base = { id: zone.id, name: zone.name, subscriptionId, resourceGroup };
        if (!parsed) {
            const failure = badIdFailure(zone.id, 'private DNS zone');
            return { ...base, links: [], linksFailure: failure, aRecords: [], recordsFailure: failure };
        }
        const dns = ctx.clients(subscriptionId).privateDns;
        const [links, records] = await Promise.all([
            ctx.read(`${zone.id}/virtualNetworkLinks`, () => listLinks(dns, resourceGroup, zone.name)),
            ctx.read(`${zone.id}/A`, () => listAll(ctx.clients(subscriptionId).network.privateDnsRecordSets.listA(resourceGroup, zone.name)))
        ]);
        return {
            ...base,
            links: links.ok ? links.value : [],
            linksFailure: failureOf(links),
            aRecords: records.ok ? records.value.map(aRecordSet) : [],
            recordsFailure: failureOf(records)
        };
    });
}
/**
 * The SDK (api-version 2020-06-01 models) drops `properties.resolutionPolicy`, so the raw page
 * bodies are read alongside the typed items.
 */
async function listLinks(dns, resourceGroup, zoneName) {
    const policies = new Map();
    const onResponse = (raw) => {
        for (const [id, policy] of rawResolutionPolicies(rawJsonBody(raw)))
            policies.set(id, policy);
    };
    const links = await listAll(dns.virtualNetworkLinks.list(resourceGroup, zoneName, { onResponse }));
    return links.map((link) => virtualNetworkLink(link, policies));
}
/** `resolutionPolicy` by lower-cased link ID, from a raw list page. */
function rawResolutionPolicies(body) {
    const items = body?.value;
    if (!Array.isArray(items))
        return [];
    const result = [];
    for (const item of items) {
        const policy = item?.properties?.resolutionPolicy;
        if (typeof item?.id === 'string' && typeof policy === 'string') {
            result.push([item.id.toLowerCase(), policy]);
        }
    }
    return result;
}
function virtualNetworkLink(link, policies) {
    const fromModel = link.resolutionPolicy;
    return {
        id: link.id ?? '',
        name: link.name ?? '',
        virtualNetworkId: link.virtualNetwork?.id ?? '',
        virtualNetworkLinkState: link.virtualNetworkLinkState ?? null,
        provisioningState: link.provisioningState ?? null,
        registrationEnabled: link.registrationEnabled ?? false,
        resolutionPolicy: policies.get((link.id ?? '').toLowerCase()) ??
            (typeof fromModel === 'string' ? fromModel : null)
    };
}
function aRecordSet(set) {
    return {
        id: set.id ?? '',
        name: set.name ?? '',
        fqdn: set.fqdn ?? null,
        ttl: typeof set.ttl === 'number' ? set.ttl : null,
        ipv4Addresses: strings((set.aRecords ?? []).map((r) => r.ipv4Address))
    };
}
function zoneRef(zone) {
    return { id: zone.id ?? '', name: zone.name ?? '' };
}
function failureOf(read) {
    return read.ok ? null : read.failure;
}

;// CONCATENATED MODULE: ./src/collect/collect.ts
















/**
 * ARM limits reads by count (the bucket gate.ts follows), not by how many are in flight; the bound
 * keeps a run from opening a connection per read. 24 rather than 8: the zone groups of 100 broken
 * endpoints at 2,000 vaults, read once the records are in, take 5 round trips instead of 13 (bench).
 */
const DEFAULT_CONCURRENCY = 24;
async function collect(req, credential, options = {}) {
    const started = Date.now();
    const log = options.log ?? (() => undefined);
    const limit = createLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
    const gate = new ThrottleGate();
    const threshold = Math.max(1, options.bulkThreshold ?? envThreshold() ?? BULK_THRESHOLD);
    const errorBodies = new ErrorBodies();
    let armRequests = 0;
    const clients = createClientFactory(sharedTokenCredential(credential), req.cloud.armEndpoint, {
        limit,
        gate,
        retry: retrySettings(options.retry),
        errorBodies,
        onRequest: () => {
            armRequests++;
        },
        ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {})
    });
    const ctx = createContext(req.cloud, clients, errorBodies);
    const progress = {
        vaultsDone: 0,
        vaultsTotal: req.vaults.length > 0 ? req.vaults.length : null // null until discovered
    };
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    const ticker = setInterval(() => {
        const total = progress.vaultsTotal === null ? '?' : String(progress.vaultsTotal);
        log(`Reading Azure: ${progress.vaultsDone}/${total} vault(s) done, ${armRequests} ARM request(s), ` +
            `${limit.active} in flight, ${limit.pending} queued, ` +
            `${(gate.waitedMs / 1000).toFixed(1)} s waiting on throttling (${seconds()} s)`);
    }, options.progressIntervalMs ?? 5000);
    ticker.unref?.();
    try {
        log(req.vaults.length > 0
            ? `Reading ${req.vaults.length} vault(s) from ${req.cloud.armEndpoint}`
            : `Discovering vaults in ${req.resourceGroup ? `resource group ${req.resourceGroup} of ` : ''}subscription ${req.subscriptionId}`);
        // Started now: its listing pages while the zone scopes and the DNS path are read.
        const endpointVaults = req.vaults.length > 0
            ? vaultsWithEndpointsIn(ctx, req.endpointVnets ?? [], req.vaults, log)
            : Promise.resolve([]);
        // Zone scopes start at once, in parallel with the vaults.
        const vaultSubscriptions = req.vaults.length > 0 ? req.vaults.map(refSubscription) : [req.subscriptionId];
        const scopes = uniqueIgnoringCase([
            ...vaultSubscriptions.map(arm_id/* subscriptionScope */.gx),
            ...req.dnsZoneScopes
        ]);
        const searchedSubscriptions = new Set(scopes.filter((s) => (0,arm_id/* parseScope */.Sk)(s)?.resourceGroup === null).map((s) => s.toLowerCase()));
        const scopeReads = scopes.map(async (scope) => {
            const read = await listZonesInScope(ctx, scope, searchedSubscriptions);
            if (read.ok) {
                for (const zone of read.value)
                    if (isKeptZone(zone.name, req.cloud))
                        void readZoneDetails(ctx, zone);
            }
            return { scope, read };
        });
        // The DNS path's VNets, resolvers and rulesets: a few listings per scope, from the start.
        const dnsPathReads = startDnsPath(ctx, {
            scopes: dnsPathScopes(vaultSubscriptions, req.dnsZoneScopes),
            clientVnets: req.clientVnets ?? [],
            peered: req.clientVnetsPeered ?? false
        });
        const discoveryFailures = [];
        const done = (snapshot) => {
            progress.vaultsDone++;
            return snapshot;
        };
        const reads = [];
        const scopesRead = Promise.all(scopeReads);
        // In bulk mode, what decides which deferred zone groups to read; known once the zones are.
        let deciding = null;
        const decided = () => (deciding ??= scopesRead.then((scopes) => decidingRecords(ctx, scopes, req.cloud)));
        /** A vault's snapshot, with the deferred zone groups a finding may depend on. */
        const snapshotOf = async (r) => {
            const snapshot = await vaultSnapshot(ctx, r.name, r.vault, r.fallback);
            if (Object.values(snapshot.privateEndpoints).some((pe) => pe?.dnsZoneGroupsSkipped)) {
                await readDeferredZoneGroups(ctx, snapshot, await decided());
            }
            return done(snapshot);
        };
        // Discovered vaults whose endpoints are all read in bulk: built as the listings page in, each
        // as soon as the pages that hold its endpoint, NIC and VNet are (the listings page side by
        // side, mostly waiting on ARM), instead of all at once after the last page. The zone groups
        // they need go out as soon as the records decide, while the vault listing may still page: its
        // next pages take a free slot ahead of them (gate.ts), so they do not lengthen its chain.
        const early = new Map();
        if (req.vaults.length > 0) {
            const refs = [...req.vaults, ...(await endpointVaults)];
            // Many vaults named in one subscription: its listings (a request per 25 vaults or HSMs)
            // answer them instead of a GET each.
            const named = countBy(refs.map(refSubscription));
            const listed = new Set([...named].filter(([, n]) => n >= threshold).map(([sub]) => sub));
            // As on a discovery run: their private endpoints are most likely in the same subscription,
            // so its listings page alongside the vault listing instead of after it.
            for (const sub of listed)
                startBulk(ctx, sub);
            progress.vaultsTotal = refs.length;
            const vaultReads = await Promise.all(refs.map(async (ref) => {
                const subscriptionId = refSubscription(ref);
                const read = listed.has(subscriptionId.toLowerCase())
                    ? await fromVaultListing(ctx, ref, subscriptionId)
                    : await readNamedVault(ctx, ref);
                if (!read.ok) {
                    if (ref.ifExists && read.failure.kind === 'not-found')
                        return null;
                    return failedVault(ref, read.failure);
                }
                return {
                    name: ref.name,
                    vault: read.value,
                    fallback: { subscriptionId, resourceGroup: ref.resourceGroup }
                };
            }));
            // A vault read only if it exists (a plan's stale record or endpoint) that does not: no entry.
            for (const read of vaultReads)
                if (read)
                    reads.push(read);
            progress.vaultsTotal = reads.length;
        }
        else {
            // Many vaults: their private endpoints are most likely in the same subscription, so its
            // bulk listings start while the vault listing is still paging (no page waits for another).
            const fallback = { subscriptionId: req.subscriptionId, resourceGroup: req.resourceGroup };
            const found = await discoverVaults(ctx, req.subscriptionId, req.resourceGroup, {
                onCount: (n) => {
                    if (n === threshold)
                        startBulk(ctx, req.subscriptionId);
                },
                onTarget: (vault) => {
                    const subscriptions = endpointSubscriptions(vault);
                    if (subscriptions.length === 0 || !subscriptions.every((sub) => ctx.bulk.has(sub)))
                        return;
                    const name = vault.name ?? (0,arm_id/* lastSegment */.mp)(vault.id ?? '');
                    early.set(vault, snapshotOf({ name, vault, fallback }));
                }
            });
            discoveryFailures.push(...found.failures);
            const list = found.targets;
            progress.vaultsTotal = list.length;
            for (const vault of list) {
                reads.push({ name: vault.name ?? (0,arm_id/* lastSegment */.mp)(vault.id ?? ''), vault, fallback });
            }
        }
        // Bulk or targeted, per subscription of the private endpoints to read.
        const peSubscriptions = countBy(reads.flatMap((r) => 'vault' in r
            ? uniqueIgnoringCase(r.vault.connections.map((c) => c.privateEndpointId ?? '').filter((id) => id !== '')).map((id) => parseScopeOfId(id))
            : []));
        for (const [sub, n] of peSubscriptions)
            if (sub && n >= threshold)
                startBulk(ctx, sub);
        if (ctx.bulk.size > 0) {
            log(`Reading subscription(s) ${[...ctx.bulk].join(', ')} in bulk: private endpoints, NICs ` +
                `and VNets from one listing each instead of a GET per resource`);
        }
        const turn = pacer(SNAPSHOTS_PER_TURN);
        // A vault without an A record is known from the listings alone: its endpoints' zone groups
        // are sent for before any snapshot is built.
        const unrecordedSent = ctx.bulk.size > 0 ? readZoneGroupsOfUnrecorded(ctx, reads, decided) : Promise.resolve();
        const vaultTasks = reads.map(async (r) => {
            if (!('vault' in r))
                return done(r);
            const started = early.get(r.vault);
            if (started)
                return started;
            // A vault read from bulk listings once they are in is answered by the same listings as
            // thousands of others, so all their snapshots would be built in one go, with no I/O in
            // between: built a few hundred per turn of the event loop instead, the zone group reads go
            // out and come back meanwhile. A vault whose endpoints are read by GET does not wait.
            const bulkSubscriptions = endpointSubscriptions(r.vault).filter((sub) => ctx.bulk.has(sub));
            if (bulkSubscriptions.length > 0) {
                await Promise.all(bulkSubscriptions.map((sub) => bulkListings(ctx, sub)));
                // Those zone groups go out first: building snapshots holds the thread for a while.
                await unrecordedSent;
                await turn();
            }
            return snapshotOf(r);
        });
        const vaults = await Promise.all(vaultTasks);
        // A vault of a discovery listing that failed after its page came is no part of the result;
        // its reads are let finish, so that none is still out once collect returns.
        await Promise.all(early.values());
        const scopeResults = await scopesRead;
        const zoneFailures = await readZoneGroupZones(ctx, vaults, scopeResults.map((s) => s.read));
        const dnsPath = await dnsPathReads.finish(vaults.flatMap((vault) => Object.values(vault.privateEndpoints).flatMap((pe) => (pe?.vnetId ? [pe.vnetId] : []))));
        const zones = (await ctx.memo.zoneDetails.values()).sort(byNameThenId);
        const virtualNetworks = {};
        for (const [key, read] of (await ctx.memo.virtualNetworks.entries()).sort(byKey)) {
            virtualNetworks[key] = read.ok ? read.value : { failure: read.failure };
        }
        const zoneScopes = scopeResults.map(({ scope, read }) => ({
            scope,
            failure: read.ok ? null : read.failure
        }));
        const snapshot = {
            cloud: req.cloud.name,
            privateLinkZone: req.cloud.privateLinkZone,
            vaultDnsSuffix: req.cloud.vaultDnsSuffix,
            vaults,
            discoveryFailures,
            zoneScopes,
            zones,
            zoneFailures,
            virtualNetworks,
            dnsPath,
            armRequests
        };
        log(summaryLine(snapshot, seconds()) +
            (gate.throttled > 0
                ? `; ARM throttled ${gate.throttled} request(s), ${(gate.waitedMs / 1000).toFixed(1)} s spent waiting`
                : ''));
        return snapshot;
    }
    finally {
        clearInterval(ticker);
    }
}
/**
 * Zones named by PE DNS zone groups: taken from a scope listing when one holds them (even when
 * their name is no near miss), else read by ID. Returns the ones that could not be read.
 */
async function readZoneGroupZones(ctx, vaults, listings) {
    const listed = new Map();
    for (const listing of listings) {
        if (!listing.ok)
            continue;
        for (const zone of listing.value)
            listed.set(zone.id.toLowerCase(), zone);
    }
    const named = new Map();
    for (const vault of vaults) {
        for (const pe of Object.values(vault.privateEndpoints)) {
            for (const group of pe?.dnsZoneGroups ?? []) {
                for (const config of group.configs) {
                    if (config.privateDnsZoneId)
                        named.set(config.privateDnsZoneId.toLowerCase(), config.privateDnsZoneId);
                }
            }
        }
    }
    const failures = [];
    await Promise.all([...named].map(async ([key, id]) => {
        const known = listed.get(key);
        if (known) {
            await readZoneDetails(ctx, known);
            return;
        }
        const read = await getZone(ctx, id);
        if (read.ok)
            await readZoneDetails(ctx, read.value);
        else
            failures.push(read.failure);
    }));
    return failures.sort((a, b) => a.resource.localeCompare(b.resource));
}
/**
 * A named vault from its subscription's listings (key vaults first, then managed HSMs); a GET
 * when the listings lack it or failed.
 */
async function fromVaultListing(ctx, ref, subscriptionId) {
    const idKind = ref.id ? kindOfId((0,arm_id/* parseResourceId */.RQ)(ref.id)) : null;
    const kinds = idKind ? [idKind] : target/* TARGET_KINDS */.aO;
    const name = ref.name.toLowerCase();
    const rg = ref.resourceGroup?.toLowerCase();
    for (const kind of kinds) {
        const listing = await listSubscriptionTargets(ctx, kind, subscriptionId);
        if (!listing.ok)
            continue;
        const found = listing.value.find((v) => {
            if (ref.id)
                return (v.id ?? '').toLowerCase() === ref.id.toLowerCase();
            const parsed = v.id ? (0,arm_id/* parseResourceId */.RQ)(v.id) : null;
            return ((v.name ?? '').toLowerCase() === name &&
                (rg === undefined || parsed?.resourceGroup.toLowerCase() === rg));
        });
        if (found)
            return ok(found);
    }
    // Not listed (or no listing): the GET gives ARM's own 404 / 403 for it.
    return readNamedVault(ctx, ref);
}
async function decidingRecords(ctx, scopes, cloud) {
    const kept = new Map();
    for (const scope of scopes) {
        if (!scope.read.ok)
            continue;
        for (const zone of scope.read.value)
            if (isKeptZone(zone.name, cloud))
                kept.set(zone.id.toLowerCase(), zone);
    }
    const zoneOf = (kind) => (0,target/* targetNames */.i)(cloud.name, kind, {
        hostSuffix: cloud.vaultDnsSuffix,
        zone: cloud.privateLinkZone
    }).zone.toLowerCase();
    const named = (zone) => zone.name.toLowerCase().replace(/\.$/, '');
    const exactNames = target/* TARGET_KINDS */.aO.map(zoneOf);
    const clean = scopes.every((s) => s.read.ok) && [...kept.values()].every((z) => exactNames.includes(named(z)));
    const records = new Map();
    for (const kind of target/* TARGET_KINDS */.aO) {
        const zones = [...kept.values()].filter((z) => named(z) === zoneOf(kind));
        const only = zones.length === 1 ? zones[0] : undefined;
        if (!clean || !only)
            continue;
        const exact = await readZoneDetails(ctx, only);
        if (exact.recordsFailure)
            continue;
        const byName = new Map();
        for (const record of exact.aRecords) {
            const name = record.name.toLowerCase();
            if (!byName.has(name))
                byName.set(name, record);
        }
        records.set(kind, byName);
    }
    return records;
}
function hasRecord(records, kind, name) {
    return records.get(kind)?.has(name.toLowerCase()) ?? false;
}
/**
 * Starts reading the zone groups of the listed endpoints of the vaults that have no A record
 * (above), from the vault, zone and private endpoint listings, before any snapshot is built.
 * An endpoint missing from its listing is gone: nothing to read.
 */
async function readZoneGroupsOfUnrecorded(ctx, reads, decided) {
    const records = await decided();
    const listings = new Map(await Promise.all([...ctx.bulk].map(async (sub) => [sub, await listedPrivateEndpoints(ctx, sub)])));
    // Sent in one go, with no await between them: the snapshots built meanwhile would otherwise
    // run between every two sends (at 2,000 vaults they went out over 200 ms instead of at once).
    for (const read of reads) {
        if (!('vault' in read) || hasRecord(records, read.vault.kind, read.name))
            continue;
        for (const connection of read.vault.connections) {
            const peId = connection.privateEndpointId ?? '';
            const listing = listings.get(parseScopeOfId(peId).toLowerCase());
            const listed = listing?.ok ? listing.value.get(peId.toLowerCase()) : undefined;
            if (listed)
                void readZoneGroups(ctx, listed.id ?? peId);
        }
    }
}
/** Reads the deferred zone groups of one vault's endpoints that a finding may depend on (above). */
async function readDeferredZoneGroups(ctx, vault, records) {
    const recorded = hasRecord(records, vault.kind ?? 'vault', vault.name);
    const needed = [];
    for (const [key, pe] of Object.entries(vault.privateEndpoints)) {
        if (!pe?.dnsZoneGroupsSkipped)
            continue;
        if (!recorded || mayBeRecreated(vault, key, pe))
            needed.push(pe);
    }
    if (needed.length === 0)
        return;
    await Promise.all(needed.map(async (pe) => {
        const groups = await readZoneGroups(ctx, pe.id);
        pe.dnsZoneGroups = groups.ok ? groups.value : [];
        pe.dnsZoneGroupsFailure = groups.ok ? null : groups.failure;
        delete pe.dnsZoneGroupsSkipped;
    }));
}
/** Vault snapshots built per turn of the event loop in bulk mode (see `collect`). */
const SNAPSHOTS_PER_TURN = 200;
/** A bulk subscription's three listings, settled (they never reject). */
async function bulkListings(ctx, subscriptionId) {
    await Promise.all([
        listedPrivateEndpoints(ctx, subscriptionId),
        listedNics(ctx, subscriptionId),
        listedVirtualNetworks(ctx, subscriptionId)
    ]);
}
/** The subscriptions (lower-cased) of a vault's private endpoints. */
function endpointSubscriptions(vault) {
    return [
        ...new Set(vault.connections.map((c) => parseScopeOfId(c.privateEndpointId ?? '').toLowerCase()))
    ];
}
/**
 * A turn for each caller: the first `per` callers get the next turn of the event loop, the next
 * `per` the one after, and so on, each after I/O had its chance.
 */
function pacer(per) {
    let callers = 0;
    let turn = Promise.resolve();
    return () => {
        if (callers++ % per === 0) {
            turn = turn.then(() => new Promise((resolve) => setImmediate(resolve)));
        }
        return turn;
    };
}
/** Whether a finding on this endpoint may tell the user to recreate it (see above). */
function mayBeRecreated(vault, peKey, pe) {
    const succeeded = (state) => (state ?? '').toLowerCase() === 'succeeded';
    const connections = vault.connections.filter((c) => (c.privateEndpointId ?? '').toLowerCase() === peKey);
    const ips = new Set([
        ...pe.nicIps,
        ...(pe.ipConfigurations ?? []).map((c) => c.privateIpAddress).filter((ip) => ip !== '')
    ]);
    return (!succeeded(pe.provisioningState) ||
        connections.length === 0 ||
        connections.some((c) => !['approved', 'pending'].includes(c.status.toLowerCase()) || !succeeded(c.provisioningState)) ||
        pe.nicFailures.length > 0 ||
        ips.size !== 1 ||
        [...ips].some((ip) => !(0,common_ip/* isPrivate */.Gw)(ip)));
}
/**
 * `KVPLD_BULK_THRESHOLD`: overrides `BULK_THRESHOLD` for a run (the benchmark measures the
 * crossover with it: 1 = always bulk, a huge number = never). Not an input: users need not tune it.
 */
function envThreshold() {
    const value = Number(process.env.KVPLD_BULK_THRESHOLD ?? '');
    return process.env.KVPLD_BULK_THRESHOLD && value >= 0 ? value : undefined;
}
function countBy(keys) {
    const counts = new Map();
    for (const key of keys) {
        const k = key.toLowerCase();
        counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
}
/** The subscription of a resource ID ('' when it does not parse). */
function parseScopeOfId(id) {
    return /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1] ?? '';
}
function retrySettings(options) {
    const settings = { ...DEFAULT_RETRY };
    for (const key of Object.keys(settings)) {
        const value = options?.[key];
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
            settings[key] = value;
    }
    return settings;
}
function refSubscription(ref) {
    return (ref.id ? (0,arm_id/* parseResourceId */.RQ)(ref.id)?.subscriptionId : undefined) ?? ref.subscriptionId;
}
function uniqueIgnoringCase(values) {
    const seen = new Set();
    return values.filter((v) => {
        const key = v.toLowerCase().replace(/\/+$/, '');
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function byNameThenId(a, b) {
    return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}
function byKey(a, b) {
    return a[0].localeCompare(b[0]);
}
function summaryLine(snapshot, seconds) {
    const vnets = Object.values(snapshot.virtualNetworks).filter((v) => !('failure' in v)).length;
    const failures = snapshot.vaults.filter((v) => v.failure).length +
        snapshot.discoveryFailures.length +
        snapshot.zoneScopes.filter((s) => s.failure).length;
    return (`Read ${snapshot.vaults.length} vault(s), ${snapshot.zones.length} private DNS zone(s) and ` +
        `${vnets} VNet(s) with ${snapshot.armRequests} ARM request(s) in ${seconds} s` +
        (failures > 0 ? ` (${failures} vault/scope read(s) failed)` : ''));
}


/***/ })

};

//# sourceMappingURL=405.index.js.map