import type { FastifyInstance } from 'fastify';
import { replyWithBffError } from '../../server/replyWithHttpError.js';
import { rateLimitSubject, type RateLimiter } from './createRateLimiter.js';

/**
 * limitRate at the HTTP layer: one unit per request to any route the BFF serves (GraphQL and
 * passthrough), charged after authentication (onRequest) and before the body is read
 * (preParsing), so a client over its limit costs no parsing. When the limit counts cost,
 * GraphQL requests are skipped here and charged once their cost is known. Every counted
 * response carries RateLimit-Limit, -Remaining and -Reset; a refused one is 429 RATE_LIMITED
 * with Retry-After (or 503 OVERLOADED when Redis is down and the limiter fails closed).
 */
export function useRateLimit(http: FastifyInstance, limiter: RateLimiter, options: { readonly bffName: string; readonly skipPath?: string }): void {
  http.addHook('preParsing', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === undefined || route === options.skipPath || request.method === 'OPTIONS') return;
    const decision = await limiter.consume(rateLimitSubject(request.viewer, request.ip, options.bffName), 1);
    if (decision.kind === 'refused') return replyWithBffError(reply, decision.error);
    reply.headers(decision.headers);
  });
}
