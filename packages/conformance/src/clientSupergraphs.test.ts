import fc from 'fast-check';
import { startServices, type ClientName, type RunningServices } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbitraryOperation, type ArgumentValues } from './generator/arbitraryOperation.js';
import type { GeneratedRequest } from './generator/GeneratedRequest.js';
import { propertyParameters } from './generator/propertyParameters.js';
import { checkGeneratedRequests } from './harness/checkGeneratedRequests.js';
import type { ConformanceRun } from './harness/conformanceRun.js';
import { startClientConformance } from './harness/startClientConformance.js';

// The web and mobile BFFs over the example services: as staff through their own rules and without
// rules, against stock over the same supergraph and in-process subgraphs; under a walked allow-all
// rule book, against no rules (startClientConformance). Hand-written operations, then generated ones.
const parameters = propertyParameters<[GeneratedRequest]>({ seed: 2_302_023, numRuns: 40 });
const testFile = 'packages/conformance/src/clientSupergraphs.test.ts';

/**
 * Values that reach the services' seed data: upcs, user and order ids, a feed cursor; small page
 * sizes keep fan-out small.
 */
const argumentValues: ArgumentValues = {
  upc: ['100001', '100002', '100003', '999999'],
  id: ['1', '2', '250', 'o1', 'o2', 'r1'],
  'Query.order(id:)': ['o1', 'o2', 'o999'],
  'Query.user(id:)': ['1', '2', '250', '9999'],
  first: [0, 1, 2],
  after: ['MTAwMDAx', 'MTAwMDAy'],
};

const handWritten: Record<
  ClientName,
  readonly { name: string; query: string; variables?: Record<string, unknown>; operationName?: string }[]
> = {
  web: [
    {
      name: 'the product page across products, reviews, accounts and inventory',
      query: /* GraphQL */ `{ productPage(upc: "100001") { product { name displayPrice stock shippingEstimate { days } reviews(first: 2) { rating author { name email } } } } }`,
    },
    {
      name: "a user's email and orders",
      query: /* GraphQL */ `{ user(id: "1") { id name email orders { id itemCount lines { quantity product { name } } } } }`,
    },
    {
      name: 'an order with its buyer',
      query: /* GraphQL */ `{ order(id: "o1") { id itemCount buyer { id username } } }`,
    },
    {
      name: 'a variable default applied to @include',
      query: /* GraphQL */ `query ($i: Boolean = true) { user(id: "1") { name email @include(if: $i) } }`,
    },
    {
      name: 'the chosen operation of two',
      query: /* GraphQL */ `query A { topProducts(first: 1) { upc } } query B { latestReviews(first: 1) { id } }`,
      operationName: 'A',
    },
  ],
  mobile: [
    {
      name: 'the home feed',
      query: /* GraphQL */ `{ feed(first: 2) { edges { cursor node { upc name priceLabel averageRating reviewCount } } pageInfo { hasNextPage endCursor } } }`,
    },
    {
      name: 'the next page of the feed',
      query: /* GraphQL */ `query ($after: String) { feed(first: 2, after: $after) { edges { cursor } } }`,
      variables: { after: 'MTAwMDAy' },
    },
    { name: "a user's orders", query: /* GraphQL */ `{ user(id: "2") { id orders { id itemCount } } }` },
  ],
};

describe.each(['web', 'mobile'] as const)('the %s BFF over the example services', (client) => {
  let services: RunningServices;
  let run: ConformanceRun;
  beforeAll(async () => {
    services = await startServices();
    run = await startClientConformance(client, services);
  });
  afterAll(async () => {
    await run?.close();
    await services?.close();
  });

  it.each(handWritten[client].map((operation) => [operation.name, operation] as const))(
    '%s: answered as its oracle answers',
    async (_name, operation) => {
      expect(await run.compare(operation)).toEqual([]);
    },
  );

  it(`answers generated queries over ${client} as its oracle does`, { timeout: 180_000 }, async () => {
    const requests = fc.limitShrink(
      arbitraryOperation(run.apiSchema, { argumentValues, maxFields: 20, maxDepth: 4 }),
      150,
    );
    await checkGeneratedRequests(run, requests, { label: client, testFile, parameters });
  });
});
