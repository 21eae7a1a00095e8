import {
  anonymousViewer,
  createDownstream,
  type Viewer,
  createHttpFetcher,
  readSupergraph,
  type BffConfig,
  type BffContext,
  type BffKit,
  type LocalSubgraph,
} from '@bff/gateway';
import { randomUUID } from 'node:crypto';
import { startStockGateway } from './startStockGateway.js';

const quietLogger = { debug() {}, info() {}, warn: console.warn, error: console.error };

/**
 * Stock @apollo/gateway over a BFF's supergraph: the remote subgraphs over Apollo's own HTTP data
 * source, the BFF's in-process subgraphs (REST connectors, view models) on LocalGraphQLDataSource,
 * as DESIGN.md's decision 2 describes them. Their REST calls use the same client as the BFF's, so
 * both sides pay the same for the REST services; without the BFF's sharing of identical in-flight
 * calls, which is the BFF's own (every stock request would be one anonymous identity, and share all).
 */
export async function startStockBffGateway(
  config: BffConfig,
  localSubgraphs: (kit: BffKit) => readonly LocalSubgraph[],
  /** Who every request is from, for the in-process subgraphs (stock reads no token). @default anonymous */
  viewer: Viewer = anonymousViewer,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const supergraph = readSupergraph(config.supergraphFile, config.subgraphs.urlOverrides);
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
  const kit: BffKit = {
    fetch: pool.fetch,
    serviceUrls: config.serviceUrls,
    subgraphUrls,
    logger: quietLogger,
    downstream,
    rest: { maxBatchSize, maxUrlLength, concurrencyPerRequest, dedupe: false, identity: {} },
  };
  const stock = await startStockGateway({
    supergraph,
    localSubgraphs: localSubgraphs(kit),
    context: (): BffContext => ({
      requestId: randomUUID(),
      bffName: config.name,
      viewer,
      deadline: Date.now() + config.downstream.requestDeadlineMs,
    }),
  });
  return {
    url: stock.url,
    async stop() {
      await stock.stop();
      await pool.close();
    },
  };
}
