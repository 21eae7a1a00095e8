import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createEventBus } from '@bff/gateway';
import { postGraphQL, startRedisServer } from '@bff/testing';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');

/**
 * The launcher `npm start` runs once it has built the workspace (vitest's global setup built it), minus npm's
 * wrapper, so the signal reaches the launcher; every port free, `extraEnv` added. Resolves once both BFFs are up.
 */
async function launch(extraEnv: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    WEB_BFF_PORT: '0',
    MOBILE_BFF_PORT: '0',
    ...extraEnv,
  };
  for (const name of ['PRODUCTS', 'REVIEWS', 'ACCOUNTS', 'ORDERS', 'INVENTORY']) env[`${name}_PORT`] = '0';
  const child = spawn(process.execPath, ['--conditions=bff-compiled', 'packages/embedded/dist/start.js'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  let web: string | undefined;
  let mobile: string | undefined;
  for (let attempt = 0; attempt < 300 && !(web && mobile); attempt += 1) {
    await new Promise((wake) => setTimeout(wake, 50));
    web = /web BFF\s+(http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(stdout)?.[1];
    mobile = /mobile BFF\s+(http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(stdout)?.[1];
  }
  /** Sends SIGTERM and resolves with the exit code. */
  const stop = () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { stdout: () => stdout, web: web!, mobile: mobile!, stop };
}

describe('npm start', () => {
  it('starts every service and both BFFs, prints the endpoints, serves, and stops cleanly on SIGTERM', async () => {
    const started = await launch();
    try {
      expect(started.stdout()).toMatch(
        /Services:\n {2}products +http:\/\/127\.0\.0\.1:\d+\/graphql\n {2}reviews .*\n {2}accounts .*\n {2}orders .*\n {2}inventory .*/,
      );
      const page = await postGraphQL(started.web, {
        query: /* GraphQL */ `{ productPage(upc: "100001") { product { upc stock reviewCount } } }`,
      });
      expect(page.body).toEqual({ data: { productPage: { product: { upc: '100001', stock: 105, reviewCount: 15 } } } });
      const feed = await postGraphQL(started.mobile, {
        query: /* GraphQL */ `{ feed(first: 2) { edges { node { upc } } } }`,
      });
      expect(feed.body).toEqual({
        data: { feed: { edges: [{ node: { upc: '100001' } }, { node: { upc: '100002' } }] } },
      });
    } finally {
      expect(await started.stop()).toBe(0);
    }
  });

  it("publishes the orders service's status changes through Redis when REDIS_URL is set", async () => {
    await using redis = await startRedisServer();
    const listener = createEventBus({ redisUrl: redis.url });
    const started = await launch({ REDIS_URL: redis.url });
    try {
      const events = listener.stream('orders.status');
      await events.ready;
      const ordersUrl = /\n {2}orders +(http:\/\/127\.0\.0\.1:\d+)/.exec(started.stdout())![1]!;
      expect((await fetch(`${ordersUrl}/orders/o1/advance`, { method: 'POST' })).status).toBe(200);
      const { value } = await events.next();
      expect(JSON.parse(value!)).toEqual({
        orderId: 'o1',
        buyerId: '1',
        status: 'PACKED',
        changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    } finally {
      await listener.close();
      expect(await started.stop()).toBe(0);
    }
  });
});
