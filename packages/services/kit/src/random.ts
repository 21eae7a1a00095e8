/**
 * A small seeded pseudo-random number generator. Every seed module draws from one of these, so
 * the same seed always yields the same data, on every machine and every run.
 */
export interface Random {
  /** The next float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy of the array (Fisher–Yates); the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * Creates a mulberry32 generator: 32 bits of state, good enough spread for seed data, and
 * reproducible across platforms because it only uses 32-bit integer arithmetic.
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) {
    throw new TypeError(`createRandom: seed must be an integer, but got: ${seed}`);
  }
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) {
      throw new RangeError(`int: min and max must be integers with min <= max, but got: ${min}, ${max}`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) {
      throw new RangeError('pick: items must not be empty, but got: []');
    }
    return items[int(0, items.length - 1)] as T;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };

  return { next, int, pick, shuffle };
}
