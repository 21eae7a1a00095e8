import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import { describeArguments } from './describeArguments.js';

/**
 * Tickets add fields with arguments to events, so the client's variables (their defaults, their
 * explicit nulls) travel into entity fetches; `ticketArgumentsSeen` shows what arrived.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  enum Tier {
    STANDARD
    VIP
    STUDENT
  }

  type Event @key(fields: "id") {
    id: ID!
    "Free events cost 0.00 in every tier."
    price(tier: Tier = STANDARD, currency: String = "EUR"): String!
    "Seats left in the given tiers; all tiers when null or omitted."
    seatsLeft(tiers: [Tier!]): Int
    "The arguments the resolver received, as JSON: an omitted one is absent, an explicit null is null."
    ticketArgumentsSeen(tier: Tier, note: String = "schema default", limit: Int): String!
  }

  type Query {
    tiers: [Tier!]!
  }
`;

type Tier = 'STANDARD' | 'VIP' | 'STUDENT';

/** Standard price in cents and seats left per tier, per event (e5 is free and unseated). */
const tickets: Readonly<Record<string, { readonly cents: number; readonly seats: Readonly<Record<Tier, number>> }>> = {
  e1: { cents: 2500, seats: { STANDARD: 40, VIP: 5, STUDENT: 10 } },
  e2: { cents: 0, seats: { STANDARD: 100, VIP: 0, STUDENT: 50 } },
  e3: { cents: 4000, seats: { STANDARD: 8, VIP: 2, STUDENT: 0 } },
  e4: { cents: 0, seats: { STANDARD: 60, VIP: 10, STUDENT: 20 } },
  e5: { cents: 0, seats: { STANDARD: 0, VIP: 0, STUDENT: 0 } },
};

const tierFactor: Readonly<Record<Tier, number>> = { STANDARD: 1, VIP: 3, STUDENT: 0.5 };
const perEuro: Readonly<Record<string, number>> = { EUR: 1, NOK: 11 };

export const ticketsSubgraph: ScenarioSubgraph = {
  name: 'tickets',
  typeDefs,
  resolvers: {
    Query: {
      tiers: () => Object.keys(tierFactor),
    },
    Event: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      price: ({ id }: { id: string }, { tier, currency }: { tier: Tier; currency: string }) =>
        `${((tickets[id]!.cents * tierFactor[tier] * (perEuro[currency] ?? 1)) / 100).toFixed(2)} ${currency}`,
      seatsLeft: ({ id }: { id: string }, { tiers }: { tiers?: Tier[] | null }) =>
        (tiers ?? (Object.keys(tierFactor) as Tier[])).reduce((sum, tier) => sum + tickets[id]!.seats[tier], 0),
      ticketArgumentsSeen: (_: { id: string }, args: Record<string, unknown>) => describeArguments(args),
    },
  },
};
