import { buildSubgraphSchema } from '@apollo/subgraph';
import type { LocalSubgraph } from '@bff/gateway';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';

const fullPrice = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Formats a price in cents as the web shows it: in full, e.g. "$1,299.00". */
export function formatDisplayPrice(cents: number): string {
  return fullPrice.format(cents / 100);
}

/** The web client's view models, served in-process by the web BFF. */
export function createWebSubgraph(): LocalSubgraph {
  const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
  const schema = buildSubgraphSchema([
    {
      typeDefs,
      resolvers: {
        Query: {
          productPage: (_source: unknown, { upc }: { upc: string }) => ({ upc, product: { upc } }),
        },
        Product: {
          displayPrice: ({ price }: { price: number }) => formatDisplayPrice(price),
        },
      },
    },
  ]);
  // View models are pure functions of their inputs.
  return { name: 'web', schema, cacheControl: 'max-age=300, public' };
}
