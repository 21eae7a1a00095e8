import type { SubscriptionSink } from './SubscriptionSink.js';
import type { Viewer } from './Viewer.js';
import type { RequestObservation } from './RequestObservation.js';
import type { AdmissionTicket } from './AdmissionTicket.js';

/** The per-request context every stage and every in-process subgraph resolver receives. */
export interface BffContext {
  /** Kept from the client's `x-request-id` when well-formed, otherwise made; echoed on the response. */
  readonly requestId: string;
  /** The BFF serving this request, e.g. 'web'. */
  readonly bffName: string;
  /** Who is asking: anonymous, or the verified token's subject. */
  readonly viewer: Viewer;
  /** The address the request came from (fastify's `request.ip`): anonymous requests are rate-limited by it. */
  readonly clientIp?: string;
  /** Epoch ms by which every downstream call of this request must be done. */
  readonly deadline: number;
  /** The client takes an @defer answer in parts (http/acceptsIncrementalDelivery.ts). @default false */
  readonly incremental?: boolean;
  /** Where a subscription's events go, when the request's transport can carry them. @default none */
  readonly subscription?: SubscriptionSink;
  /** The admission slot the request got before GraphQL ran, if it did (released when the response is sent). */
  readonly admissionTicket?: AdmissionTicket;
  /**
   * Filled during execution (operation name, outcome) for the request's log line and metrics.
   * @default none outside an HTTP request
   */
  readonly observation?: RequestObservation;
}
