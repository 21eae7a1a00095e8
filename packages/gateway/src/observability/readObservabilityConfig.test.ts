import { describe, expect, it } from 'vitest';
import { readObservabilityConfig } from './readObservabilityConfig.js';

describe('readObservabilityConfig', () => {
  it('turns metrics and supergraph reload on, with no shutdown delay and a 10 s shutdown grace, for an empty environment', () => {
    const problems: string[] = [];
    expect(readObservabilityConfig({}, 'WEB_BFF_', 'development', problems)).toEqual({
      metrics: true,
      shutdownDelayMs: 0,
      shutdownGraceMs: 10_000,
      reloadSupergraph: true,
    });
    expect(problems).toEqual([]);
  });

  it('stays up unready for 5 s on shutdown in production, and not at all in development or tests, unless told', () => {
    const delayIn = (environment: 'development' | 'production' | 'test', env: NodeJS.ProcessEnv = {}) =>
      readObservabilityConfig(env, 'WEB_BFF_', environment, []).shutdownDelayMs;
    expect([delayIn('production'), delayIn('development'), delayIn('test')]).toEqual([5_000, 0, 0]);
    expect([
      delayIn('production', { WEB_BFF_SHUTDOWN_DELAY_MS: '0' }),
      delayIn('test', { WEB_BFF_SHUTDOWN_DELAY_MS: '15000' }),
    ]).toEqual([0, 15_000]);
  });

  it('names every bad key at once', () => {
    const problems: string[] = [];
    readObservabilityConfig(
      {
        WEB_BFF_METRICS: 'yes',
        WEB_BFF_SHUTDOWN_DELAY_MS: '600001',
        WEB_BFF_SHUTDOWN_GRACE_MS: '-1',
        WEB_BFF_SUPERGRAPH_RELOAD: 'sometimes',
        WEB_BFF_OTLP_TRACES_URL: 'collector:4318',
      },
      'WEB_BFF_',
      'production',
      problems,
    );
    expect(problems).toEqual([
      "WEB_BFF_METRICS must be one of on, off, but got: 'yes'",
      "WEB_BFF_SHUTDOWN_DELAY_MS must be an integer from 0 to 600000, but got: '600001'",
      "WEB_BFF_SHUTDOWN_GRACE_MS must be an integer from 0 to 600000, but got: '-1'",
      "WEB_BFF_SUPERGRAPH_RELOAD must be one of on, off, but got: 'sometimes'",
      "WEB_BFF_OTLP_TRACES_URL must be an http(s) URL, but got: 'collector:4318'",
    ]);
  });

  it('turns tracing on with an OTLP endpoint', () => {
    expect(
      readObservabilityConfig(
        { WEB_BFF_OTLP_TRACES_URL: 'http://127.0.0.1:4318/v1/traces' },
        'WEB_BFF_',
        'development',
        [],
      ),
    ).toEqual({
      metrics: true,
      shutdownDelayMs: 0,
      shutdownGraceMs: 10_000,
      reloadSupergraph: true,
      otlpTracesUrl: 'http://127.0.0.1:4318/v1/traces',
    });
  });
});
