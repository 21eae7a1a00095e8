import {
  createDownstream,
  createEventBus,
  createHttpFetcher,
  readConfig,
  type BffContext,
  type EventBus,
  type EventStream,
  type Viewer,
} from '@bff/gateway';
import { createOrdersApp, orderStatusChannel as servicesChannel } from '@bff/service-orders';
import { listenOnFreePort, startRedisServer, type RunningServer } from '@bff/testing';
import { parse, subscribe, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrdersSubgraph } from './createOrdersSubgraph.js';
import { orderStatusChannel } from './orderStatusChanges.js';

const changedAt = '2026-07-01T12:00:00.000Z';
const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };
const user = (id: string, roles: string[]): Viewer => ({ kind: 'user', id, roles, scopes: [], clientId: undefined });
const viewers = {
  anonymous: { kind: 'anonymous' },
  buyer: user('1', ['customer']),
  otherCustomer: user('2', ['customer']),
  staff: user('250', ['staff']),
} satisfies Record<string, Viewer>;

type Events = AsyncGenerator<ExecutionResult, void, void>;

/**
 * The orders connector as a BFF builds it (pooled fetch, downstream policies, the kit's bus), over a real orders
 * service on a free port publishing on `serviceEvents`, with a fixed clock. Every stream the connector opens is kept
 * in `opened`, to see that it ends; every request the service receives, in `calls`.
 */
async function startOrdersConnector(kitEvents: EventBus, serviceEvents: EventBus = kitEvents) {
  const app = await createOrdersApp({ events: serviceEvents, now: () => new Date(changedAt) });
  const calls: string[] = [];
  app.addHook('onRequest', async (request) => void calls.push(`${request.method} ${request.url}`));
  const orders: RunningServer = await listenOnFreePort(app);
  const config = readConfig({ NODE_ENV: 'test', TEST_SERVICE_ORDERS_URL: orders.url }, 'TEST_', {
    name: 'test',
    port: 0,
    supergraphFile: 'unused.graphql',
    auth: { issuer: 'test', audience: 'test', developmentSecret: 'test-secret-of-at-least-32-characters' },
  });
  const pool = createHttpFetcher();
  const opened: EventStream[] = [];
  const { schema } = createOrdersSubgraph({
    fetch: pool.fetch,
    serviceUrls: config.serviceUrls,
    subgraphUrls: {},
    logger: quietLogger,
    downstream: createDownstream({ config: config.downstream, defaultTimeoutMs: 5_000, logger: quietLogger }),
    rest: { ...config.downstream, dedupe: false },
    countDroppedEvent: () => undefined,
    events: {
      ...kitEvents,
      stream: (channel, options) => {
        const stream = kitEvents.stream(channel, options);
        opened.push(stream);
        return stream;
      },
    },
  });
  const advance = async (orderId: string) =>
    expect((await fetch(`${orders.url}/orders/${orderId}/advance`, { method: 'POST' })).status).toBe(200);
  const close = async () => {
    await orders.close();
    await pool.close();
  };
  return { schema, calls, opened, advance, close };
}

/** graphql-js's subscribe on the subgraph schema, as `viewer`; `fragments` are appended to the document. */
const subscribeAs = (schema: GraphQLSchema, viewer: Viewer, orderId: string, selection: string, fragments = '') =>
  subscribe({
    schema,
    document: parse(
      /* GraphQL */ `subscription ($orderId: ID!) { orderStatusChanged(orderId: $orderId) ${selection} } ${fragments}`,
    ),
    variableValues: { orderId },
    contextValue: { requestId: 'r1', bffName: 'test', viewer, deadline: Date.now() + 60_000 } satisfies BffContext,
  });

const eventsOf = async (subscribing: ReturnType<typeof subscribeAs>): Promise<Events> => {
  const result = await subscribing;
  if (!(Symbol.asyncIterator in result)) throw new Error(`expected events, but got: ${JSON.stringify(result)}`);
  return result;
};

const change = (status: string, order: object) => ({
  data: { orderStatusChanged: { status, changedAt, order: { id: 'o1', ...order } } },
});

describe('orders connector: orderStatusChanged', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const start = async (kitEvents: EventBus, serviceEvents?: EventBus) => {
    const connector = await startOrdersConnector(kitEvents, serviceEvents);
    cleanups.push(connector.close);
    return connector;
  };
  const inProcessBus = () => {
    const bus = createEventBus();
    cleanups.push(() => bus.close());
    return bus;
  };

  it('publishes on the channel the orders service publishes on', () => {
    expect(orderStatusChannel).toBe(servicesChannel);
  });

  it("yields each change of the watched order in order, none of another order's, and the whole order on demand", async () => {
    const connector = await start(inProcessBus());
    const events = await eventsOf(
      subscribeAs(
        connector.schema,
        viewers.buyer,
        'o1',
        '{ status changedAt order { id status createdAt itemCount buyer { id } } }',
      ),
    );
    await connector.advance('o2');
    await connector.advance('o1');
    await connector.advance('o3');
    await connector.advance('o1');
    await connector.advance('o1');
    const whole = { createdAt: '2026-05-20T17:26:23.000Z', itemCount: 10, buyer: { id: '1' } };
    expect(await events.next()).toEqual({ value: change('PACKED', { status: 'PACKED', ...whole }), done: false });
    expect(await events.next()).toEqual({ value: change('SHIPPED', { status: 'SHIPPED', ...whole }), done: false });
    expect(await events.next()).toEqual({ value: change('DELIVERED', { status: 'DELIVERED', ...whole }), done: false });
    // The order is fetched once to authorize the buyer, then once per event: its createdAt and lines are not in it.
    expect(connector.calls.filter((call) => call.startsWith('GET'))).toEqual(Array(4).fill('GET /orders/o1'));
    await events.return();
  });

  it("answers the order's id, status and buyer from the event alone, calling the service for none of them", async () => {
    const connector = await start(inProcessBus());
    const events = await eventsOf(
      subscribeAs(
        connector.schema,
        viewers.staff,
        'o1',
        '{ status order { __typename ... on Order { id } ...buyerOf } }',
        /* GraphQL */ `fragment buyerOf on Order { buyer { id } status }`,
      ),
    );
    await connector.advance('o1');
    expect(await events.next()).toEqual({
      value: {
        data: {
          orderStatusChanged: {
            status: 'PACKED',
            order: { __typename: 'Order', id: 'o1', buyer: { id: '1' }, status: 'PACKED' },
          },
        },
      },
      done: false,
    });
    // Staff are not checked against the buyer: no call at all.
    expect(connector.calls).toEqual(['POST /orders/o1/advance']);
    await events.return();
  });

  it('ends the bus stream on return(), a pending next() included, and keeps nothing published after', async () => {
    const bus = inProcessBus();
    const connector = await start(bus);
    const events = await eventsOf(subscribeAs(connector.schema, viewers.buyer, 'o1', '{ status }'));
    const pending = events.next();
    expect(await events.return()).toEqual({ value: undefined, done: true });
    expect(await pending).toEqual({ value: undefined, done: true });
    const [stream] = connector.opened;
    expect(connector.opened).toHaveLength(1);
    expect(await stream!.next()).toEqual({ value: undefined, done: true });
    await connector.advance('o1');
    expect(await events.next()).toEqual({ value: undefined, done: true });
  });

  it('ends when the bus closes', async () => {
    const bus = createEventBus();
    const connector = await start(bus);
    const events = await eventsOf(subscribeAs(connector.schema, viewers.buyer, 'o1', '{ status }'));
    const pending = events.next();
    await bus.close();
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it("receives another process's changes through Redis, and unsubscribes from Redis on return()", async () => {
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    const [kitBus, serviceBus] = [createEventBus({ redisUrl: redis.url }), createEventBus({ redisUrl: redis.url })];
    cleanups.push(
      () => kitBus.close(),
      () => serviceBus.close(),
    );
    const admin = new Redis(redis.url);
    cleanups.push(async () => admin.disconnect());
    const subscribers = async () => (await admin.pubsub('NUMSUB', orderStatusChannel))[1];
    const connector = await start(kitBus, serviceBus);
    const events = await eventsOf(subscribeAs(connector.schema, viewers.buyer, 'o1', '{ status changedAt }'));
    // Subscribed in Redis before subscribe resolved: the change right after it is not lost.
    expect(await subscribers()).toBe(1);
    await connector.advance('o1');
    expect(await events.next()).toEqual({
      value: { data: { orderStatusChanged: { status: 'PACKED', changedAt } } },
      done: false,
    });
    await events.return();
    for (let attempt = 0; attempt < 50 && (await subscribers()) !== 0; attempt += 1) await sleep(10);
    expect(await subscribers()).toBe(0);
  });

  describe('who may subscribe', () => {
    const denied = {
      errors: [
        {
          message: 'Not allowed to subscribe to orderStatusChanged.',
          path: ['orderStatusChanged'],
          extensions: { code: 'FORBIDDEN', http: { status: 200 } },
        },
      ],
    };

    it.each([
      ['the buyer', viewers.buyer, 'o1'],
      ["staff to another's order", viewers.staff, 'o2'],
      ['staff to an order that does not exist', viewers.staff, 'o999'],
    ])('subscribes %s', async (_who, viewer, orderId) => {
      const connector = await start(inProcessBus());
      const events = await eventsOf(subscribeAs(connector.schema, viewer, orderId, '{ status }'));
      await events.return();
      expect(connector.opened).toHaveLength(1);
    });

    it.each([
      ['another customer', viewers.otherCustomer, 'o1'],
      ["a customer to an order that does not exist, as to another's", viewers.buyer, 'o999'],
      ['an anonymous viewer', viewers.anonymous, 'o1'],
    ])('refuses %s with FORBIDDEN before listening to any event', async (_who, viewer, orderId) => {
      const connector = await start(inProcessBus());
      const result = await subscribeAs(connector.schema, viewer, orderId, '{ status }');
      expect(JSON.parse(JSON.stringify(result))).toEqual(denied);
      expect(connector.opened).toEqual([]);
    });
  });
});
