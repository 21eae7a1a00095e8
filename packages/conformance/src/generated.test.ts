import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { argumentValuesFrom } from './generator/argumentValuesFrom.js';
import { arbitraryOperation } from './generator/arbitraryOperation.js';
import type { GeneratedRequest } from './generator/GeneratedRequest.js';
import { propertyParameters } from './generator/propertyParameters.js';
import { checkGeneratedRequests } from './harness/checkGeneratedRequests.js';
import type { ConformanceRun } from './harness/conformanceRun.js';
import { startScenario } from './harness/startScenario.js';
import { scenarios } from './scenarios/index.js';

// Random valid queries over each fixture, written by arbitraryOperation with the argument values
// the fixture's own operations use (so they reach its data), each sent to stock and to every kit
// variant: any difference not listed in harness/intendedDifferences.ts fails, shrunk to a smaller
// document, with the command that replays it. 30 queries per scenario: a few hundred per run.
const parameters = propertyParameters<[GeneratedRequest]>({ seed: 2_302_023, numRuns: 30 });
const testFile = 'packages/conformance/src/generated.test.ts';
/** Documents small enough that planning them stays fast (documents over interfaces cost the planner most). */
const maxFields = 20;
/** Each shrink sends the request to every gateway again: enough to make a failure readable, bounded in time. */
const maxShrinks = 150;

describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('scenario %s', (name, scenario) => {
  let run: ConformanceRun;
  beforeAll(async () => {
    run = await startScenario(scenario);
  });
  afterAll(async () => {
    await run?.close();
  });

  it('answers generated queries as stock does', { timeout: 180_000 }, async () => {
    const argumentValues = argumentValuesFrom(run.apiSchema, scenario.operations);
    const requests = fc.limitShrink(arbitraryOperation(run.apiSchema, { argumentValues, maxFields }), maxShrinks);
    await checkGeneratedRequests(run, requests, { label: name, testFile, parameters });
  });
});
