import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import {
  Kind,
  TypeInfo,
  getNamedType,
  isAbstractType,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/** The client's own operation, to send unchanged to the one subgraph that serves all of it. */
export interface ProxiedOperation {
  readonly serviceName: string;
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
}

/**
 * Operations whose whole plan is one fetch, by their client request object: not by the context
 * value, which the operations of one batched HTTP request share.
 */
export type ProxiedOperations = WeakMap<object, ProxiedOperation>;

/**
 * Notes, when a query plan is a single fetch from one subgraph with nothing required from
 * another, that the operation may go to that subgraph as the client wrote it (only identity and
 * tracing headers added): same text, same operation name, same variables. Left to the planner's
 * normalized fetch: documents of several operations, and those whose text may differ from what the
 * planner would send (differsFromPlannedFetch).
 */
export function recordProxiedOperations(proxied: ProxiedOperations): Experimental_DidResolveQueryPlanCallback {
  return ({ queryPlan, requestContext, operationContext }) => {
    const serviceName = proxiableService(queryPlan, requestContext.document, operationContext.schema);
    if (serviceName) proxied.set(requestContext.request, proxiedOperationOf(serviceName, requestContext));
  };
}

/** The one subgraph a plan sends the whole operation to, when the client's own text may go there instead. */
export function proxiableService(
  queryPlan: QueryPlan,
  document: DocumentNode,
  schema: GraphQLSchema,
): string | undefined {
  const node = queryPlan.node;
  if (node?.kind !== 'Fetch' || node.requires || node.inputRewrites?.length || node.contextRewrites?.length)
    return undefined;
  // The subgraph validates the whole text: another operation of the document may select fields it lacks.
  if (document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length > 1)
    return undefined;
  return differsFromPlannedFetch(document, schema) ? undefined : node.serviceName;
}

/** What goes to `serviceName` for this request: the client's text, operation name and variables. */
export function proxiedOperationOf(
  serviceName: string,
  requestContext: GatewayGraphQLRequestContext,
): ProxiedOperation {
  return {
    serviceName,
    query: requestContext.source,
    operationName: requestContext.request.operationName ?? undefined,
    variables: requestContext.request.variables,
  };
}

/**
 * Whether the client's text may hold what the planner's fetch would not: selections under
 * interfaces or unions (their shaping needs the planner's __typename), type conditions on an
 * abstract type the subgraph may not have, @skip/@include (a field the planner drops for a
 * literal `false` may belong to another subgraph, which would then refuse the whole text), and @defer.
 */
function differsFromPlannedFetch(document: DocumentNode, schema: GraphQLSchema): boolean {
  const typeInfo = new TypeInfo(schema);
  let differs = false;
  const isAbstractCondition = (typeName: string | undefined) =>
    typeName !== undefined && isAbstractType(schema.getType(typeName));
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (type && isAbstractType(getNamedType(type))) differs = true;
        return differs ? BREAK : undefined;
      },
      InlineFragment(node) {
        if (isAbstractCondition(node.typeCondition?.name.value)) differs = true;
        return differs ? BREAK : undefined;
      },
      FragmentDefinition(node) {
        if (isAbstractCondition(node.typeCondition.name.value)) differs = true;
        return differs ? BREAK : undefined;
      },
      Directive(node) {
        // @defer too: the kit serves it, a subgraph need not know it.
        if (node.name.value === 'skip' || node.name.value === 'include' || node.name.value === 'defer') differs = true;
        return differs ? BREAK : undefined;
      },
    }),
  );
  return differs;
}
