import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/** The users subgraph SDL: owns User; `name` and `profile` are shareable because reviews provides them. */
export const usersTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

  type Query {
    users: [User!]!
    user(id: ID!): User
  }

  type User @key(fields: "id") {
    id: ID!
    name: String! @shareable
    email: String!
    profile: Profile! @shareable
  }

  type Profile @shareable {
    displayName: String!
    address: Address
  }

  type Address @shareable {
    city: String!
    country: String!
  }
`;

/** A row of the users service; reviews keeps a copy of the name and display name. */
export interface UserRow {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly profile: {
    readonly displayName: string;
    readonly address: { readonly city: string; readonly country: string } | null;
  };
}

/** Shared with reviews, which keeps the same names for the fields it provides. */
export const userRows: readonly UserRow[] = [
  {
    id: 'u1',
    name: 'Ana Lima',
    email: 'ana@example.test',
    profile: { displayName: 'ana', address: { city: 'Lisbon', country: 'PT' } },
  },
  { id: 'u2', name: 'Ben Ode', email: 'ben@example.test', profile: { displayName: 'benode', address: null } },
  {
    id: 'u3',
    name: 'Chen Wu',
    email: 'chen@example.test',
    profile: { displayName: 'chen', address: { city: 'Taipei', country: 'TW' } },
  },
];

/** Users: the owner of every user field. */
export const usersSubgraph: ScenarioSubgraph = {
  name: 'users',
  typeDefs: usersTypeDefs,
  resolvers: {
    Query: {
      users: () => userRows,
      user: (_: unknown, { id }: { id: string }) => userRows.find((user) => user.id === id) ?? null,
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => userRows.find((user) => user.id === id) ?? null,
    },
  },
};
