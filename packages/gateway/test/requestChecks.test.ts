import { seedProducts } from '@bff/service-products';
import { startServices, startTestBff, type RunningServices, type TestBff } from '@bff/testing';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const productionEnv = { NODE_ENV: 'production', WEB_BFF_JWT_SECRET: 'a-production-secret-of-at-least-32-chars' };

/** POSTs raw bytes with exactly the headers given (fetch would add a Content-Type of its own). */
function postRaw(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: 'POST', headers: { 'content-length': String(body.length), ...headers } },
      (incoming) => {
        let text = '';
        incoming.on('data', (chunk: Buffer) => void (text += chunk.toString()));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const badRequest = (message: string) => ({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });

describe('web BFF request checks', () => {
  let services: RunningServices;
  let development: TestBff;
  let production: TestBff;
  let batching: TestBff;
  beforeAll(async () => {
    services = await startServices();
    [development, production, batching] = await Promise.all([
      startTestBff('web', services, { NODE_ENV: 'development' }),
      startTestBff('web', services, productionEnv),
      startTestBff('web', services, { WEB_BFF_BATCH_MAX_OPERATIONS: '2' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([development?.stop(), production?.stop(), batching?.stop()]);
    await services?.close();
  });

  const typename = Buffer.from(JSON.stringify({ query: '{ __typename }' }));

  it('answers a POST without Content-Type with BAD_REQUEST and 415', async () => {
    const response = await postRaw(`${development.url}/graphql`, typename, {});
    expect(response).toEqual({ status: 415, body: badRequest('Missing Content-Type. Send application/json.') });
  });

  it('answers text/plain, and JSON in another charset than UTF-8, with BAD_REQUEST and 415', async () => {
    const plain = await postRaw(`${development.url}/graphql`, typename, { 'content-type': 'text/plain' });
    expect(plain).toEqual({ status: 415, body: badRequest('Unsupported Content-Type. Send application/json.') });
    const latin1 = await postRaw(`${development.url}/graphql`, typename, {
      'content-type': 'application/json; charset=latin1',
    });
    expect(latin1).toEqual({ status: 415, body: badRequest('Unsupported charset. Send application/json in UTF-8.') });
    const utf8 = await postRaw(`${development.url}/graphql`, typename, {
      'content-type': 'application/json; charset=UTF-8',
    });
    expect(utf8).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('answers a body that is not valid UTF-8 with BAD_REQUEST and 400', async () => {
    const body = Buffer.concat([
      Buffer.from('{"query": "{ __typename } # '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const response = await postRaw(`${development.url}/graphql`, body, { 'content-type': 'application/json' });
    expect(response).toEqual({
      status: 400,
      body: badRequest('The request body is not valid UTF-8. Send JSON encoded in UTF-8.'),
    });
  });

  it('answers a mutation over GET with BAD_REQUEST, 405 and Allow: POST, and serves a query over GET', async () => {
    const url = (query: string) => `${development.url}/graphql?query=${encodeURIComponent(query)}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const mutation = await fetch(url('mutation { createOrder(input: { buyerId: "1", lines: [] }) { id } }'), {
      headers,
    });
    expect(mutation.status).toBe(405);
    expect(mutation.headers.get('allow')).toBe('POST');
    expect(await mutation.json()).toEqual(
      badRequest('GET requests only support query operations, not mutation operations'),
    );
    const query = await fetch(url('{ __typename }'), { headers });
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses batched requests by default, and above the configured cap', async () => {
    const operation = { query: '{ __typename }' };
    const off = await development.post([operation, operation]);
    expect(off.status).toBe(400);
    expect(off.body).toEqual(
      badRequest('Batched requests (a JSON array of operations) are not accepted. Send one operation per request.'),
    );
    const two = await batching.post([operation, { query: /* GraphQL */ `{ productPage(upc: "100001") { upc } }` }]);
    expect(two.status).toBe(200);
    expect(two.body).toEqual([{ data: { __typename: 'Query' } }, { data: { productPage: { upc: '100001' } } }]);
    const three = await batching.post([operation, operation, operation]);
    expect(three.status).toBe(400);
    expect(three.body).toEqual(
      badRequest('A batch may hold at most 2 operations, but this one holds 3. Send fewer operations per request.'),
    );
  });

  it('answers each operation of a batch with its own data when both go whole to one subgraph', async () => {
    const [first, second] = seedProducts();
    const batch = await batching.post([
      { query: /* GraphQL */ `query First { product(upc: "${first!.upc}") { upc name } }` },
      { query: /* GraphQL */ `query Second { product(upc: "${second!.upc}") { name price } }` },
    ]);
    expect(batch.body).toEqual([
      { data: { product: { upc: first!.upc, name: first!.name } } },
      { data: { product: { name: second!.name, price: second!.price } } },
    ]);
  });

  it('serves introspection and suggests field names in development', async () => {
    const introspection = await development.post({ query: '{ __schema { queryType { name } } }' });
    expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const typo = await development.post({ query: '{ productPag(upc: "1") { upc } }' });
    expect(typo.body.errors[0].message).toBe(
      'Cannot query field "productPag" on type "Query". Did you mean "productPage", "product", or "products"?',
    );
  });

  it('refuses introspection and suggests nothing in production', async () => {
    const introspection = await production.post({ query: '{ __type(name: "Product") { name } }' });
    expect(introspection.status).toBe(400);
    expect(introspection.body).toEqual({
      errors: [
        {
          message:
            'Introspection is disabled on this BFF: __schema and __type cannot be queried. ' +
            'Ask the BFF team for its schema.',
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    const typo = await production.post({ query: '{ productPag(upc: "1") { upc } }' });
    expect(typo.body.errors).toEqual([
      {
        message: 'Cannot query field "productPag" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
    expect((await production.post({ query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
  });
});
