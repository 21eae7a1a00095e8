import { badRequest, notFound, useJsonErrors } from '@bff/service-kit';
import Fastify, { type FastifyInstance } from 'fastify';
import { defaultAccountsSeed, seedUsers, type User } from './seed.js';

/** Options of {@link createAccountsApp}. */
export interface AccountsAppOptions {
  /** Seed of the generated users. @default defaultAccountsSeed */
  seed?: number;
  /** Log requests with fastify's logger (pino). @default false */
  logger?: boolean;
}

/** Most ids one batch request may ask for; DataLoader callers set their maxBatchSize to this. */
export const maxIdsPerRequest = 100;

/** Body of `GET /users?ids=…`. */
export interface UsersBatch {
  /** Found users, in the order first requested, each once. */
  users: User[];
  /** Requested ids with no user, in the order requested. */
  missing: string[];
}

/**
 * Builds the accounts REST service (users by id, one or a batch); never listens.
 * Each call has its own copy of the users.
 */
export async function createAccountsApp(options: AccountsAppOptions = {}): Promise<FastifyInstance> {
  const usersById = new Map(seedUsers(options.seed ?? defaultAccountsSeed).map((user) => [user.id, user]));
  const app = Fastify({ logger: options.logger ?? false });
  useJsonErrors(app);

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get<{ Params: { id: string } }>('/users/:id', async (request) => {
    const user = usersById.get(request.params.id);
    if (!user) throw notFound(`User ${request.params.id} not found`);
    return user;
  });

  app.get<{ Querystring: { ids?: string } }>(
    '/users',
    { schema: { querystring: { type: 'object', properties: { ids: { type: 'string' } } } } },
    async (request): Promise<UsersBatch> => {
      const ids = parseIds(request.query.ids);
      const users: User[] = [];
      const missing: string[] = [];
      for (const id of new Set(ids)) {
        const user = usersById.get(id);
        if (user) users.push(user);
        else missing.push(id);
      }
      return { users, missing };
    },
  );

  return app;
}

/** Splits `1,2,3` into ids, ignoring blanks, and enforces the batch limits. */
function parseIds(raw: string | undefined): string[] {
  const ids = (raw ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) throw badRequest('ids query parameter is required, e.g. ?ids=1,2,3');
  if (ids.length > maxIdsPerRequest) {
    throw badRequest(`at most ${maxIdsPerRequest} ids per request, but got: ${ids.length}`);
  }
  return ids;
}
