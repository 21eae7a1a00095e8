import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/ConfigError.js';
import { readConfig } from './readConfig.js';

const defaults = { name: 'web', port: 4000, supergraphFile: '/tmp/web.graphql', serviceUrls: { accounts: 'http://127.0.0.1:4301' } };

describe('readConfig', () => {
  it('returns the defaults, nested and frozen, for an empty environment', () => {
    const config = readConfig({}, 'WEB_BFF_', defaults);
    expect(config).toEqual({
      name: 'web',
      server: { host: '127.0.0.1', port: 4000, bodyLimitBytes: 1_048_576 },
      supergraphFile: '/tmp/web.graphql',
      subgraphs: { urlOverrides: {}, connectionsPerOrigin: 64, timeoutMs: 5000 },
      serviceUrls: { accounts: 'http://127.0.0.1:4301' },
      environment: 'development',
      logLevel: 'info',
    });
    expect(Object.isFrozen(config.server)).toBe(true);
  });

  it('reads prefixed keys and URL overrides of subgraphs and services', () => {
    const config = readConfig(
      {
        WEB_BFF_PORT: '0',
        WEB_BFF_SUBGRAPH_REVIEWS_URL: 'http://127.0.0.1:9000/graphql',
        WEB_BFF_SERVICE_ACCOUNTS_URL: 'http://127.0.0.1:9001',
        MOBILE_BFF_PORT: 'not read by the web BFF',
        NODE_ENV: 'production',
      },
      'WEB_BFF_',
      defaults,
    );
    expect(config.server.port).toBe(0);
    expect(config.subgraphs.urlOverrides).toEqual({ reviews: 'http://127.0.0.1:9000/graphql' });
    expect(config.serviceUrls).toEqual({ accounts: 'http://127.0.0.1:9001' });
    expect(config.environment).toBe('production');
  });

  it('names every bad key in one ConfigError', () => {
    const read = () =>
      readConfig(
        { WEB_BFF_PORT: '70000', WEB_BFF_BODY_LIMIT_BYTES: 'lots', WEB_BFF_SUBGRAPH_REVIEWS_URL: 'ftp://x', NODE_ENV: 'staging', LOG_LEVEL: 'loud' },
        'WEB_BFF_',
        defaults,
      );
    expect(read).toThrow(ConfigError);
    expect(() => read()).toThrow(
      [
        'Invalid configuration:',
        "  - WEB_BFF_PORT must be an integer from 0 to 65535, but got: '70000'",
        "  - WEB_BFF_BODY_LIMIT_BYTES must be an integer from 1 to 104857600, but got: 'lots'",
        "  - NODE_ENV must be one of development, production, test, but got: 'staging'",
        "  - LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, but got: 'loud'",
        "  - WEB_BFF_SUBGRAPH_REVIEWS_URL must be an http(s) URL, but got: 'ftp://x'",
      ].join('\n'),
    );
  });
});
