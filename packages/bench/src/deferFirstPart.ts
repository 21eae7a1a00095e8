import { readPersistedQueryManifest } from '@bff/gateway';
import { mobileManifestFile } from '@bff/mobile-bff';
import { readMultipartParts, signTestToken } from '@bff/testing';
import { performance } from 'node:perf_hooks';
import { spawnTarget, type Target } from './spawnTarget.js';
import { distinctTokens } from './stockBench.js';
import { urlNamed } from './urlNamed.js';

/** How slow the reviews service is made: issue #26's product screen measures @defer with it at 200 ms. */
export const slowReviewsMs = 200;
const warmUpRequests = 10;
const measuredRequests = 30;
/** What Apollo Client 4 sends for an operation with @defer (packages/testing/src/apolloClient.ts). */
export const deferAccept =
  'multipart/mixed;deferSpec=20220824,application/graphql-response+json,application/json;q=0.9';

/** The outcome of {@link deferFirstPart}: medians of sequential requests, and their ratio. */
export interface DeferFirstPartResult {
  readonly name: string;
  /** Median milliseconds from sending the request to having the whole first part (the initial result). */
  readonly firstPartMs: number;
  /** Median milliseconds from sending the request to the end of the multipart answer. */
  readonly wholeMs: number;
  /** firstPartMs / wholeMs. */
  readonly ratio: number;
  readonly met: boolean;
  readonly target: { readonly atMost: number; readonly says: string };
  readonly requests: number;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * The mobile product screen (`ProductDetail`, its reviews deferred in the manifest) over services whose
 * reviews answer 200 ms late: how soon the first part arrives against the whole answer, each request
 * a different customer, one at a time after a warm-up. Starts its own services and mobile BFF (production
 * mode: trusted documents enforced, so the manifest's text is sent) and stops them when done. Throws,
 * naming what came back, when the answer is not multipart with a first part to come before the rest.
 */
export async function deferFirstPart(targets: Target[]): Promise<DeferFirstPartResult> {
  const services = await spawnTarget('services', { REVIEWS_RESPONSE_DELAY_MS: String(slowReviewsMs) });
  targets.push(services);
  const mobile = await spawnTarget('mobile-bff', {
    MOBILE_BFF_SUBGRAPH_PRODUCTS_URL: `${urlNamed(services.ready, 'products')}/graphql`,
    MOBILE_BFF_SUBGRAPH_REVIEWS_URL: `${urlNamed(services.ready, 'reviews')}/graphql`,
    MOBILE_BFF_SERVICE_ACCOUNTS_URL: urlNamed(services.ready, 'accounts'),
    MOBILE_BFF_SERVICE_ORDERS_URL: urlNamed(services.ready, 'orders'),
    MOBILE_BFF_SERVICE_INVENTORY_URL: urlNamed(services.ready, 'inventory'),
    // Signed-in answers are private anyway; measured is the work of answering.
    MOBILE_BFF_RESPONSE_CACHE: 'off',
  });
  targets.push(mobile);
  try {
    const url = urlNamed(mobile.ready, 'url');
    const body = JSON.stringify(productDetailRequest());
    const customer = distinctTokens((sub) => signTestToken('mobile', { sub, roles: ['customer'], expiresIn: '2h' }));
    for (let request = 0; request < warmUpRequests; request += 1) await timeProductDetail(url, body, customer());
    const firstParts: number[] = [];
    const wholes: number[] = [];
    for (let request = 0; request < measuredRequests; request += 1) {
      const timing = await timeProductDetail(url, body, customer());
      firstParts.push(timing.firstPartMs);
      wholes.push(timing.wholeMs);
    }
    const firstPartMs = median(firstParts);
    const wholeMs = median(wholes);
    const ratio = firstPartMs / wholeMs;
    const atMost = 0.2;
    return {
      name: `@defer, mobile product screen (ProductDetail), reviews service slowed to ${slowReviewsMs} ms`,
      firstPartMs,
      wholeMs,
      ratio,
      met: ratio <= atMost,
      target: { atMost, says: 'issue #26: the first part in at most a fifth of the whole answer, <= 0.2' },
      requests: measuredRequests,
    };
  } finally {
    // Its slowed services must not stay up beside the next scenario's.
    await Promise.all([mobile.stop(), services.stop()]);
  }
}

/** The manifest's ProductDetail, as the app sends it: by its trusted text. */
function productDetailRequest() {
  const operation = readPersistedQueryManifest(mobileManifestFile).operations.find(
    (candidate) => candidate.name === 'ProductDetail',
  );
  if (!operation) throw new Error(`${mobileManifestFile} has no operation named ProductDetail`);
  if (!operation.body.includes('@defer')) {
    throw new Error(`ProductDetail in ${mobileManifestFile} defers nothing: its body has no @defer`);
  }
  return {
    query: operation.body,
    operationName: 'ProductDetail',
    variables: { upc: '100001', imageWidth: 750, density: 2 },
  };
}

/** Sends one ProductDetail accepting multipart, timing its first part and the whole answer. */
async function timeProductDetail(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ firstPartMs: number; wholeMs: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: deferAccept, ...headers },
    body,
  });
  const contentType = response.headers.get('content-type') ?? '(no content-type)';
  if (response.status !== 200 || !contentType.startsWith('multipart/mixed')) {
    const text = await response.text();
    throw new Error(
      `ProductDetail with Accept ${deferAccept} came back ${response.status} ${contentType}, ` +
        `not a multipart answer: ${text.slice(0, 500)}`,
    );
  }
  let firstPartMs: number | undefined;
  const parts: unknown[] = [];
  for await (const part of readMultipartParts(response)) {
    firstPartMs ??= performance.now() - started;
    parts.push(part);
  }
  const wholeMs = performance.now() - started;
  checkParts(parts);
  return { firstPartMs: firstPartMs ?? wholeMs, wholeMs };
}

/** A first part with data and more to come, a last part with none, no errors anywhere: else the timing is moot. */
function checkParts(parts: readonly unknown[]): void {
  // JSON as the BFF sent it: read, never trusted, by the checks below.
  const payloads = parts as readonly Partial<{
    data: unknown;
    hasNext: unknown;
    errors: unknown;
    incremental: readonly Partial<{ errors: unknown }>[];
  }>[];
  const first = payloads[0];
  const last = payloads.at(-1);
  const withErrors =
    payloads.some((part) => part.errors !== undefined) ||
    payloads.some((part) => part.incremental?.some((item) => item.errors !== undefined));
  if (
    parts.length < 2 ||
    first?.data === undefined ||
    first.hasNext !== true ||
    last?.hasNext !== false ||
    withErrors
  ) {
    throw new Error(
      `ProductDetail came back multipart but not as an initial result then deferred parts: ` +
        JSON.stringify(parts).slice(0, 1_000),
    );
  }
}

/** Prints the result in the style of the feature comparisons (compareVariants.ts's formatResults). */
export function formatDeferFirstPart(result: DeferFirstPartResult): string {
  return (
    `${result.name}, ${result.requests} sequential requests, a different customer each\n` +
    `  first part (p50): ${result.firstPartMs.toFixed(1)} ms\n` +
    `  whole answer (p50): ${result.wholeMs.toFixed(1)} ms\n` +
    `  ratio ${result.ratio.toFixed(3)} (target: ${result.target.says}) ${result.met ? 'MET' : 'MISSED'}`
  );
}
