import { createEventBus } from '@bff/gateway';
import { listenOnFreePort, startRedisServer } from '@bff/testing';
import { describe, expect, it } from 'vitest';
import { orderStatusChannel, type OrderStatusEvent } from './orderEvents.js';
import { createRedisPublisher } from './redisPublisher.js';
import { seedOrders } from './seed.js';
import { createOrdersApp } from './server.js';

const fixedNow = new Date('2027-01-01T12:00:00.000Z');

// The orders service run alone (docker-compose, Kubernetes) publishes through Redis, where the BFFs' buses listen.
describe('the orders service with REDIS_URL', () => {
  it("publishes each status change on orders.status of that Redis, where a BFF's bus hears it", async () => {
    await using redis = await startRedisServer();
    const bus = createEventBus({ redisUrl: redis.url });
    const publisher = createRedisPublisher(redis.url);
    try {
      const stream = bus.stream(orderStatusChannel);
      await stream.ready;
      await using server = await listenOnFreePort(await createOrdersApp({ now: () => fixedNow, events: publisher }));
      const [order] = seedOrders();
      if (!order) throw new Error('the orders seed has no order');
      expect((await fetch(`${server.url}/orders/${order.id}/advance`, { method: 'POST' })).status).toBe(200);
      const { value } = await stream.next();
      expect(JSON.parse(value ?? '') as OrderStatusEvent).toEqual({
        orderId: order.id,
        buyerId: order.buyerId,
        status: 'PACKED',
        changedAt: fixedNow.toISOString(),
      });
      await stream.return();
    } finally {
      publisher.close();
      await bus.close();
    }
  });
});
