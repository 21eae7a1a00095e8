import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/** The inventory subgraph SDL: stock counts of Product, and the Warehouse that ships it. */
export const inventoryTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    warehouses: [Warehouse!]!
  }

  type Product @key(fields: "upc") {
    upc: ID!
    inStock: Int!
    "Null when the product is drop-shipped by its maker."
    warehouse: Warehouse
  }

  type Warehouse @key(fields: "code") {
    code: ID!
    region: String!
    city: String!
    stockedProducts: [Product!]!
  }
`;

interface Warehouse {
  readonly code: string;
  readonly region: string;
  readonly city: string;
}

const warehouses: readonly Warehouse[] = [
  { code: 'W-NORTH', region: 'north', city: 'Hamburg' },
  { code: 'W-SOUTH', region: 'south', city: 'Munich' },
];

/** Units in stock and the warehouse, by upc; p4 is drop-shipped, p9 is known here but not to the catalog. */
const stock: Record<string, { readonly inStock: number; readonly warehouseCode: string | null }> = {
  p1: { inStock: 12, warehouseCode: 'W-NORTH' },
  p2: { inStock: 0, warehouseCode: 'W-SOUTH' },
  p3: { inStock: 140, warehouseCode: 'W-NORTH' },
  p4: { inStock: 3, warehouseCode: null },
  p9: { inStock: 7, warehouseCode: 'W-SOUTH' },
};

function warehouseByCode(code: string): Warehouse | null {
  return warehouses.find((warehouse) => warehouse.code === code) ?? null;
}

/** Inventory: answers for every upc it stocks; an unstocked upc resolves to null. */
export const inventorySubgraph: ScenarioSubgraph = {
  name: 'inventory',
  typeDefs: inventoryTypeDefs,
  resolvers: {
    Query: {
      warehouses: () => warehouses,
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => (stock[upc] ? { upc } : null),
      inStock: ({ upc }: { upc: string }) => stock[upc]!.inStock,
      warehouse: ({ upc }: { upc: string }) => {
        const code = stock[upc]!.warehouseCode;
        return code === null ? null : warehouseByCode(code);
      },
    },
    Warehouse: {
      __resolveReference: ({ code }: { code: string }) => warehouseByCode(code),
      stockedProducts: ({ code }: Warehouse) =>
        Object.entries(stock)
          .filter(([, entry]) => entry.warehouseCode === code)
          .map(([upc]) => ({ upc })),
    },
  },
};
