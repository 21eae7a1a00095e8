import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schedulePlan, type Schedule } from './schedulePlan.js';

const supergraphDir = new URL('../../../../../supergraph/', import.meta.url);

function planOf(supergraphFile: string, query: string): PlanNode | undefined {
  const supergraph = Supergraph.build(readFileSync(new URL(supergraphFile, supergraphDir), 'utf8'));
  const operation = operationFromDocument(supergraph.apiSchema(), parse(query));
  const planner = new QueryPlanner(supergraph, { incrementalDelivery: { enableDefer: true } });
  return planner.buildQueryPlan(operation).node as PlanNode | undefined;
}

/** Each wave as the services it calls, a call of several fetches as `service×n`. */
function callsOf(schedule: Schedule): string[][] {
  return schedule.map((wave) =>
    wave.map(({ serviceName, fetches }) => (fetches.length > 1 ? `${serviceName}×${fetches.length}` : serviceName)),
  );
}

/** Every fetch's wave, by the fetch. */
function wavesOf(schedule: Schedule): Map<unknown, number> {
  const waves = new Map<unknown, number>();
  schedule.forEach((wave, index) => {
    for (const call of wave) for (const { fetch } of call.fetches) waves.set(fetch, index);
  });
  return waves;
}

/** Fails unless every fetch runs after every fetch the plan put before it in a sequence. */
function expectPlanOrderKept(node: PlanNode | undefined, waves: Map<unknown, number>): void {
  const fetchesOf = (child: PlanNode): unknown[] => {
    switch (child.kind) {
      case 'Fetch':
        return [child];
      case 'Flatten':
        return fetchesOf(child.node);
      case 'Sequence':
      case 'Parallel':
        return child.nodes.flatMap(fetchesOf);
      default:
        return [];
    }
  };
  const visit = (child: PlanNode): void => {
    if (child.kind === 'Sequence')
      child.nodes.forEach((step, index) => {
        const later = child.nodes.slice(index + 1).flatMap(fetchesOf);
        for (const before of fetchesOf(step))
          for (const after of later) expect(waves.get(before)).toBeLessThan(waves.get(after) ?? -1);
      });
    if (child.kind === 'Sequence' || child.kind === 'Parallel') child.nodes.forEach(visit);
    if (child.kind === 'Flatten') visit(child.node);
  };
  if (node) visit(node);
}

const always = () => true;

describe('schedulePlan', () => {
  it("sends The Guild's query in 6 calls instead of 16 fetches, in 4 waves, keeping the plan's order", () => {
    const node = planOf(
      'guild-benchmark.graphql',
      readFileSync(new URL('../../../../guild-benchmark/query.graphql', import.meta.url), 'utf8'),
    );
    const schedule = schedulePlan(node, always);
    expect(callsOf(schedule)).toEqual([
      ['accounts', 'products'],
      ['reviews×2'],
      ['products×3', 'accounts×2'],
      ['inventory×7'],
    ]);
    expect(schedule.flat().flatMap((call) => call.fetches)).toHaveLength(16);
    expectPlanOrderKept(node, wavesOf(schedule));
  });

  it('merges entity fetches of one subgraph, moving one whose answer nobody reads yet to a later call', () => {
    const node = planOf('guild-benchmark.graphql', `{ users { reviews { product { inStock shippingEstimate } } } }`);
    const schedule = schedulePlan(node, always);
    // inStock (inventory, needs nothing) moves to the shippingEstimate fetch, which waits for products' fields.
    expect(callsOf(schedule)).toEqual([['accounts'], ['reviews'], ['products'], ['inventory×2']]);
    expectPlanOrderKept(node, wavesOf(schedule));
  });

  it('sends a mutation alone, before the entity fetches that read its answer', () => {
    const node = planOf(
      'web.graphql',
      `mutation { createOrder(input: { buyerId: "u1", lines: [{ upc: "1", quantity: 1 }] }) {
         id lines { product { name reviews { body } } } } }`,
    );
    const schedule = schedulePlan(node, always);
    expect(callsOf(schedule)).toEqual([['orders'], ['reviews', 'products']]);
    expectPlanOrderKept(node, wavesOf(schedule));
  });

  it('schedules the branch that a condition picks, by the value of its variable', () => {
    const query = `query ($withReviews: Boolean!) {
      topProducts { upc ... @include(if: $withReviews) { reviews { body } } }
    }`;
    const node = planOf('guild-benchmark.graphql', query);
    expect(callsOf(schedulePlan(node, () => true))).toEqual([['products'], ['reviews']]);
    expect(callsOf(schedulePlan(node, () => false))).toEqual([['products']]);
  });

  it("runs a deferred part's fetches after the primary part's, answered whole for now", () => {
    const node = planOf(
      'web.graphql',
      `{ productPage(upc: "1") { product { name ... @defer { reviews(first: 3) { rating author { name } } } } } }`,
    );
    expect(node?.kind).toBe('Defer');
    expect(callsOf(schedulePlan(node, always))).toEqual([['web'], ['products'], ['reviews'], ['accounts']]);
  });
});
