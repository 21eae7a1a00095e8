import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceRun } from './harness/conformanceRun.js';
import { startScenario } from './harness/startScenario.js';
import { scenarios } from './scenarios/index.js';

// Each operation of each fixture goes to stock Apollo Server + @apollo/gateway and to every kit variant;
// a difference not listed in harness/intendedDifferences.ts fails, showing both answers.
describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('scenario %s', (_name, scenario) => {
  let run: ConformanceRun;
  beforeAll(async () => {
    run = await startScenario(scenario);
  });
  afterAll(async () => {
    await run?.close();
  });

  it.each(scenario.operations.map((operation) => [operation.name, operation] as const))('%s: the kit answers as stock does', async (_operationName, operation) => {
    expect(await run.compare(operation)).toEqual([]);
  });
});
