import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceRun } from './harness/conformanceRun.js';
import { executorOf, type ExecutorUsed } from './harness/executorOf.js';
import { startScenario } from './harness/startScenario.js';
import { scenarios } from './scenarios/index.js';

/** How many operations each of the kit's executors ran, per scenario: the suite says what each path was tested with. */
const executorsUsed = new Map<string, Record<ExecutorUsed, number>>();

// Each operation of each fixture goes to stock Apollo Server + @apollo/gateway and to every kit variant;
// a difference not listed in harness/intendedDifferences.ts fails, showing both answers.
describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('scenario %s', (name, scenario) => {
  let run: ConformanceRun;
  let executorFor: ReturnType<typeof executorOf>;
  const used: Record<ExecutorUsed, number> = { bff: 0, apollo: 0, none: 0 };
  beforeAll(async () => {
    run = await startScenario(scenario);
    executorFor = executorOf(run.supergraphSdl);
    executorsUsed.set(name, used);
  });
  afterAll(async () => {
    await run?.close();
  });

  it.each(scenario.operations.map((operation) => [operation.name, operation] as const))(
    '%s: the kit answers as stock does',
    async (_operationName, operation) => {
      used[executorFor(operation)] += 1;
      expect(await run.compare(operation)).toEqual([]);
    },
  );
});

describe('the kit executors the fixtures ran on', () => {
  it('covers both its own executor and @apollo/gateway’s', () => {
    const rows = [...executorsUsed].map(
      ([name, used]) =>
        `${name.padEnd(18)} kit executor ${String(used.bff).padStart(3)}  ` +
        `@apollo/gateway ${String(used.apollo).padStart(3)}  refused ${String(used.none).padStart(3)}`,
    );
    console.log(`Operations per executor (PLAN_EXECUTOR=bff variants):\n${rows.join('\n')}`);
    const total = (executor: ExecutorUsed) =>
      [...executorsUsed.values()].reduce((sum, used) => sum + used[executor], 0);
    expect(total('bff')).toBeGreaterThan(100);
    expect(total('apollo')).toBeGreaterThan(10);
  });
});
