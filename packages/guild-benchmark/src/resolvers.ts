// Deep import: @apollo/subgraph does not re-export the type of the resolvers it takes.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import {
  guildInventory,
  guildProducts,
  guildReviews,
  guildUsers,
  type GuildInventoryItem,
  type GuildReview,
} from './data.js';

/** The four subgraphs of the benchmark, in port order (4501–4504). */
export const guildSubgraphNames = ['accounts', 'inventory', 'products', 'reviews'] as const;

/** One of {@link guildSubgraphNames}. */
export type GuildSubgraphName = (typeof guildSubgraphNames)[number];

/** A product as inventory resolves it: its stock plus the `price` and `weight` the gateway sent (`@requires`). */
export interface InventoryProduct extends GuildInventoryItem {
  readonly price: number | null;
  readonly weight: number | null;
}

/**
 * The inventory subgraph's `Product.shippingEstimate`, as the Rust computes it: free above 1000
 * cents, else half the weight (integer division), and null when price or weight is unknown.
 */
export function shippingEstimate(product: { price: number | null; weight: number | null }): number | null {
  if (product.price === null) return null;
  if (product.price > 1000) return 0;
  return product.weight === null ? null : Math.trunc(product.weight / 2);
}

const byKey = <T, K extends keyof T>(items: readonly T[], key: K): ReadonlyMap<T[K], T> =>
  new Map(items.map((item) => [item[key], item]));
const usersById = byKey(guildUsers, 'id');
const productsByUpc = byKey(guildProducts, 'upc');
const inventoryByUpc = byKey(guildInventory, 'upc');
const reviewsById = byKey(guildReviews, 'id');
// The Rust gives every user, the author of any review included, the first two reviews.
const reviewsOfAnyUser = guildReviews.slice(0, 2);
const reviewsByUpc = new Map<string, GuildReview[]>();
for (const review of guildReviews) {
  if (review.productUpc === null) continue;
  reviewsByUpc.set(review.productUpc, [...(reviewsByUpc.get(review.productUpc) ?? []), review]);
}

type Representation = Record<string, unknown>;
const nullableInt = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** Resolvers of each subgraph's SDL (`<name>.graphql`), entities included. */
export const guildResolvers: Readonly<Record<GuildSubgraphName, GraphQLResolverMap<unknown>>> = {
  accounts: {
    Query: {
      me: () => guildUsers[0],
      user: (_: unknown, { id }: { id: string }) => usersById.get(id) ?? null,
      users: () => guildUsers,
    },
    User: {
      __resolveReference: ({ id }: Representation) => usersById.get(String(id)) ?? null,
    },
  },
  inventory: {
    Product: {
      __resolveReference: ({ upc, price, weight }: Representation): InventoryProduct | null => {
        const item = inventoryByUpc.get(String(upc));
        return item ? { ...item, price: nullableInt(price), weight: nullableInt(weight) } : null;
      },
      shippingEstimate: (product: InventoryProduct) => shippingEstimate(product),
    },
  },
  products: {
    Query: {
      // `first: null` falls back to 5 and a negative `first` takes everything, as `take(first as usize)` does.
      topProducts: (_: unknown, { first }: { first: number | null }) => {
        const count = first ?? 5;
        return count < 0 ? guildProducts : guildProducts.slice(0, count);
      },
    },
    Product: {
      __resolveReference: ({ upc }: Representation) => productsByUpc.get(String(upc)) ?? null,
    },
  },
  reviews: {
    Review: {
      __resolveReference: ({ id }: Representation) => reviewsById.get(String(id)) ?? null,
      product: (review: GuildReview) => (review.productUpc === null ? null : { upc: review.productUpc }),
      // Always Uri, username provided (`@provides(fields: "username")`), whoever wrote the review.
      author: () => ({ id: '1', username: 'urigo' }),
    },
    User: {
      // `username` is external here; the Rust answers "user" for it on an entity lookup.
      __resolveReference: ({ id }: Representation) => ({ id: String(id), username: 'user' }),
      reviews: () => reviewsOfAnyUser,
    },
    Product: {
      __resolveReference: ({ upc }: Representation) => ({ upc: String(upc) }),
      reviews: ({ upc }: { upc: string }) => reviewsByUpc.get(upc) ?? [],
    },
  },
};
