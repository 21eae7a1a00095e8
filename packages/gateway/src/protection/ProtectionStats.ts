import type { AdmissionStats } from './admission/createAdmissionController.js';
import type { RateLimitStats } from './rateLimit/createRateLimiter.js';

/** Counters of a BFF's protection since it was built, for tests and /metrics. */
export interface ProtectionStats {
  /** Per priority class: admitted, queued, queued time, shed, waiting; and operations in flight. */
  readonly admission: AdmissionStats;
  readonly rateLimit: RateLimitStats;
}
