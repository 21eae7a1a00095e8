import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OperationLimits } from '../../config/readProtectionConfig.js';
import { OperationTooComplexError } from '../../errors/BffError.js';
import { replyWithBffError } from '../../core/replyWithHttpError.js';
import { guardDocument, guardSource } from './guardOperation.js';
import { createSourceFacts, type SourceFacts, type SourceMeasures } from './measureSource.js';

/** One operation of a GraphQL request, as its JSON body (or, GET, its URL) gives it. */
interface SentOperation {
  readonly query: unknown;
  readonly operationName: unknown;
}

/** The operations of a GraphQL request: one per operation of a batch, from the body or (GET) the URL. */
function operationsOf(body: unknown, query: unknown): SentOperation[] {
  const operations = Array.isArray(body) ? body : [body ?? query];
  return operations.map((operation) =>
    typeof operation === 'object' && operation !== null
      ? (operation as SentOperation)
      : { query: undefined, operationName: undefined },
  );
}

/**
 * guardOperation before validation, on the JSON body (or GET query string) of every operation
 * of a GraphQL request: its size and tokens before anything parses it, so a huge document costs
 * no parse; then the measures of its parsed document (depth, aliases, root fields, directives),
 * so a document over one of those limits costs no validation and gets one error, not one per
 * unknown field or directive. 400 OPERATION_TOO_COMPLEX. Cost needs the schema and is checked
 * after validation (the guardOperation stage).
 *
 * Why here and not in an Apollo Server plugin: Apollo turns an error thrown by a hook before
 * validation (didResolveSource, parsingDidStart, validationDidStart) into a masked 500, and an
 * error of a validation rule comes with every other rule's errors and the code
 * GRAPHQL_VALIDATION_FAILED. So the document is parsed here for its measures (once per distinct
 * text: measureSource), and Apollo parses it again for itself (once per distinct text too: its
 * document cache).
 */
export function useDocumentLimits(http: FastifyInstance, graphqlPath: string, limits: OperationLimits): void {
  const factsOf = createSourceFacts();
  http.addHook('preValidation', (request, reply, done) => {
    if (request.routeOptions.url !== graphqlPath) {
      done();
      return;
    }
    for (const operation of operationsOf(request.body, request.query)) {
      const refusal = refusalOf(operation, factsOf, limits);
      if (refusal) {
        nameRefusedOperation(request, refusal.operationName);
        return void replyWithBffError(reply, refusal.error);
      }
    }
    done();
  });
}

/**
 * Why an operation's document is refused, and the operation's name if it is known; undefined when it is not refused.
 */
function refusalOf(
  operation: SentOperation,
  factsOf: (source: string) => SourceFacts,
  limits: OperationLimits,
): { error: OperationTooComplexError; operationName: string | undefined } | undefined {
  if (typeof operation.query !== 'string') return undefined;
  let measures: SourceMeasures | undefined;
  try {
    measures = guardSource(operation.query, factsOf, limits).measures();
    if (measures) guardDocument(measures, limits);
    return undefined;
  } catch (error) {
    if (!(error instanceof OperationTooComplexError)) throw error;
    return {
      error,
      operationName: typeof operation.operationName === 'string' ? operation.operationName : measures?.operationName,
    };
  }
}

/**
 * The log line of a request refused for its document names the operation, as it would had
 * GraphQL refused it, when the request or the document names it.
 */
function nameRefusedOperation(request: FastifyRequest, operationName: string | undefined): void {
  // `observation` is there when the BFF observes its requests (useRequestObservation); not in a bare test server.
  const observation = request.observation as FastifyRequest['observation'] | undefined;
  if (observation && operationName) observation.operationName = operationName;
}
