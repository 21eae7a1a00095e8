import { performance } from 'node:perf_hooks';
import type { AdmissionController } from './createAdmissionController.js';

/** Options of the adaptive in-flight limit. */
export interface AdaptiveLimitOptions {
  /** Event-loop utilization (0..1) above which the limit comes down. */
  readonly targetUtilization: number;
  /** How often the limit is reconsidered, in ms. @default 100 */
  readonly intervalMs?: number;
  /** Event-loop utilization since the last call; tests pass their own. @default performance.eventLoopUtilization */
  readonly utilization?: () => number;
}

/** The running adaptive limit: `tick` is what the timer calls, `stop` ends it. */
export interface AdaptiveLimit {
  tick(): void;
  stop(): void;
}

/** Utilization of the event loop since the previous call. */
function eventLoopUtilization(): () => number {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const delta = performance.eventLoopUtilization(now, last);
    last = now;
    return delta.utilization;
  };
}

/**
 * Keeps the in-flight limit where the event loop still has room to read and sort what arrives:
 * when its utilization passes the target the limit drops by a quarter, and below the target it
 * grows by one (additive increase, multiplicative decrease). A BFF runs on one event loop, so
 * operations in flight beyond its CPU only queue inside it, in arrival order, where no priority
 * can reach them; held back here instead, they wait in the admission queue by class, and a
 * critical one goes first.
 */
export function adaptInFlightLimit(admission: AdmissionController, options: AdaptiveLimitOptions): AdaptiveLimit {
  const utilization = options.utilization ?? eventLoopUtilization();
  const tick = () => {
    const busy = utilization();
    const limit = admission.limit();
    if (busy > options.targetUtilization) admission.setLimit(Math.max(1, Math.floor(limit * 0.75)));
    else admission.setLimit(limit + 1);
  };
  const timer = options.utilization ? undefined : setInterval(tick, options.intervalMs ?? 100).unref();
  return { tick, stop: () => clearInterval(timer) };
}
