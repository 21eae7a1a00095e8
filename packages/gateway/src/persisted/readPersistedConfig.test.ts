import { describe, expect, it } from 'vitest';
import { readPersistedConfig } from './readPersistedConfig.js';

describe('readPersistedConfig', () => {
  const read = (
    env: NodeJS.ProcessEnv,
    manifest: string | undefined,
    environment: 'development' | 'production' | 'test' = 'development',
  ) => {
    const problems: string[] = [];
    const config = readPersistedConfig(env, 'MOBILE_BFF_', manifest, environment, 'redis://127.0.0.1:6379', problems);
    return { config, problems };
  };

  it('enforces a manifest in production and only logs elsewhere', () => {
    expect(read({}, '/m.json', 'production').config.trustedDocuments).toEqual({
      mode: 'enforce',
      manifestFile: '/m.json',
    });
    expect(read({}, '/m.json', 'development').config.trustedDocuments.mode).toBe('log');
    expect(read({}, '/m.json', 'test').config.trustedDocuments.mode).toBe('log');
    expect(read({ MOBILE_BFF_TRUSTED_DOCUMENTS: 'off' }, '/m.json', 'production').config.trustedDocuments.mode).toBe(
      'off',
    );
  });

  it('keeps trusted documents off without a manifest, and reads APQ keys', () => {
    expect(read({ MOBILE_BFF_APQ: 'off', MOBILE_BFF_APQ_TTL_S: '60' }, undefined, 'production')).toEqual({
      config: {
        apq: { enabled: false, ttlSeconds: 60, redisUrl: 'redis://127.0.0.1:6379' },
        trustedDocuments: { mode: 'off', manifestFile: undefined },
      },
      problems: [],
    });
  });

  it('names every bad key, and a mode that needs a manifest the BFF lacks', () => {
    expect(
      read({ MOBILE_BFF_APQ: 'yes', MOBILE_BFF_APQ_TTL_S: '0', MOBILE_BFF_TRUSTED_DOCUMENTS: 'strict' }, '/m.json')
        .problems,
    ).toEqual([
      "MOBILE_BFF_APQ must be one of on, off, but got: 'yes'",
      "MOBILE_BFF_APQ_TTL_S must be an integer from 1 to 31536000, but got: '0'",
      "MOBILE_BFF_TRUSTED_DOCUMENTS must be one of enforce, log, off, but got: 'strict'",
    ]);
    expect(read({ MOBILE_BFF_TRUSTED_DOCUMENTS: 'enforce' }, undefined).problems).toEqual([
      "MOBILE_BFF_TRUSTED_DOCUMENTS must be off for a BFF without a manifest, but got: 'enforce'; " +
        'set MOBILE_BFF_TRUSTED_DOCUMENTS_MANIFEST to a persisted query manifest',
    ]);
  });
});
