import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { InProcessSubgraphDataSource } from './InProcessSubgraphDataSource.js';

const products = new Map([
  ['1', { upc: '1', name: 'Table' }],
  ['2', { upc: '2', name: 'Chair' }],
]);

const schema = buildSubgraphSchema([
  {
    typeDefs: parse(/* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { product(upc: String!): Product broken: String }
      type Product @key(fields: "upc") { upc: String! name: String! price(currency: String!): String! }
    `),
    resolvers: {
      Query: {
        product: (_: unknown, { upc }: { upc: string }) => products.get(upc) ?? null,
        broken: () => Promise.reject(new Error('inventory is down')),
      },
      Product: {
        __resolveReference: async ({ upc }: { upc: string }) => products.get(upc) ?? null,
        price: (_: unknown, { currency }: { currency: string }, context: { viewer: string }) =>
          `12 ${currency} for ${context.viewer}`,
      },
    },
  },
]);

/** What the gateway hands a data source for one fetch of a query plan. */
function fetchOf(
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): GraphQLDataSourceProcessOptions {
  return {
    // @apollo/gateway's GraphQLDataSourceRequestKind.HEALTH_CHECK; the enum is not exported from its index.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the value of an enum not exported
    kind: 'health check' as GraphQLDataSourceProcessOptions['kind'],
    request: { query, variables, operationName },
    context: { viewer: 'ada' },
  } as GraphQLDataSourceProcessOptions;
}

describe('InProcessSubgraphDataSource', () => {
  const source = new InProcessSubgraphDataSource(schema);

  it('resolves entities from representations, with arguments and the request context', async () => {
    const query =
      /* GraphQL */
      'query Fetch($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { name price(currency: "EUR") } } }';
    const representations = [
      { __typename: 'Product', upc: '2' },
      { __typename: 'Product', upc: '9' },
      { __typename: 'Product', upc: '1' },
    ];
    const response = await source.process(fetchOf(query, { representations }, 'Fetch'));
    expect(response).toEqual({
      data: {
        _entities: [{ name: 'Chair', price: '12 EUR for ada' }, null, { name: 'Table', price: '12 EUR for ada' }],
      },
    });
    // The compiled operation is reused: the same fetch again gives the same answer.
    expect(
      await source.process(fetchOf(query, { representations: [{ __typename: 'Product', upc: '1' }] }, 'Fetch')),
    ).toEqual({
      data: { _entities: [{ name: 'Table', price: '12 EUR for ada' }] },
    });
  });

  it('coerces variables and reports a wrong one without running anything', async () => {
    const query = 'query One($upc: String!) { product(upc: $upc) { name } }';
    expect(await source.process(fetchOf(query, { upc: '1' }))).toEqual({ data: { product: { name: 'Table' } } });
    const wrong = await source.process(fetchOf(query, {}));
    expect(wrong.data).toBeUndefined();
    expect(wrong.errors?.map((error) => error.message)).toEqual([
      'Variable "$upc" of required type "String!" was not provided.',
    ]);
  });

  it('answers a document the subgraph does not define with its validation errors, every time', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await source.process(fetchOf('{ product(upc: "1") { weight } }'));
      expect(response.data).toBeUndefined();
      expect(response.errors?.map((error) => error.message)).toEqual([
        'Cannot query field "weight" on type "Product".',
      ]);
    }
  });

  it('keeps the data it has when a resolver fails, with the error at its path', async () => {
    const response = await source.process(fetchOf('{ broken product(upc: "2") { upc } }'));
    expect(response.data).toEqual({ broken: null, product: { upc: '2' } });
    expect(response.errors?.map((error) => ({ message: error.message, path: error.path }))).toEqual([
      { message: 'inventory is down', path: ['broken'] },
    ]);
  });
});
