export const id = 678;
export const ids = [678];
export const modules = {

/***/ 678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createCredential: () => (/* binding */ createCredential),
/* harmony export */   signIn: () => (/* binding */ signIn)
/* harmony export */ });
/* unused harmony exports OIDC_AUDIENCE, MISSING_ID_TOKEN_PERMISSION */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2405);
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7632);
/* harmony import */ var _inputs_cloud_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7994);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5224);
/**
 * Sign-in to Azure, modelled on azure/login's OIDC flow: the workflow's GitHub ID token (audience
 * `api://AzureADTokenExchange`) is the client assertion of a `ClientAssertionCredential`. Or the
 * Azure SDK's default chain (after azure/login, or with a managed identity).
 *
 * Every failure becomes a `SignInError` with one line saying what to change. No message ever
 * holds a token: only the claims that say which federated credential would match (sub, iss, aud).
 */





/** The audience of the GitHub ID token that Entra's token exchange expects. */
const OIDC_AUDIENCE = 'api://AzureADTokenExchange';
const MISSING_ID_TOKEN_PERMISSION = `Cannot get the workflow's OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set. ${_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .ADD_ID_TOKEN_PERMISSION */ .i6}`;
/** What signIn needs to explain a failure of a credential made here. */
const contexts = new WeakMap();
/** The authority hosts of the known clouds: MSAL's instance discovery knows these. */
function isKnownAuthority(authorityHost) {
    const host = authorityHost.replace(/\/+$/, '').toLowerCase();
    return Object.values(_inputs_cloud_js__WEBPACK_IMPORTED_MODULE_2__/* .CLOUDS */ .J).some((cloud) => cloud.authorityHost === host);
}
function createCredential(inputs, deps = {}) {
    const env = deps.env ?? process.env;
    const authorityHost = inputs.cloud.authorityHost;
    const disableInstanceDiscovery = !isKnownAuthority(authorityHost);
    const context = {
        auth: inputs.auth,
        clientId: inputs.clientId,
        tenantId: inputs.tenantId,
        authorityHost,
        env,
        claims: null,
        idTokenError: null
    };
    let credential;
    if (inputs.auth === 'oidc') {
        if (!inputs.clientId || !inputs.tenantId) {
            throw new _explain_js__WEBPACK_IMPORTED_MODULE_3__/* .SignInError */ .Jj("Sign-in with OIDC needs both 'client-id' and 'tenant-id'");
        }
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL)
            throw new _explain_js__WEBPACK_IMPORTED_MODULE_3__/* .SignInError */ .Jj(MISSING_ID_TOKEN_PERMISSION);
        const getIDToken = deps.getIDToken ?? ((audience) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getIDToken */ .V9(audience));
        // MSAL asks for the assertion on every token it acquires (one per client and scope); one
        // ID token serves them all until shortly before it expires, so GitHub is asked once.
        let cached = null;
        const fetchAssertion = async () => {
            try {
                const token = await getIDToken(OIDC_AUDIENCE);
                context.claims = readClaims(token);
                context.idTokenError = null;
                return token;
            }
            catch (error) {
                context.idTokenError = error;
                cached = null;
                throw error;
            }
        };
        const getAssertion = () => {
            if (!cached || Date.now() >= cached.until) {
                const token = fetchAssertion();
                cached = { token, until: Date.now() + 60_000 };
                void token.then((value) => {
                    const exp = expiryOf(value);
                    if (cached?.token === token && exp)
                        cached.until = exp * 1000 - 60_000;
                }, () => undefined);
            }
            return cached.token;
        };
        credential = new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .ClientAssertionCredential */ .XI(inputs.tenantId, inputs.clientId, getAssertion, {
            authorityHost,
            disableInstanceDiscovery,
            ...(deps.httpClient ? { httpClient: deps.httpClient } : {})
        });
    }
    else {
        try {
            credential = new _azure_identity__WEBPACK_IMPORTED_MODULE_1__/* .DefaultAzureCredential */ .gv({
                authorityHost,
                disableInstanceDiscovery,
                ...(inputs.tenantId ? { tenantId: inputs.tenantId } : {}),
                // With `auth: default`, client-id names a user-assigned managed identity / workload identity.
                ...(inputs.clientId
                    ? { managedIdentityClientId: inputs.clientId, workloadIdentityClientId: inputs.clientId }
                    : {}),
                ...(deps.httpClient ? { httpClient: deps.httpClient } : {})
            });
        }
        catch (error) {
            // e.g. an unsupported AZURE_TOKEN_CREDENTIALS value.
            throw new _explain_js__WEBPACK_IMPORTED_MODULE_3__/* .SignInError */ .Jj((0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .describeSignInFailure */ .OG)(error, context));
        }
    }
    credential = masked(credential);
    contexts.set(credential, context);
    return credential;
}
/**
 * Masks every Azure access token the run obtains (ARM, and the vault audience for the probe) in
 * the step log, as azure/login does: nothing of ours prints one, but a dependency's debug line
 * or error might.
 */
function masked(credential) {
    return {
        async getToken(scopes, options) {
            const token = await credential.getToken(scopes, options);
            if (token?.token)
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(token.token);
            return token;
        }
    };
}
/**
 * Gets one token up front so a sign-in problem fails the step at once, with one line that says
 * what to change, instead of as a 401 in the middle of the checks.
 */
async function signIn(credential, scope) {
    const context = contexts.get(credential) ?? null;
    let token;
    try {
        token = await credential.getToken(scope);
    }
    catch (error) {
        throw new _explain_js__WEBPACK_IMPORTED_MODULE_3__/* .SignInError */ .Jj((0,_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .describeSignInFailure */ .OG)(error, context));
    }
    if (!token)
        throw new _explain_js__WEBPACK_IMPORTED_MODULE_3__/* .SignInError */ .Jj(`Sign-in returned no token for ${scope}`);
}
/** The claims that identify a GitHub ID token to a federated credential; never the token. */
/** The `exp` claim (seconds since the epoch) of a JWT, if it has one. */
function expiryOf(token) {
    try {
        const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof payload?.exp === 'number' ? payload.exp : null;
    }
    catch {
        return null;
    }
}
function readClaims(token) {
    try {
        const payload = token.split('.')[1] ?? '';
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        const text = (value) => typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : undefined;
        return { sub: text(claims.sub), iss: text(claims.iss), aud: text(claims.aud) };
    }
    catch {
        return null;
    }
}


/***/ })

};

//# sourceMappingURL=678.index.js.map