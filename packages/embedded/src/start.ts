import { createAccountsApp } from '@bff/service-accounts';
import { createInventoryApp } from '@bff/service-inventory';
import { createOrdersApp, readAdvanceInterval } from '@bff/service-orders';
import { createProductsApp } from '@bff/service-products';
import { createReviewsApp } from '@bff/service-reviews';
import { ConfigError, createEventBus, type BffServer } from '@bff/gateway';
import { createMobileBff, mobileBffEnvPrefix, readMobileBffConfig } from '@bff/mobile-bff';
import { createWebBff, readWebBffConfig, webBffEnvPrefix } from '@bff/web-bff';
import type { FastifyInstance } from 'fastify';
import { embeddedServices, readServicePorts } from './embeddedServices.js';

/**
 * `npm start`: every example service and both BFFs in this one process on 127.0.0.1, with
 * in-memory state and no Docker. Service ports default to the ones supergraph/*.yaml routes to
 * (`<NAME>_PORT` overrides, 0 picks a free one); each BFF is told where the services really
 * listen, and otherwise reads its own environment (WEB_BFF_*, MOBILE_BFF_*). Order status changes travel on one
 * event bus: in this process, or through Redis with REDIS_URL; ORDERS_ADVANCE_INTERVAL_MS moves orders by themselves.
 */
type ServiceName = (typeof embeddedServices)[number]['name'];

const running: (() => Promise<unknown>)[] = [];
// The bus the orders service publishes on and the BFFs' subscriptions listen to; closed last.
const events = createEventBus({
  redisUrl: process.env.REDIS_URL || undefined,
  // Its own messages name it ("event bus: lost its subscriber connection …"); a listener's error is printed whole.
  onError: (error) =>
    console.error(error instanceof Error && error.message.startsWith('event bus') ? error.message : error),
});
running.push(() => events.close());

const creators: Record<ServiceName, () => Promise<FastifyInstance>> = {
  products: createProductsApp,
  reviews: createReviewsApp,
  accounts: createAccountsApp,
  orders: () => createOrdersApp({ events, advanceIntervalMs: readAdvanceInterval(process.env) }),
  inventory: createInventoryApp,
};
let stopping = false;

async function stopAll(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    // BFFs first (they were started last), so none is left calling a service that is gone.
    for (const close of running.reverse()) await close().catch(() => undefined);
  }
  process.exit(exitCode);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  const ports = readServicePorts(process.env);
  const urls = new Map<ServiceName, string>();
  for (const service of embeddedServices) {
    const app = await creators[service.name]();
    running.push(() => app.close());
    urls.set(service.name, await app.listen({ host: '127.0.0.1', port: ports[service.name] }));
  }
  const urlOf = (name: ServiceName) => {
    const url = urls.get(name);
    if (url === undefined) throw new Error(`${name} is not listening`);
    return url;
  };
  const routedTo = (prefix: string): NodeJS.ProcessEnv => ({
    ...process.env,
    [`${prefix}SUBGRAPH_PRODUCTS_URL`]: `${urlOf('products')}/graphql`,
    [`${prefix}SUBGRAPH_REVIEWS_URL`]: `${urlOf('reviews')}/graphql`,
    [`${prefix}SERVICE_ACCOUNTS_URL`]: urlOf('accounts'),
    [`${prefix}SERVICE_ORDERS_URL`]: urlOf('orders'),
    [`${prefix}SERVICE_INVENTORY_URL`]: urlOf('inventory'),
  });
  const bffs: [string, BffServer][] = [
    ['web', createWebBff(readWebBffConfig(routedTo(webBffEnvPrefix)), { events })],
    ['mobile', createMobileBff(readMobileBffConfig(routedTo(mobileBffEnvPrefix)), { events })],
  ];
  const bffLines: string[] = [];
  for (const [name, bff] of bffs) {
    running.push(() => bff.stop());
    const url = await bff.start();
    const explorer = bff.config.explorer.enabled ? `  (explorer: ${url}/explorer)` : '';
    bffLines.push(`  ${`${name} BFF`.padEnd(11)} ${url}/graphql${explorer}`);
  }
  const serviceLines = embeddedServices.map(
    (service) => `  ${service.name.padEnd(11)} ${urlOf(service.name)}${service.graphql ? '/graphql' : ''}`,
  );
  console.log(`BFFs ready (Ctrl-C stops everything):\n${bffLines.join('\n')}\nServices:\n${serviceLines.join('\n')}`);
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof RangeError
      ? error.message
      : `could not start: ${(error as Error).message}`,
  );
  await stopAll(1);
}
