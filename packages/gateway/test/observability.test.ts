import { signTestToken, startTestStack, type TestStack } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const productPage = {
  query: /* GraphQL */ `
    query ProductPage($upc: String!) {
      productPage(upc: $upc) { product { name stock reviews(first: 2) { author { name } } } }
    }
  `,
  variables: { upc: '100001' },
};

/** The samples of a Prometheus text exposition named `names`, one `series value` line each, sorted. */
async function scrape(url: string, ...names: string[]): Promise<string[]> {
  const text = await (await fetch(`${url}/metrics`)).text();
  // Sorted: series appear in the order they were first touched, which concurrent fetches do not fix.
  return text
    .split('\n')
    .filter((line) => names.some((name) => line.startsWith(`${name}{`) || line.startsWith(`${name} `)))
    .sort();
}

describe('web BFF observability', () => {
  let stack: TestStack;
  const lines: string[] = [];
  beforeAll(async () => {
    stack = await startTestStack(
      'web',
      { LOG_LEVEL: 'info' },
      { logStream: { write: (line) => void lines.push(line) } },
    );
  });
  afterAll(() => stack?.close());

  it('counts requests, downstream calls, batch sizes, breakers and admission at /metrics after known traffic', async () => {
    for (let index = 0; index < 3; index += 1) expect((await stack.bff.post(productPage)).status).toBe(200);
    expect(
      (await stack.bff.post(productPage, { authorization: `Bearer ${signTestToken('web', { expiresIn: -60 })}` }))
        .status,
    ).toBe(401);

    const url = stack.bff.url;
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await scrape(url, 'bff_requests_total', 'bff_request_duration_seconds_count')).toEqual([
      'bff_request_duration_seconds_count{bff="web",client="web",operation="",outcome="UNAUTHENTICATED"} 1',
      'bff_request_duration_seconds_count{bff="web",client="web",operation="ProductPage",outcome="ok"} 3',
      'bff_requests_total{bff="web",client="web",operation="",outcome="UNAUTHENTICATED"} 1',
      'bff_requests_total{bff="web",client="web",operation="ProductPage",outcome="ok"} 3',
    ]);
    expect(await scrape(url, 'bff_downstream_calls_total', 'bff_downstream_duration_seconds_count')).toEqual([
      'bff_downstream_calls_total{bff="web",service="accounts",outcome="ok"} 3',
      'bff_downstream_calls_total{bff="web",service="inventory",outcome="ok"} 3',
      'bff_downstream_calls_total{bff="web",service="products",outcome="ok"} 3',
      'bff_downstream_calls_total{bff="web",service="reviews",outcome="ok"} 3',
      'bff_downstream_duration_seconds_count{bff="web",service="accounts"} 3',
      'bff_downstream_duration_seconds_count{bff="web",service="inventory"} 3',
      'bff_downstream_duration_seconds_count{bff="web",service="products"} 3',
      'bff_downstream_duration_seconds_count{bff="web",service="reviews"} 3',
    ]);
    // One batched accounts call per page, for the two reviews' authors.
    expect(await scrape(url, 'bff_downstream_batch_size_count', 'bff_downstream_batch_size_sum')).toEqual([
      'bff_downstream_batch_size_count{bff="web",service="accounts"} 3',
      'bff_downstream_batch_size_sum{bff="web",service="accounts"} 6',
    ]);
    // The first page builds its query plan; the next two find it in the cache.
    expect(await scrape(url, 'bff_query_plan_cache_lookups_total')).toEqual([
      'bff_query_plan_cache_lookups_total{bff="web",result="hit"} 2',
      'bff_query_plan_cache_lookups_total{bff="web",result="miss"} 1',
    ]);
    expect(await scrape(url, 'bff_downstream_breaker_state')).toEqual([
      'bff_downstream_breaker_state{bff="web",service="accounts"} 0',
      'bff_downstream_breaker_state{bff="web",service="inventory"} 0',
      'bff_downstream_breaker_state{bff="web",service="orders"} 0',
      'bff_downstream_breaker_state{bff="web",service="products"} 0',
      'bff_downstream_breaker_state{bff="web",service="reviews"} 0',
    ]);
    expect(
      await scrape(url, 'bff_admission_admitted_total', 'bff_admission_shed_total', 'bff_rate_limited_total'),
    ).toEqual([
      'bff_admission_admitted_total{bff="web",class="critical"} 0',
      'bff_admission_admitted_total{bff="web",class="high"} 3',
      'bff_admission_admitted_total{bff="web",class="low"} 0',
      'bff_admission_admitted_total{bff="web",class="normal"} 0',
      'bff_admission_shed_total{bff="web",class="critical"} 0',
      'bff_admission_shed_total{bff="web",class="high"} 0',
      'bff_admission_shed_total{bff="web",class="low"} 0',
      'bff_admission_shed_total{bff="web",class="normal"} 0',
      'bff_rate_limited_total{bff="web",limit="client"} 0',
      'bff_rate_limited_total{bff="web",limit="user"} 0',
    ]);
    expect(await scrape(url, 'process_cpu_seconds_total')).toEqual([
      expect.stringMatching(/^process_cpu_seconds_total\{bff="web"\} \d/),
    ]);
  });

  it("counts one plan lookup per request for an operation left to Apollo's executor (introspection)", async () => {
    const lookups = async () =>
      Object.fromEntries(
        (await scrape(stack.bff.url, 'bff_query_plan_cache_lookups_total')).map((line) => [
          /result="(\w+)"/.exec(line)![1],
          Number(line.split(' ')[1]),
        ]),
      );
    const before = await lookups();
    const introspection = { query: '{ __schema { queryType { name } } }' };
    for (let index = 0; index < 2; index += 1) {
      const response = await stack.bff.post(introspection);
      expect(response.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    }
    const after = await lookups();
    expect({
      hit: (after['hit'] ?? 0) - (before['hit'] ?? 0),
      miss: (after['miss'] ?? 0) - (before['miss'] ?? 0),
    }).toEqual({ hit: 1, miss: 1 });
  });

  it('logs exactly one line per request, with its id, client, operation, outcome, status and duration', async () => {
    lines.length = 0;
    await stack.bff.post(productPage, { 'x-request-id': 'one-line' });
    await stack.bff.post(
      {
        query: /* GraphQL */ `query Deep { productPage(upc: "100001") { product { reviews { product { reviews { product { reviews { product { reviews { product { reviews { id } } } } } } } } } } } }`,
      },
      { 'x-request-id': 'too-deep' },
    );
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.filter((entry) => entry['reqId'] === 'one-line')).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        pid: process.pid,
        hostname: expect.any(String),
        name: 'web-bff',
        reqId: 'one-line',
        msg: 'request completed',
        method: 'POST',
        path: '/graphql',
        status: 200,
        client: 'web',
        operation: 'ProductPage',
        outcome: 'ok',
        durationMs: expect.any(Number),
      },
    ]);
    expect(entries.filter((entry) => entry['reqId'] === 'too-deep')).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        status: 400,
        operation: 'Deep',
        outcome: 'OPERATION_TOO_COMPLEX',
      }),
    ]);
  });

  it('sends no traceparent to services while tracing is off', async () => {
    stack.services.resetCalls();
    expect((await stack.bff.post(productPage)).status).toBe(200);
    expect(stack.services.headers.reviews.map((headers) => headers['traceparent'])).toEqual([undefined]);
  });

  it('answers /healthz and /readyz without a token check, rate limit or request line at info', async () => {
    lines.length = 0;
    const forged = {
      authorization: `Bearer ${signTestToken('web', { secret: 'another-secret-that-is-32-chars-long' })}`,
    };
    const healthz = await fetch(`${stack.bff.url}/healthz`, { headers: forged });
    expect([healthz.status, await healthz.json()]).toEqual([200, { status: 'ok' }]);
    const readyz = await fetch(`${stack.bff.url}/readyz`, { headers: forged });
    expect([readyz.status, await readyz.json()]).toEqual([200, { status: 'ready' }]);
    expect(healthz.headers.get('ratelimit-limit')).toBeNull();
    expect(lines).toEqual([]);
  });
});

describe('web BFF metrics under limits', () => {
  it('counts rate-limited requests, and never limits probes or scrapes', async () => {
    await using stack = await startTestStack('web', { WEB_BFF_RATE_LIMIT_PER_USER: '2' });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await stack.bff.post(productPage)).status);
    expect(statuses).toEqual([200, 200, 429]);
    for (let index = 0; index < 3; index += 1) expect((await fetch(`${stack.bff.url}/readyz`)).status).toBe(200);
    expect(await scrape(stack.bff.url, 'bff_rate_limited_total', 'bff_requests_total')).toEqual([
      'bff_rate_limited_total{bff="web",limit="client"} 0',
      'bff_rate_limited_total{bff="web",limit="user"} 1',
      'bff_requests_total{bff="web",client="web",operation="",outcome="RATE_LIMITED"} 1',
      'bff_requests_total{bff="web",client="web",operation="ProductPage",outcome="ok"} 2',
    ]);
  });
});
