import type { IncomingHttpHeaders } from 'node:http';
import { UnauthenticatedError } from '../errors/BffError.js';

/** Query parameters that carry tokens elsewhere (RFC 6750 §2.3); here they are refused. */
export const queryTokenParameters = ['access_token', 'token'] as const;

// RFC 6750 §2.1: "Bearer" (any case), one or more spaces, a b64token.
const bearerHeader = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * The bearer token of a request, from the Authorization header only, or undefined when the
 * request has none. A token in the query string (it would end up in access logs, proxies and
 * browser history) and an Authorization header that is not `Bearer <token>` are refused.
 */
export function readBearerToken(headers: IncomingHttpHeaders, url: string): string | undefined {
  const queryStart = url.indexOf('?');
  if (queryStart >= 0) {
    const query = new URLSearchParams(url.slice(queryStart + 1));
    if (queryTokenParameters.some((parameter) => query.has(parameter))) {
      throw new UnauthenticatedError('tokens in the query string are refused; send Authorization: Bearer <token>');
    }
  }
  const header = headers.authorization;
  if (header === undefined) return undefined;
  const token = bearerHeader.exec(header)?.[1];
  if (token === undefined) throw new UnauthenticatedError("Authorization header must be 'Bearer <token>'");
  return token;
}
