import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import { variantRows, type VariantRow } from './data.js';

/** The catalog subgraph SDL: owns Variant and is the only subgraph resolving it by either of its two keys. */
export const catalogTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    variants: [Variant!]!
    variant(id: ID!): Variant
  }

  type Variant @key(fields: "id") @key(fields: "sku") {
    id: ID!
    sku: String!
    name: String!
    color: String!
  }
`;

/** Catalog: the hop that turns a sku into an id and back. */
export const catalogSubgraph: ScenarioSubgraph = {
  name: 'catalog',
  typeDefs: catalogTypeDefs,
  resolvers: {
    Query: {
      variants: () => variantRows,
      variant: (_: unknown, { id }: { id: string }) => variantRows.find((variant) => variant.id === id) ?? null,
    },
    Variant: {
      __resolveReference: (reference: Partial<Pick<VariantRow, 'id' | 'sku'>>) =>
        variantRows.find((variant) =>
          reference.id === undefined ? variant.sku === reference.sku : variant.id === reference.id,
        ) ?? null,
    },
  },
};
