import autocannon from 'autocannon';

/** One load run against a GraphQL endpoint. */
export interface LoadOptions {
  readonly url: string;
  readonly body: object;
  readonly headers?: Record<string, string>;
  /** Report failed responses (non-2xx, socket errors, timeouts) instead of failing the run. @default false */
  readonly tolerateErrors?: boolean;
  /** Headers made afresh for every request, e.g. each its own user's token. @default none */
  readonly headersPerRequest?: () => Record<string, string>;
  /** @default 10 */
  readonly connections?: number;
  /** @default 5 */
  readonly durationSeconds?: number;
}

/**
 * Requests per second a target sustains for one document. Fails when any response is not a 2xx
 * or carries GraphQL errors: a fast wrong answer must never count as throughput.
 */
export async function measureThroughput(options: LoadOptions): Promise<number> {
  return (await measureLoad(options)).requestsPerSecond;
}

/** Fails unless `url` answers `body` with data and no errors: a fast wrong answer must never count as throughput. */
export async function probeDocument(url: string, body: object, headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"'))
    throw new Error(`bench document fails at ${url}: ${response.status} ${text.slice(0, 300)}`);
}

/** What one load run achieved. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  /** Responses received in the run. */
  readonly requests: number;
  /** Latency percentiles of the run, in ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Non-2xx responses, socket errors and timeouts. */
  readonly errors: number;
}

/** Runs one load and reports its throughput and the number of responses; see measureThroughput. */
export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json', ...options.headers };
  const body = JSON.stringify(options.body);
  const { headersPerRequest } = options;
  await probeDocument(options.url, options.body, { ...options.headers, ...headersPerRequest?.() });
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers,
    body,
    connections: options.connections ?? 10,
    duration: options.durationSeconds ?? 5,
    ...(headersPerRequest && {
      requests: [
        {
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...headersPerRequest() } }),
        },
      ],
    }),
  });
  const errors = result.non2xx + result.errors + result.timeouts;
  if (errors > 0 && !options.tolerateErrors) {
    throw new Error(
      `bench run had ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors,
  };
}
