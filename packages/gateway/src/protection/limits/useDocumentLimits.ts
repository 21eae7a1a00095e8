import type { FastifyInstance } from 'fastify';
import type { OperationLimits } from '../../config/readProtectionConfig.js';
import { OperationTooComplexError } from '../../errors/BffError.js';
import { replyWithBffError } from '../../server/replyWithHttpError.js';
import { guardSource } from './guardOperation.js';

/** The `query` texts of a GraphQL request: one per operation of a batch, from the body or (GET) the URL. */
function sourcesOf(body: unknown, query: unknown): unknown[] {
  const operations = Array.isArray(body) ? body : [body ?? query];
  return operations.map((operation) => (typeof operation === 'object' && operation !== null ? (operation as { query?: unknown }).query : undefined));
}

/**
 * guardOperation before parsing: the size and tokens of every document of a GraphQL request,
 * checked on the JSON body (or GET query string) before Apollo Server parses anything, so a
 * huge document costs no parse. 400 OPERATION_TOO_COMPLEX. (An Apollo plugin cannot do this:
 * Apollo turns an error thrown before parsing into a masked 500.) Counting tokens is linear in
 * the size, which is checked first; it takes microseconds for a typical document.
 */
export function useDocumentLimits(http: FastifyInstance, graphqlPath: string, limits: OperationLimits): void {
  http.addHook('preValidation', (request, reply, done) => {
    if (request.routeOptions.url !== graphqlPath) return done();
    for (const source of sourcesOf(request.body, request.query)) {
      if (typeof source !== 'string') continue;
      try {
        guardSource(source, limits);
      } catch (error) {
        if (error instanceof OperationTooComplexError) return void replyWithBffError(reply, error);
        throw error;
      }
    }
    done();
  });
}
