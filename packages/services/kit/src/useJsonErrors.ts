import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError, errorBody, type ErrorCode } from './HttpError.js';

const codeByStatus: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Gives every failure of a REST service the same JSON shape, `ErrorBody`: our own
 * HttpErrors, fastify's schema and body-parsing errors (invalid JSON, empty body), unknown routes,
 * and anything unexpected, which is logged whole and answered with a generic 500 so no internals
 * or stack traces leak. Call it before registering routes.
 */
export function useJsonErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send(errorBody(error.code, error.message));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody(codeByStatus[status] ?? 'BAD_REQUEST', error.message));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody('NOT_FOUND', `Route ${request.method} ${request.url} not found`)),
  );
}
