import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createHealth } from './health/createHealth.js';
import { useOperationalEndpoints } from './useOperationalEndpoints.js';

describe('useOperationalEndpoints', () => {
  it('answers /readyz 503 until the supergraph is loaded, 200 then, and 503 again while draining, closing each connection', async () => {
    const http = Fastify();
    const health = createHealth();
    useOperationalEndpoints(http, health, undefined);
    http.get('/work', async () => ({ done: true }));
    const readyz = async () => {
      const response = await http.inject({ method: 'GET', url: '/readyz' });
      return [response.statusCode, response.json(), response.headers['connection']];
    };

    expect(await readyz()).toEqual([503, { status: 'loading' }, 'keep-alive']);
    health.markLoaded();
    expect(await readyz()).toEqual([200, { status: 'ready' }, 'keep-alive']);
    health.markDraining();
    expect(await readyz()).toEqual([503, { status: 'draining' }, 'close']);
    const work = await http.inject({ method: 'GET', url: '/work' });
    expect([work.statusCode, work.headers['connection']]).toEqual([200, 'close']);
    const healthz = await http.inject({ method: 'GET', url: '/healthz' });
    expect([healthz.statusCode, healthz.json()]).toEqual([200, { status: 'ok' }]);
    expect((await http.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    await http.close();
  });
});
