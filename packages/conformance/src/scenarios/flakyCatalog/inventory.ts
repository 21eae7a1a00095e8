import { GraphQLError } from 'graphql';
import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * Inventory adds stock to products, and breaks in its entity fetches: it has no record of p4
 * (`__resolveReference` answers null), answers null for non-null fields (p5's `inStock`, the city
 * of warehouse w3, a bin's code), and throws coded errors at the top and at nested levels of an
 * entity (NOT_FOUND for p3's count, FORBIDDEN on some bins only, BAD_USER_INPUT for a bad argument).
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Product @key(fields: "id") {
    id: ID!
    "NOT_FOUND for p3, whose count is being redone."
    stock: Int
    "Null for p5 although non-null: its entity is null in the inventory's answer."
    inStock: Boolean!
    "A list of non-null warehouses: null as a whole where one warehouse breaks (w3 has no city)."
    warehouses: [Warehouse!]
    "BAD_USER_INPUT unless the warehouse is w1, w2 or w3."
    stockAt(warehouse: ID!): Int
    "Errors one level down: FORBIDDEN on locked bins' counts (p3); p6's unlabelled bin nulls its whole stockInfo."
    stockInfo: StockInfo
  }

  type Warehouse {
    id: ID!
    "Null for w3 although non-null."
    city: String!
  }

  type StockInfo {
    quantity: Int!
    bins: [Bin!]!
  }

  type Bin {
    "Null for p6's unlabelled bin although non-null: its bins, then its whole stockInfo, are null."
    label: String!
    "FORBIDDEN for locked bins."
    count: Int
  }

  type Query {
    warehouses: [Warehouse!]!
    "Always fails with the custom code WAREHOUSE_OFFLINE."
    warehouseReport: String
  }
`;

interface WarehouseRecord {
  readonly id: string;
  readonly city: string | null;
}

interface BinRecord {
  readonly label: string | null;
  readonly count: number;
  readonly locked: boolean;
}

interface StockRecord {
  readonly id: string;
  readonly stock: number | 'recounting';
  readonly inStock: boolean | null;
  readonly warehouseIds: readonly string[];
  readonly bins: readonly BinRecord[];
}

const warehouses: readonly WarehouseRecord[] = [
  { id: 'w1', city: 'Oslo' },
  { id: 'w2', city: 'Bergen' },
  { id: 'w3', city: null },
];

const stock: readonly StockRecord[] = [
  {
    id: 'p1',
    stock: 12,
    inStock: true,
    warehouseIds: ['w1', 'w2'],
    bins: [
      { label: 'A-1', count: 7, locked: false },
      { label: 'A-2', count: 5, locked: false },
    ],
  },
  { id: 'p2', stock: 0, inStock: false, warehouseIds: [], bins: [] },
  {
    id: 'p3',
    stock: 'recounting',
    inStock: true,
    warehouseIds: ['w2'],
    bins: [
      { label: 'C-1', count: 1, locked: true },
      { label: 'C-2', count: 2, locked: false },
      { label: 'C-3', count: 3, locked: true },
    ],
  },
  { id: 'p5', stock: 4, inStock: null, warehouseIds: ['w1', 'w3'], bins: [{ label: 'E-1', count: 4, locked: false }] },
  { id: 'p6', stock: 7, inStock: true, warehouseIds: ['w2'], bins: [{ label: null, count: 7, locked: false }] },
];

const warehouseById = (id: string) => warehouses.find((warehouse) => warehouse.id === id)!;

export const inventorySubgraph: ScenarioSubgraph = {
  name: 'inventory',
  typeDefs,
  resolvers: {
    Query: {
      warehouses: () => warehouses,
      warehouseReport: () => {
        throw new GraphQLError('The warehouse system is offline.', { extensions: { code: 'WAREHOUSE_OFFLINE' } });
      },
    },
    Product: {
      // No record of p4: the entity is null in the inventory's `_entities` answer.
      __resolveReference: ({ id }: { id: string }) => stock.find((record) => record.id === id) ?? null,
      stock: (record: StockRecord) => {
        if (record.stock === 'recounting')
          throw new GraphQLError(`The stock of ${record.id} is being recounted.`, {
            extensions: { code: 'NOT_FOUND' },
          });
        return record.stock;
      },
      inStock: (record: StockRecord) => record.inStock,
      warehouses: (record: StockRecord) => record.warehouseIds.map(warehouseById),
      stockAt: (record: StockRecord, { warehouse }: { warehouse: string }) => {
        if (!warehouses.some((known) => known.id === warehouse)) {
          throw new GraphQLError(`Unknown warehouse "${warehouse}": use w1, w2 or w3.`, {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        }
        return record.warehouseIds.includes(warehouse) && typeof record.stock === 'number' ? record.stock : 0;
      },
      stockInfo: (record: StockRecord) => ({
        quantity: record.bins.reduce((sum, bin) => sum + bin.count, 0),
        bins: record.bins,
      }),
    },
    Bin: {
      label: (bin: BinRecord) => bin.label,
      count: (bin: BinRecord) => {
        if (bin.locked)
          throw new GraphQLError(`Bin ${String(bin.label)} is locked for audit.`, {
            extensions: { code: 'FORBIDDEN' },
          });
        return bin.count;
      },
    },
  },
};
