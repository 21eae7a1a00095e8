import { listenOnFreePort } from '@bff/testing';
import Fastify, { type FastifyReply } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import {
  createClient,
  type Client,
  type ClientOptions,
  type FormattedExecutionResult,
  type SubscribePayload,
} from 'graphql-ws';
import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { readConfig } from '../config/readConfig.js';
import { useGraphqlWs, type GraphqlWs, type GraphqlWsOptions } from './useGraphqlWs.js';

const secret = 'web-development-secret-of-32-chars-or-more';
const auth = readConfig({}, 'WEB_BFF_', {
  name: 'web',
  port: 4000,
  supergraphFile: '/tmp/web.graphql',
  auth: { issuer: 'bff-dev', audience: 'web-bff', developmentSecret: secret },
}).auth;

/** A customer's token the test BFF accepts, or one that expired a minute ago. */
const tokenFor = (sub: string, expiresIn = 3600) => {
  const claims = { sub, roles: ['customer'] };
  return jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'bff-dev', audience: 'web-bff', expiresIn });
};

const multipartType = 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"';
const forbidden: GraphQLFormattedError = {
  message: 'Forbidden: only the order’s buyer or staff may watch order 7.',
  locations: [{ line: 1, column: 16 }],
  path: ['orderStatusChanged'],
  extensions: { code: 'FORBIDDEN' },
};
const rateLimited: GraphQLFormattedError = {
  message: 'Rate limit exceeded: retry in 3 s.',
  extensions: { code: 'RATE_LIMITED' },
};
const eventWithError: FormattedExecutionResult = {
  data: { ticked: null },
  errors: [{ message: 'Forbidden.', path: ['ticked'], extensions: { code: 'FORBIDDEN' } }],
};
const shuttingDown: GraphQLFormattedError = {
  message: 'The BFF is shutting down: subscribe again.',
  extensions: { code: 'SHUTTING_DOWN' },
};

/** What the stand-in route saw of one relayed POST. */
interface SeenRequest {
  readonly operationName: string | undefined;
  readonly authorization: string | undefined;
  readonly accept: string | undefined;
  readonly requestId: string | undefined;
  readonly ip: string;
  readonly body: unknown;
}

/**
 * A fastify app whose POST /graphql answers as the BFF's request path does (multipart for a subscription, JSON
 * otherwise), standing in for it in this unit test only; and GraphQL over WebSocket over it.
 */
const defaultSubscriptions: GraphqlWsOptions['subscriptions'] = { maxPerConnection: 20, keepAliveMs: 12_000 };

async function startBff(subscriptions = defaultSubscriptions) {
  const app = Fastify();
  const seen: SeenRequest[] = [];
  const warnings: string[] = [];
  /** Names of the operations whose answer the client side closed before it ended. */
  const closedEarly: string[] = [];
  const whenClosedEarly: (() => void)[] = [];
  /** Answers of Live subscriptions still open, to push events into. */
  const live: ((result: FormattedExecutionResult) => void)[] = [];
  /** Slow subscriptions waiting to answer at all. */
  const slow: (() => void)[] = [];
  const graphqlWs: GraphqlWs = useGraphqlWs(app, {
    auth,
    subscriptions,
    logger: { debug: () => {}, info: () => {}, warn: (message) => warnings.push(String(message)), error: () => {} },
  });
  app.post('/graphql', async (request, reply) => {
    const body = request.body as { query: string; operationName?: string };
    seen.push({
      operationName: body.operationName,
      authorization: request.headers.authorization,
      accept: request.headers.accept,
      requestId: request.headers['x-request-id'] as string | undefined,
      ip: request.ip,
      body,
    });
    if (body.query.includes('denied')) return { errors: [forbidden] };
    if (body.query.includes('limited')) return reply.code(429).send({ errors: [rateLimited] });
    if (!body.query.startsWith('subscription')) return { data: { hello: 'world' } };
    if (body.operationName === 'Slow') await new Promise<void>((resolve) => slow.push(resolve));
    const part = answerInParts(reply, () => {
      closedEarly.push(body.operationName ?? '');
      whenClosedEarly.splice(0).forEach((resolve) => resolve());
    });
    part({});
    if (body.operationName === 'Live' || body.operationName === 'Slow') {
      live.push((result) => part({ payload: result }));
      return reply;
    }
    part({ payload: { data: { ticked: 1 } } });
    part({});
    part({ payload: eventWithError });
    if (body.operationName === 'Broken') part({ payload: null, errors: [shuttingDown] });
    else part({ payload: { data: { ticked: 3 } } });
    reply.raw.end('--graphql--\r\n');
    return reply;
  });
  const server = await listenOnFreePort(app);
  return {
    url: `ws://127.0.0.1:${server.port}/graphql`,
    port: server.port,
    graphqlWs,
    seen,
    warnings,
    closedEarly,
    live,
    slow,
    /** Resolves once the next answer is closed by the client side. */
    nextClosedEarly: () => new Promise<void>((resolve) => whenClosedEarly.push(resolve)),
    close: () => server.close(),
  };
}

/** Writes the head of a multipart answer; the returned function writes one part. */
function answerInParts(reply: FastifyReply, onClosedEarly: () => void): (part: unknown) => void {
  reply.hijack();
  reply.raw.writeHead(200, { 'content-type': multipartType });
  reply.raw.on('close', () => {
    if (!reply.raw.writableEnded) onClosedEarly();
  });
  return (part) => reply.raw.write(`--graphql\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(part)}\r\n`);
}

type Bff = Awaited<ReturnType<typeof startBff>>;
const running: { close(): Promise<void> }[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.dispose();
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function started(subscriptions?: GraphqlWsOptions['subscriptions']): Promise<Bff> {
  const bff = await startBff(subscriptions);
  running.push(bff);
  return bff;
}

/** A graphql-ws client (the `ws` package underneath), sending `headers` on its upgrade request. */
function connect(
  url: ClientOptions['url'],
  options: Partial<ClientOptions> & { headers?: Record<string, string> } = {},
): Client {
  const { headers, ...clientOptions } = options;
  const webSocketImpl = headers
    ? class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      }
    : WebSocket;
  const client = createClient({ url, webSocketImpl, retryAttempts: 0, ...clientOptions });
  clients.push(client);
  return client;
}

/** One operation's messages: its `next` payloads, and how it ended. */
function run(client: Client, payload: SubscribePayload) {
  const nexts: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let unsubscribe = (): void => {};
  const ended = new Promise<{ complete: true } | { error: unknown }>((resolve) => {
    unsubscribe = client.subscribe(payload, {
      next: (result) => {
        nexts.push(result);
        for (const waiter of waiters.filter(({ count }) => nexts.length >= count)) waiter.resolve();
      },
      error: (error) => resolve({ error }),
      complete: () => resolve({ complete: true }),
    });
  });
  return {
    nexts,
    ended,
    unsubscribe: () => unsubscribe(),
    /** Resolves once `count` results have arrived. */
    received: (count: number) =>
      new Promise<void>((resolve) => (nexts.length >= count ? resolve() : waiters.push({ count, resolve }))),
  };
}

const ticks = { operationName: 'Ticks', query: /* GraphQL */ `subscription Ticks { ticked }` };
const liveTicks = { operationName: 'Live', query: /* GraphQL */ `subscription Live { ticked }` };
const hello = { query: /* GraphQL */ `{ hello }` };

describe('useGraphqlWs', () => {
  it('relays a subscription as one POST through the request path: each part a next, heartbeats skipped, then complete', async () => {
    const bff = await started();
    const operation = run(connect(bff.url), { ...ticks, variables: { every: 1 }, extensions: { trace: true } });
    expect(await operation.ended).toEqual({ complete: true });
    expect(operation.nexts).toEqual([{ data: { ticked: 1 } }, eventWithError, { data: { ticked: 3 } }]);
    expect(bff.seen).toEqual([
      {
        operationName: 'Ticks',
        authorization: undefined,
        accept: 'multipart/mixed;subscriptionSpec="1.0",application/json',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        ip: '127.0.0.1',
        body: { ...ticks, variables: { every: 1 }, extensions: { trace: true } },
      },
    ]);
  });

  it('relays a transport error as a last next with its errors, then complete', async () => {
    const bff = await started();
    const operation = run(connect(bff.url), { operationName: 'Broken', query: 'subscription Broken { ticked }' });
    expect(await operation.ended).toEqual({ complete: true });
    expect(operation.nexts).toEqual([{ data: { ticked: 1 } }, eventWithError, { errors: [shuttingDown] }]);
  });

  it('answers a query with one next then complete', async () => {
    const bff = await started();
    const operation = run(connect(bff.url), hello);
    expect(await operation.ended).toEqual({ complete: true });
    expect(operation.nexts).toEqual([{ data: { hello: 'world' } }]);
  });

  it('sends a refusal of the request path as an error message with the errors as the server formatted them', async () => {
    const bff = await started();
    const client = connect(bff.url);
    const denied = run(client, { query: 'subscription { orderStatusChanged(orderId: "7") { status } } # denied' });
    expect(await denied.ended).toEqual({ error: [forbidden] });
    const limited = run(client, { query: '{ hello } # limited' });
    expect(await limited.ended).toEqual({ error: [rateLimited] });
    expect(denied.nexts).toEqual([]);
    expect(limited.nexts).toEqual([]);
  });

  it('sends the token of connection_init as the Authorization of every operation', async () => {
    const bff = await started();
    const token = tokenFor('7');
    const client = connect(bff.url, { connectionParams: { authorization: `Bearer ${token}` } });
    await run(client, hello).ended;
    await run(client, ticks).ended;
    expect(bff.seen.map(({ authorization }) => authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`]);
  });

  it('takes the Authorization header of the upgrade request when connection_init has no token', async () => {
    const bff = await started();
    const token = tokenFor('8');
    const client = connect(bff.url, { headers: { authorization: `Bearer ${token}` }, connectionParams: {} });
    await run(client, hello).ended;
    const other = connect(bff.url, { connectionParams: { Authorization: `Bearer ${tokenFor('9')}` } });
    await run(other, hello).ended;
    expect(bff.seen.map(({ authorization }) => authorization)).toEqual([`Bearer ${token}`, `Bearer ${tokenFor('9')}`]);
  });

  it('closes a connection with a bad token with 4403 Forbidden, and logs why without the token', async () => {
    const bff = await started();
    const token = tokenFor('7', -60);
    const operation = run(connect(bff.url, { connectionParams: { authorization: `Bearer ${token}` } }), hello);
    const { error } = (await operation.ended) as { error: { code: number; reason: string } };
    expect({ code: error.code, reason: error.reason }).toEqual({ code: 4403, reason: 'Forbidden' });
    const malformed = run(connect(bff.url, { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), hello);
    expect(await malformed.ended).toMatchObject({ error: { code: 4403 } });
    expect(bff.warnings).toEqual([
      'GraphQL over WebSocket connection from 127.0.0.1 refused: Authentication failed: token expired',
      'GraphQL over WebSocket connection from 127.0.0.1 refused: ' +
        "Authentication failed: Authorization header must be 'Bearer <token>'",
    ]);
    expect(bff.seen).toEqual([]);
  });

  it('closes the relayed answer when the client unsubscribes, so the request path ends the subscription', async () => {
    const bff = await started();
    const operation = run(connect(bff.url), liveTicks);
    await operation.received(0);
    await until(() => bff.live.length === 1);
    bff.live[0]!({ data: { ticked: 1 } });
    await operation.received(1);
    const closed = bff.nextClosedEarly();
    operation.unsubscribe();
    await closed;
    expect(bff.closedEarly).toEqual(['Live']);
    expect(operation.nexts).toEqual([{ data: { ticked: 1 } }]);
  });

  it('closes the relayed answer of a subscription the client left before the request path answered', async () => {
    const bff = await started();
    const operation = run(connect(bff.url), { operationName: 'Slow', query: 'subscription Slow { ticked }' });
    await until(() => bff.slow.length === 1);
    operation.unsubscribe();
    const closed = bff.nextClosedEarly();
    bff.slow[0]!();
    await closed;
    expect(bff.closedEarly).toEqual(['Slow']);
    expect(operation.nexts).toEqual([]);
  });

  it('closes the relayed answers of a connection that goes away', async () => {
    const bff = await started();
    const client = connect(bff.url);
    run(client, liveTicks);
    run(client, liveTicks);
    await until(() => bff.live.length === 2);
    await client.dispose();
    await until(() => bff.closedEarly.length === 2);
    expect(bff.closedEarly).toEqual(['Live', 'Live']);
  });

  it('refuses one operation more than a connection may run with TOO_MANY_SUBSCRIPTIONS', async () => {
    const bff = await started({ maxPerConnection: 2, keepAliveMs: 12_000 });
    const client = connect(bff.url);
    run(client, liveTicks);
    run(client, liveTicks);
    await until(() => bff.live.length === 2);
    const third = run(client, ticks);
    expect(await third.ended).toEqual({
      error: [
        {
          message: 'Too many subscriptions on this connection (at most 2).',
          extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
        },
      ],
    });
    expect(bff.seen.length).toBe(2);
    // Another connection has its own count.
    expect(await run(connect(bff.url), hello).ended).toEqual({ complete: true });
  });

  it('pings every keep-alive interval', async () => {
    const bff = await started({ maxPerConnection: 20, keepAliveMs: 50 });
    const socket = new WebSocket(bff.url, 'graphql-transport-ws');
    const pinged = new Promise<void>((resolve) => socket.once('ping', () => resolve()));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await pinged;
    socket.terminate();
  });

  it('refuses upgrades to any other path', async () => {
    const bff = await started();
    const socket = new WebSocket(`ws://127.0.0.1:${bff.port}/explorer`, 'graphql-transport-ws');
    const error = await new Promise<Error>((resolve) => socket.once('error', resolve));
    expect(error.message).toBe('socket hang up');
  });

  it('close() tells clients to reconnect with 1012, and a client that retries reconnects and subscribes again', async () => {
    const first = await started();
    const second = await started();
    let url = first.url;
    const closeCodes: number[] = [];
    let connections = 0;
    const client = connect(() => url, {
      retryAttempts: 3,
      retryWait: async () => {},
      on: {
        connected: () => {
          connections++;
        },
        closed: (event) => {
          closeCodes.push((event as { code: number }).code);
        },
      },
    });
    const operation = run(client, liveTicks);
    await until(() => first.live.length === 1);
    first.live[0]!({ data: { ticked: 1 } });
    await operation.received(1);
    url = second.url;
    const closedOnFirst = first.nextClosedEarly();
    await first.graphqlWs.close();
    await closedOnFirst;
    expect(closeCodes).toEqual([1012]);
    await until(() => second.live.length === 1);
    second.live[0]!({ data: { ticked: 2 } });
    await operation.received(2);
    expect(operation.nexts).toEqual([{ data: { ticked: 1 } }, { data: { ticked: 2 } }]);
    expect(connections).toBe(2);
    // The closed one turns new connections away.
    const refused = new WebSocket(first.url, 'graphql-transport-ws');
    const error = await new Promise<Error>((resolve) => refused.once('error', resolve));
    expect(error.message).toBe('Unexpected server response: 503');
  });
});

/** Resolves once `condition` holds, checking every few milliseconds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
