import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureDocument } from './measureDocument.js';
import { createSourceFacts } from './measureSource.js';

const measure = (source: string) => measureDocument(parse(source));

describe('measureDocument', () => {
  it('counts unknown fields and directives like known ones: it needs no schema', () => {
    expect(measure(/* GraphQL */ `{ a: nope @x b: nope @y { c { d @z } } e }`)).toEqual({
      depth: 3,
      aliases: 2,
      rootFields: 3,
      directives: 3,
    });
    expect(measure(/* GraphQL */ `{ topProducts(first: 1) @a @b @c @d @e @f @g @h @i @j { upc } }`)).toEqual({
      depth: 2,
      aliases: 0,
      rootFields: 1,
      directives: 10,
    });
  });

  it('counts directives on operations and variables, and no depth for input objects or inline fragments', () => {
    const source = /* GraphQL */ `
      query Q($v: In = { a: { b: { c: 1 } } } @onVariable) @onQuery {
        f(arg: { x: { y: { z: [{ w: 1 }] } } }) { ... on T { ... @include(if: true) { g } } }
      }
    `;
    expect(measure(source)).toEqual({ depth: 2, aliases: 0, rootFields: 1, directives: 3 });
  });

  it('counts __typename as a level and leaves __schema and __type out', () => {
    expect(
      measure(
        /* GraphQL */ `{ __schema { types { fields { type { name } } } } __type(name: "A") { name } a { __typename } }`,
      ),
    ).toEqual({
      depth: 2,
      aliases: 0,
      rootFields: 3,
      directives: 0,
    });
  });

  it('measures through fragment spreads, every operation: the deepest operation, the operation with most root fields', () => {
    const source = /* GraphQL */ `
      query Shallow { a { ...Two } b c }
      query Deep { a { b { c { d } } } }
      fragment Two on T { x { y } }
      fragment Unused on T { p { q { r { s { t } } } } }
    `;
    expect(measure(source)).toEqual({ depth: 4, aliases: 0, rootFields: 3, directives: 0 });
    expect(measure(`{ a { ...Two } } fragment Two on T { x { y } }`).depth).toBe(3);
  });

  it('issue #23 - leaves what introspection selects out of depth, fragments included: the introspection query passes', () => {
    expect(measure(getIntrospectionQuery()).depth).toBe(0);
    expect(
      measure(
        /* GraphQL */ `{ a { b } __schema { types { ...Deep } } } fragment Deep on __Type { ofType { ofType { ofType { name } } } }`,
      ).depth,
    ).toBe(2);
  });

  it('counts root fields by response key, through fragments, each fragment once', () => {
    expect(measure(`{ a a b: a ...R ... on Query { c ...R } } fragment R on Query { d a }`).rootFields).toBe(4);
  });

  it('ends on fragment cycles (a validation error), counting each definition as written', () => {
    expect(measure(`{ ...A } fragment A on T { a { ...B } } fragment B on T { b { c { ...A } } }`).depth).toBe(3);
    expect(measure(`{ ...A } fragment A on T { x ...A }`)).toEqual({
      depth: 1,
      aliases: 0,
      rootFields: 1,
      directives: 0,
    });
    expect(measure(`{ ...Unknown }`).depth).toBe(0);
  });

  it('measures a fragment spread many times over in time linear in the document, counting the expansion', () => {
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1
        ? `fragment F${level} on T { leaf }`
        : `fragment F${level} on T { x${level}: f { ...F${level + 1} } ...F${level + 1} }`,
    );
    expect(measure(`{ root { ...F0 } } ${fragments.join(' ')}`)).toEqual({
      depth: 31,
      aliases: levels - 1,
      rootFields: 1,
      directives: 0,
    });
  });
});

describe('createSourceFacts', () => {
  it('measures a text once, and names its only operation', () => {
    const factsOf = createSourceFacts();
    const measureSource = (text: string) => factsOf(text).measures();
    const source = `query Top { topProducts @a { upc } }`;
    const measures = measureSource(source);
    expect(measures).toEqual({ depth: 2, aliases: 0, rootFields: 1, directives: 1, operationName: 'Top' });
    expect(measureSource(source)).toBe(measures);
    expect(measureSource(`query A { a } query B { b }`)?.operationName).toBeUndefined();
    expect(measureSource(`{ a }`)?.operationName).toBeUndefined();
  });

  it('counts the tokens of a text', () => {
    expect(createSourceFacts()(`query Top { topProducts { upc } }`).tokens).toBe(8);
  });

  it('keeps the facts of at most maxTexts texts, the most recent', () => {
    const factsOf = createSourceFacts(2);
    const first = factsOf('{ a }');
    factsOf('{ b }');
    expect(factsOf('{ a }')).toBe(first);
    factsOf('{ c }');
    factsOf('{ d }');
    expect(factsOf('{ a }')).not.toBe(first);
  });

  it('leaves a text that does not parse unmeasured', () => {
    const measureSource = (text: string) => createSourceFacts()(text).measures();
    expect(measureSource(`{ a `)).toBeUndefined();
    expect(measureSource(`{ a `)).toBeUndefined();
  });
});
