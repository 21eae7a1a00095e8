import type { FastifyRequest } from 'fastify';
import { requestIdHeader } from '../core/requestId.js';
import { useTracing } from '../observability/tracing/useTracing.js';
import { operationalPaths } from '../observability/useOperationalEndpoints.js';
import {
  recordOperationOutcome,
  useRequestObservation,
  type CompletedRequest,
} from '../observability/useRequestObservation.js';
import type { Stage } from './Stage.js';

/** Options of the tagRequest stage. */
export interface TagRequestOptions {
  readonly bffName: string;
  /** Once per answered request, whatever answered it: its log line, metrics and span end. */
  readonly onCompleted: (completed: CompletedRequest, request: FastifyRequest) => void;
}

/**
 * tagRequest: every request gets its id (the client's `x-request-id` when well-formed, made by
 * fastify's genReqId otherwise) echoed on the response, an observation (operation name, outcome)
 * for its log line and metrics, and a server span when tracing is on. First, so even a request
 * refused by a later stage is logged, counted and traced.
 */
export function tagRequest(options: TagRequestOptions): Stage {
  return {
    name: 'tagRequest',
    http(http) {
      http.addHook('onRequest', (request, reply, done) => {
        reply.header(requestIdHeader, request.id);
        done();
      });
      useRequestObservation(http, { bffName: options.bffName, operationalPaths, onCompleted: options.onCompleted });
      useTracing(http);
    },
    plugins: [recordOperationOutcome()],
  };
}
