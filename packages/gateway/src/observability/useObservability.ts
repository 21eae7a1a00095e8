import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { BffConfig } from '../config/readConfig.js';
import type { Downstream } from '../downstream/createDownstream.js';
import type { ProtectionStats } from '../protection/useProtection.js';
import type { BffContext } from '../server/BffContext.js';
import { createHealth, type Health } from './health/createHealth.js';
import { logCompletedRequest } from './logging/logCompletedRequest.js';
import { createMetrics, type Metrics } from './metrics/createMetrics.js';
import { instrumentDownstream } from './metrics/instrumentDownstream.js';
import { operationalPaths, useOperationalEndpoints } from './useOperationalEndpoints.js';
import { useRequestObservation } from './useRequestObservation.js';
import { useTracing } from './tracing/useTracing.js';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerTracing } from './tracing/registerTracing.js';

/** What observability needs of the BFF it observes. */
export interface ObservabilityOptions {
  readonly downstream: Downstream;
  /** Every subgraph and REST service, for the breaker gauge. */
  readonly services: readonly string[];
  /** Read at each scrape. */
  readonly protectionStats: () => ProtectionStats;
}

/** The parts of a BFF that observability adds. */
export interface Observability {
  /** The downstream policies, each call a span, and counted and timed when metrics are on. */
  readonly downstream: Downstream;
  readonly health: Health;
  /** Metrics of this BFF, when `<prefix>METRICS` is on. */
  readonly metrics: Metrics | undefined;
  /** Add to the ApolloServer plugins: it tells the log line and metrics the operation and its outcome. */
  readonly plugin: ApolloServerPlugin<BffContext>;
  /** Sends the spans not yet sent and stops tracing, if this BFF turned it on. */
  close(): Promise<void>;
}

/**
 * One log line, request metrics and a server span per request, a span per downstream call,
 * /healthz, /readyz and /metrics. Call it before useAuthentication (its endpoints answer in
 * onRequest hooks, before any token check or limit) and before any route is added (the span is
 * made active around each route's handler).
 */
export function useObservability(
  http: FastifyInstance,
  config: BffConfig,
  options: ObservabilityOptions,
): Observability {
  const health = createHealth();
  const metrics = config.observability.metrics
    ? createMetrics({
        bffName: config.name,
        services: options.services,
        breakerState: (service) => options.downstream.breakerState(service),
        protectionStats: options.protectionStats,
      })
    : undefined;
  const plugin = useRequestObservation(http, {
    bffName: config.name,
    operationalPaths,
    onCompleted(completed, request) {
      logCompletedRequest(completed, request);
      if (!completed.operational) metrics?.recordRequest(completed);
      tracing.endRequestSpan(completed, request.span);
    },
  });
  const tracing = useTracing(http);
  const { otlpTracesUrl } = config.observability;
  const provider = otlpTracesUrl
    ? registerTracing({ exporter: new OTLPTraceExporter({ url: otlpTracesUrl }) })
    : undefined;
  useOperationalEndpoints(http, health, metrics);
  return {
    downstream: instrumentDownstream(options.downstream, metrics),
    health,
    metrics,
    plugin,
    close: async () => provider?.shutdown(),
  };
}
