import { downstreamServiceMessage } from '@bff/gateway';
import { seedProducts } from '@bff/service-products';
import { startTestStack, type ServiceName, type TestStack } from '@bff/testing';
import { afterEach, describe, expect, it } from 'vitest';

const pageQuery = /* GraphQL */ `
  {
    productPage(upc: "100001") {
      product { name averageRating reviews(first: 2) { id author { username } } stock }
    }
  }
`;
const product100001 = seedProducts()[0]!;

describe('web BFF with a service down', () => {
  let stack: TestStack | undefined;
  afterEach(() => stack?.close());

  async function startWithout(name: ServiceName) {
    stack = await startTestStack('web');
    await stack.services.stop(name);
    return stack.bff;
  }

  it('answers without a remote subgraph (reviews): its fields null, one error naming it, the rest kept', async () => {
    const bff = await startWithout('reviews');
    const response = await bff.post({ query: pageQuery });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { productPage: { product: { name: product100001.name, averageRating: null, reviews: null, stock: 105 } } },
      errors: [
        {
          message: downstreamServiceMessage('reviews'),
          extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'reviews' },
        },
      ],
    });
  });

  it('answers without a REST service behind a connector (inventory): stock null, error on the product path', async () => {
    const bff = await startWithout('inventory');
    const response = await bff.post({
      query: /* GraphQL */ `{ productPage(upc: "100001") { product { name stock inStock shippingEstimate { days } } } }`,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        productPage: { product: { name: product100001.name, stock: null, inStock: null, shippingEstimate: null } },
      },
      errors: [
        {
          message: downstreamServiceMessage('inventory'),
          path: ['productPage', 'product'],
          extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'inventory' },
        },
      ],
    });
  });

  it('answers without accounts: each author null propagates to its nullable list, with an error per author', async () => {
    const bff = await startWithout('accounts');
    const response = await bff.post({ query: pageQuery });
    expect(response.body.data).toEqual({
      productPage: { product: { name: product100001.name, averageRating: 3.67, reviews: null, stock: 105 } },
    });
    expect(response.body.errors).toEqual(
      [0, 1].map((index) => ({
        message: downstreamServiceMessage('accounts'),
        path: ['productPage', 'product', 'reviews', index, 'author'],
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'accounts' },
      })),
    );
  });

  it('keeps serving: a query that needs only the services still up succeeds after the failure', async () => {
    const bff = await startWithout('reviews');
    await bff.post({ query: pageQuery });
    const response = await bff.post({
      query: /* GraphQL */ `{ productPage(upc: "100001") { product { name stock } } }`,
    });
    expect(response.body).toEqual({ data: { productPage: { product: { name: product100001.name, stock: 105 } } } });
  });
});
