import { GraphQLError } from 'graphql';
import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * The bank's customers, read-only: acc-ghost was closed (`__resolveReference` answers null although
 * postings point at it through a non-null field), and the email of acc-vip is FORBIDDEN.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  enum Tier {
    BASIC
    GOLD
  }

  type Account @key(fields: "id") {
    id: ID!
    holder: String!
    tier: Tier!
    "FORBIDDEN for acc-vip."
    email: String
  }

  type Query {
    accounts(tier: Tier): [Account!]!
  }
`;

interface AccountRecord {
  readonly id: string;
  readonly holder: string;
  readonly tier: 'BASIC' | 'GOLD';
  readonly email: string;
}

const accounts: readonly AccountRecord[] = [
  { id: 'acc-1', holder: 'Ada', tier: 'GOLD', email: 'ada@example.com' },
  { id: 'acc-2', holder: 'Bo', tier: 'BASIC', email: 'bo@example.com' },
  { id: 'acc-vip', holder: 'Cy', tier: 'GOLD', email: 'cy@example.com' },
];

export const customersSubgraph: ScenarioSubgraph = {
  name: 'customers',
  typeDefs,
  resolvers: {
    Query: {
      accounts: (_: unknown, { tier }: { tier?: string | null }) =>
        accounts.filter((account) => !tier || account.tier === tier),
    },
    Account: {
      __resolveReference: ({ id }: { id: string }) => accounts.find((account) => account.id === id) ?? null,
      email: (account: AccountRecord) => {
        if (account.id === 'acc-vip')
          throw new GraphQLError(`The email of ${account.id} is private.`, { extensions: { code: 'FORBIDDEN' } });
        return account.email;
      },
    },
  },
};
