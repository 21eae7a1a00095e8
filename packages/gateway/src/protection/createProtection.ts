import type { Logger } from '@apollo/utils.logger';
import type { RedisConnection } from '../core/createRedisConnection.js';
import type { ProtectionConfig } from '../config/readProtectionConfig.js';
import { adaptInFlightLimit } from './admission/adaptInFlightLimit.js';
import { createPriorityClassifier, type PriorityClassifier } from './admission/classifyPriority.js';
import { createAdmissionController, type AdmissionController } from './admission/createAdmissionController.js';
import type { ProtectionStats } from './ProtectionStats.js';
import { createRateLimiter, noRateLimitStats, type RateLimiter } from './rateLimit/createRateLimiter.js';

/** The state a BFF's protection stages share: its rate limiter and its admission controller. */
export interface Protection {
  /** Undefined when both rate limits are 0 (off). */
  readonly rateLimiter: RateLimiter | undefined;
  readonly controller: AdmissionController;
  readonly classify: PriorityClassifier;
  /** Admission (per priority class) and rate-limit counters since the BFF was built. */
  stats(): ProtectionStats;
  /** Stops the adaptive limit's timer and the rate limiter. */
  close(): void;
}

/** Builds the rate limiter (memory, or the shared Redis) and the admission controller of `config`. */
export function createProtection(
  config: ProtectionConfig,
  bffName: string,
  logger: Logger,
  connectRedis: (url: string) => RedisConnection,
): Protection {
  const { admission } = config;
  const rateLimiter = createRateLimiter(config.rateLimit, bffName, logger, connectRedis);
  const controller = createAdmissionController(admission);
  const adaptive =
    admission.maxInFlight > 0 && admission.adaptive ? adaptInFlightLimit(controller, admission.adaptive) : undefined;
  return {
    rateLimiter,
    controller,
    classify: createPriorityClassifier(admission.priorities, admission.defaultClass),
    stats: () => ({ admission: controller.stats(), rateLimit: rateLimiter?.stats() ?? noRateLimitStats }),
    close() {
      adaptive?.stop();
      rateLimiter?.close();
    },
  };
}
