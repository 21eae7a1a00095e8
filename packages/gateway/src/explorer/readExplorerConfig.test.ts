import { describe, expect, it } from 'vitest';
import { readExplorerConfig } from './readExplorerConfig.js';

const read = (env: NodeJS.ProcessEnv, environment: 'development' | 'production' | 'test' = 'development') => {
  const problems: string[] = [];
  const config = readExplorerConfig(env, 'WEB_BFF_', environment, problems);
  return { config, problems };
};

describe('readExplorerConfig', () => {
  it('turns the explorer and its development tokens on outside production', () => {
    expect(read({})).toEqual({ config: { enabled: true, developmentTokens: true }, problems: [] });
    expect(read({}, 'test')).toEqual({ config: { enabled: true, developmentTokens: true }, problems: [] });
  });

  it('turns the explorer off in production unless <prefix>EXPLORER=on, and never signs tokens there', () => {
    expect(read({}, 'production').config).toEqual({ enabled: false, developmentTokens: false });
    expect(read({ WEB_BFF_EXPLORER: 'on' }, 'production').config).toEqual({ enabled: true, developmentTokens: false });
  });

  it('signs no development tokens once an operator configured the key that verifies tokens', () => {
    for (const key of ['WEB_BFF_JWT_SECRET', 'WEB_BFF_JWT_PUBLIC_KEY', 'WEB_BFF_JWT_JWKS_URL']) {
      expect(read({ [key]: 'set' }).config).toEqual({ enabled: true, developmentTokens: false });
    }
  });

  it('turns it off with <prefix>EXPLORER=off and names a value that is neither', () => {
    expect(read({ WEB_BFF_EXPLORER: 'off' }).config).toEqual({ enabled: false, developmentTokens: false });
    expect(read({ WEB_BFF_EXPLORER: 'yes' }).problems).toEqual([
      "WEB_BFF_EXPLORER must be one of on, off, but got: 'yes'",
    ]);
  });
});
