import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { createReviewsResolvers } from './resolvers.js';
import { createReviewIndex } from './reviewIndex.js';
import { reviewsTypeDefsDocument } from './schema.js';
import { defaultReviewsSeed, seedReviews } from './seed.js';

/** Options of {@link createReviewsApp}. */
export interface ReviewsAppOptions {
  /** Seed of the generated reviews. @default defaultReviewsSeed */
  seed?: number;
  /** Log requests with fastify's logger (pino). @default false */
  logger?: boolean;
}

/**
 * Builds the reviews subgraph (Federation 2, POST /graphql) on fastify; never listens.
 * Closing the app stops its Apollo Server.
 */
export async function createReviewsApp(options: ReviewsAppOptions = {}): Promise<FastifyInstance> {
  const { reviews } = seedReviews(options.seed ?? defaultReviewsSeed);
  const resolvers = createReviewsResolvers(createReviewIndex(reviews));
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: reviewsTypeDefsDocument, resolvers }]),
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
