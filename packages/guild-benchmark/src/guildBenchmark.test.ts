import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { queryEntities, querySubgraph } from '@bff/service-kit/testing';
import { postGraphQL } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guildBenchmarkOperationName, guildBenchmarkQuery } from './query.js';
import { shippingEstimate } from './resolvers.js';
import { startGuildSubgraphs, type GuildSubgraphs } from './startGuildSubgraphs.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
// Written once by writeExpectedResponse.ts through a stock @apollo/gateway, and checked against a
// hand model of the Rust subgraphs' data.
const expectedData: unknown = JSON.parse(readFileSync(new URL('./expected-response.json', import.meta.url), 'utf8'));
/** Bytes of the gateway's response: `{"data":…}` as compact JSON (87,327) and a newline. */
const expectedResponseBytes = 87_328;

let subgraphs: GuildSubgraphs;
beforeAll(async () => {
  subgraphs = await startGuildSubgraphs();
});
afterAll(async () => {
  await subgraphs?.close();
});

/** The base URL of a subgraph, as the kit's subgraph test helpers take it. */
const baseOf = (url: string): string => url.slice(0, -'/graphql'.length);

describe('guild benchmark subgraphs', () => {
  it('resolves a user by id in accounts as the Rust seeds it', async () => {
    const { body } = await queryEntities(
      baseOf(subgraphs.urls.accounts),
      [{ __typename: 'User', id: '4' }],
      '... on User { id name username birthday }',
    );
    expect(body).toEqual({
      data: { _entities: [{ id: '4', name: 'Arda Tanrikulu', username: 'ardatan', birthday: 1234567890 }] },
    });
  });

  it('resolves a product by upc in products with its price and weight', async () => {
    const { body } = await queryEntities(
      baseOf(subgraphs.urls.products),
      [{ __typename: 'Product', upc: '8' }],
      '... on Product { upc name price weight }',
    );
    expect(body).toEqual({ data: { _entities: [{ upc: '8', name: 'Fridge', price: 100000, weight: 6000 }] } });
  });

  it('computes shippingEstimate in inventory from the price and weight the gateway requires', async () => {
    const { body } = await queryEntities(
      baseOf(subgraphs.urls.inventory),
      [
        { __typename: 'Product', upc: '1', price: 899, weight: 100 },
        { __typename: 'Product', upc: '2', price: 1299, weight: 1000 },
        { __typename: 'Product', upc: '3', price: null, weight: 20 },
      ],
      '... on Product { upc inStock shippingEstimate }',
    );
    expect(body).toEqual({
      data: {
        _entities: [
          { upc: '1', inStock: true, shippingEstimate: 50 },
          { upc: '2', inStock: false, shippingEstimate: 0 },
          { upc: '3', inStock: false, shippingEstimate: null },
        ],
      },
    });
    expect([shippingEstimate({ price: 15, weight: 21 }), shippingEstimate({ price: 1000, weight: null })]).toEqual([
      10,
      null,
    ]);
  });

  it('gives every user the first two reviews in reviews, and a product the reviews of its upc', async () => {
    const { body } = await queryEntities(
      baseOf(subgraphs.urls.reviews),
      [
        { __typename: 'User', id: '6' },
        { __typename: 'Product', upc: '4' },
      ],
      '... on User { reviews { id } } ... on Product { reviews { id product { upc } author { id username } } }',
    );
    expect(body).toEqual({
      data: {
        _entities: [
          { reviews: [{ id: '1' }, { id: '2' }] },
          {
            reviews: [
              { id: '10', product: { upc: '4' }, author: { id: '1', username: 'urigo' } },
              { id: '11', product: { upc: '4' }, author: { id: '1', username: 'urigo' } },
            ],
          },
        ],
      },
    });
  });

  it('answers a repeated request from its memo, and a bad query with 400 and the validation error', async () => {
    const query = /* GraphQL */ `{ topProducts(first: 2) { upc name } }`;
    const first = await querySubgraph(baseOf(subgraphs.urls.products), query);
    expect(await querySubgraph(baseOf(subgraphs.urls.products), query)).toEqual(first);
    expect(first).toEqual({
      status: 200,
      body: {
        data: {
          topProducts: [
            { upc: '1', name: 'Table' },
            { upc: '2', name: 'Couch' },
          ],
        },
      },
    });
    expect(await querySubgraph(baseOf(subgraphs.urls.products), /* GraphQL */ `{ nope }`)).toEqual({
      status: 400,
      body: { errors: [expect.objectContaining({ message: 'Cannot query field "nope" on type "Query".' })] },
    });
  });
});

describe('guild benchmark query through the bff-gateway CLI', () => {
  it("answers the Guild's benchmark query with 200, no errors and the same 87,328-byte response as a stock Apollo gateway", async () => {
    // The query's estimated cost is 102,927, far over the default limit of 5,000: the benchmark is
    // heavy on purpose, so a gateway under it has to allow it.
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', BFF_MAX_COST: '1000000' };
    for (const [name, url] of Object.entries(subgraphs.urls)) env[`BFF_SUBGRAPH_${name.toUpperCase()}_URL`] = url;
    const child = spawn(
      process.execPath,
      [
        join(repoRoot, 'packages/gateway/bin/bff-gateway.js'),
        '--supergraph',
        'supergraph/guild-benchmark.graphql',
        '--port',
        '0',
      ],
      {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    try {
      const url = await waitForServing(() => output);
      subgraphs.resetRequests();
      const response = await postGraphQL(url, {
        query: guildBenchmarkQuery,
        operationName: guildBenchmarkOperationName,
      });
      expect(response.status, response.text.slice(0, 500)).toBe(200);
      expect(response.body).toEqual({ data: expectedData });
      expect(Buffer.byteLength(response.text)).toBe(expectedResponseBytes);
      expect(response.text).toBe(`${JSON.stringify({ data: expectedData })}\n`);
      // The plan's 16 fetches in 6 requests (stock sends 16): entity fetches of one subgraph that can go together do.
      expect(subgraphs.requests).toEqual({ accounts: 2, products: 2, reviews: 1, inventory: 1 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

async function waitForServing(output: () => string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const match = /serving (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(output());
    if (match?.[1]) return match[1];
    await new Promise((wake) => setTimeout(wake, 50));
  }
  throw new Error(`the CLI never said where it serves; it printed: ${output()}`);
}
