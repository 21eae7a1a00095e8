import type { BffContext, BffKit, LocalSubgraph } from '@bff/gateway';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { loadSubgraphSchema } from '../loadSchema.js';
import { perRequest } from '../perRequest.js';
import { batchByUrlLength } from '../rest/batchByUrlLength.js';
import { restClientOf } from '../rest/createRestClient.js';

/** A user as the accounts REST service returns it. */
export interface AccountUser {
  id: string;
  username: string;
  name: string;
  email: string;
}

/**
 * The accounts connector: User entities from the accounts REST service. Every user id needed
 * at one level of a query, across all of the gateway's entity fetches of the request, is
 * fetched once, with one `GET /users?ids=…` per `maxBatchSize` ids (split further to keep URLs
 * within `maxUrlLength`).
 */
export function createAccountsSubgraph(kit: BffKit): LocalSubgraph {
  const accounts = restClientOf(kit, 'accounts');
  const batchPath = '/users?ids=';
  const loaders = perRequest(
    (context: BffContext) =>
      new DataLoader<string, AccountUser | null>(
        async (ids) => {
          const groups = batchByUrlLength(`${accounts.baseUrl}${batchPath}`, ids, kit.rest.maxUrlLength);
          const bodies = await Promise.all(
            groups.map((group) =>
              accounts.get<{ users: AccountUser[] }>(
                `${batchPath}${group.map(encodeURIComponent).join(',')}`,
                context,
                { batchSize: group.length },
              ),
            ),
          );
          // A loop, not flatMap/map into the Map: a third of the time, on the page's last stretch.
          const byId = new Map<string, AccountUser>();
          for (const body of bodies) for (const user of body?.users ?? []) byId.set(user.id, user);
          return ids.map((id) => byId.get(id) ?? null);
        },
        { maxBatchSize: kit.rest.maxBatchSize },
      ),
  );
  const schema = loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), {
    Query: {
      user: (_source, { id }: { id: string }, context: BffContext) => loaders(context).load(id),
    },
    User: {
      // A reference to a user that does not exist is an error on that path alone.
      __resolveReference: async ({ id }: { id: string }, context: BffContext) => {
        const user = await loaders(context).load(id);
        if (!user) throw new GraphQLError(`User ${id} was not found.`, { extensions: { code: 'NOT_FOUND' } });
        return user;
      },
    },
  });
  // Public profile fields change rarely; email is guarded by rules, and only anonymous answers are cached.
  return { name: 'accounts', schema, cacheControl: 'max-age=60, public' };
}
