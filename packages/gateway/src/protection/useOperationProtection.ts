import type { ApolloServerPlugin } from '@apollo/server';
import { clientNameOf } from '../auth/Viewer.js';
import type { OperationLimits } from '../config/readProtectionConfig.js';
import type { BffContext } from '../server/BffContext.js';
import type { AdmissionController, AdmissionTicket } from './admission/createAdmissionController.js';
import type { PriorityClass } from '../config/readProtectionConfig.js';
import type { PriorityClassifier } from './admission/classifyPriority.js';
import { guardMeasures } from './limits/guardOperation.js';
import { measureOperationOnce } from './limits/measureOperationOnce.js';
import { rateLimitSubject, type RateDecision, type RateLimiter } from './rateLimit/createRateLimiter.js';

/** The stages that need the operation itself. */
export interface OperationProtectionOptions {
  readonly limits: OperationLimits;
  /** Charged here, in cost units, when the rate limit counts cost; request units are charged at the HTTP layer. @default none */
  readonly costRateLimiter?: RateLimiter;
  readonly admission: AdmissionController;
  readonly classify: PriorityClassifier;
}

/**
 * guardOperation (cost; and depth, aliases, root fields, directives again), limitRate (in cost
 * units) and admit, in that order, as one Apollo Server plugin. They share one
 * `didResolveOperation` because Apollo runs the hooks of different plugins concurrently, and
 * these must run in sequence: nothing is counted for an operation over a limit, and nothing waits
 * for a slot that is over its rate. This is after validation and before execution, so before any
 * subgraph is called. (Size and tokens are checked before parsing, and the measures of the
 * document alone before validation, by useDocumentLimits; they are checked again here for a
 * document it never saw, a persisted query sent by its hash alone.) The slot is given back in
 * `willSendResponse`, which Apollo calls for every request that got this far, whether it
 * succeeded, failed or was refused.
 */
export function useOperationProtection(options: OperationProtectionOptions): ApolloServerPlugin<BffContext> {
  const { limits, costRateLimiter, admission, classify } = options;
  const measureOperation = measureOperationOnce();
  return {
    // Synchronous hooks, and a promise only when there is something to wait for (a cost charge, a
    // slot under another class): Apollo Server awaits only hooks that return one (see the patch).
    requestDidStart() {
      let ticket: AdmissionTicket | undefined;
      const admit = (contextValue: BffContext, priority: PriorityClass): Promise<void> | undefined => {
        // Admitted at the HTTP layer by the name the body claimed: kept when the claim was right.
        const early = contextValue.admissionTicket;
        if (early?.priority === priority) return undefined;
        early?.release();
        ticket = admission.admit(priority);
        return ticket.admittedAtOnce ? undefined : ticket.admitted;
      };
      return {
        didResolveOperation({ schema, document, operation, request, operationName, contextValue, response }) {
          // An unknown operationName: execution reports it, nothing runs.
          if (!operation) return;
          const measures = measureOperation(schema, document, operation, request.variables, limits.defaultListSize);
          guardMeasures(measures, limits);
          const priority = classify(operationName, clientNameOf(contextValue.viewer, contextValue.bffName));
          if (!costRateLimiter) return admit(contextValue, priority);
          const charged = (decision: RateDecision) => {
            if (decision.kind === 'refused') throw decision.error;
            for (const [name, value] of Object.entries(decision.headers)) response.http.headers.set(name, value);
            return admit(contextValue, priority);
          };
          const decided = costRateLimiter.consume(
            rateLimitSubject(contextValue.viewer, contextValue.clientIp, contextValue.bffName),
            Math.max(1, measures.cost),
          );
          return decided instanceof Promise ? decided.then(charged) : charged(decided);
        },
        willSendResponse({ contextValue }) {
          ticket?.release();
          // The early slot too, before the response is written (onResponse only catches what never got here).
          contextValue.admissionTicket?.release();
        },
      };
    },
  };
}
