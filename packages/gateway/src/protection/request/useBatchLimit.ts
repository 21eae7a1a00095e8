import type { FastifyInstance } from 'fastify';
import { BadRequestError } from '../../errors/BffError.js';
import { replyWithBffError } from '../../core/replyWithHttpError.js';

/**
 * Batched requests (a JSON array of operations): refused when `maxOperations` is 0, otherwise
 * refused above that many, with 400 BAD_REQUEST before any operation runs. Each operation of an
 * accepted batch goes through the limits and admission on its own.
 */
export function useBatchLimit(http: FastifyInstance, graphqlPath: string, maxOperations: number): void {
  http.addHook('preValidation', (request, reply, done) => {
    if (!Array.isArray(request.body) || request.routeOptions.url !== graphqlPath) {
      done();
      return;
    }
    if (maxOperations === 0) {
      return void replyWithBffError(
        reply,
        new BadRequestError(
          'Batched requests (a JSON array of operations) are not accepted. Send one operation per request.',
        ),
      );
    }
    if (request.body.length > maxOperations) {
      return void replyWithBffError(
        reply,
        new BadRequestError(
          `A batch may hold at most ${maxOperations} operations, but this one holds ${request.body.length}. ` +
            'Send fewer operations per request.',
        ),
      );
    }
    done();
  });
}
