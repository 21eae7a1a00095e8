import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import { variantRows } from './data.js';

/** The pricing subgraph SDL: knows Variant only by the composite key `id sku`, so it needs both to price one. */
export const pricingTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  enum Currency {
    EUR
    USD
  }

  type Query {
    "Variants whose price dropped this week; one may be listed twice (two drops)."
    priceDrops: [Variant!]!
  }

  type Variant @key(fields: "id sku") {
    id: ID!
    sku: String!
    price(currency: Currency! = EUR): Money!
  }

  type Money {
    amount: Float!
    currency: Currency!
  }
`;

const eurPrices: Record<string, number> = { v1: 39.9, v2: 39.9, v3: 8.5, v4: 129 };
const usdPerEur = 1.1;

/** The variant keyed by both `id` and `sku`, or null when the two do not name the same variant. */
function variantByCompositeKey(id: string, sku: string): { id: string; sku: string } | null {
  return variantRows.some((variant) => variant.id === id && variant.sku === sku) ? { id, sku } : null;
}

/** Pricing: a reference whose id and sku disagree is not a variant it prices. */
export const pricingSubgraph: ScenarioSubgraph = {
  name: 'pricing',
  typeDefs: pricingTypeDefs,
  resolvers: {
    Query: {
      priceDrops: () =>
        ['v3', 'v1', 'v3'].map((id) => ({ id, sku: variantRows.find((variant) => variant.id === id)!.sku })),
    },
    Variant: {
      __resolveReference: ({ id, sku }: { id: string; sku: string }) => variantByCompositeKey(id, sku),
      price: ({ id }: { id: string }, { currency }: { currency: string }) => ({
        amount: currency === 'USD' ? Math.round(eurPrices[id]! * usdPerEur * 100) / 100 : eurPrices[id]!,
        currency,
      }),
    },
  },
};
