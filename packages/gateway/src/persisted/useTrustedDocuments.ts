import type { FastifyInstance } from 'fastify';
import { replyWithBffError } from '../core/replyWithHttpError.js';
import { OperationNotTrustedError, PersistedQueryNotFoundError } from './errors.js';
import { apqHashOf, operationsOf, type OperationRequest } from './operationRequests.js';
import { sha256Hex, type PersistedQueryManifest } from './persistedQueryManifest.js';

/** What the trusted-documents stage does with an operation its manifest lacks. */
export interface TrustedDocumentsOptions {
  readonly manifest: PersistedQueryManifest;
  /** enforce: refuse it; log: serve it and log it (for rollout). */
  readonly mode: 'enforce' | 'log';
  /** @default '/graphql' */
  readonly graphqlPath?: string;
}

/**
 * resolveDocument for a BFF with a persisted query manifest: an operation is trusted when its
 * text, its APQ hash (`extensions.persistedQuery.sha256Hash`) or its `documentId` (`sha256:<hex>`
 * or `<hex>`, POST only; rewritten into the APQ extension) names a manifest entry. The texts
 * themselves come from the APQ cache, which knows every manifest id (createPersistedQueryCache).
 * Unknown text: 400 OPERATION_NOT_TRUSTED; unknown id: PERSISTED_QUERY_NOT_FOUND; in log mode
 * both are served and the unknown text logged once per request. A preValidation hook, after the
 * size checks of the text, before Apollo Server parses anything.
 */
export function useTrustedDocuments(http: FastifyInstance, options: TrustedDocumentsOptions): void {
  const { manifest, mode, graphqlPath = '/graphql' } = options;
  const trustedIds = new Set(manifest.operations.map((operation) => operation.id));
  http.addHook('preValidation', (request, reply, done) => {
    if (request.routeOptions.url !== graphqlPath) {
      done();
      return;
    }
    for (const operation of operationsOf(request)) {
      const untrusted = judge(operation, trustedIds);
      if (!untrusted) continue;
      if (mode === 'log') {
        request.log.warn(
          {
            operationName: operation.operationName,
            sha256: untrusted.id,
            ...(untrusted.text !== undefined && { query: untrusted.text }),
          },
          'untrusted operation served (trusted documents: log)',
        );
        continue;
      }
      return void replyWithBffError(
        reply,
        untrusted.text === undefined
          ? new PersistedQueryNotFoundError(untrusted.id)
          : new OperationNotTrustedError(untrusted.id),
      );
    }
    done();
  });
}

/**
 * Undefined when the operation is trusted (or is no operation at all: Apollo answers that); else its id, and its text
 * if sent.
 */
function judge(
  operation: OperationRequest,
  trustedIds: ReadonlySet<string>,
): { id: string; text?: string } | undefined {
  if (typeof operation.query === 'string') {
    const id = sha256Hex(operation.query);
    return trustedIds.has(id) ? undefined : { id, text: operation.query };
  }
  if (typeof operation.documentId === 'string') {
    const id = operation.documentId.replace(/^sha256:/, '');
    // Apollo Server reads persisted ids from the APQ extension only.
    operation.extensions = {
      ...(typeof operation.extensions === 'object' ? operation.extensions : {}),
      persistedQuery: { version: 1, sha256Hash: id },
    } as OperationRequest['extensions'];
    delete operation.documentId;
    return trustedIds.has(id) ? undefined : { id };
  }
  const id = apqHashOf(operation.extensions);
  return id === undefined || trustedIds.has(id) ? undefined : { id };
}
