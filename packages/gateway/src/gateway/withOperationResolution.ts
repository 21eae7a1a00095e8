import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import { wrapExecutor } from './wrapExecutor.js';

/** graphql-js's words for a document whose operation cannot be chosen (execute's buildExecutionContext). */
export function operationResolutionMessage(document: DocumentNode, operationName: string | null | undefined): string {
  if (operationName) return `Unknown operation named "${operationName}".`;
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length;
  return operations > 1 ? 'Must provide operation name if query contains multiple operations.' : 'Must provide an operation.';
}

/**
 * Answers a request whose `operationName` names no operation of its document (or is missing where
 * the document has several) with graphql-js's error, before anything plans or runs. Apollo Server
 * turns an executor's error without an operation into 400 OPERATION_RESOLUTION_FAILURE, as it
 * does for a schema it executes itself; @apollo/gateway would throw instead (a 500 for the
 * client's own mistake).
 */
export function withOperationResolution(gateway: GatewayInterface): GatewayInterface {
  return wrapExecutor(gateway, (executor) => (requestContext) => {
    if (requestContext.operation) return executor(requestContext);
    return Promise.resolve({ errors: [new GraphQLError(operationResolutionMessage(requestContext.document, requestContext.request.operationName))] });
  });
}
