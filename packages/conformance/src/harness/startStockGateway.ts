import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
// Apollo Server as published: the BFF's patches to @apollo/server (patches/) are its own work, not stock's.
import { ApolloServer } from '@apollo/server-stock';
import { startStandaloneServer } from '@apollo/server-stock/standalone';
import type { LocalSubgraph, Supergraph } from '@bff/gateway';

/** What the stock gateway is built from: the same supergraph, services and in-process subgraphs as the BFF. */
export interface StockGatewayOptions {
  readonly supergraph: Supergraph;
  /** Subgraphs routed in-process, executed with @apollo/gateway's own LocalGraphQLDataSource. @default none */
  readonly localSubgraphs?: readonly LocalSubgraph[];
  /** The context those in-process subgraphs' resolvers receive, made per request. @default an empty object */
  readonly context?: () => object;
}

/**
 * The pure federation path, as its users run it: Apollo Server 5's standalone server with
 * @apollo/gateway and its stock data sources, no plugins. It is what the bench measures the BFF against.
 */
export async function startStockGateway(
  options: StockGatewayOptions,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const local = new Map((options.localSubgraphs ?? []).map((subgraph) => [subgraph.name, subgraph]));
  const urls = new Map(options.supergraph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraph.sdl,
    buildService({ name }) {
      const subgraph = local.get(name);
      if (subgraph) return new LocalGraphQLDataSource(subgraph.schema);
      const subgraphUrl = urls.get(name);
      if (subgraphUrl === undefined) throw new Error(`the supergraph gives subgraph ${name} no URL`);
      return new RemoteGraphQLDataSource({ url: subgraphUrl });
    },
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async () => options.context?.() ?? {},
  });
  return { url, stop: () => server.stop() };
}
