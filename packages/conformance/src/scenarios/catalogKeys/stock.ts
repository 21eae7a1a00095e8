import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import { memberKey, type MemberKey } from './data.js';

/**
 * The stock subgraph SDL: knows Variant by sku only, so any field of another subgraph keyed by id
 * is reached through catalog; points at members by their nested key without resolving them.
 */
export const stockTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    "Variants running low, most urgent first; one may be listed twice (two warehouses)."
    lowStock: [Variant!]!
    "In the order asked; a sku stock has never seen gives null."
    stockBySku(skus: [String!]!): [Variant]!
  }

  type Variant @key(fields: "sku") {
    sku: String!
    quantity: Int!
    restockedBy: Member
  }

  type Member @key(fields: "id organization { id }", resolvable: false) {
    id: ID!
    organization: Organization!
  }

  type Organization @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

interface StockRow {
  readonly quantity: number;
  readonly restockedBy: MemberKey | null;
}

/** GHOST-1 is counted here but unknown to the catalog: the sku -> id hop finds nothing for it. */
const stock: Record<string, StockRow> = {
  'LAMP-RED': { quantity: 2, restockedBy: memberKey('m1', 'o1') },
  'LAMP-BLUE': { quantity: 0, restockedBy: null },
  'MUG-WHITE': { quantity: 40, restockedBy: memberKey('m2', 'o1') },
  'RUG-GREY': { quantity: 1, restockedBy: memberKey('m1', 'o2') },
  'GHOST-1': { quantity: 5, restockedBy: memberKey('m9', 'o1') },
};

function variantBySku(sku: string): { sku: string } | null {
  return stock[sku] ? { sku } : null;
}

/** Stock: every answer is built from the sku alone. */
export const stockSubgraph: ScenarioSubgraph = {
  name: 'stock',
  typeDefs: stockTypeDefs,
  resolvers: {
    Query: {
      lowStock: () => ['LAMP-BLUE', 'RUG-GREY', 'LAMP-RED', 'LAMP-BLUE'].map((sku) => ({ sku })),
      stockBySku: (_: unknown, { skus }: { skus: string[] }) => skus.map(variantBySku),
    },
    Variant: {
      __resolveReference: ({ sku }: { sku: string }) => variantBySku(sku),
      quantity: ({ sku }: { sku: string }) => stock[sku]!.quantity,
      restockedBy: ({ sku }: { sku: string }) => stock[sku]!.restockedBy,
    },
  },
};
