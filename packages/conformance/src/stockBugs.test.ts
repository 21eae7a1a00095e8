import { postGraphQL } from '@bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKitVariants, type KitVariant } from './harness/startKitVariants.js';
import { startScenarioSubgraphs, type RunningSubgraphs } from './harness/startScenarioSubgraphs.js';
import { walkEveryObject } from './harness/walkEveryObject.js';
import { mediaLibraryScenario } from './scenarios/mediaLibrary/index.js';
import { Supergraph } from '@apollo/federation-internals';

// Where stock @apollo/gateway 2.14.4 answers wrongly (intendedDifferences.ts: misplacedStockErrors,
// unionSpreadInObject), the kit's exact answer, asserted here rather than against stock.
describe('the kit where stock @apollo/gateway is wrong', () => {
  let subgraphs: RunningSubgraphs;
  let variants: KitVariant[];
  beforeAll(async () => {
    subgraphs = await startScenarioSubgraphs(mediaLibraryScenario);
    const apiSchema = Supergraph.build(subgraphs.supergraphSdl).apiSchema().toGraphQLJSSchema();
    variants = await startKitVariants({
      supergraphFile: subgraphs.supergraphFile,
      allowAllRules: { rules: walkEveryObject(apiSchema) },
    });
  });
  afterAll(async () => {
    await Promise.all((variants ?? []).map((variant) => variant.server.stop()));
    await subgraphs?.close();
  });

  it('issue #23 - answers the fields of a union fragment spread on an object of the union, on its own executor', async () => {
    const query = /* GraphQL */ `{ author(id: "a2") { ... on SearchHit { ... on Author { works { __typename } } } } }`;
    for (const variant of variants.filter((candidate) => candidate.name !== 'apollo')) {
      const response = await postGraphQL(variant.url, { query });
      expect({ variant: variant.name, body: response.body }).toEqual({
        variant: variant.name,
        body: { data: { author: { works: [{ __typename: 'Book' }, { __typename: 'Movie' }] } } },
      });
    }
  });

  it('issue #23 - puts the error at the path of the entity it is about, on the kit executor with and without rules', async () => {
    for (const variant of variants.filter((candidate) => candidate.name !== 'apollo')) {
      const response = await postGraphQL(variant.url, {
        query: /* GraphQL */ `{ topRated { id ... on Book { isbn } } }`,
      });
      expect({ variant: variant.name, data: response.body.data }).toEqual({
        variant: variant.name,
        data: {
          topRated: [
            { id: 'b1', isbn: '978-0-441-01359-3' },
            { id: 'p1' },
            { id: 'b2', isbn: null },
            { id: 'm1' },
            { id: 'm3' },
          ],
        },
      });
      expect(
        response.body.errors.map((error: { path: unknown; extensions: { code: string } }) => [
          error.path,
          error.extensions.code,
        ]),
      ).toEqual([[['topRated', 2, 'isbn'], 'DOWNSTREAM_SERVICE_ERROR']]);
    }
  });
});
