import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

/** Every code the BFF itself puts in `extensions.code`. Clients may switch on these. */
export const BffErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  DOWNSTREAM_SERVICE_ERROR: 'DOWNSTREAM_SERVICE_ERROR',
  DOWNSTREAM_TIMEOUT: 'DOWNSTREAM_TIMEOUT',
  DOWNSTREAM_UNAVAILABLE: 'DOWNSTREAM_UNAVAILABLE',
  OPERATION_TOO_COMPLEX: 'OPERATION_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
  OVERLOADED: 'OVERLOADED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  OPERATION_NOT_TRUSTED: 'OPERATION_NOT_TRUSTED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  NOT_ACCEPTABLE: 'NOT_ACCEPTABLE',
  TOO_MANY_SUBSCRIPTIONS: 'TOO_MANY_SUBSCRIPTIONS',
  SHUTTING_DOWN: 'SHUTTING_DOWN',
} as const;
export type BffErrorCode = (typeof BffErrorCode)[keyof typeof BffErrorCode];

/** Base of every error the BFF raises: a GraphQLError that carries its code and HTTP status. */
export abstract class BffError extends GraphQLError {
  constructor(message: string, code: BffErrorCode, status: number, options?: GraphQLErrorOptions) {
    super(message, { ...options, extensions: { http: { status }, ...options?.extensions, code } });
    this.name = this.constructor.name;
  }
}

/** The request itself is malformed (body, JSON, content type); nothing was executed. */
export class BadRequestError extends BffError {
  constructor(message: string, status = 400) {
    super(message, BffErrorCode.BAD_REQUEST, status);
  }
}

/**
 * The operation is over one of the BFF's limits (depth, aliases, root fields, directives,
 * tokens, size, estimated cost); it was refused before any service was called (HTTP 400).
 */
export class OperationTooComplexError extends BffError {
  constructor(message: string) {
    super(message, BffErrorCode.OPERATION_TOO_COMPLEX, 400);
  }
}

/**
 * The caller used up its rate limit (HTTP 429). Carries Retry-After and the RateLimit-* headers,
 * which Apollo Server copies to the response from `extensions.http`.
 */
export class RateLimitedError extends BffError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message, BffErrorCode.RATE_LIMITED, 429, { extensions: { http: httpHead(429, retryAfterSeconds, headers) } });
  }
}

/**
 * The BFF is over capacity and shed this request instead of slowing every other one down
 * (HTTP 503 with Retry-After): the admission queue was full or the wait of its class ran out.
 */
export class OverloadedError extends BffError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, BffErrorCode.OVERLOADED, 503, { extensions: { http: httpHead(503, retryAfterSeconds, {}) } });
  }

  /**
   * An OverloadedError without a stack trace: shedding is expected, answered to the client and
   * never logged with a stack, and an overloaded BFF sheds thousands a second (capturing the
   * stack is more than half of making one).
   */
  static withoutStack(message: string, retryAfterSeconds: number): OverloadedError {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return new OverloadedError(message, retryAfterSeconds);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }
}

/** Status and headers in the shape Apollo Server reads from `extensions.http`. */
function httpHead(status: number, retryAfterSeconds: number, headers: Readonly<Record<string, string>>) {
  return { status, headers: new Map([...Object.entries(headers), ['retry-after', String(retryAfterSeconds)]]) };
}

/**
 * A bearer token was sent and is not acceptable (HTTP 401). The reason says what is wrong with
 * it, never what it contains.
 */
export class UnauthenticatedError extends BffError {
  constructor(reason: string) {
    super(`Authentication failed: ${reason}`, BffErrorCode.UNAUTHENTICATED, 401);
  }
}

/**
 * A downstream service failed to answer its part of the plan. Only its fields are missing;
 * the message names the service and never carries its internal error.
 */
export class DownstreamServiceError extends BffError {
  constructor(serviceName: string, options?: GraphQLErrorOptions) {
    super(downstreamServiceMessage(serviceName), BffErrorCode.DOWNSTREAM_SERVICE_ERROR, 200, {
      ...options,
      extensions: { ...options?.extensions, serviceName },
    });
  }
}

/** The one wording clients see for a failed service, wherever the failure was detected. */
export function downstreamServiceMessage(serviceName: string): string {
  return `The ${serviceName} service failed to answer; the fields it provides are null in this response. Retry later.`;
}
