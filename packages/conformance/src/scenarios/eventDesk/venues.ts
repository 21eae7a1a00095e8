import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/** Where events take place; e3's venue v3 is unknown here (a null entity), e5 has no venue. */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Event @key(fields: "id") {
    id: ID!
    venue: Venue
  }

  type Venue @key(fields: "id") {
    id: ID!
    name: String!
    city: String!
    capacity: Int
  }

  type Query {
    venues(city: String): [Venue!]!
    venue(id: ID!): Venue
  }
`;

interface VenueRecord {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly capacity: number | null;
}

const venues: readonly VenueRecord[] = [
  { id: 'v1', name: 'Blue Room', city: 'Oslo', capacity: 120 },
  { id: 'v2', name: 'Hall 2', city: 'Bergen', capacity: null },
];

const venueOfEvent: Readonly<Record<string, string>> = { e1: 'v1', e2: 'v2', e3: 'v3', e4: 'v2' };

const venueById = (id: string) => venues.find((venue) => venue.id === id) ?? null;

export const venuesSubgraph: ScenarioSubgraph = {
  name: 'venues',
  typeDefs,
  resolvers: {
    Query: {
      venues: (_: unknown, { city }: { city?: string | null }) =>
        venues.filter((venue) => !city || venue.city === city),
      venue: (_: unknown, { id }: { id: string }) => venueById(id),
    },
    Event: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      venue: ({ id }: { id: string }) => {
        const venueId = venueOfEvent[id];
        return venueId ? venueById(venueId) : null;
      },
    },
    Venue: {
      __resolveReference: ({ id }: { id: string }) => venueById(id),
    },
  },
};
