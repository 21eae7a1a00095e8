import { buildSchema, getOperationAST, parse, print } from 'graphql';
import { allow, deny, rule } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { createRuleBook } from './createRuleBook.js';
import { isOwner } from './namedRules.js';
import { withoutRootFields, withRuleSelections } from './rewriteDocument.js';

const schema = buildSchema(/* GraphQL */ `
  type Query { user(id: ID!): User  order(id: ID!): Order  search: [Result!]! }
  union Result = User | Order
  type User { id: ID!  name: String! }
  type Order { id: ID!  buyer: User! }
`);
const book = createRuleBook(schema, { Query: allow, User: allow, Order: isOwner('Order', 'buyer.id') }, deny);
const normalized = (source: string) => print(parse(source));

describe('withoutRootFields', () => {
  it('removes denied root fields by response key, through inline and named fragments, and drops what is left empty', () => {
    const document = parse(/* GraphQL */ `
      query Q { mine: user(id: "1") { name } ... on Query { order(id: "o1") { id } } ...Secret }
      fragment Secret on Query { theirs: user(id: "2") { name } }
    `);
    const pruned = withoutRootFields(document, getOperationAST(document, 'Q')!, 'Query', new Set(['order', 'theirs']));
    expect(print(pruned)).toBe(normalized(/* GraphQL */ `query Q { mine: user(id: "1") { name } }`));
  });
});

describe('withRuleSelections', () => {
  it("adds each type's needed parent fields under hidden aliases, wherever the type is selected", () => {
    const document = parse(/* GraphQL */ `{ order(id: "o1") { id } user(id: "1") { name } }`);
    expect(print(withRuleSelections(document, schema, book))).toBe(
      normalized(/* GraphQL */ `{ order(id: "o1") { id _authz_buyer: buyer { id } } user(id: "1") { name } }`),
    );
  });

  it('asks for the runtime type under unions and interfaces, and for needed fields per possible type', () => {
    const document = parse(/* GraphQL */ `{ search { ... on User { name } } }`);
    expect(print(withRuleSelections(document, schema, book))).toBe(
      normalized(
        `{ search { ... on User { name } _authz_typename: __typename ... on Order { _authz_buyer: buyer { id } } } }`,
      ),
    );
  });

  it("appends to the field's own selection set, never inside the client's fragments, and asks an interface's own fields on the interface", () => {
    const withInterface = buildSchema(/* GraphQL */ `
      type Query { products: [Product!]! }
      interface Product { sku: ID!  name: String! }
      type Shirt implements Product { sku: ID!  name: String!  color: String!  maker: Maker! }
      type Shoe implements Product { sku: ID!  name: String!  size: Int! }
      type Maker { id: ID! }
    `);
    const fragment = (type: string, fields: string) =>
      rule(`needs${type}`, { fragment: `fragment Needs${type} on ${type} { ${fields} }` })(() => true);
    const rules = {
      Query: allow,
      Shirt: { '*': allow, color: fragment('Shirt', 'sku maker { id }') },
      Shoe: fragment('Shoe', 'sku'),
      Maker: allow,
    };
    const document = parse(/* GraphQL */ `
      { products { ... on Product { name } ... on Product { ... on Shirt { color } ...Sized } } }
      fragment Sized on Shoe { size }
    `);
    expect(print(withRuleSelections(document, withInterface, createRuleBook(withInterface, rules, deny)))).toBe(
      normalized(/* GraphQL */ `
        { products { ... on Product { name } ... on Product { ... on Shirt { color } ...Sized } _authz_typename: __typename _authz_sku: sku ... on Shirt { _authz_maker: maker { id } } } }
        fragment Sized on Shoe { size }
      `),
    );
  });
});
