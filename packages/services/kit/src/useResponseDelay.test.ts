import Fastify, { type FastifyInstance } from 'fastify';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { readResponseDelay, responseDelayKey } from './readResponseDelay.js';
import { useResponseDelay } from './useResponseDelay.js';

/** A service-shaped app: one route of work, one health probe. */
function createPingApp(): FastifyInstance {
  const app = Fastify();
  app.get('/ping', async () => ({ pong: true }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  return app;
}

/** Listens on a free port of 127.0.0.1; the caller closes the app. */
async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/** GETs `url` as JSON, with the milliseconds it took. */
async function timedGet(url: string): Promise<{ body: unknown; elapsedMs: number }> {
  const started = performance.now();
  const body: unknown = await (await fetch(url)).json();
  return { body, elapsedMs: performance.now() - started };
}

describe('useResponseDelay', () => {
  it('makes a request wait at least the delay before it is answered', async () => {
    const app = createPingApp();
    useResponseDelay(app, 200);
    try {
      const url = await listen(app);
      const { body, elapsedMs } = await timedGet(`${url}/ping`);
      expect(body).toEqual({ pong: true });
      // A lower bound only: a busy machine may take any time longer.
      expect(elapsedMs).toBeGreaterThanOrEqual(190);
    } finally {
      await app.close();
    }
  });

  it('answers /healthz without waiting, while a delayed request is still in flight', async () => {
    const app = createPingApp();
    useResponseDelay(app, 1_000);
    try {
      const url = await listen(app);
      const answered: string[] = [];
      const ping = timedGet(`${url}/ping`).then(() => answered.push('ping'));
      const health = timedGet(`${url}/healthz`).then(({ body }) => {
        answered.push('healthz');
        return body;
      });
      expect(await health).toEqual({ status: 'ok' });
      await ping;
      expect(answered).toEqual(['healthz', 'ping']);
    } finally {
      await app.close();
    }
  });

  it('adds no hook at all when the delay is 0', async () => {
    const plain = createPingApp();
    const zero = createPingApp();
    useResponseDelay(zero, 0);
    const delayed = createPingApp();
    useResponseDelay(delayed, 200);
    await Promise.all([plain.ready(), zero.ready(), delayed.ready()]);
    try {
      expect(delayed.printRoutes({ includeHooks: true })).toContain('delayResponse');
      expect(zero.printRoutes({ includeHooks: true })).toBe(plain.printRoutes({ includeHooks: true }));
    } finally {
      await Promise.all([plain.close(), zero.close(), delayed.close()]);
    }
  });
});

describe('readResponseDelay', () => {
  it('reads <NAME>_RESPONSE_DELAY_MS of the service, 0 when unset or empty', () => {
    expect(responseDelayKey('reviews')).toBe('REVIEWS_RESPONSE_DELAY_MS');
    expect(readResponseDelay('reviews', { REVIEWS_RESPONSE_DELAY_MS: '200' })).toBe(200);
    expect(readResponseDelay('reviews', { REVIEWS_RESPONSE_DELAY_MS: '0' })).toBe(0);
    expect(readResponseDelay('reviews', { REVIEWS_RESPONSE_DELAY_MS: '' })).toBe(0);
    expect(readResponseDelay('reviews', { PRODUCTS_RESPONSE_DELAY_MS: '200' })).toBe(0);
  });
});
