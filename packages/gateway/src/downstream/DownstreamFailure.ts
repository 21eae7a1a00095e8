/** Statuses after which the same idempotent call may succeed. */
const retryableStatuses = new Set([429, 502, 503, 504]);

/**
 * What an attempt throws when the service failed it (connection, 5xx, 429, unreadable body):
 * counted by the breaker, and retried when `retryable` and the call is idempotent.
 */
export class DownstreamFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** From Retry-After, when the service said when to come back. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DownstreamFailure';
  }

  /** The failure a non-2xx status means, honouring Retry-After (seconds or an HTTP date). */
  static fromStatus(status: number, retryAfter: string | null): DownstreamFailure {
    return new DownstreamFailure(`HTTP ${status}`, retryableStatuses.has(status), parseRetryAfter(retryAfter));
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
