// Runs the orders service on PORT (default 4302) and HOST (default 127.0.0.1) until a signal; with
// ORDERS_ADVANCE_INTERVAL_MS, orders move on by themselves. With REDIS_URL, each status change is published on
// the `orders.status` channel of that Redis, where the BFFs' subscriptions hear it (npm start shares a bus in
// process instead, packages/embedded).
import { runService } from '@bff/service-kit';
import { ordersRedisUrlKey, readAdvanceInterval } from './readAdvanceInterval.js';
import { createRedisPublisher } from './redisPublisher.js';
import { createOrdersApp } from './server.js';

const advanceIntervalMs = readAdvanceInterval(process.env);
const redisUrl = process.env[ordersRedisUrlKey] || undefined;
const events = redisUrl === undefined ? undefined : createRedisPublisher(redisUrl);
await runService({
  name: 'orders',
  defaultPort: 4302,
  create: async (options) => {
    const app = await createOrdersApp({ ...options, advanceIntervalMs, events });
    app.addHook('onClose', (_instance, done) => {
      events?.close();
      done();
    });
    return app;
  },
});
