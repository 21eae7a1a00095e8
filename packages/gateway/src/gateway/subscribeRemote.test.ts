import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { startSubscriptionSubgraph, ticksForbiddenMessage, type SubscriptionSubgraph } from '@bff/testing';
import { parse } from 'graphql';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BffContext } from '../core/BffContext.js';
import type { Viewer } from '../core/Viewer.js';
import { downstreamServiceMessage } from '../errors/BffError.js';
import { downstreamMessages } from '../errors/downstreamErrors.js';
import { remoteSubscriber, subscribeRemote, webSocketUrlOf } from './subscribeRemote.js';
import { isSubgraphEvents, type SubgraphEvents, type SubgraphSubscription } from './SubgraphSubscriber.js';

const customer: Viewer = { kind: 'user', id: '1', roles: ['customer'], scopes: [], clientId: undefined };
const contextOf = (viewer: Viewer, deadlineInMs = 5_000): BffContext => ({
  requestId: 'req-1',
  bffName: 'mobile',
  viewer,
  deadline: Date.now() + deadlineInMs,
});
const noEventContext = (): BffContext => {
  throw new Error('a remote subgraph resolves its events itself');
};

const ticksQuery = /* GraphQL */ `subscription Ticks($label: String!) { ticks(label: $label) { n label viewer } }`;
const ticks: SubgraphSubscription = {
  query: ticksQuery,
  document: parse(ticksQuery),
  variables: { label: 'a' },
  operationName: 'Ticks',
};
const done = { value: undefined, done: true };
/** The answer as a client reads it: errors formatted. */
const asJson = (answer: unknown): unknown => JSON.parse(JSON.stringify(answer));
const downstreamServiceError = {
  message: downstreamServiceMessage('ticks'),
  extensions: { http: { status: 200 }, serviceName: 'ticks', code: 'DOWNSTREAM_SERVICE_ERROR' },
};

describe('subscribeRemote', () => {
  let subgraph: SubscriptionSubgraph;
  let opened: SubgraphEvents[];
  beforeEach(async () => {
    subgraph = await startSubscriptionSubgraph();
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(
      opened.map(async (events) => {
        await events.return?.();
      }),
    );
    await subgraph.close();
  });
  const subscribe = async (request = ticks, context = contextOf(customer)) => {
    const answer = await remoteSubscriber({ name: 'ticks', url: subgraph.url }).subscribe(
      request,
      context,
      noEventContext,
    );
    if (isSubgraphEvents(answer)) opened.push(answer);
    return answer;
  };
  const eventsOf = (answer: SubgraphEvents | GatewayGraphQLResponse): SubgraphEvents => {
    if (!isSubgraphEvents(answer)) throw new Error(`expected events, but got: ${JSON.stringify(answer)}`);
    return answer;
  };

  it('delivers each event, having sent the identity headers as connectionParams', async () => {
    const events = eventsOf(await subscribe());
    await subgraph.until((state) => state.subscribers === 1);
    expect(subgraph.state.connectionParams).toEqual([
      { 'x-request-id': 'req-1', 'x-client-name': 'mobile', 'x-user-id': '1', 'x-user-roles': 'customer' },
    ]);
    await subgraph.publish(1);
    await subgraph.publish(2);
    expect(await events.next()).toEqual({ value: { data: { ticks: { n: 1, label: 'a', viewer: '1' } } }, done: false });
    expect(await events.next()).toEqual({ value: { data: { ticks: { n: 2, label: 'a', viewer: '1' } } }, done: false });
  });

  it('sends only the identity its scope names', async () => {
    const answer = await subscribeRemote(
      { name: 'ticks', url: subgraph.url, identity: new Set(['client']) },
      ticks,
      contextOf(customer),
    );
    if (isSubgraphEvents(answer)) opened.push(answer);
    expect(subgraph.state.connectionParams).toEqual([{ 'x-request-id': 'req-1', 'x-client-name': 'mobile' }]);
  });

  it("forwards the subgraph's FORBIDDEN refusal as the only event, then closes the socket", async () => {
    const events = eventsOf(await subscribe(ticks, contextOf({ kind: 'anonymous' })));
    expect(await events.next()).toEqual({
      value: { errors: [{ message: ticksForbiddenMessage, path: ['ticks'], extensions: { code: 'FORBIDDEN' } }] },
      done: false,
    });
    expect(await events.next()).toEqual(done);
    await subgraph.until((state) => state.closedSockets === 1 && state.openSockets === 0);
  });

  it('forwards the validation errors of an operation the subgraph refuses as the only event', async () => {
    const query = /* GraphQL */ `subscription { ticks(label: "a") { nope } }`;
    const events = eventsOf(await subscribe({ query, document: parse(query), variables: {} }));
    expect(await events.next()).toEqual({
      value: {
        errors: [{ message: 'Cannot query field "nope" on type "Tick".', locations: [{ line: 1, column: 36 }] }],
      },
      done: false,
    });
    expect(await events.next()).toEqual(done);
  });

  it('ends with one DOWNSTREAM_SERVICE_ERROR event naming the service when the subgraph drops the socket', async () => {
    const events = eventsOf(await subscribe());
    await subgraph.until((state) => state.subscribers === 1);
    subgraph.dropConnections();
    expect(asJson(await events.next())).toEqual({ value: { errors: [downstreamServiceError] }, done: false });
    expect(await events.next()).toEqual(done);
  });

  it('closes the socket on return(), ending a pending next() at once', async () => {
    const events = eventsOf(await subscribe());
    await subgraph.until((state) => state.subscribers === 1);
    const pending = events.next();
    expect(await events.return?.()).toEqual(done);
    expect(await pending).toEqual(done);
    await subgraph.until((state) => state.openSockets === 0 && state.subscribers === 0);
    expect(subgraph.state.closedSockets).toBe(1);
  });

  it('refuses with DOWNSTREAM_SERVICE_ERROR when the subgraph cannot be reached', async () => {
    const { url } = subgraph;
    await subgraph.close();
    const answer = await subscribeRemote({ name: 'ticks', url }, ticks, contextOf(customer));
    expect(asJson(answer)).toEqual({ errors: [downstreamServiceError] });
  });

  it('refuses with DOWNSTREAM_TIMEOUT when the subgraph does not answer by the deadline, and lets go of it', async () => {
    await using silent = await startSilentServer();
    const answer = await subscribeRemote(
      { name: 'ticks', url: `http://127.0.0.1:${silent.port}/graphql` },
      ticks,
      contextOf(customer, 200),
    );
    expect(asJson(answer)).toEqual({
      errors: [
        {
          message: downstreamMessages.DOWNSTREAM_TIMEOUT('ticks'),
          extensions: { http: { status: 200 }, serviceName: 'ticks', code: 'DOWNSTREAM_TIMEOUT' },
        },
      ],
    });
    await expect.poll(() => silent.openSockets()).toBe(0);
  });
});

describe('webSocketUrlOf', () => {
  it('turns http into ws and https into wss, keeping host, path and query', () => {
    expect(webSocketUrlOf('http://orders:4001/graphql')).toBe('ws://orders:4001/graphql');
    expect(webSocketUrlOf('https://orders.example/api/graphql?v=2')).toBe('wss://orders.example/api/graphql?v=2');
  });

  it('rejects a routing URL that is not http(s), saying what it got', () => {
    expect(() => remoteSubscriber({ name: 'ticks', url: 'ftp://orders/graphql' })).toThrow(
      new TypeError(`A subgraph's routing URL must be an http(s) URL, but got: "ftp://orders/graphql"`),
    );
    expect(() => webSocketUrlOf('orders:4001')).toThrow(
      new TypeError(`A subgraph's routing URL must be an http(s) URL, but got: "orders:4001"`),
    );
  });
});

/** A TCP server on a free port that accepts connections and never says a word, as a hung subgraph. */
async function startSilentServer() {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    // Reads (and drops) what it is sent, so that it sees the client hang up.
    socket.resume();
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    openSockets: () => sockets.size,
    async [Symbol.asyncDispose]() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
