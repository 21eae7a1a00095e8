import { viewerClaims } from '@bff/gateway';
import { readMobileBffConfig } from '@bff/mobile-bff';
import { readWebBffConfig } from '@bff/web-bff';
import jwt from 'jsonwebtoken';
import type { KeyObject } from 'node:crypto';
import type { ClientName } from './startTestBff.js';

/** What a test token says and how it is signed; each option overrides the BFF's development default. */
export interface TestTokenOptions {
  /** The subject; null leaves `sub` out. @default '1' */
  sub?: string | null;
  /** @default [] */
  roles?: string[];
  /** @default [] */
  scopes?: string[];
  /** The client app (`azp`). @default the client name, 'web' or 'mobile' */
  clientId?: string;
  /** Seconds (negative: already expired) or a duration such as '15m'; null leaves `exp` out. @default '1h' */
  expiresIn?: number | string | null;
  /** Seconds or a duration from now until the token is valid (`nbf`). @default none */
  notBefore?: number | string;
  /** `iat`, in seconds since the epoch. @default now */
  iat?: number;
  /** @default the BFF's development issuer, 'bff-dev' */
  issuer?: string;
  /** @default the BFF's audience, e.g. 'web-bff' */
  audience?: string;
  /** HMAC secret. @default the BFF's development secret */
  secret?: string;
  /** Private key for RS*, PS*, ES* (then `algorithm` says which). @default none: HMAC */
  privateKey?: KeyObject | string;
  /** @default 'HS256' */
  algorithm?: jwt.Algorithm;
  /** The header's `kid`. @default none */
  keyId?: string;
  /** Claims added last, over everything above (e.g. `{ roles: 'not a list' }`). @default {} */
  claims?: Record<string, unknown>;
}

const developmentAuth = {
  web: () => readWebBffConfig({ NODE_ENV: 'test' }).auth,
  mobile: () => readMobileBffConfig({ NODE_ENV: 'test' }).auth,
} as const;

/**
 * Signs a token the `client` BFF accepts in development and tests: its development secret,
 * issuer and audience, one hour of life. `signTestToken('web', { sub: '1', roles: ['customer'] })`.
 * Every option can be bent to make a token the BFF must refuse.
 */
export function signTestToken(client: ClientName, options: TestTokenOptions = {}): string {
  const auth = developmentAuth[client]();
  const { sub, ...identity } = viewerClaims({
    sub: options.sub ?? '1',
    roles: options.roles,
    scopes: options.scopes,
    clientId: options.clientId ?? client,
  });
  const payload = {
    ...(options.sub !== null && { sub }),
    ...identity,
    ...(options.iat !== undefined && { iat: options.iat }),
    ...options.claims,
  };
  const key =
    options.privateKey ?? options.secret ?? (auth.verificationKey.kind === 'secret' ? auth.verificationKey.secret : '');
  return jwt.sign(payload, key, {
    algorithm: options.algorithm ?? 'HS256',
    // jsonwebtoken types durations as ms's template literal; it checks the value itself.
    ...(options.expiresIn !== null && { expiresIn: (options.expiresIn ?? '1h') as jwt.SignOptions['expiresIn'] }),
    ...(options.notBefore !== undefined && { notBefore: options.notBefore as jwt.SignOptions['notBefore'] }),
    issuer: options.issuer ?? auth.issuers[0],
    audience: options.audience ?? auth.audience,
    ...(options.keyId !== undefined && { keyid: options.keyId }),
  });
}
