import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { Logger } from '@apollo/utils.logger';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { GraphQLSchema } from 'graphql';
import type { Downstream } from '../downstream/createDownstream.js';
import { ConfigError } from '../errors/ConfigError.js';
import type { Supergraph } from '../supergraph/readSupergraph.js';
import { InProcessSubgraphDataSource } from './InProcessSubgraphDataSource.js';
import { recordProxiedOperations, type ProxiedOperations } from './proxiedOperations.js';
import { RemoteSubgraphDataSource } from './RemoteSubgraphDataSource.js';

/** A subgraph the BFF executes in its own process: a REST connector or a client's view models. */
export interface LocalSubgraph {
  /** The subgraph's name in the supergraph. */
  readonly name: string;
  /** Built with `buildSubgraphSchema`; resolvers receive the BFF's request context. */
  readonly schema: GraphQLSchema;
}

/** What the gateway is built from. */
export interface GatewayOptions {
  readonly supergraph: Supergraph;
  readonly localSubgraphs: readonly LocalSubgraph[];
  readonly fetcher: Fetcher;
  readonly logger: Logger;
  /** Timeouts, retries and breakers of every remote call. */
  readonly downstream: Downstream;
  /** Share identical in-flight query fetches of concurrent requests. */
  readonly dedupe: boolean;
}

/**
 * Builds the @apollo/gateway over a composed supergraph: in-process subgraphs execute
 * locally (no network hop), the others go over the pooled HTTP client.
 */
export function createGateway(options: GatewayOptions): ApolloGateway {
  const local = new Map(options.localSubgraphs.map((subgraph) => [subgraph.name, subgraph]));
  const missing = options.supergraph.subgraphs.filter((subgraph) => subgraph.inProcess && !local.has(subgraph.name));
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map(
        ({ name, url }) => `subgraph '${name}' is routed in-process (${url}) but this server has no in-process implementation; give it an http(s) URL override`,
      ),
    );
  }
  const proxied: ProxiedOperations = new WeakMap();
  return new ApolloGateway({
    supergraphSdl: options.supergraph.sdl,
    logger: options.logger,
    experimental_didResolveQueryPlan: recordProxiedOperations(proxied),
    buildService({ name, url }): GraphQLDataSource {
      const localSubgraph = local.get(name);
      const routed = options.supergraph.subgraphs.find((subgraph) => subgraph.name === name);
      if (localSubgraph && routed?.inProcess) return new InProcessSubgraphDataSource(localSubgraph.schema);
      return new RemoteSubgraphDataSource({ name, url: routed?.url ?? url ?? '', fetcher: options.fetcher, downstream: options.downstream, dedupe: options.dedupe, proxied });
    },
  });
}
