import { describe, expect, it } from 'vitest';
import { createMemoryWindows } from './createMemoryWindows.js';

describe('createMemoryWindows', () => {
  it("opens a key's window at its first charge and counts past the points within it, each key on its own", () => {
    let now = 1_000;
    const charge = createMemoryWindows(2, 60, () => now);
    expect(charge('user:1', 1)).toEqual({ consumedPoints: 1, remainingPoints: 1, msBeforeNext: 60_000 });
    now += 15_000;
    expect(charge('user:1', 1)).toEqual({ consumedPoints: 2, remainingPoints: 0, msBeforeNext: 45_000 });
    expect(charge('user:1', 3)).toEqual({ consumedPoints: 5, remainingPoints: 0, msBeforeNext: 45_000 });
    expect(charge('user:2', 1)).toEqual({ consumedPoints: 1, remainingPoints: 1, msBeforeNext: 60_000 });
  });

  it('starts a key afresh once its window has ended, also after the sweep of ended windows', () => {
    let now = 0;
    const charge = createMemoryWindows(10, 1, () => now);
    charge('a', 4);
    now = 999;
    expect(charge('a', 1)).toEqual({ consumedPoints: 5, remainingPoints: 5, msBeforeNext: 1 });
    now = 1_000;
    expect(charge('a', 1)).toEqual({ consumedPoints: 1, remainingPoints: 9, msBeforeNext: 1_000 });
    charge('b', 7);
    now = 5_000; // past the sweep: both windows ended and are dropped
    expect(charge('b', 2)).toEqual({ consumedPoints: 2, remainingPoints: 8, msBeforeNext: 1_000 });
    expect(charge('a', 1)).toEqual({ consumedPoints: 1, remainingPoints: 9, msBeforeNext: 1_000 });
  });
});
