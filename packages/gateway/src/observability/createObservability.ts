import type { SubscriptionStats } from './metrics/createMetrics.js';
import type { FastifyRequest } from 'fastify';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { Downstream } from '../downstream/createDownstream.js';
import type { ProtectionStats } from '../protection/ProtectionStats.js';
import { createHealth, type Health } from './health/createHealth.js';
import { logCompletedRequest } from './logging/logCompletedRequest.js';
import { createMetrics, type Metrics } from './metrics/createMetrics.js';
import { instrumentDownstream } from './metrics/instrumentDownstream.js';
import { registerTracing } from './tracing/registerTracing.js';
import { endRequestSpan } from './tracing/useTracing.js';
import type { CompletedRequest } from './useRequestObservation.js';

/** What observability needs of the BFF it observes. */
export interface ObservabilityOptions {
  readonly bffName: string;
  /** Counts and times requests and downstream calls for /metrics. @default false */
  readonly metrics?: boolean;
  /** Sends spans to this OTLP/HTTP endpoint. @default none: no tracer provider is registered */
  readonly otlpTracesUrl?: string | undefined;
  readonly downstream: Downstream;
  /** Every subgraph and REST service, for the breaker gauge. */
  readonly services: readonly string[];
  /** Read at each scrape. */
  readonly protectionStats: () => ProtectionStats;
  /** Subscriptions open and events delivered, read at each scrape. */
  readonly subscriptionStats: () => SubscriptionStats;
}

/** The parts of a BFF that observability adds. */
export interface Observability {
  /** The downstream policies, each call a span, and counted and timed when metrics are on. */
  readonly downstream: Downstream;
  readonly health: Health;
  /** Metrics of this BFF, when `<prefix>METRICS` is on. */
  readonly metrics: Metrics | undefined;
  /** Once per answered request: its log line, its metrics, the end of its span. */
  readonly onCompleted: (completed: CompletedRequest, request: FastifyRequest) => void;
  /** Sends the spans not yet sent and stops tracing, if this BFF turned it on. */
  close(): Promise<void>;
}

/**
 * The health, metrics and tracing of one BFF. The request's hooks are the tagRequest and
 * answerProbes stages'; this builds what they report to.
 */
export function createObservability(options: ObservabilityOptions): Observability {
  const health = createHealth();
  const metrics = options.metrics
    ? createMetrics({
        bffName: options.bffName,
        services: options.services,
        breakerState: (service) => options.downstream.breakerState(service),
        protectionStats: options.protectionStats,
        subscriptionStats: options.subscriptionStats,
      })
    : undefined;
  const { otlpTracesUrl } = options;
  const provider = otlpTracesUrl
    ? registerTracing({ exporter: new OTLPTraceExporter({ url: otlpTracesUrl }) })
    : undefined;
  return {
    downstream: instrumentDownstream(options.downstream, metrics),
    health,
    metrics,
    onCompleted(completed, request) {
      logCompletedRequest(completed, request);
      if (!completed.operational) metrics?.recordRequest(completed);
      endRequestSpan(completed, request.span);
    },
    close: async () => provider?.shutdown(),
  };
}
