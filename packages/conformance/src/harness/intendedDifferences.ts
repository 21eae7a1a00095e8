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
export const subgraphCodesKept: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
]);

/**
 * The kit's three downstream codes (DOWNSTREAM_SERVICE_ERROR, DOWNSTREAM_TIMEOUT,
 * DOWNSTREAM_UNAVAILABLE) say why a subgraph's part is missing; stock says
 * DOWNSTREAM_SERVICE_ERROR (or passes the subgraph's code) for all. Compared as one.
 */
export const downstreamCodes: ReadonlySet<string> = new Set([
  'DOWNSTREAM_SERVICE_ERROR',
  'DOWNSTREAM_TIMEOUT',
  'DOWNSTREAM_UNAVAILABLE',
]);

/**
 * A subgraph that answers a non-2xx status with a GraphQL body (Apollo Server answers 400 for a
 * variable value its scalar refuses): the kit reads the body's errors, as GraphQL over HTTP
 * means them, so each becomes an error of the response and the subgraph's own code applies
 * (BAD_USER_INPUT reaches the client as such); stock throws one HTTP error instead
 * (INTERNAL_SERVER_ERROR, "400: Bad Request", the body under `extensions.response`). Stock's
 * error is compared as one error per error of the body, each with that error's code.
 */
export function subgraphCodesInHttpError(extensions: Record<string, unknown> | undefined): string[] | undefined {
  const response = extensions?.['response'] as
    { status?: unknown; body?: { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } } | undefined;
  if (typeof response?.status !== 'number' || response.status < 400) return undefined;
  const errors = response.body?.errors ?? [];
  if (errors.length === 0) return ['DOWNSTREAM_SERVICE_ERROR'];
  return errors.map((error) => {
    if (typeof error.extensions?.code !== 'string') return 'DOWNSTREAM_SERVICE_ERROR';
    return isRefusedValue(error.extensions.code, error.message) ? 'BAD_USER_INPUT' : error.extensions.code;
  });
}

/**
 * A literal the gateway cannot check (a custom scalar's) that the subgraph's scalar refuses: the
 * subgraph answers GRAPHQL_VALIDATION_FAILED "Expected value of type …", which is the client's
 * input at fault, and the kit passes it as BAD_USER_INPUT with the subgraph's message; stock
 * passes the validation error (as an HTTP error, above). Compared as BAD_USER_INPUT.
 */
export function isRefusedValue(code: unknown, message: unknown): boolean {
  return (
    code === 'GRAPHQL_VALIDATION_FAILED' && typeof message === 'string' && message.startsWith('Expected value of type ')
  );
}

/**
 * A request whose operation cannot be chosen (an `operationName` the document lacks, or none for a
 * document of several operations) is the client's mistake: the kit answers 400
 * OPERATION_RESOLUTION_FAILURE with graphql-js's message, as Apollo Server does for a schema it
 * executes itself; stock @apollo/gateway throws, which Apollo Server answers 500 INVALID_GRAPHQL.
 * Both are compared as the kit's status and code; the kit's message is asserted by its own tests.
 */
export const unresolvedOperation = {
  stock: { status: 500, code: 'INVALID_GRAPHQL' },
  kit: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
} as const;

/**
 * The order of keys in `data` is compared, and the GraphQL spec's CollectFields decides it: where
 * stock @apollo/gateway 2.14.4 orders otherwise (an object type's fields split by another field
 * between two fragments on that type, e.g. `... on Book { pages } id ... on Book { year }`: stock
 * answers pages, year, id), the kit's answer passes when its order is the spec's (specKeyOrder.ts:
 * graphql-js executes the operation over the answer).
 */
export const keyOrderDecidedBy = 'the GraphQL spec (graphql-js)' as const;

/**
 * An error of an entity fetch that skipped some entities of a list (another type under an
 * interface or union, e.g. `topRated { id ... on Book { isbn } }` over books and podcasts): the
 * kit puts it at the path of the entity it is about; stock @apollo/gateway 2.14.4 counts the
 * skipped entities too, so its error lands on another item, at a field that item does not have.
 * Such a stock error (its path ends in a key its parent object lacks) is matched with a kit error
 * of the same code at the same list whose path ends at a null the data has; the kit's exact paths
 * are asserted by stockBugs.test.ts.
 */
export const misplacedStockErrors = 'matched by code and list, at a null of the kit' as const;

/**
 * A fragment on a union spread where an object type of the union is selected (`author { ... on
 * SearchHit { ... on Author { works { id } } } }`): stock @apollo/gateway 2.14.4 answers `{}` when
 * the subgraph serving the object lacks the union; the kit's executor answers the fields, as the
 * spec says. Generated operations do not write such spreads (generator/typeConditions.ts); the
 * kit's answer is asserted by stockBugs.test.ts.
 */
export const unionSpreadInObject = 'not generated; stock drops the fragment' as const;

/**
 * A document of several operations: stock is sent the chosen operation and the fragments it
 * reaches only, which is all GraphQL execution reads (spec, ExecuteRequest), because
 * @apollo/gateway 2.14.4 fails (500 INVALID_GRAPHQL) on a fragment that only another operation
 * spreads, with that operation's variables. The kit itself answers the whole document.
 */
export const stockSentChosenOperationOnly = 'when the operation can be chosen' as const;

/**
 * Errors beneath a null that a non-null field's error caused: which siblings of the failing field
 * a subgraph still resolved (and reported errors for) depends on the order it executed them, and
 * graphql-js stops at the first synchronous non-null error. The kit sends a single-fetch operation
 * as the client wrote it, stock the planner's reordered fetch, so they may report different
 * siblings. Compared: one error at least beneath each such null (`data: null` included), not which ones.
 */
export const errorsBeneathNull = 'one marker per nulled object' as const;

/**
 * Not compared at all:
 * - an error's `extensions` other than `code` (`serviceName` is added by both but by the kit only
 *   on downstream codes; stock adds `stacktrace` outside production; `http` is internal);
 * - an error's `locations` (the kit rewrites some documents for its rules; the locations of
 *   validation errors are checked by comparing their messages, which name the fields);
 * - the order of errors (GraphQL does not define it; the kit judges rules concurrently);
 * - response `extensions`: tracing and cache hints are each gateway's own, and stock's
 *   `valueCompletion` (the nulls it had to propagate because a subgraph left a non-null field
 *   null, e.g. an entity it says does not exist) is news about the supergraph, not the client's
 *   request: the kit logs it with the request id (useValueCompletionLogging) and sends the data
 *   null propagation left, which is compared.
 */
export const uncomparedParts = [
  'error.extensions except code',
  'error.locations',
  'error order',
  'response extensions',
] as const;

/*
 * Not normalised, because it changes no answer the suite can provoke: the kit sends the entity
 * fetches of one subgraph that a plan runs at the same time as one request (fastPath/execution/
 * schedulePlan.ts, mergeEntityFetches.ts). When the subgraph fails that request as a whole (an
 * HTTP failure, or an error without a path), every fetch merged into it gets the error; stock, which
 * sends each alone, would see each of its requests fail or succeed on its own. Errors with a path
 * go to the fetch they are about, with the path its own request would have had.
 */

/*
 * @defer (deferred.test.ts). Stock refuses @defer ("Unknown directive"), so the kit's incremental answers are checked
 * against the kit's own answer to the same document answered whole (no multipart Accept, same plan): the parts,
 * merged, must equal it. Accepted there:
 * - a whole answer to a client that takes parts, where the kit's executor cannot defer (plans with data rewrites,
 *   which @apollo/gateway's executor runs; selections the planner cannot defer, e.g. under @requires): the incremental
 *   delivery RFC lets a server ignore @defer;
 * - a part whose data is null while its parent object is not: the deferred format nulls a fragment's data at the part;
 * - nested @defer answered inside the enclosing part (also allowed by the RFC);
 * - an initial part whose data is null ends the answer: the deferred fragments' errors, which a whole answer lists
 *   (it runs their fetches anyway), are not sent.
 * Not compared: a deferred document against the plain one. The planner may plan a deferred fragment otherwise (a
 * @shareable or @provides field fetched from another subgraph, e.g. storefront's provided author name of a deleted
 * user, shipping's weight in another unit), which is the query planner's choice; the product page's @defer is
 * checked against the plain document in packages/gateway/test/defer.test.ts.
 */
