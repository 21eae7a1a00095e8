import { SpanKind, SpanStatusCode, context, propagation, trace, type Span } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import type { CompletedRequest } from '../useRequestObservation.js';
import { isTracingOn } from './inActiveSpan.js';

/** Name of the tracer of the kit's own spans. */
export const bffTracerName = '@bff/gateway';

declare module 'fastify' {
  interface FastifyRequest {
    span: Span | undefined;
  }
}

/**
 * A server span per request (continuing the client's `traceparent`, if any), active while its
 * route runs, so @apollo/gateway's plan and fetch spans and the downstream calls are its children.
 * Costs nothing while no tracer provider is registered. Call before any route is added; end the span
 * with `endRequestSpan` once the request is answered.
 */
export function useTracing(http: FastifyInstance): void {
  const tracer = trace.getTracer(bffTracerName);
  http.decorateRequest('span');
  http.addHook('onRequest', (request, _reply, done) => {
    if (isTracingOn()) {
      const parent = propagation.extract(context.active(), request.headers);
      request.span = tracer.startSpan(
        `${request.method} ${request.routeOptions.url ?? 'unknown route'}`,
        { kind: SpanKind.SERVER },
        parent,
      );
    }
    done();
  });
  http.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function tracedHandler(this: unknown, request, reply) {
      if (!request.span) return handler.call(this as never, request, reply);
      const active = trace.setSpan(context.active(), request.span);
      return context.with(active, () => handler.call(this as never, request, reply));
    };
  });
}

/** Ends a request's server span (if tracing made one) with what the request came to. */
export function endRequestSpan(completed: CompletedRequest, span: Span | undefined): void {
  if (!span) return;
  span.setAttributes({
    'http.request.method': completed.method,
    'url.path': completed.path,
    'http.response.status_code': completed.status,
    'bff.client': completed.client,
    'graphql.operation.name': completed.operation,
    'bff.outcome': completed.outcome,
  });
  if (completed.outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: completed.outcome });
  span.end();
}
