import fc from 'fast-check';
import { getOperationAST, getVariableValues, OperationTypeNode, parse, print, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argumentValuesFrom } from './generator/argumentValuesFrom.js';
import { arbitraryOperation } from './generator/arbitraryOperation.js';
import { choicesFromGenerator } from './generator/Choices.js';
import { propertyParameters } from './generator/propertyParameters.js';
import { withEachSelectionDeferred } from './generator/withEachSelectionDeferred.js';
import { withRandomDefers } from './generator/withRandomDefers.js';
import {
  answerDeferredCase,
  checkDeferredRequests,
  deferredCaseReport,
  type DeferredCase,
  type DeferTarget,
} from './harness/checkDeferredRequests.js';
import type { ConformanceRun } from './harness/conformanceRun.js';
import type { ScenarioOperation } from './harness/Scenario.js';
import { startScenario } from './harness/startScenario.js';
import { scenarios } from './scenarios/index.js';

// Stock @apollo/gateway cannot run @defer ("Unknown directive"), so the oracle for it is the kit itself: an operation
// with @defer, answered in parts (multipart/mixed; deferSpec=20220824), must add up to the kit's answer to the same
// operation without @defer, which generated.test.ts and scenarios.test.ts hold to stock's. The kit answers in parts
// whenever the plan has a deferred fragment and the initial data is not null, even when no object is there for a part
// (then the last part is just `{"hasNext":false}`); incrementalProblems.ts requires parts only where one is due.
const parameters = propertyParameters<[DeferredCase]>({ seed: 2_602_026, numRuns: 20 });
const testFile = 'packages/conformance/src/deferred.test.ts';
/** As generated.test.ts: documents the planner plans fast. */
const maxFields = 20;
/** Each shrink sends two requests: enough to make a failure readable, bounded in time. */
const maxShrinks = 100;
/** Failing fixture cases shown in full (the rest counted): enough to see each cause without a wall of text. */
const maxFixtureReports = 5;
/** The kit as a client meets it by default (its own executor, no rules): startKitVariants' `bff`. */
const defaultKit = 'bff';

/** The fixture's queries that validate and whose variables coerce (others check refusals; mutations change state). */
function fixtureQueries(run: ConformanceRun, operations: readonly ScenarioOperation[]): ScenarioOperation[] {
  return operations.filter((operation) => {
    const document = parse(operation.query);
    const chosen = getOperationAST(document, operation.operationName);
    if (chosen?.operation !== OperationTypeNode.QUERY || validate(run.apiSchema, document).length > 0) return false;
    return !getVariableValues(run.apiSchema, chosen.variableDefinitions ?? [], operation.variables ?? {}).errors;
  });
}

describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('scenario %s', (name, scenario) => {
  let run: ConformanceRun;
  let target: DeferTarget;
  beforeAll(async () => {
    run = await startScenario(scenario);
    const kit = run.endpoints.find((endpoint) => endpoint.name === defaultKit);
    if (!kit) throw new Error(`startScenario started no ${defaultKit} variant`);
    target = { url: kit.url, apiSchema: run.apiSchema };
  });
  afterAll(async () => {
    await run?.close();
  });

  it('answers generated queries with random @defer in parts that add up to the answer without', async () => {
    const argumentValues = argumentValuesFrom(run.apiSchema, scenario.operations);
    const cases = fc
      .tuple(arbitraryOperation(run.apiSchema, { argumentValues, maxFields }), fc.gen())
      .map(([plain, generate]): DeferredCase => {
        const deferred = withRandomDefers(parse(plain.query), choicesFromGenerator(generate));
        return { plain, deferred: { ...plain, query: print(deferred) } };
      });
    await checkDeferredRequests(target, fc.limitShrink(cases, maxShrinks), { label: name, testFile, parameters });
  });

  it("answers the fixture's queries with each selection set deferred in parts that add up to the answer without", async () => {
    const failures: { readonly query: string; readonly report: string }[] = [];
    let sent = 0;
    for (const operation of fixtureQueries(run, scenario.operations)) {
      const { name: _, ...plain } = operation;
      for (const document of withEachSelectionDeferred(parse(plain.query), plain.operationName)) {
        const testCase: DeferredCase = { plain, deferred: { ...plain, query: print(document) } };
        const outcome = await answerDeferredCase(target, testCase);
        sent += 1;
        if (outcome.problems.length > 0)
          failures.push({
            query: testCase.deferred.query,
            report: `${operation.name}:\n${deferredCaseReport(testCase, outcome)}`,
          });
      }
    }
    // The shortest documents first: the likeliest to show one cause alone.
    const shown = failures.sort((a, b) => a.query.length - b.query.length).slice(0, maxFixtureReports);
    const summary = `${failures.length} of ${sent} fixture queries with @defer do not add up to the answer without`;
    expect(failures.length === 0 ? '' : [summary, ...shown.map((failure) => failure.report)].join('\n\n')).toBe('');
  });
});
