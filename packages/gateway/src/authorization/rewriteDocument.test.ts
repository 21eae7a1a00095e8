import { buildSchema, getOperationAST, parse, print } from 'graphql';
import { allow, deny } from 'graphql-shield';
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
    expect(print(pruned)).toBe(normalized(`query Q { mine: user(id: "1") { name } }`));
  });
});

describe('withRuleSelections', () => {
  it("adds each type's needed parent fields under hidden aliases, wherever the type is selected", () => {
    const document = parse(/* GraphQL */ `{ order(id: "o1") { id } user(id: "1") { name } }`);
    expect(print(withRuleSelections(document, schema, book))).toBe(
      normalized(`{ order(id: "o1") { id _authz_buyer: buyer { id } } user(id: "1") { name } }`),
    );
  });

  it('asks for the runtime type under unions and interfaces, and for needed fields per possible type', () => {
    const document = parse(/* GraphQL */ `{ search { ... on User { name } } }`);
    expect(print(withRuleSelections(document, schema, book))).toBe(
      normalized(`{ search { ... on User { name } _authz_typename: __typename ... on Order { _authz_buyer: buyer { id } } } }`),
    );
  });
});
