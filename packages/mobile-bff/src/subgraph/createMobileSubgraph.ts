import { buildSubgraphSchema } from '@apollo/subgraph';
import type { BffContext, BffKit, LocalSubgraph } from '@bff/gateway';
import { GraphQLError, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { fetchCatalogPage } from './fetchCatalogPage.js';
import { formatPriceLabel } from './formatPriceLabel.js';
import { imageUrl } from './imageUrl.js';

/** Largest feed page a phone may ask for. */
export const maxFeedPageSize = 50;

/** The mobile client's view models, served in-process by the mobile BFF. */
export function createMobileSubgraph(kit: BffKit): LocalSubgraph {
  const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
  const schema = buildSubgraphSchema([
    {
      typeDefs,
      resolvers: {
        Query: {
          feed: async (
            _source: unknown,
            { first, after }: { first: number; after?: string | null },
            context: BffContext,
          ) => {
            if (first < 1 || first > maxFeedPageSize) {
              throw new GraphQLError(`feed(first:) must be from 1 to ${maxFeedPageSize}, but got: ${first}`, {
                extensions: { code: 'BAD_USER_INPUT' },
              });
            }
            return fetchCatalogPage(kit, first, after ?? null, context);
          },
        },
        Product: {
          priceLabel: ({ price }: { price: number }) => formatPriceLabel(price),
          imageUrl: ({ imagePath }: { imagePath: string }, { width, density }: { width: number; density: number }) =>
            imageUrl(imagePath, width, density),
        },
      },
    },
  ]);
  // View models are functions of the catalogue page they wrap, which the catalogue keeps fresh for a minute.
  return { name: 'mobile', schema, cacheControl: 'max-age=60, public' };
}
