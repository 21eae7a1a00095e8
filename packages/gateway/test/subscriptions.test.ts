import { seedOrders } from '@bff/service-orders';
import { seedProducts } from '@bff/service-products';
import { parse } from 'graphql';
import {
  createApolloTestClient,
  forbiddenError,
  signTestToken,
  startServices,
  startTestStack,
  startTestBff,
  subscribeMultipart,
  viewerHeaders,
  type RunningServices,
  type TestBff,
} from '@bff/testing';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

const as = viewerHeaders('mobile');
// An order of user 1 (the customer viewer), and another one (watched by staff); each describe has its own services.
const order = seedOrders().find((candidate) => candidate.buyerId === '1');
const secondOrder = seedOrders().find((candidate) => candidate.id !== order?.id);
if (!order || !secondOrder) throw new Error('the orders seed has no order of user 1, or no other');
const productNames = new Map(seedProducts().map((product) => [product.upc, product.name]));

const watch = /* GraphQL */ `
  subscription Watch($id: ID!) {
    orderStatusChanged(orderId: $id) {
      status
      order {
        id
        status
        lines {
          quantity
          product {
            upc
            name
          }
        }
      }
    }
  }
`;

describe('subscriptions over multipart HTTP', () => {
  let services: RunningServices;
  let bff: TestBff;
  beforeAll(async () => {
    services = await startServices();
    bff = await startTestBff('mobile', services, { MOBILE_BFF_METRICS: 'on' });
  });
  afterAll(async () => {
    await bff?.stop();
    await services?.close();
  });

  const advance = (id: string) => fetch(`${services.urls.orders}/orders/${id}/advance`, { method: 'POST' });
  /** The next part that is not a heartbeat. */
  const nextEvent = async (subscription: Awaited<ReturnType<typeof subscribeMultipart>>) => {
    for (;;) {
      const part = await subscription.next();
      if (!part || Object.keys(part).length > 0) return part;
    }
  };

  it("streams each status change of the buyer's order, with the rest of the selection from other services", async () => {
    await using subscription = await subscribeMultipart(
      `${bff.url}/graphql`,
      { query: watch, variables: { id: order.id } },
      as.customer,
    );
    expect(subscription.status).toBe(200);
    expect(subscription.contentType).toBe('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"');
    const lines = order.lines.map(({ upc, quantity }) => ({
      quantity,
      product: { upc, name: productNames.get(upc) },
    }));
    for (const status of ['PACKED', 'SHIPPED']) {
      expect((await advance(order.id)).status).toBe(200);
      expect(await nextEvent(subscription)).toEqual({
        payload: { data: { orderStatusChanged: { status, order: { id: order.id, status, lines } } } },
      });
    }
  });

  it("reaches the real Apollo Client 4's multipart subscriptions", async () => {
    const client = createApolloTestClient({
      url: `${bff.url}/graphql`,
      token: signTestToken('mobile', { sub: '250', roles: ['staff'] }),
    });
    const received = new Promise<unknown>((resolve, reject) => {
      const subscription = client
        .subscribe({ query: parse(watch), variables: { id: secondOrder.id }, fetchPolicy: 'no-cache' })
        .subscribe({
          next: (result) => {
            subscription.unsubscribe();
            resolve(result.data);
          },
          error: reject,
        });
    });
    await expect.poll(() => activeSubscriptions(bff.url)).toBe(1);
    expect((await advance(secondOrder.id)).status).toBe(200);
    expect(await received).toEqual({
      orderStatusChanged: {
        __typename: 'OrderStatusChange',
        status: 'PACKED',
        order: {
          __typename: 'Order',
          id: secondOrder.id,
          status: 'PACKED',
          lines: secondOrder.lines.map(({ upc, quantity }) => ({
            __typename: 'OrderLine',
            quantity,
            product: { __typename: 'Product', upc, name: productNames.get(upc) },
          })),
        },
      },
    });
    await expect.poll(() => activeSubscriptions(bff.url)).toBe(0);
  });

  it("refuses another customer's order at subscribe time: FORBIDDEN, no stream", async () => {
    const subscription = await subscribeMultipart(
      `${bff.url}/graphql`,
      { query: watch, variables: { id: order.id } },
      as.otherCustomer,
    );
    expect(subscription.refusal).toEqual({
      errors: [
        {
          message: 'Not allowed to subscribe to orderStatusChanged.',
          path: ['orderStatusChanged'],
          extensions: { code: 'FORBIDDEN', serviceName: 'orders' },
        },
      ],
    });
  });

  it('refuses a subscription to a client that cannot take its events: 406 NOT_ACCEPTABLE', async () => {
    const response = await bff.post({ query: watch, variables: { id: order.id } }, as.customer);
    expect(response.status).toBe(406);
    expect(response.body).toEqual({
      errors: [
        {
          message:
            'Subscriptions are served over GraphQL over WebSocket (graphql-transport-ws), or over HTTP to a request ' +
            'that accepts multipart/mixed;subscriptionSpec="1.0".',
          extensions: { code: 'NOT_ACCEPTABLE' },
        },
      ],
    });
  });

  it('counts open subscriptions and delivered events on /metrics, and forgets a subscriber that left', async () => {
    const metric = async (name: string) => {
      const text = await (await fetch(`${bff.url}/metrics`)).text();
      return Number(new RegExp(`^${name}\\{bff="mobile"\\} (\\d+)`, 'm').exec(text)?.[1]);
    };
    const before = await metric('bff_subscription_events_total');
    const subscription = await subscribeMultipart(
      `${bff.url}/graphql`,
      { query: watch, variables: { id: secondOrder.id } },
      as.staff,
    );
    expect(await metric('bff_subscriptions_active')).toBe(1);
    await advance(secondOrder.id);
    expect(await nextEvent(subscription)).toMatchObject({ payload: { data: { orderStatusChanged: {} } } });
    expect(await metric('bff_subscription_events_total')).toBe(before + 1);
    expect(await metric('bff_subscription_events_dropped_total')).toBe(0);
    subscription.close();
    await expect.poll(() => metric('bff_subscriptions_active')).toBe(0);
  });
});

describe('subscriptions over GraphQL over WebSocket', () => {
  let services: RunningServices;
  let bff: TestBff;
  const clients: Client[] = [];
  beforeAll(async () => {
    services = await startServices();
    bff = await startTestBff('mobile', services, { MOBILE_BFF_METRICS: 'on' });
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await bff?.stop();
    await services?.close();
  });

  const connect = (authorization?: string) => {
    const client = createClient({
      url: `${bff.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      ...(authorization && { connectionParams: { authorization } }),
    });
    clients.push(client);
    return client;
  };
  const advance = (id: string) => fetch(`${services.urls.orders}/orders/${id}/advance`, { method: 'POST' });

  it("streams the status changes of the buyer's order, authenticated once by connection_init", async () => {
    const client = connect(as.customer.authorization);
    const events = client.iterate({ query: watch, variables: { id: order.id } });
    const first = events.next();
    // Subscribed once /metrics counts it: only then is the change made, so that it cannot be missed.
    await expect.poll(() => activeSubscriptions(bff.url)).toBe(1);
    expect((await advance(order.id)).status).toBe(200);
    const { value } = await first;
    const status = 'PACKED';
    expect(value).toEqual({
      data: {
        orderStatusChanged: {
          status,
          order: {
            id: order.id,
            status,
            lines: order.lines.map(({ upc, quantity }) => ({
              quantity,
              product: { upc, name: productNames.get(upc) },
            })),
          },
        },
      },
    });
    await events.return?.();
  });

  it('answers a subscriber who may not watch the order with FORBIDDEN as the error of the subscription', async () => {
    const client = connect(as.otherCustomer.authorization);
    await expect(client.iterate({ query: watch, variables: { id: order.id } }).next()).rejects.toEqual([
      {
        message: 'Not allowed to subscribe to orderStatusChanged.',
        path: ['orderStatusChanged'],
        extensions: { code: 'FORBIDDEN', serviceName: 'orders' },
      },
    ]);
  });

  it('closes a connection whose token is bad with 4403, before any operation', async () => {
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `${bff.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        // The close is what this test reads; graphql-ws would also print it.
        onNonLazyError: () => undefined,
        connectionParams: { authorization: 'Bearer not-a-token' },
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      clients.push(client);
    });
    expect(await closed).toBe(4403);
  });
});

describe.each(['web', 'mobile'] as const)('the %s BFF rule of Subscription.orderStatusChanged', (client) => {
  // Signed-in viewers pass the rule; the orders connector then lets only the buyer and staff subscribe.
  it('refuses an anonymous subscriber with FORBIDDEN, its errors alone, before any service is called', async () => {
    await using stack = await startTestStack(client);
    const subscription = await subscribeMultipart(`${stack.bff.url}/graphql`, {
      query: /* GraphQL */ `subscription { orderStatusChanged(orderId: "o1") { status order { id } } }`,
    });
    expect(subscription.refusal).toEqual({ errors: [forbiddenError('Sign in to see this.', ['orderStatusChanged'])] });
    expect(Object.values(stack.services.calls).flat()).toEqual([]);
  });
});

describe('subscriptions when the BFF shuts down', () => {
  it('tells every subscriber to subscribe again: a SHUTTING_DOWN transport error (multipart), close 1012 (WebSocket)', async () => {
    await using services = await startServices();
    const bff = await startTestBff('mobile', services);
    const client = createClient({
      url: `${bff.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: as.staff.authorization },
    });
    const closeCode = new Promise<number>((resolve) => {
      client.on('closed', (event) => resolve((event as { code: number }).code));
    });
    const overWebSocket = client.iterate({ query: watch, variables: { id: order.id } });
    // The socket's close ends the pending event with the close event: kept, not left unhandled.
    const pendingEvent = overWebSocket.next().catch((closed: unknown) => closed);
    const multipart = await subscribeMultipart(
      `${bff.url}/graphql`,
      { query: watch, variables: { id: order.id } },
      as.staff,
    );
    expect(multipart.status).toBe(200);
    await bff.stop();
    let last: Record<string, unknown> | undefined;
    for (let part = await multipart.next(); part; part = await multipart.next()) last = part;
    expect(last).toEqual({
      payload: null,
      errors: [{ message: 'The BFF is shutting down: subscribe again.', extensions: { code: 'SHUTTING_DOWN' } }],
    });
    expect(await closeCode).toBe(1012);
    expect(await pendingEvent).toMatchObject({ code: 1012 });
    await client.dispose();
  });
});

async function activeSubscriptions(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^bff_subscriptions_active\{bff="mobile"\} (\d+)/m.exec(text)?.[1]);
}
