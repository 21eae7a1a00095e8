import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import { isMember, memberKey, type MemberKey } from './data.js';

/**
 * The reviews subgraph SDL: knows Variant by id only and Member by its nested key; Organization is
 * only pointed at (non-resolvable key), so an organization's name always comes from accounts.
 */
export const reviewsTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    "Newest first."
    latestReviews: [Review!]!
  }

  type Review {
    id: ID!
    body: String!
    rating: Int!
    author: Member!
    variant: Variant!
  }

  type Variant @key(fields: "id") {
    id: ID!
    reviews: [Review!]!
    "Null when nobody reviewed it yet."
    averageRating: Float
  }

  type Member @key(fields: "id organization { id }") {
    id: ID!
    organization: Organization!
    reviews: [Review!]!
  }

  type Organization @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

interface ReviewRow {
  readonly id: string;
  readonly body: string;
  readonly rating: number;
  readonly author: MemberKey;
  readonly variant: { readonly id: string };
}

const reviews: readonly ReviewRow[] = [
  { id: 'r5', body: 'The replacement was perfect', rating: 5, author: memberKey('m1', 'o1'), variant: { id: 'v3' } },
  { id: 'r4', body: 'Bluer than the photo', rating: 2, author: memberKey('m1', 'o2'), variant: { id: 'v2' } },
  { id: 'r3', body: 'Arrived chipped', rating: 3, author: memberKey('m1', 'o1'), variant: { id: 'v3' } },
  { id: 'r2', body: 'Love it', rating: 5, author: memberKey('m1', 'o2'), variant: { id: 'v1' } },
  { id: 'r1', body: 'Bright enough', rating: 4, author: memberKey('m2', 'o1'), variant: { id: 'v1' } },
];

function reviewsOfVariant(id: string): ReviewRow[] {
  return reviews.filter((review) => review.variant.id === id);
}

/** Reviews: resolves any Variant id and any member key, with an empty list when there is nothing to show. */
export const reviewsSubgraph: ScenarioSubgraph = {
  name: 'reviews',
  typeDefs: reviewsTypeDefs,
  resolvers: {
    Query: {
      latestReviews: () => reviews,
    },
    Variant: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      reviews: ({ id }: { id: string }) => reviewsOfVariant(id),
      averageRating: ({ id }: { id: string }) => {
        const ratings = reviewsOfVariant(id).map((review) => review.rating);
        return ratings.length === 0 ? null : ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length;
      },
    },
    Member: {
      __resolveReference: (key: MemberKey) => memberKey(key.id, key.organization.id),
      reviews: (key: MemberKey) => reviews.filter((review) => isMember(review.author, key.id, key.organization.id)),
    },
  },
};
