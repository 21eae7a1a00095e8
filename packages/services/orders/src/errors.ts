import type { FastifyError, FastifyInstance } from 'fastify';

/** The codes this service answers with, one per HTTP status it uses. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_SERVER_ERROR';

/** The body of every error response: `{ "error": { "code": "NOT_FOUND", "message": "…" } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** An error a route throws on purpose; its code, status and message reach the client as is. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 404 NOT_FOUND with the given message. */
export const notFound = (message: string): HttpError => new HttpError(404, 'NOT_FOUND', message);
/** 400 BAD_REQUEST with the given message. */
export const badRequest = (message: string): HttpError => new HttpError(400, 'BAD_REQUEST', message);

const codeByStatus: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

const errorBody = (code: ErrorCode, message: string): ErrorBody => ({ error: { code, message } });

/**
 * Gives every failure the same JSON shape: our own HttpErrors, fastify's schema and body-parsing
 * errors (invalid JSON, empty body), unknown routes, and anything unexpected, which is logged
 * whole and answered with a generic 500 so no internals or stack traces leak.
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
