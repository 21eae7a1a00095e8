import type { FastifyInstance } from 'fastify';
import { BadRequestError } from '../errors/BffError.js';
import { replyWithBffError } from '../core/replyWithHttpError.js';
import { apqHashOf, operationsOf } from './operationRequests.js';
import { sha256Hex } from './persistedQueryManifest.js';

/**
 * An APQ registration whose hash is not the sha256 of its text: 400 BAD_REQUEST naming both
 * hashes. (Apollo Server refuses it too, but with an error that has no code, which the BFF masks
 * as "Unexpected error.".)
 */
export function useApqHashCheck(http: FastifyInstance, graphqlPath: string): void {
  http.addHook('preValidation', (request, reply, done) => {
    if (request.routeOptions.url !== graphqlPath) {
      done();
      return;
    }
    for (const operation of operationsOf(request)) {
      const sent = apqHashOf(operation.extensions);
      if (sent === undefined || typeof operation.query !== 'string') continue;
      const actual = sha256Hex(operation.query);
      if (sent !== actual) {
        return void replyWithBffError(
          reply,
          new BadRequestError(
            `extensions.persistedQuery.sha256Hash must be the sha256 of query, which is ${actual}, but got: ${sent}`,
          ),
        );
      }
    }
    done();
  });
}
