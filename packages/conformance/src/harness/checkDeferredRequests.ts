import fc from 'fast-check';
import { postGraphQL, postIncremental, type GraphQLHttpResponse, type IncrementalResponse } from '@bff/testing';
import type { GraphQLSchema } from 'graphql';
import { activeDefersOf } from './activeDefersOf.js';
import type { ConformanceRequest } from './ConformanceRequest.js';
import { incrementalProblems } from './incrementalProblems.js';

/** One operation sent twice: with `@defer` (answered in parts) and without (answered whole), both to one kit. */
export interface DeferredCase {
  readonly deferred: ConformanceRequest;
  readonly plain: ConformanceRequest;
}

/** What a kit answered to a case, and what is wrong with it (incrementalProblems). */
export interface DeferredOutcome {
  readonly deferred: IncrementalResponse;
  readonly plain: GraphQLHttpResponse;
  readonly problems: readonly string[];
}

/** The kit endpoint a case is sent to, and the API schema its operations are read against. */
export interface DeferTarget {
  readonly url: string;
  readonly apiSchema: GraphQLSchema;
}

/** Where a generated @defer check runs, for its failure report and replay command. */
export interface DeferredCheck {
  /** What the requests were generated over: a scenario's name. */
  readonly label: string;
  /** The test file, relative to the repository, that the replay command runs. */
  readonly testFile: string;
  readonly parameters: fc.Parameters<[DeferredCase]>;
}

function bodyOf(request: ConformanceRequest): object {
  return {
    query: request.query,
    ...(request.variables && { variables: request.variables }),
    ...(request.operationName !== undefined && { operationName: request.operationName }),
  };
}

/**
 * Sends the deferred document answered whole (no multipart Accept), then in parts, and judges the parts against the
 * whole answer: the same plan, so what differs is the incremental delivery's doing. The planner may plan a deferred
 * document otherwise than the plain one (a @shareable or @provides field fetched from another subgraph): that is
 * the planner's choice, listed in intendedDifferences.ts, not compared here.
 */
export async function answerDeferredCase(target: DeferTarget, testCase: DeferredCase): Promise<DeferredOutcome> {
  const plain = await postGraphQL(target.url, bodyOf(testCase.deferred));
  const deferred = await postIncremental(target.url, bodyOf(testCase.deferred));
  const data = (plain.body as { data?: unknown } | undefined)?.data;
  const actives = activeDefersOf(target.apiSchema, testCase.deferred, data);
  return { deferred, plain, problems: incrementalProblems(actives, deferred, plain) };
}

/** The case as sent, both answers, and what is wrong: enough to see a failure without running it again. */
export function deferredCaseReport(testCase: DeferredCase, outcome: DeferredOutcome | undefined): string {
  const { deferred } = testCase;
  const lines = [
    deferred.query,
    `variables: ${JSON.stringify(deferred.variables ?? null)}`,
    `operationName: ${JSON.stringify(deferred.operationName ?? null)}`,
  ];
  if (!outcome) return lines.join('\n');
  lines.push('', ...outcome.problems.map((problem) => `- ${problem}`), '');
  lines.push(`answered whole: ${outcome.plain.status} ${JSON.stringify(outcome.plain.body)}`);
  lines.push(`with @defer: ${outcome.deferred.status} ${outcome.deferred.contentType}`);
  for (const part of outcome.deferred.parts) lines.push(`  ${JSON.stringify(part.body)}`);
  return lines.join('\n');
}

/**
 * Sends every generated case of `cases` to the kit at `target`; throws, with a report that shows the shrunk case, both
 * answers and the command that replays it, when the parts do not add up to the answer without `@defer`.
 */
export async function checkDeferredRequests(
  target: DeferTarget,
  cases: fc.Arbitrary<DeferredCase>,
  check: DeferredCheck,
): Promise<void> {
  // The outcome of each failing case by its text: fast-check hands the property clones.
  const outcomes = new Map<string, DeferredOutcome>();
  const details = await fc.check(
    fc.asyncProperty(cases, async (testCase) => {
      const outcome = await answerDeferredCase(target, testCase);
      if (outcome.problems.length > 0) outcomes.set(JSON.stringify(testCase), outcome);
      return outcome.problems.length === 0;
    }),
    check.parameters,
  );
  if (!details.failed) return;
  const [testCase] = details.counterexample ?? [];
  const { seed, counterexamplePath } = details;
  const header = [
    `A generated query with @defer over ${check.label} is answered in parts that do not add up to its answer ` +
      `without @defer (seed ${seed}, path ${String(counterexamplePath)}, failed at run ${details.numRuns}, ` +
      `shrunk ${details.numShrinks} times).`,
    `Replay: CONFORMANCE_SEED=${seed} CONFORMANCE_PATH=${counterexamplePath ?? ''} ` +
      `npx vitest run ${check.testFile} -t '${check.label}'`,
    '',
  ];
  const outcome = testCase && outcomes.get(JSON.stringify(testCase));
  const report = testCase ? deferredCaseReport(testCase, outcome) : '(no case)';
  const error = outcome ? '' : `\n\nerror: ${String(details.errorInstance)}`;
  throw new Error(`${header.join('\n')}${report}${error}`);
}
