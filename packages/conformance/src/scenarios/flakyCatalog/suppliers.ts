import { GraphQLError } from 'graphql';
import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * Suppliers, resolved by reference from the catalog's products, and failing there: s2 went out of
 * business (`__resolveReference` answers null), s3 is confidential (FORBIDDEN thrown by
 * `__resolveReference`), s4's registry times out (an error without code), s5 has no name although
 * `name` is non-null; looking up s7 crashes the whole `_entities` field (REGISTRY_DOWN), so every
 * supplier of that fetch is lost. Every supplier's contact is private (FORBIDDEN on every item of a list).
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Supplier @key(fields: "id") {
    id: ID!
    "Null for s5 although non-null."
    name: String!
    country: String
    "Always FORBIDDEN."
    contact: String
  }

  type Query {
    "s1 and s5, as the suppliers subgraph lists them."
    suppliers: [Supplier]!
  }
`;

interface SupplierRecord {
  readonly id: string;
  readonly name: string | null;
  readonly country: string | null;
}

const suppliers: readonly SupplierRecord[] = [
  { id: 's1', name: 'Nordlys', country: 'NO' },
  { id: 's5', name: null, country: 'SE' },
];

// Async, so that a failure is that one entity's: @apollo/subgraph maps representations to
// `__resolveReference` calls synchronously, and a synchronous throw fails the whole `_entities`
// field, which is what s7 is for.
async function supplierByReference({ id }: { id: string }): Promise<SupplierRecord | null> {
  if (id === 's3') throw new GraphQLError(`Supplier ${id} is confidential.`, { extensions: { code: 'FORBIDDEN' } });
  if (id === 's4') throw new GraphQLError(`The supplier registry timed out looking up ${id}.`);
  return suppliers.find((supplier) => supplier.id === id) ?? null;
}

export const suppliersSubgraph: ScenarioSubgraph = {
  name: 'suppliers',
  typeDefs,
  resolvers: {
    Query: {
      suppliers: () => suppliers,
    },
    Supplier: {
      __resolveReference: ({ id }: { id: string }) => {
        if (id === 's7')
          throw new GraphQLError('The supplier registry crashed.', { extensions: { code: 'REGISTRY_DOWN' } });
        return supplierByReference({ id });
      },
      contact: (supplier: SupplierRecord) => {
        throw new GraphQLError(`The contact of ${supplier.id} is private.`, { extensions: { code: 'FORBIDDEN' } });
      },
    },
  },
};
