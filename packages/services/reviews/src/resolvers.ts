import { GraphQLError } from 'graphql';
import type { ReviewIndex } from './reviewIndex.js';
import type { Review } from './seed.js';

/** Largest list any `first` argument may ask for. */
export const maxListSize = 100;

/** Checks a list size argument: an integer from 0 to {@link maxListSize}. */
function checkFirst(first: number): number {
  if (first < 0 || first > maxListSize) {
    throw new GraphQLError(`first must be between 0 and ${maxListSize}, but got: ${first}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return first;
}

type First = { first: number };

/**
 * Resolvers over one review index. Users and products are only keys in this subgraph, so their
 * references resolve for any id; other subgraphs decide whether they exist.
 */
export function createReviewsResolvers(index: ReviewIndex) {
  return {
    Query: {
      review: (_: unknown, { id }: { id: string }) => index.byId(id) ?? null,
      latestReviews: (_: unknown, { first }: First) => index.latest().slice(0, checkFirst(first)),
    },
    Review: {
      __resolveReference: ({ id }: { id: string }) => index.byId(id) ?? null,
      author: (review: Review) => ({ id: review.authorId }),
      product: (review: Review) => ({ upc: review.productUpc }),
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      reviews: ({ id }: { id: string }, { first }: First) => index.byAuthor(id).slice(0, checkFirst(first)),
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: ({ upc }: { upc: string }, { first }: First) => index.byProduct(upc).slice(0, checkFirst(first)),
      reviewCount: ({ upc }: { upc: string }) => index.ratingOf(upc).reviewCount,
      averageRating: ({ upc }: { upc: string }) => index.ratingOf(upc).averageRating,
    },
  };
}
