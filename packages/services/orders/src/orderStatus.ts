/** The statuses of an order, in the order it takes them; DELIVERED is the last. */
export const orderStatuses = ['PLACED', 'PACKED', 'SHIPPED', 'DELIVERED'] as const;

/** Where an order is: PLACED when created, then PACKED, SHIPPED and DELIVERED. */
export type OrderStatus = (typeof orderStatuses)[number];

/** The status after `status`; undefined after DELIVERED. */
export function nextStatus(status: OrderStatus): OrderStatus | undefined {
  return orderStatuses[orderStatuses.indexOf(status) + 1];
}
