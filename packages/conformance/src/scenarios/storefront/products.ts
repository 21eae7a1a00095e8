import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * The products subgraph SDL: took `price` over from legacy (@override), is taking `stockStatus`
 * over behind a label nobody switched on yet (so legacy still answers it), and holds fields and a
 * type hidden from the API (@inaccessible) that other subgraphs may still require.
 */
export const productsTypeDefs = /* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@override", "@inaccessible"])

  enum ProductSort {
    NAME
    PRICE
    COST @inaccessible
  }

  type Query {
    products(sort: ProductSort = NAME): [Product!]!
    product(id: ID!): Product
  }

  type Product @key(fields: "id") {
    id: ID!
    name: String! @shareable
    price: Money! @override(from: "legacy")
    stockStatus: String! @override(from: "legacy", label: "stock-from-products")
    costPrice: Money! @inaccessible
    audit: ProductAudit @inaccessible
  }

  type Money @shareable {
    amount: Float!
    currency: String!
  }

  type ProductAudit @inaccessible {
    checkedBy: String!
    passed: Boolean!
  }
`;

/** A row of the products service. */
export interface ProductRow {
  readonly id: string;
  readonly name: string;
  readonly price: number;
  readonly costPrice: number;
}

/** Shared with legacy and reviews, which know the same products under the same ids. */
export const productRows: readonly ProductRow[] = [
  { id: 'prod-1', name: 'Espresso machine', price: 249, costPrice: 180 },
  { id: 'prod-2', name: 'Grinder', price: 89.5, costPrice: 80 },
  { id: 'prod-3', name: 'Kettle', price: 35, costPrice: 12.25 },
];

const sorters: Record<string, (a: ProductRow, b: ProductRow) => number> = {
  NAME: (a, b) => a.name.localeCompare(b.name),
  PRICE: (a, b) => a.price - b.price,
  COST: (a, b) => a.costPrice - b.costPrice,
};

function euros(amount: number): { amount: number; currency: string } {
  return { amount, currency: 'EUR' };
}

/** Products: its stockStatus says "products:" so an answer shows which subgraph gave it. */
export const productsSubgraph: ScenarioSubgraph = {
  name: 'products',
  typeDefs: productsTypeDefs,
  resolvers: {
    Query: {
      products: (_: unknown, { sort }: { sort: string }) => [...productRows].sort(sorters[sort]),
      product: (_: unknown, { id }: { id: string }) => productRows.find((product) => product.id === id) ?? null,
    },
    Product: {
      __resolveReference: ({ id }: { id: string }) => productRows.find((product) => product.id === id) ?? null,
      price: (product: ProductRow) => euros(product.price),
      costPrice: (product: ProductRow) => euros(product.costPrice),
      stockStatus: (product: ProductRow) => `products:${product.id === 'prod-2' ? 'sold out' : 'in stock'}`,
      audit: (product: ProductRow) => ({ checkedBy: 'qa', passed: product.id !== 'prod-2' }),
    },
  },
};
