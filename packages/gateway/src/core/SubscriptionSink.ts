import type { FormattedExecutionResult, GraphQLError } from 'graphql';

/**
 * Where a subscription's results go: made by the respond stage for a request that takes them
 * (`Accept: multipart/mixed;subscriptionSpec="1.0"`, what GraphQL over WebSocket sends too), on the request's context
 * as `subscription`, and filled by the request path once the subscription has started.
 */
export interface SubscriptionSink {
  /** Why this viewer may not open one more subscription (its limit), or undefined: asked before subscribing. */
  readonly refusal: () => GraphQLError | undefined;
  /** The subscription's results, judged and masked, one per event: set once subscribed; the respond stage writes
   * them. */
  events?: AsyncIterableIterator<FormattedExecutionResult, undefined>;
}
