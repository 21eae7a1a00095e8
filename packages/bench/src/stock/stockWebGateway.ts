import { createConnectorSubgraphs } from '@bff/connectors';
import { anonymousViewer, createDownstream, createHttpFetcher, readSupergraph, type BffContext } from '@bff/gateway';
import { createWebSubgraph, readWebBffConfig, webBffEnvPrefix } from '@bff/web-bff';
import { randomUUID } from 'node:crypto';
import { startStockGateway } from './startStockGateway.js';

const quietLogger = { debug() {}, info() {}, warn: console.warn, error: console.error };

/**
 * Stock @apollo/gateway over the web supergraph: the remote subgraphs over its own HTTP data
 * source, the REST connectors and web view models in-process (LocalGraphQLDataSource), as
 * DESIGN.md's decision 2 describes them. The connectors' REST calls use the same pool as the BFF's.
 */
export async function startStockWebGateway(env: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = readWebBffConfig({ ...env, [`${webBffEnvPrefix}PORT`]: '0' });
  const supergraph = readSupergraph(config.supergraphFile, config.subgraphs.urlOverrides);
  const pool = createHttpFetcher({ connectionsPerOrigin: config.subgraphs.connectionsPerOrigin, timeoutMs: config.subgraphs.timeoutMs });
  const downstream = createDownstream({ config: config.downstream, defaultTimeoutMs: config.subgraphs.timeoutMs, logger: quietLogger });
  const { maxBatchSize, maxUrlLength, concurrencyPerRequest, dedupe } = config.downstream;
  const subgraphUrls = Object.fromEntries(supergraph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const kit = { fetch: pool.fetch, serviceUrls: config.serviceUrls, subgraphUrls, logger: quietLogger, downstream, rest: { maxBatchSize, maxUrlLength, concurrencyPerRequest, dedupe } };
  const stock = await startStockGateway({
    supergraph,
    localSubgraphs: [...createConnectorSubgraphs(kit), createWebSubgraph()],
    context: (): BffContext => ({ requestId: randomUUID(), bffName: 'web', viewer: anonymousViewer, deadline: Date.now() + config.downstream.requestDeadlineMs }),
  });
  return {
    url: stock.url,
    async stop() {
      await stock.stop();
      await pool.close();
    },
  };
}
