import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { DocumentNode } from 'graphql';
import type { BffContext } from '../core/BffContext.js';

/** The subscription a subscription plan's primary fetch sends the subgraph that owns its root field. */
export interface SubgraphSubscription {
  /** The fetch's text, what a remote subgraph receives. */
  readonly query: string;
  /** The same operation parsed, what an in-process subgraph executes. */
  readonly document: DocumentNode;
  readonly variables: Record<string, unknown>;
  readonly operationName?: string;
}

/** Events of one subgraph subscription; `return()` ends them at once, a pending `next()` included. */
export type SubgraphEvents = AsyncIterableIterator<GatewayGraphQLResponse>;

/**
 * Subscribes to one subgraph, in process (subscribeInProcess.ts) or over GraphQL over WebSocket
 * (subscribeRemote.ts).
 */
export interface SubgraphSubscriber {
  /**
   * Resolves once subscribed (the subgraph's subscribe resolver ran; a remote subgraph acknowledged), with
   * its events; or with one GraphQL response carrying errors when the subgraph refused (its errors as
   * the subgraph gave them, e.g. a FORBIDDEN from the resolver, with their extensions).
   *
   * A remote subgraph acknowledges the connection (graphql-ws' `connection_ack`), not the operation: the
   * protocol has no message for "subscribed". A refusal of the operation itself (its validation errors, or
   * its subscribe resolver's errors, which graphql-ws sends as a `next` without `data`) therefore comes
   * as the only event, a response without `data`, after which the events end.
   *
   * The events end when the subgraph completes the subscription. A failure of the source (a dropped
   * socket, a failing event stream) is one last event whose errors say so (DOWNSTREAM_SERVICE_ERROR
   * with `serviceName`). `return()` stops the source without waiting for its next event and releases
   * what it held (bus listener, socket).
   *
   * @param context the subscribing request's context: the subscribe step runs with it.
   * @param eventContext a fresh context for each event (its own deadline and per-request loaders): an
   *   in-process subgraph resolves each event with a new one.
   */
  subscribe(
    request: SubgraphSubscription,
    context: BffContext,
    eventContext: () => BffContext,
  ): Promise<SubgraphEvents | GatewayGraphQLResponse>;
}

/** Whether {@link SubgraphSubscriber.subscribe} subscribed (its events) rather than answered a refusal. */
export function isSubgraphEvents(answer: SubgraphEvents | GatewayGraphQLResponse): answer is SubgraphEvents {
  return Symbol.asyncIterator in answer;
}
