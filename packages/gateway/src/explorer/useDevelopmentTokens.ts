import type { FastifyInstance } from 'fastify';
import type { AuthConfig } from '../auth/readAuthConfig.js';
import { signDevelopmentToken, type DevelopmentTokenOptions } from '../auth/signDevelopmentToken.js';
import { BadRequestError } from '../errors/BffError.js';

/** How long a development token from the explorer lasts, in seconds. */
export const developmentTokenLifetimeSeconds = 3600;

const example = 'Send a JSON object such as {"sub": "1", "roles": ["customer"]}.';
// The same shapes the BFF accepts in a token (claimsToViewer): a printable subject, names without commas.
const subject = /^[\x21-\x7e]{1,128}$/;
const name = /^[\x21-\x2b\x2d-\x7e]{1,64}$/;
const maxNames = 16;

function readNames(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    value.length > maxNames ||
    !value.every((item): item is string => typeof item === 'string' && name.test(item))
  ) {
    throw new BadRequestError(
      `${field} must be a list of at most ${maxNames} names of printable characters without commas, ` +
        `but got: ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** The token a request body asks for, or BadRequestError saying what is wrong with it. */
export function readTokenRequest(body: unknown, clientId: string): DevelopmentTokenOptions {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new BadRequestError(`The request body is not a JSON object. ${example}`);
  const { sub, roles, scopes, ...unknown } = body as Record<string, unknown>;
  const extra = Object.keys(unknown);
  if (extra.length > 0)
    throw new BadRequestError(
      `A development token request takes only sub, roles and scopes, but got: ${extra.join(', ')}`,
    );
  if (typeof sub !== 'string' || !subject.test(sub)) {
    throw new BadRequestError(
      `sub must be a user id of 1 to 128 printable characters, but got: ${JSON.stringify(sub ?? null)}`,
    );
  }
  return {
    sub,
    roles: readNames(roles, 'roles'),
    scopes: readNames(scopes, 'scopes'),
    clientId,
    expiresIn: developmentTokenLifetimeSeconds,
  };
}

/**
 * POST `path` with `{ "sub": "1", "roles": ["customer"] }` answers `{ "token": "…" }`: a token
 * for that viewer, issued to this BFF's client app, signed with `auth` (its development secret)
 * for an hour; for the explorer's token button. Registered only outside production and only
 * while the BFF verifies with its development secret (ExplorerConfig.developmentTokens).
 */
export function useDevelopmentTokens(
  http: FastifyInstance,
  auth: AuthConfig,
  options: { readonly path: string; readonly clientId: string },
): void {
  http.post(options.path, async (request, reply) => {
    const wanted = readTokenRequest(request.body, options.clientId);
    const token = signDevelopmentToken(auth, wanted);
    request.log.info(
      `explorer signed a development token for user ${wanted.sub} (roles: ${wanted.roles?.join(',') || 'none'})`,
    );
    return reply.header('cache-control', 'no-store').send({ token, expiresIn: developmentTokenLifetimeSeconds });
  });
}
