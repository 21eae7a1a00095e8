/** A key's count after a charge, in the terms of rate-limiter-flexible's RateLimiterRes. */
export interface WindowCount {
  readonly consumedPoints: number;
  readonly remainingPoints: number;
  readonly msBeforeNext: number;
}

/**
 * Fixed windows per key in this process's memory, counted as rate-limiter-flexible's
 * RateLimiterMemory counts them (a key's window opens with its first charge and lasts
 * `durationSeconds`; the count may pass `points`, which is what makes a charge refused), but
 * answered at once. RateLimiterMemory answers with a promise and keeps a timer per key: a
 * microtask turn and more on every request, for a lookup. Ended windows are swept once per
 * window length, so memory holds the keys of about two windows at most.
 */
export function createMemoryWindows(
  points: number,
  durationSeconds: number,
  now: () => number = Date.now,
): (key: string, units: number) => WindowCount {
  const durationMs = durationSeconds * 1000;
  const windows = new Map<string, { consumed: number; readonly endsAt: number }>();
  let sweepAt = now() + durationMs;
  return (key, units) => {
    const at = now();
    if (at >= sweepAt) {
      for (const [swept, window] of windows) if (window.endsAt <= at) windows.delete(swept);
      sweepAt = at + durationMs;
    }
    let window = windows.get(key);
    if (window === undefined || window.endsAt <= at)
      windows.set(key, (window = { consumed: 0, endsAt: at + durationMs }));
    window.consumed += units;
    return {
      consumedPoints: window.consumed,
      remainingPoints: Math.max(points - window.consumed, 0),
      msBeforeNext: window.endsAt - at,
    };
  };
}
