import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/ConfigError.js';
import { readConfig } from './readConfig.js';
import { readProtectionConfig } from './readProtectionConfig.js';

const developmentSecret = 'web-development-secret-of-32-chars-or-more';
const defaults = {
  name: 'web',
  port: 4000,
  supergraphFile: '/tmp/web.graphql',
  serviceUrls: { accounts: 'http://127.0.0.1:4301' },
  auth: { issuer: 'bff-dev', audience: 'web-bff', developmentSecret },
};

describe('readConfig', () => {
  it('returns the defaults, nested and frozen, for an empty environment', () => {
    const config = readConfig({}, 'WEB_BFF_', defaults);
    expect(config).toEqual({
      name: 'web',
      server: {
        host: '127.0.0.1',
        port: 4000,
        bodyLimitBytes: 1_048_576,
        workers: 1,
        trustedProxies: [],
        listenBacklog: 511,
      },
      supergraphFile: '/tmp/web.graphql',
      subgraphs: { urlOverrides: {}, connectionsPerOrigin: 64, timeoutMs: 5000 },
      serviceUrls: { accounts: 'http://127.0.0.1:4301' },
      environment: 'development',
      logLevel: 'info',
      auth: {
        issuers: ['bff-dev'],
        audience: 'web-bff',
        algorithms: ['HS256'],
        verificationKey: { kind: 'secret', secret: developmentSecret },
        clockToleranceSeconds: 5,
        maxTokenBytes: 8192,
      },
      responseCache: true,
      entityCache: { enabled: false, maxEntries: 10_000, adminRole: 'admin', redisUrl: undefined },
      downstream: {
        requestDeadlineMs: 10_000,
        timeoutOverridesMs: {},
        identity: {},
        maxAttempts: 2,
        retryBudgetRatio: 0.1,
        breakerThreshold: 5,
        breakerHalfOpenMs: 10_000,
        dedupe: true,
        planExecutor: 'bff',
        keepAlive: true,
        maxBatchSize: 100,
        maxUrlLength: 2_000,
        concurrencyPerRequest: 8,
      },
      // Its defaults are spelled out in readProtectionConfig.test.ts.
      protection: readProtectionConfig({}, 'WEB_BFF_', undefined, 'development', []),
      explorer: { enabled: true, developmentTokens: true },
      observability: { metrics: true, shutdownDelayMs: 0, shutdownGraceMs: 10_000, reloadSupergraph: true },
      persisted: {
        apq: { enabled: true, ttlSeconds: 86_400, redisUrl: undefined },
        trustedDocuments: { mode: 'off', manifestFile: undefined },
      },
      subscriptions: { maxPerViewer: 50, heartbeatMs: 5_000, maxPerConnection: 20, keepAliveMs: 12_000 },
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
        WEB_BFF_JWT_SECRET: 'production-secret-of-at-least-32-characters',
      },
      'WEB_BFF_',
      defaults,
    );
    expect(config.server.port).toBe(0);
    expect(config.subgraphs.urlOverrides).toEqual({ reviews: 'http://127.0.0.1:9000/graphql' });
    expect(config.serviceUrls).toEqual({ accounts: 'http://127.0.0.1:9001' });
    expect(config.environment).toBe('production');
    expect(config.auth.verificationKey).toEqual({
      kind: 'secret',
      secret: 'production-secret-of-at-least-32-characters',
    });
  });

  it('reads the JWT keys: issuers and algorithms as lists, a JWKS URL, tolerance and size', () => {
    const config = readConfig(
      {
        WEB_BFF_JWT_ISSUERS: 'https://id.example.com/, https://login.example.com/',
        WEB_BFF_JWT_AUDIENCE: 'web-api',
        WEB_BFF_JWT_ALGORITHMS: 'RS256,ES256',
        WEB_BFF_JWT_JWKS_URL: 'https://id.example.com/.well-known/jwks.json',
        WEB_BFF_JWT_CLOCK_TOLERANCE_S: '0',
        WEB_BFF_JWT_MAX_BYTES: '4096',
        NODE_ENV: 'production',
      },
      'WEB_BFF_',
      defaults,
    );
    expect(config.auth).toEqual({
      issuers: ['https://id.example.com/', 'https://login.example.com/'],
      audience: 'web-api',
      algorithms: ['RS256', 'ES256'],
      verificationKey: { kind: 'jwks', url: 'https://id.example.com/.well-known/jwks.json' },
      clockToleranceSeconds: 0,
      maxTokenBytes: 4096,
    });
    expect(Object.isFrozen(config.auth.verificationKey)).toBe(true);
  });

  it('reads the trusted proxies as addresses, CIDR ranges and range names, and refuses anything else', () => {
    expect(
      readConfig({ WEB_BFF_TRUST_PROXY: 'uniquelocal, 10.0.0.0/8,::1, fd00::/8' }, 'WEB_BFF_', defaults).server
        .trustedProxies,
    ).toEqual(['uniquelocal', '10.0.0.0/8', '::1', 'fd00::/8']);
    for (const bad of ['nginx', '10.0.0.0/33', '10.0.0/8', '1']) {
      expect(() => readConfig({ WEB_BFF_TRUST_PROXY: bad }, 'WEB_BFF_', defaults)).toThrow(
        'Invalid configuration:\n  - WEB_BFF_TRUST_PROXY must be a comma-separated list of proxy addresses, ' +
          `CIDR ranges or loopback, linklocal, uniquelocal, but got: '${bad}'`,
      );
    }
  });

  it('reads the subscription limits and refuses values out of range', () => {
    const config = readConfig(
      {
        WEB_BFF_SUBSCRIPTIONS_MAX_PER_VIEWER: '3',
        WEB_BFF_SUBSCRIPTIONS_HEARTBEAT_MS: '1000',
        WEB_BFF_SUBSCRIPTIONS_MAX_PER_CONNECTION: '5',
        WEB_BFF_SUBSCRIPTIONS_KEEPALIVE_MS: '30000',
      },
      'WEB_BFF_',
      defaults,
    );
    expect(config.subscriptions).toEqual({
      maxPerViewer: 3,
      heartbeatMs: 1_000,
      maxPerConnection: 5,
      keepAliveMs: 30_000,
    });
    expect(Object.isFrozen(config.subscriptions)).toBe(true);
    expect(() =>
      readConfig(
        { WEB_BFF_SUBSCRIPTIONS_MAX_PER_CONNECTION: '0', WEB_BFF_SUBSCRIPTIONS_KEEPALIVE_MS: 'often' },
        'WEB_BFF_',
        defaults,
      ),
    ).toThrow(
      [
        'Invalid configuration:',
        "  - WEB_BFF_SUBSCRIPTIONS_MAX_PER_CONNECTION must be an integer from 1 to 10000, but got: '0'",
        "  - WEB_BFF_SUBSCRIPTIONS_KEEPALIVE_MS must be an integer from 1 to 600000, but got: 'often'",
      ].join('\n'),
    );
  });

  it('names every bad key in one ConfigError', () => {
    const read = () =>
      readConfig(
        {
          WEB_BFF_PORT: '70000',
          WEB_BFF_BODY_LIMIT_BYTES: 'lots',
          WEB_BFF_SUBGRAPH_REVIEWS_URL: 'ftp://x',
          NODE_ENV: 'staging',
          LOG_LEVEL: 'loud',
        },
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
