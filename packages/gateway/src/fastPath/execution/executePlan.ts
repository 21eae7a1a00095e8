import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetchNode } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { trace } from '@opentelemetry/api';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { copyJson, dedupeRepresentations } from './dedupeRepresentations.js';
import { downstreamServiceError, errorPathsOf, type SentEntities } from './downstreamServiceError.js';
import { inActiveSpan } from '../../observability/tracing/inActiveSpan.js';
import { startInOrder } from './startInOrder.js';
import { mergeEntityFetches, splitMergedResponse, type MergedEntityFetches } from './mergeEntityFetches.js';
import type { PlanPath, Schedule, ScheduledFetch, SubgraphCall } from './schedulePlan.js';
import type { Cursor } from './Cursor.js';
import type { CallWrites } from '../http/pendingCallWrites.js';
import type { BffContext } from '../../core/BffContext.js';
import type { EntityCache } from '../../entityCache/EntityCache.js';
import { lookUpEntities, withCachedEntities, type CachedAnswers } from './cachedEntities.js';
import { deepMerge, flattenAtPath, selectRepresentation } from './resultData.js';

export type { Cursor };

const tracer = trace.getTracer('@bff/gateway');

// @apollo/gateway's GraphQLDataSourceRequestKind.INCOMING_OPERATION; the enum is not exported from its index.
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the value of an enum not exported
const incomingOperation = 'incoming operation' as GraphQLDataSourceProcessOptions['kind'];

/** Everything one execution of a query plan reads and writes. */
export interface PlanExecution {
  readonly requestContext: GatewayGraphQLRequestContext;
  /** The data source of a subgraph, by name. */
  readonly dataSourceOf: (serviceName: string) => GraphQLDataSource | undefined;
  /** The supergraph as graphql-js types: what `requires` type conditions are checked against. */
  readonly supergraphSchema: GraphQLSchema;
  readonly errors: GraphQLError[];
  /** The HTTP pool's calls not yet written: branches of a parallel node start after them. */
  readonly callWrites: CallWrites;
  /** Where entity answers are kept between requests, for as long as their cache hints allow. @default none */
  readonly entityCache?: EntityCache | undefined;
}

/**
 * Runs a query plan's schedule (schedulePlan.ts): wave after wave, each wave's subgraph calls at
 * once, merging every fetch's answer into the objects at its path, as @apollo/gateway's
 * executeQueryPlan merges them; the stock executor's per-node trace protobufs and spans for plan
 * nodes other than fetches are left out. Callers make sure the plan holds no @defer and no data
 * rewrites (see isPlanSupported).
 */
export async function executeSchedule(
  execution: PlanExecution,
  schedule: Schedule,
  data: Record<string, unknown>,
): Promise<void> {
  for (const wave of schedule)
    await startInOrder(wave, (call) => executeCall(execution, call, data), execution.callWrites);
}

/** One subgraph call: its fetches that have entities to ask about, sent alone or merged into one request. */
function executeCall(execution: PlanExecution, call: SubgraphCall, data: Record<string, unknown>): Promise<void> {
  return inActiveSpan(tracer, 'gateway.fetch', { attributes: { service: call.serviceName } }, async (span) => {
    try {
      const service = execution.dataSourceOf(call.serviceName);
      if (!service) throw new Error(`Couldn't find service with name "${call.serviceName}"`);
      let prepared: PreparedFetch[] = [];
      for (const scheduled of call.fetches) {
        const fetch = prepareFetch(execution, scheduled, data);
        if (fetch) prepared.push(fetch);
      }
      if (execution.entityCache) prepared = await answerFromCache(execution, execution.entityCache, prepared);
      const merged = prepared.length > 1 ? mergedFetchesOf(call, prepared) : undefined;
      if (merged) {
        span.setAttribute('fetches', prepared.length);
        const response = await process(execution, service, merged, [], mergedVariables(merged, prepared));
        const responses = splitMergedResponse(merged, response);
        prepared.forEach((fetch, index) => {
          applyAnswer(execution, fetch, responses[index] ?? {});
        });
      } else {
        await Promise.all(
          prepared.map(async (fetch) => {
            const response = await process(execution, service, fetch.fetch, fetch.cursor.path, fetch.variables);
            applyAnswer(execution, fetch, response);
          }),
        );
      }
    } catch (error) {
      execution.errors.push(error as GraphQLError);
    } finally {
      span.end();
    }
  });
}

/** A fetch about to be sent: where it works, its variables, and which entities its representations stand for. */
interface PreparedFetch {
  readonly fetch: FetchNode;
  readonly cursor: Cursor;
  readonly variables: Record<string, unknown>;
  /** The objects at its path, into which a root fetch's answer is merged. */
  readonly entities: readonly unknown[];
  /** For an entity fetch: the entities each distinct representation sent stands for. */
  readonly sent?: SentEntities & { readonly representedEntities: Record<string, unknown>[]; readonly count: number };
  /** What the entity cache had for its representations (only the others are sent). */
  cached?: CachedAnswers;
}

/**
 * Looks up the entity fetches' representations in the entity cache: a fetch answered whole is
 * merged at once, the others go on with only what the cache did not have.
 */
async function answerFromCache(
  execution: PlanExecution,
  cache: EntityCache,
  prepared: readonly PreparedFetch[],
): Promise<PreparedFetch[]> {
  const viewerId = viewerIdOf(execution);
  await Promise.all(
    prepared.map(async (fetch) => {
      const representations = fetch.variables['representations'];
      if (!fetch.sent || !Array.isArray(representations)) return;
      const cached = await lookUpEntities(cache, fetch.fetch, representations as Record<string, unknown>[], viewerId);
      fetch.cached = cached;
      fetch.variables['representations'] = cached.missing.map((position) => representations[position] as unknown);
    }),
  );
  const toSend: PreparedFetch[] = [];
  for (const fetch of prepared) {
    if (fetch.cached?.missing.length === 0) applyAnswer(execution, fetch, { data: { _entities: [] } });
    else toSend.push(fetch);
  }
  return toSend;
}

function viewerIdOf(execution: PlanExecution): string | undefined {
  const { viewer } = execution.requestContext.context as Partial<BffContext>;
  return viewer?.kind === 'user' ? viewer.id : undefined;
}

/** The fetch's cursor, variables and representations; undefined when there is nothing at its path to ask about. */
function prepareFetch(
  execution: PlanExecution,
  { fetch, path }: ScheduledFetch,
  data: Record<string, unknown>,
): PreparedFetch | undefined {
  const found = flattenAtPath(data, path);
  if (found === null || found === undefined) return undefined;
  const cursor: Cursor = { path, data: found, fullResult: data };
  const entities = Array.isArray(found) ? found.filter((entity) => entity !== null && entity !== undefined) : [found];
  if (entities.length === 0) return undefined;
  const provided = execution.requestContext.request.variables;
  const variables: Record<string, unknown> = {};
  for (const name of fetch.variableUsages ?? []) {
    if (provided && Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }
  if (!fetch.requires) return { fetch, cursor, variables, entities };
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
  if (representations.length === 0) return undefined;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
  const { unique, slotOf } = dedupeRepresentations(representations);
  // Object.assign, not `{ ...variables, representations }`: a spread followed by a new key builds a new hidden class
  // per call (see resolveInfo).
  return {
    fetch,
    cursor,
    variables: Object.assign({}, variables, { representations: unique }),
    entities,
    sent: { slotOf, entityIndexes, representedEntities, count: unique.length },
  };
}

/** Merges a fetch's answer into its entities, and its errors into the response's at their paths. */
function applyAnswer(execution: PlanExecution, prepared: PreparedFetch, answer: GatewayGraphQLResponse): void {
  const { fetch, cursor, sent, cached } = prepared;
  const { entityCache, requestContext } = execution;
  const response =
    cached && entityCache
      ? withCachedEntities(cached, answer, entityCache, viewerIdOf(execution), requestContext.overallCachePolicy)
      : answer;
  if (response.errors) {
    const pathsOf = errorPathsOf(fetch, cursor, sent);
    for (const error of response.errors)
      for (const path of pathsOf(error.path))
        execution.errors.push(downstreamServiceError(error, fetch.serviceName, path));
  }
  try {
    const received = response.data as Record<string, unknown> | null | undefined;
    if (!sent) {
      for (const entity of prepared.entities) deepMerge(entity as Record<string, unknown>, received);
      return;
    }
    if (!received) return;
    mergeEntities(received, sent);
  } catch (error) {
    execution.errors.push(error as GraphQLError);
  }
}

function mergeEntities(received: Record<string, unknown>, sent: NonNullable<PreparedFetch['sent']>): void {
  const receivedEntities = received['_entities'];
  if (!Array.isArray(receivedEntities)) throw new Error('Expected "data._entities" in response to be an array');
  if (receivedEntities.length !== sent.count)
    throw new Error(`Expected "data._entities" to contain ${sent.count} elements`);
  const { representedEntities, slotOf } = sent;
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

/** The merged operation of these fetches of a call, built once per set of fetches that had entities. */
function mergedFetchesOf(call: SubgraphCall, prepared: readonly PreparedFetch[]): MergedEntityFetches | undefined {
  const key = prepared.map(({ fetch }) => call.fetches.findIndex((scheduled) => scheduled.fetch === fetch)).join();
  let merged = call.merged.get(key);
  if (merged === undefined) {
    merged = mergeEntityFetches(prepared.map(({ fetch }) => fetch)) ?? null;
    call.merged.set(key, merged);
  }
  return merged ?? undefined;
}

/** The merged operation's variables: the client's that the fetches use, and each fetch's representations. */
function mergedVariables(merged: MergedEntityFetches, prepared: readonly PreparedFetch[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  prepared.forEach(({ variables: own }, index) => {
    for (const name of Object.keys(own))
      variables[name === 'representations' ? (merged.representationsVariables[index] ?? name) : name] = own[name];
  });
  return variables;
}

/** Sends one operation (a plan's fetch, or several merged) to a subgraph through its data source. */
function process(
  execution: PlanExecution,
  service: GraphQLDataSource,
  operation: Pick<FetchNode, 'operation' | 'operationName' | 'operationDocumentNode'> | MergedEntityFetches,
  path: PlanPath,
  variables: Record<string, unknown>,
): Promise<GatewayGraphQLResponse> {
  const { requestContext } = execution;
  const query = 'query' in operation ? operation.query : operation.operation;
  const document = 'query' in operation ? operation.document : operation.operationDocumentNode;
  return service.process({
    kind: incomingOperation,
    request: {
      query,
      variables,
      ...(operation.operationName !== undefined && { operationName: operation.operationName }),
    },
    incomingRequestContext: requestContext,
    context: requestContext.context,
    ...(document && { document }),
    pathInIncomingRequest: path,
  } as GraphQLDataSourceProcessOptions);
}
