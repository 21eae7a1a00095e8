import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readConfig, type BffConfigDefaults } from '../config/readConfig.js';
import { ConfigError } from '../errors/ConfigError.js';

const developmentSecret = 'web-development-secret-of-32-chars-or-more';
const defaults: BffConfigDefaults = {
  name: 'web',
  port: 4000,
  supergraphFile: '/tmp/web.graphql',
  auth: { issuer: 'bff-dev', audience: 'web-bff', developmentSecret },
};
const rsaPublicKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();
const ecKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ecPublicKey = ecKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ecPrivateKey = ecKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** The problem lines of the ConfigError that reading `env` throws. */
function problemsOf(env: NodeJS.ProcessEnv, withDefaults: BffConfigDefaults = defaults): readonly string[] {
  try {
    readConfig(env, 'WEB_BFF_', withDefaults);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError, but the configuration was accepted');
}

describe('readConfig given bad JWT settings', () => {
  it("refuses 'none' in the algorithms, in any case", () => {
    expect(problemsOf({ WEB_BFF_JWT_ALGORITHMS: 'HS256,None' })).toEqual([
      "WEB_BFF_JWT_ALGORITHMS must not include none (unsigned tokens), but got: 'HS256,None'",
    ]);
  });

  it('refuses HMAC and public-key algorithms mixed in one list', () => {
    expect(
      problemsOf({ WEB_BFF_JWT_ALGORITHMS: 'HS256, RS256', WEB_BFF_JWT_JWKS_URL: 'https://id.example.com/jwks.json' }),
    ).toEqual([
      'WEB_BFF_JWT_ALGORITHMS must not mix HMAC (HS*) and public-key algorithms ' +
        "(that is how algorithm confusion happens), but got: 'HS256,RS256'",
    ]);
  });

  it('names the algorithms it does not know', () => {
    expect(problemsOf({ WEB_BFF_JWT_ALGORITHMS: 'HS256,hs512,EdDSA' })).toEqual([
      'WEB_BFF_JWT_ALGORITHMS must list only HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ' +
        "ES256, ES384, ES512, but got: 'hs512,EdDSA'",
    ]);
  });

  it('asks for issuers, audience and secret when the BFF has no development defaults', () => {
    expect(problemsOf({}, { name: 'web', port: 4000, supergraphFile: '/tmp/web.graphql' })).toEqual([
      'WEB_BFF_JWT_ISSUERS must be set to the comma-separated issuers whose tokens this BFF accepts',
      'WEB_BFF_JWT_AUDIENCE must be set to the audience that tokens for this BFF carry',
      'WEB_BFF_JWT_SECRET must be set when WEB_BFF_JWT_ALGORITHMS is HS256',
    ]);
  });

  it('never uses the development secret in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', WEB_BFF_JWT_ALGORITHMS: 'HS256,HS512' })).toEqual([
      'WEB_BFF_JWT_SECRET must be set in production when WEB_BFF_JWT_ALGORITHMS is HS256,HS512 ' +
        '(the development secret is never used in production)',
    ]);
  });

  it('refuses a short secret without echoing it', () => {
    const problems = problemsOf({ WEB_BFF_JWT_SECRET: 'hunter2' });
    expect(problems).toEqual(['WEB_BFF_JWT_SECRET must be at least 32 characters, but got: [redacted]']);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('asks for a public key or a JWKS URL for public-key algorithms, and only one of them', () => {
    expect(problemsOf({ WEB_BFF_JWT_ALGORITHMS: 'RS256,PS256' })).toEqual([
      'WEB_BFF_JWT_PUBLIC_KEY or WEB_BFF_JWT_JWKS_URL must be set when WEB_BFF_JWT_ALGORITHMS is RS256,PS256',
    ]);
    expect(
      problemsOf({
        WEB_BFF_JWT_ALGORITHMS: 'RS256',
        WEB_BFF_JWT_PUBLIC_KEY: rsaPublicKey,
        WEB_BFF_JWT_JWKS_URL: 'https://id.example.com/jwks.json',
      }),
    ).toEqual(['WEB_BFF_JWT_PUBLIC_KEY and WEB_BFF_JWT_JWKS_URL must not both be set; set one']);
  });

  it('refuses a key that belongs to the other algorithm family', () => {
    expect(problemsOf({ WEB_BFF_JWT_PUBLIC_KEY: rsaPublicKey })).toEqual([
      'WEB_BFF_JWT_PUBLIC_KEY must not be set when WEB_BFF_JWT_ALGORITHMS is HS256; ' +
        'list the public-key algorithms it is for',
    ]);
    expect(
      problemsOf({
        WEB_BFF_JWT_ALGORITHMS: 'RS256',
        WEB_BFF_JWT_JWKS_URL: 'https://id.example.com/jwks.json',
        WEB_BFF_JWT_SECRET: `${developmentSecret}!`,
      }),
    ).toEqual([
      'WEB_BFF_JWT_SECRET must not be set when WEB_BFF_JWT_ALGORITHMS is RS256; HMAC secrets go with HS* only',
    ]);
  });

  it('refuses a public key that is not one, is private, or does not fit the algorithms', () => {
    expect(problemsOf({ WEB_BFF_JWT_ALGORITHMS: 'ES256', WEB_BFF_JWT_PUBLIC_KEY: 'not a key' })).toEqual([
      "WEB_BFF_JWT_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----), but got: 'not a key'",
    ]);
    expect(problemsOf({ WEB_BFF_JWT_ALGORITHMS: 'ES256', WEB_BFF_JWT_PUBLIC_KEY: ecPrivateKey })).toEqual([
      'WEB_BFF_JWT_PUBLIC_KEY must be a public key, but got: a private key (keep it with the issuer)',
    ]);
    expect(problemsOf({ WEB_BFF_JWT_ALGORITHMS: 'RS256', WEB_BFF_JWT_PUBLIC_KEY: ecPublicKey })).toEqual([
      'WEB_BFF_JWT_PUBLIC_KEY must be an RSA key for RS256, but got: an EC key',
    ]);
  });

  it('accepts a PEM with its line breaks written as \\n, as env files often hold it', () => {
    const config = readConfig(
      { WEB_BFF_JWT_ALGORITHMS: 'ES256', WEB_BFF_JWT_PUBLIC_KEY: ecPublicKey.replaceAll('\n', '\\n') },
      'WEB_BFF_',
      defaults,
    );
    expect(config.auth.verificationKey).toEqual({ kind: 'publicKey', pem: ecPublicKey });
  });

  it('names every bad JWT key in one ConfigError', () => {
    expect(
      problemsOf({
        WEB_BFF_JWT_ISSUERS: ' , ',
        WEB_BFF_JWT_JWKS_URL: 'ftp://keys',
        WEB_BFF_JWT_CLOCK_TOLERANCE_S: '3600',
        WEB_BFF_JWT_MAX_BYTES: '100',
        WEB_BFF_JWT_ALGORITHMS: 'RS256',
      }),
    ).toEqual([
      "WEB_BFF_JWT_ISSUERS must be a comma-separated list of at least one value, but got: ' , '",
      "WEB_BFF_JWT_JWKS_URL must be an http(s) URL, but got: 'ftp://keys'",
      "WEB_BFF_JWT_CLOCK_TOLERANCE_S must be an integer from 0 to 300, but got: '3600'",
      "WEB_BFF_JWT_MAX_BYTES must be an integer from 512 to 65536, but got: '100'",
    ]);
  });
});
