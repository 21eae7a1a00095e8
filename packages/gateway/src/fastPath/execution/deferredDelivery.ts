import type { DeferNode, PlanNode } from '@apollo/query-planner';
import type { GraphQLError, GraphQLObjectType, SelectionSetNode } from 'graphql';
import type { DeferredPart, DeferredPayload, KitExecutionResult } from '../../core/IncrementalResult.js';
import { activeDeferLabels, type DeferredFragment } from '../../operation/deferredFragments.js';
import { deferredLocations, type DeferredLocation } from './deferredLocations.js';
import { executeSchedule, type PlanExecution } from './executePlan.js';
import { schedulePlan, type Schedule } from './schedulePlan.js';
import { SelectionShape, shapeResponse, type ShapeSource } from './shapeResponse.js';

/** One deferred fragment of a plan: its fetches (the planner may split them over several deferred nodes), its part. */
interface DeferredBlock {
  readonly label: string;
  readonly fragment: DeferredFragment;
  readonly schedules: Schedule[];
  /** The fragment's selections (with any @defer inside them answered in the same part). */
  readonly shape: SelectionShape;
}

/** How a plan whose root is a Defer node runs for a client that takes its answer in parts. */
export interface DeferredDelivery {
  readonly primary: Schedule;
  /** The operation without its deferred fragments: the initial part. */
  readonly initialShape: SelectionShape;
  readonly blocks: readonly DeferredBlock[];
  /** With the deferred fragments: what their objects are found with. */
  readonly source: ShapeSource;
  readonly rootSelectionSet: SelectionSetNode;
}

/**
 * The plan's root once its Condition nodes are decided (`@defer(if: $var)` plans branch at the root), when it is a
 * Defer node with a fragment the request's @skip/@include leave in: what incremental delivery runs. Undefined for
 * any other plan, answered whole.
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
  const partSource = { ...source, withoutDeferred: false };
  const blocks = blocksOf(root, conditionValue, partSource, fragments);
  if (!blocks) return undefined;
  // A fragment that @skip/@include leave out is planned all the same: it has no part, its fetches need not run.
  const active = activeDeferLabels(rootSelectionSet, source.fragments, source.conditionValues);
  const activeBlocks = blocks.filter((block) => active.has(block.label));
  if (activeBlocks.length === 0) return undefined;
  return {
    primary: schedulePlan(root.primary.node, conditionValue),
    initialShape: new SelectionShape({ ...source, withoutDeferred: true }, [rootSelectionSet]),
    blocks: activeBlocks,
    source: partSource,
    rootSelectionSet,
  };
}

function blocksOf(
  root: DeferNode,
  conditionValue: (variable: string) => boolean,
  partSource: ShapeSource,
  fragments: ReadonlyMap<string, DeferredFragment>,
): DeferredBlock[] | undefined {
  const byLabel = new Map<string, DeferredBlock>();
  for (const deferred of root.deferred) {
    const { label } = deferred;
    const fragment = label === undefined ? undefined : fragments.get(label);
    // Every @defer is labelled before planning; a block the kit cannot name is answered whole instead.
    if (!fragment || label === undefined) return undefined;
    const schedule = schedulePlan(deferred.node, conditionValue);
    const block = byLabel.get(label);
    if (block) block.schedules.push(schedule);
    else
      byLabel.set(label, {
        label,
        fragment,
        schedules: [schedule],
        shape: new SelectionShape(partSource, [fragment.selectionSet]),
      });
  }
  return [...byLabel.values()];
}

/**
 * Runs the primary part, and answers with the initial result at once and the deferred parts as each fragment's
 * fetches end (in parallel, all after the primary part: the planner's `depends` names only its fetches). A part
 * goes to every object the fragment applies to (deferredLocations.ts).
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
  const labels = new Set(delivery.blocks.map((block) => block.label));
  const locations = deferredLocations(delivery.source, rootType, delivery.rootSelectionSet, data, labels);
  return { ...initial, later: deliverParts(execution, delivery.blocks, locations, data) };
}

async function* deliverParts(
  execution: PlanExecution,
  blocks: readonly DeferredBlock[],
  locations: ReadonlyMap<string, readonly DeferredLocation[]>,
  data: Record<string, unknown>,
): AsyncGenerator<DeferredPayload> {
  const pending = new Map(
    blocks.map((block, index) => [
      index,
      runBlock(execution, block, locations.get(block.label) ?? [], data).then((parts) => ({ index, parts })),
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
  block: DeferredBlock,
  locations: readonly DeferredLocation[],
  data: Record<string, unknown>,
): Promise<DeferredPart[]> {
  const errors: GraphQLError[] = [];
  await Promise.all(block.schedules.map((schedule) => executeSchedule({ ...execution, errors }, schedule, data)));
  const parts: DeferredPart[] = locations.map(({ path, object, type }) => ({
    path,
    label: block.label,
    clientLabel: block.fragment.clientLabel,
    type,
    // Repaired nulls are not errors of the part, as they are not of a whole answer (valueCompletion, logged).
    data: shapeResponse(block.shape, type, object, path).data,
    errors: [],
  }));
  // A fetch's error belongs to the part whose object it is under; one without such a path, to the first part.
  for (const error of errors) {
    const part = parts.find((candidate) => isUnder(error.path, candidate.path)) ?? parts[0];
    part?.errors.unshift(error);
  }
  return parts;
}

function isUnder(path: readonly (string | number)[] | undefined, prefix: readonly (string | number)[]): boolean {
  return path !== undefined && prefix.every((key, index) => path[index] === key);
}
