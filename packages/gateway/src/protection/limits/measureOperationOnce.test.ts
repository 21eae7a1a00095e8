import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from './measureOperation.js';
import { measureOperationOnce } from './measureOperationOnce.js';

const sdl = /* GraphQL */ `
  type Query {
    topProducts(first: Int = 5): [Product!]!
  }
  type Product {
    upc: String!
    reviews(first: Int): [Review!]!
  }
  type Review {
    id: ID!
  }
`;
const schema = buildSchema(sdl);
const document = parse(
  'query Top($n: Int, $r: Int, $note: String) { topProducts(first: $n) { upc reviews(first: $r) { id } } }',
);
const operation = getOperationAST(document)!;

describe('measureOperationOnce', () => {
  it('measures an operation with the same variables once, and each variable set on its own', () => {
    const measure = measureOperationOnce();
    const first = measure(schema, document, operation, { n: 10, r: 3 }, 10);
    expect(measure(schema, document, operation, { n: 10, r: 3 }, 10)).toBe(first);
    const other = measure(schema, document, operation, { n: 100, r: 3 }, 10);
    expect(other).toEqual(measureOperation(schema, document, operation, { n: 100, r: 3 }, 10));
    expect(other.cost).toBeGreaterThan(first.cost);
    expect(measure(schema, document, operation, undefined, 10)).toEqual(
      measureOperation(schema, document, operation, undefined, 10),
    );
  });

  it('measures again for another schema, and for variables too long to key on', () => {
    const measure = measureOperationOnce();
    const first = measure(schema, document, operation, { n: 10 }, 10);
    const again = measure(buildSchema(sdl), document, operation, { n: 10 }, 10);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    const long = { n: 10, note: 'x'.repeat(600) };
    expect(measure(schema, document, operation, long, 10)).not.toBe(measure(schema, document, operation, long, 10));
  });
});
