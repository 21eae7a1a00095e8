import type { Logger } from '@apollo/utils.logger';
import type { FastifyInstance } from 'fastify';
import { buildSchema, GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import type { ExecutionResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { createAuthenticator } from '../auth/createAuthenticator.js';
import type { AuthConfig } from '../auth/readAuthConfig.js';
import { BffErrorCode } from '../errors/BffError.js';
import { readConnectionToken } from './readConnectionToken.js';
import type { SubscriptionsConfig } from '../subscriptions/readSubscriptionsConfig.js';
import { relayOperation, type RelayedAnswer } from './relayOperation.js';

/** How a BFF serves GraphQL over WebSocket (the `graphql-transport-ws` subprotocol of graphql-ws). */
export interface GraphqlWsOptions {
  /** The GraphQL endpoint: upgrades to it open connections, and each operation is a POST to it. @default '/graphql' */
  path?: string;
  /** How the token of a connection is verified, once, at its start (the BFF's `config.auth`). */
  auth: AuthConfig;
  /** Operations per connection and keep-alive pings (the BFF's `config.subscriptions`). */
  subscriptions: Pick<SubscriptionsConfig, 'maxPerConnection' | 'keepAliveMs'>;
  /** Largest message a client may send, in bytes; a bigger one closes its connection (1009). @default 1048576 */
  maxMessageBytes?: number;
  /** Where refused connections are logged (never with their token). @default the fastify instance's logger */
  logger?: Logger;
}

/** GraphQL over WebSocket on a BFF's HTTP server. */
export interface GraphqlWs {
  /**
   * Tells every client to reconnect (close code 1012 Service Restart, which graphql-ws clients retry on; their
   * subscriptions end on the BFF), answers new upgrades with 503, and resolves once every socket is closed. Called on
   * SIGTERM before the server drains; also run by fastify's close. Safe to call more than once.
   */
  close(): Promise<void>;
}

/** Per connection: the Authorization verified at its start, sent with each of its operations. */
interface ConnectionState extends Record<PropertyKey, unknown> {
  authorization?: string;
}

/** What graphql-ws is handed to stream: the relayed results (see relayDocument). */
interface RelayedResults {
  readonly results: Extract<RelayedAnswer, { kind: 'results' }>['results'];
}

/**
 * graphql-ws executes what onSubscribe returns. The request path has parsed, validated, judged and started the
 * operation already; this schema and document only make graphql-ws stream the relayed results as they are, one
 * `next` each then `complete`, whatever the operation (a query's single result included).
 */
const relaySchema = buildSchema('type Query { relayed: Boolean } type Subscription { relayed: Boolean }');
const relayDocument = parse('subscription { relayed }');

/** Close code graphql-ws clients reconnect on (not fatal in their isFatalInternalCloseCode): 1012 Service Restart. */
export const serviceRestartCloseCode = 1012;
/** How long close() waits for a client's close handshake before cutting the socket off. */
const closeHandshakeMs = 1_000;

/** A refusal of the request path, carried through graphql-ws (which wants GraphQLErrors) as the server formatted it. */
class RelayedError extends GraphQLError {
  constructor(readonly formatted: GraphQLFormattedError) {
    super(formatted.message);
  }
}

/**
 * Serves GraphQL over WebSocket as an adapter over the BFF's one request path: every `subscribe` message is relayed as
 * a POST to `path` in process (relayOperation), so authentication, rate limits, trusted documents, limits, admission
 * and rules apply to it exactly as to an HTTP client's, and its multipart or JSON answer is turned into `next`,
 * `error` and `complete` messages. The connection's token is verified once, at `connection_init` (a bad one closes it
 * with 4403 Forbidden); unsubscribing or disconnecting closes the relayed answer, which ends the subscription.
 * Upgrades to any other path are refused. Call before the server starts (it adds a preClose hook).
 */
export function useGraphqlWs(http: FastifyInstance, options: GraphqlWsOptions): GraphqlWs {
  const path = options.path ?? '/graphql';
  const logger = options.logger ?? http.log;
  const { maxPerConnection, keepAliveMs } = options.subscriptions;
  const authenticator = createAuthenticator(options.auth, logger);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 1_048_576 });
  useServer<Record<string, unknown>, ConnectionState>(
    {
      isProd: true,
      async onConnect(ctx) {
        const { request } = ctx.extra;
        try {
          const token = readConnectionToken(ctx.connectionParams, request);
          if (token === undefined) return true;
          await authenticator.authenticate(token);
          ctx.extra.authorization = `Bearer ${token}`;
          return true;
        } catch (error) {
          // The authenticator's messages say what is wrong with a token, never what it holds.
          const peer = request.socket.remoteAddress ?? 'a closed socket';
          logger.warn(`GraphQL over WebSocket connection from ${peer} refused: ${(error as Error).message}`);
          return false;
        }
      },
      async onSubscribe(ctx, _id, payload) {
        // graphql-ws has reserved this operation's id already: it counts among the connection's operations.
        if (Object.keys(ctx.subscriptions).length > maxPerConnection)
          return [new RelayedError(tooManySubscriptions(maxPerConnection))];
        const { request, authorization } = ctx.extra;
        const forwardedFor = request.headers['x-forwarded-for'];
        const answer = await relayOperation(http, path, {
          payload,
          remoteAddress: request.socket.remoteAddress ?? '',
          ...(authorization !== undefined && { authorization }),
          ...(typeof forwardedFor === 'string' && { forwardedFor }),
        });
        if (answer.kind === 'refused') return answer.errors.map((error) => new RelayedError(error));
        const relayed: RelayedResults = { results: answer.results };
        return { schema: relaySchema, document: relayDocument, contextValue: relayed };
      },
      // The results are GraphQL answers already formatted by the request path, passed on untouched (onNext).
      subscribe: ({ contextValue }) =>
        (contextValue as RelayedResults).results as AsyncIterableIterator<ExecutionResult>,
      onNext: (_ctx, _id, _payload, _args, result) => result,
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => (error instanceof RelayedError ? error.formatted : error.toJSON())),
    },
    sockets,
    keepAliveMs,
  );
  let closing: Promise<void> | undefined;
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if ((request.url ?? '/').split('?')[0] !== path) {
      socket.destroy();
      return;
    }
    if (closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request));
  };
  http.server.on('upgrade', onUpgrade);
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await Promise.all([...sockets.clients].map(closeForRestart));
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      authenticator.close();
    })());
  http.addHook('preClose', close);
  return { close };
}

/** The error of one operation more than a connection may have running. */
function tooManySubscriptions(max: number): GraphQLFormattedError {
  return {
    message: `Too many subscriptions on this connection (at most ${max}).`,
    extensions: { code: BffErrorCode.TOO_MANY_SUBSCRIPTIONS },
  };
}

/** Closes a socket with 1012 and resolves once it is closed, cutting it off if the client does not answer in time. */
function closeForRestart(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => socket.terminate(), closeHandshakeMs);
    socket.once('close', () => {
      clearTimeout(cutOff);
      resolve();
    });
    socket.close(serviceRestartCloseCode, 'Service restart: reconnect');
  });
}
