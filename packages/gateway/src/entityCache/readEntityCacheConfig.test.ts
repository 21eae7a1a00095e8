import { describe, expect, it } from 'vitest';
import { readConfig } from '../config/readConfig.js';
import { ConfigError } from '../errors/ConfigError.js';

const defaults = {
  name: 'web',
  port: 4000,
  supergraphFile: '/tmp/web.graphql',
  auth: { issuer: 'bff-dev', audience: 'web-bff', developmentSecret: 'web-development-secret-of-32-chars-or-more' },
};

describe('readConfig: the entity cache keys', () => {
  it('is off by default, with 10000 entries in memory and the admin role', () => {
    expect(readConfig({}, 'WEB_BFF_', defaults).entityCache).toEqual({
      enabled: false,
      maxEntries: 10_000,
      adminRole: 'admin',
      redisUrl: undefined,
    });
  });

  it('reads on, the entry bound and the role, and lives in Redis when REDIS_URL is set', () => {
    const config = readConfig(
      {
        WEB_BFF_ENTITY_CACHE: 'on',
        WEB_BFF_ENTITY_CACHE_MAX_ENTRIES: '500',
        WEB_BFF_ENTITY_CACHE_ADMIN_ROLE: 'ops',
        REDIS_URL: 'redis://127.0.0.1:6379',
      },
      'WEB_BFF_',
      defaults,
    );
    expect(config.entityCache).toEqual({
      enabled: true,
      maxEntries: 500,
      adminRole: 'ops',
      redisUrl: 'redis://127.0.0.1:6379',
    });
    expect(Object.isFrozen(config.entityCache)).toBe(true);
  });

  it('names every bad entity cache key in one ConfigError', () => {
    const read = () =>
      readConfig(
        {
          WEB_BFF_ENTITY_CACHE: 'memory',
          WEB_BFF_ENTITY_CACHE_MAX_ENTRIES: '0',
          WEB_BFF_ENTITY_CACHE_ADMIN_ROLE: 'admin, ops',
        },
        'WEB_BFF_',
        defaults,
      );
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(
      [
        'Invalid configuration:',
        "  - WEB_BFF_ENTITY_CACHE must be one of on, off, but got: 'memory'",
        "  - WEB_BFF_ENTITY_CACHE_MAX_ENTRIES must be an integer from 1 to 10000000, but got: '0'",
        "  - WEB_BFF_ENTITY_CACHE_ADMIN_ROLE must be one role name (no spaces or commas), but got: 'admin, ops'",
      ].join('\n'),
    );
  });
});
