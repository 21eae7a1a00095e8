import type { FastifyRequest } from 'fastify';
import type { CompletedRequest } from '../useRequestObservation.js';

/**
 * The one log line of a request (pino, through fastify's request logger, so it carries `reqId`):
 * `{"level":30,…,"reqId":"…","msg":"request completed","method":"POST","path":"/graphql","status":200,
 * "client":"web","operation":"ProductPage","outcome":"ok","durationMs":12.3}`. No header, query
 * string or body is logged, so no token either. An incremental (@defer) answer adds
 * `"parts":2,"firstPartMs":3.1`. Probes and scrapes are logged at debug; 5xx at warn.
 */
export function logCompletedRequest(completed: CompletedRequest, request: FastifyRequest): void {
  const { method, path, status, client, operation, outcome, durationMs } = completed;
  const line = {
    method,
    path,
    status,
    client,
    operation,
    outcome,
    durationMs: tenths(durationMs),
    ...(completed.incremental && {
      parts: completed.incremental.parts,
      firstPartMs: tenths(completed.incremental.firstPartMs),
    }),
  };
  if (completed.operational) request.log.debug(line, 'request completed');
  else if (status >= 500) request.log.warn(line, 'request completed');
  else request.log.info(line, 'request completed');
}

function tenths(ms: number): number {
  return Math.round(ms * 10) / 10;
}
