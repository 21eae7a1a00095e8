import { readPersistedQueryManifest } from '@bff/gateway';
import { seedProducts } from '@bff/service-products';
import {
  createApolloTestClient,
  observeQuery,
  signTestToken,
  startServices,
  startTestBff,
  viewerHeaders,
  type RunningServices,
  type TestBff,
} from '@bff/testing';
import { gql } from '@apollo/client';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mobileManifestFile } from './trustedDocuments.js';

const run = promisify(execFile);
const productDetail = readPersistedQueryManifest(mobileManifestFile).operations.find(
  (entry) => entry.name === 'ProductDetail',
);
if (!productDetail) throw new Error('the mobile manifest has no ProductDetail');
const [product] = seedProducts();
const variables = { upc: product?.upc, imageWidth: 640, density: 2 };
const as = viewerHeaders('mobile');

// The mobile product screen (ProductDetail, a trusted document) defers the reviews service's part: with that service
// slow, the app paints price, stock and shipping first.
describe('the mobile product screen with @defer', () => {
  let services: RunningServices;
  let bff: TestBff;
  beforeAll(async () => {
    services = await startServices();
    bff = await startTestBff('mobile', services, { MOBILE_BFF_TRUSTED_DOCUMENTS: 'enforce' });
  });
  afterEach(() => {
    services.behave('reviews', {});
  });
  afterAll(async () => {
    await bff?.stop();
    await services?.close();
  });

  /** The screen's whole answer, from a client that takes one answer (the same trusted document). */
  const wholeAnswer = async () => {
    const response = await bff.post(
      { extensions: { persistedQuery: { version: 1, sha256Hash: productDetail.id } }, variables },
      as.customer,
    );
    expect(response.status).toBe(200);
    return response.body.data as { product: Record<string, unknown> };
  };

  it('reaches the real Apollo Client 4 as the first screen, then the screen with its reviews', async () => {
    services.behave('reviews', { delayMs: 300 });
    const whole = await wholeAnswer();
    // As the app sends it: the trusted document's id only (the BFF enforces trusted documents).
    const client = createApolloTestClient({
      url: `${bff.url}/graphql`,
      token: signTestToken('mobile', { sub: '1', roles: ['customer'] }),
      persistedIds: { ProductDetail: productDetail.id },
    });
    const observed = await observeQuery(client, gql(productDetail.body), variables);
    const { averageRating, reviewCount, reviews, ...firstScreen } = whole.product;
    expect(observed.error).toBeUndefined();
    expect(observed.data).toEqual([
      { product: firstScreen },
      { product: { ...firstScreen, averageRating, reviewCount, reviews } },
    ]);
  });

  it('answers curl in parts: the first part complete before the slow service, the reviews after it', async () => {
    services.behave('reviews', { delayMs: 300 });
    const whole = await wholeAnswer();
    const body = JSON.stringify({
      extensions: { persistedQuery: { version: 1, sha256Hash: productDetail.id } },
      variables,
    });
    const { stdout } = await run('curl', [
      '--silent',
      '--no-buffer',
      '--include',
      '--header',
      'accept: multipart/mixed;deferSpec=20220824, application/json',
      '--header',
      'content-type: application/json',
      '--header',
      `authorization: ${String(as.customer.authorization)}`,
      '--data',
      body,
      `${bff.url}/graphql`,
    ]);
    const [head, payload] = splitHead(stdout);
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head.toLowerCase()).toContain('content-type: multipart/mixed; boundary="-"; deferspec=20220824');
    const parts = payload
      .split('\r\n---')
      .map((part) => part.slice(part.indexOf('\r\n\r\n') + 4))
      .filter((json) => json.startsWith('{'))
      .map((json) => JSON.parse(json) as Record<string, unknown>);
    const { averageRating, reviewCount, reviews, ...firstScreen } = whole.product;
    expect(parts).toEqual([
      { data: { product: firstScreen }, hasNext: true },
      {
        incremental: [{ data: { averageRating, reviewCount, reviews }, path: ['product'], label: 'reviews' }],
        hasNext: false,
      },
    ]);
  });
});

/** The response head and body of `curl --include` output. */
function splitHead(output: string): [string, string] {
  const end = output.indexOf('\r\n\r\n');
  return [output.slice(0, end + 2), output.slice(end + 4)];
}
