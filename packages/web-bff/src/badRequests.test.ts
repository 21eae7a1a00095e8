import { startTestStack, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('web BFF given bad requests', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());

  /** No response may carry a stack trace or an internal path. */
  function expectNoInternals(text: string) {
    expect(text).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+|node_modules|127\.0\.0\.1/);
  }

  it('answers invalid JSON with BAD_REQUEST and 400', async () => {
    const response = await stack.bff.post('{"query": "{ productPage(upc: \\"1\\") { upc } }"');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'The request body is not valid JSON. Send a JSON object such as {"query": "{ __typename }"}.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    expectNoInternals(response.text);
  });

  it('answers an empty body with BAD_REQUEST and 400', async () => {
    const response = await stack.bff.post('');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'The request body is empty. Send a JSON object such as {"query": "{ __typename }"}.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('answers a JSON body without a query with BAD_REQUEST and 400', async () => {
    const empty = await stack.bff.post({});
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({
      errors: [
        {
          message: 'POST body missing, invalid Content-Type, or JSON object has no keys.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    const noQuery = await stack.bff.post({ variables: {} });
    expect(noQuery.status).toBe(400);
    expect(noQuery.body).toEqual({
      errors: [
        {
          message: 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED and 400', async () => {
    const response = await stack.bff.post({ query: /* GraphQL */ `{ productPage(upc: "100001") { upc nope } }` });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Cannot query field "nope" on type "ProductPage".',
          locations: [{ line: 1, column: 36 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT and 400, every time, beside the same operation served with valid ones', async () => {
    const query = /* GraphQL */ `query ($upc: String!) { productPage(upc: $upc) { upc } }`;
    // Valid variables first, so the operation is planned and its valid set kept before the bad ones come.
    const served = await stack.bff.post({ query, variables: { upc: '100001' } });
    expect(served.body).toEqual({ data: { productPage: { upc: '100001' } } });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await stack.bff.post({ query, variables: { upc: 5 } });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        errors: [
          {
            message: 'Variable "$upc" got invalid value 5; String cannot represent a non string value: 5',
            locations: [{ line: 1, column: 8 }],
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    }
    expect((await stack.bff.post({ query, variables: { upc: '100001' } })).body).toEqual(served.body);
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED and 400', async () => {
    const response = await stack.bff.post({ query: '{ productPage(upc: "100001") { upc }' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Syntax Error: Expected Name, found <EOF>.',
          locations: [{ line: 1, column: 37 }],
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        },
      ],
    });
  });

  it('answers an unsupported content type with BAD_REQUEST and 415', async () => {
    const response = await stack.bff.post('query=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expect(response.body).toEqual({
      errors: [{ message: 'Unsupported Content-Type. Send application/json.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers a body over the limit with BAD_REQUEST and 413', async () => {
    const response = await stack.bff.post({ query: `{ productPage(upc: "${'9'.repeat(1_100_000)}") { upc } }` });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      errors: [
        { message: 'The request body is larger than this server accepts.', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
  });

  it('answers an unknown path with NOT_FOUND and 404', async () => {
    const response = await fetch(`${stack.bff.url}/nope?x=1`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Nothing is served at GET /nope. GraphQL is served at /graphql.',
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
  });

  it('keeps a well-formed x-request-id and makes one otherwise', async () => {
    const kept = await stack.bff.post({ query: '{ __typename }' }, { 'x-request-id': 'client-abc.123' });
    expect(kept.headers.get('x-request-id')).toBe('client-abc.123');
    const made = await stack.bff.post({ query: '{ __typename }' }, { 'x-request-id': 'has spaces and\ttabs' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('still serves a valid query after all of the above', async () => {
    const response = await stack.bff.post({ query: /* GraphQL */ `{ productPage(upc: "100001") { upc } }` });
    expect(response.body).toEqual({ data: { productPage: { upc: '100001' } } });
  });
});
