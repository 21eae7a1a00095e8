import type { FastifyInstance } from 'fastify';
import { viewerKeyOf } from '../core/Viewer.js';
import type { SubscriptionSink } from '../core/SubscriptionSink.js';
import { TooManySubscriptionsError } from '../errors/subscriptionErrors.js';
import type { SubscriptionRegistry } from './createSubscriptionRegistry.js';
import { multipartSubscriptionBody, multipartSubscriptionContentType } from './multipartSubscriptionBody.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** For a request that takes a subscription's events (multipart), where the request path puts them. */
    subscriptionSink: SubscriptionSink | undefined;
  }
}

/** Options of {@link useMultipartSubscriptions}. */
export interface MultipartSubscriptionsOptions {
  readonly registry: SubscriptionRegistry;
  /** Subscriptions one viewer (a user, or an anonymous client's address) may hold at once. */
  readonly maxPerViewer: number;
  /** See multipartSubscriptionBody. */
  readonly heartbeatMs: number;
}

/** Whether a request takes a subscription's events as Apollo's multipart protocol. */
export function acceptsMultipartSubscription(accept: string | undefined): boolean {
  return accept !== undefined && /multipart\/mixed[^,]*subscriptionSpec=/i.test(accept);
}

/**
 * Subscriptions over HTTP: a request whose Accept takes `multipart/mixed;subscriptionSpec="1.0"` gets a sink on
 * `request.subscriptionSink` (the context's `subscription`); once the request path has put a subscription's events in
 * it, the answer Apollo Server wrote for the subscribe step is replaced by the events as they come (no-store). Each
 * is registered for the viewer's limit, the metrics and the shutdown.
 */
export function useMultipartSubscriptions(http: FastifyInstance, options: MultipartSubscriptionsOptions): void {
  const { registry, maxPerViewer, heartbeatMs } = options;
  http.decorateRequest('subscriptionSink');
  http.addHook('onRequest', (request, _reply, done) => {
    request.subscriptionSink = acceptsMultipartSubscription(request.headers.accept)
      ? {
          refusal: () =>
            registry.countOf(viewerKeyOf(request.viewer, request.ip)) >= maxPerViewer
              ? new TooManySubscriptionsError(`Too many subscriptions for this viewer (at most ${maxPerViewer}).`)
              : undefined,
        }
      : undefined;
    done();
  });
  http.addHook('onSend', (request, reply, payload, done) => {
    const events = request.subscriptionSink?.events;
    if (!events) {
      done(null, payload);
      return;
    }
    const open = registry.open(viewerKeyOf(request.viewer, request.ip), (error) => body.end(error));
    const body = multipartSubscriptionBody(events, {
      heartbeatMs,
      onEvent: () => open.delivered(),
      onEnd: () => open.close(),
    });
    void reply.header('content-type', multipartSubscriptionContentType).header('cache-control', 'no-store');
    done(null, body.stream);
  });
}
