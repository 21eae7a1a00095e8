import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import { productRows } from './products.js';
import { userRows } from './users.js';

/**
 * The reviews subgraph SDL: provides a nested selection of the author (`name profile { displayName }`)
 * and the product's name along Review, so those come with the review; anything else goes to users or
 * products. `promotable` requires the product's cost, a field hidden from the API.
 */
export const reviewsTypeDefs = /* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@provides", "@requires", "@shareable"])

  type Query {
    "Every published review, oldest first."
    reviews: [Review!]!
    "Any review, unpublished ones included."
    review(id: ID!): Review
    "Users by number of reviews; one with many shows up once per product reviewed."
    topReviewers: [User!]!
  }

  type Review {
    id: ID!
    body: String!
    rating: Int!
    author: User! @provides(fields: "name profile { displayName }")
    product: Product! @provides(fields: "name")
  }

  type User @key(fields: "id") {
    id: ID!
    name: String! @external
    profile: Profile! @external
    reviews: [Review!]!
  }

  type Profile @shareable {
    displayName: String! @external
  }

  type Product @key(fields: "id") {
    id: ID!
    name: String! @external
    price: Money! @external
    costPrice: Money! @external
    reviews: [Review!]!
    "Whether the margin leaves room for a promotion beside the reviews."
    promotable: Boolean! @requires(fields: "costPrice { amount } price { amount }")
  }

  type Money @shareable {
    amount: Float!
    currency: String!
  }
`;

interface ReviewRow {
  readonly id: string;
  readonly body: string;
  readonly rating: number;
  readonly authorId: string;
  readonly productId: string;
}

const published: readonly ReviewRow[] = [
  { id: 'rv1', body: 'Best coffee at home', rating: 5, authorId: 'u1', productId: 'prod-1' },
  { id: 'rv2', body: 'Loud but fast', rating: 4, authorId: 'u2', productId: 'prod-1' },
  { id: 'rv3', body: 'Boils, that is all', rating: 3, authorId: 'u1', productId: 'prod-3' },
  { id: 'rv4', body: 'Uneven grind', rating: 2, authorId: 'u3', productId: 'prod-2' },
];

/** Written by a user the users subgraph no longer knows: reviews still has the name it provides. */
const unpublished: ReviewRow = {
  id: 'rv9',
  body: 'Buy followers here',
  rating: 1,
  authorId: 'u9',
  productId: 'prod-3',
};

/** The copy of each author reviews keeps: exactly the fields it @provides. */
function authorCopy(id: string): { id: string; name: string; profile: { displayName: string } } {
  const user = userRows.find((row) => row.id === id);
  return user
    ? { id, name: user.name, profile: { displayName: user.profile.displayName } }
    : { id, name: 'Deleted user', profile: { displayName: 'deleted' } };
}

/** Reviews: a review's author and product come with the provided copies. */
export const reviewsSubgraph: ScenarioSubgraph = {
  name: 'reviews',
  typeDefs: reviewsTypeDefs,
  resolvers: {
    Query: {
      reviews: () => published,
      review: (_: unknown, { id }: { id: string }) =>
        [...published, unpublished].find((review) => review.id === id) ?? null,
      topReviewers: () => ['u1', 'u3', 'u1'].map((id) => ({ id })),
    },
    Review: {
      author: (review: ReviewRow) => authorCopy(review.authorId),
      product: (review: ReviewRow) => ({
        id: review.productId,
        name: productRows.find((product) => product.id === review.productId)!.name,
      }),
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      reviews: ({ id }: { id: string }) => published.filter((review) => review.authorId === id),
    },
    Product: {
      __resolveReference: (reference: { id: string }) => reference,
      reviews: ({ id }: { id: string }) => published.filter((review) => review.productId === id),
      promotable: (product: { price: { amount: number }; costPrice: { amount: number } }) =>
        (product.price.amount - product.costPrice.amount) / product.price.amount >= 0.3,
    },
  },
};
