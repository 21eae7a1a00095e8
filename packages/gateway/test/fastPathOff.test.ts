import { seedProducts } from '@bff/service-products';
import { startServices, startTestBff, viewerHeaders, type RunningServices, type TestBff } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const as = viewerHeaders('web');
const [product1, product2] = seedProducts();

/** Operations over every kind of subgraph of the web BFF: remote GraphQL, in-process connectors, view models. */
const operations: readonly {
  readonly name: string;
  readonly query: string;
  readonly viewer: Record<string, string>;
}[] = [
  {
    name: 'single subgraph',
    query: /* GraphQL */ `{ topProducts(first: 3) { upc name price } }`,
    viewer: as.anonymous,
  },
  {
    name: 'product page over four services',
    query: /* GraphQL */ `{ productPage(upc: "${product1!.upc}") { product { name displayPrice stock inStock shippingEstimate { days } reviews(first: 2) { rating author { name } } } } }`,
    viewer: as.anonymous,
  },
  {
    name: 'a user with orders, as that user',
    query: /* GraphQL */ `{ user(id: "1") { id name email orders { id lines { quantity product { upc name } } } } }`,
    viewer: as.customer,
  },
  {
    name: 'a field a rule denies, beside allowed ones',
    query: /* GraphQL */ `{ product(upc: "${product2!.upc}") { name reviews(first: 2) { author { name email } } } }`,
    viewer: as.anonymous,
  },
];

// PLAN_EXECUTOR=apollo turns the whole fast path off (stock executor, graphql-js in-process
// subgraphs, undici fetch): the web BFF must answer the same, headers included, either way.
describe('web BFF with the fast path off (<P>PLAN_EXECUTOR=apollo)', () => {
  let services: RunningServices;
  let fast: TestBff;
  let stock: TestBff;
  beforeAll(async () => {
    services = await startServices();
    [fast, stock] = await Promise.all([
      startTestBff('web', services),
      startTestBff('web', services, { WEB_BFF_PLAN_EXECUTOR: 'apollo' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([fast?.stop(), stock?.stop()]);
    await services?.close();
  });

  it.each(operations)('answers $name as with the fast path on, cache policy included', async ({ query, viewer }) => {
    const [on, off] = await Promise.all([fast.post({ query }, viewer), stock.post({ query }, viewer)]);
    expect(on.status).toBe(200);
    expect(on.body.data).toEqual(expect.any(Object));
    expect(off.body).toEqual(on.body);
    expect(off.status).toBe(on.status);
    expect(off.headers.get('cache-control')).toBe(on.headers.get('cache-control'));
  });
});
