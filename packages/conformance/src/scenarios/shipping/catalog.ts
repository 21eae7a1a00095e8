import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/** The catalog subgraph SDL: owns Product, its weight (with a unit argument) and its dimensions. */
export const catalogTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

  enum WeightUnit {
    GRAM
    KILOGRAM
    POUND
  }

  type Query {
    product(upc: ID!): Product
    products: [Product!]!
    "Unknown codes give null entries, in the order asked."
    productsByUpc(upcs: [ID!]!): [Product]!
  }

  type Product @key(fields: "upc") {
    upc: ID!
    name: String!
    weight(unit: WeightUnit! = GRAM): Float!
    dimensions: Dimensions!
  }

  type Dimensions @shareable {
    widthCm: Int!
    heightCm: Int!
    depthCm: Int!
  }
`;

interface CatalogProduct {
  readonly upc: string;
  readonly name: string;
  readonly weightGrams: number;
  readonly dimensions: { readonly widthCm: number; readonly heightCm: number; readonly depthCm: number };
}

const products: readonly CatalogProduct[] = [
  { upc: 'p1', name: 'Desk lamp', weightGrams: 1200, dimensions: { widthCm: 20, heightCm: 45, depthCm: 20 } },
  { upc: 'p2', name: 'Bookshelf', weightGrams: 18000, dimensions: { widthCm: 80, heightCm: 180, depthCm: 30 } },
  { upc: 'p3', name: 'Mug', weightGrams: 350, dimensions: { widthCm: 9, heightCm: 10, depthCm: 9 } },
  { upc: 'p4', name: 'Rug', weightGrams: 4200, dimensions: { widthCm: 120, heightCm: 5, depthCm: 180 } },
];

const gramsPer: Record<string, number> = { GRAM: 1, KILOGRAM: 1000, POUND: 453.59237 };

function productByUpc(upc: string): CatalogProduct | null {
  return products.find((product) => product.upc === upc) ?? null;
}

/** Catalog: p1..p4; `p9` (asked for by shipments) is unknown here, so its reference resolves to null. */
export const catalogSubgraph: ScenarioSubgraph = {
  name: 'catalog',
  typeDefs: catalogTypeDefs,
  resolvers: {
    Query: {
      product: (_: unknown, { upc }: { upc: string }) => productByUpc(upc),
      products: () => products,
      productsByUpc: (_: unknown, { upcs }: { upcs: string[] }) => upcs.map(productByUpc),
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => productByUpc(upc),
      weight: (product: CatalogProduct, { unit }: { unit: string }) =>
        Math.round((product.weightGrams / gramsPer[unit]!) * 1000) / 1000,
    },
  },
};
