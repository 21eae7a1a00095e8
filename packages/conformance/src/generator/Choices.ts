import fc from 'fast-check';

/**
 * The random decisions a document writer makes. Every decision shrinks toward its simplest outcome
 * (the lower bound, `false`, the first item), so a failing document shrinks to a smaller one.
 */
export interface Choices {
  /** An integer in [min, max]; shrinks toward `min`. */
  integer(min: number, max: number): number;
  /** True about `percent` times in a hundred; shrinks toward `false` (the optional thing left out). */
  chance(percent: number): boolean;
  /** One of `items` (not empty); shrinks toward the first. */
  pick<T>(items: readonly T[]): T;
  /** One of the values, each as likely as its weight; zero weights never chosen; shrinks toward the first. */
  weighted<T>(options: readonly (readonly [weight: number, value: T])[]): T;
}

/**
 * Unbiased, so that `chance(25)` means one in four: fast-check's default bias favours the bounds.
 * One function for every draw, so fast-check's generator cache keeps one arbitrary per range.
 */
const uniformInteger = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));

/** Choices drawn from a fast-check generator value, so the seed and path of a run replay them. */
export function choicesFromGenerator(generate: fc.GeneratorValue): Choices {
  const integer = (min: number, max: number) => (min >= max ? min : generate(uniformInteger, min, max));
  return {
    integer,
    chance: (percent) => percent > 0 && integer(0, 99) >= 100 - percent,
    pick(items) {
      if (items.length === 0) throw new RangeError('pick needs at least one item, but got none');
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in bounds of a non-empty list
      return items[integer(0, items.length - 1)]!;
    },
    weighted(options) {
      const possible = options.filter(([weight]) => weight > 0);
      const total = possible.reduce((sum, [weight]) => sum + weight, 0);
      if (total === 0) throw new RangeError('weighted needs a positive weight, but got none');
      let drawn = integer(0, total - 1);
      for (const [weight, value] of possible) {
        if (drawn < weight) return value;
        drawn -= weight;
      }
      throw new Error('unreachable: the draw is below the total weight');
    },
  };
}
