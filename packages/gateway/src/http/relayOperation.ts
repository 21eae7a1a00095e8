import type { FastifyInstance } from 'fastify';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { Readable } from 'node:stream';
import { readRequestId, requestIdHeader } from '../core/requestId.js';
import { BffErrorCode } from '../errors/BffError.js';
import { multipartBoundaryOf } from './createMultipartParser.js';
import { multipartResults } from './multipartResults.js';

/** The Accept header of a relayed operation: a subscription's events in parts, anything else as one JSON answer. */
export const relayedAccept = 'multipart/mixed;subscriptionSpec="1.0",application/json';

/** One operation of a WebSocket connection, as the connection's client sent it and who sent it. */
export interface RelayedOperation {
  /** The `subscribe` message's payload: query, variables, operationName, extensions. */
  readonly payload: SubscribePayload;
  /** `Bearer <token>` verified at connection start; none for an anonymous connection. */
  readonly authorization?: string;
  /** The connection's peer address. */
  readonly remoteAddress: string;
  /** The upgrade request's X-Forwarded-For: fastify believes it only from a trusted proxy, as for any request. */
  readonly forwardedFor?: string;
}

/**
 * What the request path answered: the operation refused before it ran (its errors, as the server formatted them), or
 * its results, one for a query or mutation, one per event for a subscription.
 */
export type RelayedAnswer =
  | { readonly kind: 'refused'; readonly errors: readonly GraphQLFormattedError[] }
  | { readonly kind: 'results'; readonly results: AsyncIterableIterator<FormattedExecutionResult, undefined> };

/**
 * Sends one operation of a WebSocket connection through the BFF's own request path, as a POST to `path` in process
 * (fastify's inject: every hook and stage of a POST runs), and reads the answer as it streams: a multipart answer (a
 * subscription) event by event, a JSON answer whole. A JSON answer without data, or with an HTTP error status, is a
 * refusal.
 */
export async function relayOperation(
  http: FastifyInstance,
  path: string,
  operation: RelayedOperation,
): Promise<RelayedAnswer> {
  const { query, variables, operationName, extensions } = operation.payload;
  let response;
  try {
    response = await http.inject({
      method: 'POST',
      url: path,
      payloadAsStream: true,
      remoteAddress: operation.remoteAddress,
      headers: {
        'content-type': 'application/json',
        accept: relayedAccept,
        [requestIdHeader]: readRequestId(undefined),
        ...(operation.authorization !== undefined && { authorization: operation.authorization }),
        ...(operation.forwardedFor !== undefined && { 'x-forwarded-for': operation.forwardedFor }),
      },
      payload: JSON.stringify({ query, variables, operationName, extensions }),
    });
  } catch {
    // The answer was destroyed before its head (the server closing): nothing ran that the client could rely on.
    return { kind: 'refused', errors: [unansweredError(503)] };
  }
  const body = response.stream();
  const contentType = String(response.headers['content-type'] ?? '');
  const boundary = /^multipart\/mixed/i.test(contentType) ? multipartBoundaryOf(contentType) : undefined;
  if (boundary !== undefined) {
    const answer = response.raw.res;
    // Closing the answer is what a disconnecting HTTP client does: the request path sees it and ends the subscription.
    const cancel = (): void => {
      answer.destroy();
      body.destroy();
    };
    return { kind: 'results', results: multipartResults(body, boundary, cancel) };
  }
  const json = parseObject(await readAll(body));
  const errors = Array.isArray(json?.['errors']) ? (json['errors'] as GraphQLFormattedError[]) : [];
  if (json === undefined || response.statusCode >= 400 || json['data'] === undefined)
    return { kind: 'refused', errors: errors.length > 0 ? errors : [unansweredError(response.statusCode)] };
  return { kind: 'results', results: oneResult(json) };
}

/** What the client is told when the request path's answer says nothing it can relay. */
function unansweredError(status: number): GraphQLFormattedError {
  return {
    message: `The operation got no GraphQL answer (HTTP ${status}): retry later.`,
    extensions: { code: BffErrorCode.INTERNAL_SERVER_ERROR },
  };
}

async function readAll(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of body) chunks.push(chunk as Buffer);
  } catch {
    return '';
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A query's or mutation's single result, in the shape of a subscription's results. */
function oneResult(result: FormattedExecutionResult): AsyncIterableIterator<FormattedExecutionResult, undefined> {
  let taken = false;
  const results: AsyncIterableIterator<FormattedExecutionResult, undefined> = {
    next: () => {
      const first = !taken;
      taken = true;
      return Promise.resolve(first ? { value: result, done: false } : { value: undefined, done: true });
    },
    return: () => {
      taken = true;
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}
