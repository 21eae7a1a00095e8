import { badRequest, notFound, productUpcs, useJsonErrors } from '@bff/service-kit';
import Fastify, { type FastifyInstance } from 'fastify';
import { defaultOrdersSeed, seedOrders, type Order } from './seed.js';
import { createOrderStore, type NewOrder } from './store.js';

/** Options of {@link createOrdersApp}. */
export interface OrdersAppOptions {
  /** Seed of the generated orders. @default defaultOrdersSeed */
  seed?: number;
  /** Clock for the createdAt of new orders; tests pass a fixed one. @default () => new Date() */
  now?: () => Date;
  /** Log requests with fastify's logger (pino). @default false */
  logger?: boolean;
}

/** Most lines one new order may have. */
export const maxLinesPerOrder = 50;

const newOrderSchema = {
  type: 'object',
  required: ['buyerId', 'lines'],
  properties: {
    buyerId: { type: 'string', minLength: 1 },
    lines: {
      type: 'array',
      minItems: 1,
      maxItems: maxLinesPerOrder,
      items: {
        type: 'object',
        required: ['upc', 'quantity'],
        properties: { upc: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } },
      },
    },
  },
} as const;

/**
 * Builds the orders REST service (a user's orders, one order, placing an order); never listens.
 * Each call has its own orders: one created in this app is invisible to every other app.
 */
export async function createOrdersApp(options: OrdersAppOptions = {}): Promise<FastifyInstance> {
  const store = createOrderStore(seedOrders(options.seed ?? defaultOrdersSeed));
  const now = options.now ?? (() => new Date());
  const knownUpcs = new Set(productUpcs());
  const app = Fastify({
    logger: options.logger ?? false,
    // Without this, ajv would quietly turn {"quantity": "2"} into 2 and {"buyerId": 7} into "7";
    // a client sending the wrong types should hear about it.
    ajv: { customOptions: { coerceTypes: false } },
  });
  useJsonErrors(app);

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get<{ Params: { id: string } }>('/users/:id/orders', async (request) => ({
    orders: store.forBuyer(request.params.id),
  }));

  app.get<{ Params: { id: string } }>('/orders/:id', async (request) => {
    const order = store.get(request.params.id);
    if (!order) throw notFound(`Order ${request.params.id} not found`);
    return order;
  });

  app.post<{ Body: NewOrder }>(
    '/orders',
    { schema: { body: newOrderSchema } },
    async (request, reply): Promise<Order> => {
      request.body.lines.forEach(({ upc }, index) => {
        if (!knownUpcs.has(upc)) {
          throw badRequest(`Unknown upc '${upc}' in lines[${index}]; upcs run from 100001 to 100240`);
        }
      });
      return reply.status(201).send(store.create(request.body, now()));
    },
  );

  return app;
}
