import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BffError, BffErrorCode } from '../errors/BffError.js';

/** What fastify's own request errors mean to a GraphQL client. */
const fastifyErrorMessages: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY:
    'The request body is not valid JSON. Send a JSON object such as {"query": "{ __typename }"}.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty. Send a JSON object such as {"query": "{ __typename }"}.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is larger than this server accepts.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type. Send application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
};

/**
 * Answers an HTTP-level failure (bad body, wrong content type, unexpected exception) in the
 * GraphQL error shape, with a code and the right status, and never with a stack trace.
 */
export function replyWithHttpError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof BffError) return replyWithBffError(reply, error);
  const known = error.code ? fastifyErrorMessages[error.code] : undefined;
  const status = error.statusCode ?? 500;
  if (known !== undefined || (status >= 400 && status < 500)) {
    const message = known ?? 'The request could not be read.';
    return reply.status(status).send({ errors: [{ message, extensions: { code: BffErrorCode.BAD_REQUEST } }] });
  }
  request.log.error({ err: error }, 'unhandled error while serving a request');
  return reply
    .status(500)
    .send({ errors: [{ message: 'Unexpected error.', extensions: { code: BffErrorCode.INTERNAL_SERVER_ERROR } }] });
}

/** Answers a request for a path this server does not serve. */
export function replyWithNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0] ?? '';
  return reply.status(404).send({
    errors: [
      {
        message: `Nothing is served at ${request.method} ${path}. GraphQL is served at /graphql.`,
        extensions: { code: BffErrorCode.NOT_FOUND },
      },
    ],
  });
}

/** Answers with one of our own errors, thrown before GraphQL runs: its status, its headers, its message and code. */
export function replyWithBffError(reply: FastifyReply, error: BffError): FastifyReply {
  const http = error.extensions['http'] as { status: number; headers?: ReadonlyMap<string, string> };
  for (const [name, value] of http.headers ?? []) reply.header(name, value);
  return reply
    .status(http.status)
    .send({ errors: [{ message: error.message, extensions: { code: error.extensions['code'] } }] });
}
