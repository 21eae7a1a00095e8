import type { AuthConfig } from '../auth/readAuthConfig.js';
import { useAuthentication } from '../auth/useAuthentication.js';
import type { Stage } from './Stage.js';

/** Options of the authenticate stage: the BFF's token settings (issuer, audience, keys, leeway…). */
export type AuthenticateOptions = AuthConfig;

/**
 * authenticate: no token is the anonymous viewer, a valid JWT its user on `request.viewer`, a bad
 * one 401 UNAUTHENTICATED before the body is read. Tokens are never logged.
 */
export function authenticate(options: AuthenticateOptions): Stage {
  return { name: 'authenticate', http: (http) => useAuthentication(http, options) };
}
