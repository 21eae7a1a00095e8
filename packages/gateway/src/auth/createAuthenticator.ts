import type { Logger } from '@apollo/utils.logger';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import { UnauthenticatedError } from '../errors/BffError.js';
import { claimsToViewer, type TokenClaims } from './claimsToViewer.js';
import { createKeyResolver, type JwksOptions } from './createKeyResolver.js';
import type { AuthConfig } from './readAuthConfig.js';
import type { UserViewer } from '../core/Viewer.js';

/** Verifies bearer tokens against one BFF's AuthConfig. */
export interface Authenticator {
  /**
   * The viewer of a token whose algorithm, signature, issuer, audience and times are all
   * acceptable; otherwise rejects with UnauthenticatedError saying what is wrong (never what
   * the token holds).
   */
  authenticate(token: string): Promise<UserViewer>;
  /**
   * The viewer of a token verified a short while ago (see createAuthenticator), without waiting; undefined if it has
   * to be checked.
   */
  remembered(token: string): UserViewer | undefined;
  /** Releases what the key lookup holds (JWKS connections). */
  close(): void;
}

/**
 * Tokens whose verification is remembered (a client sends the same one with every request of a session), and their
 * characters together.
 */
const maxVerifiedTokens = 10_000;
const maxVerifiedTokenChars = 4 * 1024 * 1024;
/** How long a verification is trusted at most, so that a key taken out of the JWKS stops working soon. */
const maxVerifiedMs = 60_000;

/**
 * Creates the authenticator of a BFF. The algorithms are the configured ones, whatever a
 * token's header claims, so neither 'none' nor a public key used as an HMAC secret gets in. A
 * token that passed is remembered (the token itself is the key) until its expiry or for a
 * minute, whichever comes first; one that failed is checked again each time.
 */
export function createAuthenticator(auth: AuthConfig, logger: Logger, jwksOptions?: JwksOptions): Authenticator {
  const keys = createKeyResolver(auth.verificationKey, logger, jwksOptions);
  const verifyOptions: jwt.VerifyOptions = {
    algorithms: [...auth.algorithms],
    // readAuthConfig never lets the list be empty.
    issuer: [...auth.issuers] as [string, ...string[]],
    audience: auth.audience,
    clockTolerance: auth.clockToleranceSeconds,
  };
  const verified = new LRUCache<string, { readonly viewer: UserViewer; readonly untilMs: number }>({
    max: maxVerifiedTokens,
    maxSize: maxVerifiedTokenChars,
    sizeCalculation: (_verification, token) => token.length,
  });
  const remembered = (token: string): UserViewer | undefined => {
    const verification = verified.get(token);
    return verification && Date.now() < verification.untilMs ? verification.viewer : undefined;
  };
  return {
    remembered,
    async authenticate(token) {
      const known = remembered(token);
      if (known) return known;
      if (Buffer.byteLength(token) > auth.maxTokenBytes)
        throw new UnauthenticatedError(`token is larger than ${auth.maxTokenBytes} bytes`);
      const header = readHeader(token);
      if (header.alg.toLowerCase() === 'none') throw new UnauthenticatedError('token algorithm none is not accepted');
      if (!(auth.algorithms as readonly string[]).includes(header.alg)) {
        // The name comes from the token: it is repeated only when it is a plain short word.
        throw new UnauthenticatedError(
          /^[A-Za-z0-9]{1,10}$/.test(header.alg)
            ? `token algorithm ${header.alg} is not accepted`
            : 'token algorithm is not accepted',
        );
      }
      const key = await keys.keyFor(header);
      let claims: string | jwt.JwtPayload;
      try {
        claims = jwt.verify(token, key, verifyOptions);
      } catch (error) {
        throw new UnauthenticatedError(reasonOf(error as Error));
      }
      // jsonwebtoken gives back a payload that is not a JSON object as the string it is.
      if (typeof claims !== 'object') throw new UnauthenticatedError('token is malformed');
      const expiresAtSeconds = checkTimes(claims, auth.clockToleranceSeconds);
      const viewer = claimsToViewer(claims);
      // Until the expiry itself, not the clock tolerance after it: past exp the token is checked again.
      const untilMs = Math.min(expiresAtSeconds * 1000, Date.now() + maxVerifiedMs);
      if (untilMs > Date.now()) verified.set(token, { viewer, untilMs });
      return viewer;
    },
    close: () => keys.close(),
  };
}

/**
 * The token's header, when the token is three base64url parts with a JSON header naming an
 * algorithm. Only the header is decoded here: jsonwebtoken decodes the whole token again as it
 * verifies it, and rejects a bad payload in its own words.
 */
function readHeader(token: string): jwt.JwtHeader {
  const parts = token.split('.');
  const encodedHeader = parts.length === 3 ? parts[0] : undefined;
  let header: unknown;
  try {
    header =
      encodedHeader === undefined ? undefined : JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8'));
  } catch {
    header = undefined;
  }
  if (typeof header !== 'object' || header === null || typeof (header as jwt.JwtHeader).alg !== 'string')
    throw new UnauthenticatedError('token is malformed');
  return header as jwt.JwtHeader;
}

/** What jsonwebtoken's rejection means, in the words a client gets. */
function reasonOf(error: Error): string {
  if (error instanceof jwt.TokenExpiredError) return 'token expired';
  if (error instanceof jwt.NotBeforeError) return 'token is not valid yet';
  const message = error.message;
  if (message === 'invalid signature' || message === 'jwt signature is required') return 'token signature is invalid';
  if (message.startsWith('jwt audience invalid')) return 'token audience is not accepted';
  if (message.startsWith('jwt issuer invalid')) return 'token issuer is not accepted';
  if (message === 'invalid exp value' || message === 'invalid nbf value')
    return 'token time claims (exp, nbf, iat) must be numbers';
  // jsonwebtoken checks an asymmetric key's type and curve against the algorithm.
  if (message.includes('key type') || message.includes('curve') || message.startsWith('secretOrPublicKey'))
    return 'token algorithm does not match its key';
  return 'token is malformed';
}

/**
 * What jsonwebtoken leaves to us: a token must expire (exp), and must not have been issued
 * (iat) later than now plus the tolerance. Returns the expiry, in seconds since the epoch.
 */
function checkTimes(claims: TokenClaims, toleranceSeconds: number): number {
  const { exp, iat } = claims;
  if (exp === undefined) throw new UnauthenticatedError('token has no expiry (exp)');
  // jsonwebtoken has already refused an exp that is not a number ('invalid exp value'); this only tells TypeScript.
  if (typeof exp !== 'number') throw new UnauthenticatedError('token time claims (exp, nbf, iat) must be numbers');
  if (iat === undefined) return exp;
  if (typeof iat !== 'number') throw new UnauthenticatedError('token time claims (exp, nbf, iat) must be numbers');
  if (iat > Math.floor(Date.now() / 1000) + toleranceSeconds)
    throw new UnauthenticatedError('token was issued in the future');
  return exp;
}
