/**
 * What GraphQL execution learnt of a request, for its log line and metrics; on the request context as `observation`.
 */
export interface RequestObservation {
  /** The operation's name, once known. */
  operationName?: string;
  /** `ok`, or the code of the response's first error. */
  outcome?: string;
  /** When the request arrived (performance.now()), for the time to an incremental answer's first part. */
  startedAt?: number;
  /** An incremental (@defer) answer: the parts sent, and ms from arrival to the first. @default none: one answer */
  incremental?: { parts: number; firstPartMs: number };
}
