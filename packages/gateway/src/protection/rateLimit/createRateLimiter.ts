import type { Logger } from '@apollo/utils.logger';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createMemoryWindows } from './createMemoryWindows.js';
import { clientNameOf, viewerKeyOf, type Viewer } from '../../core/Viewer.js';
import type { RateLimitConfig } from '../../config/readProtectionConfig.js';
import { OverloadedError, RateLimitedError } from '../../errors/BffError.js';
import type { RedisConnection } from '../../core/createRedisConnection.js';

/** Whose counters a request is charged to. */
export interface RateLimitSubject {
  /** `user:<sub>` for a verified user, `ip:<address>` for an anonymous request. */
  readonly user: string;
  /** The client app: the token's `azp`, else the BFF's name. */
  readonly client: string;
}

/** The subject of a request: its user (anonymous: its IP address) and its client app. */
export function rateLimitSubject(viewer: Viewer, ip: string | undefined, bffName: string): RateLimitSubject {
  return {
    user: viewerKeyOf(viewer, ip),
    client: clientNameOf(viewer, bffName),
  };
}

/** What a request may do after its units were counted. */
export type RateDecision =
  /** Counted and within every limit, or let through uncounted (store down, failing open: no headers). */
  | { readonly kind: 'allowed'; readonly headers: Readonly<Record<string, string>> }
  /**
   * Over a limit (RateLimitedError, 429), or refused because the store is down and failing closed (OverloadedError,
   * 503).
   */
  | { readonly kind: 'refused'; readonly error: RateLimitedError | OverloadedError };

/** Counters of a rate limiter since it was made. */
export interface RateLimitStats {
  /**
   * Requests refused with RATE_LIMITED, by the limit they went over (the per-user one counts anonymous requests per
   * IP).
   */
  readonly limited: Readonly<Record<keyof RateLimitSubject, number>>;
  /** Requests whose counters could not be reached (let through or refused, as configured). */
  readonly storeFailures: number;
}

/** The stats of a BFF without rate limits (or of a limiter that has refused nothing yet). */
export const noRateLimitStats: RateLimitStats = { limited: { user: 0, client: 0 }, storeFailures: 0 };

/** Per-user and per-client-app counters over one fixed window, in memory or in Redis. */
export interface RateLimiter {
  /**
   * Charges `units` to the subject's counters. In memory the decision comes at once; in Redis as a
   * promise, which never rejects: a store failure is a decision too.
   */
  consume(subject: RateLimitSubject, units: number): RateDecision | Promise<RateDecision>;
  /** Resolves once the store can count (Redis connected), or after a short wait without. */
  ready(): Promise<void>;
  close(): void;
  stats(): RateLimitStats;
}

interface Counter {
  readonly scope: keyof RateLimitSubject;
  readonly points: number;
}

/** A counter after a charge: its count, and whether the charge went over its points. */
interface Counted {
  readonly counter: Counter;
  readonly result: { readonly remainingPoints: number; readonly msBeforeNext: number };
  readonly exceeded: boolean;
}

/** How long a BFF waits at boot for Redis before it serves anyway. */
const redisBootWaitMs = 2_000;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * RateLimit-Limit, -Remaining and -Reset (draft-ietf-httpapi-ratelimit-headers, the three-field form); Reset in
 * seconds.
 */
function rateLimitHeaders(limit: number, result: Counted['result']): Record<string, string> {
  return {
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': String(result.remainingPoints),
    'ratelimit-reset': String(Math.ceil(result.msBeforeNext / 1000)),
  };
}

/**
 * Builds a BFF's rate limiter, or undefined when both limits are 0 (off). With `redisUrl`
 * every replica charges the same counters; when Redis is unreachable a request is let through
 * uncounted (`onStoreError: 'open'`, a warning once per outage) or refused with 503 OVERLOADED
 * ('closed'), and counting resumes when Redis is back. It never throws into the request.
 */
export function createRateLimiter(
  config: RateLimitConfig,
  bffName: string,
  logger: Logger,
  connectRedis: (url: string) => RedisConnection,
): RateLimiter | undefined {
  if (config.perUser === 0 && config.perClient === 0) return undefined;
  const redis = config.redisUrl === undefined ? undefined : connectRedis(config.redisUrl);
  const store = redis ? `Redis at ${redis.where}` : 'memory';
  const counters: Counter[] = (['user', 'client'] as const)
    .map((scope) => ({ scope, points: scope === 'user' ? config.perUser : config.perClient }))
    .filter((counter) => counter.points > 0);
  const unit = config.unit === 'request' ? 'request' : 'cost unit';
  const subjectName = (scope: keyof RateLimitSubject, key: string) =>
    scope === 'client' ? `client app ${key}` : key.startsWith('ip:') ? 'this IP address' : 'this user';
  let storeDown = false;
  const limited: Record<keyof RateLimitSubject, number> = { ...noRateLimitStats.limited };
  let storeFailures = 0;

  const onStoreError = (error: unknown): RateDecision => {
    storeFailures += 1;
    if (!storeDown) {
      storeDown = true;
      const then =
        config.onStoreError === 'open'
          ? 'failing open: requests pass uncounted'
          : 'failing closed: requests are refused with 503';
      logger.warn(
        `rate limits cannot be counted in ${store} (${error instanceof Error ? error.message : String(error)}); ` +
          `${then} until it is back`,
      );
    }
    if (config.onStoreError === 'open') return { kind: 'allowed', headers: {} };
    return {
      kind: 'refused',
      error: new OverloadedError(
        'This BFF cannot check rate limits right now and refuses requests until it can. Retry in 1 second.',
        1,
      ),
    };
  };

  const decide = (subject: RateLimitSubject, results: readonly Counted[]): RateDecision => {
    // The headers describe the tightest limit: the exceeded one that frees last, else the one with least left.
    const exceeded = results
      .filter((entry) => entry.exceeded)
      .sort((a, b) => b.result.msBeforeNext - a.result.msBeforeNext)[0];
    const shown =
      exceeded ??
      results.reduce((tightest, entry) =>
        entry.result.remainingPoints < tightest.result.remainingPoints ? entry : tightest,
      );
    const headers = rateLimitHeaders(shown.counter.points, shown.result);
    if (!exceeded) return { kind: 'allowed', headers };
    const { scope, points } = exceeded.counter;
    limited[scope] += 1;
    const retryAfterSeconds = Math.max(1, Math.ceil(exceeded.result.msBeforeNext / 1000));
    const message =
      `Rate limit exceeded for ${subjectName(scope, subject[scope])}: ` +
      `at most ${plural(points, unit)} per ${plural(config.windowSeconds, 'second')}. ` +
      `Retry in ${plural(retryAfterSeconds, 'second')}.`;
    return { kind: 'refused', error: new RateLimitedError(message, retryAfterSeconds, headers) };
  };
  const stats = () => ({ limited: { ...limited }, storeFailures });

  if (!redis) {
    const charges = counters.map((counter) => ({
      counter,
      charge: createMemoryWindows(counter.points, config.windowSeconds),
    }));
    return {
      consume: (subject, units) =>
        decide(
          subject,
          charges.map(({ counter, charge }) => {
            const result = charge(subject[counter.scope], units);
            return { counter, result, exceeded: result.consumedPoints > counter.points };
          }),
        ),
      ready: async () => undefined,
      close: () => undefined,
      stats,
    };
  }
  const limiters = counters.map((counter) => ({
    counter,
    limiter: new RateLimiterRedis({
      keyPrefix: `bff:${bffName}:rate:${counter.scope}`,
      points: counter.points,
      duration: config.windowSeconds,
      storeClient: redis.client,
      rejectIfRedisNotReady: true,
    }),
  }));
  return {
    async consume(subject, units) {
      const outcomes = await Promise.allSettled(
        limiters.map(({ counter, limiter }) => limiter.consume(subject[counter.scope], units)),
      );
      const failure = outcomes.find(
        (outcome) => outcome.status === 'rejected' && !(outcome.reason instanceof RateLimiterRes),
      );
      if (failure) return onStoreError((failure as PromiseRejectedResult).reason);
      if (storeDown) {
        storeDown = false;
        logger.info(`rate limits are counted in ${store} again`);
      }
      return decide(
        subject,
        outcomes.map((outcome, index) => ({
          // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- hot path; one outcome per counter
          counter: counters[index]!,
          result: (outcome.status === 'fulfilled' ? outcome.value : outcome.reason) as RateLimiterRes,
          exceeded: outcome.status === 'rejected',
        })),
      );
    },
    ready: async () => redis.ready(redisBootWaitMs),
    close: () => redis.close(),
    stats,
  };
}
