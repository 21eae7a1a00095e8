import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { intKey, listKey, optionalKey, readEnvKeys, stringKey, urlKey, type EnvKey } from '../core/envKey.js';

/** The signature algorithms a BFF can be configured to accept; 'none' is never one of them. */
export const jwtAlgorithms = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] as const;
export type JwtAlgorithm = (typeof jwtAlgorithms)[number];

/** Where the key that checks a token's signature comes from. */
export type VerificationKeySource =
  /** HMAC (HS*): one shared secret. */
  | { readonly kind: 'secret'; readonly secret: string }
  /** RS*, PS*, ES*: one PEM-encoded public key. */
  | { readonly kind: 'publicKey'; readonly pem: string }
  /** RS*, PS*, ES*: the issuer's JWKS, by the token's `kid`; cached, refetched (rate-limited) on an unknown kid. */
  | { readonly kind: 'jwks'; readonly url: string };

/** How a BFF verifies bearer tokens. */
export interface AuthConfig {
  /** Accepted `iss` values. */
  readonly issuers: readonly string[];
  /** The `aud` a token must carry for this BFF. */
  readonly audience: string;
  /** The only algorithms accepted, whatever a token's header says; never HMAC and public-key mixed. */
  readonly algorithms: readonly JwtAlgorithm[];
  readonly verificationKey: VerificationKeySource;
  /** Leeway for exp, nbf and iat, in seconds. */
  readonly clockToleranceSeconds: number;
  /** Largest token accepted, in bytes. */
  readonly maxTokenBytes: number;
}

/** A BFF's development defaults for authentication. */
export interface AuthConfigDefaults {
  /** Accepted issuer when `<prefix>JWT_ISSUERS` is unset, e.g. 'bff-dev'. */
  readonly issuer: string;
  /** Audience when `<prefix>JWT_AUDIENCE` is unset, e.g. 'web-bff'. */
  readonly audience: string;
  /** HMAC secret when `<prefix>JWT_SECRET` is unset; never used when NODE_ENV is production. */
  readonly developmentSecret: string;
}

/** An HMAC key shorter than its hash output weakens it (RFC 7518 §3.2). */
const minSecretLength = 32;

const secretKey: EnvKey<string | undefined> = {
  schema: z.string().min(minSecretLength),
  mustBe: `be at least ${minSecretLength} characters`,
  defaultValue: undefined,
  secret: true,
};

const isHmac = (algorithm: string) => algorithm.startsWith('HS');

/**
 * Reads the `<prefix>JWT_*` keys into an AuthConfig, adding one line to `problems` per bad
 * key or bad combination: algorithms mixed across families (how HS/RS confusion happens),
 * 'none', a family without its key, a secret missing in production. Never echoes a secret.
 */
export function readAuthConfig(
  env: NodeJS.ProcessEnv,
  prefix: string,
  defaults: AuthConfigDefaults | undefined,
  environment: 'development' | 'production' | 'test',
  problems: string[],
): AuthConfig {
  const keys = readEnvKeys(
    env,
    prefix,
    {
      JWT_ISSUERS: optionalKey(listKey([])),
      JWT_AUDIENCE: optionalKey(stringKey('')),
      JWT_ALGORITHMS: listKey(['HS256']),
      JWT_SECRET: secretKey,
      JWT_PUBLIC_KEY: optionalKey(stringKey('')),
      JWT_JWKS_URL: optionalKey(urlKey('')),
      JWT_CLOCK_TOLERANCE_S: intKey(5, 0, 300),
      JWT_MAX_BYTES: intKey(8192, 512, 65_536),
    },
    problems,
  );
  const key = (name: string) => `${prefix}JWT_${name}`;
  const isSet = (name: string) => (env[key(name)] ?? '') !== '';
  const issuers = keys.JWT_ISSUERS ?? (defaults && [defaults.issuer]);
  const audience = keys.JWT_AUDIENCE ?? defaults?.audience;
  if (issuers === undefined && !isSet('ISSUERS'))
    problems.push(`${key('ISSUERS')} must be set to the comma-separated issuers whose tokens this BFF accepts`);
  if (audience === undefined && !isSet('AUDIENCE'))
    problems.push(`${key('AUDIENCE')} must be set to the audience that tokens for this BFF carry`);
  // readEnvKeys leaves a malformed key out (its problem is listed), so this is undefined then, whatever its type says.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see the line above
  const algorithms = readAlgorithms(keys.JWT_ALGORITHMS ?? [], key('ALGORITHMS'), problems);
  const listed = algorithms.join(',');
  let verificationKey: VerificationKeySource = { kind: 'secret', secret: '' };
  if (algorithms.some(isHmac)) {
    const secret = keys.JWT_SECRET ?? (environment === 'production' ? undefined : defaults?.developmentSecret);
    if (secret !== undefined) verificationKey = { kind: 'secret', secret };
    else if (!isSet('SECRET')) {
      problems.push(
        environment === 'production'
          ? `${key('SECRET')} must be set in production when ${key('ALGORITHMS')} is ${listed} ` +
              '(the development secret is never used in production)'
          : `${key('SECRET')} must be set when ${key('ALGORITHMS')} is ${listed}`,
      );
    }
    for (const unused of ['PUBLIC_KEY', 'JWKS_URL'] as const) {
      if (keys[`JWT_${unused}`] !== undefined)
        problems.push(
          `${key(unused)} must not be set when ${key('ALGORITHMS')} is ${listed}; ` +
            'list the public-key algorithms it is for',
        );
    }
  } else if (algorithms.length > 0) {
    if (keys.JWT_SECRET !== undefined)
      problems.push(
        `${key('SECRET')} must not be set when ${key('ALGORITHMS')} is ${listed}; HMAC secrets go with HS* only`,
      );
    if (isSet('PUBLIC_KEY') && isSet('JWKS_URL')) {
      problems.push(`${key('PUBLIC_KEY')} and ${key('JWKS_URL')} must not both be set; set one`);
    } else if (keys.JWT_PUBLIC_KEY !== undefined) {
      const pem = keys.JWT_PUBLIC_KEY.replaceAll('\\n', '\n');
      if (checkPublicKey(pem, algorithms, key('PUBLIC_KEY'), problems)) verificationKey = { kind: 'publicKey', pem };
    } else if (keys.JWT_JWKS_URL !== undefined) {
      verificationKey = { kind: 'jwks', url: keys.JWT_JWKS_URL };
    } else if (!isSet('JWKS_URL')) {
      problems.push(`${key('PUBLIC_KEY')} or ${key('JWKS_URL')} must be set when ${key('ALGORITHMS')} is ${listed}`);
    }
  }
  return Object.freeze({
    issuers: Object.freeze([...(issuers ?? [])]),
    audience: audience ?? '',
    algorithms: Object.freeze(algorithms),
    verificationKey: Object.freeze(verificationKey),
    clockToleranceSeconds: keys.JWT_CLOCK_TOLERANCE_S,
    maxTokenBytes: keys.JWT_MAX_BYTES,
  });
}

/** Keeps the known algorithms of `listed`; 'none', unknown names and mixed families are problems. */
function readAlgorithms(listed: readonly string[], name: string, problems: string[]): JwtAlgorithm[] {
  const raw = listed.join(',');
  if (listed.some((algorithm) => algorithm.toLowerCase() === 'none')) {
    problems.push(`${name} must not include none (unsigned tokens), but got: '${raw}'`);
    return [];
  }
  const unknown = listed.filter((algorithm) => !(jwtAlgorithms as readonly string[]).includes(algorithm));
  if (unknown.length > 0) {
    problems.push(`${name} must list only ${jwtAlgorithms.join(', ')}, but got: '${unknown.join(',')}'`);
    return [];
  }
  if (listed.some(isHmac) && !listed.every(isHmac)) {
    problems.push(
      `${name} must not mix HMAC (HS*) and public-key algorithms (that is how algorithm confusion happens), ` +
        `but got: '${raw}'`,
    );
    return [];
  }
  return listed as JwtAlgorithm[];
}

/** The key type each public-key algorithm family needs. */
const keyTypeOf = (algorithm: JwtAlgorithm): 'rsa' | 'ec' => (algorithm.startsWith('ES') ? 'ec' : 'rsa');

/** True when `pem` is a public key (not a private one) of the type every algorithm needs. */
function checkPublicKey(pem: string, algorithms: readonly JwtAlgorithm[], name: string, problems: string[]): boolean {
  if (pem.includes('PRIVATE KEY')) {
    problems.push(`${name} must be a public key, but got: a private key (keep it with the issuer)`);
    return false;
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    const preview = pem.length > 24 ? `${pem.slice(0, 24)}…` : pem;
    problems.push(
      `${name} must be a PEM public key (-----BEGIN PUBLIC KEY-----), but got: '${preview.replaceAll('\n', '\\n')}'`,
    );
    return false;
  }
  const keyType = key.asymmetricKeyType === 'rsa-pss' ? 'rsa' : key.asymmetricKeyType;
  const mismatched = algorithms.filter((algorithm) => keyTypeOf(algorithm) !== keyType);
  const [firstMismatched] = mismatched;
  if (firstMismatched === undefined) return true;
  problems.push(
    `${name} must be an ${keyTypeOf(firstMismatched).toUpperCase()} key for ${mismatched.join(',')}, ` +
      `but got: an ${String(keyType).toUpperCase()} key`,
  );
  return false;
}
