import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { isPlanSupported, selectsIntrospection } from '@bff/gateway';
import { Kind, OperationTypeNode, parse, validate } from 'graphql';
import type { ConformanceRequest } from './ConformanceRequest.js';

/** Which executor of the kit runs a request: its own, @apollo/gateway's, or none (refused before execution). */
export type ExecutorUsed = 'bff' | 'apollo' | 'none';

/**
 * Tells, for a supergraph, which of the kit's executors runs each request, as withPlanExecution
 * decides it: introspection, subscriptions and plans with data rewrites (aliases over different
 * fields, entity interfaces, @interfaceObject) go to @apollo/gateway's. Plans are built with the
 * same planner, so the suite can say what each path was tested with.
 */
export function executorOf(supergraphSdl: string): (request: ConformanceRequest) => ExecutorUsed {
  const supergraph = Supergraph.build(supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const graphqlSchema = apiSchema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  return (request) => {
    try {
      const document = parse(request.query);
      if (validate(graphqlSchema, document).length > 0) return 'none';
      const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
      const operation =
        request.operationName === undefined
          ? operations.length === 1
            ? operations[0]
            : undefined
          : operations.find((definition) => definition.name?.value === request.operationName);
      if (!operation) return 'none';
      if (operation.operation === OperationTypeNode.SUBSCRIPTION || selectsIntrospection(document)) return 'apollo';
      const plan = planner.buildQueryPlan(
        operationFromDocument(apiSchema, document, { operationName: request.operationName }),
      );
      return isPlanSupported(plan) ? 'bff' : 'apollo';
    } catch {
      return 'none';
    }
  };
}
