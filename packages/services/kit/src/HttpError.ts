/** The codes a REST service answers with, one per HTTP status the services use. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_SERVER_ERROR';

/** The body of every REST error response: `{ "error": { "code": "NOT_FOUND", "message": "…" } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/**
 * An error a route throws on purpose; {@link useJsonErrors} sends its code, status and message
 * to the client as is.
 */
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
/** 409 CONFLICT with the given message: the request is valid, but not in the resource's current state. */
export const conflict = (message: string): HttpError => new HttpError(409, 'CONFLICT', message);
/** 400 BAD_REQUEST with the given message. */
export const badRequest = (message: string): HttpError => new HttpError(400, 'BAD_REQUEST', message);

/** Builds an {@link ErrorBody}. */
export const errorBody = (code: ErrorCode, message: string): ErrorBody => ({ error: { code, message } });
