import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { GeneratedRequest } from '../generator/GeneratedRequest.js';
import type { ConformanceRun, Difference } from './conformanceRun.js';

/** Where a generated check runs, for its failure report and replay command. */
export interface GeneratedCheck {
  /** What the requests were generated over: a scenario's name, or `web` / `mobile`. */
  readonly label: string;
  /** The test file, relative to the repository, that the replay command runs. */
  readonly testFile: string;
  readonly parameters: fc.Parameters<[GeneratedRequest]>;
}

/**
 * Everything needed to see and replay a failure: the request as sent, and both answers of each
 * variant that differs.
 */
function failureReport(
  check: GeneratedCheck,
  details: fc.RunDetails<[GeneratedRequest]>,
  differences: readonly Difference[] | undefined,
): string {
  const [request] = details.counterexample ?? [];
  const { seed, counterexamplePath } = details;
  const lines = [
    `A generated query over ${check.label} is answered otherwise by the kit than by its oracle ` +
      `(seed ${seed}, path ${String(counterexamplePath)}, failed at run ${details.numRuns}, ` +
      `shrunk ${details.numShrinks} times).`,
    `Replay: CONFORMANCE_SEED=${seed} CONFORMANCE_PATH=${counterexamplePath ?? ''} ` +
      `npx vitest run ${check.testFile} -t '${check.label}'`,
    '',
    request?.query ?? '(no request)',
    `variables: ${JSON.stringify(request?.variables ?? null)}`,
    `operationName: ${JSON.stringify(request?.operationName ?? null)}`,
  ];
  for (const difference of differences ?? []) {
    lines.push('', `${difference.variant} differs from ${difference.oracle}:`);
    lines.push(`  ${difference.oracle}: ${JSON.stringify(difference.expected)}`);
    lines.push(`  ${difference.variant}: ${JSON.stringify(difference.actual)}`);
    if (isDeepStrictEqual(difference.expected, difference.actual) && difference.keyOrder)
      lines.push('  (the same but for the order of keys)');
  }
  if (differences === undefined) lines.push('', `error: ${String(details.errorInstance)}`);
  return lines.join('\n');
}

/**
 * Sends every generated request of `requests` to every gateway of `run`; throws, with a report
 * that shows the shrunk request, each differing answer and the command that replays it, when one
 * is answered otherwise than its oracle does.
 */
export async function checkGeneratedRequests(
  run: ConformanceRun,
  requests: fc.Arbitrary<GeneratedRequest>,
  check: GeneratedCheck,
): Promise<void> {
  // The differences of each failing request by its text: fast-check hands the property clones.
  const differencesOf = new Map<string, Difference[]>();
  const details = await fc.check(
    fc.asyncProperty(requests, async (request) => {
      const differences = await run.compare(request);
      if (differences.length > 0) differencesOf.set(JSON.stringify(request), differences);
      return differences.length === 0;
    }),
    check.parameters,
  );
  if (details.failed) {
    const [request] = details.counterexample ?? [];
    throw new Error(failureReport(check, details, request && differencesOf.get(JSON.stringify(request))));
  }
}
