import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * The inventory owns `Product`, an entity interface (Federation 2.3: `@key` on the interface), and
 * its two implementations.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  interface Product @key(fields: "sku") {
    sku: ID!
    name: String!
    stock: Int!
  }

  type Shoe implements Product @key(fields: "sku") {
    sku: ID!
    name: String!
    stock: Int!
    size: Int!
  }

  type Shirt implements Product @key(fields: "sku") {
    sku: ID!
    name: String!
    stock: Int!
    color: String!
    sleeveLength: Int!
    "Sizes it is cut in; null for a one-off."
    sizes: [String!]
  }

  type Query {
    products: [Product!]!
    product(sku: ID!): Product
  }
`;

interface ShoeRecord {
  readonly __typename: 'Shoe';
  readonly sku: string;
  readonly name: string;
  readonly stock: number;
  readonly size: number;
}

interface ShirtRecord {
  readonly __typename: 'Shirt';
  readonly sku: string;
  readonly name: string;
  readonly stock: number;
  readonly color: string;
  readonly sleeveLength: number;
  readonly sizes: readonly string[] | null;
}

type ProductRecord = ShoeRecord | ShirtRecord;

const products: readonly ProductRecord[] = [
  { __typename: 'Shoe', sku: 'shoe-1', name: 'Trail Runner', stock: 12, size: 42 },
  {
    __typename: 'Shirt',
    sku: 'shirt-1',
    name: 'Linen Shirt',
    stock: 0,
    color: 'white',
    sleeveLength: 64,
    sizes: ['S', 'M', 'L'],
  },
  { __typename: 'Shoe', sku: 'shoe-2', name: 'City Loafer', stock: 3, size: 39 },
  {
    __typename: 'Shirt',
    sku: 'shirt-2',
    name: 'Prototype Tee',
    stock: 1,
    color: 'grey',
    sleeveLength: 20,
    sizes: null,
  },
];

const productBySku = new Map(products.map((product) => [product.sku, product]));

function productOfType(typename: ProductRecord['__typename'], sku: string): ProductRecord | null {
  const product = productBySku.get(sku);
  return product?.__typename === typename ? product : null;
}

/** The inventory subgraph of the entityInterfaces scenario. */
export const inventorySubgraph: ScenarioSubgraph = {
  name: 'inventory',
  typeDefs,
  resolvers: {
    Query: {
      products: () => products,
      product: (_: unknown, { sku }: { sku: string }) => productBySku.get(sku) ?? null,
    },
    Product: {
      __resolveType: (product: ProductRecord) => product.__typename,
      // A representation typed with the interface's name: the owner says which implementation it is.
      __resolveReference: ({ sku }: { sku: string }) => productBySku.get(sku) ?? null,
    },
    Shoe: {
      __resolveReference: ({ sku }: { sku: string }) => productOfType('Shoe', sku),
    },
    Shirt: {
      __resolveReference: ({ sku }: { sku: string }) => productOfType('Shirt', sku),
    },
  },
};
