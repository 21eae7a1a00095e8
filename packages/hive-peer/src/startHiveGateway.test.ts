import {
  createGuildSubgraphSchema,
  guildBenchmarkOperationName,
  guildBenchmarkQuery,
  guildExpectedResponseFile,
  startGuildSubgraphs,
  type GuildSubgraphs,
} from '@bff/service-guild-benchmark';
import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type * as declaredApi from './api.js';
import type { HiveGateway, HiveJwtOptions } from './hiveGatewayOptions.js';
import { hivePeerVersions } from './hivePeerVersions.js';
import { startHiveGateway } from './startHiveGateway.js';

const supergraphSdl = readFileSync(new URL('../../../supergraph/guild-benchmark.graphql', import.meta.url), 'utf8');
const expectedData: unknown = JSON.parse(readFileSync(guildExpectedResponseFile, 'utf8'));
const auth: HiveJwtOptions = {
  secret: 'hive-peer-test-secret-at-least-32-chars',
  issuers: ['bff-dev'],
  audience: 'guild',
};
function signToken(sub: string, secret = auth.secret): string {
  const claims: jwt.JwtPayload = { sub };
  return jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'bff-dev', audience: auth.audience, expiresIn: '1h' });
}

async function post(url: string, token: string | undefined): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: guildBenchmarkQuery, operationName: guildBenchmarkOperationName }),
  });
  return { status: response.status, body: await response.json() };
}

const totalRequests = (subgraphs: GuildSubgraphs) =>
  Object.values(subgraphs.requests).reduce((sum, count) => sum + count, 0);

let subgraphs: GuildSubgraphs;
let hive: HiveGateway;
beforeAll(async () => {
  subgraphs = await startGuildSubgraphs();
  hive = await startHiveGateway({ supergraphSdl, subgraphUrls: subgraphs.urls, jwt: auth });
});
afterAll(async () => {
  await hive?.stop();
  await subgraphs?.close();
});

describe('startHiveGateway', () => {
  it("answers The Guild's query with a valid token with exactly the expected data, in 7 subgraph requests", async () => {
    await post(hive.url, signToken('100001'));
    subgraphs.resetRequests();
    const { status, body } = await post(hive.url, signToken('100002'));
    expect({ status, body }).toEqual({ status: 200, body: { data: expectedData } });
    // The Rust planner's plan: 7 fetches (2 of them batched entity fetches), each one HTTP request.
    expect(totalRequests(subgraphs)).toBe(7);
  });

  it('rejects a request without a token with 401 Unauthenticated, calling no subgraph', async () => {
    subgraphs.resetRequests();
    expect(await post(hive.url, undefined)).toEqual({
      status: 401,
      body: { errors: [{ message: 'Unauthenticated' }] },
    });
    expect(totalRequests(subgraphs)).toBe(0);
  });

  it('rejects a token signed with another secret with 401 Unauthenticated', async () => {
    const forged = signToken('100003', 'another-secret-of-at-least-32-characters');
    expect(await post(hive.url, forged)).toEqual({ status: 401, body: { errors: [{ message: 'Unauthenticated' }] } });
  });

  it('runs an in-process subgraph with graphql-js over its schema, with the same data', async () => {
    const { accounts: _accounts, ...remote } = subgraphs.urls;
    const mixed = await startHiveGateway({
      supergraphSdl,
      subgraphUrls: remote,
      inProcessSubgraphs: [{ name: 'accounts', schema: createGuildSubgraphSchema('accounts') }],
      jwt: auth,
    });
    try {
      subgraphs.resetRequests();
      expect(await post(mixed.url, signToken('100004'))).toEqual({ status: 200, body: { data: expectedData } });
      expect(subgraphs.requests.accounts).toBe(0);
    } finally {
      await mixed.stop();
    }
    await expect(fetch(mixed.url, { method: 'POST' })).rejects.toThrow('fetch failed');
  });

  it('has the types src/api.ts declares to the programs that import the package', () => {
    expectTypeOf(startHiveGateway).toEqualTypeOf<typeof declaredApi.startHiveGateway>();
    expectTypeOf(hivePeerVersions).toEqualTypeOf<typeof declaredApi.hivePeerVersions>();
  });

  it('names the Hive packages it runs at their pinned versions', () => {
    expect(hivePeerVersions).toEqual({
      '@graphql-hive/gateway-runtime': '2.12.1',
      '@graphql-hive/router-runtime': '1.4.23',
      '@graphql-mesh/plugin-jwt-auth': '2.0.14',
      '@graphql-mesh/transport-http': '1.2.1',
    });
  });
});
