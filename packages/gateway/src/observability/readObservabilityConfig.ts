import { enumKey, intKey, optionalKey, readEnvKeys, urlKey } from '../core/envKey.js';

/**
 * Metrics, shutdown and supergraph reload of one BFF (`<prefix>METRICS`, `<prefix>SHUTDOWN_DELAY_MS`,
 * `<prefix>SHUTDOWN_GRACE_MS`, `<prefix>SUPERGRAPH_RELOAD`).
 */
export interface ObservabilityConfig {
  /** Whether the BFF serves Prometheus metrics at /metrics. */
  readonly metrics: boolean;
  /**
   * How long stop() keeps serving every request while /readyz answers 503, before it stops
   * accepting connections, in milliseconds: the time load balancers need to take the BFF out of
   * rotation (a preStop sleep, built in).
   * @default 5000 when NODE_ENV is production, else 0 (a developer's Ctrl-C and a test stop at once)
   */
  readonly shutdownDelayMs: number;
  /**
   * How long stop() lets in-flight requests finish, after the delay, before it closes their connections, in
   * milliseconds.
   * @default 10000
   */
  readonly shutdownGraceMs: number;
  /** Whether a changed supergraph file is served without a restart. */
  readonly reloadSupergraph: boolean;
  /** OTLP/HTTP endpoint spans are sent to (e.g. `http://127.0.0.1:4318/v1/traces`); tracing is off without it. */
  readonly otlpTracesUrl?: string;
}

/** `<prefix>SHUTDOWN_DELAY_MS` when unset: only production runs behind load balancers that need time to notice. */
const defaultShutdownDelayMs = (environment: 'development' | 'production' | 'test'): number =>
  environment === 'production' ? 5_000 : 0;

/**
 * Reads `<prefix>METRICS`, `<prefix>SUPERGRAPH_RELOAD` (on/off, default on), `<prefix>SHUTDOWN_DELAY_MS`
 * (default 5000 in production, else 0), `<prefix>SHUTDOWN_GRACE_MS` (default 10000) and
 * `<prefix>OTLP_TRACES_URL` (default none: no tracing), adding a line to `problems` for each bad one.
 */
export function readObservabilityConfig(
  env: NodeJS.ProcessEnv,
  prefix: string,
  environment: 'development' | 'production' | 'test',
  problems: string[],
): ObservabilityConfig {
  const keys = readEnvKeys(
    env,
    prefix,
    {
      METRICS: enumKey(['on', 'off'], 'on'),
      SHUTDOWN_DELAY_MS: intKey(defaultShutdownDelayMs(environment), 0, 600_000),
      SHUTDOWN_GRACE_MS: intKey(10_000, 0, 600_000),
      SUPERGRAPH_RELOAD: enumKey(['on', 'off'], 'on'),
      OTLP_TRACES_URL: optionalKey(urlKey('')),
    },
    problems,
  );
  return Object.freeze({
    metrics: keys.METRICS === 'on',
    shutdownDelayMs: keys.SHUTDOWN_DELAY_MS,
    shutdownGraceMs: keys.SHUTDOWN_GRACE_MS,
    reloadSupergraph: keys.SUPERGRAPH_RELOAD === 'on',
    ...(keys.OTLP_TRACES_URL && { otlpTracesUrl: keys.OTLP_TRACES_URL }),
  });
}
