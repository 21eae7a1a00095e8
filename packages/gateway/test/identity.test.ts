import { seedProducts } from '@bff/service-products';
import { startServices, startTestBff, viewerHeaders, type RunningServices, type TestBff } from '@bff/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const as = viewerHeaders('web');
const [product] = seedProducts();
const productQuery = /* GraphQL */ `{ product(upc: "${product!.upc}") { upc name } }`;

/** The identity headers a service received with one call (the request id aside). */
const identityOf = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => /^x-(user-id|user-roles|client-name)$/.test(name)));

describe('identity headers per service (<P>IDENTITY_<NAME>)', () => {
  let services: RunningServices;
  let scoped: TestBff;
  let everyIdentity: TestBff;
  beforeAll(async () => {
    services = await startServices();
    [scoped, everyIdentity] = await Promise.all([
      startTestBff('web', services, { WEB_BFF_IDENTITY_PRODUCTS: 'none', WEB_BFF_IDENTITY_INVENTORY: 'client' }),
      startTestBff('web', services),
    ]);
  });
  afterAll(async () => {
    await Promise.all([scoped?.stop(), everyIdentity?.stop()]);
    await services?.close();
  });
  beforeEach(() => {
    services.resetCalls();
    services.behave('products', {});
  });

  it('shares one call among concurrent viewers of a subgraph that receives no identity, each viewer its answer', async () => {
    services.behave('products', { delayMs: 150 });
    const answers = await Promise.all([
      scoped.post({ query: productQuery }, as.customer),
      scoped.post({ query: productQuery }, as.staff),
    ]);
    const expected = { data: { product: { upc: product!.upc, name: product!.name } } };
    expect(answers.map((answer) => answer.body)).toEqual([expected, expected]);
    expect(services.calls.products).toEqual(['POST /graphql']);
    expect(identityOf(services.headers.products[0]!)).toEqual({});
    expect(services.headers.products[0]!['x-request-id']).toEqual(expect.any(String));
  });

  it('sends every viewer its own call, with its identity, to a subgraph left at the default (all)', async () => {
    services.behave('products', { delayMs: 150 });
    await Promise.all([
      everyIdentity.post({ query: productQuery }, as.customer),
      everyIdentity.post({ query: productQuery }, as.staff),
    ]);
    expect(services.calls.products).toEqual(['POST /graphql', 'POST /graphql']);
    expect(
      services.headers.products
        .map(identityOf)
        .sort((a, b) => String(a['x-user-id']).localeCompare(String(b['x-user-id']))),
    ).toEqual([
      { 'x-user-id': '1', 'x-user-roles': 'customer', 'x-client-name': 'web' },
      { 'x-user-id': '250', 'x-user-roles': 'staff', 'x-client-name': 'web' },
    ]);
  });

  it('sends a REST service through a connector only the parts of the viewer it is configured to receive', async () => {
    const response = await scoped.post(
      { query: /* GraphQL */ `{ product(upc: "${product!.upc}") { stock } }` },
      as.customer,
    );
    expect(response.body).toEqual({ data: { product: { stock: expect.any(Number) } } });
    expect(services.headers.inventory.length).toBeGreaterThan(0);
    for (const headers of services.headers.inventory) expect(identityOf(headers)).toEqual({ 'x-client-name': 'web' });
  });
});
