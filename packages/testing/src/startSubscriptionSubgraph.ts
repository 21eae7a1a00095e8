import { buildSubgraphSchema } from '@apollo/subgraph';
import { createEventBus, type EventStream } from '@bff/gateway';
import { GraphQLError, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/** The channel {@link SubscriptionSubgraph.publish} sends ticks on. */
const ticksChannel = 'ticks';

/** What the fixture has seen so far, for a test to wait on with {@link SubscriptionSubgraph.until}. */
export interface SubscriptionSubgraphState {
  /** The `connection_init` payload of each connection, in the order they came. */
  readonly connectionParams: readonly Record<string, unknown>[];
  /** `ticks` subscriptions listening now (their subscribe resolver ran, their stream not yet returned). */
  readonly subscribers: number;
  /** Sockets open now. */
  readonly openSockets: number;
  /** Sockets closed so far, by either side. */
  readonly closedSockets: number;
}

/** A subgraph serving `Subscription.ticks` over GraphQL over WebSocket (graphql-ws) on a free port. */
export interface SubscriptionSubgraph {
  /** Its routing URL, `http://127.0.0.1:<port>/graphql`; subscriptions are served at `ws://…/graphql`. */
  readonly url: string;
  readonly state: SubscriptionSubgraphState;
  /** Resolves once `predicate` holds of the state (at once if it does already). */
  until(predicate: (state: SubscriptionSubgraphState) => boolean): Promise<void>;
  /** Sends tick `n` to every `ticks` subscriber; resolves once delivered to their streams. */
  publish(n: number): Promise<void>;
  /** Closes every socket from the subgraph's side without a close frame, as a crashed subgraph would. */
  dropConnections(): void;
  /** Closes every socket and the server; safe to call more than once. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** The fixture's schema: the subscribing viewer is who connectionParams' `x-user-id` says. */
export const ticksTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    ticker: String!
  }
  type Subscription {
    "Each tick published from now on. Only a viewer with a user id may subscribe; others get FORBIDDEN."
    ticks(label: String!): Tick!
  }
  type Tick {
    n: Int!
    label: String!
    "The user id of the subscriber, as connectionParams gave it."
    viewer: String!
  }
`);

/** The message of the FORBIDDEN a viewer without a user id gets at subscribe time. */
export const ticksForbiddenMessage = 'Only a signed-in user may subscribe to ticks.';

interface TicksContext {
  readonly userId: unknown;
}

/**
 * Starts a subscription subgraph on 127.0.0.1 and a free port: an HTTP server whose upgrades graphql-ws
 * (`graphql-ws/use/ws`) serves over a small @apollo/subgraph schema, its ticks published on command.
 */
export async function startSubscriptionSubgraph(): Promise<SubscriptionSubgraph> {
  const bus = createEventBus();
  const state = { connectionParams: [] as Record<string, unknown>[], subscribers: 0, openSockets: 0, closedSockets: 0 };
  const waiters = new Set<() => void>();
  const changed = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const counted = (stream: EventStream): AsyncIterableIterator<string> => {
    state.subscribers += 1;
    changed();
    let returned = false;
    const ticks: AsyncIterableIterator<string> = {
      next: () => stream.next(),
      async return() {
        if (!returned) {
          returned = true;
          state.subscribers -= 1;
          changed();
        }
        return stream.return();
      },
      [Symbol.asyncIterator]: () => ticks,
    };
    return ticks;
  };
  const schema = buildSubgraphSchema([
    {
      typeDefs: ticksTypeDefs,
      resolvers: {
        Query: { ticker: () => 'ticks' },
        Subscription: {
          ticks: {
            subscribe: async (_source: unknown, _args: unknown, context: TicksContext) => {
              if (typeof context.userId !== 'string') {
                throw new GraphQLError(ticksForbiddenMessage, { path: ['ticks'], extensions: { code: 'FORBIDDEN' } });
              }
              const stream = bus.stream(ticksChannel);
              await stream.ready;
              return counted(stream);
            },
            resolve: (message: string, { label }: { label: string }, context: TicksContext) => ({
              n: Number(message),
              label,
              viewer: context.userId,
            }),
          },
        },
      },
    },
  ]);

  const server = createServer((_request, response) => response.writeHead(404).end());
  const sockets = new WebSocketServer({ server, path: '/graphql' });
  sockets.on('connection', (socket) => {
    state.openSockets += 1;
    changed();
    socket.on('close', () => {
      state.openSockets -= 1;
      state.closedSockets += 1;
      changed();
    });
  });
  const graphqlWs = useServer<Record<string, unknown>>(
    {
      schema,
      isProd: false,
      onConnect: ({ connectionParams }) => {
        state.connectionParams.push(connectionParams ?? {});
        changed();
        return true;
      },
      context: ({ connectionParams }): TicksContext => ({ userId: connectionParams?.['x-user-id'] }),
    },
    sockets,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      for (const socket of sockets.clients) socket.terminate();
      await graphqlWs.dispose();
      await bus.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    })());
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    state,
    until: (predicate) =>
      new Promise((resolve) => {
        const check = () => {
          if (!predicate(state)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
    publish: (n) => bus.publish(ticksChannel, String(n)),
    dropConnections: () => {
      for (const socket of sockets.clients) socket.terminate();
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
