import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { Kind, TypeInfo, getNamedType, isAbstractType, visit, visitWithTypeInfo, BREAK, type DocumentNode, type GraphQLSchema } from 'graphql';

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
    const serviceName = proxiableService(queryPlan, requestContext.document, operationContext.schema);
    if (serviceName) proxied.set(requestContext.context, proxiedOperationOf(serviceName, requestContext));
  };
}

/** The one subgraph a plan sends the whole operation to, when the client's own text may go there instead. */
export function proxiableService(queryPlan: QueryPlan, document: DocumentNode, schema: GraphQLSchema): string | undefined {
  const node = queryPlan.node;
  if (node?.kind !== 'Fetch' || node.requires || node.inputRewrites?.length || node.contextRewrites?.length) return undefined;
  // The subgraph validates the whole text: another operation of the document may select fields it lacks.
  if (document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length > 1) return undefined;
  return selectsAbstractTypes(document, schema) ? undefined : node.serviceName;
}

/** What goes to `serviceName` for this request: the client's text, operation name and variables. */
export function proxiedOperationOf(serviceName: string, requestContext: GatewayGraphQLRequestContext): ProxiedOperation {
  return {
    serviceName,
    query: requestContext.source,
    operationName: requestContext.request.operationName ?? undefined,
    variables: requestContext.request.variables,
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
