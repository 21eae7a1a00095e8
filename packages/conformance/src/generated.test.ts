import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { argumentValuesFrom } from './generator/argumentValuesFrom.js';
import { arbitraryOperation } from './generator/arbitraryOperation.js';
import type { GeneratedRequest } from './generator/GeneratedRequest.js';
import { propertyParameters } from './generator/propertyParameters.js';
import type { ConformanceRun, Difference } from './harness/conformanceRun.js';
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

/** Everything needed to see and replay a failure: the request as sent, and both answers of each variant that differs. */
function failureReport(scenario: string, details: fc.RunDetails<[GeneratedRequest]>, differences: readonly Difference[] | undefined): string {
  const [request] = details.counterexample ?? [];
  const lines = [
    `A generated query of scenario ${scenario} is answered otherwise by the kit than by stock (seed ${details.seed}, path ${details.counterexamplePath}, failed at run ${details.numRuns}, shrunk ${details.numShrinks} times).`,
    `Replay: CONFORMANCE_SEED=${details.seed} CONFORMANCE_PATH=${details.counterexamplePath ?? ''} npx vitest run ${testFile} -t '${scenario}'`,
    '',
    request?.query ?? '(no request)',
    `variables: ${JSON.stringify(request?.variables ?? null)}`,
    `operationName: ${JSON.stringify(request?.operationName ?? null)}`,
  ];
  for (const difference of differences ?? []) {
    lines.push('', `${difference.variant} differs from ${difference.oracle}:`);
    lines.push(`  ${difference.oracle}: ${JSON.stringify(difference.expected)}`);
    lines.push(`  ${difference.variant}: ${JSON.stringify(difference.actual)}`);
    if (isDeepStrictEqual(difference.expected, difference.actual) && difference.keyOrder) lines.push('  (the same but for the order of keys)');
  }
  if (differences === undefined) lines.push('', `error: ${String(details.errorInstance)}`);
  return lines.join('\n');
}

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
    // The differences of each failing request by its text: fast-check hands the property clones.
    const differencesOf = new Map<string, Difference[]>();
    const details = await fc.check(
      fc.asyncProperty(requests, async (request) => {
        const differences = await run.compare(request);
        if (differences.length > 0) differencesOf.set(JSON.stringify(request), differences);
        return differences.length === 0;
      }),
      parameters,
    );
    if (details.failed) {
      const [request] = details.counterexample ?? [];
      throw new Error(failureReport(name, details, request && differencesOf.get(JSON.stringify(request))));
    }
  });
});
