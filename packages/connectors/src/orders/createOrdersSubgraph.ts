import type { BffContext, BffKit, LocalSubgraph } from '@bff/gateway';
import type { GraphQLResolveInfo } from 'graphql';
import { loadSubgraphSchema } from '../loadSchema.js';
import { perRequest } from '../perRequest.js';
import { restClientOf } from '../rest/createRestClient.js';
import { createSingleCallLoader } from '../rest/createSingleCallLoader.js';
import { selectsOnly } from '../selectsOnly.js';
import type { OrderStatusChange } from './orderStatusChanges.js';
import type { RestOrder } from './RestOrder.js';
import { subscribeToOrderStatus } from './subscribeToOrderStatus.js';
import { createOrderStatusHub } from './createOrderStatusHub.js';

export type { RestOrder, RestOrderStatus } from './RestOrder.js';

interface CreateOrderArgs {
  input: { buyerId: string; lines: { upc: string; quantity: number }[] };
}

/** The Order fields an order status event answers by itself (Order.buyer reads buyerId). */
const orderFieldsInEvent: ReadonlySet<string> = new Set(['id', 'buyer', 'status']);

/**
 * The orders connector: Order entities and User.orders from the orders REST service, the
 * createOrder mutation, and orderStatusChanged from the status changes the service publishes on
 * the kit's event bus. The service has no batch endpoint, so a request's loaders deduplicate
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
  // Not the request's loader: a subscription's context lives as long as it does, and a loader's cache would serve
  // every later event the order as it was at the first.
  const freshOrder = (id: string, context: BffContext) =>
    orders.get<RestOrder>(`/orders/${encodeURIComponent(id)}`, context);
  const hub = createOrderStatusHub(kit.events, kit.countDroppedEvent);
  const schema = loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), {
    Query: {
      order: (_source, { id }: { id: string }, context: BffContext) => loaders(context).order.load(id),
    },
    Mutation: {
      createOrder: (_source, { input }: CreateOrderArgs, context: BffContext) =>
        orders.post<RestOrder>('/orders', input, context),
    },
    Subscription: {
      orderStatusChanged: {
        subscribe: (_source, { orderId }: { orderId: string }, context: BffContext, info: GraphQLResolveInfo) =>
          subscribeToOrderStatus(orderId, context, info, {
            hub,
            buyerOf: async (id, requestContext) => (await freshOrder(id, requestContext))?.buyerId ?? null,
          }),
        // Each value the stream yields is the field's value.
        resolve: (change: OrderStatusChange) => change,
      },
    },
    OrderStatusChange: {
      // The order as of the change (its status the one changed to), fetched only for fields the event lacks.
      order: async ({ order }: OrderStatusChange, _args, context: BffContext, info: GraphQLResolveInfo) => {
        if (selectsOnly(info, orderFieldsInEvent)) return order;
        const fetched = await freshOrder(order.id, context);
        return fetched && { ...fetched, status: order.status };
      },
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
