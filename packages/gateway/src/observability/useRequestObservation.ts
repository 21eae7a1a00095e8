import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientNameOf } from '../core/Viewer.js';
import type { RequestObservation } from '../core/RequestObservation.js';
import type { BffContext } from '../core/BffContext.js';

export type { RequestObservation };

/** A request once answered: what its log line says and its metrics count. */
export interface CompletedRequest {
  readonly method: string;
  /** The path, without the query string (which may carry a token). */
  readonly path: string;
  readonly status: number;
  /** The client app: the token's `azp`, else the BFF's name. */
  readonly client: string;
  /** The GraphQL operation name; empty for an anonymous operation or a request that never reached GraphQL. */
  readonly operation: string;
  /**
   * `ok`, or the first error's code (`UNAUTHENTICATED`, `RATE_LIMITED`, …), or `HTTP_<status>` for an error without
   * one.
   */
  readonly outcome: string;
  readonly durationMs: number;
  /** An incremental (@defer) answer's parts and the time to its first: the log line says them. @default none */
  readonly incremental?: { readonly parts: number; readonly firstPartMs: number };
  /** Probes and scrapes (/healthz, /readyz, /metrics): logged at debug, not counted. */
  readonly operational: boolean;
}

/** Options of {@link useRequestObservation}. */
export interface RequestObservationOptions {
  readonly bffName: string;
  /** Paths of probes and scrapes. */
  readonly operationalPaths: ReadonlySet<string>;
  /** Called once per answered request, after the response is sent. */
  readonly onCompleted: (completed: CompletedRequest, request: FastifyRequest) => void;
}

declare module 'fastify' {
  interface FastifyRequest {
    observation: RequestObservation;
  }
}

/**
 * Observes every request: a fresh {@link RequestObservation} on `request.observation` (pass it
 * into the GraphQL context), filled by {@link recordOperationOutcome}; requests answered before
 * GraphQL runs (401, 429, 415, …) get their outcome from their error body. `onCompleted` runs
 * in onResponse, once per request, whatever answered it.
 */
export function useRequestObservation(http: FastifyInstance, options: RequestObservationOptions): void {
  http.decorateRequest('observation');
  // Callback-style hooks, as every synchronous hook of the BFF: an async one costs a promise and a
  // microtask turn per request, for nothing.
  http.addHook('onRequest', (request, _reply, done) => {
    request.observation = { startedAt: performance.now() };
    done();
  });
  http.addHook('onSend', (request, reply, payload, done) => {
    if (request.observation.outcome === undefined) {
      request.observation.outcome =
        reply.statusCode < 400 ? 'ok' : (errorCodeOf(payload) ?? `HTTP_${reply.statusCode}`);
    }
    done(null, payload);
  });
  http.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0] ?? '';
    options.onCompleted(
      {
        method: request.method,
        path,
        status: reply.statusCode,
        // A request answered before authentication (a probe, a shed one) has no viewer, whatever its type says.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see the line above
        client: request.viewer ? clientNameOf(request.viewer, options.bffName) : options.bffName,
        operation: request.observation.operationName ?? '',
        outcome: request.observation.outcome ?? (reply.statusCode < 400 ? 'ok' : `HTTP_${reply.statusCode}`),
        durationMs: reply.elapsedTime,
        ...(request.observation.incremental && { incremental: request.observation.incremental }),
        operational: options.operationalPaths.has(path),
      },
      request,
    );
    done();
  });
}

/** Tells the request's observation the operation's name and outcome, once GraphQL has answered. */
export function recordOperationOutcome(): ApolloServerPlugin<BffContext> {
  // One synchronous listener for every request: Apollo Server awaits only hooks that return a promise (see the patch).
  const listener: GraphQLRequestListener<BffContext> = {
    willSendResponse({ contextValue, operationName, request, response }) {
      const observation = contextValue.observation;
      if (!observation) return;
      const name = operationName ?? request.operationName;
      if (name) observation.operationName = name;
      const { body } = response;
      const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
      if (body.kind === 'incremental')
        observation.incremental = { parts: 1, firstPartMs: performance.now() - (observation.startedAt ?? 0) };
      const code = errors?.[0]?.extensions?.['code'];
      observation.outcome =
        errors && errors.length > 0 ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : 'ok';
    },
    async willSendSubsequentPayload({ contextValue }) {
      const incremental = contextValue.observation?.incremental;
      if (incremental) incremental.parts += 1;
    },
  };
  return { requestDidStart: () => listener };
}

/** The code of the first error of a GraphQL error body, if the payload is one. */
function errorCodeOf(payload: unknown): string | undefined {
  if (typeof payload !== 'string' || !payload.includes('"errors"')) return undefined;
  try {
    const code = (JSON.parse(payload) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions
      ?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
