import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { Logger } from '@apollo/utils.logger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BffConfig } from '../config/readConfig.js';
import { createDownstream, type Downstream } from '../downstream/createDownstream.js';
import type { DownstreamConfig } from '../downstream/readDownstreamConfig.js';
import { ruleBookOf, withAuthorization, type AuthorizationOptions } from '../authorization/index.js';
import { maskError } from '../errors/maskError.js';
import { useExplorer } from '../explorer/useExplorer.js';
import type { PassthroughRoute } from '../passthrough/PassthroughRoute.js';
import { usePassthroughRoutes } from '../passthrough/usePassthroughRoutes.js';
import { countQueryPlanLookups } from '../gateway/countQueryPlanLookups.js';
import { createGateway, type LocalSubgraph } from '../gateway/createGateway.js';
import type { ProxiedOperations } from '../gateway/proxiedOperations.js';
import { withOperationResolution } from '../gateway/withOperationResolution.js';
import { withPlanExecution } from '../execution/withPlanExecution.js';
import { createHttpFetcher } from '../http/createHttpFetcher.js';
import { useValueCompletionLogging } from '../plugins/useValueCompletionLogging.js';
import { useProtection, type ProtectionStats } from '../protection/useProtection.js';
import { readSupergraph, type Supergraph } from '../supergraph/readSupergraph.js';
import { usePersistedQueries } from '../persisted/usePersistedQueries.js';
import { createResponseCache } from '../cache/createResponseCache.js';
import { useCacheScope } from '../cache/useCacheScope.js';
import { useAuthentication } from '../auth/useAuthentication.js';
import { drainWithin } from '../observability/health/drainWithin.js';
import { useObservability } from '../observability/useObservability.js';
import type { BffContext } from './BffContext.js';
import { readRequestId, requestIdHeader } from './readRequestId.js';
import { replyWithHttpError, replyWithNotFound } from './replyWithHttpError.js';

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
  /** Batching and concurrency limits for REST connectors. */
  readonly rest: Pick<DownstreamConfig, 'maxBatchSize' | 'maxUrlLength' | 'concurrencyPerRequest' | 'dedupe'>;
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
}

/** A BFF gateway: built, then started on its configured port, then stopped. */
export interface BffServer extends AsyncDisposable {
  readonly config: BffConfig;
  /** The fastify instance, for adding routes before start. */
  readonly http: FastifyInstance;
  /** Starts listening; resolves to the base URL (GraphQL is at `${url}/graphql`). */
  start(): Promise<string>;
  /** Turns unready and serves on for `<P>SHUTDOWN_DELAY_MS`, then stops accepting, finishes in-flight requests, closes the downstream pool. */
  stop(): Promise<void>;
  /** Admission (per priority class) and rate-limit counters since the server was built. */
  protectionStats(): ProtectionStats;
}

/**
 * Builds a BFF gateway over `config.supergraphFile`: Apollo Server 5 + @apollo/gateway on
 * fastify, remote subgraphs over one pooled keep-alive HTTP client, in-process subgraphs beside
 * them. Throws ConfigError at once for a bad supergraph or routing; nothing listens until start().
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
  const pool = createHttpFetcher({
    connectionsPerOrigin: config.subgraphs.connectionsPerOrigin,
    timeoutMs: config.subgraphs.timeoutMs,
    keepAlive: config.downstream.keepAlive,
  });
  const supergraph = readSupergraph(config.supergraphFile, config.subgraphs.urlOverrides);
  const subgraphUrls = Object.fromEntries(supergraph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const policies = createDownstream({
    config: config.downstream,
    defaultTimeoutMs: config.subgraphs.timeoutMs,
    logger,
  });
  const remoteServices = [
    ...new Set([
      ...supergraph.subgraphs.filter((subgraph) => !subgraph.inProcess).map((subgraph) => subgraph.name),
      ...Object.keys(config.serviceUrls),
    ]),
  ];
  const observability = useObservability(http, config, {
    downstream: policies,
    services: remoteServices,
    protectionStats: () => protection.stats(),
  });
  const downstream = observability.downstream;
  const { maxBatchSize, maxUrlLength, concurrencyPerRequest, dedupe } = config.downstream;
  const rest = { maxBatchSize, maxUrlLength, concurrencyPerRequest, dedupe };
  const localSubgraphs =
    parts.localSubgraphs?.({
      fetch: pool.fetch,
      serviceUrls: config.serviceUrls,
      subgraphUrls,
      logger,
      downstream,
      rest,
    }) ?? [];
  const { authorization } = parts;
  const reload = {
    file: config.supergraphFile,
    urlOverrides: config.subgraphs.urlOverrides,
    ...(authorization && { check: (next: Supergraph) => void ruleBookOf(next.sdl, authorization) }),
  };
  const proxied: ProxiedOperations = new WeakMap();
  const gateway = createGateway({
    supergraph,
    localSubgraphs,
    fetcher: pool.fetch,
    logger,
    downstream,
    dedupe: config.downstream.dedupe,
    proxied,
    ...(config.observability.reloadSupergraph && { reload }),
  });
  const recordPlanLookup =
    observability.metrics && ((hit: boolean) => observability.metrics?.recordQueryPlanLookup(hit));
  if (recordPlanLookup) countQueryPlanLookups(gateway, recordPlanLookup);
  const executing =
    config.downstream.planExecutor === 'bff'
      ? withPlanExecution(gateway, { proxied, ...(recordPlanLookup && { onPlanLookup: recordPlanLookup }) })
      : gateway;
  const protection = useProtection(http, config, logger);
  gateway.onSchemaLoadOrUpdate(() => observability.health.markLoaded());
  const persisted = usePersistedQueries(http, config);
  const responseCache = config.responseCache
    ? createResponseCache(config.name, config.protection.rateLimit.redisUrl)
    : undefined;
  const apollo = new ApolloServer<BffContext>({
    gateway: withOperationResolution(
      parts.authorization ? withAuthorization(executing, supergraph.sdl, parts.authorization, logger) : executing,
    ),
    logger,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, original) =>
      maskError(formatted, original, (masked) =>
        logger.error(`masked error: ${JSON.stringify(masked)} ${String((original as Error)?.stack ?? original)}`),
      ),
    ...protection.apolloOptions,
    ...persisted.apolloOptions,
    plugins: [
      fastifyApolloDrainPlugin(http),
      ApolloServerPluginLandingPageDisabled(),
      useValueCompletionLogging(),
      observability.plugin,
      ...protection.plugins,
      useCacheScope(),
      ...(responseCache ? [responseCache.plugin] : []),
    ],
  });

  http.addHook('onRequest', (request, reply, done) => {
    reply.header(requestIdHeader, request.id);
    done();
  });
  useAuthentication(http, config.auth);
  if (parts.passthrough) {
    const { requestDeadlineMs } = config.downstream;
    usePassthroughRoutes(http, parts.passthrough, {
      fetch: pool.fetch,
      downstream,
      serviceUrls: config.serviceUrls,
      logger,
      bffName: config.name,
      requestDeadlineMs,
    });
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
          ...(request.admissionTicket && { admissionTicket: request.admissionTicket }),
        }),
      });
      // A burst of new connections beyond the backlog is dropped by the kernel, and clients retry after a second or more.
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
      observability.health.markDraining();
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
      await observability.close();
    })());
  return { config, http, start, stop, protectionStats: protection.stats, [Symbol.asyncDispose]: stop };
}
