import { notFound, useJsonErrors } from '@bff/service-kit';
import Fastify, { type FastifyInstance } from 'fastify';
import { defaultInventorySeed, seedInventory } from './seed.js';

/** Options of {@link createInventoryApp}. */
export interface InventoryAppOptions {
  /** Seed of the generated stock levels. @default defaultInventorySeed */
  seed?: number;
  /** Log requests with fastify's logger (pino). @default false */
  logger?: boolean;
}

/**
 * Builds the inventory REST service; never listens. It has, on purpose, no batch endpoint: its
 * callers must fan out one request per upc, which is what the connectors' capped, deduplicated
 * single-call loader is for.
 */
export async function createInventoryApp(options: InventoryAppOptions = {}): Promise<FastifyInstance> {
  const itemsByUpc = new Map(seedInventory(options.seed ?? defaultInventorySeed).map((item) => [item.upc, item]));
  const app = Fastify({ logger: options.logger ?? false });
  useJsonErrors(app);

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get<{ Params: { upc: string } }>('/inventory/:upc', async (request) => {
    const item = itemsByUpc.get(request.params.upc);
    if (!item) throw notFound(`No inventory for upc ${request.params.upc}`);
    return item;
  });

  return app;
}
