import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { ScenarioSubgraph } from '../../harness/Scenario.js';
import { JSONScalar } from '../bank/scalars.js';
import { describeArguments } from './describeArguments.js';

/**
 * Events, and root fields whose answers show exactly which arguments the resolver received:
 * `argumentsSeen` tells an omitted argument from an explicit null and from a default, `echo`
 * answers a JSON value as it arrived.
 */
const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  "An instant in UTC, \\"2026-05-01T19:00:00Z\\"; the subgraph refuses anything else."
  scalar DateTime
  "Any JSON value, passed through unchanged."
  scalar JSON

  enum EventKind {
    CONCERT
    TALK
    WORKSHOP
  }

  enum SortOrder {
    ASC
    DESC
  }

  input EventFilter {
    kinds: [EventKind!]
    after: DateTime
    titleContains: String
    tags: [String!]
    onlyFree: Boolean = false
  }

  type Query {
    "Events by start time; a null first means all of them."
    events(filter: EventFilter, first: Int = 3, order: SortOrder = ASC): [Event!]!
    event(id: ID!): Event
    "The value as the subgraph received it."
    echo(value: JSON): JSON
    "The arguments the resolver received, as JSON: an omitted one is absent, an explicit null is null."
    argumentsSeen(count: Int, label: String = "schema default", kinds: [EventKind], filter: EventFilter, at: DateTime): String!
  }

  type Event @key(fields: "id") {
    id: ID!
    title: String!
    kind: EventKind!
    startsAt: DateTime!
    tags: [String!]!
    free: Boolean!
    details: JSON
  }
`;

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function parseInstant(value: unknown): string {
  if (typeof value !== 'string' || !instantPattern.test(value)) {
    throw new GraphQLError(
      `DateTime must be an instant in UTC like "2026-05-01T19:00:00Z", but got: ${JSON.stringify(value)}`,
    );
  }
  return value;
}

const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => parseInstant(value),
  parseValue: parseInstant,
  parseLiteral: (node: ValueNode) => parseInstant(node.kind === Kind.STRING ? node.value : undefined),
});

type EventKind = 'CONCERT' | 'TALK' | 'WORKSHOP';

interface EventRecord {
  readonly id: string;
  readonly title: string;
  readonly kind: EventKind;
  readonly startsAt: string;
  readonly tags: readonly string[];
  readonly free: boolean;
  readonly details: unknown;
}

const events: readonly EventRecord[] = [
  {
    id: 'e1',
    title: 'Jazz Night',
    kind: 'CONCERT',
    startsAt: '2026-05-01T19:00:00Z',
    tags: ['music', 'evening'],
    free: false,
    details: { lineup: ['Trio A', 'Duo B'], doors: '18:30' },
  },
  {
    id: 'e2',
    title: 'GraphQL in Practice',
    kind: 'TALK',
    startsAt: '2026-04-10T09:00:00Z',
    tags: ['tech'],
    free: true,
    details: null,
  },
  {
    id: 'e3',
    title: 'Pottery Basics',
    kind: 'WORKSHOP',
    startsAt: '2026-04-20T14:00:00Z',
    tags: ['craft'],
    free: false,
    details: { materials: { included: true, list: ['clay', 'glaze'] }, seats: 12 },
  },
  {
    id: 'e4',
    title: 'Federation Deep Dive',
    kind: 'TALK',
    startsAt: '2026-06-02T10:00:00Z',
    tags: ['tech', 'graphql'],
    free: true,
    details: [1, 'two', null],
  },
  {
    id: 'e5',
    title: 'Open Mic',
    kind: 'CONCERT',
    startsAt: '2026-03-15T20:00:00Z',
    tags: ['music'],
    free: true,
    details: 'bring your own instrument',
  },
];

interface EventFilter {
  readonly kinds?: readonly EventKind[] | null;
  readonly after?: string | null;
  readonly titleContains?: string | null;
  readonly tags?: readonly string[] | null;
  readonly onlyFree: boolean;
}

function matches(event: EventRecord, filter: EventFilter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.kinds && !filter.kinds.includes(event.kind)) return false;
  if (filter.after && event.startsAt <= filter.after) return false;
  if (filter.titleContains && !event.title.toLowerCase().includes(filter.titleContains.toLowerCase())) return false;
  if (filter.tags && !filter.tags.some((tag) => event.tags.includes(tag))) return false;
  return !filter.onlyFree || event.free;
}

export const eventsSubgraph: ScenarioSubgraph = {
  name: 'events',
  typeDefs,
  resolvers: {
    DateTime,
    JSON: JSONScalar,
    Query: {
      events: (_: unknown, args: { filter?: EventFilter | null; first: number | null; order: 'ASC' | 'DESC' }) => {
        const sorted = events
          .filter((event) => matches(event, args.filter))
          .sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
        if (args.order === 'DESC') sorted.reverse();
        return args.first === null ? sorted : sorted.slice(0, args.first);
      },
      event: (_: unknown, { id }: { id: string }) => events.find((event) => event.id === id) ?? null,
      echo: (_: unknown, { value }: { value?: unknown }) => value,
      argumentsSeen: (_: unknown, args: Record<string, unknown>) => describeArguments(args),
    },
    Event: {
      __resolveReference: ({ id }: { id: string }) => events.find((event) => event.id === id) ?? null,
    },
  },
};
