import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { TypeInfo, getNamedType, isAbstractType, visit, visitWithTypeInfo, BREAK, type DocumentNode, type GraphQLSchema } from 'graphql';

/** The client's own operation, to send unchanged to the one subgraph that serves all of it. */
export interface ProxiedOperation {
  readonly serviceName: string;
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
}

/** Requests whose whole plan is one fetch, by their context object. */
export type ProxiedOperations = WeakMap<object, ProxiedOperation>;

/**
 * Notes, when a query plan is a single fetch from one subgraph with nothing required from
 * another, that the operation may go to that subgraph as the client wrote it (only identity and
 * tracing headers added): same text, same operation name, same variables. Left to the planner's
 * normalized fetch: operations over interfaces or unions, whose shaping needs the planner's
 * __typename selections.
 */
export function recordProxiedOperations(proxied: ProxiedOperations): Experimental_DidResolveQueryPlanCallback {
  return ({ queryPlan, requestContext, operationContext }) => {
    const node = queryPlan.node;
    if (node?.kind !== 'Fetch' || node.requires || node.inputRewrites?.length || node.contextRewrites?.length) return;
    if (selectsAbstractTypes(requestContext.document, operationContext.schema)) return;
    proxied.set(requestContext.context, {
      serviceName: node.serviceName,
      query: requestContext.source,
      operationName: requestContext.request.operationName ?? undefined,
      variables: requestContext.request.variables,
    });
  };
}

function selectsAbstractTypes(document: DocumentNode, schema: GraphQLSchema): boolean {
  const typeInfo = new TypeInfo(schema);
  let abstract = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (type && isAbstractType(getNamedType(type))) {
          abstract = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return abstract;
}
