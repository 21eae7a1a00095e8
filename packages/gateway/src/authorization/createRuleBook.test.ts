import { buildSchema, Kind } from 'graphql';
import { allow, deny, rule } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/ConfigError.js';
import { createRuleBook } from './createRuleBook.js';
import { isOwner } from './namedRules.js';

const schema = buildSchema(/* GraphQL */ `
  type Query { user(id: ID!): User  me: User }
  type Mutation { rename(name: String!): User }
  type User { id: ID!  name: String!  email: String  orders: [Order!] }
  type Order { id: ID!  buyer: User!  total: Int }
`);
const ruleOf = (name: string) => rule(name, { cache: 'contextual' })(() => true);

describe('createRuleBook', () => {
  it('picks the field rule, then the type wildcard, then allow under an object rule, then the fallback', () => {
    const email = ruleOf('email');
    const anyUserField = ruleOf('anyUserField');
    const orderGuard = ruleOf('orderGuard');
    const book = createRuleBook(schema, { User: { '*': anyUserField, email }, Order: orderGuard }, deny);
    expect(book.fieldRule('User', 'email')).toBe(email);
    expect(book.fieldRule('User', 'name')).toBe(anyUserField);
    expect(book.fieldRule('Order', 'total')).toBe(allow);
    expect(book.objectRule('Order')).toBe(orderGuard);
    expect(book.fieldRule('Query', 'me')).toBe(deny);
  });

  it('applies a rule given for a root type to each root field, not as an object guard', () => {
    const signedIn = ruleOf('signedIn');
    const book = createRuleBook(schema, { Mutation: signedIn }, deny);
    expect(book.fieldRule('Mutation', 'rename')).toBe(signedIn);
    expect(book.objectRule('Mutation')).toBeUndefined();
  });

  it('lists the fields no rule covers', () => {
    const book = createRuleBook(schema, { Query: allow, User: { id: allow, name: allow } }, deny);
    expect(book.unruledFields).toEqual([
      'Mutation.rename',
      'User.email',
      'User.orders',
      'Order.id',
      'Order.buyer',
      'Order.total',
    ]);
  });

  it('collects the parent fields that rules declare with fragments', () => {
    const book = createRuleBook(
      schema,
      { Order: isOwner('Order', 'buyer.id'), User: { email: isOwner('User', 'id') } },
      deny,
    );
    expect(
      book.neededSelections('Order').map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : '')),
    ).toEqual(['buyer']);
    expect(book.neededSelections('User')).toHaveLength(1);
    expect(book.neededSelections('Query')).toEqual([]);
  });

  it('names every unknown type, unknown field and misplaced fragment in one ConfigError', () => {
    const build = () =>
      createRuleBook(
        schema,
        { Usr: allow, User: { mail: allow, email: isOwner('Order', 'buyer.id') }, Query: { users: allow } },
        deny,
      );
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(
      [
        'Invalid configuration:',
        "  - rules name type Usr, which is not an object type of this BFF's schema",
        "  - rules name field User.mail, which this BFF's schema does not have",
        '  - the rule of User.email needs fields of Order, but guards User',
        "  - rules name field Query.users, which this BFF's schema does not have",
      ].join('\n'),
    );
  });
});
