import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { badRequest, HttpError } from './HttpError.js';
import { useJsonErrors } from './useJsonErrors.js';

/** An app with useJsonErrors and a route per kind of failure; logged lines land in `logs`. */
function createApp() {
  const logs: { level: number; msg: string; err?: { message: string } }[] = [];
  const app = Fastify({
    logger: { level: 'error', stream: { write: (line: string) => void logs.push(JSON.parse(line)) } },
  });
  useJsonErrors(app);
  app.get('/bad', async () => {
    throw badRequest('ids must be numbers, but got: abc');
  });
  app.get('/gone', async () => {
    throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Use POST');
  });
  app.post('/echo', async (request) => request.body);
  app.get('/crash', async () => {
    throw new Error('database password is hunter2');
  });
  return { app, logs };
}

describe('useJsonErrors', () => {
  it('answers a thrown HttpError with its status, code and message', async () => {
    const { app } = createApp();
    const bad = await app.inject('/bad');
    expect([bad.statusCode, bad.json()]).toEqual([
      400,
      { error: { code: 'BAD_REQUEST', message: 'ids must be numbers, but got: abc' } },
    ]);
    const gone = await app.inject('/gone');
    expect([gone.statusCode, gone.json()]).toEqual([
      405,
      { error: { code: 'METHOD_NOT_ALLOWED', message: 'Use POST' } },
    ]);
  });

  it("answers fastify's own client errors with the code of their status", async () => {
    const { app } = createApp();
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Media Type' } });
  });

  it('answers an unknown route with 404 NOT_FOUND naming method and url', async () => {
    const { app } = createApp();
    const res = await app.inject({ method: 'DELETE', url: '/nope?x=1' });
    expect([res.statusCode, res.json()]).toEqual([
      404,
      { error: { code: 'NOT_FOUND', message: 'Route DELETE /nope?x=1 not found' } },
    ]);
  });

  it('answers an unexpected error with a generic 500 and logs it whole', async () => {
    const { app, logs } = createApp();
    const res = await app.inject('/crash');
    expect([res.statusCode, res.json()]).toEqual([
      500,
      { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } },
    ]);
    expect(logs).toEqual([
      expect.objectContaining({
        msg: 'unexpected error',
        err: expect.objectContaining({ message: 'database password is hunter2' }),
      }),
    ]);
  });
});
