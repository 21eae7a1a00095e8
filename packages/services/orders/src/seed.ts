import { createRandom, productUpcs, userIds } from '@bff/service-kit';
import type { OrderStatus } from './orderStatus.js';

/** One line of an order. */
export interface OrderLine {
  /** A product upc, '100001'..'100240'. */
  upc: string;
  /** At least 1. */
  quantity: number;
}

/** An order as the orders service returns it. */
export interface Order {
  /** 'o1', 'o2', … in creation order. */
  id: string;
  /** The user who placed it, '1'..'300' for seeded orders. */
  buyerId: string;
  /** ISO 8601 instant, e.g. '2026-02-03T04:05:06.000Z'. */
  createdAt: string;
  /** PLACED when created (seeded orders too), then moved on by `POST /orders/:id/advance`. */
  status: OrderStatus;
  lines: OrderLine[];
}

/** The seed the service uses unless told otherwise. */
export const defaultOrdersSeed = 0x0dde;

/** Seeded orders are placed within this many days after {@link seedEpoch}. */
const seedDays = 180;
const seedEpoch = Date.UTC(2026, 0, 1);
const daySeconds = 24 * 60 * 60;

/**
 * 0–4 orders per user, users in id order, ids 'o1', 'o2', … in that order; each order has 1–4
 * lines over distinct upcs with quantity 1–5, each PLACED. A pure function of the seed.
 */
export function seedOrders(seed: number = defaultOrdersSeed): Order[] {
  const random = createRandom(seed);
  const upcs = productUpcs();
  const orders: Order[] = [];
  for (const buyerId of userIds()) {
    const count = random.int(0, 4);
    for (let i = 0; i < count; i++) {
      const lineCount = random.int(1, 4);
      const lines = random
        .shuffle(upcs)
        .slice(0, lineCount)
        .map((upc) => ({ upc, quantity: random.int(1, 5) }));
      const second = random.int(0, seedDays * daySeconds - 1);
      const createdAt = new Date(seedEpoch + second * 1000).toISOString();
      orders.push({ id: `o${orders.length + 1}`, buyerId, createdAt, status: 'PLACED', lines });
    }
  }
  return orders;
}
