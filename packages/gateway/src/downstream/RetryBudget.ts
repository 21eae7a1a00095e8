/**
 * A token bucket that bounds retries to a fraction of calls: each first attempt adds `ratio` of
 * a token, each retry spends one. So when a service fails everything, retries add at most
 * `ratio` more load instead of multiplying it (the "retry storm" a plain retry count allows).
 */
export class RetryBudget {
  #tokens: number;

  /**
   * @param ratio retries allowed per first attempt, e.g. 0.1
   * @param burst the most tokens saved up, which is also the start: a quiet service may retry
   *   a few calls at once.
   */
  constructor(
    readonly ratio: number,
    readonly burst = 10,
  ) {
    this.#tokens = burst;
  }

  /** Counts a first attempt. */
  deposit(): void {
    this.#tokens = Math.min(this.burst, this.#tokens + this.ratio);
  }

  /** Takes a token for a retry; false when the budget is spent. */
  trySpend(): boolean {
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
