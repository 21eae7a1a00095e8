import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSubgraphApp } from '@bff/service-kit/subgraph';
import { listenOnFreePort, postGraphQL, type RunningServer } from '@bff/testing';
import { GraphQLError, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, rule } from 'graphql-shield';
import { composeSupergraph } from '../../compose/composeSupergraph.js';
import { readSupergraphConfig } from '../../compose/readSupergraphConfig.js';
import { readConfig } from '../../config/readConfig.js';
import { downstreamServiceMessage } from '../../errors/BffError.js';
import { createBffServer, type BffServer } from '../../server/createBffServer.js';
import { dedupeRepresentations, sameJson } from './dedupeRepresentations.js';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const catalogSdl = /* GraphQL */ `${link}\ntype Query { shelf: [Item!]! }\ntype Item @key(fields: "id") { id: ID! }\n`;
const detailsSdl = /* GraphQL */ `${link}\ntype Item @key(fields: "id") { id: ID! label: String! flaky: String tags: [Tag] }\ntype Tag { name: String! }\n`;
/** The shelf holds the same items many times: a, b and c, six places. */
const shelf = ['a', 'b', 'a', 'c', 'a', 'b'];

/** Denies the name of sale tags: the walk nulls that tag in place, and each place must get its error. */
const saleTagsHidden = rule('saleTagsHidden', { cache: 'strict', fragment: 'fragment TagName on Tag { name }' })(
  (tag: { name: string }) => !tag.name.endsWith('-sale'),
);

describe('entity fetches with the same entity many times in a list', () => {
  let catalog: RunningServer;
  let details: RunningServer;
  let bff: BffServer;
  let url: string;
  /** The representations of each `_entities` request details received. */
  const received: unknown[][] = [];

  beforeAll(async () => {
    const catalogApp = await createSubgraphApp({
      typeDefs: parse(catalogSdl),
      resolvers: { Query: { shelf: () => shelf.map((id) => ({ id })) } },
    });
    const detailsApp = await createSubgraphApp({
      typeDefs: parse(detailsSdl),
      resolvers: {
        Item: {
          __resolveReference: ({ id }: { id: string }) => ({ id }),
          label: ({ id }: { id: string }) => `Label ${id}`,
          flaky: ({ id }: { id: string }) => {
            if (id === 'b') throw new GraphQLError('b is flaky today', { extensions: { code: 'FLAKY' } });
            return `steady ${id}`;
          },
          tags: ({ id }: { id: string }) => [{ name: `${id}-new` }, { name: `${id}-sale` }],
        },
      },
    });
    detailsApp.addHook('preHandler', async (request) => {
      const variables = (request.body as { variables?: { representations?: unknown[] } } | undefined)?.variables;
      if (variables?.representations) received.push(variables.representations);
    });
    catalog = await listenOnFreePort(catalogApp);
    details = await listenOnFreePort(detailsApp);
    const dir = mkdtempSync(join(tmpdir(), 'dedupe-'));
    writeFileSync(join(dir, 'catalog.graphql'), catalogSdl);
    writeFileSync(join(dir, 'details.graphql'), detailsSdl);
    writeFileSync(
      join(dir, 'supergraph.yaml'),
      `subgraphs:\n  catalog:\n    routing_url: ${catalog.url}/graphql\n    schema:\n      file: catalog.graphql\n` +
        `  details:\n    routing_url: ${details.url}/graphql\n    schema:\n      file: details.graphql\n`,
    );
    const outcome = composeSupergraph(readSupergraphConfig(join(dir, 'supergraph.yaml')));
    if (!outcome.ok) throw new Error('the fixture supergraph did not compose');
    writeFileSync(join(dir, 'supergraph.graphql'), outcome.supergraphSdl);
    const auth = {
      issuer: 'bff-dev',
      audience: 'dedupe',
      developmentSecret: 'dedupe-test-development-secret-not-for-production',
    };
    const config = readConfig({ LOG_LEVEL: 'silent' }, 'BFF_', {
      name: 'dedupe',
      port: 0,
      supergraphFile: join(dir, 'supergraph.graphql'),
      auth,
    });
    bff = createBffServer(config, {
      authorization: { rules: { Query: allow, Item: allow, Tag: { name: saleTagsHidden } } },
    });
    url = `${await bff.start()}/graphql`;
  });
  afterAll(async () => {
    await bff?.stop();
    await catalog?.close();
    await details?.close();
  });

  it('asks the subgraph for each distinct entity once, and gives every place its data', async () => {
    received.length = 0;
    const response = await postGraphQL(url, { query: /* GraphQL */ `{ shelf { id label } }` });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { shelf: shelf.map((id) => ({ id, label: `Label ${id}` })) } });
    expect(received).toEqual([['a', 'b', 'c'].map((id) => ({ __typename: 'Item', id }))]);
  });

  it('judges every place that holds an entity: a denied object is nulled at each, with its own error', async () => {
    // Rules null denied objects in place; each place holds its own copy of what was fetched once.
    const response = await postGraphQL(url, { query: /* GraphQL */ `{ shelf { label tags { name } } }` });
    expect(response.body).toEqual({
      data: { shelf: shelf.map((id) => ({ label: `Label ${id}`, tags: [{ name: `${id}-new` }, null] })) },
      errors: shelf.map((_, place) => ({
        message: 'Not allowed to read Tag.name.',
        path: ['shelf', place, 'tags', 1, 'name'],
        extensions: { code: 'FORBIDDEN' },
      })),
    });
  });

  it("puts an entity's error on the path of every place that holds it, masked as the subgraph's failure", async () => {
    received.length = 0;
    const response = await postGraphQL(url, { query: /* GraphQL */ `{ shelf { id flaky } }` });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { shelf: shelf.map((id) => ({ id, flaky: id === 'b' ? null : `steady ${id}` })) },
      errors: [1, 5].map((place) => ({
        message: downstreamServiceMessage('details'),
        path: ['shelf', place, 'flaky'],
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'details' },
      })),
    });
    expect(received).toEqual([['a', 'b', 'c'].map((id) => ({ __typename: 'Item', id }))]);
  });
});

describe('dedupeRepresentations', () => {
  const product = (upc: string, price?: number) => ({
    __typename: 'Product',
    upc,
    ...(price === undefined ? {} : { price }),
  });

  it('keeps the first of each distinct representation, in order, and maps every entity to its own', () => {
    const { unique, slotOf } = dedupeRepresentations([
      product('1'),
      product('2'),
      product('1'),
      { __typename: 'User', upc: '1' },
      product('2'),
    ]);
    expect(unique).toEqual([product('1'), product('2'), { __typename: 'User', upc: '1' }]);
    expect(slotOf).toEqual([0, 1, 0, 2, 1]);
  });

  it('tells apart representations that share their key but not what the fetch requires', () => {
    const { unique, slotOf } = dedupeRepresentations([
      product('1', 10),
      product('1', 20),
      product('1', 10),
      { __typename: 'Product', upc: '1', dims: { w: 1 } },
      { __typename: 'Product', upc: '1', dims: { w: 1 } },
    ]);
    expect(unique).toEqual([product('1', 10), product('1', 20), { __typename: 'Product', upc: '1', dims: { w: 1 } }]);
    expect(slotOf).toEqual([0, 1, 0, 2, 2]);
  });

  it('sends every representation, with no map, when all are distinct', () => {
    const all = [product('1'), product('2'), product('3')];
    expect(dedupeRepresentations(all)).toEqual({ unique: all });
  });

  it('compares at most 16 distinct representations per first value: past them, more are sent, none is merged wrongly', () => {
    const representations = Array.from({ length: 40 }, (_, index) => product('same', index % 20));
    const { unique, slotOf } = dedupeRepresentations(representations);
    // Prices 0-15 are compared and shared; 16-19 are sent at each of their two places.
    expect(unique).toHaveLength(16 + 8);
    slotOf!.forEach((slot, index) => expect(unique[slot]).toEqual(representations[index]));
  });

  it('compares values parsed from JSON in any key order, lists element by element', () => {
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
