import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * Reviews extend the `Product` entity interface the inventory owns: they declare it with the same
 * key and every implementation, and add fields to all of them.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  interface Product @key(fields: "sku") {
    sku: ID!
    reviews: [Review!]!
    "Mean of its reviews' stars; null when it has none."
    averageStars: Float
  }

  type Shoe implements Product @key(fields: "sku") {
    sku: ID!
    reviews: [Review!]!
    averageStars: Float
  }

  type Shirt implements Product @key(fields: "sku") {
    sku: ID!
    reviews: [Review!]!
    averageStars: Float
  }

  type Review {
    id: ID!
    stars: Int!
    body: String!
    product: Product!
  }

  type Query {
    "Newest first."
    recentReviews: [Review!]!
    "The best reviewed product of the week: none was chosen, always null."
    productOfTheWeek: Product
  }
`;

interface ProductRef {
  readonly __typename: 'Shoe' | 'Shirt';
  readonly sku: string;
}

interface ReviewRecord {
  readonly id: string;
  readonly stars: number;
  readonly body: string;
  readonly product: ProductRef;
}

const reviews: readonly ReviewRecord[] = [
  { id: 'rv4', stars: 2, body: 'Shrank in the wash.', product: { __typename: 'Shirt', sku: 'shirt-1' } },
  { id: 'rv3', stars: 5, body: 'Light and grippy.', product: { __typename: 'Shoe', sku: 'shoe-1' } },
  { id: 'rv2', stars: 4, body: 'Good on gravel.', product: { __typename: 'Shoe', sku: 'shoe-1' } },
  { id: 'rv1', stars: 3, body: 'Runs small.', product: { __typename: 'Shoe', sku: 'shoe-2' } },
];

const skuPrefixes: readonly (readonly [string, ProductRef['__typename']])[] = [
  ['shoe-', 'Shoe'],
  ['shirt-', 'Shirt'],
];

function reviewsOf(product: ProductRef): ReviewRecord[] {
  return reviews.filter((review) => review.product.sku === product.sku);
}

const productFields = {
  reviews: (product: ProductRef) => reviewsOf(product),
  averageStars: (product: ProductRef) => {
    const stars = reviewsOf(product).map((review) => review.stars);
    return stars.length === 0 ? null : stars.reduce((sum, star) => sum + star, 0) / stars.length;
  },
};

/** The reviews subgraph of the entityInterfaces scenario. */
export const reviewsSubgraph: ScenarioSubgraph = {
  name: 'reviews',
  typeDefs,
  resolvers: {
    Query: {
      recentReviews: () => reviews,
      productOfTheWeek: () => null,
    },
    Product: {
      __resolveType: (product: ProductRef) => product.__typename,
      // Plans send this subgraph representations typed `Product` (the interface): it must say which
      // implementation a sku is, which it reads from the sku's prefix; an unknown one is no product.
      __resolveReference: ({ sku }: { sku: string }): ProductRef | null => {
        const typename = skuPrefixes.find(([prefix]) => sku.startsWith(prefix))?.[1];
        return typename ? { __typename: typename, sku } : null;
      },
    },
    Shoe: {
      __resolveReference: ({ sku }: { sku: string }): ProductRef => ({ __typename: 'Shoe', sku }),
      ...productFields,
    },
    Shirt: {
      __resolveReference: ({ sku }: { sku: string }): ProductRef => ({ __typename: 'Shirt', sku }),
      ...productFields,
    },
  },
};
