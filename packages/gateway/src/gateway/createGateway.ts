import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { Logger } from '@apollo/utils.logger';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { GraphQLSchema } from 'graphql';
import type { Downstream } from '../downstream/createDownstream.js';
import { ConfigError } from '../errors/ConfigError.js';
import type { Supergraph, SupergraphSubgraph } from '../supergraph/readSupergraph.js';
import { watchSupergraph } from '../supergraph/watchSupergraph.js';
import { InProcessSubgraphDataSource } from '../fastPath/index.js';
import { LocalSubgraphDataSource } from './LocalSubgraphDataSource.js';
import type { SubgraphSubscriber } from './SubgraphSubscriber.js';
import { inProcessSubscriber } from './subscribeInProcess.js';
import { remoteSubscriber } from './subscribeRemote.js';
import { identityScopeOf, type IdentityScope } from '../downstream/identityScope.js';
import { recordProxiedOperations, type ProxiedOperations } from './proxiedOperations.js';
import { RemoteSubgraphDataSource } from './RemoteSubgraphDataSource.js';

/** A subgraph the BFF executes in its own process: a REST connector or a client's view models. */
export interface LocalSubgraph {
  /** The subgraph's name in the supergraph. */
  readonly name: string;
  /** Built with `buildSubgraphSchema`; resolvers receive the BFF's request context. */
  readonly schema: GraphQLSchema;
  /** How long its answers stay fresh, e.g. 'max-age=10, public'. @default not cacheable */
  readonly cacheControl?: string;
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
  /** The identity headers each remote subgraph receives, by lowercased name. @default all, for every subgraph */
  readonly identity?: Readonly<Record<string, IdentityScope>>;
  /** Filled with how to subscribe to each subgraph, by name, as the gateway builds its data sources. @default none */
  readonly subscribers?: Map<string, SubgraphSubscriber>;
  /** In-process subgraphs compiled by graphql-jit (the fast path), else executed by graphql-js. @default true */
  readonly fastPath?: boolean;
  /** Where single-fetch operations are noted, for the remote data source to send the client's own text. */
  readonly proxied: ProxiedOperations;
  /**
   * Watch the supergraph file and serve each valid new version without a restart; `check`
   * rejects a version this BFF cannot serve (beside in-process subgraphs it has no implementation of).
   * @default the boot supergraph only
   */
  readonly reload?: {
    readonly file: string;
    readonly urlOverrides: Readonly<Record<string, string>>;
    readonly check?: (next: Supergraph) => void;
  };
}

/** Throws ConfigError naming each subgraph routed in-process that the BFF has no implementation of. */
export function checkInProcessSubgraphs(supergraph: Supergraph, local: ReadonlySet<string>): void {
  const missing = supergraph.subgraphs.filter((subgraph) => subgraph.inProcess && !local.has(subgraph.name));
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map(
        ({ name, url }) =>
          `subgraph '${name}' is routed in-process (${url}) but this server has no in-process implementation; ` +
          'give it an http(s) URL override',
      ),
    );
  }
}

/**
 * Builds the @apollo/gateway over a composed supergraph: in-process subgraphs execute
 * locally (no network hop), the others go over the pooled HTTP client.
 */
export function createGateway(options: GatewayOptions): ApolloGateway {
  const local = new Map(options.localSubgraphs.map((subgraph) => [subgraph.name, subgraph]));
  const localNames = new Set(local.keys());
  checkInProcessSubgraphs(options.supergraph, localNames);
  // Where each subgraph is routed (overrides applied), by name; a reloaded supergraph adds and replaces entries.
  const routing = new Map<string, SupergraphSubgraph>();
  const route = (supergraph: Supergraph) =>
    supergraph.subgraphs.forEach((subgraph) => routing.set(subgraph.name, subgraph));
  route(options.supergraph);
  const { reload, logger } = options;
  const check = (next: Supergraph) => {
    checkInProcessSubgraphs(next, localNames);
    reload?.check?.(next);
    route(next);
  };
  const { proxied } = options;
  return new ApolloGateway({
    supergraphSdl: reload
      ? watchSupergraph({ ...reload, initial: options.supergraph, check, logger })
      : options.supergraph.sdl,
    logger: options.logger,
    // The kit's executor runs @defer plans (stock's refuses them); the stock path keeps @defer planned inline.
    ...(options.fastPath !== false && { queryPlannerConfig: { incrementalDelivery: { enableDefer: true } } }),
    experimental_didResolveQueryPlan: recordProxiedOperations(proxied),
    buildService({ name, url }): GraphQLDataSource {
      const localSubgraph = local.get(name);
      const routed = routing.get(name);
      if (localSubgraph && routed?.inProcess) {
        options.subscribers?.set(name, inProcessSubscriber({ name, schema: localSubgraph.schema }));
        return options.fastPath === false
          ? new LocalSubgraphDataSource(localSubgraph.schema, localSubgraph.cacheControl)
          : new InProcessSubgraphDataSource(localSubgraph.schema, localSubgraph.cacheControl);
      }
      const routingUrl = routed?.url ?? url ?? '';
      const identity = identityScopeOf(options.identity ?? {}, name);
      // Subscriptions go over GraphQL over WebSocket to the same URL (ws://); queries and mutations over HTTP.
      options.subscribers?.set(name, remoteSubscriber({ name, url: routingUrl, identity }));
      return new RemoteSubgraphDataSource({
        name,
        url: routingUrl,
        fetcher: options.fetcher,
        downstream: options.downstream,
        dedupe: options.dedupe,
        proxied,
        identity,
      });
    },
  });
}
