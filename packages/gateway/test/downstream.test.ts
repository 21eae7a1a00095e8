import { downstreamServiceMessage } from '@bff/gateway';
import { newestFirst, seedReviews } from '@bff/service-reviews';
import { startTestStack, viewerHeaders, type TestStack } from '@bff/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const newest100 = seedReviews().reviews.sort(newestFirst).slice(0, 100);
const distinctAuthors = new Set(newest100.map((review) => review.authorId));
const distinctUpcs = new Set(newest100.map((review) => review.productUpc));
const fanOut = {
  query: /* GraphQL */ `{ latestReviews(first: 100) { id author { username } product { name stock } } }`,
};
const idsOf = (call: string) => decodeURIComponent(/ids=(.*)$/.exec(call)![1]!).split(',');

describe('web BFF downstream calls', () => {
  let stack: TestStack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });
  const start = async (env: NodeJS.ProcessEnv = {}) => {
    stack = await startTestStack('web', env);
    return stack;
  };

  describe('batching and deduplication within a request', () => {
    it(`fetches ${distinctAuthors.size} authors of 100 reviews in one accounts call, and each of ${distinctUpcs.size} upcs once, at most the cap at a time`, async () => {
      const { bff, services } = await start({ WEB_BFF_REST_CONCURRENCY: '3' });
      const response = await bff.post(fanOut);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.latestReviews.map((review: { id: string }) => review.id)).toEqual(
        newest100.map((review) => review.id),
      );
      expect(services.calls.accounts).toHaveLength(1);
      expect(new Set(idsOf(services.calls.accounts[0]!))).toEqual(distinctAuthors);
      expect(new Set(services.calls.inventory)).toEqual(
        new Set([...distinctUpcs].map((upc) => `GET /inventory/${upc}`)),
      );
      expect(services.calls.inventory).toHaveLength(distinctUpcs.size);
      expect(services.maxInFlight.inventory).toBeLessThanOrEqual(3);
    });

    it('splits a batch at the configured batch size', async () => {
      const { bff, services } = await start({ WEB_BFF_REST_MAX_BATCH_SIZE: '25' });
      await bff.post(fanOut);
      expect(services.calls.accounts).toHaveLength(Math.ceil(distinctAuthors.size / 25));
      expect(services.calls.accounts.flatMap(idsOf).sort()).toEqual([...distinctAuthors].sort());
    });

    it('splits a batch further to keep each URL within the configured length', async () => {
      const { bff, services } = await start({ WEB_BFF_REST_MAX_URL_LENGTH: '300' });
      await bff.post(fanOut);
      const base = services.urls.accounts;
      expect(services.calls.accounts.length).toBeGreaterThan(1);
      for (const call of services.calls.accounts)
        expect(`${base}${call.slice('GET '.length)}`.length).toBeLessThanOrEqual(300);
      expect(services.calls.accounts.flatMap(idsOf).sort()).toEqual([...distinctAuthors].sort());
    });

    it('never fetches an id twice in a request, even across the entity fetches of different levels', async () => {
      const { bff, services } = await start();
      const response = await bff.post({
        query: /* GraphQL */ `{ user(id: "1") { name reviews(first: 5) { author { name } } } }`,
      });
      expect(response.body.errors).toBeUndefined();
      expect(services.calls.accounts).toEqual(['GET /users?ids=1']);
    });

    it('fails one key alone: a failing upc nulls its stock with an error on its path, the others are served', async () => {
      const { bff, services } = await start({ WEB_BFF_RETRY_MAX_ATTEMPTS: '1' });
      services.behave('inventory', { failWith: 500, only: ['GET /inventory/100139'] });
      const response = await bff.post({ query: /* GraphQL */ `{ topProducts(first: 3) { upc stock } }` });
      expect(
        response.body.data.topProducts.map((product: { upc: string; stock: number | null }) => [
          product.upc,
          product.stock === null,
        ]),
      ).toEqual([
        ['100084', false],
        ['100139', true],
        ['100028', false],
      ]);
      expect(response.body.errors).toEqual([
        {
          message: downstreamServiceMessage('inventory'),
          path: ['topProducts', 1],
          extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'inventory' },
        },
      ]);
    });

    it('answers a reference to a user that does not exist with NOT_FOUND on that path only', async () => {
      const { bff } = await start();
      const staff = viewerHeaders('web').staff;
      const created = await bff.post(
        {
          query: /* GraphQL */ `mutation { createOrder(input: { buyerId: "999", lines: [{ upc: "100001", quantity: 1 }] }) { id } }`,
        },
        staff,
      );
      const orderId: string = created.body.data.createOrder.id;
      const response = await bff.post(
        { query: /* GraphQL */ `{ order(id: "${orderId}") { id buyer { username } } product(upc: "100001") { upc } }` },
        staff,
      );
      expect(response.body).toEqual({
        data: { order: null, product: { upc: '100001' } },
        errors: [
          {
            message: 'User 999 was not found.',
            path: ['order', 'buyer'],
            extensions: { code: 'NOT_FOUND', serviceName: 'accounts' },
          },
        ],
      });
    });
  });

  describe('sharing fetches between concurrent requests', () => {
    const top = { query: /* GraphQL */ `{ topProducts(first: 3) { name } }` };

    it('sends an operation that needs one subgraph to it as one fetch, as the client wrote it', async () => {
      const { bff, services } = await start();
      const operation = {
        query: /* GraphQL */ `query Top($n: Int) { best: topProducts(first: $n) { name ...Price } } fragment Price on Product { price }`,
        variables: { n: 2 },
        operationName: 'Top',
      };
      const response = await bff.post(operation, { 'x-request-id': 'proxied-1' });
      expect(response.body.data.best).toHaveLength(2);
      expect(services.calls.products).toEqual(['POST /graphql']);
      expect(services.bodies.products).toEqual([operation]);
      const {
        host: _host,
        connection: _connection,
        'content-length': _length,
        ...received
      } = services.headers.products[0]!;
      // The request id and the viewer, and nothing of the client's; no Accept (JSON is every GraphQL server's default).
      expect(received).toEqual({
        'content-type': 'application/json',
        'x-request-id': 'proxied-1',
        'x-client-name': 'web',
      });
    });

    it('lets the planner shape operations over several subgraphs', async () => {
      const { bff, services } = await start();
      await bff.post({ query: /* GraphQL */ `{ topProducts(first: 2) { name averageRating } }` });
      expect(services.bodies.products).toEqual([
        { query: '{topProducts(first:2){__typename upc name}}', variables: {} },
      ]);
    });

    it('shares one subgraph fetch among identical concurrent queries of the same viewer', async () => {
      const { bff, services } = await start();
      services.behave('products', { delayMs: 150 });
      const responses = await Promise.all([1, 2, 3, 4, 5].map(() => bff.post(top)));
      expect(new Set(responses.map((response) => JSON.stringify(response.body))).size).toBe(1);
      expect(responses[0]!.body.data.topProducts).toHaveLength(3);
      expect(services.calls.products).toEqual(['POST /graphql']);
    });

    it('shares identical REST GETs of concurrent requests behind a connector too', async () => {
      const { bff, services } = await start();
      services.behave('inventory', { delayMs: 150 });
      const stock = { query: /* GraphQL */ `{ product(upc: "100001") { stock } }` };
      const responses = await Promise.all([1, 2, 3, 4].map(() => bff.post(stock)));
      expect(responses.map((response) => response.body)).toEqual(
        [1, 2, 3, 4].map(() => ({ data: { product: { stock: 105 } } })),
      );
      expect(services.calls.inventory).toEqual(['GET /inventory/100001']);
    });

    it('does not share between viewers, nor when sharing is off', async () => {
      const { bff, services } = await start({ WEB_BFF_DEDUPE: 'off' });
      services.behave('products', { delayMs: 150 });
      await Promise.all([1, 2, 3].map(() => bff.post(top)));
      expect(services.calls.products).toHaveLength(3);
      await stack?.close();
      const shared = await start();
      shared.services.behave('products', { delayMs: 150 });
      const as = viewerHeaders('web');
      await Promise.all([as.customer, as.otherCustomer, as.customer].map((headers) => shared.bff.post(top, headers)));
      expect(shared.services.calls.products).toHaveLength(2);
    });
  });

  describe('retries', () => {
    it('retries a failed idempotent call once, honouring Retry-After', async () => {
      const { bff, services } = await start();
      services.behave('inventory', { failWith: 503, retryAfter: '0' });
      const response = await bff.post({ query: /* GraphQL */ `{ product(upc: "100001") { name stock } }` });
      expect(services.calls.inventory).toEqual(['GET /inventory/100001', 'GET /inventory/100001']);
      expect(response.body.data.product.stock).toBeNull();
      expect(response.body.errors[0].extensions).toEqual({
        code: 'DOWNSTREAM_SERVICE_ERROR',
        serviceName: 'inventory',
      });
    });

    it('never retries a mutation', async () => {
      const { bff, services } = await start();
      services.behave('orders', { failWith: 503, retryAfter: '0' });
      const response = await bff.post(
        {
          query: /* GraphQL */ `mutation { createOrder(input: { buyerId: "1", lines: [{ upc: "100001", quantity: 1 }] }) { id } }`,
        },
        viewerHeaders('web').customer,
      );
      expect(services.calls.orders).toEqual(['POST /orders']);
      expect(response.body).toEqual({
        data: null,
        errors: [
          {
            message: downstreamServiceMessage('orders'),
            path: ['createOrder'],
            extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'orders' },
          },
        ],
      });
    });
  });

  describe('time', () => {
    it("answers with the other services' data when one hits its timeout", async () => {
      const { bff, services } = await start({ WEB_BFF_TIMEOUT_REVIEWS_MS: '100' });
      services.behave('reviews', { delayMs: 1_000 });
      const response = await bff.post({
        query: /* GraphQL */ `{ product(upc: "100001") { name stock averageRating } }`,
      });
      expect(response.body.data.product).toEqual({ name: expect.any(String), stock: 105, averageRating: null });
      expect(response.body.errors).toEqual([
        {
          message:
            'The reviews service did not answer in time; the fields it provides are null in this response. ' +
            'Retry later.',
          extensions: { code: 'DOWNSTREAM_TIMEOUT', serviceName: 'reviews' },
        },
      ]);
    });

    it('bounds every call by what is left of the request deadline', async () => {
      const { bff, services } = await start({ WEB_BFF_REQUEST_DEADLINE_MS: '150' });
      services.behave('inventory', { delayMs: 1_000 });
      const response = await bff.post({ query: /* GraphQL */ `{ product(upc: "100001") { name stock } }` });
      expect(response.body.data.product.stock).toBeNull();
      expect(response.body.errors[0].extensions).toEqual({ code: 'DOWNSTREAM_TIMEOUT', serviceName: 'inventory' });
    });
  });

  describe('circuit breaker', () => {
    it('opens after the threshold, fails fast without calling the service, and closes after a successful probe', async () => {
      const { bff, services } = await start({
        WEB_BFF_BREAKER_THRESHOLD: '3',
        WEB_BFF_BREAKER_HALF_OPEN_MS: '200',
        WEB_BFF_RETRY_MAX_ATTEMPTS: '1',
      });
      const stock = { query: /* GraphQL */ `{ product(upc: "100001") { stock } }` };
      services.behave('inventory', { failWith: 500 });
      for (let call = 0; call < 3; call += 1) await bff.post(stock);
      expect(services.calls.inventory).toHaveLength(3);
      const failedFast = await bff.post(stock);
      expect(services.calls.inventory).toHaveLength(3);
      expect(failedFast.body.errors).toEqual([
        {
          message:
            'The inventory service is unavailable (its circuit breaker is open); ' +
            'the fields it provides are null in this response. Retry later.',
          path: ['product'],
          extensions: { code: 'DOWNSTREAM_UNAVAILABLE', serviceName: 'inventory' },
        },
      ]);
      services.behave('inventory', {});
      await sleep(250);
      expect((await bff.post(stock)).body).toEqual({ data: { product: { stock: 105 } } });
      expect((await bff.post(stock)).body).toEqual({ data: { product: { stock: 105 } } });
      expect(services.calls.inventory).toHaveLength(5);
    });
  });
});

describe('web BFF', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());

  it('fetches every author of a page with one batched call to accounts, and inventory once per distinct upc', async () => {
    stack.services.resetCalls();
    const response = await stack.bff.post({
      query: /* GraphQL */ `{ productPage(upc: "100002") { product { inStock reviews(first: 20) { author { username } product { upc inStock } } } } }`,
    });
    expect(response.body.errors).toBeUndefined();
    expect(stack.services.calls.accounts).toHaveLength(1);
    const [, requestedIds] = /^GET \/users\?ids=(.+)$/.exec(stack.services.calls.accounts[0]!)!;
    const expectedIds = new Set(
      newestReviewsOf('100002')
        .slice(0, 20)
        .map((review) => review.authorId),
    );
    expect(new Set(decodeURIComponent(requestedIds!).split(','))).toEqual(expectedIds);
    // The page's product and each review's product are the same upc: inventory is asked once.
    expect(stack.services.calls.inventory).toEqual(['GET /inventory/100002']);
  });
});

/** The reviews of a product, newest first, as the reviews subgraph orders them. */
function newestReviewsOf(upc: string) {
  return seedReviews()
    .reviews.filter((review) => review.productUpc === upc)
    .sort(newestFirst);
}
