import { createAccountsApp } from '@bff/service-accounts';
import { createInventoryApp } from '@bff/service-inventory';
import { createOrdersApp } from '@bff/service-orders';
import { createProductsApp } from '@bff/service-products';
import { createReviewsApp } from '@bff/service-reviews';
import { ConfigError, type BffServer } from '@bff/gateway';
import { createMobileBff } from '@bff/mobile-bff';
import { createWebBff } from '@bff/web-bff';
import type { FastifyInstance } from 'fastify';

/**
 * `npm start`: every example service and both BFFs in this one process on 127.0.0.1, with
 * in-memory state and no Docker. The ports are the ones supergraph/*.yaml routes to and the
 * connectors' default service URLs; each BFF still reads its own environment (WEB_BFF_*, MOBILE_BFF_*).
 */
const services: readonly { name: string; port: number; create: () => Promise<FastifyInstance>; path: string }[] = [
  { name: 'products', port: 4201, create: createProductsApp, path: '/graphql' },
  { name: 'reviews', port: 4202, create: createReviewsApp, path: '/graphql' },
  { name: 'accounts', port: 4301, create: createAccountsApp, path: '' },
  { name: 'orders', port: 4302, create: createOrdersApp, path: '' },
  { name: 'inventory', port: 4303, create: createInventoryApp, path: '' },
];

const running: { close(): Promise<unknown> }[] = [];
let stopping = false;

async function stopAll(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    // BFFs first, so no request is left calling a service that is already gone.
    for (const server of running.reverse()) await server.close().catch(() => undefined);
  }
  process.exit(exitCode);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  const lines: string[] = [];
  for (const service of services) {
    const app = await service.create();
    running.push(app);
    const url = await app.listen({ host: '127.0.0.1', port: service.port });
    lines.push(`  ${service.name.padEnd(10)} ${url}${service.path}`);
  }
  const bffs: [string, BffServer][] = [
    ['web', createWebBff()],
    ['mobile', createMobileBff()],
  ];
  const bffLines: string[] = [];
  for (const [name, bff] of bffs) {
    running.push({ close: () => bff.stop() });
    const url = await bff.start();
    bffLines.push(`  ${`${name} BFF`.padEnd(10)} ${url}/graphql`);
  }
  console.log(`BFFs ready (Ctrl-C stops everything):\n${bffLines.join('\n')}\nServices:\n${lines.join('\n')}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `could not start: ${(error as Error).message}`);
  await stopAll(1);
}
