import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { Logger } from '@apollo/utils.logger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { enforceRules, ruleBookOf, type AuthorizationOptions } from '../authorization/index.js';
import { createResponseCache } from '../cache/createResponseCache.js';
import type { BffConfig } from '../config/readConfig.js';
import type { BffContext } from '../core/BffContext.js';
import { createSharedRedis } from '../core/createRedisConnection.js';
import { readRequestId, requestIdHeader } from '../core/requestId.js';
import { replyWithHttpError, replyWithNotFound } from '../core/replyWithHttpError.js';
import { createDownstream, type Downstream } from '../downstream/createDownstream.js';
import type { DownstreamConfig } from '../downstream/readDownstreamConfig.js';
import { createEntityCache } from '../entityCache/createEntityCache.js';
import { useEntityCacheDrop } from '../entityCache/useEntityCacheDrop.js';
import type { EventBus } from '../events/EventBus.js';
import { createEventBus } from '../events/createEventBus.js';
import { useExplorer } from '../explorer/useExplorer.js';
import { countQueryPlanLookups } from '../gateway/countQueryPlanLookups.js';
import { createGateway, type LocalSubgraph } from '../gateway/createGateway.js';
import type { ProxiedOperations } from '../gateway/proxiedOperations.js';
import type { SubgraphSubscriber } from '../gateway/SubgraphSubscriber.js';
import { createHttpFetcher } from '../http/createHttpFetcher.js';
import { acceptsIncrementalDelivery } from '../http/acceptsIncrementalDelivery.js';
import { useGraphqlWs } from '../http/useGraphqlWs.js';
import { createObservability } from '../observability/createObservability.js';
import { drainWithin } from '../observability/health/drainWithin.js';
import type { PassthroughRoute } from '../passthrough/PassthroughRoute.js';
import { usePassthroughRoutes } from '../passthrough/usePassthroughRoutes.js';
import { createProtection } from '../protection/createProtection.js';
import type { ProtectionStats } from '../protection/ProtectionStats.js';
import { installStages } from '../stages/installStages.js';
import { shuttingDownError } from '../errors/subscriptionErrors.js';
import { createSubscriptionRegistry } from '../subscriptions/createSubscriptionRegistry.js';
import { requestPath } from '../stages/requestPath.js';
import { readSupergraph, type Supergraph } from '../supergraph/readSupergraph.js';

// @apollo/gateway reports usage to Apollo's cloud and probes cloud metadata addresses unless
// this is set before it starts; a BFF never sends traffic off the machine on its own.
process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

/** What in-process subgraphs are built with: the BFF's pooled HTTP client and its REST service URLs. */
export interface BffKit {
  readonly fetch: Fetcher;
  readonly serviceUrls: Readonly<Record<string, string>>;
  /** The routing URL of every subgraph of the supergraph, after overrides. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly logger: Logger;
  /** Timeouts, retries and breakers: every call to a REST service goes through it too. */
  readonly downstream: Downstream;
  /** Batching and concurrency limits for REST connectors, and the identity headers each service receives. */
  readonly rest: Pick<
    DownstreamConfig,
    'maxBatchSize' | 'maxUrlLength' | 'concurrencyPerRequest' | 'dedupe' | 'identity'
  >;
  /** The events services publish (e.g. order status changes), which subscription resolvers stream. */
  readonly events: EventBus;
  /** Tells the BFF's metrics that a subscriber fell behind and one of its events was dropped. */
  readonly countDroppedEvent: () => void;
}

/** The code-level parts of a BFF, beside its configuration. */
export interface BffServerParts {
  /** In-process subgraphs (connectors, the client's view models). @default none */
  readonly localSubgraphs?: (kit: BffKit) => readonly LocalSubgraph[];
  /** The BFF's graphql-shield rules over its whole API. @default none: every field is served */
  readonly authorization?: AuthorizationOptions;
  /** Non-GraphQL routes forwarded to REST services, each with its own rule. @default none */
  readonly passthrough?: readonly PassthroughRoute[];
  /** Where log lines (JSON, one per line) go. @default standard output */
  readonly logStream?: { write(line: string): void };
  /**
   * The event bus subscriptions listen to, shared with whoever publishes in this process; the caller closes it.
   * @default one of the BFF's own, through Redis when REDIS_URL is set (else in process), closed by stop()
   */
  readonly events?: EventBus;
}

/** A BFF gateway: built, then started on its configured port, then stopped. */
export interface BffServer extends AsyncDisposable {
  readonly config: BffConfig;
  /** The fastify instance, for adding routes before start. */
  readonly http: FastifyInstance;
  /** Starts listening; resolves to the base URL (GraphQL is at `${url}/graphql`). */
  start(): Promise<string>;
  /**
   * Turns unready and serves on for `<P>SHUTDOWN_DELAY_MS`, then stops accepting, finishes in-flight requests, closes
   * the downstream pool.
   */
  stop(): Promise<void>;
  /** Admission (per priority class) and rate-limit counters since the server was built. */
  protectionStats(): ProtectionStats;
}

/**
 * Builds a BFF gateway over `config.supergraphFile`: Apollo Server 5 + @apollo/gateway on
 * fastify, remote subgraphs over one pooled keep-alive HTTP client, in-process subgraphs beside
 * them. The runtime parts are built here; what a request goes through is the list of stages
 * `requestPath` makes of the config (stages/requestPath.ts), installed in order. Throws
 * ConfigError at once for a bad supergraph or routing; nothing listens until start().
 */
export function createBffServer(config: BffConfig, parts: BffServerParts = {}): BffServer {
  const http = Fastify({
    logger: { level: config.logLevel, name: `${config.name}-bff`, ...(parts.logStream && { stream: parts.logStream }) },
    bodyLimit: config.server.bodyLimitBytes,
    // Behind trusted proxies request.ip is the client's address from X-Forwarded-For, else the peer's.
    trustProxy: config.server.trustedProxies.length > 0 ? [...config.server.trustedProxies] : false,
    genReqId: (request) => readRequestId(request.headers[requestIdHeader]),
    // One log line per request is the BFF's own (with client and operation), not fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // A request arriving while the BFF drains is served (closing its connection after it), not refused with 503.
    return503OnClosing: false,
  });
  const logger: Logger = http.log;
  const redis = createSharedRedis();
  // The kit's executor, graphql-jit subgraphs and lean HTTP calls (fastPath/index.ts), or stock parts throughout.
  const fastPath = config.downstream.planExecutor === 'bff';
  const pool = createHttpFetcher({
    connectionsPerOrigin: config.subgraphs.connectionsPerOrigin,
    timeoutMs: config.subgraphs.timeoutMs,
    keepAlive: config.downstream.keepAlive,
    lean: fastPath,
  });
  const supergraph = readSupergraph(config.supergraphFile, config.subgraphs.urlOverrides);
  const subgraphUrls = Object.fromEntries(supergraph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const protection = createProtection(config.protection, config.name, logger, redis.connect);
  const subscriptionRegistry = createSubscriptionRegistry();
  const observability = createObservability({
    bffName: config.name,
    metrics: config.observability.metrics,
    otlpTracesUrl: config.observability.otlpTracesUrl,
    downstream: createDownstream({ config: config.downstream, defaultTimeoutMs: config.subgraphs.timeoutMs, logger }),
    services: remoteServicesOf(supergraph, config),
    protectionStats: () => protection.stats(),
    subscriptionStats: () => ({
      active: subscriptionRegistry.active(),
      delivered: subscriptionRegistry.delivered(),
      dropped: subscriptionRegistry.dropped(),
    }),
  });
  const { downstream, metrics, health } = observability;
  const { maxBatchSize, maxUrlLength, concurrencyPerRequest, dedupe, identity } = config.downstream;
  const rest = { maxBatchSize, maxUrlLength, concurrencyPerRequest, dedupe, identity };
  // protection.rateLimit.redisUrl is REDIS_URL, read once; the bus's own errors name host:port, never the URL.
  const events =
    parts.events ??
    createEventBus({
      redisUrl: config.protection.rateLimit.redisUrl,
      onError: (error) => logger.warn(error instanceof Error ? error.message : String(error)),
    });
  const localSubgraphs =
    parts.localSubgraphs?.({
      fetch: pool.fetch,
      serviceUrls: config.serviceUrls,
      subgraphUrls,
      logger,
      downstream,
      rest,
      events,
      countDroppedEvent: () => subscriptionRegistry.countDropped(),
    }) ?? [];
  const { authorization } = parts;
  const reload = {
    file: config.supergraphFile,
    urlOverrides: config.subgraphs.urlOverrides,
    ...(authorization && { check: (next: Supergraph) => void ruleBookOf(next.sdl, authorization) }),
  };
  const proxied: ProxiedOperations = new WeakMap();
  const subscribers = new Map<string, SubgraphSubscriber>();
  const gateway = createGateway({
    supergraph,
    localSubgraphs,
    fetcher: pool.fetch,
    logger,
    downstream,
    dedupe,
    proxied,
    subscribers,
    fastPath,
    identity: config.downstream.identity,
    ...(config.observability.reloadSupergraph && { reload }),
  });
  gateway.onSchemaLoadOrUpdate(() => health.markLoaded());
  const onPlanLookup = metrics && ((hit: boolean) => metrics.recordQueryPlanLookup(hit));
  if (onPlanLookup) countQueryPlanLookups(gateway, onPlanLookup);
  const responseCache = config.responseCache
    ? createResponseCache(
        config.name,
        config.protection.rateLimit.redisUrl === undefined
          ? undefined
          : redis.connect(config.protection.rateLimit.redisUrl),
      )
    : undefined;
  const entityCache = createEntityCache(config.entityCache, {
    bffName: config.name,
    connectRedis: redis.connect,
    logger,
    recordLookups: metrics && ((result, entities) => metrics.recordEntityCacheLookups(result, entities)),
  });

  const stages = requestPath(config, {
    ...observability,
    ...protection,
    connectRedis: redis.connect,
    gateway,
    proxied,
    subscriberOf: (serviceName: string) => subscribers.get(serviceName),
    callWrites: pool.callWrites,
    onPlanLookup,
    logger,
    responseCache,
    entityCache,
    subscriptions: {
      registry: subscriptionRegistry,
      maxPerViewer: config.subscriptions.maxPerViewer,
      heartbeatMs: config.subscriptions.heartbeatMs,
    },
    rules: authorization && enforceRules(supergraph.sdl, authorization, logger),
  });
  const installed = installStages(http, stages, { defaultListSize: config.protection.limits.defaultListSize });
  // GraphQL over WebSocket: each operation a POST through the same stages, relayed (http/useGraphqlWs.ts).
  const graphqlWs = useGraphqlWs(http, {
    path: '/graphql',
    auth: config.auth,
    subscriptions: config.subscriptions,
    maxMessageBytes: config.server.bodyLimitBytes,
    logger,
  });
  const apollo = new ApolloServer<BffContext>({
    ...installed.apolloOptions,
    gateway: installed.gateway,
    logger,
    includeStacktraceInErrorResponses: false,
    // Introspection is the guardOperation stage's decision (a validation rule), not Apollo's.
    introspection: true,
    plugins: [fastifyApolloDrainPlugin(http), ApolloServerPluginLandingPageDisabled(), ...installed.plugins],
  });
  if (parts.passthrough) {
    const { requestDeadlineMs } = config.downstream;
    usePassthroughRoutes(http, parts.passthrough, {
      fetch: pool.fetch,
      downstream,
      serviceUrls: config.serviceUrls,
      identity: config.downstream.identity,
      logger,
      bffName: config.name,
      requestDeadlineMs,
    });
  }
  if (entityCache) {
    useEntityCacheDrop(http, { cache: entityCache, adminRole: config.entityCache.adminRole });
    const { redisUrl } = config.entityCache;
    // Connected before the first request, so that its lookups are not errors for want of a connection yet.
    if (redisUrl !== undefined) http.addHook('onReady', () => redis.connect(redisUrl).ready(1_000));
  }
  if (config.explorer.enabled)
    useExplorer(http, {
      bffName: config.name,
      ...(config.explorer.developmentTokens && { developmentTokens: config.auth }),
    });
  http.setErrorHandler(replyWithHttpError);
  http.setNotFoundHandler(replyWithNotFound);
  let started: Promise<string> | undefined;
  const start = (): Promise<string> =>
    (started ??= (async () => {
      await apollo.start();
      await http.register(fastifyApollo(apollo), {
        path: '/graphql',
        context: async (request): Promise<BffContext> => ({
          requestId: request.id,
          bffName: config.name,
          viewer: request.viewer,
          clientIp: request.ip,
          deadline: Date.now() + config.downstream.requestDeadlineMs,
          observation: request.observation,
          incremental: acceptsIncrementalDelivery(request.headers.accept, request.body),
          ...(request.subscriptionSink && { subscription: request.subscriptionSink }),
          ...(request.admissionTicket && { admissionTicket: request.admissionTicket }),
        }),
      });
      // A burst of new connections beyond the backlog is dropped by the kernel, and clients retry after a second or
      // more.
      const address = await http.listen({
        host: config.server.host,
        port: config.server.port,
        backlog: config.server.listenBacklog,
      });
      http.log.info(`${config.name} BFF serving ${address}/graphql`);
      return address;
    })());
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      // Unready at once (/readyz 503, every response closes its connection), but every request
      // is still served for <P>SHUTDOWN_DELAY_MS while load balancers take the BFF out of
      // rotation: closing idle keep-alive connections now would race clients writing a request
      // on them (ECONNRESET). Then fastify closes: no new connections, the connections idle by
      // now closed, in-flight requests finished; past <P>SHUTDOWN_GRACE_MS the rest are cut off.
      // Only then does Apollo stop the gateway (its drain plugin finds fastify closed).
      health.markDraining();
      // Subscriptions cannot be drained: every subscriber is told at once to subscribe again (to another replica).
      // WebSocket clients get close code 1012 (Service Restart), on which graphql-ws clients reconnect.
      await graphqlWs.close();
      subscriptionRegistry.endAll(shuttingDownError);
      const listening =
        started !== undefined &&
        (await started.then(
          () => true,
          () => false,
        ));
      if (listening && config.observability.shutdownDelayMs > 0) {
        logger.info(`unready; serving ${config.observability.shutdownDelayMs} ms more before draining`);
        await sleep(config.observability.shutdownDelayMs);
      }
      await drainWithin(
        http.close(),
        config.observability.shutdownGraceMs,
        () => http.server.closeAllConnections(),
        logger,
      );
      if (started) await apollo.stop();
      await pool.close();
      responseCache?.close();
      protection.close();
      redis.close();
      if (!parts.events) await events.close();
      await observability.close();
    })());
  return { config, http, start, stop, protectionStats: () => protection.stats(), [Symbol.asyncDispose]: stop };
}

/** Every subgraph reached over HTTP and every REST service, for the breaker gauge. */
function remoteServicesOf(supergraph: Supergraph, config: BffConfig): string[] {
  const remoteSubgraphs = supergraph.subgraphs
    .filter((subgraph) => !subgraph.inProcess)
    .map((subgraph) => subgraph.name);
  return [...new Set([...remoteSubgraphs, ...Object.keys(config.serviceUrls)])];
}
