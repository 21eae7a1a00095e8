import { createSubgraphApp } from '@bff/service-kit/subgraph';
import type { FastifyInstance } from 'fastify';
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
  return createSubgraphApp({
    typeDefs: reviewsTypeDefsDocument,
    resolvers,
    logger: options.logger ?? false,
    cacheMaxAgeSeconds: 30,
  });
}
