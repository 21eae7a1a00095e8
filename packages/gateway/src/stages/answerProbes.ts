import type { Health } from '../observability/health/createHealth.js';
import type { Metrics } from '../observability/metrics/createMetrics.js';
import { useOperationalEndpoints } from '../observability/useOperationalEndpoints.js';
import type { Stage } from './Stage.js';

/** Options of the answerProbes stage. */
export interface AnswerProbesOptions {
  readonly health: Health;
  /** Serves /metrics when given. @default none: /metrics is not served */
  readonly metrics?: Metrics | undefined;
}

/**
 * answerProbes: /healthz, /readyz and /metrics are answered here, in an onRequest hook before
 * authentication, so no token check, rate limit or admission applies to probes and scrapes.
 */
export function answerProbes(options: AnswerProbesOptions): Stage {
  return { name: 'answerProbes', http: (http) => useOperationalEndpoints(http, options.health, options.metrics) };
}
