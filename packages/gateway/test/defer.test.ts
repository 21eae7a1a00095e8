import { seedProducts } from '@bff/service-products';
import {
  forbiddenError,
  incrementalAccept,
  mergeParts,
  postIncremental,
  startServices,
  startTestBff,
  viewerHeaders,
  type RunningServices,
  type TestBff,
} from '@bff/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const as = viewerHeaders('web');
const [product] = seedProducts();
const variables = { upc: product?.upc };

/** The product page with its reviews (and their authors, from another service) in a fragment `wrap` marks. */
const productPage = (wrap: string, authorFields = 'name') => /* GraphQL */ `
  query ProductPage($upc: String!${wrap.includes('$deferReviews') ? ', $deferReviews: Boolean!' : ''}) {
    productPage(upc: $upc) {
      product {
        upc name displayPrice inStock
        ... ${wrap} { reviews(first: 3) { rating body author { ${authorFields} } } }
      }
    }
  }
`;

describe('@defer', () => {
  let services: RunningServices;
  let kit: TestBff;
  let stock: TestBff;
  const logLines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    services = await startServices();
    [kit, stock] = await Promise.all([
      startTestBff(
        'web',
        services,
        { WEB_BFF_BATCH_MAX_OPERATIONS: '4', LOG_LEVEL: 'info' },
        { logStream: { write: (line) => void logLines.push(JSON.parse(line) as Record<string, unknown>) } },
      ),
      startTestBff('web', services, { WEB_BFF_PLAN_EXECUTOR: 'apollo' }),
    ]);
  });
  afterEach(() => {
    services.behave('reviews', {});
  });
  afterAll(async () => {
    await Promise.all([kit?.stop(), stock?.stop()]);
    await services?.close();
  });

  const graphqlUrl = () => `${kit.url}/graphql`;

  describe('for a client that takes its answer in parts', () => {
    it('sends the product first and its reviews in a later part, which add up to the answer without @defer', async () => {
      const plain = await kit.post({ query: productPage(''), variables }, as.customer);
      const response = await postIncremental(
        graphqlUrl(),
        { query: productPage('@defer(label: "reviews")'), variables },
        as.customer,
      );
      expect(response.status).toBe(200);
      expect(response.contentType).toBe('multipart/mixed; boundary="-"; deferSpec=20220824');
      const plainProduct = (plain.body.data as { productPage: { product: Record<string, unknown> } }).productPage
        .product;
      const { reviews, ...withoutReviews } = plainProduct;
      expect(response.parts.map((part) => part.body)).toEqual([
        { data: { productPage: { product: withoutReviews } }, hasNext: true },
        {
          incremental: [{ data: { reviews }, path: ['productPage', 'product'], label: 'reviews' }],
          hasNext: false,
        },
      ]);
      expect(mergeParts(response.parts)).toEqual({ data: plain.body.data, errors: [] });
    });

    it('leaves the label out of a part whose @defer had none', async () => {
      const response = await postIncremental(graphqlUrl(), { query: productPage('@defer'), variables }, as.customer);
      const [, later] = response.parts;
      expect(later?.body['incremental']).toEqual([
        { data: { reviews: expect.any(Array) }, path: ['productPage', 'product'] },
      ]);
    });

    it('sends the first part before a slow service has answered the deferred fragment', async () => {
      services.behave('reviews', { delayMs: 400 });
      const response = await postIncremental(graphqlUrl(), { query: productPage('@defer'), variables }, as.customer);
      const [first, last] = response.parts;
      expect(response.parts).toHaveLength(2);
      // Ordering, not timing: the product part was complete before the reviews part, which waited for the service.
      expect(first?.atMs).toBeLessThan(last?.atMs ?? 0);
      expect(last?.atMs).toBeGreaterThanOrEqual(400);
    });

    it('gives each object of a list its own part, at its own path', async () => {
      const query = /* GraphQL */ `
        {
          topProducts(first: 2) {
            upc
            ... @defer(label: "names") {
              name
            }
          }
        }
      `;
      const plain = await kit.post({ query: query.replace('@defer(label: "names")', '') }, as.customer);
      const response = await postIncremental(graphqlUrl(), { query }, as.customer);
      const top = (plain.body.data as { topProducts: { upc: string; name: string }[] }).topProducts;
      expect(response.parts.map((part) => part.body)).toEqual([
        { data: { topProducts: top.map(({ upc }) => ({ upc })) }, hasNext: true },
        {
          incremental: top.map(({ name }, index) => ({ data: { name }, path: ['topProducts', index], label: 'names' })),
          hasNext: false,
        },
      ]);
    });

    it('judges the rules on a later part: a denied field is null with FORBIDDEN at its full path', async () => {
      const query = productPage('@defer(label: "reviews")', 'name email');
      const plain = await kit.post({ query: productPage('', 'name email'), variables }, as.customer);
      const response = await postIncremental(graphqlUrl(), { query, variables }, as.customer);
      const [, later] = response.parts;
      const [item] = later?.body['incremental'] as { data: { reviews: { author: unknown }[] }; errors: unknown[] }[];
      expect(item?.data.reviews.map((review) => review.author)).toEqual(
        (
          plain.body.data as { productPage: { product: { reviews: { author: unknown }[] } } }
        ).productPage.product.reviews.map((review) => review.author),
      );
      expect(item?.errors).toEqual(plain.body.errors);
      expect(item?.errors).toContainEqual(
        forbiddenError('Not allowed to read User.email.', ['productPage', 'product', 'reviews', 0, 'author', 'email']),
      );
    });

    it('reports a failed service in the later part as in the whole answer, the first part whole', async () => {
      services.behave('reviews', { failWith: 500 });
      const plain = await kit.post({ query: productPage(''), variables }, as.customer);
      const response = await postIncremental(graphqlUrl(), { query: productPage('@defer'), variables }, as.customer);
      const [first, later] = response.parts;
      expect(first?.body['errors']).toBeUndefined();
      expect(plain.body.errors).toEqual([
        {
          message:
            'The reviews service failed to answer; the fields it provides are null in this response. Retry later.',
          extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'reviews' },
        },
      ]);
      expect(later?.body).toEqual({
        incremental: [{ data: { reviews: null }, path: ['productPage', 'product'], errors: plain.body.errors }],
        hasNext: false,
      });
    });

    it('marks an answer in parts no-store, and logs one line with its parts and the time to the first', async () => {
      const response = await fetch(graphqlUrl(), {
        method: 'POST',
        headers: {
          ...as.customer,
          'content-type': 'application/json',
          accept: 'multipart/mixed;deferSpec=20220824,application/json',
          'x-request-id': 'defer-log-line',
        },
        body: JSON.stringify({ query: productPage('@defer'), variables }),
      });
      expect(response.headers.get('cache-control')).toBe('no-store');
      await response.text();
      await expect
        .poll(() => logLines.find((line) => line['reqId'] === 'defer-log-line'))
        .toMatchObject({
          msg: 'request completed',
          operation: 'ProductPage',
          outcome: 'ok',
          parts: 2,
          firstPartMs: expect.any(Number),
        });
    });

    it('holds its admission slot until its last part: the deferred fetches are its work too', async () => {
      services.behave('reviews', { delayMs: 400 });
      const inFlight = () => kit.server.protectionStats().admission.inFlight;
      const response = await fetch(graphqlUrl(), {
        method: 'POST',
        headers: { ...as.customer, 'content-type': 'application/json', accept: incrementalAccept },
        body: JSON.stringify({ query: productPage('@defer'), variables }),
      });
      // The first part is on its way (the headers came with it); the reviews part waits for the slow service.
      expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
      expect(inFlight()).toBe(1);
      await response.text();
      await expect.poll(inFlight).toBe(0);
    });

    it('answers at once when @defer(if: false) leaves nothing to defer', async () => {
      const response = await postIncremental(
        graphqlUrl(),
        { query: productPage('@defer(if: $deferReviews)'), variables: { ...variables, deferReviews: false } },
        as.customer,
      );
      const plain = await kit.post({ query: productPage(''), variables }, as.customer);
      expect(response.contentType).toMatch(/^application\/(graphql-response\+)?json/);
      expect(response.parts.map((part) => part.body)).toEqual([plain.body]);
    });

    it('answers every operation of a batch whole', async () => {
      const response = await postIncremental(
        graphqlUrl(),
        [{ query: productPage('@defer'), variables }, { query: '{ topProducts(first: 1) { upc } }' }],
        as.customer,
      );
      const plain = await kit.post({ query: productPage(''), variables }, as.customer);
      expect(response.status).toBe(200);
      expect(response.parts[0]?.body).toEqual([plain.body, { data: { topProducts: [{ upc: expect.any(String) }] } }]);
    });
  });

  it('refuses two @defer with the same label, as graphql-js 17 does: 400 and the validation error', async () => {
    const query = /* GraphQL */ `
      {
        topProducts(first: 1) {
          ... @defer(label: "a") { name }
          ... @defer(label: "a") { upc }
        }
      }
    `;
    const response = await kit.post({ query }, as.customer);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Defer/Stream directive label argument must be unique.',
          locations: [{ line: 5, column: 15 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  // Without `Accept: multipart/mixed; deferSpec=20220824`, the whole answer at once: the same as without @defer.
  it.each([
    ['@defer', '@defer'],
    ['@defer with a label', '@defer(label: "reviews")'],
    ['@defer(if: false)', '@defer(if: $deferReviews)'],
  ])(
    'answers a fragment marked %s at once, exactly as without it, to a client that takes one answer',
    async (_, directive) => {
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
    },
  );

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
