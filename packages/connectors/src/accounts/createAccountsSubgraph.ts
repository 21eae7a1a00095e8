import type { BffContext, BffKit, LocalSubgraph } from '@bff/gateway';
import DataLoader from 'dataloader';
import { createRestClient, restServiceUrl } from '../rest/createRestClient.js';
import { loadSubgraphSchema } from '../loadSchema.js';
import { perRequest } from '../perRequest.js';

/** A user as the accounts REST service returns it. */
export interface AccountUser {
  id: string;
  username: string;
  name: string;
  email: string;
}

/** The accounts batch endpoint's cap on ids per call. */
export const accountsMaxBatchSize = 100;

/**
 * The accounts connector: User entities from the accounts REST service. Every user id needed
 * at one level of a query is fetched with one `GET /users?ids=…` call per request.
 */
export function createAccountsSubgraph(kit: BffKit): LocalSubgraph {
  const accounts = createRestClient({ serviceName: 'accounts', baseUrl: restServiceUrl(kit, 'accounts'), fetch: kit.fetch });
  const loaders = perRequest(
    (context: BffContext) =>
      new DataLoader<string, AccountUser | null>(
        async (ids) => {
          const query = ids.map(encodeURIComponent).join(',');
          const body = await accounts.get<{ users: AccountUser[] }>(`/users?ids=${query}`, context);
          const byId = new Map((body?.users ?? []).map((user) => [user.id, user]));
          return ids.map((id) => byId.get(id) ?? null);
        },
        { maxBatchSize: accountsMaxBatchSize },
      ),
  );
  const schema = loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), {
    Query: {
      user: (_source, { id }: { id: string }, context: BffContext) => loaders(context).load(id),
    },
    User: {
      __resolveReference: ({ id }: { id: string }, context: BffContext) => loaders(context).load(id),
    },
  });
  return { name: 'accounts', schema };
}
