// Runs the orders service on PORT (default 4302) and HOST (default 127.0.0.1) until a signal; with
// ORDERS_ADVANCE_INTERVAL_MS, orders move on by themselves. Alone it publishes no status events: it has no bus
// (npm start gives it one, packages/embedded).
import { runService } from '@bff/service-kit';
import { readAdvanceInterval } from './readAdvanceInterval.js';
import { createOrdersApp } from './server.js';

const advanceIntervalMs = readAdvanceInterval(process.env);
await runService({
  name: 'orders',
  defaultPort: 4302,
  create: (options) => createOrdersApp({ ...options, advanceIntervalMs }),
});
