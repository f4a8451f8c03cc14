export const id = 681;
export const ids = [681];
export const modules = {

/***/ 681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   evaluateProbe: () => (/* binding */ evaluateProbe)
/* harmony export */ });
/* unused harmony exports FIREWALL_INNER_CODES, isFirewallAnswer, probeRules */
/* harmony import */ var _probe_runner_addresses_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3343);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9420);
/* harmony import */ var _evaluate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7351);
/* harmony import */ var _fixes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4984);
/* harmony import */ var _ip_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9685);





/** The answers that mean "stopped by the network check" (ERRORS.md). */
const FIREWALL_INNER_CODES = ['ForbiddenByFirewall', 'ForbiddenByConnection'];
function isFirewallAnswer(result) {
    return (result !== null &&
        result.status === 403 &&
        FIREWALL_INNER_CODES.some((code) => code.toLowerCase() === result.innerCode?.toLowerCase()));
}
function ipLabel(ip) {
    return (0,_ip_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidIp */ .AD)(ip) ? `${ip} (${(0,_ip_js__WEBPACK_IMPORTED_MODULE_3__/* .describeIp */ .pk)(ip).range})` : ip;
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
function add(ctx, rule, fields) {
    ctx.findings.push((0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .finding */ .gk)(rule, ctx.model.vault.name, fields));
}
function ok(ctx, rule, message, observed, expected) {
    ctx.findings.push((0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .pass */ .IX)(rule, ctx.model.vault.name, { resource: ctx.model.vault.id, message, observed, expected }));
}
/** The zone linked to a VNet of the vault's effective PEs, for record fixes. */
function recordFix(ctx, replace) {
    const { snapshot, model, probe } = ctx;
    if (probe.peIps.length === 0)
        return null;
    for (const group of model.vnets) {
        const linked = (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .linkedExactZone */ .rR)(snapshot, group.vnetId);
        if (!linked)
            continue;
        const zone = (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .zonePlace */ .Kf)(linked.zone);
        const name = model.vault.name.toLowerCase();
        return replace
            ? (0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__/* .recordReplace */ .sp)(zone, name, name, group.ips.length ? group.ips : probe.peIps, 10)
            : (0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__/* .recordCreate */ .gB)(zone, name, group.ips.length ? group.ips : probe.peIps, 10);
    }
    return null;
}
function dnsRules(ctx) {
    const { probe, snapshot, model } = ctx;
    const dns = probe.dns;
    if (!dns)
        return;
    const resource = model.vault.id;
    const host = probe.hostname;
    const alias = (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .dnsName */ .Tu)(`${model.vault.name}.${snapshot.privateLinkZone}`);
    const chain = dns.chain.join(' → ');
    const servers = dns.servers === 'system' ? "the runner's resolvers" : (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(dns.servers);
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
                    `answers for ${host} itself (a zone named after ${snapshot.vaultDnsSuffix} instead of ${snapshot.privateLinkZone})`,
                observed: chain,
                expected: `${host} → ${alias} → an effective PE IP`,
                fix: `nslookup -type=CNAME ${(0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__.sh)(host)}`
            });
        }
    }
    if (dns.error) {
        const last = dns.chain[dns.chain.length - 1] ?? host;
        const atAlias = last === alias;
        add(ctx, 'PROBE-NXDOMAIN', {
            resource,
            message: `${host} does not resolve with DNS (${servers}): ${stepText(dns.error)}` +
                (atAlias
                    ? `. The chain reaches ${alias}, so the private zone ${snapshot.privateLinkZone} is the one answering and lacks the A record ${model.vault.name.toLowerCase()} (or the link's NxDomainRedirect is off)`
                    : ''),
            observed: `${chain}: ${dns.error.kind}`,
            expected: `${host} → ${alias} → ${(0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(probe.peIps)}`,
            fix: atAlias ? recordFix(ctx, false) : null
        });
        return;
    }
    ok(ctx, 'PROBE-NXDOMAIN', `${host} resolves with DNS (${servers})`, `${chain} → ${(0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(dns.addresses)}`, 'an answer');
    const bad = dns.addresses.filter((ip) => !probe.peIps.includes(ip));
    const publicIps = bad.filter((ip) => (0,_ip_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidIp */ .AD)(ip) && (0,_ip_js__WEBPACK_IMPORTED_MODULE_3__/* .describeIp */ .pk)(ip).class === 'public');
    const otherIps = bad.filter((ip) => !publicIps.includes(ip));
    if (publicIps.length > 0) {
        add(ctx, 'PROBE-PUBLIC-IP', {
            resource,
            message: `From this runner ${host} resolves to the public address ${publicIps.map(ipLabel).join(', ')}: ` +
                `the private zone ${snapshot.privateLinkZone} does not apply to the DNS servers this runner uses ` +
                `(${servers}). Link the zone to the runner's VNet, or make the custom DNS servers forward ${snapshot.privateLinkZone} to 168.63.129.16`,
            observed: `${chain} → ${(0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(dns.addresses)}`,
            expected: (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(probe.peIps),
            fix: null
        });
    }
    else {
        ok(ctx, 'PROBE-PUBLIC-IP', `${host} resolves to no public address`, (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(dns.addresses), 'private addresses');
    }
    const peKnown = model.effective.every((pe) => pe.ipsKnown);
    if (otherIps.length > 0 && (peKnown || probe.peIps.length === 0)) {
        add(ctx, 'PROBE-WRONG-IP', {
            resource,
            message: `${host} resolves to ${otherIps.map(ipLabel).join(', ')}, which is not an effective private endpoint IP ` +
                `of the vault (${(0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(probe.peIps)}): a stale A record, or another zone answers`,
            observed: `${chain} → ${(0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(dns.addresses)}`,
            expected: (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(probe.peIps),
            fix: recordFix(ctx, true)
        });
    }
    else if (bad.length === 0) {
        ok(ctx, 'PROBE-WRONG-IP', `${host} resolves to the private endpoint IP ${(0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(dns.addresses)}`, (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(dns.addresses), (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(probe.peIps));
    }
}
function hostsRule(ctx) {
    const { probe, model } = ctx;
    const { dns, os } = probe;
    if (!dns || !os)
        return;
    const v4 = (ips) => [...new Set(ips.filter((ip) => !ip.includes(':')))].sort();
    const fromOs = os.error ? [] : v4(os.addresses);
    const fromDns = dns.error ? [] : v4(dns.addresses);
    const same = fromOs.length === fromDns.length && fromOs.every((ip, i) => ip === fromDns[i]);
    const osText = os.error ? stepText(os.error) : (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(os.addresses);
    const dnsText = dns.error ? stepText(dns.error) : (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(dns.addresses);
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
        fix: `grep -n ${(0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__.sh)(probe.hostname)} /etc/hosts`
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
        expected: `NO_PROXY includes ${probe.hostname} (or .${ctx.snapshot.vaultDnsSuffix}, ${ctx.snapshot.privateLinkZone})`,
        fix: `export NO_PROXY="\${NO_PROXY:+$NO_PROXY,}.${ctx.snapshot.vaultDnsSuffix},.${ctx.snapshot.privateLinkZone}"`
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
            ? `openssl s_client -connect ${(0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__.sh)(`${attempt.ip}:443`)} -servername ${(0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__.sh)(host)} </dev/null | openssl x509 -noout -subject -issuer`
            : `curl -sv --connect-timeout 5 --resolve ${(0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__.sh)(`${host}:443:${attempt.ip}`)} https://${host}/healthstatus`
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
        ok(ctx, 'PROBE-CONNECT-FAILED', `Every /healthstatus request to ${host} connected`, (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(probe.health.map((a) => a.ip ?? '?')), 'TCP on 443');
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
        if (!(0,_ip_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidIp */ .AD)(addr))
            continue;
        const info = (0,_ip_js__WEBPACK_IMPORTED_MODULE_3__/* .describeIp */ .pk)(addr);
        if (info.class === 'public') {
            if (!once('PROBE-PUBLIC-PATH', attempt))
                continue;
            add(ctx, 'PROBE-PUBLIC-PATH', {
                resource,
                message: `${where(attempt, host, probe.peIps)}: the vault saw the request come from the public address ${ipLabel(addr)}: it left ` +
                    `through NAT/the Internet, not through the private endpoint`,
                observed: `addr=${addr}`,
                expected: `a private address of this runner (${(0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(run.runnerAddresses)})`,
                fix: null
            });
        }
        else if ((0,_probe_runner_addresses_js__WEBPACK_IMPORTED_MODULE_0__/* .isOwnAddress */ .v)(addr, run.runnerAddresses)) {
            ok(ctx, 'PROBE-PUBLIC-PATH', `${where(attempt, host, probe.peIps)}: the vault saw this runner's own address ${addr}`, `addr=${addr}`, 'a private address');
        }
        else {
            if (!once('PROBE-ROUTED', attempt))
                continue;
            add(ctx, 'PROBE-ROUTED', {
                resource,
                message: `${where(attempt, host, probe.peIps)}: the vault saw ${ipLabel(addr)}, which is not one of this runner's addresses ` +
                    `(${(0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(run.runnerAddresses)}): custom routing or NAT on the way (still a private path)`,
                observed: `addr=${addr}`,
                expected: (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(run.runnerAddresses),
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
                    `the two requests reached different endpoints. The name does not lead to this private endpoint`,
                observed: `by name: addr=${byName.addr}; PE IP ${direct.ip}: addr=${direct.addr}`,
                expected: 'the same addr',
                fix: null
            });
        }
    }
}
function dataPlaneRule(ctx) {
    const { probe, model } = ctx;
    const result = probe.dataPlane;
    if (!result)
        return;
    const privatePath = result.via === 'pe-ip' ||
        (result.ip !== null && (0,_ip_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidIp */ .AD)(result.ip) && (0,_ip_js__WEBPACK_IMPORTED_MODULE_3__/* .describeIp */ .pk)(result.ip).class === 'private');
    const target = result.via === 'pe-ip' ? `PE IP ${result.ip}` : `by name, ${result.ip ?? '?'}`;
    if (result.error) {
        add(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', {
            resource: model.vault.id,
            severity: 'warning',
            message: `Not verified: the authenticated data-plane request over the private path (${target}) failed at ` +
                `${failedStep(result.error)}: ${stepText(result.error)}. Whether the vault's firewall lets private link ` +
                `traffic through is unknown`,
            observed: `${result.error.kind}${result.error.code ? ` (${result.error.code})` : ''} at ${failedStep(result.error)}`,
            expected: 'an answer other than 403 ForbiddenByFirewall/ForbiddenByConnection (404 SecretNotFound for the probe secret)',
            fix: null
        });
        return;
    }
    if (!privatePath) {
        add(ctx, 'PROBE-FORBIDDEN-BY-FIREWALL', {
            resource: model.vault.id,
            severity: 'warning',
            message: `Not verified: no private endpoint IP answered, so the data-plane request went ${target}, which is not a ` +
                `private address; the firewall's answer over the private path is unknown`,
            observed: `${result.status ?? '?'} from ${result.ip ?? '?'}`,
            expected: 'a data-plane answer over a private endpoint IP',
            fix: null
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
            fix: `az keyvault network-rule list --name ${(0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__.sh)(model.vault.name)} --subscription ${(0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__.sh)(model.vault.subscriptionId)}`
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
        add(ctx, 'PUBLIC-ACCESS-OPEN', {
            resource: model.vault.id,
            severity: 'warning',
            message: `Not verified: the data-plane request to https://${host} from outside got no answer: ${stepText(result.error)}`,
            observed: result.error.kind,
            expected: '403 ForbiddenByFirewall or ForbiddenByConnection',
            fix: null
        });
        return;
    }
    // The name led somewhere that is not a public address: a private endpoint (a GitHub-hosted runner
    // with Azure private networking, a self-hosted runner that did not say so in RUNNER_ENVIRONMENT),
    // or a hosts-file/loopback override. Whatever answered, it says nothing about the public path.
    // A warning under the contract's rule, not an error: the vault may well be closed; and not an
    // info, because a run asked to verify the public path did not, and `fail-on: warning` must see it.
    if (result.ip !== null && (0,_ip_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidIp */ .AD)(result.ip) && (0,_ip_js__WEBPACK_IMPORTED_MODULE_3__/* .describeIp */ .pk)(result.ip).class !== 'public') {
        add(ctx, 'PUBLIC-ACCESS-OPEN', {
            resource: model.vault.id,
            severity: 'warning',
            message: `Not verified: this runner is not outside the VNet. From here ${host} leads to ${ipLabel(result.ip)}, ` +
                `not to the vault's public endpoint, so the answer (${result.status}${result.code ? ` ${result.code}` : ''}` +
                `${result.innerCode ? `/${result.innerCode}` : ''}) says nothing about the public path. Run the outside ` +
                `probe on a runner without private access to the vault (e.g. a GitHub-hosted runner without Azure private ` +
                `networking), and use 'probe: inside' here`,
            observed: `${result.status}${result.code ? ` ${result.code}` : ''} from ${result.ip}`,
            expected: 'a public address of the vault, answering 403 ForbiddenByFirewall or ForbiddenByConnection',
            fix: null
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
        fix: `az keyvault update --name ${(0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__.sh)(model.vault.name)} --subscription ${(0,_fixes_js__WEBPACK_IMPORTED_MODULE_4__.sh)(model.vault.subscriptionId)} --public-network-access Disabled`
    });
}
/** The probe findings for every probed vault, in snapshot order. */
function probeRules(snapshot, run) {
    const findings = [];
    for (const vault of snapshot.vaults) {
        const probe = run.vaults.find((item) => item.vault === vault.name);
        if (!probe || probe.skipped || vault.failure)
            continue;
        const ctx = { snapshot, model: (0,_context_js__WEBPACK_IMPORTED_MODULE_1__/* .buildVaultModel */ .Gn)(snapshot, vault), probe, run, findings };
        if (run.mode === 'inside') {
            dnsRules(ctx);
            hostsRule(ctx);
            proxyRule(ctx);
            healthRules(ctx);
            dataPlaneRule(ctx);
        }
        else {
            proxyRule(ctx);
            outsideRule(ctx);
        }
    }
    return findings;
}
/** probeRules with the `ignore` suppressions applied. */
function evaluateProbe(snapshot, run, ignore) {
    return (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .applySuppressions */ .p)(probeRules(snapshot, run), ignore);
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

//# sourceMappingURL=681.index.js.map