import { enumKey, intKey, optionalKey, readEnvKeys, urlKey } from '../config/envKey.js';

/** Metrics, shutdown and supergraph reload of one BFF (`<prefix>METRICS`, `<prefix>SHUTDOWN_GRACE_MS`, `<prefix>SUPERGRAPH_RELOAD`). */
export interface ObservabilityConfig {
  /** Whether the BFF serves Prometheus metrics at /metrics. */
  readonly metrics: boolean;
  /** How long stop() lets in-flight requests finish before it closes their connections, in milliseconds. */
  readonly shutdownGraceMs: number;
  /** Whether a changed supergraph file is served without a restart. */
  readonly reloadSupergraph: boolean;
  /** OTLP/HTTP endpoint spans are sent to (e.g. `http://127.0.0.1:4318/v1/traces`); tracing is off without it. */
  readonly otlpTracesUrl?: string;
}

/** Reads `<prefix>METRICS`, `<prefix>SUPERGRAPH_RELOAD` (on/off, default on), `<prefix>SHUTDOWN_GRACE_MS` (default 10000) and `<prefix>OTLP_TRACES_URL` (default none: no tracing), adding a line to `problems` for each bad one. */
export function readObservabilityConfig(env: NodeJS.ProcessEnv, prefix: string, problems: string[]): ObservabilityConfig {
  const keys = readEnvKeys(env, prefix, { METRICS: enumKey(['on', 'off'], 'on'), SHUTDOWN_GRACE_MS: intKey(10_000, 0, 600_000), SUPERGRAPH_RELOAD: enumKey(['on', 'off'], 'on'), OTLP_TRACES_URL: optionalKey(urlKey('')) }, problems);
  return Object.freeze({ metrics: keys.METRICS === 'on', shutdownGraceMs: keys.SHUTDOWN_GRACE_MS, reloadSupergraph: keys.SUPERGRAPH_RELOAD === 'on', ...(keys.OTLP_TRACES_URL && { otlpTracesUrl: keys.OTLP_TRACES_URL }) });
}
