import type { Logger } from '@apollo/utils.logger';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleAll,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { setTimeout as sleep } from 'node:timers/promises';
import { DownstreamServiceError } from '../errors/BffError.js';
import { DownstreamTimeoutError, DownstreamUnavailableError } from '../errors/downstreamErrors.js';
import { AttemptSignal } from './AttemptSignal.js';
import { DownstreamFailure } from './DownstreamFailure.js';
import type { DownstreamConfig } from './readDownstreamConfig.js';
import { RetryBudget } from './RetryBudget.js';

/** What a downstream call needs of its request: when the whole request must be done by. */
export interface DeadlineCarrier {
  /** Epoch milliseconds; absent outside a client request (then only the service timeout applies). */
  readonly deadline?: number;
}

/** One try at a call; `signal` aborts at the service's timeout or the request's deadline. */
export type Attempt<T> = (signal: AttemptSignal) => Promise<T>;

/** A breaker's state as operators read it. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** How a call may be treated. */
export interface DownstreamCallOptions {
  /** Whether the call may be retried (queries, GET); mutations never are. */
  readonly idempotent: boolean;
  /** Ids a batched call carries, for the batch-size metric. @default not a batch */
  readonly batchSize?: number;
}

/** Every call the BFF makes to a service, subgraph or REST, goes through here. */
export interface Downstream {
  /**
   * Calls `service` within its timeout and what is left of the request's deadline, through its
   * circuit breaker; retries an idempotent call after a retryable failure while the retry budget
   * and the deadline allow. Rejects with DOWNSTREAM_TIMEOUT, DOWNSTREAM_UNAVAILABLE (breaker
   * open: the service is not called) or DOWNSTREAM_SERVICE_ERROR, each naming the service.
   */
  call<T>(service: string, request: DeadlineCarrier, options: DownstreamCallOptions, attempt: Attempt<T>): Promise<T>;
  /** The breaker state of a service ('closed' for one never called). */
  breakerState(service: string): BreakerState;
}

/** Options of {@link createDownstream}. */
export interface DownstreamOptions {
  readonly config: DownstreamConfig;
  /** Per-call timeout of services without an override. */
  readonly defaultTimeoutMs: number;
  readonly logger: Logger;
}

interface ServicePolicy {
  readonly breaker: CircuitBreakerPolicy;
  readonly budget: RetryBudget;
}

const breakerStates: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/** Backoff before retry `n` (1-based): exponential from 50 ms, capped at 1 s, full jitter. */
const backoffMs = (retry: number) => Math.random() * Math.min(1_000, 50 * 2 ** (retry - 1));

/** Creates the BFF's downstream policies: one breaker and one retry budget per service. */
export function createDownstream(options: DownstreamOptions): Downstream {
  const { config, logger } = options;
  const policies = new Map<string, ServicePolicy>();
  const policyOf = (service: string): ServicePolicy => {
    let policy = policies.get(service);
    if (!policy) {
      const breaker = circuitBreaker(handleAll, {
        halfOpenAfter: config.breakerHalfOpenMs,
        breaker: new ConsecutiveBreaker(config.breakerThreshold),
      });
      breaker.onStateChange((state) => logger.warn(`circuit breaker of ${service} is now ${breakerStates[state]}`));
      policy = { breaker, budget: new RetryBudget(config.retryBudgetRatio) };
      policies.set(service, policy);
    }
    return policy;
  };
  const timeoutOf = (service: string) => config.timeoutOverridesMs[service] ?? options.defaultTimeoutMs;

  return {
    async call(service, request, { idempotent }, attempt) {
      const { breaker, budget } = policyOf(service);
      budget.deposit();
      for (let attemptNumber = 1; ; attemptNumber += 1) {
        const remainingMs = (request.deadline ?? Number.POSITIVE_INFINITY) - Date.now();
        if (remainingMs <= 0) throw new DownstreamTimeoutError(service);
        const signal = new AttemptSignal(Math.min(timeoutOf(service), remainingMs));
        try {
          return await breaker.execute(() => attempt(signal));
        } catch (error) {
          if (error instanceof BrokenCircuitError) throw new DownstreamUnavailableError(service);
          const timedOut = signal.aborted;
          logger.warn(
            `call to ${service} failed (attempt ${attemptNumber}${timedOut ? ', timed out' : ''}): ` +
              (error as Error).message,
          );
          const failure = error instanceof DownstreamFailure ? error : undefined;
          const delayMs = failure?.retryAfterMs ?? backoffMs(attemptNumber);
          const mayRetry =
            idempotent &&
            !timedOut &&
            failure?.retryable === true &&
            attemptNumber < config.maxAttempts &&
            delayMs < (request.deadline ?? Number.POSITIVE_INFINITY) - Date.now() &&
            budget.trySpend();
          if (!mayRetry)
            throw timedOut
              ? new DownstreamTimeoutError(service)
              : new DownstreamServiceError(service, { originalError: error as Error });
          await sleep(delayMs);
        } finally {
          signal.clear();
        }
      }
    },
    breakerState: (service) => breakerStates[policies.get(service)?.breaker.state ?? CircuitState.Closed],
  };
}
