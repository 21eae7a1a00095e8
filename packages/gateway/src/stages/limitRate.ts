import type { RateLimiter } from '../protection/rateLimit/createRateLimiter.js';
import { useRateLimit } from '../protection/rateLimit/useRateLimit.js';
import type { Stage } from './Stage.js';

/** Options of the limitRate stage. */
export interface LimitRateOptions {
  readonly limiter: RateLimiter;
  readonly bffName: string;
  /**
   * Leave GraphQL requests at this path to limitCost (the limit counts cost units).
   * @default none: every route counts
   */
  readonly skipPath?: string;
}

/**
 * limitRate: one unit per request to any route (GraphQL and passthrough), per user and per client
 * app, charged after authentication and before the body is read; 429 RATE_LIMITED with
 * Retry-After. Its store (memory or the shared Redis) is awaited briefly when the server gets ready.
 */
export function limitRate(options: LimitRateOptions): Stage {
  const { limiter, bffName, skipPath } = options;
  return {
    name: 'limitRate',
    http(http) {
      useRateLimit(http, limiter, { bffName, ...(skipPath !== undefined && { skipPath }) });
      http.addHook('onReady', () => limiter.ready());
    },
  };
}
