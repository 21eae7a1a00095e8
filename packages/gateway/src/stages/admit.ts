import { clientNameOf } from '../core/Viewer.js';
import type { AdmissionTicket, PriorityClass } from '../core/AdmissionTicket.js';
import type { PriorityClassifier } from '../protection/admission/classifyPriority.js';
import type { AdmissionController } from '../protection/admission/createAdmissionController.js';
import { useEarlyAdmission } from '../protection/admission/useEarlyAdmission.js';
import type { Stage } from './Stage.js';

/** Options of the admit stage. */
export interface AdmitOptions {
  readonly controller: AdmissionController;
  readonly classify: PriorityClassifier;
  readonly bffName: string;
  /**
   * Admit at the HTTP layer by the claimed name too (pointless when the controller admits everything).
   * @default true
   */
  readonly early?: boolean;
  /** @default '/graphql' */
  readonly graphqlPath?: string;
}

/**
 * admit: each operation runs when its priority class gets a slot; under overload it waits in
 * its class's queue or is shed, least important first (503 OVERLOADED with Retry-After). A
 * request is admitted early, by the operation name it claims (header or body), before Apollo
 * Server parses anything, so a shed request costs little; once the operation is resolved, a
 * wrong claim gives its slot back and queues again under the right class. The slot is given back
 * when the response is sent. See docs/admission.md.
 */
export function admit(options: AdmitOptions): Stage {
  const { controller, classify, bffName } = options;
  return {
    name: 'admit',
    ...(options.early !== false && {
      http: (http) => useEarlyAdmission(http, options.graphqlPath ?? '/graphql', controller, classify, bffName),
    }),
    operation: {
      start() {
        let ticket: AdmissionTicket | undefined;
        return {
          didResolveOperation({ request }) {
            const { contextValue, operationName } = request;
            const priority: PriorityClass = classify(operationName, clientNameOf(contextValue.viewer, bffName));
            // Admitted at the HTTP layer by the name the body claimed: kept when the claim was right.
            const early = contextValue.admissionTicket;
            if (early?.priority === priority) return undefined;
            early?.release();
            ticket = controller.admit(priority);
            return ticket.admittedAtOnce ? undefined : ticket.admitted;
          },
          willSendResponse(contextValue, response) {
            const release = () => {
              ticket?.release();
              // The early slot too, before the response is written (onResponse only catches what never got here).
              contextValue.admissionTicket?.release();
            };
            // An answer in parts (@defer) holds its slot until its last part: its later fetches are its work too.
            if (response.body.kind === 'incremental')
              response.body.subsequentResults = releasedAfter(response.body.subsequentResults, release);
            else release();
          },
        };
      },
    },
  };
}

/** `parts`, then `release` once they end (the last sent, the client gone, or a failure). */
async function* releasedAfter<T>(parts: AsyncIterable<T>, release: () => void): AsyncGenerator<T> {
  try {
    yield* parts;
  } finally {
    release();
  }
}
