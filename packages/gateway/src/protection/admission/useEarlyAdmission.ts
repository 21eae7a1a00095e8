import type { FastifyInstance } from 'fastify';
import { clientNameOf } from '../../core/Viewer.js';
import type { AdmissionController, AdmissionTicket } from './createAdmissionController.js';
import type { PriorityClassifier } from './classifyPriority.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The slot this request got (or waits for) before GraphQL ran; given back when the response is sent. */
    admissionTicket?: AdmissionTicket;
  }
}

/**
 * A header a client may name its operation in (Apollo Router's CSRF header): such a request is
 * sorted as soon as its headers arrive, before its body is read or its token checked.
 */
export const operationNameHeader = 'x-apollo-operation-name';

// The first named operation of a document: its name decides the class before the document is parsed.
const firstOperationName = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/** The operation name a request body claims: `operationName`, else the first one its text names. */
export function claimedOperationName(body: Record<string, unknown>): string | undefined {
  if (typeof body['operationName'] === 'string') return body['operationName'];
  return typeof body['query'] === 'string' ? firstOperationName.exec(body['query'])?.[1] : undefined;
}

/**
 * Admits each single-operation GraphQL request by priority as soon as its body is read, before
 * Apollo Server parses, validates or plans anything: under overload a shed request costs a
 * JSON parse and a token check, not a trip through the GraphQL pipeline, and a critical one
 * takes its place in the queue at once. The class comes from the operation name the body claims;
 * the operation plugin checks it against the operation as resolved and re-queues a request
 * whose claim was wrong (see useOperationProtection). Batches are admitted operation by operation there.
 */
export function useEarlyAdmission(
  http: FastifyInstance,
  graphqlPath: string,
  admission: AdmissionController,
  classify: PriorityClassifier,
  bffName: string,
): void {
  // An onRequest hook, so before authentication's (preParsing): a request shed here costs no body parse and no token
  // check.
  // Its client app is not known yet, so only its operation name classes it.
  // Callback-style hooks: a request that is not queued goes on without a promise and a microtask turn.
  const waitFor = (ticket: AdmissionTicket, done: (error?: Error) => void) => {
    if (ticket.admittedAtOnce) done();
    else ticket.admitted.then(() => done(), done);
  };
  http.addHook('onRequest', (request, _reply, done) => {
    const named = request.headers[operationNameHeader];
    if (
      request.method !== 'POST' ||
      request.routeOptions.url !== graphqlPath ||
      typeof named !== 'string' ||
      named === ''
    ) {
      done();
      return;
    }
    const ticket = admission.admit(classify(named, bffName));
    request.admissionTicket = ticket;
    waitFor(ticket, done);
  });
  http.addHook('preHandler', (request, _reply, done) => {
    const body = request.body;
    if (
      request.admissionTicket ||
      request.method !== 'POST' ||
      request.routeOptions.url !== graphqlPath ||
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body)
    ) {
      done();
      return;
    }
    const ticket = admission.admit(
      classify(claimedOperationName(body as Record<string, unknown>), clientNameOf(request.viewer, bffName)),
    );
    request.admissionTicket = ticket;
    waitFor(ticket, done);
  });
  http.addHook('onResponse', (request, _reply, done) => {
    request.admissionTicket?.release();
    done();
  });
  http.addHook('onRequestAbort', (request, done) => {
    request.admissionTicket?.release();
    done();
  });
}
