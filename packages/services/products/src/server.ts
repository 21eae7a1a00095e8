import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { createProductsResolvers } from './resolvers.js';
import { productsTypeDefsDocument } from './schema.js';
import { defaultProductsSeed, seedProducts } from './seed.js';

/** Options of {@link createProductsApp}. */
export interface ProductsAppOptions {
  /** Seed of the generated catalogue. @default defaultProductsSeed */
  seed?: number;
  /** Log requests with fastify's logger (pino). @default false */
  logger?: boolean;
}

/**
 * Builds the products subgraph (Federation 2, POST /graphql) on fastify; never listens.
 * Closing the app stops its Apollo Server.
 */
export async function createProductsApp(options: ProductsAppOptions = {}): Promise<FastifyInstance> {
  const resolvers = createProductsResolvers(seedProducts(options.seed ?? defaultProductsSeed));
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: productsTypeDefsDocument, resolvers }]),
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals and closes fastify, which stops Apollo (onClose below).
    stopOnTerminationSignals: false,
    // A subgraph is called by the gateway, not browsed, and the default landing page loads from a
    // CDN. Inline (ftv1) traces only feed Apollo's cloud usage reporting, which we never use.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const app = Fastify({ logger: options.logger ?? false });
  // Not fastifyApolloDrainPlugin: it drains by calling fastify.close(), which would wait on this
  // very hook. Fastify's own close already stops accepting and waits for in-flight requests.
  app.addHook('onClose', async () => {
    await apollo.stop();
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.register(fastifyApollo(apollo), { path: '/graphql', method: ['GET', 'POST', 'OPTIONS'] });
  return app;
}
