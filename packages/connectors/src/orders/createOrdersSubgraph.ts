import type { BffContext, BffKit, LocalSubgraph } from '@bff/gateway';
import { loadSubgraphSchema } from '../loadSchema.js';
import { perRequest } from '../perRequest.js';
import { restClientOf } from '../rest/createRestClient.js';
import { createSingleCallLoader } from '../rest/createSingleCallLoader.js';

/** An order's status as the orders REST service names it; the OrderStatus enum has the same values. */
export type RestOrderStatus = 'PLACED' | 'PACKED' | 'SHIPPED' | 'DELIVERED';

/** An order as the orders REST service returns it. */
export interface RestOrder {
  id: string;
  buyerId: string;
  createdAt: string;
  status: RestOrderStatus;
  lines: { upc: string; quantity: number }[];
}

interface CreateOrderArgs {
  input: { buyerId: string; lines: { upc: string; quantity: number }[] };
}

/**
 * The orders connector: Order entities and User.orders from the orders REST service, and the
 * createOrder mutation. The service has no batch endpoint, so a request's loaders deduplicate
 * ids and call once per distinct id, a capped number at a time. `Order.status` needs no resolver:
 * the service's status names are the OrderStatus enum's values.
 */
export function createOrdersSubgraph(kit: BffKit): LocalSubgraph {
  const orders = restClientOf(kit, 'orders');
  const concurrency = kit.rest.concurrencyPerRequest;
  const loaders = perRequest((context: BffContext) => ({
    order: createSingleCallLoader(concurrency, (id) =>
      orders.get<RestOrder>(`/orders/${encodeURIComponent(id)}`, context),
    ),
    ordersOfUser: createSingleCallLoader(concurrency, async (userId) => {
      const body = await orders.get<{ orders: RestOrder[] }>(`/users/${encodeURIComponent(userId)}/orders`, context);
      return body?.orders ?? [];
    }),
  }));
  const schema = loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), {
    Query: {
      order: (_source, { id }: { id: string }, context: BffContext) => loaders(context).order.load(id),
    },
    Mutation: {
      createOrder: (_source, { input }: CreateOrderArgs, context: BffContext) =>
        orders.post<RestOrder>('/orders', input, context),
    },
    User: {
      orders: ({ id }: { id: string }, _args, context: BffContext) => loaders(context).ordersOfUser.load(id),
    },
    Order: {
      __resolveReference: ({ id }: { id: string }, context: BffContext) => loaders(context).order.load(id),
      buyer: (order: RestOrder) => ({ id: order.buyerId }),
      lines: (order: RestOrder) => order.lines.map((line) => ({ product: { upc: line.upc }, quantity: line.quantity })),
      itemCount: (order: RestOrder) => order.lines.reduce((sum, line) => sum + line.quantity, 0),
    },
  });
  return { name: 'orders', schema };
}
