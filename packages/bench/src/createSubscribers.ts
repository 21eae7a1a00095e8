import { createClient, type Client } from 'graphql-ws';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { eventKey } from './publishOrderStatusEvents.js';

/** The subscription the bench holds open: only what the event itself carries, so no event calls a service. */
export const watchOrderStatusDocument = /* GraphQL */ `subscription WatchOrderStatus($orderId: ID!) {
  orderStatusChanged(orderId: $orderId) {
    status
    changedAt
    order {
      id
    }
  }
}`;

/** How the subscribers are laid out over connections and orders. */
export interface SubscriberLayout {
  /** `ws://…/graphql` of the BFF. */
  readonly url: string;
  readonly subscriptionsPerConnection: number;
  /** Subscription n of the whole run watches orderIds[n % orderIds.length]. */
  readonly orderIds: readonly string[];
}

/** What the subscribers have seen so far; read while they run. */
export interface Subscribers {
  /** Subscriptions watching each order id. */
  readonly perOrder: ReadonlyMap<string, number>;
  /** Milliseconds from publish to receipt, one per delivery of a published event. */
  readonly latenciesMs: readonly number[];
  /** Deliveries that match no published event, or another order than the one subscribed to: none expected. */
  readonly unexpected: number;
  /** Errors of subscriptions (an error result, a refusal, a closed connection), the first few kept. */
  readonly errors: readonly string[];
  /**
   * Opens one more connection with its subscriptions, authenticated by `authorization` (`Bearer …`) in
   * connection_init. Returns at once; the subscriptions are active once the BFF counts them.
   */
  connect(authorization: string): void;
  /** Closes every connection and waits until it is closed. */
  dispose(): Promise<void>;
}

const keptErrors = 10;

/**
 * Subscribers over GraphQL over WebSocket, a graphql-ws client per connection with `subscriptionsPerConnection`
 * subscriptions, each delivery timed against `publishedAt` (by order id and changedAt). No connection until
 * {@link Subscribers.connect}.
 */
export function createSubscribers(layout: SubscriberLayout, publishedAt: ReadonlyMap<string, number>): Subscribers {
  const perOrder = new Map<string, number>();
  const latenciesMs: number[] = [];
  const errors: string[] = [];
  let unexpected = 0;
  let errorCount = 0;
  const noteError = (what: string) => {
    errorCount += 1;
    if (errors.length < keptErrors) errors.push(what);
  };
  const clients: { client: Client; closed: Promise<void> }[] = [];
  const connect = (authorization: string) => {
    const connection = clients.length;
    const client = createClient({
      url: layout.url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization },
    });
    // dispose() resolves once the close is sent; this, once the socket is closed (or was, by the BFF).
    const closed = new Promise<void>((resolve) => client.on('closed', () => resolve()));
    for (let index = 0; index < layout.subscriptionsPerConnection; index += 1) {
      const subscription = connection * layout.subscriptionsPerConnection + index;
      const orderId = layout.orderIds[subscription % layout.orderIds.length] ?? '';
      perOrder.set(orderId, (perOrder.get(orderId) ?? 0) + 1);
      client.subscribe<{ orderStatusChanged: { changedAt: string; order: { id: string } } }>(
        { query: watchOrderStatusDocument, operationName: 'WatchOrderStatus', variables: { orderId } },
        {
          next(result) {
            const received = performance.now();
            const change = result.data?.orderStatusChanged;
            if (result.errors || !change) {
              noteError(`order ${orderId}: ${JSON.stringify(result)}`);
              return;
            }
            const published = publishedAt.get(eventKey(change.order.id, change.changedAt));
            if (published === undefined || change.order.id !== orderId) unexpected += 1;
            else latenciesMs.push(received - published);
          },
          error: (error) => noteError(`order ${orderId}: ${describeError(error)}`),
          complete: () => undefined,
        },
      );
    }
    clients.push({ client, closed });
  };
  return {
    perOrder,
    latenciesMs,
    get unexpected() {
      return unexpected;
    },
    get errors() {
      return errorCount > errors.length ? [...errors, `… ${errorCount - errors.length} more`] : errors;
    },
    connect,
    async dispose() {
      await Promise.all(
        clients.map(async ({ client, closed }) => {
          await client.dispose();
          await closed;
        }),
      );
    },
  };
}

/** graphql-ws gives an Error, a list of GraphQL errors, or the socket's CloseEvent. */
function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, reason } = error as { code: unknown; reason?: unknown };
    return `connection closed with ${String(code)} ${typeof reason === 'string' ? reason : ''}`.trim();
  }
  return JSON.stringify(error);
}
