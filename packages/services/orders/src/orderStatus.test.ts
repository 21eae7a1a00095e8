import { createEventBus, type EventBus } from '@bff/gateway';
import { listenOnFreePort, type RunningServer } from '@bff/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { orderStatusChannel, type OrderStatusEvent } from './orderEvents.js';
import { readAdvanceInterval } from './readAdvanceInterval.js';
import { seedOrders, type Order } from './seed.js';
import { createOrdersApp, type OrdersAppOptions } from './server.js';

const o1 = seedOrders()[0]!;
const fixedNow = new Date('2027-01-01T12:00:00.000Z');

describe('order status', () => {
  let server: RunningServer | undefined;
  let bus: EventBus | undefined;
  /** The orders service with a bus; every event published on orders.status lands in `events`, parsed. */
  const start = async (options: OrdersAppOptions = {}) => {
    bus = createEventBus();
    const events: OrderStatusEvent[] = [];
    bus.subscribe(orderStatusChannel, (message) => void events.push(JSON.parse(message) as OrderStatusEvent));
    server = await listenOnFreePort(await createOrdersApp({ now: () => fixedNow, events: bus, ...options }));
    return events;
  };
  const advance = (id: string) => fetch(`${server!.url}/orders/${id}/advance`, { method: 'POST' });
  afterEach(async () => {
    await server?.close();
    await bus?.close();
    server = bus = undefined;
  });

  it('moves an order PLACED, PACKED, SHIPPED, DELIVERED, one step per advance, answering the order', async () => {
    await start();
    for (const status of ['PACKED', 'SHIPPED', 'DELIVERED'] as const) {
      const res = await advance('o1');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ...o1, status });
    }
    expect(await (await fetch(`${server!.url}/orders/o1`)).json()).toEqual({ ...o1, status: 'DELIVERED' });
    expect(await (await fetch(`${server!.url}/users/1/orders`)).json()).toEqual({
      orders: [{ ...o1, status: 'DELIVERED' }],
    });
  });

  it('answers 409 CONFLICT to advancing a DELIVERED order, and publishes nothing for it', async () => {
    const events = await start();
    for (let step = 0; step < 3; step += 1) await advance('o1');
    const res = await advance('o1');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: 'CONFLICT', message: 'Order o1 is already DELIVERED; it has no next status' },
    });
    expect(events.map((event) => event.status)).toEqual(['PACKED', 'SHIPPED', 'DELIVERED']);
  });

  it('answers 404 NOT_FOUND to advancing an unknown order', async () => {
    await start();
    const res = await advance('o99999');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Order o99999 not found' } });
  });

  it('publishes every status change, the creation included, as JSON on orders.status before answering', async () => {
    const events = await start();
    const created = (await (
      await fetch(`${server!.url}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ buyerId: '7', lines: [{ upc: '100001', quantity: 1 }] }),
      })
    ).json()) as Order;
    await advance(created.id);
    await advance('o1');
    const changedAt = fixedNow.toISOString();
    expect(events).toEqual([
      { orderId: created.id, buyerId: '7', status: 'PLACED', changedAt },
      { orderId: created.id, buyerId: '7', status: 'PACKED', changedAt },
      { orderId: 'o1', buyerId: '1', status: 'PACKED', changedAt },
    ]);
  });

  it('still moves the order and answers 200 when publishing fails (the bus is closed)', async () => {
    const events = await start();
    await bus!.close();
    const res = await advance('o1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...o1, status: 'PACKED' });
    expect(events).toEqual([]);
  });

  it('moves every undelivered order one step each interval by itself when given advanceIntervalMs', async () => {
    const events = await start({ advanceIntervalMs: 20 });
    const orderCount = seedOrders().length;
    for (let waited = 0; events.length < 3 * orderCount; waited += 10) {
      if (waited > 5_000) throw new Error(`only ${events.length} events within 5 s`);
      await sleep(10);
    }
    await sleep(60);
    expect(events).toHaveLength(3 * orderCount);
    expect(events.filter((event) => event.orderId === 'o1').map((event) => event.status)).toEqual([
      'PACKED',
      'SHIPPED',
      'DELIVERED',
    ]);
    expect(await (await fetch(`${server!.url}/orders/o1`)).json()).toEqual({ ...o1, status: 'DELIVERED' });
  });

  it('moves nothing by itself without advanceIntervalMs', async () => {
    const events = await start();
    await sleep(50);
    expect(events).toEqual([]);
  });
});

describe('readAdvanceInterval', () => {
  it('reads ORDERS_ADVANCE_INTERVAL_MS as milliseconds, and unset or empty as never', () => {
    expect(readAdvanceInterval({ ORDERS_ADVANCE_INTERVAL_MS: '5000' })).toBe(5000);
    expect(readAdvanceInterval({ ORDERS_ADVANCE_INTERVAL_MS: '' })).toBeUndefined();
    expect(readAdvanceInterval({})).toBeUndefined();
  });

  it.each(['0', '-5', '1.5', 'soon', '1e3', ' 100'])('rejects ORDERS_ADVANCE_INTERVAL_MS=%j, naming it', (raw) => {
    expect(() => readAdvanceInterval({ ORDERS_ADVANCE_INTERVAL_MS: raw })).toThrow(
      new RangeError(`ORDERS_ADVANCE_INTERVAL_MS must be a positive integer of milliseconds, but got: '${raw}'`),
    );
  });
});
