import { describe, expect, it } from 'vitest';
import { argumentValuesFrom } from './argumentValuesFrom.js';
import { librarySchema } from './librarySchema.js';

describe('argumentValuesFrom', () => {
  it('collects the leaves of literals and sent variables by coordinate and by name', () => {
    const values = argumentValuesFrom(librarySchema, [
      { query: /* GraphQL */ `{ node(id: "b1") { id } media(ids: ["b1", "m2"]) { id } }` },
      {
        query: /* GraphQL */ `
          query Search($term: String!, $filter: SearchFilter) {
            search(term: $term, filter: $filter) { __typename }
          }
        `,
        variables: { term: 'dune', filter: { genres: ['SCIENCE'], range: { min: 2 } } },
      },
    ]);
    expect(values).toEqual({
      'Query.node(id:)': ['b1'],
      id: ['b1'],
      'Query.media(ids:)': ['b1', 'm2'],
      ids: ['b1', 'm2'],
      'Query.search(term:)': ['dune'],
      term: ['dune'],
      'SearchFilter.genres': ['SCIENCE'],
      genres: ['SCIENCE'],
      'Range.min': [2],
      min: [2],
    });
  });

  it('leaves out operations that do not validate or whose variables do not coerce', () => {
    const values = argumentValuesFrom(librarySchema, [
      { query: /* GraphQL */ `{ node(id: "b1") { unknownField } }` },
      { query: /* GraphQL */ `query ($id: ID!) { node(id: $id) { id } }`, variables: { id: { not: 'an id' } } },
      { query: /* GraphQL */ `{ node(id: "b2") { id } }` },
    ]);
    expect(values).toEqual({ 'Query.node(id:)': ['b2'], id: ['b2'] });
  });
});
