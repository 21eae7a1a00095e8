import type { FetchNode } from '@apollo/query-planner';
import type { GatewayExecutionResult } from '@apollo/server-gateway-interface';
import { parse, type DocumentNode, type GraphQLError, type GraphQLObjectType } from 'graphql';
import type { BffContext } from '../../core/BffContext.js';
import type { KitExecutionResult } from '../../core/IncrementalResult.js';
import { mapAsyncIterator } from '../../core/mapAsyncIterator.js';
import { isSubgraphEvents, type SubgraphSubscriber } from '../../gateway/SubgraphSubscriber.js';
import { downstreamServiceError } from './downstreamServiceError.js';
import { executeSchedule, type PlanExecution } from './executePlan.js';
import type { Schedule } from './schedulePlan.js';
import { shapeResponse, type SelectionShape } from './shapeResponse.js';

/** How a planned subscription runs: its root fetch, and per event the rest of the plan and the response's shape. */
export interface PlannedSubscription {
  readonly primary: FetchNode;
  readonly rest: Schedule;
  readonly shape: SelectionShape;
  readonly rootType: GraphQLObjectType;
}

/**
 * Subscribes to the subgraph that owns the subscription's root field (the plan's primary fetch); each event it sends
 * is then completed like a query's answer: the rest of the plan fetched (batched per subgraph, as schedulePlan makes
 * it), the response shaped. Each event runs with a context of its own (a fresh deadline of the same length as the
 * subscribe step had, fresh per-request loaders). A subgraph that refuses (e.g. FORBIDDEN) answers the subscribe step
 * with its errors and no data.
 */
export async function executeSubscription(
  execution: PlanExecution,
  planned: PlannedSubscription,
  subscriber: SubgraphSubscriber,
): Promise<KitExecutionResult> {
  const { requestContext } = execution;
  const { primary } = planned;
  const context = requestContext.context as BffContext;
  const budgetMs = Math.max(0, context.deadline - Date.now());
  const eventContext = (): BffContext => ({ ...context, deadline: Date.now() + budgetMs });
  const provided = requestContext.request.variables ?? {};
  const variables: Record<string, unknown> = {};
  for (const name of primary.variableUsages ?? [])
    if (Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  const subscribed = await subscriber.subscribe(
    {
      query: primary.operation,
      document: documentOf(primary),
      variables,
      ...(primary.operationName !== undefined && { operationName: primary.operationName }),
    },
    context,
    eventContext,
  );
  if (!isSubgraphEvents(subscribed))
    return {
      errors: (subscribed.errors ?? []).map((error) =>
        downstreamServiceError(error, primary.serviceName, error.path as (string | number)[] | undefined),
      ),
    };
  const events = mapAsyncIterator(subscribed, async (response): Promise<GatewayExecutionResult> => {
    const errors: GraphQLError[] = (response.errors ?? []).map((error) =>
      downstreamServiceError(error, primary.serviceName, error.path as (string | number)[] | undefined),
    );
    const data = response.data as Record<string, unknown> | null | undefined;
    if (!data) return { errors, data: null };
    const eventExecution: PlanExecution = {
      ...execution,
      requestContext: { ...requestContext, context: eventContext() },
      errors,
    };
    await executeSchedule(eventExecution, planned.rest, data);
    const { data: shaped, completionErrors } = shapeResponse(planned.shape, planned.rootType, data);
    const all = [...errors, ...completionErrors];
    return all.length === 0 ? { data: shaped } : { errors: all, data: shaped };
  });
  return { events };
}

/** The planner leaves a fetch's parsed operation out: parsed once per plan, without locations, not per subscription. */
const parsedFetches = new WeakMap<FetchNode, DocumentNode>();

function documentOf(fetch: FetchNode): DocumentNode {
  if (fetch.operationDocumentNode) return fetch.operationDocumentNode;
  let document = parsedFetches.get(fetch);
  if (!document) {
    document = parse(fetch.operation, { noLocation: true });
    parsedFetches.set(fetch, document);
  }
  return document;
}
