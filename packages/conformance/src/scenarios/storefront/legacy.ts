import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import { productRows } from './products.js';

/**
 * The legacy subgraph SDL: the old catalog. Its `price` was overridden by products and is never
 * asked any more; its `stockStatus` still answers while the override label is off; `name` it shares.
 */
export const legacyTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

  type Query {
    "In legacy-code order; the bundle lists a product twice."
    legacyCatalog: [Product!]!
  }

  type Product @key(fields: "id") {
    id: ID!
    name: String! @shareable
    price: Money!
    stockStatus: String!
    legacyCode: String!
  }

  type Money @shareable {
    amount: Float!
    currency: String!
  }
`;

/** Legacy: its prices are stale (+1) and its stock statuses say "legacy:", so either shows if it answers. */
export const legacySubgraph: ScenarioSubgraph = {
  name: 'legacy',
  typeDefs: legacyTypeDefs,
  resolvers: {
    Query: {
      legacyCatalog: () => ['prod-3', 'prod-1', 'prod-3', 'prod-2'].map((id) => ({ id })),
    },
    Product: {
      __resolveReference: ({ id }: { id: string }) =>
        productRows.some((product) => product.id === id) ? { id } : null,
      name: ({ id }: { id: string }) => productRows.find((product) => product.id === id)!.name,
      price: ({ id }: { id: string }) => ({
        amount: productRows.find((product) => product.id === id)!.price + 1,
        currency: 'EUR',
      }),
      stockStatus: ({ id }: { id: string }) => `legacy:${id === 'prod-2' ? 'sold out' : 'in stock'}`,
      legacyCode: ({ id }: { id: string }) => `L-${id.slice('prod-'.length).padStart(4, '0')}`,
    },
  },
};
