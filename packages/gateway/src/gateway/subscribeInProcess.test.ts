import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, parse } from 'graphql';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BffContext } from '../core/BffContext.js';
import type { Viewer } from '../core/Viewer.js';
import { downstreamServiceMessage } from '../errors/BffError.js';
import { ForbiddenError } from '../errors/ForbiddenError.js';
import { createEventBus } from '../events/createEventBus.js';
import type { EventStream } from '../events/EventBus.js';
import { inProcessSubscriber } from './subscribeInProcess.js';
import { isSubgraphEvents, type SubgraphEvents, type SubgraphSubscription } from './SubgraphSubscriber.js';

const user: Viewer = { kind: 'user', id: '1', roles: ['customer'], scopes: [], clientId: undefined };
const contextOf = (viewer: Viewer, requestId: string): BffContext => ({
  requestId,
  bffName: 'test',
  viewer,
  deadline: Date.now() + 5_000,
});

/** The subgraph's contexts, in the order its resolvers received them. */
interface Seen {
  /** Lets the stalled source's event come. */
  readonly unstall: () => void;
  readonly stalled: Promise<void>;
  stalledEnded: boolean;
  readonly subscribe: BffContext[];
  readonly resolve: BffContext[];
  readonly streams: { stream: EventStream; returned: boolean }[];
}

/** A subgraph whose `ticks` listen to the bus's `ticks` channel; `failing` ticks fail at their first event. */
function ticksSubgraph(bus: ReturnType<typeof createEventBus>, seen: Seen) {
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(/* GraphQL */ `
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
        type Query {
          ticker: String!
        }
        type Subscription {
          ticks(label: String!): Tick!
          failing: Tick!
          refusedByReturn: Tick!
          stalled: Tick!
        }
        type Tick {
          n: Int!
          label: String!
          requestId: String!
        }
      `),
      resolvers: {
        Query: { ticker: () => 'ticks' },
        Subscription: {
          ticks: {
            subscribe: async (_source: unknown, _args: unknown, context: BffContext) => {
              seen.subscribe.push(context);
              if (context.viewer.kind !== 'user') throw new ForbiddenError('Sign in to watch ticks.', ['ticks']);
              const stream = bus.stream('ticks');
              const entry = { stream, returned: false };
              seen.streams.push(entry);
              await stream.ready;
              return {
                next: () => stream.next(),
                return: () => ((entry.returned = true), stream.return()),
                [Symbol.asyncIterator]() {
                  return this;
                },
              };
            },
            resolve: (message: string) => ({ n: Number(message) }),
          },
          failing: {
            subscribe: () => ({
              next: () => Promise.reject(new Error('the ticks clock stopped')),
              [Symbol.asyncIterator]() {
                return this;
              },
            }),
          },
          stalled: {
            // A generator: its return() waits for the event it is suspended on, which comes when the test says.
            subscribe: async function* () {
              try {
                await seen.stalled;
                yield '1';
              } finally {
                seen.stalledEnded = true;
              }
            },
          },
          refusedByReturn: {
            subscribe: () => new GraphQLError('No ticks today.', { extensions: { code: 'TICKS_CLOSED' } }),
          },
        },
        Tick: {
          label: (_tick: unknown, _args: unknown, context: BffContext) => `for ${context.viewer.kind}`,
          requestId: (_tick: unknown, _args: unknown, context: BffContext) => {
            seen.resolve.push(context);
            return context.requestId;
          },
        },
      },
    },
  ]);
  return inProcessSubscriber({ name: 'ticks', schema });
}

const subscription = (query: string, variables: Record<string, unknown> = {}): SubgraphSubscription => ({
  query,
  document: parse(query),
  variables,
});
const ticksQuery = /* GraphQL */ `subscription Ticks($label: String!) { ticks(label: $label) { n label requestId } }`;
/** The answer as a client reads it: errors formatted. */
const asJson = (answer: unknown): unknown => JSON.parse(JSON.stringify(answer));

describe('subscribeInProcess', () => {
  const bus = createEventBus();
  let seen: Seen;
  let eventCount: number;
  const eventContext = () => contextOf(user, `event-${(eventCount += 1)}`);
  const subscribe = async (request: SubgraphSubscription, viewer: Viewer = user) => {
    let unstall = () => {};
    const stalled = new Promise<void>((resolve) => (unstall = resolve));
    seen = { subscribe: [], resolve: [], streams: [], stalled, unstall, stalledEnded: false };
    eventCount = 0;
    return ticksSubgraph(bus, seen).subscribe(request, contextOf(viewer, 'subscribing'), eventContext);
  };
  const eventsOf = (answer: SubgraphEvents | GatewayGraphQLResponse): SubgraphEvents => {
    if (!isSubgraphEvents(answer)) throw new Error(`expected events, but got: ${JSON.stringify(answer)}`);
    return answer;
  };
  let opened: SubgraphEvents[] = [];
  afterEach(async () => {
    await Promise.all(
      opened.map(async (events) => {
        await events.return?.();
      }),
    );
    opened = [];
  });
  afterAll(() => bus.close());

  it('yields each event executed with a new context from eventContext(), the subscribe step with the request', async () => {
    const events = eventsOf(await subscribe(subscription(ticksQuery, { label: 'a' })));
    opened.push(events);
    await bus.publish('ticks', '1');
    await bus.publish('ticks', '2');
    expect(await events.next()).toEqual({
      value: { data: { ticks: { n: 1, label: 'for user', requestId: 'event-1' } } },
      done: false,
    });
    expect(await events.next()).toEqual({
      value: { data: { ticks: { n: 2, label: 'for user', requestId: 'event-2' } } },
      done: false,
    });
    expect(seen.subscribe.map((context) => context.requestId)).toEqual(['subscribing']);
    const [first, second] = seen.resolve;
    expect(seen.resolve.map((context) => context.requestId)).toEqual(['event-1', 'event-2']);
    expect(first).not.toBe(second);
  });

  it('answers a FORBIDDEN thrown by the subscribe resolver as the refusal, with its extensions', async () => {
    const answer = await subscribe(subscription(ticksQuery, { label: 'a' }), { kind: 'anonymous' });
    expect(isSubgraphEvents(answer)).toBe(false);
    expect(asJson(answer)).toEqual({
      errors: [
        {
          message: 'Sign in to watch ticks.',
          path: ['ticks'],
          extensions: { http: { status: 200 }, code: 'FORBIDDEN' },
        },
      ],
    });
    expect(seen.streams).toEqual([]);
  });

  it('answers an error returned by the subscribe resolver as the refusal', async () => {
    const answer = await subscribe(subscription(/* GraphQL */ `subscription { refusedByReturn { n } }`));
    expect(asJson(answer)).toEqual({
      errors: [
        {
          message: 'No ticks today.',
          locations: [{ line: 1, column: 16 }],
          path: ['refusedByReturn'],
          extensions: { code: 'TICKS_CLOSED' },
        },
      ],
    });
  });

  it('refuses an operation that is not valid for the subgraph without running its resolver', async () => {
    const answer = await subscribe(subscription(/* GraphQL */ `subscription { ticks(label: "a") { nope } }`));
    expect(asJson(answer)).toEqual({
      errors: [{ message: 'Cannot query field "nope" on type "Tick".', locations: [{ line: 1, column: 36 }] }],
    });
    expect(seen.subscribe).toEqual([]);
  });

  it('ends a pending next() at once on return(), and returns the source (its bus listener)', async () => {
    const events = eventsOf(await subscribe(subscription(ticksQuery, { label: 'a' })));
    const pending = events.next();
    expect(await events.return?.()).toEqual({ value: undefined, done: true });
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(seen.streams.map(({ returned }) => returned)).toEqual([true]);
    await bus.publish('ticks', '3');
    expect(await events.next()).toEqual({ value: undefined, done: true });
    expect(seen.resolve).toEqual([]);
  });

  it('ends a pending next() at once on return() even when the source cannot end before its next event', async () => {
    const events = eventsOf(await subscribe(subscription(/* GraphQL */ `subscription { stalled { n } }`)));
    const pending = events.next();
    expect(await events.return?.()).toEqual({ value: undefined, done: true });
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(seen.stalledEnded).toBe(false);
    seen.unstall();
    await expect.poll(() => seen.stalledEnded).toBe(true);
    expect(seen.resolve).toEqual([]);
  });

  it('ends with one DOWNSTREAM_SERVICE_ERROR event naming the service when the event stream fails', async () => {
    const events = eventsOf(await subscribe(subscription(/* GraphQL */ `subscription { failing { n } }`)));
    const failure = await events.next();
    expect(asJson(failure)).toEqual({
      value: {
        errors: [
          {
            message: downstreamServiceMessage('ticks'),
            extensions: { http: { status: 200 }, serviceName: 'ticks', code: 'DOWNSTREAM_SERVICE_ERROR' },
          },
        ],
      },
      done: false,
    });
    expect(await events.next()).toEqual({ value: undefined, done: true });
  });
});
