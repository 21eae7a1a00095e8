import { signTestToken, startRedisServer, startTestStack, viewerHeaders, type TestStack } from '@bff/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisConnection } from '../src/core/createRedisConnection.js';
import { createRedisEntityCache } from '../src/entityCache/createRedisEntityCache.js';

const cacheOn = { WEB_BFF_ENTITY_CACHE: 'on' };
const admin = { authorization: `Bearer ${signTestToken('web', { sub: '900', roles: ['admin'] })}` };

/** DELETE `path` on the BFF, with `headers`: status, the headers a test reads and the parsed body. */
async function drop(stack: TestStack, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.bff.url}${path}`, { method: 'DELETE', headers });
  const body: unknown = await response.json();
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    challenge: response.headers.get('www-authenticate'),
    body,
  };
}

/** The samples of `name` at /metrics, one `series value` line each, sorted. */
async function scrape(stack: TestStack, name: string): Promise<string[]> {
  const text = await (await fetch(`${stack.bff.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`))
    .sort();
}

describe('web BFF entity cache: the drop route and the metric', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const start = async (env: NodeJS.ProcessEnv) => {
    const stack = await startTestStack('web', env);
    cleanups.push(() => stack.close());
    return stack;
  };

  it('refuses DELETE /entity-cache/<Type> without a token: 401 UNAUTHENTICATED with a Bearer challenge', async () => {
    const stack = await start(cacheOn);
    expect(await drop(stack, '/entity-cache/Product')).toEqual({
      status: 401,
      cacheControl: 'no-store',
      challenge: 'Bearer',
      body: {
        errors: [
          {
            message:
              "Authentication failed: DELETE /entity-cache/<Type> needs a bearer token with the role 'admin', " +
              'and none was sent.',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      },
    });
  });

  it('refuses it with a bad token as every route does: 401 before the route runs', async () => {
    const stack = await start(cacheOn);
    const expired = { authorization: `Bearer ${signTestToken('web', { roles: ['admin'], expiresIn: -60 })}` };
    expect(await drop(stack, '/entity-cache/Product', expired)).toEqual({
      status: 401,
      cacheControl: null,
      challenge: 'Bearer error="invalid_token"',
      body: { errors: [{ message: 'Authentication failed: token expired', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
  });

  it('refuses it to a viewer without the admin role: 403 FORBIDDEN, staff included', async () => {
    const stack = await start(cacheOn);
    const forbidden = {
      status: 403,
      cacheControl: 'no-store',
      challenge: null,
      body: {
        errors: [
          {
            message: "Not allowed to DELETE /entity-cache/<Type>: it needs a token with the role 'admin'.",
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      },
    };
    expect(await drop(stack, '/entity-cache/Product', viewerHeaders('web').customer)).toEqual(forbidden);
    expect(await drop(stack, '/entity-cache/Product', viewerHeaders('web').staff)).toEqual(forbidden);
  });

  it('answers an admin with how many entries it dropped, 0 from an empty memory cache', async () => {
    const stack = await start(cacheOn);
    expect(await drop(stack, '/entity-cache/Product', admin)).toEqual({
      status: 200,
      cacheControl: 'no-store',
      challenge: null,
      body: { dropped: 0 },
    });
  });

  it('takes the admin role from <P>ENTITY_CACHE_ADMIN_ROLE', async () => {
    const stack = await start({ ...cacheOn, WEB_BFF_ENTITY_CACHE_ADMIN_ROLE: 'staff' });
    expect((await drop(stack, '/entity-cache/Product', viewerHeaders('web').staff)).body).toEqual({ dropped: 0 });
    expect((await drop(stack, '/entity-cache/Product', admin)).status).toBe(403);
  });

  it('refuses a type name that is not a GraphQL name: 400 BAD_REQUEST', async () => {
    const stack = await start(cacheOn);
    expect(await drop(stack, '/entity-cache/Prod*', admin)).toEqual({
      status: 400,
      cacheControl: 'no-store',
      challenge: null,
      body: {
        errors: [
          {
            message: "'Prod*' is not a GraphQL type name; DELETE /entity-cache/<Type> takes one, e.g. Product.",
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    });
  });

  it('serves no route while the entity cache is off: 404 NOT_FOUND', async () => {
    const stack = await start({});
    expect(await drop(stack, '/entity-cache/Product', admin)).toEqual({
      status: 404,
      cacheControl: null,
      challenge: null,
      body: {
        errors: [
          {
            message: 'Nothing is served at DELETE /entity-cache/Product. GraphQL is served at /graphql.',
            extensions: { code: 'NOT_FOUND' },
          },
        ],
      },
    });
  });

  it('drops every entry of a type from Redis, for all replicas, and answers 503 while Redis is down', async () => {
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    const stack = await start({ ...cacheOn, REDIS_URL: redis.url });
    // Entries as a replica of the web BFF keeps them: its key prefix, two products and a user.
    const connection = createRedisConnection(redis.url);
    cleanups.push(() => connection.close());
    await connection.ready(2_000);
    const replica = createRedisEntityCache({ client: connection.client, keyPrefix: 'bff:web:entity:' });
    const key = (typename: string, id: string) => ({
      service: 'products',
      selection: `{ _entities { ... on ${typename} { name } } }`,
      typename,
      representation: JSON.stringify({ __typename: typename, id }),
    });
    replica.store(
      [
        { key: key('Product', '1'), entity: { name: 'Bowl' } },
        { key: key('User', '1'), entity: { name: 'Ada' } },
      ],
      { maxAge: 60, scope: 'PUBLIC' },
      undefined,
    );
    replica.store([{ key: key('Product', '2'), entity: { name: 'Clock' } }], { maxAge: 60, scope: 'PRIVATE' }, '1');
    await connection.client.ping();

    expect((await drop(stack, '/entity-cache/Product', admin)).body).toEqual({ dropped: 2 });
    expect(
      (await replica.lookup([key('Product', '1'), key('Product', '2'), key('User', '1')], '1')).map((e) => e?.entity),
    ).toEqual([undefined, undefined, { name: 'Ada' }]);

    await redis.stop();
    expect(await drop(stack, '/entity-cache/User', admin)).toEqual({
      status: 503,
      cacheControl: 'no-store',
      challenge: null,
      body: {
        errors: [
          {
            message: "The entity cache's store did not answer; some User entries may remain. Retry when it is back.",
            extensions: { code: 'DOWNSTREAM_UNAVAILABLE' },
          },
        ],
      },
    });
  });

  it('shows bff_entity_cache_lookups_total by result at /metrics from boot when on, and not at all when off', async () => {
    const on = await start(cacheOn);
    expect(await scrape(on, 'bff_entity_cache_lookups_total')).toEqual([
      'bff_entity_cache_lookups_total{bff="web",result="error"} 0',
      'bff_entity_cache_lookups_total{bff="web",result="hit"} 0',
      'bff_entity_cache_lookups_total{bff="web",result="miss"} 0',
    ]);
    const text = await (await fetch(`${on.bff.url}/metrics`)).text();
    expect(text).toContain(
      '# HELP bff_entity_cache_lookups_total Entities looked up in the entity cache, by result ' +
        '(hit, miss, or error: the cache store did not answer).\n# TYPE bff_entity_cache_lookups_total counter\n',
    );
    const off = await start({});
    expect(await scrape(off, 'bff_entity_cache_lookups_total')).toEqual([]);
  });
});

const productPage = /* GraphQL */ `
  query ProductPage($upc: String!) {
    productPage(upc: $upc) {
      product {
        upc name price inStock shippingEstimate { days costCents }
        reviews(first: 3) { id rating author { id username } }
      }
    }
  }
`;

describe('web BFF entity cache: entity fetches answered from it', () => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });

  async function askProductPage(stack: TestStack, sub: string) {
    const response = await fetch(`${stack.bff.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${signTestToken('web', { sub, roles: ['customer'] })}`,
      },
      body: JSON.stringify({ query: productPage, variables: { upc: '1' } }),
    });
    return { status: response.status, body: await response.json() };
  }

  it("answers a second viewer's product page with the first one's public entity answers: same data, fewer calls", async () => {
    const stack = await startTestStack('web', cacheOn);
    stacks.push(stack);
    const first = await askProductPage(stack, 'u1');
    const firstCalls = { ...stack.services.calls };
    const counts = (calls: typeof firstCalls) =>
      Object.fromEntries(Object.entries(calls).map(([name, list]) => [name, list.length]));
    expect(counts(firstCalls)).toEqual({ accounts: 0, inventory: 1, orders: 0, products: 1, reviews: 1 });
    stack.services.resetCalls();
    const second = await askProductPage(stack, 'u2');
    expect(second).toEqual(first);
    // products sends no max-age: asked again; reviews (max-age=30) and inventory's connector (max-age=10) are not.
    expect(counts(stack.services.calls)).toEqual({ accounts: 0, inventory: 0, orders: 0, products: 1, reviews: 0 });
    // The first page: products, reviews and inventory missed; the second: products missed, the other two hit.
    expect(await scrape(stack, 'bff_entity_cache_lookups_total')).toEqual([
      'bff_entity_cache_lookups_total{bff="web",result="error"} 0',
      'bff_entity_cache_lookups_total{bff="web",result="hit"} 2',
      'bff_entity_cache_lookups_total{bff="web",result="miss"} 4',
    ]);
  });
});
