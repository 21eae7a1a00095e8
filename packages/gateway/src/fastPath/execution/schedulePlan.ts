import type { FetchNode, PlanNode } from '@apollo/query-planner';
import { OperationTypeNode } from 'graphql';
import type { MergedEntityFetches } from './mergeEntityFetches.js';

export type PlanPath = readonly (string | number)[];

/** A fetch of the plan and where it works: the path of its entities from the root of the response. */
export interface ScheduledFetch {
  readonly fetch: FetchNode;
  readonly path: PlanPath;
}

/** Fetches sent to one subgraph as one request: one fetch, or entity fetches merged (mergeEntityFetches.ts). */
export interface SubgraphCall {
  readonly serviceName: string;
  readonly fetches: readonly ScheduledFetch[];
  /**
   * The merged operations of its fetches, by the positions of those that had entities to ask about
   * (null: they cannot be merged); built on first use, at most one per subset of its fetches.
   */
  readonly merged: Map<string, MergedEntityFetches | null>;
}

/** The plan as waves: every call of a wave runs at once, and a wave starts when the one before it has ended. */
export type Schedule = readonly (readonly SubgraphCall[])[];

interface PlacedFetch extends ScheduledFetch {
  wave: number;
  /** The first wave that reads what this fetch writes: it must run before it. */
  deadline: number;
}

/**
 * Turns a query plan into waves of subgraph calls, with as few calls as the plan's order allows.
 * Each fetch goes in the first wave after everything the plan orders before it (a sequence's
 * earlier steps); the entity fetches of one wave against one subgraph become one call; and a
 * wave's entity fetches against a subgraph that a later wave calls anyway move to that call when
 * nothing reads their answers before it (two fetches at the same path, one waiting for another
 * service's fields, are the common case). The plan's own order is never broken: a fetch still
 * runs after every fetch it followed and before every one that followed it. Root fetches and
 * mutations are never merged: a subgraph error that nulls a whole response would take the
 * other fetches' data with it. `conditionValue` gives each @skip/@include variable's value.
 */
export function schedulePlan(node: PlanNode | undefined, conditionValue: (variable: string) => boolean): Schedule {
  const placed: PlacedFetch[] = [];
  if (node) place(node, 0, [], placed, conditionValue);
  const calls = new Map<string, PlacedFetch[]>();
  const ownCalls: PlacedFetch[][] = [];
  for (const fetch of placed) {
    if (!isMergeable(fetch.fetch)) {
      ownCalls.push([fetch]);
      continue;
    }
    const key = callKey(fetch.wave, fetch.fetch.serviceName);
    const call = calls.get(key);
    if (call) call.push(fetch);
    else calls.set(key, [fetch]);
  }
  postponeIntoLaterCalls(calls);
  const waves: SubgraphCall[][] = [];
  // Calls start in the plan's order of their first fetch, as the plan's own executor would start them.
  const inPlanOrder = [...ownCalls, ...calls.values()].sort(
    (a, b) => placed.indexOf(a[0] as PlacedFetch) - placed.indexOf(b[0] as PlacedFetch),
  );
  for (const call of inPlanOrder) {
    const first = call[0];
    if (!first) continue;
    const wave = (waves[first.wave] ??= []);
    wave.push({
      serviceName: first.fetch.serviceName,
      fetches: call.map(({ fetch, path }) => ({ fetch, path })),
      merged: new Map(),
    });
  }
  // A wave left empty by the moves above is dropped: nothing waits for it.
  return waves.filter((wave) => wave.length > 0);
}

/** Places the fetches of `node`, starting in wave `start`; returns the first wave after them. */
function place(
  node: PlanNode,
  start: number,
  path: PlanPath,
  placed: PlacedFetch[],
  conditionValue: (variable: string) => boolean,
): number {
  switch (node.kind) {
    case 'Fetch':
      placed.push({ fetch: node, path, wave: start, deadline: Number.POSITIVE_INFINITY });
      return start + 1;
    case 'Flatten':
      return place(node.node, start, [...path, ...node.path], placed, conditionValue);
    case 'Parallel': {
      let end = start;
      for (const child of node.nodes) end = Math.max(end, place(child, start, path, placed, conditionValue));
      return end;
    }
    case 'Sequence': {
      let at = start;
      node.nodes.forEach((child, index) => {
        const first = placed.length;
        at = place(child, at, path, placed, conditionValue);
        if (index === node.nodes.length - 1) return;
        for (let placedIndex = first; placedIndex < placed.length; placedIndex += 1) {
          const fetch = placed[placedIndex];
          if (fetch) fetch.deadline = Math.min(fetch.deadline, at);
        }
      });
      return at;
    }
    case 'Condition': {
      const branch = conditionValue(node.condition) ? node.ifClause : node.elseClause;
      return branch ? place(branch, start, path, placed, conditionValue) : start;
    }
    case 'Defer': {
      // Answered whole for now: each deferred part after the primary one (whose fetches it depends on), in parallel.
      const first = placed.length;
      const afterPrimary = node.primary.node ? place(node.primary.node, start, path, placed, conditionValue) : start;
      for (const fetch of placed.slice(first)) fetch.deadline = Math.min(fetch.deadline, afterPrimary);
      let end = afterPrimary;
      for (const deferred of node.deferred)
        if (deferred.node) end = Math.max(end, place(deferred.node, afterPrimary, path, placed, conditionValue));
      return end;
    }
    default:
      // Every kind of PlanNode is handled above; a new one from a later planner must fail loudly.
      throw new Error(`query plan node ${(node as { kind: string }).kind} is not supported by this executor`);
  }
}

/** Entity fetches that only read: each answer is its own `_entities` field, whose items fail one by one. */
function isMergeable(fetch: FetchNode): boolean {
  return fetch.requires !== undefined && fetch.operationKind === OperationTypeNode.QUERY;
}

function callKey(wave: number, serviceName: string): string {
  return `${wave}\u0000${serviceName}`;
}

/** Moves each call to the nearest later call of its subgraph that comes before anything reads its answers. */
function postponeIntoLaterCalls(calls: Map<string, PlacedFetch[]>): void {
  const byWave = [...calls.entries()].sort(([, a], [, b]) => (a[0]?.wave ?? 0) - (b[0]?.wave ?? 0));
  const lastWave = byWave.at(-1)?.[1][0]?.wave ?? 0;
  for (const [key, call] of byWave) {
    const first = call[0];
    if (!first || calls.get(key) !== call) continue;
    const deadline = Math.min(lastWave + 1, ...call.map((fetch) => fetch.deadline));
    for (let wave = first.wave + 1; wave < deadline; wave += 1) {
      const later = calls.get(callKey(wave, first.fetch.serviceName));
      if (!later) continue;
      for (const fetch of call) fetch.wave = wave;
      later.unshift(...call);
      calls.delete(key);
      break;
    }
  }
}
