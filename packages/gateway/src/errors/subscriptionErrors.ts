import { BffError, BffErrorCode } from './BffError.js';

/** A subscription asked for without a transport that can carry its events (HTTP 406). */
export class SubscriptionNotAcceptableError extends BffError {
  constructor() {
    super(
      'Subscriptions are served over GraphQL over WebSocket (graphql-transport-ws), or over HTTP to a request ' +
        'that accepts multipart/mixed;subscriptionSpec="1.0".',
      BffErrorCode.NOT_ACCEPTABLE,
      406,
    );
  }
}

/** One more subscription than a viewer (or a WebSocket connection) may hold (HTTP 429). */
export class TooManySubscriptionsError extends BffError {
  constructor(message: string) {
    super(message, BffErrorCode.TOO_MANY_SUBSCRIPTIONS, 429);
  }
}

/** The transport error that ends every subscription of a BFF that is shutting down: subscribe again. */
export const shuttingDownError = {
  message: 'The BFF is shutting down: subscribe again.',
  extensions: { code: BffErrorCode.SHUTTING_DOWN },
} as const;
