import type { DeferNode, PlanNode } from '@apollo/query-planner';
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLOutputType,
  type GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { DeferredPart, DeferredPayload, KitExecutionResult } from '../../core/IncrementalResult.js';
import { collectFields, subSelections } from '../../operation/collectFields.js';
import { activeDeferLabels, type DeferredFragment } from '../../operation/deferredFragments.js';
import { executeSchedule, type PlanExecution } from './executePlan.js';
import { schedulePlan, type Schedule } from './schedulePlan.js';
import { SelectionShape, shapeResponse, type ShapeSource } from './shapeResponse.js';

/** One deferred fragment of a plan: its fetches, where its objects are, and how its part is written. */
interface DeferredBlock {
  readonly label: string;
  readonly fragment: DeferredFragment;
  /** Response keys from the root to the fragment's parent objects; lists are expanded on the way. */
  readonly queryPath: readonly string[];
  readonly schedule: Schedule;
  /** The fragment's selections (with any @defer inside them answered in the same part). */
  readonly shape: SelectionShape;
}

/** How a plan whose root is a Defer node runs for a client that takes its answer in parts. */
export interface DeferredDelivery {
  readonly primary: Schedule;
  /** The operation without its deferred fragments: the initial part. */
  readonly initialShape: SelectionShape;
  readonly blocks: readonly DeferredBlock[];
  readonly source: ShapeSource;
  readonly rootSelectionSet: SelectionSetNode;
}

/**
 * The plan's root once its Condition nodes are decided (`@defer(if: $var)` plans branch at the root), when it is a
 * Defer node: what incremental delivery runs. Undefined for any other plan, answered whole.
 */
export function deferredDeliveryOf(
  node: PlanNode | undefined,
  conditionValue: (variable: string) => boolean,
  source: ShapeSource,
  rootSelectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, DeferredFragment>,
): DeferredDelivery | undefined {
  let root = node;
  while (root?.kind === 'Condition') root = conditionValue(root.condition) ? root.ifClause : root.elseClause;
  if (root?.kind !== 'Defer') return undefined;
  const blocks = blocksOf(root, conditionValue, { ...source, withoutDeferred: false }, fragments);
  if (!blocks) return undefined;
  // A fragment that @skip/@include leave out is planned all the same: it has no part, its fetches need not run.
  const active = activeDeferLabels(rootSelectionSet, source.fragments, source.conditionValues);
  const activeBlocks = blocks.filter((block) => active.has(block.label));
  if (activeBlocks.length === 0) return undefined;
  return {
    primary: schedulePlan(root.primary.node, conditionValue),
    initialShape: new SelectionShape({ ...source, withoutDeferred: true }, [rootSelectionSet]),
    blocks: activeBlocks,
    source,
    rootSelectionSet,
  };
}

function blocksOf(
  root: DeferNode,
  conditionValue: (variable: string) => boolean,
  partSource: ShapeSource,
  fragments: ReadonlyMap<string, DeferredFragment>,
): DeferredBlock[] | undefined {
  const blocks: DeferredBlock[] = [];
  for (const deferred of root.deferred) {
    const fragment = deferred.label === undefined ? undefined : fragments.get(deferred.label);
    // Every @defer is labelled before planning; a block the kit cannot name is answered whole instead.
    if (!fragment || deferred.label === undefined) return undefined;
    blocks.push({
      label: deferred.label,
      fragment,
      queryPath: deferred.queryPath,
      schedule: schedulePlan(deferred.node, conditionValue),
      shape: new SelectionShape(partSource, [fragment.selectionSet]),
    });
  }
  return blocks;
}

/**
 * Runs the primary part, and answers with the initial result at once and the deferred parts as each fragment's
 * fetches end (in parallel, all after the primary part: the planner's `depends` names only its fetches). A part
 * goes to every object at its fragment's path that the fragment's type condition applies to.
 */
export async function executeDeferred(
  execution: PlanExecution,
  delivery: DeferredDelivery,
  rootType: GraphQLObjectType,
): Promise<KitExecutionResult> {
  const data: Record<string, unknown> = {};
  await executeSchedule(execution, delivery.primary, data);
  const { data: shaped, completionErrors } = shapeResponse(delivery.initialShape, rootType, data);
  const { errors } = execution;
  // As an answer given whole: nulls the gateway had to repair are noted (valueCompletion), unless errors say more.
  const initial: KitExecutionResult =
    errors.length > 0
      ? { errors, data: shaped }
      : completionErrors.length > 0
        ? { data: shaped, extensions: { valueCompletion: completionErrors } }
        : { data: shaped };
  if (!shaped) return initial;
  return { ...initial, later: deliverParts(execution, delivery, rootType, data) };
}

async function* deliverParts(
  execution: PlanExecution,
  delivery: DeferredDelivery,
  rootType: GraphQLObjectType,
  data: Record<string, unknown>,
): AsyncGenerator<DeferredPayload> {
  const pending = new Map(
    delivery.blocks.map((block, index) => [
      index,
      runBlock(execution, delivery, block, rootType, data).then((parts) => ({ index, parts })),
    ]),
  );
  while (pending.size > 0) {
    const { index, parts } = await Promise.race(pending.values());
    pending.delete(index);
    yield { parts, hasNext: pending.size > 0 };
  }
}

async function runBlock(
  execution: PlanExecution,
  delivery: DeferredDelivery,
  block: DeferredBlock,
  rootType: GraphQLObjectType,
  data: Record<string, unknown>,
): Promise<DeferredPart[]> {
  const errors: GraphQLError[] = [];
  await executeSchedule({ ...execution, errors }, block.schedule, data);
  const { schema } = delivery.source;
  const parts: DeferredPart[] = [];
  for (const found of objectsAtPath(delivery, rootType, data, block.queryPath)) {
    const condition = block.fragment.typeCondition;
    if (condition !== undefined && !appliesTo(schema, condition, found.type)) continue;
    // Repaired nulls are not errors of the part, as they are not of a whole answer (valueCompletion, logged).
    const shaped = shapeResponse(block.shape, found.type, found.object, found.path);
    parts.push({
      path: found.path,
      label: block.label,
      clientLabel: block.fragment.clientLabel,
      type: found.type,
      data: shaped.data,
      errors: [],
    });
  }
  // A fetch's error belongs to the part whose object it is under; one without such a path, to the first part.
  for (const error of errors) {
    const part = parts.find((candidate) => isUnder(error.path, candidate.path)) ?? parts[0];
    part?.errors.unshift(error);
  }
  return parts;
}

/** How the planner writes a type condition in a deferred fragment's path. */
const typeConditionPrefix = '... on ';

/** An object of the merged data at a deferred fragment's path, with its concrete path and runtime type. */
interface FoundObject {
  readonly path: readonly (string | number)[];
  readonly object: Record<string, unknown>;
  readonly type: GraphQLObjectType;
}

/** The objects at `queryPath` (response keys; lists expanded), typed by the operation's fields. */
function objectsAtPath(
  delivery: DeferredDelivery,
  rootType: GraphQLObjectType,
  data: Record<string, unknown>,
  queryPath: readonly string[],
): FoundObject[] {
  const { schema, fragments, conditionValues } = delivery.source;
  let level: { found: FoundObject; selectionSets: readonly SelectionSetNode[] }[] = [
    { found: { path: [], object: data, type: rootType }, selectionSets: [delivery.rootSelectionSet] },
  ];
  for (const key of queryPath) {
    // `... on Book`: the objects of this level that the type condition applies to.
    if (key.startsWith(typeConditionPrefix)) {
      const condition = key.slice(typeConditionPrefix.length);
      level = level.filter(({ found }) => appliesTo(schema, condition, found.type));
      continue;
    }
    const next: typeof level = [];
    for (const { found, selectionSets } of level) {
      const nodes = collectFields({ schema, fragments, variables: conditionValues }, found.type, selectionSets).get(
        key,
      );
      const definition = nodes?.[0] && found.type.getFields()[nodes[0].name.value];
      if (!nodes || !definition) continue;
      const childSelections = subSelections(nodes);
      const visit = (value: unknown, path: readonly (string | number)[]) => {
        if (Array.isArray(value)) {
          value.forEach((item, index) => visit(item, [...path, index]));
          return;
        }
        if (value === null || typeof value !== 'object') return;
        const object = value as Record<string, unknown>;
        const type = runtimeTypeOf(schema, object, definition.type);
        if (type) next.push({ found: { path, object, type }, selectionSets: childSelections });
      };
      visit(found.object[key], [...found.path, key]);
    }
    level = next;
  }
  return level.map(({ found }) => found);
}

function runtimeTypeOf(
  schema: GraphQLSchema,
  object: Record<string, unknown>,
  fieldType: GraphQLOutputType,
): GraphQLObjectType | undefined {
  const typename = object['__typename'];
  const named = typeof typename === 'string' ? schema.getType(typename) : getNamedType(fieldType);
  return isObjectType(named) ? named : undefined;
}

function appliesTo(schema: GraphQLSchema, typeCondition: string, type: GraphQLObjectType): boolean {
  if (typeCondition === type.name) return true;
  const condition = schema.getType(typeCondition);
  return isAbstractType(condition) && schema.isSubType(condition, type);
}

function isUnder(path: readonly (string | number)[] | undefined, prefix: readonly (string | number)[]): boolean {
  return path !== undefined && prefix.every((key, index) => path[index] === key);
}
