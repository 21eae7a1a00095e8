import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { createClient, type Client } from 'graphql-ws/client';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';
import { downstreamHeaders } from '../auth/downstreamHeaders.js';
import type { BffContext } from '../core/BffContext.js';
import { allIdentity, type IdentityScope } from '../downstream/identityScope.js';
import { DownstreamTimeoutError } from '../errors/downstreamErrors.js';
import { createEventQueue } from './createEventQueue.js';
import { subgraphFailure } from './subgraphFailure.js';
import type { SubgraphEvents, SubgraphSubscriber, SubgraphSubscription } from './SubgraphSubscriber.js';

/** A remote subgraph to subscribe to over GraphQL over WebSocket (the graphql-transport-ws protocol). */
export interface RemoteSubgraph {
  /** Its name in the supergraph: failures carry it as `serviceName`. */
  readonly name: string;
  /** Its routing URL, `http(s)://host/path`: subscriptions go to `ws(s)://host/path`. */
  readonly url: string;
  /** The identity it is told, as for its queries (`<PREFIX>IDENTITY_<NAME>`). @default every identity header */
  readonly identity?: IdentityScope;
  /** Events kept for a reader that has not asked for them yet; past it the oldest is dropped. @default 100 */
  readonly bufferSize?: number;
}

/** Node's longest timer; a longer delay fires at once. */
const maxTimerDelayMs = 2 ** 31 - 1;

/** As the kit's event bus keeps for a slow reader. */
export const defaultSubscriptionBufferSize = 100;

/** The WebSocket URL of a subgraph's routing URL: `http:` becomes `ws:`, `https:` `wss:`, the rest is kept. */
export function webSocketUrlOf(routingUrl: string): string {
  const url = URL.canParse(routingUrl) ? new URL(routingUrl) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new TypeError(`A subgraph's routing URL must be an http(s) URL, but got: ${JSON.stringify(routingUrl)}`);
  }
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/**
 * Subscribes to a remote subgraph with its own graphql-ws client (one socket per subscription, so that
 * return() closing it is all the cleanup there is). The subgraph learns who is asking from the
 * `connection_init` payload (graphql-ws' connectionParams, what a graphql-ws server hands its context),
 * which carries what a query's HTTP headers would (downstreamHeaders: `x-request-id`, `x-client-name`,
 * `x-user-id`, `x-user-roles`, as keys of those names); no header is sent on the upgrade request.
 * Resolves once the subgraph acknowledged the connection; a connection that fails
 * before is a refusal with DOWNSTREAM_SERVICE_ERROR, one not acknowledged by the context's deadline a
 * refusal with DOWNSTREAM_TIMEOUT. Nothing is retried: a socket that closes afterwards ends the events
 * with one carrying DOWNSTREAM_SERVICE_ERROR, and the client subscribes again if it wants to.
 */
export function subscribeRemote(
  subgraph: RemoteSubgraph,
  request: SubgraphSubscription,
  context: BffContext,
): Promise<SubgraphEvents | GatewayGraphQLResponse> {
  const { name, identity = allIdentity, bufferSize = defaultSubscriptionBufferSize } = subgraph;
  const url = webSocketUrlOf(subgraph.url);
  return new Promise((resolve) => {
    let socket: WebSocket | undefined;
    let connected = false;
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      clearTimeout(deadline);
      unsubscribe();
      // Rejects when the connection failed before being acknowledged, which was already reported.
      await Promise.resolve(client.dispose()).catch(() => undefined);
    };
    const queue = createEventQueue(bufferSize, release);
    const refuse = (error: GraphQLFormattedError) => {
      queue.finish();
      resolve({ errors: [error] });
      void release();
    };
    const fail = (cause: unknown) => {
      if (queue.finished) return;
      if (!connected) {
        refuse(subgraphFailure(name, socketFailure(cause)));
        return;
      }
      queue.push({ errors: [subgraphFailure(name, socketFailure(cause))] });
      queue.finish();
      void release();
    };
    const deadline = setTimeout(
      () => {
        if (connected || queue.finished) return;
        refuse(new DownstreamTimeoutError(name));
        // terminate(), not close(): a handshake the subgraph never answers must not hold the socket.
        socket?.terminate();
      },
      Math.min(context.deadline - Date.now(), maxTimerDelayMs),
    );
    const client: Client = createClient({
      url,
      webSocketImpl: capturingSocket((opened) => (socket = opened)),
      connectionParams: downstreamHeaders(context, identity),
      lazy: false,
      retryAttempts: 0,
      // Every failure reaches `on` below; graphql-ws would print it.
      onNonLazyError: () => undefined,
      on: {
        connected: () => {
          connected = true;
          clearTimeout(deadline);
          resolve(queue.events);
        },
        closed: fail,
        error: fail,
      },
    });
    const unsubscribe = client.subscribe<Record<string, unknown>, Record<string, unknown>>(
      { query: request.query, variables: request.variables, operationName: request.operationName ?? null },
      {
        next: (result) => queue.push(result),
        error: (error) => {
          // An `error` message (the subgraph refused the operation, e.g. as invalid): its GraphQL errors.
          if (!Array.isArray(error)) {
            fail(error);
            return;
          }
          queue.push({ errors: error as GraphQLFormattedError[] });
          queue.finish();
          void release();
        },
        complete: () => {
          queue.finish();
          void release();
        },
      },
    );
  });
}

/** A {@link SubgraphSubscriber} of a remote subgraph. */
export function remoteSubscriber(subgraph: RemoteSubgraph): SubgraphSubscriber {
  // A wrong URL is the configuration's mistake: said at startup, not at the first subscription.
  webSocketUrlOf(subgraph.url);
  return { subscribe: (request, context) => subscribeRemote(subgraph, request, context) };
}

/** The `ws` WebSocket class, telling `onSocket` of each socket graphql-ws opens, so it can be terminated. */
function capturingSocket(onSocket: (socket: WebSocket) => void): typeof WebSocket {
  return class SubgraphSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      onSocket(this);
    }
  } as typeof WebSocket;
}

/** What graphql-ws reports of a socket (a CloseEvent, a ws ErrorEvent, an Error) as an Error, for the logs. */
function socketFailure(cause: unknown): Error {
  if (cause instanceof Error) return cause;
  const { code, reason, error } = (typeof cause === 'object' && cause !== null ? cause : {}) as Record<string, unknown>;
  if (error instanceof Error) return error;
  if (typeof code === 'number') {
    return new Error(
      `The subgraph's WebSocket closed (${code}${typeof reason === 'string' && reason ? `: ${reason}` : ''})`,
    );
  }
  return new Error(String(cause));
}
