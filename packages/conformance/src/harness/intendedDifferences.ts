/**
 * Every difference between the kit's answers and stock Apollo Server + @apollo/gateway's that
 * the conformance suite accepts, each with its reason. The comparison (compareResponses.ts)
 * normalises exactly these and nothing else: any other difference fails the suite.
 */

/**
 * Codes whose message the kit passes through unchanged, so both must say the same: GraphQL's and
 * Apollo's own words about the client's document and variables. Every other message may differ:
 * the kit masks internal messages ("Unexpected error.") and rewrites a failed subgraph's
 * ("The reviews service failed to answer …"), so that no internals reach a client (DESIGN.md, errors).
 */
export const codesWithComparedMessages: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

/**
 * Codes a subgraph's error keeps through the kit, with its message (maskError's subgraphSafeCodes):
 * they tell the client what to do. Any other code of a subgraph's error (stock passes it through,
 * e.g. a custom `OUT_OF_STOCK` or INTERNAL_SERVER_ERROR) becomes DOWNSTREAM_SERVICE_ERROR in the kit,
 * because a subgraph's internal codes are not the BFF's API.
 */
export const subgraphCodesKept: ReadonlySet<string> = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * The kit's three downstream codes (DOWNSTREAM_SERVICE_ERROR, DOWNSTREAM_TIMEOUT,
 * DOWNSTREAM_UNAVAILABLE) say why a subgraph's part is missing; stock says
 * DOWNSTREAM_SERVICE_ERROR (or passes the subgraph's code) for all. Compared as one.
 */
export const downstreamCodes: ReadonlySet<string> = new Set(['DOWNSTREAM_SERVICE_ERROR', 'DOWNSTREAM_TIMEOUT', 'DOWNSTREAM_UNAVAILABLE']);

/**
 * A request whose operation cannot be chosen (an `operationName` the document lacks, or none for a
 * document of several operations) is the client's mistake: the kit answers 400
 * OPERATION_RESOLUTION_FAILURE with graphql-js's message, as Apollo Server does for a schema it
 * executes itself; stock @apollo/gateway throws, which Apollo Server answers 500 INVALID_GRAPHQL.
 * Both are compared as the kit's status and code; the kit's message is asserted by its own tests.
 */
export const unresolvedOperation = { stock: { status: 500, code: 'INVALID_GRAPHQL' }, kit: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' } } as const;

/**
 * Not compared at all:
 * - an error's `extensions` other than `code` (`serviceName` is added by both but by the kit only
 *   on downstream codes; stock adds `stacktrace` outside production; `http` is internal);
 * - an error's `locations` (the kit rewrites some documents for its rules; the locations of
 *   validation errors are checked by comparing their messages, which name the fields);
 * - the order of errors (GraphQL does not define it; the kit judges rules concurrently);
 * - response `extensions` other than `valueCompletion` (tracing and cache hints are each gateway's own).
 */
export const uncomparedParts = ['error.extensions except code', 'error.locations', 'error order', 'extensions except valueCompletion'] as const;
