import {
  allow,
  createBffServer,
  hasRole,
  isAuthenticated,
  readConfig,
  signDevelopmentToken,
  type BffServer,
} from '@bff/gateway';
import { postGraphQL } from '@bff/testing';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guildBenchmarkQuery } from './query.js';
import { startGuildSubgraphs, type GuildSubgraphs } from './startGuildSubgraphs.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const expected = JSON.parse(readFileSync(resolve(import.meta.dirname, 'expected-response.json'), 'utf8')) as Record<
  string,
  unknown
>;

/**
 * Type rules that depend on the request alone (isAuthenticated, hasRole) are decided once per
 * response: when they allow, the response is served without a walk; when they deny, every
 * guarded object is nulled with its own error, exactly as the walk does.
 */
describe('rules that depend on the request alone, over the benchmark supergraph', () => {
  let subgraphs: GuildSubgraphs;
  let bff: BffServer;
  let url: string;
  const auth = {
    issuer: 'bff-dev',
    audience: 'guild',
    developmentSecret: 'guild-test-development-secret-not-for-production',
  };

  beforeAll(async () => {
    subgraphs = await startGuildSubgraphs();
    const env = {
      LOG_LEVEL: 'silent',
      BFF_MAX_COST: '1000000',
      ...Object.fromEntries(
        Object.entries(subgraphs.urls).map(([name, at]) => [`BFF_SUBGRAPH_${name.toUpperCase()}_URL`, at]),
      ),
    };
    const config = readConfig(env, 'BFF_', {
      name: 'guild',
      port: 0,
      supergraphFile: resolve(repoRoot, 'supergraph/guild-benchmark.graphql'),
      auth,
    });
    bff = createBffServer(config, {
      authorization: {
        rules: {
          Query: allow,
          User: isAuthenticated,
          Review: allow,
          Product: { '*': allow, weight: hasRole('staff') },
        },
      },
    });
    url = `${await bff.start()}/graphql`;
  });
  afterAll(async () => {
    await bff?.stop();
    await subgraphs?.close();
  });

  const tokenConfig = () => readConfig({}, 'BFF_', { name: 'guild', port: 0, supergraphFile: 'x', auth }).auth;
  const tokenFor = (roles: string[]) => `Bearer ${signDevelopmentToken(tokenConfig(), { sub: '7', roles })}`;

  it('serves the whole 87 KB response unchanged when every such rule allows', async () => {
    const response = await postGraphQL(url, { query: guildBenchmarkQuery }, { authorization: tokenFor(['staff']) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: expected });
  });

  it('nulls each guarded object and field with its own FORBIDDEN error when a rule denies', async () => {
    const query = /* GraphQL */ `{ topProducts(first: 2) { upc weight reviews { id author { id username } } } }`;
    const anonymous = await postGraphQL(url, { query });
    const customer = await postGraphQL(url, { query }, { authorization: tokenFor(['customer']) });
    const reviewIds = [
      ['1', '2', '3', '4'],
      ['5', '6', '7', '8'],
    ];
    const weightDenied = (product: number) => ({
      message: 'Not allowed to read Product.weight.',
      path: ['topProducts', product, 'weight'],
      extensions: { code: 'FORBIDDEN' },
    });
    const authorDenied = (product: number, review: number) => ({
      message: 'Sign in to see this.',
      path: ['topProducts', product, 'reviews', review, 'author'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({
      data: {
        topProducts: reviewIds.map((ids, product) => ({
          upc: String(product + 1),
          weight: null,
          reviews: ids.map((id) => ({ id, author: null })),
        })),
      },
      errors: reviewIds.flatMap((ids, product) => [
        weightDenied(product),
        ...ids.map((_, review) => authorDenied(product, review)),
      ]),
    });
    expect(customer.body).toEqual({
      data: {
        topProducts: reviewIds.map((ids, product) => ({
          upc: String(product + 1),
          weight: null,
          reviews: ids.map((id) => ({ id, author: { id: '1', username: 'urigo' } })),
        })),
      },
      errors: [weightDenied(0), weightDenied(1)],
    });
  });
});
