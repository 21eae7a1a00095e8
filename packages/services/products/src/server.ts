import { createSubgraphApp } from '@bff/service-kit/subgraph';
import type { FastifyInstance } from 'fastify';
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
  return createSubgraphApp({
    typeDefs: productsTypeDefsDocument,
    resolvers,
    logger: options.logger ?? false,
    cacheMaxAgeSeconds: 60,
  });
}
