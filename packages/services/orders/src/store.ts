import { nextStatus } from './orderStatus.js';
import type { Order, OrderLine } from './seed.js';

/** What `POST /orders` accepts, after schema validation. */
export interface NewOrder {
  buyerId: string;
  lines: OrderLine[];
}

/** The orders of one app instance: the seeded ones plus those created since it was built. */
export interface OrderStore {
  get(id: string): Order | undefined;
  /** The buyer's orders, newest first; `[]` for a buyer with none. */
  forBuyer(buyerId: string): Order[];
  /** Stores the order under the next id ('o' + sequence), PLACED, and returns it. */
  create(order: NewOrder, createdAt: Date): Order;
  /** Moves the order to its next status and returns it; undefined when it is already DELIVERED. */
  advance(order: Order): Order | undefined;
  /** Every order not yet DELIVERED, in id order. */
  undelivered(): Order[];
}

/** Indexes the given orders once; later creations keep the indexes current. */
export function createOrderStore(seeded: readonly Order[]): OrderStore {
  const byId = new Map<string, Order>();
  const byBuyer = new Map<string, Order[]>();
  const add = (order: Order): void => {
    byId.set(order.id, order);
    const list = byBuyer.get(order.buyerId) ?? [];
    list.push(order);
    byBuyer.set(order.buyerId, list);
  };
  seeded.forEach(add);

  return {
    get: (id) => byId.get(id),
    forBuyer: (buyerId) => [...(byBuyer.get(buyerId) ?? [])].sort(newestFirst),
    create: ({ buyerId, lines }, createdAt) => {
      const order: Order = {
        id: `o${byId.size + 1}`,
        buyerId,
        createdAt: createdAt.toISOString(),
        status: 'PLACED',
        lines: lines.map(({ upc, quantity }) => ({ upc, quantity })),
      };
      add(order);
      return order;
    },
    advance: (order) => {
      const status = nextStatus(order.status);
      if (status === undefined) return undefined;
      // In place: the buyer index holds the same object.
      order.status = status;
      return order;
    },
    undelivered: () => [...byId.values()].filter((order) => order.status !== 'DELIVERED'),
  };
}

/** By createdAt, descending; equal instants by id sequence, later first. */
function newestFirst(a: Order, b: Order): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return Number(b.id.slice(1)) - Number(a.id.slice(1));
}
