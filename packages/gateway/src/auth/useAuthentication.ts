import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../errors/BffError.js';
import { createAuthenticator } from './createAuthenticator.js';
import type { AuthConfig } from './readAuthConfig.js';
import { readBearerToken } from './readBearerToken.js';
import { anonymousViewer, type Viewer } from '../core/Viewer.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: set by the authentication hook before anything else reads the request. */
    viewer: Viewer;
  }
}

/** Sent with every 401, as RFC 6750 §3 asks. */
export const unauthenticatedChallenge = 'Bearer error="invalid_token"';

/**
 * Authenticates every request in a preParsing hook: no token is the anonymous viewer; a valid
 * bearer token is its user on `request.viewer`; a bad one is answered at once with 401,
 * UNAUTHENTICATED and a short reason, before the body is even read. Tokens are never logged.
 * The authenticator is closed with the server.
 */
export function useAuthentication(http: FastifyInstance, auth: AuthConfig): void {
  const authenticator = createAuthenticator(auth, http.log);
  // Declared without a value (fastify refuses a shared object as one); the hook sets it on every request.
  http.decorateRequest('viewer');
  const refuse = (request: FastifyRequest, reply: FastifyReply, error: UnauthenticatedError) => {
    request.log.info(error.message);
    reply
      .code(401)
      .header('www-authenticate', unauthenticatedChallenge)
      .send({ errors: [{ message: error.message, extensions: { code: error.extensions['code'] } }] });
  };
  // Callback-style: a token verified a moment ago (a client sends the same one all session) goes
  // on without a promise and a microtask turn. A hook that replies does not call done.
  // preParsing, the first phase after onRequest: still before the body is read, and after the
  // onRequest hooks that answer or shed a request without looking at its token (probes, early admission).
  http.addHook('preParsing', (request, reply, payload, done) => {
    let token: string | undefined;
    try {
      token = readBearerToken(request.headers, request.url);
    } catch (error) {
      if (error instanceof UnauthenticatedError) refuse(request, reply, error);
      else done(error as Error, payload);
      return;
    }
    if (token === undefined) {
      request.viewer = anonymousViewer;
      done(null, payload);
      return;
    }
    const known = authenticator.remembered(token);
    if (known) {
      request.viewer = known;
      done(null, payload);
      return;
    }
    authenticator.authenticate(token).then(
      (viewer) => {
        request.viewer = viewer;
        done(null, payload);
      },
      (error: unknown) =>
        error instanceof UnauthenticatedError ? refuse(request, reply, error) : done(error as Error, payload),
    );
  });
  http.addHook('onClose', async () => authenticator.close());
}
