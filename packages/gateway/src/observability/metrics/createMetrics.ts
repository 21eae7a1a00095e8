import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { priorityClasses } from '../../config/readProtectionConfig.js';
import type { BreakerState } from '../../downstream/createDownstream.js';
import type { EntityLookupResult } from '../../entityCache/entityLookups.js';
import type { ProtectionStats } from '../../protection/ProtectionStats.js';
import type { CompletedRequest } from '../useRequestObservation.js';
import { boundSeries } from './boundSeries.js';
import { clusterScrape } from './clusterMetrics.js';

/** What the metrics of one BFF read when scraped. */
export interface MetricsOptions {
  readonly bffName: string;
  /** Services whose breaker state is reported: every subgraph and REST service of the BFF. */
  readonly services: readonly string[];
  readonly breakerState: (service: string) => BreakerState;
  readonly protectionStats: () => ProtectionStats;
  /** Subscriptions open now and events delivered since start. */
  readonly subscriptionStats: () => SubscriptionStats;
  /** Distinct operation names kept as label values; later ones are counted as `other`. @default 200 */
  readonly maxOperationNames?: number;
}

/**
 * One BFF's Prometheus metrics, in a registry of its own (several BFFs share a process in tests and `npm start`).
 */
export interface Metrics {
  readonly registry: Registry;
  /** What /metrics answers: this registry's text, or in a cluster worker every worker's metrics summed. */
  render(): Promise<string>;
  recordRequest(request: CompletedRequest): void;
  /**
   * One downstream call, retries included: `outcome` is `ok` or the error code; `batchSize` the ids a batch call
   * carried.
   */
  recordDownstreamCall(service: string, outcome: string, seconds: number, batchSize?: number): void;
  /** One lookup of the gateway's query plan cache. */
  recordQueryPlanLookup(hit: boolean): void;
  /** `entities` looked up in the entity cache with `result` (0 shows the series before any lookup). */
  recordEntityCacheLookups(result: EntityLookupResult, entities: number): void;
}

/** What the subscriptions of a BFF process report to /metrics. */
export interface SubscriptionStats {
  readonly active: number;
  readonly delivered: number;
  readonly dropped: number;
}

const breakerGaugeValues: Readonly<Record<BreakerState, number>> = { closed: 0, open: 1, 'half-open': 2 };
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Creates the metrics of one BFF; protection and breaker figures are read at scrape time. */
export function createMetrics(options: MetricsOptions): Metrics {
  const { bffName } = options;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, labels: { bff: bffName } });
  // `bff` first on every series (not a default label: prom-client orders those differently per metric type).
  const withBff = (labels: Record<string, string>) => ({ bff: bffName, ...labels });
  const requestLabels = ['bff', 'client', 'operation', 'outcome'] as const;
  const requests = new Counter({
    name: 'bff_requests_total',
    help: 'Requests answered, by client app, operation name and outcome (ok or the first error code).',
    labelNames: requestLabels,
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'bff_request_duration_seconds',
    help: 'Time to answer a request.',
    labelNames: requestLabels,
    buckets: latencyBuckets,
    registers: [registry],
  });
  const calls = new Counter({
    name: 'bff_downstream_calls_total',
    help: 'Calls to a downstream service (retries included in one call), by outcome.',
    labelNames: ['bff', 'service', 'outcome'],
    registers: [registry],
  });
  const callSeconds = new Histogram({
    name: 'bff_downstream_duration_seconds',
    help: 'Time of a downstream call, retries included.',
    labelNames: ['bff', 'service'],
    buckets: latencyBuckets,
    registers: [registry],
  });
  const batchSizes = new Histogram({
    name: 'bff_downstream_batch_size',
    help: 'Ids per batched REST call.',
    labelNames: ['bff', 'service'],
    buckets: [1, 2, 5, 10, 20, 50, 100, 200],
    registers: [registry],
  });
  new Gauge({
    name: 'bff_downstream_breaker_state',
    help: 'Circuit breaker of a service: 0 closed, 1 open, 2 half-open.',
    labelNames: ['bff', 'service'],
    registers: [registry],
    collect() {
      for (const service of options.services)
        this.set(withBff({ service }), breakerGaugeValues[options.breakerState(service)]);
    },
  });
  new Gauge({
    name: 'bff_subscriptions_active',
    help: 'Subscriptions open now, over every transport (multipart HTTP, GraphQL over WebSocket).',
    labelNames: ['bff'],
    registers: [registry],
    collect() {
      this.set(withBff({}), options.subscriptionStats().active);
    },
  });
  new Counter({
    name: 'bff_subscription_events_total',
    help: 'Subscription events delivered to subscribers.',
    labelNames: ['bff'],
    registers: [registry],
    collect() {
      this.reset();
      this.inc(withBff({}), options.subscriptionStats().delivered);
    },
  });
  new Counter({
    name: 'bff_subscription_events_dropped_total',
    help: 'Subscription events dropped because a subscriber had not taken the ones before (its buffer was full).',
    labelNames: ['bff'],
    registers: [registry],
    collect() {
      this.reset();
      this.inc(withBff({}), options.subscriptionStats().dropped);
    },
  });
  // Figures the protection stages keep themselves, read at each scrape; counters are cumulative there, so set as they
  // are.
  type Series = readonly (readonly [Record<string, string>, number])[];
  const fromStats = (
    kind: 'counter' | 'gauge',
    name: string,
    help: string,
    read: (stats: ProtectionStats) => Series,
    labelNames: string[] = [],
  ) => {
    labelNames = ['bff', ...labelNames];
    const set = (metric: Counter | Gauge, labels: Record<string, string>, value: number) =>
      metric instanceof Counter ? metric.inc(labels, value) : metric.set(labels, value);
    const Metric = kind === 'counter' ? Counter : Gauge;
    new Metric({
      name,
      help,
      labelNames,
      registers: [registry],
      collect(this: Counter | Gauge) {
        this.reset();
        for (const [labels, value] of read(options.protectionStats())) set(this, withBff(labels), value);
      },
    });
  };
  const perClass =
    (field: 'admitted' | 'queued' | 'shed' | 'waiting') =>
    (stats: ProtectionStats): Series =>
      priorityClasses.map((priority) => [{ class: priority }, stats.admission.classes[priority][field]] as const);
  fromStats(
    'counter',
    'bff_rate_limited_total',
    'Requests refused with RATE_LIMITED, by the limit exceeded ' +
      '(user: per user or anonymous IP; client: per client app).',
    (stats) => Object.entries(stats.rateLimit.limited).map(([limit, count]) => [{ limit }, count] as const),
    ['limit'],
  );
  fromStats('counter', 'bff_rate_limit_store_failures_total', 'Rate-limit store (Redis) failures.', (stats) => [
    [{}, stats.rateLimit.storeFailures],
  ]);
  fromStats('gauge', 'bff_admission_in_flight', 'Operations executing now.', (stats) => [
    [{}, stats.admission.inFlight],
  ]);
  fromStats(
    'counter',
    'bff_admission_admitted_total',
    'Operations admitted, by priority class.',
    perClass('admitted'),
    ['class'],
  );
  fromStats(
    'counter',
    'bff_admission_queued_total',
    'Operations that waited for a slot, by priority class.',
    perClass('queued'),
    ['class'],
  );
  fromStats(
    'counter',
    'bff_admission_shed_total',
    'Operations shed with OVERLOADED, by priority class.',
    perClass('shed'),
    ['class'],
  );
  fromStats(
    'gauge',
    'bff_admission_waiting',
    'Operations waiting for a slot now, by priority class.',
    perClass('waiting'),
    ['class'],
  );

  const planLookups = new Counter({
    name: 'bff_query_plan_cache_lookups_total',
    help: 'Lookups of the query plan cache, by result (hit or miss).',
    labelNames: ['bff', 'result'],
    registers: [registry],
  });

  const entityLookups = new Counter({
    name: 'bff_entity_cache_lookups_total',
    help: 'Entities looked up in the entity cache, by result (hit, miss, or error: the cache store did not answer).',
    labelNames: ['bff', 'result'],
    registers: [registry],
  });

  const maxOperationNames = options.maxOperationNames ?? 200;
  const operationNames = new Set<string>();
  // Operation names are the client's to choose: a bounded set keeps the series count bounded.
  const operationLabel = (name: string) => {
    if (operationNames.has(name)) return name;
    if (operationNames.size >= maxOperationNames) return 'other';
    operationNames.add(name);
    return name;
  };
  // Series are bound on first use, so /metrics shows one only once it was recorded.
  const requestSeries = boundSeries(['client', 'operation', 'outcome'], (labels) => ({
    count: requests.labels(withBff(labels)),
    seconds: requestSeconds.labels(withBff(labels)),
  }));
  const callSeries = boundSeries(['service', 'outcome'], (labels) => calls.labels(withBff(labels)));
  const callSecondsSeries = boundSeries(['service'], (labels) => callSeconds.labels(withBff(labels)));
  const batchSizeSeries = boundSeries(['service'], (labels) => batchSizes.labels(withBff(labels)));
  const planLookupSeries = boundSeries(['result'], (labels) => planLookups.labels(withBff(labels)));
  const entityLookupSeries = boundSeries(['result'], (labels) => entityLookups.labels(withBff(labels)));

  return {
    registry,
    render: clusterScrape(registry),
    recordRequest(request) {
      const series = requestSeries({
        client: request.client,
        operation: operationLabel(request.operation),
        outcome: request.outcome,
      });
      series.count.inc();
      series.seconds.observe(request.durationMs / 1000);
    },
    recordDownstreamCall(service, outcome, seconds, batchSize) {
      callSeries({ service, outcome }).inc();
      callSecondsSeries({ service }).observe(seconds);
      // A service that never batches shows no batch series.
      if (batchSize !== undefined) batchSizeSeries({ service }).observe(batchSize);
    },
    recordQueryPlanLookup(hit) {
      planLookupSeries({ result: hit ? 'hit' : 'miss' }).inc();
    },
    recordEntityCacheLookups(result, entities) {
      entityLookupSeries({ result }).inc(entities);
    },
  };
}
