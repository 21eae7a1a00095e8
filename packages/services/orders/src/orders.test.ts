import { listenOnFreePort, type RunningServer } from '@bff/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedOrders, type Order } from './seed.js';
import { createOrdersApp } from './server.js';

const orders = seedOrders();
const fixedNow = new Date('2027-01-01T12:00:00.000Z');

describe('orders seed', () => {
  it('seed is deterministic', () => {
    expect(seedOrders()).toEqual(seedOrders());
    expect(seedOrders(1)).not.toEqual(seedOrders());
  });

  it('numbers orders o1, o2, … and keeps lines and quantities in range', () => {
    expect(orders.map((order) => order.id)).toEqual(orders.map((_, i) => `o${i + 1}`));
    for (const order of orders) {
      expect(order.lines.length).toBeGreaterThanOrEqual(1);
      expect(order.lines.length).toBeLessThanOrEqual(4);
      for (const line of order.lines) expect(line.quantity).toBeGreaterThanOrEqual(1);
    }
  });

  it('seeds every order PLACED', () => {
    expect(new Set(orders.map((order) => order.status))).toEqual(new Set(['PLACED']));
  });

  it('gives user 1 exactly one order, o1', () => {
    expect(orders[0]).toEqual({
      id: 'o1',
      buyerId: '1',
      createdAt: '2026-05-20T17:26:23.000Z',
      status: 'PLACED',
      lines: [
        { upc: '100053', quantity: 2 },
        { upc: '100046', quantity: 3 },
        { upc: '100008', quantity: 5 },
      ],
    });
    expect(orders.filter((order) => order.buyerId === '1')).toHaveLength(1);
  });
});

describe('orders service', () => {
  let server: RunningServer;
  const get = (path: string) => fetch(`${server.url}${path}`);
  const post = (body: string, contentType = 'application/json') =>
    fetch(`${server.url}/orders`, { method: 'POST', headers: { 'content-type': contentType }, body });

  beforeEach(async () => {
    server = await listenOnFreePort(await createOrdersApp({ now: () => fixedNow }));
  });
  afterEach(() => server?.close());

  it('answers the health check', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it("lists a user's orders newest first", async () => {
    const buyerId = orders.find((order) => orders.filter((o) => o.buyerId === order.buyerId).length >= 3)!.buyerId;
    const expected = orders
      .filter((order) => order.buyerId === buyerId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const res = await get(`/users/${buyerId}/orders`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ orders: expected });
  });

  it('lists no orders for an unknown user', async () => {
    const res = await get('/users/999/orders');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ orders: [] });
  });

  it('returns one order by id, and 404 NOT_FOUND for an unknown one', async () => {
    expect(await (await get('/orders/o1')).json()).toEqual(orders[0]);
    const res = await get('/orders/o99999');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Order o99999 not found' } });
  });

  it('creates an order that this app then returns, and no other app sees', async () => {
    const res = await post(JSON.stringify({ buyerId: '1', lines: [{ upc: '100001', quantity: 2 }] }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as Order;
    const expected: Order = {
      id: `o${orders.length + 1}`,
      buyerId: '1',
      createdAt: fixedNow.toISOString(),
      status: 'PLACED',
      lines: [{ upc: '100001', quantity: 2 }],
    };
    expect(created).toEqual(expected);
    expect(await (await get(`/orders/${created.id}`)).json()).toEqual(expected);
    expect(await (await get('/users/1/orders')).json()).toEqual({ orders: [expected, orders[0]] });

    const other = await listenOnFreePort(await createOrdersApp());
    try {
      expect((await fetch(`${other.url}/orders/${created.id}`)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('continues the id sequence for each new order', async () => {
    const body = JSON.stringify({ buyerId: '2', lines: [{ upc: '100002', quantity: 1 }] });
    const first = (await (await post(body)).json()) as Order;
    const second = (await (await post(body)).json()) as Order;
    expect([first.id, second.id]).toEqual([`o${orders.length + 1}`, `o${orders.length + 2}`]);
  });

  it.each([
    [
      'invalid JSON',
      '{"buyerId": "1", "lines": [',
      "Body is not valid JSON but content-type is set to 'application/json'",
    ],
    ['an empty body', '', "Body cannot be empty when content-type is set to 'application/json'"],
    ['a missing buyerId', '{"lines":[{"upc":"100001","quantity":1}]}', "body must have required property 'buyerId'"],
    ['missing lines', '{"buyerId":"1"}', "body must have required property 'lines'"],
    ['no lines', '{"buyerId":"1","lines":[]}', 'body/lines must NOT have fewer than 1 items'],
    [
      'a quantity of 0',
      '{"buyerId":"1","lines":[{"upc":"100001","quantity":0}]}',
      'body/lines/0/quantity must be >= 1',
    ],
    [
      'a fractional quantity',
      '{"buyerId":"1","lines":[{"upc":"100001","quantity":1.5}]}',
      'body/lines/0/quantity must be integer',
    ],
    [
      'a quantity as a string',
      '{"buyerId":"1","lines":[{"upc":"100001","quantity":"2"}]}',
      'body/lines/0/quantity must be integer',
    ],
    [
      'an unknown upc',
      '{"buyerId":"1","lines":[{"upc":"100001","quantity":1},{"upc":"999999","quantity":1}]}',
      "Unknown upc '999999' in lines[1]; upcs run from 100001 to 100240",
    ],
  ])('rejects %s with 400 BAD_REQUEST', async (_, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BAD_REQUEST', message } });
  });

  it('rejects more than 50 lines with 400 BAD_REQUEST', async () => {
    const lines = Array.from({ length: 51 }, () => ({ upc: '100001', quantity: 1 }));
    const res = await post(JSON.stringify({ buyerId: '1', lines }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'body/lines must NOT have more than 50 items' },
    });
  });

  it('rejects a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await post('buyerId=1', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) } });
  });
});
