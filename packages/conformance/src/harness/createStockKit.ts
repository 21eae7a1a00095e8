import {
  anonymousViewer,
  createEventBus,
  createDownstream,
  createHttpFetcher,
  type BffConfig,
  type BffContext,
  type BffKit,
  type Supergraph,
  type Viewer,
} from '@bff/gateway';
import { randomUUID } from 'node:crypto';

const quietLogger = { debug() {}, info() {}, warn: console.warn, error: console.error };

/** What a peer gateway runs a BFF's in-process subgraphs with, and the context their resolvers receive. */
export interface StockKit {
  /** The pooled HTTP client and REST settings the in-process subgraphs (REST connectors, view models) use. */
  readonly kit: BffKit;
  /** A request's context for those subgraphs' resolvers, made once per gateway request. */
  readonly context: () => BffContext;
  /** Closes the pooled HTTP client. */
  readonly close: () => Promise<void>;
}

/**
 * The kit a gateway other than the BFF (stock @apollo/gateway, Hive Gateway) builds a BFF's
 * in-process subgraphs over: the same pooled REST client as the BFF's, so every side pays the same
 * for the REST services; without the BFF's sharing of identical in-flight calls, which is the
 * BFF's own (every request of such a gateway is one identity, `viewer`, and would share all).
 */
export function createStockKit(config: BffConfig, supergraph: Supergraph, viewer: Viewer = anonymousViewer): StockKit {
  const pool = createHttpFetcher({
    connectionsPerOrigin: config.subgraphs.connectionsPerOrigin,
    timeoutMs: config.subgraphs.timeoutMs,
  });
  const downstream = createDownstream({
    config: config.downstream,
    defaultTimeoutMs: config.subgraphs.timeoutMs,
    logger: quietLogger,
  });
  const { maxBatchSize, maxUrlLength, concurrencyPerRequest } = config.downstream;
  const subgraphUrls = Object.fromEntries(supergraph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const events = createEventBus();
  return {
    kit: {
      fetch: pool.fetch,
      serviceUrls: config.serviceUrls,
      subgraphUrls,
      logger: quietLogger,
      downstream,
      rest: { maxBatchSize, maxUrlLength, concurrencyPerRequest, dedupe: false, identity: {} },
      events,
      countDroppedEvent: () => undefined,
    },
    context: () => ({
      requestId: randomUUID(),
      bffName: config.name,
      viewer,
      deadline: Date.now() + config.downstream.requestDeadlineMs,
    }),
    close: async () => {
      await events.close();
      await pool.close();
    },
  };
}
