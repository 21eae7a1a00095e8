import { GraphQLError } from 'graphql';
import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * The catalog owns products and points each at its supplier. Its root fields fail in every way a
 * root field can: a nullable one with a coded error, a non-null one (which nulls the whole answer
 * of this subgraph), an unknown id answered null and a retired id answered NOT_FOUND.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Product @key(fields: "id") {
    id: ID!
    name: String!
    "Null when the product has no list price yet."
    price: Int
    "Null when the catalog does not know who supplies the product."
    supplier: Supplier
  }

  type Supplier @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Query {
    "p1 to p5, in order (p6 and p7 only by id)."
    products: [Product!]!
    "Null for an unknown id; NOT_FOUND for a retired one (p0)."
    product(id: ID!): Product
    "One entry per id, in order: null where the id is unknown, repeated where an id is."
    productsByIds(ids: [ID!]!): [Product]!
    "Always fails with FORBIDDEN: the featured list is embargoed."
    featured: Product
    "Always fails, with the custom code MAINTENANCE: a non-null root field, so the catalog's whole answer is null."
    catalogStatus: String!
  }
`;

interface ProductRecord {
  readonly id: string;
  readonly name: string;
  readonly price: number | null;
  readonly supplierId: string | null;
}

const products: readonly ProductRecord[] = [
  { id: 'p1', name: 'Lamp', price: 30, supplierId: 's1' },
  { id: 'p2', name: 'Chair', price: 80, supplierId: 's2' },
  { id: 'p3', name: 'Desk', price: 250, supplierId: 's3' },
  { id: 'p4', name: 'Rug', price: null, supplierId: null },
  { id: 'p5', name: 'Vase', price: 15, supplierId: 's4' },
  { id: 'p6', name: 'Shelf', price: 60, supplierId: 's5' },
  { id: 'p7', name: 'Stool', price: 25, supplierId: 's7' },
];

const listed = products.filter((product) => product.id !== 'p6' && product.id !== 'p7');
const byId = (id: string) => products.find((product) => product.id === id) ?? null;

function productById(id: string): ProductRecord | null {
  if (id === 'p0')
    throw new GraphQLError('Product p0 was retired from the catalog.', { extensions: { code: 'NOT_FOUND' } });
  return byId(id);
}

export const catalogSubgraph: ScenarioSubgraph = {
  name: 'catalog',
  typeDefs,
  resolvers: {
    Query: {
      products: () => listed,
      product: (_: unknown, { id }: { id: string }) => productById(id),
      productsByIds: (_: unknown, { ids }: { ids: string[] }) => ids.map(byId),
      featured: () => {
        throw new GraphQLError('The featured list is embargoed until launch.', { extensions: { code: 'FORBIDDEN' } });
      },
      catalogStatus: () => {
        throw new GraphQLError('The catalog is in maintenance.', { extensions: { code: 'MAINTENANCE' } });
      },
    },
    Product: {
      __resolveReference: ({ id }: { id: string }) => byId(id),
      supplier: (product: ProductRecord) => (product.supplierId ? { id: product.supplierId } : null),
    },
  },
};
