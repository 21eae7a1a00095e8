import { seedProducts } from '@bff/service-products';
import { startServices, startTestBff, viewerHeaders, type RunningServices, type TestBff } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const as = viewerHeaders('web');
const [product] = seedProducts();

/** The product page with its reviews (and their authors, from another service) in a fragment `wrap` marks. */
const productPage = (wrap: string) => /* GraphQL */ `
  query ProductPage($upc: String!${wrap.includes('$deferReviews') ? ', $deferReviews: Boolean!' : ''}) {
    productPage(upc: $upc) {
      product {
        upc name displayPrice inStock
        ... ${wrap} { reviews(first: 3) { rating body author { name } } }
      }
    }
  }
`;

// Until the BFF delivers parts incrementally (issue #26), an operation with @defer is answered whole: the
// same answer as without it, which is the oracle here. Stock @apollo/gateway refuses @defer altogether.
describe('@defer, answered whole for now', () => {
  let services: RunningServices;
  let kit: TestBff;
  let stock: TestBff;
  beforeAll(async () => {
    services = await startServices();
    [kit, stock] = await Promise.all([
      startTestBff('web', services),
      startTestBff('web', services, { WEB_BFF_PLAN_EXECUTOR: 'apollo' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([kit?.stop(), stock?.stop()]);
    await services?.close();
  });

  const variables = { upc: product?.upc };

  it.each([
    ['@defer', '@defer'],
    ['@defer with a label', '@defer(label: "reviews")'],
    ['@defer(if: false)', '@defer(if: $deferReviews)'],
  ])('answers a fragment marked %s exactly as the same operation without it', async (_, directive) => {
    const plain = await kit.post({ query: productPage(''), variables }, as.customer);
    const deferred = await kit.post(
      { query: productPage(directive), variables: { ...variables, deferReviews: false } },
      as.customer,
    );
    expect(plain.status).toBe(200);
    expect(plain.body.data).toEqual({
      productPage: { product: expect.objectContaining({ reviews: expect.any(Array) }) },
    });
    expect(deferred.status).toBe(200);
    expect(JSON.stringify(deferred.body)).toBe(JSON.stringify(plain.body));
  });

  it('refuses @defer with the fast path off, as stock @apollo/gateway does: 400 and the validation error', async () => {
    const response = await stock.post({ query: productPage('@defer'), variables }, as.customer);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Unknown directive "@defer".',
          locations: [{ line: 6, column: 13 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });
});
