import {
  anonymousViewer,
  readSupergraph,
  type BffConfig,
  type BffKit,
  type LocalSubgraph,
  type Viewer,
} from '@bff/gateway';
import { createStockKit } from './createStockKit.js';
import { startStockGateway } from './startStockGateway.js';

/**
 * Stock @apollo/gateway over a BFF's supergraph: the remote subgraphs over Apollo's own HTTP data
 * source, the BFF's in-process subgraphs (REST connectors, view models) on LocalGraphQLDataSource,
 * as DESIGN.md's decision 2 describes them, built over {@link createStockKit}'s REST client.
 */
export async function startStockBffGateway(
  config: BffConfig,
  localSubgraphs: (kit: BffKit) => readonly LocalSubgraph[],
  /** Who every request is from, for the in-process subgraphs (stock reads no token). @default anonymous */
  viewer: Viewer = anonymousViewer,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const supergraph = readSupergraph(config.supergraphFile, config.subgraphs.urlOverrides);
  const { kit, context, close } = createStockKit(config, supergraph, viewer);
  const stock = await startStockGateway({ supergraph, localSubgraphs: localSubgraphs(kit), context });
  return {
    url: stock.url,
    async stop() {
      await stock.stop();
      await close();
    },
  };
}
