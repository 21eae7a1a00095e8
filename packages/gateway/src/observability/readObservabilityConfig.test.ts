import { describe, expect, it } from 'vitest';
import { readObservabilityConfig } from './readObservabilityConfig.js';

describe('readObservabilityConfig', () => {
  it('turns metrics and supergraph reload on, with a 10 s shutdown grace, for an empty environment', () => {
    const problems: string[] = [];
    expect(readObservabilityConfig({}, 'WEB_BFF_', problems)).toEqual({ metrics: true, shutdownGraceMs: 10_000, reloadSupergraph: true });
    expect(problems).toEqual([]);
  });

  it('names every bad key at once', () => {
    const problems: string[] = [];
    readObservabilityConfig({ WEB_BFF_METRICS: 'yes', WEB_BFF_SHUTDOWN_GRACE_MS: '-1', WEB_BFF_SUPERGRAPH_RELOAD: 'sometimes', WEB_BFF_OTLP_TRACES_URL: 'collector:4318' }, 'WEB_BFF_', problems);
    expect(problems).toEqual([
      "WEB_BFF_METRICS must be one of on, off, but got: 'yes'",
      "WEB_BFF_SHUTDOWN_GRACE_MS must be an integer from 0 to 600000, but got: '-1'",
      "WEB_BFF_SUPERGRAPH_RELOAD must be one of on, off, but got: 'sometimes'",
      "WEB_BFF_OTLP_TRACES_URL must be an http(s) URL, but got: 'collector:4318'",
    ]);
  });

  it('turns tracing on with an OTLP endpoint', () => {
    expect(readObservabilityConfig({ WEB_BFF_OTLP_TRACES_URL: 'http://127.0.0.1:4318/v1/traces' }, 'WEB_BFF_', [])).toEqual({
      metrics: true,
      shutdownGraceMs: 10_000,
      reloadSupergraph: true,
      otlpTracesUrl: 'http://127.0.0.1:4318/v1/traces',
    });
  });
});
