import { productUpcs } from '@bff/service-kit';
import { listenOnFreePort, type RunningServer } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInventory } from './seed.js';
import { createInventoryApp } from './server.js';

const items = seedInventory();

describe('inventory seed', () => {
  it('seed is deterministic', () => {
    expect(seedInventory()).toEqual(seedInventory());
    expect(seedInventory(1)).not.toEqual(seedInventory());
  });

  it('covers every upc, with stock 0..500 and about one in ten out of stock', () => {
    expect(items.map((item) => item.upc)).toEqual(productUpcs());
    for (const item of items) {
      expect(item.stock).toBeGreaterThanOrEqual(0);
      expect(item.stock).toBeLessThanOrEqual(500);
      expect(item.inStock).toBe(item.stock > 0);
    }
    expect(items.filter((item) => !item.inStock)).toHaveLength(29);
  });
});

describe('inventory service', () => {
  let server: RunningServer;
  const get = (path: string) => fetch(`${server.url}${path}`);

  beforeAll(async () => {
    server = await listenOnFreePort(await createInventoryApp());
  });
  afterAll(() => server?.close());

  it('answers the health check', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('returns the stock of 100001 exactly as seeded', async () => {
    const res = await get('/inventory/100001');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual(items[0]);
    expect(body).toEqual({ upc: '100001', stock: 105, inStock: true, shippingEstimate: { days: 4, costCents: 799 } });
  });

  it('reports an out-of-stock product with stock 0 and inStock false', async () => {
    const res = await get('/inventory/100002');
    expect(await res.json()).toEqual({ upc: '100002', stock: 0, inStock: false, shippingEstimate: expect.any(Object) });
  });

  it('returns 404 NOT_FOUND as JSON for an unknown upc', async () => {
    const res = await get('/inventory/999999');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No inventory for upc 999999' } });
  });

  it('has no batch endpoint', async () => {
    const res = await get('/inventory?upcs=100001,100002');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Route GET /inventory?upcs=100001,100002 not found' },
    });
  });
});
