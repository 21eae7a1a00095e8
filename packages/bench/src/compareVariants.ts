import { measureThroughput, type LoadOptions } from './measureThroughput.js';

/** A baseline and a variant of the same workload, measured in the same run. */
export interface Comparison {
  readonly name: string;
  readonly baseline: { readonly label: string; readonly load: () => LoadOptions };
  readonly variant: { readonly label: string; readonly load: () => LoadOptions };
  /** The variant/baseline throughput ratio the project promises, e.g. 0.85. */
  readonly target: { readonly atLeast: number; readonly says: string };
}

/** The outcome of a comparison: medians of alternating rounds, and their ratio. */
export interface ComparisonResult {
  readonly name: string;
  readonly baselineRps: number;
  readonly variantRps: number;
  readonly ratio: number;
  readonly met: boolean;
  readonly target: Comparison['target'];
  readonly labels: readonly [string, string];
}

const warmUpSeconds = 6;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Runs baseline and variant in alternating rounds (B V B V …) after a warm-up of each (6 s), so drift
 * on a noisy machine falls on both; reports the ratio of their medians.
 */
export async function compareVariants(comparison: Comparison, rounds = 3): Promise<ComparisonResult> {
  // Long enough for V8 to optimize both sides (a freshly started BFF keeps getting faster for
  // several seconds): the side with more code to optimize, the rules, is otherwise measured colder.
  await measureThroughput({ ...comparison.baseline.load(), durationSeconds: warmUpSeconds });
  await measureThroughput({ ...comparison.variant.load(), durationSeconds: warmUpSeconds });
  const baseline: number[] = [];
  const variant: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    baseline.push(await measureThroughput(comparison.baseline.load()));
    variant.push(await measureThroughput(comparison.variant.load()));
  }
  const baselineRps = median(baseline);
  const variantRps = median(variant);
  const ratio = variantRps / baselineRps;
  return {
    name: comparison.name,
    baselineRps,
    variantRps,
    ratio,
    met: ratio >= comparison.target.atLeast,
    target: comparison.target,
    labels: [comparison.baseline.label, comparison.variant.label],
  };
}

/** Prints results as a table a reviewer can paste into an issue note. */
export function formatResults(results: readonly ComparisonResult[]): string {
  const lines = results.map(
    (result) =>
      `${result.name}\n` +
      `  ${result.labels[0]}: ${result.baselineRps.toFixed(0)} req/s\n` +
      `  ${result.labels[1]}: ${result.variantRps.toFixed(0)} req/s\n` +
      `  ratio ${result.ratio.toFixed(3)} (target: ${result.target.says}) ${result.met ? 'MET' : 'MISSED'}`,
  );
  return lines.join('\n');
}
