import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
// Deep import: @apollo/subgraph does not re-export the type of the resolvers it takes.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DocumentNode } from 'graphql';

/** Options of {@link createSubgraphApp}. */
export interface SubgraphAppOptions {
  /** The subgraph's SDL, parsed; it `@link`s Federation 2. */
  typeDefs: DocumentNode;
  /** Resolvers of `typeDefs`, each entity's `__resolveReference` included. */
  resolvers: GraphQLResolverMap<unknown>;
  /** Log requests with fastify's logger (pino). @default false */
  logger?: boolean;
  /**
   * Seconds a response stays fresh unless a field says otherwise: sent as `Cache-Control:
   * max-age=N, public`, which a gateway folds into its own response cache policy. @default 0 (no caching)
   */
  cacheMaxAgeSeconds?: number;
}

/** Where {@link createSubgraphApp} serves GraphQL (GET, POST). */
export const subgraphPath = '/graphql';

/**
 * Builds a Federation 2 subgraph on fastify: GraphQL at {@link subgraphPath}, `GET /healthz`,
 * CSRF prevention on, no stack traces, no landing page. Never listens; closing the app stops
 * its Apollo Server.
 */
export async function createSubgraphApp(options: SubgraphAppOptions): Promise<FastifyInstance> {
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // Whoever runs the app (runService, a test) owns the signals and closes fastify, which stops
    // Apollo (onClose below).
    stopOnTerminationSignals: false,
    // A subgraph is called by the gateway, not browsed, and the default landing page loads from a
    // CDN. Inline (ftv1) traces only feed Apollo's cloud usage reporting, which we never use.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControl({ defaultMaxAge: options.cacheMaxAgeSeconds ?? 0 }),
    ],
  });
  await apollo.start();

  const app = Fastify({ logger: options.logger ?? false });
  // Not fastifyApolloDrainPlugin: it drains by calling fastify.close(), which would wait on this
  // very hook. Fastify's own close already stops accepting and waits for in-flight requests.
  app.addHook('onClose', async () => {
    await apollo.stop();
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.register(fastifyApollo(apollo), { path: subgraphPath, method: ['GET', 'POST', 'OPTIONS'] });
  return app;
}
