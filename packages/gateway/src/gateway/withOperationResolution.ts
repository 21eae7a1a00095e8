import { createHash } from 'node:crypto';
import type { GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { LRUCache } from 'lru-cache';
import {
  GraphQLError,
  Kind,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { fragmentsOf } from '../operation/collectFields.js';
import { wrapExecutor } from './wrapExecutor.js';

/** Documents of several operations, cut to the one chosen, kept per text and operation name. */
const maxChosenDocuments = 1_000;

/** graphql-js's words for a document whose operation cannot be chosen (execute's buildExecutionContext). */
export function operationResolutionMessage(document: DocumentNode, operationName: string | null | undefined): string {
  if (operationName) return `Unknown operation named "${operationName}".`;
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length;
  return operations > 1
    ? 'Must provide operation name if query contains multiple operations.'
    : 'Must provide an operation.';
}

/** The chosen operation and the fragments it reaches, as the document, text and hash the gateway plans by. */
type ChosenDocument = Pick<GatewayGraphQLRequestContext, 'document' | 'source' | 'queryHash' | 'operation'>;

function chosenDocument(document: DocumentNode, operation: OperationDefinitionNode): ChosenDocument {
  const fragments = fragmentsOf(document);
  const reached = new Set<string>();
  const reach = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments[spread.name.value];
        if (!fragment || reached.has(spread.name.value)) return;
        reached.add(spread.name.value);
        reach(fragment);
      },
    });
  reach(operation);
  const chosen: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: document.definitions.filter(
      (definition) =>
        definition === operation ||
        (definition.kind === Kind.FRAGMENT_DEFINITION && reached.has(definition.name.value)),
    ),
  };
  const source = print(chosen);
  return { document: chosen, source, queryHash: createHash('sha256').update(source).digest('hex'), operation };
}

/**
 * Chooses the operation a request runs, as GraphQL execution does, before anything plans or runs it:
 * - an `operationName` the document lacks (or none, for a document of several) is answered with
 *   graphql-js's error, which Apollo Server turns into 400 OPERATION_RESOLUTION_FAILURE, as for a
 *   schema it executes itself (@apollo/gateway would throw: a 500 for the client's own mistake);
 * - a document of several operations goes on as the chosen one and the fragments it reaches: the
 *   other definitions do not take part in its execution, yet @apollo/gateway's planner reads them
 *   (a fragment only another operation spreads, with that operation's variables, fails it), and a
 *   subgraph sent the whole text would validate them.
 */
export function withOperationResolution(gateway: GatewayInterface): GatewayInterface {
  const chosen = new LRUCache<string, ChosenDocument>({ max: maxChosenDocuments });
  return wrapExecutor(gateway, (executor) => (requestContext) => {
    const { document } = requestContext;
    // Typed as always there, but Apollo Server hands the gateway a document whose operation it could not choose.
    const operation = requestContext.operation as OperationDefinitionNode | undefined;
    if (!operation)
      return Promise.resolve({
        errors: [new GraphQLError(operationResolutionMessage(document, requestContext.request.operationName))],
      });
    if (
      document.definitions.length === 1 ||
      !document.definitions.some(
        (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition !== operation,
      )
    ) {
      return executor(requestContext);
    }
    const key = `${requestContext.queryHash}\u0000${requestContext.request.operationName ?? ''}`;
    let entry = chosen.get(key);
    if (!entry) chosen.set(key, (entry = chosenDocument(document, operation)));
    return executor({ ...requestContext, ...entry });
  });
}
