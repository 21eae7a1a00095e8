import type { ApolloGateway, GraphQLDataSource } from '@apollo/gateway';
import { wrapExecutor } from '../../gateway/wrapExecutor.js';
import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import type { QueryPlan, QueryPlanner } from '@apollo/query-planner';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { trace, type Span } from '@opentelemetry/api';
import type { KitExecutionResult } from '../../core/IncrementalResult.js';
import { LRUCache } from 'lru-cache';
import {
  getOperationAST,
  getVariableValues,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { fragmentsOf } from '../../operation/collectFields.js';
import { proxiableService, proxiedOperationOf, type ProxiedOperations } from '../../gateway/proxiedOperations.js';
import { checkVariablesOnce } from './checkVariablesOnce.js';
import { conditionValuesOf, conditionVariablesOf } from './conditionalSelections.js';
import { executeSchedule, type PlanExecution } from './executePlan.js';
import { schedulePlan, type Schedule } from './schedulePlan.js';
import type { CallWrites } from '../http/pendingCallWrites.js';
import type { EntityCache } from '../../entityCache/EntityCache.js';
import { isPlanSupported, selectsIntrospection } from './planSupport.js';
import { SelectionShape, shapeResponse } from './shapeResponse.js';
import { inActiveSpan } from '../../observability/tracing/inActiveSpan.js';
import { withDeferDirective } from './deferDirective.js';
import { executeSubscription } from './executeSubscription.js';
import type { SubgraphSubscriber } from '../../gateway/SubgraphSubscriber.js';
import { deferredDeliveryOf, executeDeferred, type DeferredDelivery } from './deferredDelivery.js';
import type { BffContext } from '../../core/BffContext.js';
import {
  deferredFragmentsOf,
  labelDeferredFragments,
  withoutDeferDirectives,
  type DeferredFragment,
} from '../../operation/deferredFragments.js';
import { withoutDefer } from './withoutDefer.js';

const tracer = trace.getTracer('@bff/gateway');

/** Distinct operations whose plans and shapes are kept; odd traffic cannot grow it past this. */
const maxCachedOperations = 1_000;

/** The parts of @apollo/gateway 2.14.4 the executor reads; they are private fields, replaced on each schema update. */
interface GatewayInternals {
  readonly queryPlanner: QueryPlanner;
  readonly apiSchema: Schema;
  readonly schema: GraphQLSchema;
  readonly supergraphSchema: GraphQLSchema;
  readonly serviceMap: Readonly<Record<string, { readonly dataSource: GraphQLDataSource }>>;
  readonly recursiveSelectionsLimitDisabled?: boolean;
  readonly nonLocalSelectionsLimitDisabled?: boolean;
}

/** How a planned operation runs for some values of its @skip/@include variables. */
interface PlanVariant {
  /** The plan's fetches as waves of subgraph calls. */
  readonly schedule: Schedule;
  readonly shape: SelectionShape;
  /** For a plan with deferred fragments: how it runs for a client that takes its answer in parts. */
  readonly deferred: DeferredDelivery | undefined;
}

/** One operation, planned once: its plan, and how it runs by the values of its @skip/@include variables. */
interface PlannedOperation {
  readonly plan: QueryPlan;
  readonly operation: OperationDefinitionNode;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /** The operation's @defer fragments by label (every one labelled before planning). */
  readonly deferredFragments: ReadonlyMap<string, DeferredFragment>;
  readonly conditionVariables: readonly string[];
  readonly variants: Map<string, PlanVariant>;
  /** Variable sets already found valid for this operation (checkVariablesOnce). */
  readonly validVariables: Set<string>;
  /** The subgraph that may receive the client's own text (see proxiedOperations). */
  readonly proxiedService: string | undefined;
}

/** Options of the BFF's query plan executor. */
export interface PlanExecutionOptions {
  /** Where single-fetch operations are noted for the remote data source. */
  readonly proxied: ProxiedOperations;
  /** Told whether each request found its plan cached. @default nothing */
  readonly onPlanLookup?: (hit: boolean) => void;
  /** The HTTP pool's calls not yet written: branches of a parallel node start after them. */
  readonly callWrites: CallWrites;
  /** Entity answers kept between requests (the entity cache), used by entity fetches. @default none */
  readonly entityCache?: EntityCache | undefined;
  /** How to subscribe to a subgraph, by name: what a subscription's root fetch does. @default none: no subscriptions */
  readonly subscriberOf?: (serviceName: string) => SubgraphSubscriber | undefined;
}

/**
 * Runs @apollo/gateway's query plans with the BFF's own executor: the plan is built by Apollo's
 * planner and cached with everything derived from the operation (its parsed form for the planner,
 * its fragments, its compiled response shape), so a request only fetches, merges and writes
 * its response. The stock executor rebuilds the operation and walks it through generic
 * schema lookups on every request. Plans this executor does not run (@defer, subscriptions,
 * data rewrites, introspection) go to @apollo/gateway's own executor.
 */
export function withPlanExecution(gateway: ApolloGateway, options: PlanExecutionOptions): GatewayInterface {
  const internals = gateway as unknown as GatewayInternals;
  const planned = new LRUCache<string, PlannedOperation | 'stock'>({ max: maxCachedOperations });
  gateway.onSchemaLoadOrUpdate(() => planned.clear());

  const plan = (
    requestContext: GatewayGraphQLRequestContext,
    operation: OperationDefinitionNode,
  ): PlannedOperation | 'stock' => {
    const { request } = requestContext;
    if (selectsIntrospection(requestContext.document)) return 'stock';
    // The planner names deferred parts by their labels: each @defer gets one, so that each part finds its fragment.
    const document = labelDeferredFragments(requestContext.document);
    const labelledOperation =
      document === requestContext.document ? operation : getOperationAST(document, request.operationName);
    if (!labelledOperation) return 'stock';
    const buildPlan = (planned: DocumentNode) => {
      const parsed = operationFromDocument(internals.apiSchema, planned, {
        operationName: request.operationName ?? undefined,
      });
      return internals.queryPlanner.buildQueryPlan(parsed, {
        recursiveSelectionsLimitDisabled: internals.recursiveSelectionsLimitDisabled ?? false,
        nonLocalSelectionsLimitDisabled: internals.nonLocalSelectionsLimitDisabled ?? false,
      });
    };
    const queryPlan = inActiveSpan(tracer, 'gateway.plan', {}, (span) => {
      try {
        return buildPlan(document);
      } catch (error) {
        // The planner cannot defer every selection (e.g. under @requires): such an operation is answered whole.
        if (!requestContext.source.includes('@defer')) throw error;
        return buildPlan(withoutDeferDirectives(document));
      } finally {
        span.end();
      }
    });
    if (!isPlanSupported(queryPlan)) return 'stock';
    const fragments = fragmentsOf(document);
    return {
      plan: queryPlan,
      operation: labelledOperation,
      fragments,
      deferredFragments: deferredFragmentsOf(document),
      conditionVariables: conditionVariablesOf(document),
      variants: new Map(),
      validVariables: new Set(),
      proxiedService: proxiableService(queryPlan, document, internals.schema),
    };
  };

  // Read at each fetch from the gateway's own map, which it refills when the supergraph changes.
  const dataSourceOf = (serviceName: string): GraphQLDataSource | undefined =>
    internals.serviceMap[serviceName]?.dataSource;

  const execute = async (
    requestContext: GatewayGraphQLRequestContext,
    planned: PlannedOperation,
    span: Span,
  ): Promise<KitExecutionResult> => {
    const { operation } = planned;
    const variables = requestContext.request.variables ?? {};
    const definitions = operation.variableDefinitions;
    if (definitions?.length) {
      const errors = checkVariablesOnce(planned.validVariables, variables, () =>
        inActiveSpan(tracer, 'gateway.validate', {}, (validateSpan) => {
          try {
            return getVariableValues(internals.schema, definitions, variables).errors;
          } finally {
            validateSpan.end();
          }
        }),
      );
      if (errors) return { errors: [...errors] };
    }
    if (planned.proxiedService)
      options.proxied.set(requestContext.request, proxiedOperationOf(planned.proxiedService, requestContext));
    const errors: GraphQLError[] = [];
    const variant = variantOf(planned, variables);
    const execution: PlanExecution = {
      requestContext,
      dataSourceOf,
      supergraphSchema: internals.supergraphSchema,
      errors,
      callWrites: options.callWrites,
      entityCache: options.entityCache,
    };
    const rootType = internals.schema.getRootType(operation.operation);
    // The planner planned the operation over this schema, so its root type is there.
    if (!rootType) throw new Error(`The schema has no root type for ${operation.operation} operations`);
    const root = planned.plan.node;
    if (root?.kind === 'Subscription') {
      const subscriber = options.subscriberOf?.(root.primary.serviceName);
      if (!subscriber) throw new Error(`The ${root.primary.serviceName} subgraph cannot be subscribed to`);
      const subscription = { primary: root.primary, rest: variant.schedule, shape: variant.shape, rootType };
      return executeSubscription(execution, subscription, subscriber);
    }
    if (variant.deferred && (requestContext.context as Partial<BffContext>).incremental) {
      // The initial part's cache policy cannot speak for the parts after it.
      (requestContext.overallCachePolicy as { restrict(hint: { maxAge: number }): void }).restrict({ maxAge: 0 });
      const { deferred } = variant;
      return inActiveSpan(tracer, 'gateway.execute', {}, async (executeSpan) => {
        try {
          return await executeDeferred(execution, deferred, rootType);
        } finally {
          executeSpan.end();
        }
      });
    }
    const data: Record<string, unknown> = {};
    return inActiveSpan(tracer, 'gateway.execute', {}, async (executeSpan) => {
      try {
        await executeSchedule(execution, variant.schedule, data);
        const { data: shaped, completionErrors } = inActiveSpan(tracer, 'gateway.postprocessing', {}, (postSpan) => {
          try {
            return shapeResponse(variant.shape, rootType, data);
          } finally {
            postSpan.end();
          }
        });
        if (errors.length > 0) span.setAttribute('graphql.errors', errors.length);
        if (errors.length === 0 && completionErrors.length > 0)
          return { data: shaped, extensions: { valueCompletion: completionErrors } };
        return errors.length === 0 ? { data: shaped } : { errors, data: shaped };
      } finally {
        executeSpan.end();
      }
    });
  };

  const variantOf = (planned: PlannedOperation, variables: Record<string, unknown>): PlanVariant => {
    const conditionValues = conditionValuesOf(planned.operation, planned.conditionVariables, variables);
    const key = planned.conditionVariables.length === 0 ? '' : JSON.stringify(conditionValues);
    let variant = planned.variants.get(key);
    if (!variant) {
      const conditionValue = (name: string) => {
        const value = conditionValues[name];
        if (typeof value !== 'boolean')
          throw new Error(`Invalid non-boolean value ${String(value)} for Boolean! variable $${name}`);
        return value;
      };
      // A subscription's schedule is the rest of its plan, run for each event (executeSubscription.ts).
      const planRoot = planned.plan.node;
      const root = planRoot?.kind === 'Subscription' ? planRoot.rest : planRoot;
      const source = { schema: internals.schema, fragments: planned.fragments, conditionValues };
      const { selectionSet } = planned.operation;
      variant = {
        schedule: schedulePlan(root, conditionValue),
        shape: new SelectionShape(source, [selectionSet]),
        deferred: deferredDeliveryOf(root, conditionValue, source, selectionSet, planned.deferredFragments),
      };
      if (planned.variants.size >= 16) planned.variants.clear();
      planned.variants.set(key, variant);
    }
    return variant;
  };

  const planExecutor =
    (stock: GatewayExecutor): GatewayExecutor =>
    async (requestContext) => {
      const key = `${requestContext.queryHash}\u0000${requestContext.request.operationName ?? ''}`;
      const cached = planned.get(key);
      // An operation left to Apollo's executor is counted by its own plan cache's lookup, not here too.
      if (cached === 'stock') return stock(withoutDefer(requestContext));
      // A planned operation keeps its definition: only a new one is looked up in the document.
      const operation =
        cached?.operation ?? getOperationAST(requestContext.document, requestContext.request.operationName);
      if (!operation) return stock(withoutDefer(requestContext));
      return inActiveSpan(tracer, 'gateway.request', {}, async (span) => {
        try {
          let entry: PlannedOperation | 'stock' | undefined = cached;
          if (!entry) {
            entry = plan(requestContext, operation);
            planned.set(key, entry);
          }
          // The span times this executor's planning only: Apollo's executor traces its own run.
          // eslint-disable-next-line @typescript-eslint/return-await -- the span must not wait for the stock run
          if (entry === 'stock') return stock(withoutDefer(requestContext));
          options.onPlanLookup?.(cached !== undefined);
          return await execute(requestContext, entry, span);
        } finally {
          span.end();
        }
      });
    };

  // Apollo Server validates operations against this schema: with @defer, which this executor runs.
  return wrapExecutor(gateway, planExecutor, withDeferDirective);
}
