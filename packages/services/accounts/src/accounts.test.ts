import { listenOnFreePort, type RunningServer } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from './seed.js';
import { createAccountsApp } from './server.js';

const users = seedUsers();

describe('accounts seed', () => {
  it('seed is deterministic', () => {
    expect(seedUsers()).toEqual(seedUsers());
    expect(seedUsers(1)).not.toEqual(seedUsers());
  });

  it('has 300 users with unique usernames and matching emails', () => {
    expect(users.map((user) => user.id)).toEqual(Array.from({ length: 300 }, (_, i) => String(i + 1)));
    expect(new Set(users.map((user) => user.username)).size).toBe(300);
    for (const user of users) expect(user.email).toBe(`${user.username}@example.com`);
  });
});

describe('accounts service', () => {
  let server: RunningServer;
  const get = (path: string) => fetch(`${server.url}${path}`);

  beforeAll(async () => {
    server = await listenOnFreePort(await createAccountsApp());
  });
  afterAll(() => server?.close());

  it('answers the health check', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('returns user 1 exactly as seeded', async () => {
    const res = await get('/users/1');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual(users[0]);
    expect(body).toEqual({
      id: '1',
      username: 'omar.schmidt1',
      name: 'Omar Schmidt',
      email: 'omar.schmidt1@example.com',
    });
  });

  it('returns 404 NOT_FOUND as JSON for an unknown user', async () => {
    const res = await get('/users/999');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'User 999 not found' } });
  });

  it('returns a batch in request order, each user once, listing missing ids', async () => {
    const res = await get('/users?ids=3,1,999,3,2,abc');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ users: [users[2], users[0], users[1]], missing: ['999', 'abc'] });
  });

  it('accepts exactly 100 ids in one batch', async () => {
    const ids = users.slice(0, 100).map((user) => user.id);
    const res = await get(`/users?ids=${ids.join(',')}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ users: users.slice(0, 100), missing: [] });
  });

  it.each(['/users', '/users?ids=', '/users?ids=,,'])('rejects %s with 400 BAD_REQUEST', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'ids query parameter is required, e.g. ?ids=1,2,3' },
    });
  });

  it('rejects more than 100 ids with 400 BAD_REQUEST', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => String(i + 1));
    const res = await get(`/users?ids=${ids.join(',')}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'at most 100 ids per request, but got: 101' },
    });
  });

  it('answers unknown routes with 404 NOT_FOUND as JSON', async () => {
    const res = await get('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Route GET /nope not found' } });
  });
});
