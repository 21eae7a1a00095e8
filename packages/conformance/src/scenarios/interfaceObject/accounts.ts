import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * The accounts subgraph owns the `Account` entity interface and its implementations; the others
 * see `Account` as an object type (`@interfaceObject`) and ask this one which implementation it is.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  interface Account @key(fields: "id") {
    id: ID!
    email: String!
  }

  type User implements Account @key(fields: "id") {
    id: ID!
    email: String!
    displayName: String!
  }

  type Organization implements Account @key(fields: "id") {
    id: ID!
    email: String!
    legalName: String!
    members: [User!]!
  }

  type Query {
    accounts: [Account!]!
    account(id: ID!): Account
  }
`;

interface UserRecord {
  readonly __typename: 'User';
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

interface OrganizationRecord {
  readonly __typename: 'Organization';
  readonly id: string;
  readonly email: string;
  readonly legalName: string;
  readonly memberIds: readonly string[];
}

type AccountRecord = UserRecord | OrganizationRecord;

const accounts: readonly AccountRecord[] = [
  { __typename: 'User', id: 'u1', email: 'ada@example.test', displayName: 'Ada' },
  { __typename: 'Organization', id: 'o1', email: 'billing@acme.test', legalName: 'Acme Ltd', memberIds: ['u1', 'u2'] },
  { __typename: 'User', id: 'u2', email: 'grace@example.test', displayName: 'Grace' },
  // Signed up a minute ago: activity has not heard of it yet.
  { __typename: 'User', id: 'u3', email: 'new@example.test', displayName: 'Newcomer' },
  { __typename: 'Organization', id: 'o2', email: 'hello@empty.test', legalName: 'Empty Co', memberIds: [] },
];

const accountById = new Map(accounts.map((account) => [account.id, account]));

function accountOfType(typename: AccountRecord['__typename'], id: string): AccountRecord | null {
  const account = accountById.get(id);
  return account?.__typename === typename ? account : null;
}

/** The accounts subgraph of the interfaceObject scenario. */
export const accountsSubgraph: ScenarioSubgraph = {
  name: 'accounts',
  typeDefs,
  resolvers: {
    Query: {
      accounts: () => accounts,
      account: (_: unknown, { id }: { id: string }) => accountById.get(id) ?? null,
    },
    Account: {
      __resolveType: (account: AccountRecord) => account.__typename,
      // What @interfaceObject subgraphs send: `{ __typename: "Account", id }`.
      __resolveReference: ({ id }: { id: string }) => accountById.get(id) ?? null,
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => accountOfType('User', id),
    },
    Organization: {
      __resolveReference: ({ id }: { id: string }) => accountOfType('Organization', id),
      members: (organization: OrganizationRecord) => organization.memberIds.map((id) => accountById.get(id)),
    },
  },
};
