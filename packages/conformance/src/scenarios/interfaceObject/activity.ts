import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/** Activity is a second `@interfaceObject` subgraph: a plan may go from one to the other through the owner. */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@interfaceObject"])

  type Account @key(fields: "id") @interfaceObject {
    id: ID!
    "Day of the last sign-in, ISO 8601; null when it never signed in."
    lastSeen: String
    loginCount: Int!
  }

  type Query {
    mostActive: Account
    "Accounts that never signed in: none today, always null."
    dormant: Account
  }
`;

interface ActivityRecord {
  readonly id: string;
  readonly lastSeen: string | null;
  readonly loginCount: number;
}

const activity: readonly ActivityRecord[] = [
  { id: 'u1', lastSeen: '2024-05-02', loginCount: 41 },
  { id: 'o1', lastSeen: '2024-04-30', loginCount: 7 },
  { id: 'u2', lastSeen: '2024-05-03', loginCount: 88 },
  { id: 'o2', lastSeen: null, loginCount: 0 },
];

const activityById = new Map(activity.map((record) => [record.id, record]));

/** The activity subgraph of the interfaceObject scenario. */
export const activitySubgraph: ScenarioSubgraph = {
  name: 'activity',
  typeDefs,
  resolvers: {
    Query: {
      mostActive: () => activityById.get('u2'),
      dormant: () => null,
    },
    Account: {
      // u3 is unknown here: its entity is null, as a lagging service answers.
      __resolveReference: ({ id }: { id: string }) => activityById.get(id) ?? null,
    },
  },
};
