/**
 * The ARM clients, one set per subscription, sharing one pipeline setup: our retry
 * policy instead of the SDK's, the concurrency bound, the request counter and the error-body
 * capture.
 */
import { DnsResolverManagementClient } from '@azure/arm-dnsresolver'
import { KeyVaultManagementClient } from '@azure/arm-keyvault'
import { PrivateDnsManagementClient } from '@azure/arm-privatedns'
import type { TokenCredential } from '@azure/identity'
import {
  createDefaultHttpClient,
  type HttpClient,
  type Pipeline,
  type PipelinePolicy,
  type TlsSettings
} from '@azure/core-rest-pipeline'
import type { ErrorBodies } from './arm-errors.js'
import { NetworkReadClient, type NetworkReads, PRIVATE_DNS_API_VERSION } from './network-client.js'
import { GATE_POLICY_NAME, type ThrottleGate } from './gate.js'
import type { Limit } from './limit.js'
import { armRetryPolicy, armTimeoutPolicy, RETRY_POLICY_NAME, type RetrySettings } from './retry.js'

export interface ArmClients {
  readonly keyVault: KeyVaultManagementClient
  /** The Microsoft.Network reads (network-client.ts says why not `@azure/arm-network`'s client). */
  readonly network: NetworkReads
  readonly privateDns: PrivateDnsManagementClient
  /** DNS private resolvers and forwarding rulesets (the client VNets' DNS path). */
  readonly dnsResolver: DnsResolverManagementClient
}

export interface PipelineSetup {
  limit: Limit
  /** Per-subscription Retry-After, shared by every client of the run. */
  gate: ThrottleGate
  retry: RetrySettings
  errorBodies: ErrorBodies
  /** Called once per HTTP attempt (retries included). */
  onRequest: () => void
  /** Extra TLS settings for ARM (a CA to trust); undefined = Node's defaults. */
  tlsOptions?: TlsSettings
}

const COUNT_POLICY_NAME = 'kvpldCountPolicy'

/** Replaces the SDK's retry policy and adds ours (see retry.ts for why). */
export function configurePipeline(
  pipeline: Pipeline,
  setup: PipelineSetup,
  /** The client is one of `@azure/core-client` (see `RetryOptions`). */
  coreClient = false
): void {
  pipeline.removePolicy({ name: 'defaultRetryPolicy' })
  pipeline.removePolicy({ name: 'retryPolicy' })
  const countPolicy: PipelinePolicy = {
    name: COUNT_POLICY_NAME,
    sendRequest: (request, next) => {
      setup.onRequest()
      return next(request)
    }
  }
  // Order: retry → gate + limit → timeout → (sign) → error bodies → count → HTTP. Each attempt
  // waits at its subscription's gate and then takes a slot; waiting out a Retry-After or a backoff
  // holds no slot, so reads of other subscriptions go on while one subscription is throttled. The
  // per-attempt timeout starts only once the attempt holds its slot: a read that queued (behind
  // the bound or a Retry-After) longer than `timeoutMs` is not aborted before it is sent.
  pipeline.addPolicy(armRetryPolicy(setup.retry, { handsOverParsedBody: coreClient }), {
    phase: 'Retry'
  })
  pipeline.addPolicy(setup.gate.policy(setup.limit), {
    phase: 'Retry',
    afterPolicies: [RETRY_POLICY_NAME]
  })
  pipeline.addPolicy(armTimeoutPolicy(setup.retry.timeoutMs), {
    phase: 'Retry',
    afterPolicies: [GATE_POLICY_NAME]
  })
  pipeline.addPolicy(setup.errorBodies.policy(), { afterPhase: 'Sign' })
  pipeline.addPolicy(countPolicy, { afterPhase: 'Sign' })
}

/** Clients per subscription, created on first use. */
export function createClientFactory(
  credential: TokenCredential,
  armEndpoint: string,
  setup: PipelineSetup
): (subscriptionId: string) => ArmClients {
  const endpoint = armEndpoint.replace(/\/+$/, '')
  const scope = `${endpoint}/.default`
  const cache = new Map<string, ArmClients>()
  // One HTTP client, so one pool of kept-alive connections to ARM for every SDK client: each
  // would otherwise open its own, and a burst of reads through one client (the zone groups of
  // broken endpoints, after the listings) waited on new TLS handshakes while the connections the
  // other clients' listings had just finished with sat idle.
  const httpClient = createDefaultHttpClient()

  return (subscriptionId) => {
    const key = subscriptionId.toLowerCase()
    let clients = cache.get(key)
    if (!clients) {
      clients = lazyClients(credential, subscriptionId, endpoint, scope, setup, httpClient)
      cache.set(key, clients)
    }
    return clients
  }
}

function lazyClients(
  credential: TokenCredential,
  subscriptionId: string,
  endpoint: string,
  scope: string,
  setup: PipelineSetup,
  httpClient: HttpClient
): ArmClients {
  let keyVault: KeyVaultManagementClient | undefined
  let network: NetworkReadClient | undefined
  let privateDns: PrivateDnsManagementClient | undefined
  let dnsResolver: DnsResolverManagementClient | undefined
  return {
    get keyVault() {
      if (!keyVault) {
        keyVault = new KeyVaultManagementClient(credential, subscriptionId, {
          endpoint,
          credentials: { scopes: [scope] },
          httpClient,
          ...tls(setup)
        })
        configurePipeline(keyVault.pipeline, setup)
      }
      return keyVault
    },
    get network() {
      if (!network) {
        network = new NetworkReadClient(credential, subscriptionId, {
          endpoint,
          credentialScopes: scope,
          httpClient,
          ...tls(setup)
        })
        configurePipeline(network.pipeline, setup, true)
      }
      return network
    },
    get privateDns() {
      if (!privateDns) {
        privateDns = new PrivateDnsManagementClient(credential, subscriptionId, {
          endpoint,
          credentialScopes: scope,
          apiVersion: PRIVATE_DNS_API_VERSION,
          httpClient,
          ...tls(setup)
        })
        configurePipeline(privateDns.pipeline, setup, true)
      }
      return privateDns
    },
    get dnsResolver() {
      if (!dnsResolver) {
        dnsResolver = new DnsResolverManagementClient(credential, subscriptionId, {
          endpoint,
          credentialScopes: scope,
          httpClient,
          ...tls(setup)
        })
        configurePipeline(dnsResolver.pipeline, setup, true)
      }
      return dnsResolver
    }
  }
}

function tls(setup: PipelineSetup): { tlsOptions?: TlsSettings } {
  return setup.tlsOptions ? { tlsOptions: setup.tlsOptions } : {}
}
