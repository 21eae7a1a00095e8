import type { FastifyInstance } from 'fastify';
import { BffErrorCode, UnauthenticatedError } from '../errors/BffError.js';
import { replyWithBffError } from '../core/replyWithHttpError.js';
import type { EntityCache } from './EntityCache.js';

/** Options of useEntityCacheDrop. */
export interface EntityCacheDropOptions {
  readonly cache: EntityCache;
  /** The role a viewer's token must carry (`<P>ENTITY_CACHE_ADMIN_ROLE`). */
  readonly adminRole: string;
  /** Where the route is served; the type name follows it. @default '/entity-cache' */
  readonly path?: string;
}

/** The default path of the drop route. */
export const defaultEntityCacheDropPath = '/entity-cache';

/** A GraphQL type name (the spec's Name): anything else has no entries to drop. */
const typeName = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * `DELETE /entity-cache/<Type>`: drops every cached entry of a type, for every viewer, and answers
 * 200 `{ "dropped": <entries> }`, for an operator who changed that type's data behind the
 * subgraphs' backs. Only a signed-in viewer whose token carries the admin role may: without a
 * token it is 401 UNAUTHENTICATED, with another role 403 FORBIDDEN (the authentication hook has
 * already refused a bad token). A memory cache is this process's: each worker and replica drops
 * its own, so several of them share one Redis to be dropped at once. A Redis that does not answer
 * is 503 DOWNSTREAM_UNAVAILABLE, as some entries may remain.
 */
export function useEntityCacheDrop(http: FastifyInstance, options: EntityCacheDropOptions): void {
  const { cache, adminRole } = options;
  const path = options.path ?? defaultEntityCacheDropPath;
  const route = `DELETE ${path}/<Type>`;
  http.delete<{ Params: { typename: string } }>(`${path}/:typename`, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    const { viewer } = request;
    if (viewer.kind === 'anonymous') {
      void reply.header('www-authenticate', 'Bearer');
      return replyWithBffError(
        reply,
        new UnauthenticatedError(`${route} needs a bearer token with the role '${adminRole}', and none was sent.`),
      );
    }
    if (!viewer.roles.includes(adminRole))
      return reply
        .code(403)
        .send(
          httpErrors(`Not allowed to ${route}: it needs a token with the role '${adminRole}'.`, BffErrorCode.FORBIDDEN),
        );
    const { typename } = request.params;
    if (!typeName.test(typename))
      return reply
        .code(400)
        .send(
          httpErrors(
            `'${typename}' is not a GraphQL type name; ${route} takes one, e.g. Product.`,
            BffErrorCode.BAD_REQUEST,
          ),
        );
    let dropped: number;
    try {
      dropped = await cache.dropType(typename);
    } catch (error) {
      request.log.warn({ err: error }, `dropping the entity cache's ${typename} entries failed`);
      return reply
        .code(503)
        .send(
          httpErrors(
            `The entity cache's store did not answer; some ${typename} entries may remain. Retry when it is back.`,
            BffErrorCode.DOWNSTREAM_UNAVAILABLE,
          ),
        );
    }
    return reply.send({ dropped });
  });
}

/** A JSON body in the kit's HTTP error shape. */
function httpErrors(message: string, code: BffErrorCode) {
  return { errors: [{ message, extensions: { code } }] };
}
