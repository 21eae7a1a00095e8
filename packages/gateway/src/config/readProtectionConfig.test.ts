import { describe, expect, it } from 'vitest';
import { readProtectionConfig, type ProtectionConfigDefaults } from './readProtectionConfig.js';

const webDefaults: ProtectionConfigDefaults = { priorities: { critical: ['createOrder'], high: ['productPage'] } };

function read(env: NodeJS.ProcessEnv, environment: 'development' | 'production' | 'test' = 'development') {
  const problems: string[] = [];
  const config = readProtectionConfig(env, 'WEB_BFF_', webDefaults, environment, problems);
  return { config, problems };
}

describe('readProtectionConfig', () => {
  it('returns the defaults, frozen, for an empty environment', () => {
    const { config, problems } = read({});
    expect(problems).toEqual([]);
    expect(config).toEqual({
      limits: {
        maxDepth: 10,
        maxAliases: 30,
        maxRootFields: 10,
        maxDirectives: 20,
        maxTokens: 2000,
        maxDocumentBytes: 32_768,
        maxCost: 5000,
        defaultListSize: 10,
      },
      maxBatchOperations: 0,
      introspection: true,
      fieldSuggestions: true,
      rateLimit: {
        perUser: 1000,
        perClient: 100_000,
        windowSeconds: 60,
        unit: 'request',
        redisUrl: undefined,
        onStoreError: 'open',
      },
      admission: {
        maxInFlight: 64,
        maxQueue: 256,
        adaptive: undefined,
        criticalReserve: 0,
        maxWaitMs: { critical: 5000, high: 2000, normal: 1000, low: 250 },
        priorities: { critical: ['createOrder'], high: ['productPage'], normal: [], low: [] },
        defaultClass: 'normal',
      },
    });
    expect(Object.isFrozen(config.admission.priorities.critical)).toBe(true);
    expect(Object.isFrozen(config.limits)).toBe(true);
  });

  it('turns introspection and field suggestions off in production, unless a key turns them on', () => {
    expect(read({}, 'production').config).toMatchObject({ introspection: false, fieldSuggestions: false });
    expect(read({ WEB_BFF_INTROSPECTION: 'on', WEB_BFF_FIELD_SUGGESTIONS: 'on' }, 'production').config).toMatchObject({
      introspection: true,
      fieldSuggestions: true,
    });
    expect(read({ WEB_BFF_INTROSPECTION: 'off' }, 'development').config).toMatchObject({
      introspection: false,
      fieldSuggestions: true,
    });
  });

  it('reads every key, REDIS_URL without prefix', () => {
    const { config, problems } = read({
      WEB_BFF_MAX_DEPTH: '5',
      WEB_BFF_MAX_COST: '100',
      WEB_BFF_BATCH_MAX_OPERATIONS: '4',
      WEB_BFF_RATE_LIMIT_PER_USER: '0',
      WEB_BFF_RATE_LIMIT_UNIT: 'cost',
      WEB_BFF_RATE_LIMIT_ON_STORE_ERROR: 'closed',
      REDIS_URL: 'redis://:secret@127.0.0.1:6390/0',
      WEB_BFF_ADMISSION_MAX_IN_FLIGHT: '0',
      WEB_BFF_ADMISSION_MAX_WAIT_MS_LOW: '0',
      WEB_BFF_PRIORITY_LOW: 'LatestReviews, client:batch-exporter',
      WEB_BFF_PRIORITY_DEFAULT: 'high',
    });
    expect(problems).toEqual([]);
    expect(config.limits).toMatchObject({ maxDepth: 5, maxCost: 100 });
    expect(config.maxBatchOperations).toBe(4);
    expect(config.rateLimit).toEqual({
      perUser: 0,
      perClient: 100_000,
      windowSeconds: 60,
      unit: 'cost',
      redisUrl: 'redis://:secret@127.0.0.1:6390/0',
      onStoreError: 'closed',
    });
    expect(config.admission).toMatchObject({
      maxInFlight: 0,
      maxWaitMs: { critical: 5000, high: 2000, normal: 1000, low: 0 },
      priorities: {
        critical: ['createOrder'],
        high: ['productPage'],
        normal: [],
        low: ['LatestReviews', 'client:batch-exporter'],
      },
      defaultClass: 'high',
    });
  });

  it('moves an operation out of its default class when the environment gives it another', () => {
    const { config, problems } = read({ WEB_BFF_PRIORITY_HIGH: 'CreateOrder,productPage' });
    expect(problems).toEqual([]);
    expect(config.admission.priorities).toEqual({
      critical: [],
      high: ['CreateOrder', 'productPage'],
      normal: [],
      low: [],
    });
  });

  it('names every bad key, never echoing the Redis URL', () => {
    const { problems } = read({
      WEB_BFF_MAX_DEPTH: '0',
      WEB_BFF_RATE_LIMIT_UNIT: 'bytes',
      WEB_BFF_ADMISSION_MAX_WAIT_MS_CRITICAL: '-1',
      REDIS_URL: 'http://user:secret@cache:6379',
      WEB_BFF_PRIORITY_CRITICAL: 'createOrder,1bad',
      WEB_BFF_PRIORITY_LOW: 'createorder',
    });
    expect(problems).toEqual([
      "WEB_BFF_MAX_DEPTH must be an integer from 1 to 1000, but got: '0'",
      "WEB_BFF_RATE_LIMIT_UNIT must be one of request, cost, but got: 'bytes'",
      "WEB_BFF_ADMISSION_MAX_WAIT_MS_CRITICAL must be an integer from 0 to 600000, but got: '-1'",
      'REDIS_URL must be a redis:// or rediss:// URL, but got: [redacted]',
      "WEB_BFF_PRIORITY_CRITICAL must list operation names or client:<client app> entries, but got: '1bad'",
      'WEB_BFF_PRIORITY_LOW must not list createorder, which WEB_BFF_PRIORITY_CRITICAL lists too; ' +
        'give each entry one class',
    ]);
  });
});
