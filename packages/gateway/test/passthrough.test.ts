import { downstreamServiceMessage } from '@bff/gateway';
import { seedInventory } from '@bff/service-inventory';
import { seedOrders } from '@bff/service-orders';
import { signTestToken, startTestStack, viewerHeaders, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const as = viewerHeaders('web');

describe('web BFF REST passthrough routes', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());
  beforeEach(() => {
    stack.services.resetCalls();
    stack.services.behave('orders', {});
  });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.bff.url}${path}`, { headers });

  it("forwards a customer's own orders as the service answered them, with the BFF's identity headers only", async () => {
    const response = await get('/api/users/1/orders?limit=5', {
      ...as.customer,
      'x-user-id': 'spoofed',
      'x-user-roles': 'staff',
      'x-request-id': 'rest-1',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ orders: seedOrders().filter((order) => order.buyerId === '1') });
    expect(stack.services.calls.orders).toEqual(['GET /users/1/orders?limit=5']);
    const received = stack.services.headers.orders[0]!;
    expect([
      received['x-user-id'],
      received['x-user-roles'],
      received['x-client-name'],
      received['x-request-id'],
      received.authorization,
    ]).toEqual(['1', 'customer', 'web', 'rest-1', undefined]);
  });

  it('issue #23 - marks a ruled route private to its viewer, and an allowed anonymous one as the service said', async () => {
    const own = await get('/api/users/1/orders', as.customer);
    expect([own.headers.get('cache-control'), own.headers.get('vary')]).toEqual(['private', 'authorization']);
    const stock = await get(`/api/inventory/${seedInventory()[0]!.upc}`);
    expect([stock.status, stock.headers.get('cache-control'), stock.headers.get('vary')]).toEqual([
      200,
      null,
      'authorization',
    ]);
    const stockSignedIn = await get(`/api/inventory/${seedInventory()[0]!.upc}`, as.customer);
    expect(stockSignedIn.headers.get('cache-control')).toBe('private');
  });

  it('authenticates as GraphQL does: a bad token is 401 before any call', async () => {
    const response = await get('/api/users/1/orders', {
      authorization: `Bearer ${signTestToken('web', { expiresIn: -60 })}`,
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Authentication failed: token expired', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(stack.services.calls.orders).toEqual([]);
  });

  it("passes the service's own 404 through, and serves public routes to anyone", async () => {
    const missing = await get('/api/inventory/999999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No inventory for upc 999999' } });
    const found = await get('/api/inventory/100001');
    expect(await found.json()).toEqual(seedInventory()[0]);
  });

  it('answers 502 DOWNSTREAM_SERVICE_ERROR naming the service when it fails (a 500 is not retried)', async () => {
    stack.services.behave('orders', { failWith: 500 });
    const response = await get('/api/users/1/orders', as.customer);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: downstreamServiceMessage('orders'),
          extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'orders' },
        },
      ],
    });
    expect(stack.services.calls.orders).toEqual(['GET /users/1/orders']);
  });

  it('retries a GET once after a 503 that says when to come back', async () => {
    stack.services.behave('orders', { failWith: 503, retryAfter: '0' });
    expect((await get('/api/users/1/orders', as.customer)).status).toBe(502);
    expect(stack.services.calls.orders).toEqual(['GET /users/1/orders', 'GET /users/1/orders']);
  });
});
