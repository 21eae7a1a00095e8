import { describe, expect, it } from 'vitest';
import { allIdentity, noIdentity } from './identityScope.js';
import { readDownstreamConfig } from './readDownstreamConfig.js';

describe('readDownstreamConfig: <P>IDENTITY_<NAME>', () => {
  const read = (env: NodeJS.ProcessEnv) => {
    const problems: string[] = [];
    return { config: readDownstreamConfig(env, 'WEB_BFF_', problems), problems };
  };

  it('reads all, none and a list of parts, by lowercased service name', () => {
    const { config, problems } = read({
      WEB_BFF_IDENTITY_PRODUCTS: 'none',
      WEB_BFF_IDENTITY_ACCOUNTS: 'all',
      WEB_BFF_IDENTITY_ORDERS: 'user, client',
    });
    expect(problems).toEqual([]);
    expect(config.identity).toEqual({
      products: noIdentity,
      accounts: allIdentity,
      orders: new Set(['user', 'client']),
    });
  });

  it('names a bad value with what it must be', () => {
    expect(read({ WEB_BFF_IDENTITY_PRODUCTS: 'users' }).problems).toEqual([
      "WEB_BFF_IDENTITY_PRODUCTS must be all, none, or a comma-separated list of user, roles, client, but got: 'users'",
    ]);
  });
});
