import type { GraphQLFormattedError } from 'graphql';
import { BffErrorCode } from './BffError.js';
import { downstreamMessages, downstreamRefusedMessage, isDownstreamErrorCode } from './downstreamErrors.js';

/** Codes whose message is written for clients, by us or by GraphQL/Apollo itself. */
const clientSafeCodes: ReadonlySet<unknown> = new Set([
  BffErrorCode.BAD_REQUEST,
  BffErrorCode.UNAUTHENTICATED,
  BffErrorCode.FORBIDDEN,
  BffErrorCode.NOT_FOUND,
  BffErrorCode.OPERATION_TOO_COMPLEX,
  BffErrorCode.RATE_LIMITED,
  BffErrorCode.OVERLOADED,
  BffErrorCode.NOT_ACCEPTABLE,
  BffErrorCode.TOO_MANY_SUBSCRIPTIONS,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Codes a subgraph may send through to the client with its own message. */
const subgraphSafeCodes: ReadonlySet<unknown> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
]);

/**
 * Codes with which a subgraph refuses the very request the BFF sent it (it does not match the
 * supergraph the BFF planned with): retrying cannot help, so the client is not told to.
 */
const subgraphRefusalCodes: ReadonlySet<unknown> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

/** Called with an error that was hidden from the client, to log it whole. */
export type MaskedErrorReporter = (formatted: GraphQLFormattedError, original: unknown) => void;

/**
 * Decides what a client sees of an error. Errors written for clients pass (without stack
 * traces); a subgraph's internal error becomes DOWNSTREAM_SERVICE_ERROR naming the service;
 * anything else becomes "Unexpected error." and is reported for the log.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  original: unknown,
  report: MaskedErrorReporter,
): GraphQLFormattedError {
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  const code = extensions['code'];
  const serviceName = extensions['serviceName'];
  const where = {
    ...(formatted.path && { path: formatted.path }),
    ...(formatted.locations && { locations: formatted.locations }),
  };
  if (typeof serviceName === 'string') {
    if (subgraphSafeCodes.has(code)) return { message: formatted.message, ...where, extensions };
    // A value the gateway cannot check (a custom scalar's literal) refused by the subgraph's scalar: the client's
    // input.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message.startsWith('Expected value of type ')) {
      return { message: formatted.message, ...where, extensions: { code: 'BAD_USER_INPUT', serviceName } };
    }
    if (!isDownstreamErrorCode(code)) report(formatted, original);
    if (subgraphRefusalCodes.has(code))
      return {
        message: downstreamRefusedMessage(serviceName),
        ...where,
        extensions: { code: BffErrorCode.DOWNSTREAM_SERVICE_ERROR, serviceName },
      };
    const downstreamCode = isDownstreamErrorCode(code) ? code : BffErrorCode.DOWNSTREAM_SERVICE_ERROR;
    return {
      message: downstreamMessages[downstreamCode](serviceName),
      ...where,
      extensions: { code: downstreamCode, serviceName },
    };
  }
  if (clientSafeCodes.has(code)) return { message: formatted.message, ...where, extensions };
  report(formatted, original);
  return { message: 'Unexpected error.', ...where, extensions: { code: BffErrorCode.INTERNAL_SERVER_ERROR } };
}
