import { ApolloServer, HeaderMap } from '@apollo/server';
import type { GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { buildSchema, GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { postToApolloServer } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// patches/@apollo+server+*.patch (applied by `npm ci`'s postinstall) gives the gateway's request
// context a response.http whose status accessors sit on a class, not on a per-request object
// literal (which kept every request's context alive until a full mark-compact). These tests fail
// when the patch is missing, and check that status still flows both ways. The kit keys plans and
// rule decisions by queryHash, so it must stay each text's sha256.
describe('@apollo/server patched gateway request context', () => {
  const seen: GatewayGraphQLRequestContext[] = [];
  const gateway: GatewayInterface = {
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: buildSchema('type Query { hello: String }'), coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({
      executor: async (context) => {
        seen.push(context);
        const http = context.response!.http!;
        http.status = 207;
        return { data: { hello: `status read back: ${http.status}` } };
      },
    }),
    stop: async () => undefined,
  };
  const server = new ApolloServer({ gateway });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const run = (query = '{ hello }') => postToApolloServer(server, query);

  it('sets the HTTP status the executor writes, and reads it back', async () => {
    const response = await run();
    expect(response.status).toBe(207);
    expect(response.body.kind === 'complete' && JSON.parse(response.body.string)).toEqual({
      data: { hello: 'status read back: 207' },
    });
  });

  it('keeps status off each request object: one shared class for every request', async () => {
    await run();
    const [first, second] = seen.slice(-2).map((context) => context.response!.http!);
    expect(Object.getOwnPropertyDescriptor(first, 'status')).toBeUndefined();
    expect(Object.getPrototypeOf(first)).toBe(Object.getPrototypeOf(second));
    expect(Object.getPrototypeOf(first).constructor.name).toBe('GatewayResponseHttp');
  });

  it('gives each query text its own sha256 as queryHash, also when the text comes again', async () => {
    const texts = ['{ hello }', 'query Named { hello }', '{ hello }', 'query Named { hello }'];
    for (const text of texts) await run(text);
    const hashes = seen.slice(-4).map((context) => context.queryHash);
    expect(hashes).toEqual(texts.map((text) => createHash('sha256').update(text).digest('hex')));
  });
});

// The patch awaits a stage's plugin hooks only when one of them returned a promise. Hooks that
// answer synchronously and hooks that answer later must both be honoured in order, and a hook's
// error must still become the request's error response.
describe('@apollo/server patched plugin hooks', () => {
  const steps: string[] = [];
  const gateway: GatewayInterface = {
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: buildSchema('type Query { hello: String }'), coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({
      executor: async () => {
        steps.push('execute');
        return { data: { hello: 'world' } };
      },
    }),
    stop: async () => undefined,
  };
  const later = (step: string) =>
    new Promise<void>((done) =>
      setTimeout(() => {
        steps.push(step);
        done();
      }, 5),
    );
  const server = new ApolloServer({
    gateway,
    plugins: [
      {
        requestDidStart: () => ({
          didResolveOperation: ({ operationName }) => {
            if (operationName === 'Refused')
              throw new GraphQLError('refused by a synchronous hook', {
                extensions: { code: 'REFUSED', http: { status: 403, headers: new HeaderMap() } },
              });
            steps.push('sync didResolveOperation');
          },
          willSendResponse: () => void steps.push('sync willSendResponse'),
        }),
      },
      {
        requestDidStart: async () => ({
          didResolveOperation: () => later('async didResolveOperation'),
          willSendResponse: () => later('async willSendResponse'),
        }),
      },
    ],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const run = (query: string) =>
    server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query },
      },
      context: async () => ({}),
    });

  it('runs synchronous hooks at once and waits for asynchronous ones before the next stage', async () => {
    steps.length = 0;
    const response = await run('{ hello }');
    expect(response.body.kind === 'complete' && JSON.parse(response.body.string)).toEqual({ data: { hello: 'world' } });
    expect(steps).toEqual([
      'sync didResolveOperation',
      'async didResolveOperation',
      'execute',
      'sync willSendResponse',
      'async willSendResponse',
    ]);
  });

  it('answers with the error a synchronous hook throws, and runs no execution', async () => {
    steps.length = 0;
    const response = await run('query Refused { hello }');
    expect(response.status).toBe(403);
    expect(response.body.kind === 'complete' && JSON.parse(response.body.string)).toEqual({
      errors: [{ message: 'refused by a synchronous hook', extensions: { code: 'REFUSED' } }],
    });
    expect(steps).toEqual(['sync willSendResponse', 'async willSendResponse']);
  });
});

// Change 9: a gateway result with `subsequentResults` is an incremental response, its later parts formatted by
// formatError as a schema server's are.
describe('@apollo/server patched for a gateway result with later parts', () => {
  const gateway: GatewayInterface = {
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: buildSchema('type Query { hello: String later: String }'), coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({
      executor: async () => {
        async function* later() {
          yield {
            incremental: [{ data: { later: null }, path: [], errors: [new GraphQLError('secret internals')] }],
            hasNext: false,
          };
        }
        return { data: { hello: 'first' }, subsequentResults: later() } as never;
      },
    }),
    stop: async () => undefined,
  };
  const server = new ApolloServer({
    gateway,
    formatError: (formatted) => ({ message: `masked: ${formatted.message}` }),
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('answers in parts to a client that accepts them, the later errors through formatError', async () => {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([
          ['content-type', 'application/json'],
          ['accept', 'multipart/mixed; deferSpec=20220824'],
        ]),
        search: '',
        body: { query: '{ hello later }' },
      },
      context: async () => ({}),
    });
    expect(response.headers.get('content-type')).toBe('multipart/mixed; boundary="-"; deferSpec=20220824');
    let body = '';
    if (response.body.kind === 'chunked') for await (const chunk of response.body.asyncIterator) body += chunk;
    expect(body).toBe(
      '\r\n---\r\ncontent-type: application/json; charset=utf-8\r\n\r\n' +
        '{"data":{"hello":"first"},"hasNext":true}\r\n---' +
        '\r\ncontent-type: application/json; charset=utf-8\r\n\r\n' +
        '{"incremental":[{"data":{"later":null},"path":[],"errors":[{"message":"masked: secret internals"}]}],' +
        '"hasNext":false}\r\n-----\r\n',
    );
  });
});
