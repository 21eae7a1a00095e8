import { startServices, startTestBff, type RunningServices, type TestBff } from '@bff/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/** Small bounds, so that a document just under, at and just over each is short to write. */
const limits = {
  WEB_BFF_MAX_DEPTH: '4',
  WEB_BFF_MAX_ALIASES: '2',
  WEB_BFF_MAX_ROOT_FIELDS: '3',
  WEB_BFF_MAX_DIRECTIVES: '2',
  WEB_BFF_MAX_TOKENS: '40',
  WEB_BFF_MAX_DOCUMENT_BYTES: '500',
  WEB_BFF_MAX_COST: '20',
};

describe('web BFF operation limits', () => {
  let services: RunningServices;
  let web: TestBff;
  beforeAll(async () => {
    services = await startServices();
    web = await startTestBff('web', services, limits);
  });
  afterAll(async () => {
    await web?.stop();
    await services?.close();
  });
  beforeEach(() => services.resetCalls());

  /** Every call any service received since the test began. */
  const serviceCalls = () => Object.values(services.calls).flat();

  async function expectServed(query: string, variables?: Record<string, unknown>) {
    const response = await web.post({ query, ...(variables && { variables }) });
    expect(response.body.errors).toBeUndefined();
    expect(response.status).toBe(200);
    return response;
  }

  async function expectRejected(query: string, message: string, variables?: Record<string, unknown>) {
    services.resetCalls();
    const response = await web.post({ query, ...(variables && { variables }) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ message, extensions: { code: 'OPERATION_TOO_COMPLEX' } }] });
    expect(serviceCalls()).toEqual([]);
  }

  it('serves depth 3 and 4, and rejects depth 5 before any service call', async () => {
    await expectServed(/* GraphQL */ `{ productPage(upc: "100001") { product { name } } }`);
    await expectServed(/* GraphQL */ `{ productPage(upc: "100001") { product { reviews(first: 1) { id } } } }`);
    await expectRejected(
      /* GraphQL */ `{ productPage(upc: "100001") { product { reviews(first: 1) { author { id } } } } }`,
      'Operation rejected: its depth is 5, over the limit of 4. Select fewer nested levels.',
    );
  });

  it('serves 1 and 2 aliases, and rejects 3', async () => {
    await expectServed(/* GraphQL */ `{ productPage(upc: "100001") { a: upc } }`);
    await expectServed(/* GraphQL */ `{ productPage(upc: "100001") { a: upc b: upc } }`);
    await expectRejected(
      /* GraphQL */ `{ productPage(upc: "100001") { a: upc b: upc c: upc } }`,
      'Operation rejected: its alias count is 3, over the limit of 2. Use fewer aliases.',
    );
  });

  it('serves 2 and 3 root fields, and rejects 4', async () => {
    await expectServed(/* GraphQL */ `{ __typename productPage(upc: "100001") { upc } }`);
    await expectServed(/* GraphQL */ `{ __typename productPage(upc: "100001") { upc } topProducts(first: 1) { upc } }`);
    await expectRejected(
      /* GraphQL */ `{ __typename productPage(upc: "100001") { upc } topProducts(first: 1) { upc } latestReviews(first: 1) { id } }`,
      'Operation rejected: its root field count is 4, over the limit of 3. Split it into several operations.',
    );
  });

  it('serves 1 and 2 directives, and rejects 3', async () => {
    await expectServed(/* GraphQL */ `{ productPage(upc: "100001") { upc @include(if: true) } }`);
    await expectServed(
      /* GraphQL */ `{ productPage(upc: "100001") { upc @include(if: true) product @skip(if: false) { name } } }`,
    );
    await expectRejected(
      /* GraphQL */ `{ productPage(upc: "100001") { upc @include(if: true) product @skip(if: false) { name @include(if: true) } } }`,
      'Operation rejected: its directive count is 3, over the limit of 2. Use fewer directives.',
    );
  });

  it('issue #23 - ten unknown directives on one field get one OPERATION_TOO_COMPLEX error', async () => {
    await expectRejected(
      /* GraphQL */ `{ topProducts(first: 1) @a @b @c @d @e @f @g @h @i @j { upc } }`,
      'Operation rejected: its directive count is 10, over the limit of 2. Use fewer directives.',
    );
  });

  it('measures aliases and depth before validation: unknown fields over a limit get one error, not one per field', async () => {
    await expectRejected(
      /* GraphQL */ `{ a: nope b: nope c: nope }`,
      'Operation rejected: its alias count is 3, over the limit of 2. Use fewer aliases.',
    );
    await expectRejected(
      /* GraphQL */ `{ a { b { c { d { e } } } } }`,
      'Operation rejected: its depth is 5, over the limit of 4. Select fewer nested levels.',
    );
    // Under the limits, graphql-js's own validation still speaks, once per problem.
    const unknown = await web.post({ query: /* GraphQL */ `{ topProducts(first: 1) @nope { upc } }` });
    expect([unknown.status, unknown.body]).toEqual([
      400,
      {
        errors: [
          {
            message: 'Unknown directive "@nope".',
            locations: [{ line: 1, column: 25 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    ]);
  });

  it('serves 39 and 40 tokens, and rejects 41 before parsing', async () => {
    // `{` and `}` and one __typename per token beyond them.
    const withTokens = (count: number) => `{ ${Array.from({ length: count - 2 }, () => '__typename').join(' ')} }`;
    await expectServed(withTokens(39));
    await expectServed(withTokens(40));
    await expectRejected(
      withTokens(41),
      'Operation rejected: its token count is 41, over the limit of 40. Send a shorter document.',
    );
    // A document that does not even lex is refused by its size alone, never parsed.
    await expectRejected(
      `{ ${'"'.repeat(499)}`,
      'Operation rejected: its size in bytes is 501, over the limit of 500. Send a shorter document.',
    );
  });

  it('serves documents of 499 and 500 bytes, and rejects 501', async () => {
    const withBytes = (count: number) => `{ __typename }${' '.repeat(count - 14)}`;
    await expectServed(withBytes(499));
    await expectServed(withBytes(500));
    await expectRejected(
      withBytes(501),
      'Operation rejected: its size in bytes is 501, over the limit of 500. Send a shorter document.',
    );
  });

  it('serves an estimated cost of 19 and 20, and rejects 21, reading first from the variables', async () => {
    // productPage 1 + product 1 + reviews (1 + first × id 1)
    const reviews = /* GraphQL */ `query Reviews($first: Int) { productPage(upc: "100001") { product { reviews(first: $first) { id } } } }`;
    await expectServed(reviews, { first: 16 });
    await expectServed(reviews, { first: 17 });
    await expectRejected(
      reviews,
      'Operation rejected: its estimated cost is 21, over the limit of 20. ' +
        'Ask for fewer items (first, last, limit) or fewer nested lists.',
      { first: 18 },
    );
  });

  it('checks every operation, even one whose document Apollo Server has already parsed', async () => {
    const reviews = /* GraphQL */ `query Reviews($first: Int) { productPage(upc: "100001") { product { reviews(first: $first) { id } } } }`;
    await expectRejected(
      reviews,
      'Operation rejected: its estimated cost is 30, over the limit of 20. ' +
        'Ask for fewer items (first, last, limit) or fewer nested lists.',
      { first: 27 },
    );
    await expectServed(reviews, { first: 1 });
  });
});
