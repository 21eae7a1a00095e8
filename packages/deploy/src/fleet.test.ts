import {
  signTestToken,
  postGraphQL,
  routedTo,
  startRedisServer,
  startServices,
  type RunningRedis,
  type RunningServices,
} from '@bff/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from './deployables.js';

/**
 * Two web BFF processes, each started from packages/web-bff/dist/main.js (compiled) exactly as a container
 * runs it, against one real redis-server: what docker-compose and Kubernetes run, minus the
 * images. (rateLimits.test.ts and persistedQueries.test.ts show the same with two BFFs in one
 * process; here nothing can be shared but Redis.)
 */
describe('issue #9 - two web BFF processes on one Redis', () => {
  let services: RunningServices;
  let redis: RunningRedis;
  const bffs: { url: string; child: ChildProcess }[] = [];

  beforeAll(async () => {
    [services, redis] = await Promise.all([startServices(), startRedisServer()]);
    const env = {
      ...routedTo('web', services),
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      REDIS_URL: redis.url,
      WEB_BFF_RATE_LIMIT_PER_USER: '4',
      WEB_BFF_RESPONSE_CACHE: 'off',
      WEB_BFF_SUPERGRAPH_RELOAD: 'off',
    };
    const ports = await Promise.all([freePort(), freePort()]);
    for (const port of ports) {
      const child = spawn(
        process.execPath,
        ['--conditions=bff-compiled', join(repositoryRoot, 'packages/web-bff/dist/main.js')],
        {
          cwd: repositoryRoot,
          env: { PATH: process.env['PATH'], APOLLO_TELEMETRY_DISABLED: 'true', ...env, WEB_BFF_PORT: String(port) },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      bffs.push({ url: `http://127.0.0.1:${port}`, child });
    }
    await Promise.all(bffs.map((bff) => untilReady(bff.url, bff.child)));
  }, 30_000);

  afterAll(async () => {
    await Promise.all(
      bffs.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }),
    );
    await Promise.all([redis?.close(), services?.close()]);
  });

  it('limits a client spread over both processes at the global count', async () => {
    const headers = { authorization: `Bearer ${signTestToken('web', { sub: '201', roles: ['customer'] })}` };
    const query = { query: /* GraphQL */ `{ productPage(upc: "100001") { upc } }` };
    const statuses: number[] = [];
    for (let request = 0; request < 6; request += 1) {
      statuses.push((await postGraphQL(`${bffs[request % 2]!.url}/graphql`, query, headers)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('serves an operation registered through one process (APQ) from the other by its hash alone', async () => {
    const query = /* GraphQL */ `query FleetProduct { product(upc: "100003") { upc } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    expect((await postGraphQL(`${bffs[0]!.url}/graphql`, { query, extensions })).body).toEqual({
      data: { product: { upc: '100003' } },
    });
    expect((await postGraphQL(`${bffs[1]!.url}/graphql`, { extensions })).body).toEqual({
      data: { product: { upc: '100003' } },
    });
  });
});

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Polls /readyz until the process has loaded its supergraph; fails when it exits first. */
async function untilReady(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the BFF at ${url} exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await sleep(100);
  }
  throw new Error(`the BFF at ${url} was not ready after 20 s`);
}
