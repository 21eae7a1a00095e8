import { badRequest, conflict, notFound, productUpcs, useJsonErrors } from '@bff/service-kit';
import Fastify, { type FastifyInstance } from 'fastify';
import { advanceOnInterval } from './advanceOnInterval.js';
import { createStatusPublisher, type EventPublisher } from './orderEvents.js';
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
  /**
   * Where each status change (creation included) is published, on channel `orders.status` (orderEvents.ts).
   * @default none: changes are not published
   */
  events?: EventPublisher | undefined;
  /**
   * Every this many milliseconds, every order not yet DELIVERED moves to its next status by itself (demos;
   * ORDERS_ADVANCE_INTERVAL_MS). @default undefined: only `POST /orders/:id/advance` moves an order
   */
  advanceIntervalMs?: number | undefined;
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
 * Builds the orders REST service (a user's orders, one order, placing an order, moving an order to its next status);
 * never listens. Each call has its own orders: one created in this app is invisible to every other app.
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
  const publishStatus = createStatusPublisher(options.events, app.log);
  const advance = async (order: Order): Promise<Order | undefined> => {
    const advanced = store.advance(order);
    if (advanced) await publishStatus(advanced, now());
    return advanced;
  };
  if (options.advanceIntervalMs !== undefined) {
    // All at once: with Redis down each publish may wait up to a second.
    advanceOnInterval(app, options.advanceIntervalMs, async () => {
      await Promise.all(store.undelivered().map(advance));
    });
  }

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
      const createdAt = now();
      const order = store.create(request.body, createdAt);
      await publishStatus(order, createdAt);
      return reply.status(201).send(order);
    },
  );

  app.post<{ Params: { id: string } }>('/orders/:id/advance', async (request) => {
    const order = store.get(request.params.id);
    if (!order) throw notFound(`Order ${request.params.id} not found`);
    const advanced = await advance(order);
    if (!advanced) throw conflict(`Order ${order.id} is already DELIVERED; it has no next status`);
    return advanced;
  });

  return app;
}
