/**
 * What GraphQL execution learnt of a request, for its log line and metrics; on the request context as `observation`.
 */
export interface RequestObservation {
  /** The operation's name, once known. */
  operationName?: string;
  /** `ok`, or the code of the response's first error. */
  outcome?: string;
}
