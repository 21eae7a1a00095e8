import type { Fetcher } from '@apollo/utils.fetcher';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher, type HttpFetcher } from '../http/createHttpFetcher.js';
import { DownstreamFailure } from './DownstreamFailure.js';
import { fetchJson } from './fetchJson.js';

type Route = (request: IncomingMessage, response: ServerResponse, body: string) => void;

const json =
  (status: number, body: unknown, headers: Record<string, string | string[]> = {}): Route =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

const routes: Record<string, Route> = {
  '/echo?x=1': (request, response, body) =>
    json(
      200,
      { method: request.method, url: request.url, contentType: request.headers['content-type'], body },
      { 'x-many': ['a', 'b'], 'Cache-Control': 'no-store' },
    )(request, response, body),
  '/busy': json(503, { error: 'busy' }, { 'retry-after': '7' }),
  '/throttled': json(429, {}),
  '/not-json': (_request, response) =>
    response.writeHead(200, { 'content-type': 'text/html' }).end('<html>oops</html>'),
  '/missing': json(404, { error: 'no such thing' }),
  // Several hundred KB in many chunks, with characters of two and three bytes split between them.
  '/large': json(200, { text: 'é€'.repeat(100_000) }),
  '/moved': (_request, response) => response.writeHead(307, { location: '/echo?x=1' }).end(),
  '/stalls-mid-body': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"partial":');
  },
};

/** What fetchJson's rejection says, for whole-object assertions. */
async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DownstreamFailure);
  const { message, retryable, retryAfterMs } = error as DownstreamFailure;
  return { message, retryable, retryAfterMs };
}

describe('fetchJson over the pooled fetcher (leanFetch)', () => {
  let server: Server;
  let base: string;
  let pool: HttpFetcher;
  let connections = 0;
  const init = { method: 'GET' };
  const signal = () => AbortSignal.timeout(5_000);

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const route = routes[request.url ?? ''];
        if (route) route(request, response, body);
        else response.writeHead(500).end();
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pool = createHttpFetcher({ connectionsPerOrigin: 1 });
  });

  afterAll(async () => {
    await pool.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('offers leanFetch on the fetch it returns', () => {
    expect(typeof pool.fetch.leanFetch).toBe('function');
  });

  it('notes the call it dispatches as waiting for its write until the next check phase', async () => {
    expect(pool.callWrites.awaitingWrite()).toBe(false);
    const answer = fetchJson(pool.fetch, `${base}/echo?x=1`, init, signal());
    expect(pool.callWrites.awaitingWrite()).toBe(true);
    await pool.callWrites.afterWrites();
    expect(pool.callWrites.awaitingWrite()).toBe(false);
    expect((await answer).json).toEqual({ method: 'GET', url: '/echo?x=1', body: '' });
  });

  it('sends method, path, query and body, and reads status, JSON and headers by any case', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' };
    const response = await fetchJson(pool.fetch, `${base}/echo?x=1`, init, signal());
    expect({ status: response.status, json: response.json }).toEqual({
      status: 200,
      json: { method: 'POST', url: '/echo?x=1', contentType: 'application/json', body: '{"a":1}' },
    });
    // The body as received too: copies of a shared answer are parsed from it.
    expect(JSON.parse(response.text)).toEqual(response.json);
    expect(response.text).toContain('"url":"/echo?x=1"');
    expect([
      response.headers.get('cache-control'),
      response.headers.get('Cache-Control'),
      response.headers.get('x-many'),
      response.headers.get('x-absent'),
    ]).toEqual(['no-store', 'no-store', 'a, b', null]);
  });

  it('returns a 4xx with its body for the caller to interpret', async () => {
    const { status, json } = await fetchJson(pool.fetch, `${base}/missing`, init, signal());
    expect({ status, json }).toEqual({ status: 404, json: { error: 'no such thing' } });
  });

  it('fails a 503 as retryable, honouring Retry-After', async () => {
    expect(await failureOf(fetchJson(pool.fetch, `${base}/busy`, init, signal()))).toEqual({
      message: 'HTTP 503',
      retryable: true,
      retryAfterMs: 7_000,
    });
  });

  it('fails a 429 without Retry-After as retryable', async () => {
    expect(await failureOf(fetchJson(pool.fetch, `${base}/throttled`, init, signal()))).toEqual({
      message: 'HTTP 429',
      retryable: true,
      retryAfterMs: undefined,
    });
  });

  it('fails a body that is not JSON as not retryable', async () => {
    expect(await failureOf(fetchJson(pool.fetch, `${base}/not-json`, init, signal()))).toEqual({
      message: 'HTTP 200 with a body that is not JSON',
      retryable: false,
      retryAfterMs: undefined,
    });
  });

  it('keeps using its one connection after failed statuses and unreadable bodies', async () => {
    const before = connections;
    for (const path of ['/busy', '/not-json', '/throttled', '/busy'])
      await fetchJson(pool.fetch, `${base}${path}`, init, signal()).catch(() => undefined);
    await fetchJson(pool.fetch, `${base}/missing`, init, signal());
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('reads a large body that arrives in many chunks whole, multi-byte characters intact', async () => {
    const response = await fetchJson(pool.fetch, `${base}/large`, init, signal());
    expect(response.json).toEqual({ text: 'é€'.repeat(100_000) });
    expect(response.text.length).toBe('{"text":""}'.length + 200_000);
  });

  it('follows a redirect, as WHATWG fetch does', async () => {
    const { status, json } = await fetchJson(pool.fetch, `${base}/moved`, init, signal());
    expect({ status, json }).toEqual({ status: 200, json: { method: 'GET', url: '/echo?x=1', body: '' } });
  });

  it('rethrows an abort mid-body as the signal’s reason', async () => {
    const controller = new AbortController();
    const reason = new Error('deadline');
    const pending = fetchJson(pool.fetch, `${base}/stalls-mid-body`, init, controller.signal);
    setTimeout(() => controller.abort(reason), 100);
    await expect(pending).rejects.toBe(reason);
    // The stalled connection was dropped, not left holding the pool's only slot.
    expect((await fetchJson(pool.fetch, `${base}/missing`, init, signal())).status).toBe(404);
  });

  it('rethrows an abort before the answer as the signal’s reason', async () => {
    const reason = new Error('already over');
    await expect(fetchJson(pool.fetch, `${base}/missing`, init, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('fails a refused connection as retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await failureOf(fetchJson(pool.fetch, `http://127.0.0.1:${port}/`, init, signal()));
    expect(failure).toEqual({
      message: `connection failed: connect ECONNREFUSED 127.0.0.1:${port}`,
      retryable: true,
      retryAfterMs: undefined,
    });
  });

  it('still takes a plain Fetcher without leanFetch through WHATWG fetch', async () => {
    const plain: Fetcher = (url, options) => pool.fetch(url, options);
    const { status, json } = await fetchJson(plain, `${base}/missing`, init, signal());
    expect({ status, json }).toEqual({ status: 404, json: { error: 'no such thing' } });
    expect(await failureOf(fetchJson(plain, `${base}/busy`, init, signal()))).toEqual({
      message: 'HTTP 503',
      retryable: true,
      retryAfterMs: 7_000,
    });
  });
});
