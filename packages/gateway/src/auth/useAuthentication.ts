import type { FastifyInstance } from 'fastify';
import { UnauthenticatedError } from '../errors/BffError.js';
import { createAuthenticator } from './createAuthenticator.js';
import type { AuthConfig } from './readAuthConfig.js';
import { readBearerToken } from './readBearerToken.js';
import { anonymousViewer, type Viewer } from './Viewer.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: set by the authentication hook before anything else reads the request. */
    viewer: Viewer;
  }
}

/** Sent with every 401, as RFC 6750 §3 asks. */
export const unauthenticatedChallenge = 'Bearer error="invalid_token"';

/**
 * Authenticates every request in an onRequest hook: no token is the anonymous viewer; a valid
 * bearer token is its user on `request.viewer`; a bad one is answered at once with 401,
 * UNAUTHENTICATED and a short reason, before the body is even read. Tokens are never logged.
 * The authenticator is closed with the server.
 */
export function useAuthentication(http: FastifyInstance, auth: AuthConfig): void {
  const authenticator = createAuthenticator(auth, http.log);
  // Declared without a value (fastify refuses a shared object as one); the hook sets it on every request.
  http.decorateRequest('viewer');
  http.addHook('onRequest', async (request, reply) => {
    try {
      const token = readBearerToken(request.headers, request.url);
      request.viewer = token === undefined ? anonymousViewer : await authenticator.authenticate(token);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      request.log.info(error.message);
      return reply
        .code(401)
        .header('www-authenticate', unauthenticatedChallenge)
        .send({ errors: [{ message: error.message, extensions: { code: error.extensions['code'] } }] });
    }
  });
  http.addHook('onClose', async () => authenticator.close());
}
