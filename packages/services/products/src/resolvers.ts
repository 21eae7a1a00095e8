import { checkFirst, pageProducts } from './paging.js';
import type { Product } from './seed.js';

/**
 * Resolvers over one catalogue, indexed once. Typed loosely at the edge (buildSubgraphSchema
 * takes `any` parents) but precisely inside.
 */
export function createProductsResolvers(products: readonly Product[]) {
  const catalogue = [...products].sort((a, b) => a.upc.localeCompare(b.upc));
  const indexByUpc = new Map(catalogue.map((product, index) => [product.upc, index]));
  const byPopularity = [...catalogue].sort((a, b) => b.popularity - a.popularity || a.upc.localeCompare(b.upc));
  const find = (upc: string): Product | null => catalogue[indexByUpc.get(upc) ?? -1] ?? null;

  return {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) => byPopularity.slice(0, checkFirst(first)),
      product: (_: unknown, { upc }: { upc: string }) => find(upc),
      products: (_: unknown, { first, after }: { first: number; after?: string | null }) =>
        pageProducts(catalogue, indexByUpc, first, after),
    },
    Product: {
      // Unknown upcs resolve to null so the gateway nulls that entity instead of failing the query.
      __resolveReference: ({ upc }: { upc: string }) => find(upc),
    },
  };
}
