import type { FetchNode } from '@apollo/query-planner';
import { OperationTypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mergeEntityFetches, splitMergedResponse } from './mergeEntityFetches.js';

function entityFetch(operation: string, operationName: string): FetchNode {
  return {
    kind: 'Fetch',
    serviceName: 'inventory',
    operation,
    operationName,
    operationKind: OperationTypeNode.QUERY,
    requires: [],
    variableUsages: [],
  } as unknown as FetchNode;
}

const inStock = entityFetch(
  'query Q__inventory__2($representations:[_Any!]!)' +
    '{_entities(representations:$representations){...on Product{inStock}}}',
  'Q__inventory__2',
);
const estimate = entityFetch(
  'query Q__inventory__5($representations:[_Any!]!$zone:String){_entities(representations:$representations)' +
    '{...Estimate}}fragment Estimate on Product{shippingEstimate(zone:$zone)}',
  'Q__inventory__5',
);

describe('mergeEntityFetches', () => {
  it("puts each fetch's _entities under its own alias and representations variable, fragments renamed", () => {
    const merged = mergeEntityFetches([inStock, estimate]);
    expect(merged?.query).toBe(
      'query Q__inventory__2__merged_2($_0_representations:[_Any!]!$_1_representations:[_Any!]!$zone:String)' +
        '{_0__entities:_entities(representations:$_0_representations){...on Product{inStock}}' +
        '_1__entities:_entities(representations:$_1_representations){..._1_Estimate}}' +
        'fragment _1_Estimate on Product{shippingEstimate(zone:$zone)}',
    );
    expect(merged?.representationsVariables).toEqual(['_0_representations', '_1_representations']);
    expect(merged?.responseNames).toEqual(['_0__entities', '_1__entities']);
  });

  it('refuses a fetch that is not a lone _entities query', () => {
    const root = entityFetch('{topProducts{upc}}', 'Root');
    expect(mergeEntityFetches([inStock, root])).toBeUndefined();
  });

  it('gives each fetch its own entities and the errors at its paths; an error without one goes to every fetch', () => {
    const merged = mergeEntityFetches([inStock, estimate]);
    if (!merged) throw new Error('expected the fetches to merge');
    const responses = splitMergedResponse(merged, {
      data: { _0__entities: [{ inStock: true }, null], _1__entities: [{ shippingEstimate: 4 }] },
      errors: [
        { message: 'no stock record', path: ['_0__entities', 1, 'inStock'] },
        { message: 'subgraph overloaded' },
      ],
    });
    expect(responses).toEqual([
      {
        data: { _entities: [{ inStock: true }, null] },
        errors: [{ message: 'no stock record', path: ['_entities', 1, 'inStock'] }, { message: 'subgraph overloaded' }],
      },
      { data: { _entities: [{ shippingEstimate: 4 }] }, errors: [{ message: 'subgraph overloaded' }] },
    ]);
  });

  it('gives every fetch null data when the merged response has none', () => {
    const merged = mergeEntityFetches([inStock, estimate]);
    if (!merged) throw new Error('expected the fetches to merge');
    const failure = { message: 'Service unavailable', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } };
    expect(splitMergedResponse(merged, { data: null, errors: [failure] })).toEqual([
      { data: null, errors: [failure] },
      { data: null, errors: [failure] },
    ]);
  });
});
