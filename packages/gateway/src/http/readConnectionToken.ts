import type { IncomingMessage } from 'node:http';
import { readBearerToken } from '../auth/readBearerToken.js';
import { UnauthenticatedError } from '../errors/BffError.js';

/**
 * The bearer token of a GraphQL over WebSocket connection, or undefined for an anonymous one: from the
 * `connection_init` payload (`authorization` or `Authorization: "Bearer …"`, what browser clients can send: they
 * cannot set headers on a WebSocket), else from the upgrade request's Authorization header. An empty authorization
 * in the payload counts as none (clients send '' before sign-in). Refused like an HTTP request's: a value that is
 * not `Bearer <token>`, or a token in the upgrade URL's query string (UnauthenticatedError).
 */
export function readConnectionToken(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  upgrade: IncomingMessage,
): string | undefined {
  const url = upgrade.url ?? '/';
  const fromParams = connectionParams?.['authorization'] ?? connectionParams?.['Authorization'];
  if (fromParams === undefined || fromParams === '') return readBearerToken(upgrade.headers, url);
  if (typeof fromParams !== 'string')
    throw new UnauthenticatedError("connection_init authorization must be 'Bearer <token>'");
  // With the URL: a token in its query string is refused even then (it would be in access logs).
  return readBearerToken({ authorization: fromParams }, url);
}
