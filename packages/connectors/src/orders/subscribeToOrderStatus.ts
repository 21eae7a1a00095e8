import { ForbiddenError, type BffContext } from '@bff/gateway';
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { OrderStatusHub } from './createOrderStatusHub.js';
import type { OrderStatusChange } from './orderStatusChanges.js';

/** The role that may watch any order: the one the BFFs' rules call staff (`hasRole('staff')`). */
export const orderWatcherStaffRole = 'staff';

/** What a viewer who may not watch an order reads, whether the order is another's or does not exist. */
export const deniedOrderWatchMessage = 'Not allowed to subscribe to orderStatusChanged.';

/** What {@link subscribeToOrderStatus} needs besides the request. */
export interface OrderStatusSubscriptionOptions {
  /** The BFF's one reader of order status changes, by order. */
  readonly hub: OrderStatusHub;
  /** The buyer of the order, or null when there is no such order. Asked for customers only. */
  readonly buyerOf: (orderId: string, context: BffContext) => Promise<string | null>;
}

/**
 * Subscription.orderStatusChanged's subscribe: decides who may watch before listening, then listens. The decision is
 * here rather than in the BFFs' shield rules because it needs the order, which only the connector can fetch (a rule
 * sees the request's context, which reaches no service); the rules require a signed-in viewer before this runs.
 * Resolves once the bus delivers what is published from now on, so no change after subscribing is missed.
 */
export async function subscribeToOrderStatus(
  orderId: string,
  context: BffContext,
  info: GraphQLResolveInfo,
  options: OrderStatusSubscriptionOptions,
): Promise<AsyncIterableIterator<OrderStatusChange, undefined>> {
  const { viewer } = context;
  const isStaff = viewer.kind === 'user' && viewer.roles.includes(orderWatcherStaffRole);
  if (!isStaff) {
    const buyerId = viewer.kind === 'user' ? await options.buyerOf(orderId, context) : null;
    // An unknown order is denied as another's is: the answer never tells whether an order exists.
    if (viewer.kind !== 'user' || buyerId !== viewer.id)
      throw new ForbiddenError(deniedOrderWatchMessage, responsePathAsArray(info.path));
  }
  const { ready, changes } = options.hub.watch(orderId);
  try {
    await ready;
  } catch (error) {
    await changes.return?.();
    throw error;
  }
  return changes;
}
