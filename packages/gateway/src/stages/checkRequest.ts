import type { OperationLimits } from '../config/readProtectionConfig.js';
import { useDocumentLimits } from '../protection/limits/useDocumentLimits.js';
import { useBatchLimit } from '../protection/request/useBatchLimit.js';
import { useRequestChecks } from '../protection/request/useRequestChecks.js';
import type { Stage } from './Stage.js';

/** Options of the checkRequest stage. */
export interface CheckRequestOptions {
  /** @default '/graphql' */
  readonly graphqlPath?: string;
  /** Operations one batched request may hold; 0 refuses batches. */
  readonly maxBatchOperations: number;
  /** Size, tokens, depth, aliases, root fields and directives of a document's text. */
  readonly limits: OperationLimits;
}

/**
 * checkRequest: what a GraphQL request must be as HTTP and as text, before Apollo Server parses
 * or validates anything: JSON in UTF-8 (415/400 BAD_REQUEST), a batch within its size, and each
 * document's text within the operation limits (400 OPERATION_TOO_COMPLEX, one error, no
 * validation spent on it). Cost needs the schema: guardOperation checks it after validation.
 */
export function checkRequest(options: CheckRequestOptions): Stage {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  return {
    name: 'checkRequest',
    http(http) {
      useRequestChecks(http, graphqlPath);
      useBatchLimit(http, graphqlPath, options.maxBatchOperations);
      useDocumentLimits(http, graphqlPath, options.limits);
    },
    apollo: { allowBatchedHttpRequests: options.maxBatchOperations > 0 },
  };
}
