import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { OperationTypeNode } from 'graphql';

/**
 * The type of the request's operation; undefined when Apollo Server could not resolve one (a document whose operations
 * the request's operationName does not name), which the gateway interface's types do not say.
 */
export function operationTypeOf(context: GatewayGraphQLRequestContext): OperationTypeNode | undefined {
  return (context.operation as GatewayGraphQLRequestContext['operation'] | undefined)?.operation;
}
