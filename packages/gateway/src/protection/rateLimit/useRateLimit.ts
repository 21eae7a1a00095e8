import type { FastifyInstance } from 'fastify';
import { replyWithBffError } from '../../core/replyWithHttpError.js';
import { rateLimitSubject, type RateDecision, type RateLimiter } from './createRateLimiter.js';

/**
 * limitRate at the HTTP layer: one unit per request to any route the BFF serves (GraphQL and
 * passthrough), charged after authentication (onRequest) and before the body is read
 * (preParsing), so a client over its limit costs no parsing. When the limit counts cost,
 * GraphQL requests are skipped here and charged once their cost is known. Every counted
 * response carries RateLimit-Limit, -Remaining and -Reset; a refused one is 429 RATE_LIMITED
 * with Retry-After (or 503 OVERLOADED when Redis is down and the limiter fails closed).
 */
export function useRateLimit(
  http: FastifyInstance,
  limiter: RateLimiter,
  options: { readonly bffName: string; readonly skipPath?: string },
): void {
  // Callback-style: counted in memory, the decision comes at once and the request goes on
  // without a promise. A hook that replies does not call done.
  http.addHook('preParsing', (request, reply, payload, done) => {
    const route = request.routeOptions.url;
    if (route === undefined || route === options.skipPath || request.method === 'OPTIONS') {
      done(null, payload);
      return;
    }
    const apply = (decision: RateDecision) => {
      if (decision.kind === 'refused') return void replyWithBffError(reply, decision.error);
      reply.headers(decision.headers);
      done(null, payload);
    };
    const decided = limiter.consume(rateLimitSubject(request.viewer, request.ip, options.bffName), 1);
    if (decided instanceof Promise) decided.then(apply, (error: unknown) => done(error as Error));
    else apply(decided);
  });
}
