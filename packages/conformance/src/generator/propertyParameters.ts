import type fc from 'fast-check';

/** How a property-based test of the conformance suite runs by default. */
export interface PropertyDefaults {
  /** The seed CI runs with, so every run checks the same cases. */
  readonly seed: number;
  readonly numRuns: number;
}

/**
 * fast-check parameters of a property test: `defaults`, unless the environment replays a failure
 * (`CONFORMANCE_SEED`, `CONFORMANCE_PATH`, both printed by fast-check when a property fails) or
 * asks for more runs (`CONFORMANCE_RUNS`).
 */
export function propertyParameters<T = unknown>(
  defaults: PropertyDefaults,
  env: NodeJS.ProcessEnv = process.env,
): fc.Parameters<T> {
  const seed = env['CONFORMANCE_SEED'] === undefined ? defaults.seed : Number(env['CONFORMANCE_SEED']);
  const numRuns = env['CONFORMANCE_RUNS'] === undefined ? defaults.numRuns : Number(env['CONFORMANCE_RUNS']);
  if (!Number.isInteger(seed))
    throw new RangeError(`CONFORMANCE_SEED must be an integer, but got: ${String(env['CONFORMANCE_SEED'])}`);
  if (!Number.isInteger(numRuns) || numRuns < 1)
    throw new RangeError(`CONFORMANCE_RUNS must be a positive integer, but got: ${String(env['CONFORMANCE_RUNS'])}`);
  const path = env['CONFORMANCE_PATH'];
  return { seed, numRuns, ...(path !== undefined && path !== '' && { path }) };
}
