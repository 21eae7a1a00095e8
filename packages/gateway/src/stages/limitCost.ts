import { rateLimitSubject, type RateDecision, type RateLimiter } from '../protection/rateLimit/createRateLimiter.js';
import type { Stage } from './Stage.js';

/** Options of the limitCost stage. */
export interface LimitCostOptions {
  readonly limiter: RateLimiter;
  readonly bffName: string;
}

/**
 * limitCost, when the rate limit counts cost units: each operation is charged its estimated cost
 * (at least 1) once guardOperation has measured and passed it, so nothing is counted for an
 * operation over a limit; 429 RATE_LIMITED with Retry-After, RateLimit-* headers on the answer.
 * (limitRate counts one unit per request at the HTTP layer, for routes other than GraphQL.)
 */
export function limitCost(options: LimitCostOptions): Stage {
  const { limiter, bffName } = options;
  return {
    name: 'limitCost',
    operation: {
      start: () => ({
        didResolveOperation({ request, measures }) {
          const { contextValue, response } = request;
          const charged = (decision: RateDecision) => {
            if (decision.kind === 'refused') throw decision.error;
            for (const [name, value] of Object.entries(decision.headers)) response.http.headers.set(name, value);
          };
          const subject = rateLimitSubject(contextValue.viewer, contextValue.clientIp, bffName);
          const decided = limiter.consume(subject, Math.max(1, measures().cost));
          if (decided instanceof Promise) return decided.then(charged);
          charged(decided);
          return undefined;
        },
      }),
    },
  };
}
