import { createHash } from 'node:crypto';
import { allow, hasRole, rule, type BffContext } from '@bff/gateway';
import { seedUsers } from '@bff/service-accounts';
import { seedProducts } from '@bff/service-products';
import { startTestStack, viewerHeaders, type TestStack } from '@bff/testing';
import { webAuthorization } from '@bff/web-bff';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const as = viewerHeaders('web');
const user1 = seedUsers()[0]!;
const product1 = seedProducts()[0]!;
/** products allows 60 s and reviews 30 s: the whole answer is fresh for 30 s. */
const publicQuery = { query: /* GraphQL */ `{ topProducts(first: 2) { name averageRating } }` };
const productPageQuery = {
  query: /* GraphQL */ `{ productPage(upc: "${product1.upc}") { product { name reviews(first: 1) { author { username } } } } }`,
};
const varyOnViewerAndMediaType = 'authorization, accept';

/** What a shared cache (a CDN in front of persisted-query GETs) reads from a response. */
const cacheHeadersOf = (response: { headers: Headers }) => ({
  cacheControl: response.headers.get('cache-control'),
  vary: response.headers.get('vary'),
});

describe('web BFF cache headers (RFC 9111: public only for an anonymous answer no rule judged)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('web');
  });
  afterAll(() => stack?.close());

  it('issue #23 - marks an anonymous answer of public fields public, with the shortest max-age of the services that answered', async () => {
    const response = await stack.bff.post(publicQuery);
    expect(response.body.data.topProducts).toHaveLength(2);
    expect(cacheHeadersOf(response)).toEqual({ cacheControl: 'max-age=30, public', vary: varyOnViewerAndMediaType });
  });

  it('issue #23 - keeps the anonymous product page public (only `allow` decides it)', async () => {
    const response = await stack.bff.post(productPageQuery);
    expect(response.body.errors).toBeUndefined();
    expect(cacheHeadersOf(response)).toEqual({ cacheControl: 'max-age=30, public', vary: varyOnViewerAndMediaType });
  });

  it('issue #23 - marks the same answer private for a signed-in viewer, keeping its max-age for their own browser', async () => {
    const response = await stack.bff.post(publicQuery, as.customer);
    expect(response.body.data.topProducts).toHaveLength(2);
    expect(cacheHeadersOf(response)).toEqual({ cacheControl: 'max-age=30, private', vary: varyOnViewerAndMediaType });
  });

  it("issue #23 - marks user 1's own email private", async () => {
    const response = await stack.bff.post({ query: /* GraphQL */ `{ user(id: "1") { email } }` }, as.customer);
    expect(response.body).toEqual({ data: { user: { email: user1.email } } });
    expect(cacheHeadersOf(response)).toEqual({ cacheControl: 'max-age=60, private', vary: varyOnViewerAndMediaType });
  });

  it("issue #23 - marks staff's cost and supplier private", async () => {
    const response = await stack.bff.post(
      { query: /* GraphQL */ `{ product(upc: "${product1.upc}") { cost supplier } }` },
      as.staff,
    );
    expect(response.body).toEqual({ data: { product: { cost: 10849, supplier: 'Fabrikam Goods' } } });
    expect(cacheHeadersOf(response)).toEqual({ cacheControl: 'max-age=60, private', vary: varyOnViewerAndMediaType });
  });

  it('issue #23 - marks a persisted-query GET (what a CDN caches) public when anonymous and private when signed in', async () => {
    const hash = createHash('sha256').update(publicQuery.query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    await stack.bff.post({ ...publicQuery, extensions });
    const get = (headers: Record<string, string>) =>
      fetch(`${stack.bff.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, {
        headers: { 'apollo-require-preflight': 'true', ...headers },
      });
    const anonymous = await get({});
    const signedIn = await get(as.customer);
    expect([anonymous.status, signedIn.status]).toEqual([200, 200]);
    expect(await signedIn.json()).toEqual(await anonymous.json());
    expect(cacheHeadersOf(anonymous)).toEqual({ cacheControl: 'max-age=30, public', vary: varyOnViewerAndMediaType });
    expect(cacheHeadersOf(signedIn)).toEqual({ cacheControl: 'max-age=30, private', vary: varyOnViewerAndMediaType });
  });

  it('issue #23 - lets no cache store an answer with an error (no-store, as Apollo Server answers)', async () => {
    const response = await stack.bff.post({ query: /* GraphQL */ `{ user(id: "1") { name email } }` });
    expect(response.body).toEqual({
      data: { user: { name: user1.name, email: null } },
      errors: [
        { message: 'Not allowed to read User.email.', path: ['user', 'email'], extensions: { code: 'FORBIDDEN' } },
      ],
    });
    expect(cacheHeadersOf(response)).toEqual({ cacheControl: 'no-store', vary: varyOnViewerAndMediaType });
  });
});

describe('web BFF cache headers when a rule decides an anonymous answer', () => {
  /** A rule that decides by something no Vary can name: the address the request comes from. */
  const isOnTheShopNetwork = rule('isOnTheShopNetwork', { cache: 'contextual' })(
    (_parent, _args, context: BffContext) => context.clientIp === '127.0.0.1',
  );
  const authorization = {
    rules: {
      ...webAuthorization.rules,
      Product: { '*': allow, cost: hasRole('staff'), supplier: hasRole('staff'), averageRating: isOnTheShopNetwork },
    },
  };
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('issue #23 - marks an anonymous answer private when a rule other than allow was judged for it', async () => {
    const stack = await startTestStack('web', {}, { authorization });
    cleanups.push(() => stack.close());
    const response = await stack.bff.post(publicQuery);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.topProducts).toHaveLength(2);
    expect(cacheHeadersOf(response)).toEqual({ cacheControl: 'max-age=30, private', vary: varyOnViewerAndMediaType });
  });

  it('issue #23 - does not keep such an answer in the response cache', async () => {
    const stack = await startTestStack('web', { WEB_BFF_RESPONSE_CACHE: 'on' }, { authorization });
    cleanups.push(() => stack.close());
    await stack.bff.post(publicQuery);
    const second = await stack.bff.post(publicQuery);
    expect(second.headers.get('age')).toBeNull();
    expect(stack.services.calls.products).toEqual(['POST /graphql', 'POST /graphql']);
  });
});
