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
