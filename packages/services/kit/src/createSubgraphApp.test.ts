import type { FastifyInstance } from 'fastify';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphApp } from './createSubgraphApp.js';
import { queryEntities, querySubgraph } from './querySubgraph.js';

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Thing @key(fields: "id") {
    id: ID!
    name: String!
  }

  type Query {
    thing(id: ID!): Thing
    broken: Int
  }
`);

const things = new Map([['1', { id: '1', name: 'one' }]]);
const resolvers = {
  Query: {
    thing: (_: unknown, { id }: { id: string }) => things.get(id) ?? null,
    broken: () => {
      throw new Error('database password is hunter2');
    },
  },
  Thing: { __resolveReference: ({ id }: { id: string }) => things.get(id) ?? null },
};

describe('createSubgraphApp', () => {
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    app = await createSubgraphApp({ typeDefs, resolvers });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app?.close());

  it('answers the health check', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('serves queries and entities at /graphql', async () => {
    expect(
      await querySubgraph(url, /* GraphQL */ `query ($id: ID!) { thing(id: $id) { id name } }`, { id: '1' }),
    ).toEqual({
      status: 200,
      body: { data: { thing: { id: '1', name: 'one' } } },
    });
    expect(
      await queryEntities(
        url,
        [
          { __typename: 'Thing', id: '1' },
          { __typename: 'Thing', id: '2' },
        ],
        '... on Thing { name }',
      ),
    ).toEqual({
      status: 200,
      body: { data: { _entities: [{ name: 'one' }, null] } },
    });
  });

  it('publishes its federation SDL through _service', async () => {
    const { body } = await querySubgraph(url, /* GraphQL */ `{ _service { sdl } }`);
    const sdl = (body.data?._service as { sdl: string }).sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toContain('@key(fields: "id")');
  });

  it('answers a failing resolver without a stack trace', async () => {
    const { body } = await querySubgraph(url, /* GraphQL */ `{ broken }`);
    expect(body.errors).toEqual([
      {
        message: 'database password is hunter2',
        locations: [{ line: 1, column: 3 }],
        path: ['broken'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
  });

  it('blocks a simple GET without a preflight header (CSRF prevention)', async () => {
    const res = await fetch(`${url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
  });

  it('has no landing page', async () => {
    const res = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).not.toMatch(/^text\/html/);
  });
});
