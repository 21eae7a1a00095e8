import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlanSelectionNode } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { trace } from '@opentelemetry/api';
import {
  isAbstractType,
  isInterfaceType,
  isObjectType,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { conditionValuesOf } from './conditionalSelections.js';
import { copyJson, dedupeRepresentations } from './dedupeRepresentations.js';
import { downstreamServiceError, errorPathsOf, type SentEntities } from './downstreamServiceError.js';
import { inActiveSpan } from '../../observability/tracing/inActiveSpan.js';
import { startInOrder } from './startInOrder.js';
import type { Cursor } from './Cursor.js';
import type { CallWrites } from '../http/pendingCallWrites.js';

export type { Cursor };

const tracer = trace.getTracer('@bff/gateway');

// @apollo/gateway's GraphQLDataSourceRequestKind.INCOMING_OPERATION; the enum is not exported from its index.
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the value of an enum not exported
const incomingOperation = 'incoming operation' as GraphQLDataSourceProcessOptions['kind'];

/** Everything one execution of a query plan reads and writes. */
export interface PlanExecution {
  readonly requestContext: GatewayGraphQLRequestContext;
  readonly operation: OperationDefinitionNode;
  /** The data source of a subgraph, by name. */
  readonly dataSourceOf: (serviceName: string) => GraphQLDataSource | undefined;
  /** The supergraph as graphql-js types: what `requires` type conditions are checked against. */
  readonly supergraphSchema: GraphQLSchema;
  readonly errors: GraphQLError[];
  /** The HTTP pool's calls not yet written: branches of a parallel node start after them. */
  readonly callWrites: CallWrites;
}

/**
 * Runs a query plan node the way @apollo/gateway's executeQueryPlan does (sequence, parallel,
 * flatten, fetch, condition), merging every fetch's data into the cursor's objects; the stock
 * executor's per-node trace protobufs and spans for plan nodes other than fetches are left out.
 * Callers make sure the plan holds no @defer and no data rewrites (see isPlanSupported).
 */
export async function executePlanNode(execution: PlanExecution, node: PlanNode, cursor: Cursor): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executePlanNode(execution, child, cursor);
      return;
    case 'Parallel':
      await startInOrder(node.nodes, (child) => executePlanNode(execution, child, cursor), execution.callWrites);
      return;
    case 'Flatten': {
      const data = flattenAtPath(cursor.data, node.path);
      if (data)
        await executePlanNode(execution, node.node, {
          path: [...cursor.path, ...node.path],
          data,
          fullResult: cursor.fullResult,
        });
      return;
    }
    case 'Fetch':
      await inActiveSpan(tracer, 'gateway.fetch', { attributes: { service: node.serviceName } }, async (span) => {
        try {
          await executeFetch(execution, node, cursor);
        } catch (error) {
          execution.errors.push(error as GraphQLError);
        } finally {
          span.end();
        }
      });
      return;
    case 'Condition': {
      const value = conditionValuesOf(
        execution.operation,
        [node.condition],
        execution.requestContext.request.variables ?? {},
      )[node.condition];
      if (typeof value !== 'boolean')
        throw new Error(`Invalid non-boolean value ${String(value)} for Boolean! variable $${node.condition}`);
      const branch = value ? node.ifClause : node.elseClause;
      if (branch) await executePlanNode(execution, branch, cursor);
      return;
    }
    default:
      throw new Error(`query plan node ${node.kind} is not supported by this executor`);
  }
}

async function executeFetch(execution: PlanExecution, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = execution.dataSourceOf(fetch.serviceName);
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities = Array.isArray(cursor.data)
    ? cursor.data.filter((entity) => entity !== null && entity !== undefined)
    : [cursor.data];
  if (entities.length === 0) return;
  const provided = execution.requestContext.request.variables;
  const variables: Record<string, unknown> = {};
  for (const name of fetch.variableUsages ?? []) {
    if (provided && Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }
  if (!fetch.requires) {
    const received = await send(execution, service, fetch, cursor, variables);
    for (const entity of entities) deepMerge(entity as Record<string, unknown>, received);
    return;
  }
  const representations: Record<string, unknown>[] = [];
  const representedEntities: Record<string, unknown>[] = [];
  // Where each representation's entity is among the fetch's entities (some are skipped: another type, a missing key).
  const entityIndexes: number[] = [];
  for (let index = 0; index < entities.length; index += 1) {
    const entity = entities[index] as Record<string, unknown>;
    const representation = selectRepresentation(execution.supergraphSchema, entity, fetch.requires);
    if (representation?.['__typename']) {
      representations.push(representation);
      representedEntities.push(entity);
      entityIndexes.push(index);
    }
  }
  if (representations.length === 0) return;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
  const { unique, slotOf } = dedupeRepresentations(representations);
  // Object.assign, not `{ ...variables, representations }`: a spread followed by a new key builds a new hidden class
  // per call (see resolveInfo).
  const received = await send(
    execution,
    service,
    fetch,
    cursor,
    Object.assign({}, variables, { representations: unique }),
    { slotOf, entityIndexes },
  );
  if (!received) return;
  const receivedEntities = received['_entities'];
  if (!Array.isArray(receivedEntities)) throw new Error('Expected "data._entities" in response to be an array');
  if (receivedEntities.length !== unique.length)
    throw new Error(`Expected "data._entities" to contain ${unique.length} elements`);
  // Slots are numbered in order of first appearance, so a slot below `slotsSeen` is shared.
  let slotsSeen = 0;
  for (let index = 0; index < representedEntities.length; index += 1) {
    const entity = representedEntities[index];
    if (entity === undefined) continue; // never: index < length
    const slot = slotOf?.[index] ?? index;
    let receivedEntity = receivedEntities[slot] as Record<string, unknown> | null;
    if (receivedEntity && !receivedEntity['__typename']) receivedEntity['__typename'] = entity['__typename'];
    // Every entity after the first with the same representation gets its own copy: later fetches
    // and the rules' walk (which nulls and removes fields in place) treat each position apart.
    if (slot < slotsSeen) receivedEntity = copyJson(receivedEntity) as Record<string, unknown> | null;
    else slotsSeen = slot + 1;
    deepMerge(entity, receivedEntity);
  }
}

async function send(
  execution: PlanExecution,
  service: GraphQLDataSource,
  fetch: FetchNode,
  cursor: Cursor,
  variables: Record<string, unknown>,
  sent?: SentEntities,
): Promise<Record<string, unknown> | null | undefined> {
  const { requestContext } = execution;
  const response = await service.process({
    kind: incomingOperation,
    request: {
      query: fetch.operation,
      variables,
      ...(fetch.operationName !== undefined && { operationName: fetch.operationName }),
    },
    incomingRequestContext: requestContext,
    context: requestContext.context,
    ...(fetch.operationDocumentNode && { document: fetch.operationDocumentNode }),
    pathInIncomingRequest: cursor.path,
  } as GraphQLDataSourceProcessOptions);
  if (response.errors) {
    const pathsOf = errorPathsOf(fetch, cursor, sent);
    for (const error of response.errors)
      for (const path of pathsOf(error.path))
        execution.errors.push(downstreamServiceError(error, fetch.serviceName, path));
  }
  return response.data as Record<string, unknown> | null | undefined;
}

/** The objects at `path` below `value`, lists flattened at each '@' (as @apollo/gateway's flattenResultsAtPath). */
function flattenAtPath(value: unknown, path: readonly (string | number)[], from = 0): unknown {
  const current = path[from];
  if (current === undefined || value === null || value === undefined) return value;
  if (current !== '@')
    return flattenAtPath(
      Object.hasOwn(value, current) ? (value as Record<string, unknown>)[current] : undefined,
      path,
      from + 1,
    );
  const flattened: unknown[] = [];
  for (const element of value as unknown[]) {
    const found = flattenAtPath(element, path, from + 1);
    if (Array.isArray(found)) for (const item of found) flattened.push(item);
    else flattened.push(found);
  }
  return flattened;
}

/** An entity's representation for a fetch's `requires`: null when a required field is missing. */
function selectRepresentation(
  schema: GraphQLSchema,
  source: Record<string, unknown> | null,
  selections: readonly QueryPlanSelectionNode[],
): Record<string, unknown> | null {
  if (source === null) return null;
  const result: Record<string, unknown> = {};
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ?? selection.name;
      const value = Object.hasOwn(source, responseName) ? source[responseName] : undefined;
      if (value === undefined) return null;
      const nested = selection.selections;
      if (Array.isArray(value))
        result[responseName] = value.map((element: unknown) =>
          nested ? selectRepresentation(schema, element as Record<string, unknown>, nested) : element,
        );
      else
        result[responseName] = nested ? selectRepresentation(schema, value as Record<string, unknown>, nested) : value;
    } else if (selection.typeCondition && isObjectOfType(schema, source, selection.typeCondition)) {
      deepMerge(result, selectRepresentation(schema, source, selection.selections));
    }
  }
  return result;
}

function isObjectOfType(schema: GraphQLSchema, object: Record<string, unknown>, typeCondition: string): boolean {
  const typename = object['__typename'];
  if (typeof typename !== 'string') return false;
  if (typename === typeCondition) return true;
  const type = schema.getType(typename);
  const condition = schema.getType(typeCondition);
  return (
    !!type &&
    !!condition &&
    isAbstractType(condition) &&
    (isObjectType(type) || isInterfaceType(type)) &&
    schema.isSubType(condition, type)
  );
}

/** @apollo/gateway's deepMerge: objects merged key by key, lists of equal length element by element. */
export function deepMerge(
  target: Record<string, unknown>,
  source: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  if (source === undefined || source === null) return target;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    const existing = target[key];
    if (existing && isPlainObject(value)) {
      deepMerge(existing as Record<string, unknown>, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      const items: unknown[] = value;
      const existingItems: unknown[] = existing;
      for (let index = 0; index < items.length; index += 1) {
        if (isPlainObject(existingItems[index]) && isPlainObject(items[index]))
          deepMerge(existingItems[index] as Record<string, unknown>, items[index] as Record<string, unknown>);
        else existingItems[index] = items[index];
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
