import { readFileSync } from 'node:fs';
import { queryEntities, querySubgraph } from '@bff/service-kit/testing';
import { listenOnFreePort, type RunningServer } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productsSchemaPath, productsTypeDefs } from './schema.js';
import { seedProducts, type Product } from './seed.js';
import { createProductsApp } from './server.js';

const products = seedProducts();
/** A product as the schema exposes it: the seed record without its popularity. */
const exposed = ({ popularity: _, ...product }: Product) => product;
const productFields = 'upc name price weight imagePath cost supplier';

describe('products seed', () => {
  it('seed is deterministic', () => {
    expect(seedProducts()).toEqual(seedProducts());
    expect(seedProducts(1)).not.toEqual(seedProducts());
  });

  it('has 240 products with unique names, prices 199..99999 and weights 50..20000', () => {
    expect(products).toHaveLength(240);
    expect(new Set(products.map((product) => product.name)).size).toBe(240);
    for (const { price, weight } of products) {
      expect(price).toBeGreaterThanOrEqual(199);
      expect(price).toBeLessThanOrEqual(99999);
      expect(weight).toBeGreaterThanOrEqual(50);
      expect(weight).toBeLessThanOrEqual(20000);
    }
  });
});

describe('products subgraph', () => {
  let server: RunningServer;
  const query = (source: string, variables?: Record<string, unknown>) => querySubgraph(server.url, source, variables);

  beforeAll(async () => {
    server = await listenOnFreePort(await createProductsApp());
  });
  afterAll(() => server?.close());

  it('answers the health check', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('serves the SDL from schema.graphql, the single source of truth', () => {
    expect(productsTypeDefs).toBe(readFileSync(productsSchemaPath, 'utf8'));
    expect(productsTypeDefs).toContain('type Product @key(fields: "upc")');
  });

  it('returns product 100001 exactly as seeded', async () => {
    const { body } = await query(/* GraphQL */ `query ($upc: String!) { product(upc: $upc) { ${productFields} } }`, {
      upc: '100001',
    });
    expect(body).toEqual({ data: { product: exposed(products[0]!) } });
    expect(body.data?.product).toEqual({
      upc: '100001',
      name: 'Portable Ceramic Bowl',
      price: 17499,
      weight: 15350,
      imagePath: '/images/100001.jpg',
      cost: 10849,
      supplier: 'Fabrikam Goods',
    });
  });

  it('returns null for an unknown upc', async () => {
    const { body } = await query(/* GraphQL */ `{ product(upc: "999999") { upc } }`);
    expect(body).toEqual({ data: { product: null } });
  });

  it('lists top products by popularity, five by default', async () => {
    const best = [...products].sort((a, b) => b.popularity - a.popularity).map(exposed);
    const { body } = await query(
      /* GraphQL */ `{ top: topProducts { ${productFields} } three: topProducts(first: 3) { upc } }`,
    );
    expect(body).toEqual({ data: { top: best.slice(0, 5), three: best.slice(0, 3).map(({ upc }) => ({ upc })) } });
    expect(best.slice(0, 3).map(({ upc }) => upc)).toEqual(['100084', '100139', '100028']);
  });

  it('pages through the whole catalogue in upc order with cursors', async () => {
    const page = /* GraphQL */ `
      query ($after: String) {
        products(first: 100, after: $after) {
          edges { cursor node { upc } }
          pageInfo { hasNextPage endCursor }
          totalCount
        }
      }
    `;
    const seen: string[] = [];
    const hasNext: boolean[] = [];
    let after: string | null = null;
    do {
      const { body } = await query(page, { after });
      const connection = body.data?.products as {
        edges: { cursor: string; node: { upc: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        totalCount: number;
      };
      expect(connection.totalCount).toBe(240);
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor);
      seen.push(...connection.edges.map((edge) => edge.node.upc));
      hasNext.push(connection.pageInfo.hasNextPage);
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toEqual(products.map((product) => product.upc));
    expect(hasNext).toEqual([true, true, false]);
  });

  it('starts right after the given cursor, 20 by default', async () => {
    const { body: first } = await query(/* GraphQL */ `{ products(first: 2) { edges { cursor node { upc } } } }`);
    const cursor = (first.data?.products as { edges: { cursor: string }[] }).edges[1]!.cursor;
    const { body } = await query(
      /* GraphQL */ `query ($after: String) { products(after: $after) { edges { node { upc } } pageInfo { hasNextPage } } }`,
      {
        after: cursor,
      },
    );
    expect(body).toEqual({
      data: {
        products: {
          edges: products.slice(2, 22).map(({ upc }) => ({ node: { upc } })),
          pageInfo: { hasNextPage: true },
        },
      },
    });
  });

  it('returns an empty last page after the last cursor', async () => {
    const last = Buffer.from('100240').toString('base64');
    const { body } = await query(
      /* GraphQL */ `query ($after: String) { products(after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }`,
      {
        after: last,
      },
    );
    expect(body).toEqual({ data: { products: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
  });

  it.each([
    [
      'an invalid cursor',
      `{ products(after: "not-a-cursor") { totalCount } }`,
      "after must be a cursor returned by products, but got: 'not-a-cursor'",
    ],
    ['first over 100', `{ products(first: 101) { totalCount } }`, 'first must be between 0 and 100, but got: 101'],
    ['a negative first', `{ products(first: -1) { totalCount } }`, 'first must be between 0 and 100, but got: -1'],
    [
      'a negative topProducts first',
      `{ topProducts(first: -1) { upc } }`,
      'first must be between 0 and 100, but got: -1',
    ],
  ])('rejects %s with BAD_USER_INPUT and no stack trace', async (_, source, message) => {
    const { body } = await query(source);
    expect(body.errors).toEqual([expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT' } })]);
  });

  it('resolves product entities by upc, null for unknown ones', async () => {
    const { body } = await queryEntities(
      server.url,
      [
        { __typename: 'Product', upc: '100002' },
        { __typename: 'Product', upc: '999999' },
        { __typename: 'Product', upc: '100001' },
      ],
      `... on Product { upc name price }`,
    );
    const pick = ({ upc, name, price }: Product) => ({ upc, name, price });
    expect(body).toEqual({ data: { _entities: [pick(products[1]!), null, pick(products[0]!)] } });
  });

  it('publishes its federation SDL through _service', async () => {
    const { body } = await query(/* GraphQL */ `{ _service { sdl } }`);
    const sdl = (body.data?._service as { sdl: string }).sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toContain('type Product');
    expect(sdl).toContain('@key(fields: "upc")');
    expect(sdl).toContain('products(first: Int = 20, after: String): ProductConnection!');
  });

  it('blocks a simple GET without a preflight header (CSRF prevention)', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
  });
});
