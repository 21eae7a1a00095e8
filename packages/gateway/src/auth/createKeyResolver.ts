import type { Logger } from '@apollo/utils.logger';
import type { JwtHeader } from 'jsonwebtoken';
import jwksRsa from 'jwks-rsa';
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { UnauthenticatedError } from '../errors/BffError.js';
import type { VerificationKeySource } from './readAuthConfig.js';

/** How a JWKS is cached and refetched. */
export interface JwksOptions {
  /** Signing keys kept, by kid. @default 16 */
  readonly cacheMaxEntries?: number;
  /** How long a fetched key is trusted before it is fetched again, in milliseconds. @default 600000 */
  readonly cacheMaxAgeMs?: number;
  /** Fetches allowed per minute: a flood of tokens with made-up kids cannot flood the issuer. @default 10 */
  readonly fetchesPerMinute?: number;
  /** A fetch not answered within this many milliseconds fails. @default 5000 */
  readonly timeoutMs?: number;
}

/** Finds the key that checks a token's signature, by the token's header. */
export interface KeyResolver {
  /** The key for `header`, or UnauthenticatedError when there is none. */
  keyFor(header: JwtHeader): Promise<KeyObject>;
  /** Closes the connections to the JWKS endpoint, if any. */
  close(): void;
}

/** A resolver over the configured secret, public key or JWKS URL. */
export function createKeyResolver(
  source: VerificationKeySource,
  logger: Logger,
  options: JwksOptions = {},
): KeyResolver {
  switch (source.kind) {
    case 'secret': {
      const key = createSecretKey(Buffer.from(source.secret, 'utf8'));
      return { keyFor: async () => key, close: () => undefined };
    }
    case 'publicKey': {
      const key = createPublicKey(source.pem);
      return { keyFor: async () => key, close: () => undefined };
    }
    case 'jwks':
      return createJwksResolver(source.url, logger, options);
  }
}

function createJwksResolver(url: string, logger: Logger, options: JwksOptions): KeyResolver {
  const agent = url.startsWith('https:') ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  // jwks-rsa caches each kid it found; an unknown kid goes to the endpoint again, and those
  // fetches are rate-limited.
  const client = jwksRsa({
    jwksUri: url,
    cache: true,
    cacheMaxEntries: options.cacheMaxEntries ?? 16,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    rateLimit: true,
    jwksRequestsPerMinute: options.fetchesPerMinute ?? 10,
    timeout: options.timeoutMs ?? 5_000,
    requestAgent: agent,
  });
  return {
    async keyFor(header) {
      let signingKey: jwksRsa.SigningKey;
      try {
        signingKey = await client.getSigningKey(header.kid);
      } catch (error) {
        if ((error as Error).name === 'SigningKeyNotFoundError')
          throw new UnauthenticatedError('token key id (kid) is not known');
        logger.warn(`JWKS ${url} gave no signing keys: ${error instanceof Error ? error.message : String(error)}`);
        throw new UnauthenticatedError('token signing keys are unavailable; retry later');
      }
      // A key published for one algorithm is not used to check another. jwks-rsa's types say every key has an alg,
      // but it leaves alg out when the JWK has none (retrieveSigningKeys in its src/utils.js).
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see the line above
      if (signingKey.alg !== undefined && signingKey.alg !== header.alg)
        throw new UnauthenticatedError('token algorithm does not match its key');
      return createPublicKey(signingKey.getPublicKey());
    },
    close: () => agent.destroy(),
  };
}
