import jwt from 'jsonwebtoken';
import { viewerClaims, type ViewerClaimsOptions } from './claimsToViewer.js';
import type { AuthConfig } from './readAuthConfig.js';

/** A development token: who it is for, and for how long. */
export interface DevelopmentTokenOptions extends ViewerClaimsOptions {
  /** Seconds, or a duration such as '15m'. @default '1h' */
  readonly expiresIn?: number | string;
}

/**
 * Signs a token that a BFF configured with `auth` accepts: its HMAC secret and first
 * algorithm, its first issuer, its audience. For trying a BFF out (`npm run token`) and for
 * tests; a BFF that verifies public-key tokens has no secret to sign with, and says so.
 */
export function signDevelopmentToken(auth: AuthConfig, options: DevelopmentTokenOptions): string {
  if (auth.verificationKey.kind !== 'secret') {
    throw new Error(
      `development tokens are signed with an HMAC secret, but this BFF accepts ${auth.algorithms.join(',')} tokens ` +
        `checked with a ${auth.verificationKey.kind}`,
    );
  }
  return jwt.sign(viewerClaims(options), auth.verificationKey.secret, {
    algorithm: auth.algorithms[0],
    // jsonwebtoken types durations as ms's template literal; it checks the value itself.
    expiresIn: (options.expiresIn ?? '1h') as jwt.SignOptions['expiresIn'],
    issuer: auth.issuers[0],
    audience: auth.audience,
  });
}
