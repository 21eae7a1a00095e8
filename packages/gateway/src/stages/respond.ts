import type { ResponseCache } from '../cache/createResponseCache.js';
import { useCacheScope } from '../cache/useCacheScope.js';
import {
  useMultipartSubscriptions,
  type MultipartSubscriptionsOptions,
} from '../subscriptions/useMultipartSubscriptions.js';
import type { Stage } from './Stage.js';

/** Options of the respond stage. */
export interface RespondOptions {
  /** Whole anonymous answers of public data, cached. @default none */
  readonly responseCache?: ResponseCache | undefined;
  /** Subscriptions' events written as they come (multipart). @default none: subscriptions are refused (406) */
  readonly subscriptions?: MultipartSubscriptionsOptions | undefined;
}

/**
 * respond: the answer's cache policy (RFC 9111: `private` for a viewer or a judged rule, `Vary` on
 * what it depends on) and, when on, the response cache; a subscription's events, written as
 * they come to a client that takes them (multipart; GraphQL over WebSocket goes through the same
 * request). The log line and metrics are tagRequest's, written once the answer is sent.
 */
export function respond(options: RespondOptions = {}): Stage {
  const { subscriptions } = options;
  return {
    name: 'respond',
    ...(subscriptions && { http: (http) => useMultipartSubscriptions(http, subscriptions) }),
    plugins: [useCacheScope(), ...(options.responseCache ? [options.responseCache.plugin] : [])],
  };
}
