import { entitiesResolver } from '@apollo/subgraph/dist/types.js';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * Reviews of products, some of which fail: a hidden review's body (FORBIDDEN), one being
 * moderated (a GraphQLError without code), one whose store timed out (a plain Error), and a
 * withdrawn rating (the custom code RATING_WITHDRAWN) in a non-null position, which nulls the
 * review, then p2's non-null `reviews`, then p2's whole entity. It also answers `_entities` with one
 * entity too few whenever p6 is asked for, as a broken subgraph might.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Product @key(fields: "id") {
    id: ID!
    reviews: [Review!]!
    reviewCount: Int!
  }

  type Review {
    id: ID!
    "FORBIDDEN for r2 (hidden); an error without code for r5; a plain Error for r6."
    body: String
    "RATING_WITHDRAWN for r4, although non-null."
    rating: Int!
    "The product reviewed; r7's is p9, which the catalog does not know."
    product: Product!
  }

  type Query {
    "Every review, newest first; a review whose rating was withdrawn is null."
    latestReviews: [Review]!
  }
`;

interface ReviewRecord {
  readonly id: string;
  readonly productId: string;
  readonly body: string | { readonly fails: 'FORBIDDEN' | 'UNCODED' | 'PLAIN' };
  readonly rating: number | 'withdrawn';
}

const reviews: readonly ReviewRecord[] = [
  { id: 'r8', productId: 'p6', body: 'Holds all my books.', rating: 5 },
  { id: 'r7', productId: 'p9', body: 'Gone but not forgotten.', rating: 1 },
  { id: 'r6', productId: 'p5', body: { fails: 'PLAIN' }, rating: 4 },
  { id: 'r5', productId: 'p4', body: { fails: 'UNCODED' }, rating: 3 },
  { id: 'r4', productId: 'p2', body: 'Wobbly.', rating: 'withdrawn' },
  { id: 'r3', productId: 'p1', body: 'Sturdy base.', rating: 4 },
  { id: 'r2', productId: 'p1', body: { fails: 'FORBIDDEN' }, rating: 2 },
  { id: 'r1', productId: 'p1', body: 'Bright enough.', rating: 5 },
];

const reviewsOf = (productId: string) => reviews.filter((review) => review.productId === productId).reverse();

function body(review: ReviewRecord): string {
  if (typeof review.body === 'string') return review.body;
  switch (review.body.fails) {
    case 'FORBIDDEN':
      throw new GraphQLError(`Review ${review.id} is hidden by its author.`, { extensions: { code: 'FORBIDDEN' } });
    case 'UNCODED':
      throw new GraphQLError(`The text of review ${review.id} is being moderated.`);
    case 'PLAIN':
      throw new Error(`The review store timed out reading ${review.id}.`);
  }
}

type Representation = { readonly __typename: string; readonly id?: string };

export const reviewsSubgraph: ScenarioSubgraph = {
  name: 'reviews',
  typeDefs,
  resolvers: {
    Query: {
      latestReviews: () => reviews,
      // Replaces @apollo/subgraph's own resolver (modules' resolvers are added after it): the same
      // answer, one entity short whenever p6 is among the representations.
      _entities: (
        _: unknown,
        { representations }: { representations: Representation[] },
        context: unknown,
        info: GraphQLResolveInfo,
      ) => {
        const answer = entitiesResolver({ representations, context, info }) as unknown[];
        return representations.some((representation) => representation.id === 'p6') ? answer.slice(0, -1) : answer;
      },
    },
    Product: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      reviews: ({ id }: { id: string }) => reviewsOf(id),
      reviewCount: ({ id }: { id: string }) => reviewsOf(id).length,
    },
    Review: {
      body,
      rating: (review: ReviewRecord) => {
        if (review.rating === 'withdrawn')
          throw new GraphQLError(`The rating of ${review.id} was withdrawn.`, {
            extensions: { code: 'RATING_WITHDRAWN' },
          });
        return review.rating;
      },
      product: (review: ReviewRecord) => ({ id: review.productId }),
    },
  },
};
