import { enumKey, intKey, positiveIntKey, readEnvKeys } from '../core/envKey.js';
import { readPerNameKeys } from '../config/readPerNameKeys.js';
import { identityScopeKey, type IdentityScope } from './identityScope.js';

/** How the BFF calls downstream services: time, retries, breakers, batching. */
export interface DownstreamConfig {
  /** Whole-request budget in ms; each downstream call gets at most what is left of it. */
  readonly requestDeadlineMs: number;
  /** Per-call timeout by service name (`<prefix>TIMEOUT_<NAME>_MS`); others use subgraphs.timeoutMs. */
  readonly timeoutOverridesMs: Readonly<Record<string, number>>;
  /**
   * The identity headers each subgraph or REST service receives, by lowercased name
   * (`<prefix>IDENTITY_<NAME>`); a service not named receives all of them.
   */
  readonly identity: Readonly<Record<string, IdentityScope>>;
  /** Attempts per idempotent call, the first included (1 turns retries off). */
  readonly maxAttempts: number;
  /** Retries may add at most this fraction of first attempts (a token bucket refilled by calls). */
  readonly retryBudgetRatio: number;
  /** Consecutive failures that open a service's breaker. */
  readonly breakerThreshold: number;
  /** How long an open breaker fails fast before it lets one probe through (half-open). */
  readonly breakerHalfOpenMs: number;
  /** Share identical in-flight query fetches between concurrent requests. */
  readonly dedupe: boolean;
  /**
   * Who runs query plans: the BFF's executor (`bff`), or @apollo/gateway's own (`apollo`, to measure what ours
   * saves).
   */
  readonly planExecutor: 'bff' | 'apollo';
  /** Keep connections to services open between calls (off only to measure what pooling saves). */
  readonly keepAlive: boolean;
  /** Ids per call to a REST batch endpoint. */
  readonly maxBatchSize: number;
  /** Longest URL a batched REST call may have; longer batches are split. */
  readonly maxUrlLength: number;
  /** Single calls in flight per service per request, where a service has no batch endpoint. */
  readonly concurrencyPerRequest: number;
}

/** Reads the `<prefix>` downstream keys into `problems`-collecting validation, like readConfig. */
export function readDownstreamConfig(env: NodeJS.ProcessEnv, prefix: string, problems: string[]): DownstreamConfig {
  const keys = readEnvKeys(
    env,
    prefix,
    {
      REQUEST_DEADLINE_MS: positiveIntKey(10_000, 600_000),
      RETRY_MAX_ATTEMPTS: intKey(2, 1, 5),
      RETRY_BUDGET_PERCENT: intKey(10, 0, 100),
      BREAKER_THRESHOLD: positiveIntKey(5, 1_000),
      BREAKER_HALF_OPEN_MS: positiveIntKey(10_000, 600_000),
      DEDUPE: enumKey(['on', 'off'], 'on'),
      KEEP_ALIVE: enumKey(['on', 'off'], 'on'),
      PLAN_EXECUTOR: enumKey(['bff', 'apollo'], 'bff'),
      REST_MAX_BATCH_SIZE: positiveIntKey(100, 1_000),
      REST_MAX_URL_LENGTH: intKey(2_000, 256, 65_536),
      REST_CONCURRENCY: positiveIntKey(8, 1_000),
    },
    problems,
  );
  const timeoutOverridesMs = readPerNameKeys(env, prefix, 'TIMEOUT_', '_MS', positiveIntKey(0, 600_000), problems);
  const identity = readPerNameKeys(env, prefix, 'IDENTITY_', '', identityScopeKey, problems);
  return Object.freeze({
    requestDeadlineMs: keys.REQUEST_DEADLINE_MS,
    timeoutOverridesMs: Object.freeze(timeoutOverridesMs),
    identity: Object.freeze(identity),
    maxAttempts: keys.RETRY_MAX_ATTEMPTS,
    retryBudgetRatio: keys.RETRY_BUDGET_PERCENT / 100,
    breakerThreshold: keys.BREAKER_THRESHOLD,
    breakerHalfOpenMs: keys.BREAKER_HALF_OPEN_MS,
    dedupe: keys.DEDUPE === 'on',
    keepAlive: keys.KEEP_ALIVE === 'on',
    planExecutor: keys.PLAN_EXECUTOR,
    maxBatchSize: keys.REST_MAX_BATCH_SIZE,
    maxUrlLength: keys.REST_MAX_URL_LENGTH,
    concurrencyPerRequest: keys.REST_CONCURRENCY,
  });
}
