import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { GraphQLError } from 'graphql';
import type { Downstream } from '../../downstream/createDownstream.js';
import { bffTracerName } from '../tracing/useTracing.js';
import type { Metrics } from './createMetrics.js';
import { inActiveSpan } from '../tracing/inActiveSpan.js';

/**
 * The same downstream policies, each call (retries included) a client span (active while it
 * runs, so fetchJson sends it on as `traceparent`) and, with metrics, counted, timed and its
 * batch size observed.
 */
export function instrumentDownstream(downstream: Downstream, metrics: Metrics | undefined): Downstream {
  const tracer = trace.getTracer(bffTracerName);
  return {
    call(service, request, options, attempt) {
      return inActiveSpan(
        tracer,
        `call ${service}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'bff.service': service,
            ...(options.batchSize !== undefined && { 'bff.batch_size': options.batchSize }),
          },
        },
        async (span) => {
          const started = performance.now();
          const seconds = () => (performance.now() - started) / 1000;
          try {
            const result = await downstream.call(service, request, options, attempt);
            metrics?.recordDownstreamCall(service, 'ok', seconds(), options.batchSize);
            return result;
          } catch (error) {
            const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
            const outcome = typeof code === 'string' ? code : 'DOWNSTREAM_SERVICE_ERROR';
            metrics?.recordDownstreamCall(service, outcome, seconds(), options.batchSize);
            span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
            throw error;
          } finally {
            span.end();
          }
        },
      );
    },
    breakerState: (service) => downstream.breakerState(service),
  };
}
