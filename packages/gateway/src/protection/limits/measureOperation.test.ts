import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from './measureOperation.js';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    product(upc: String!): Product
    topProducts(first: Int = 5): [Product!]!
    products(first: Int = 20, after: String): ProductConnection!
    users(limit: Int): [User!]!
  }
  type Product {
    upc: String!
    name: String!
    tags: [String!]!
    reviews(first: Int): [Review!]!
  }
  type Review {
    id: ID!
    author: User!
  }
  type User {
    id: ID!
    name: String!
    orders: [Order!]!
  }
  type Order {
    id: ID!
  }
  type ProductConnection {
    edges: [ProductEdge!]!
    pageInfo: PageInfo!
  }
  type ProductEdge {
    node: Product!
  }
  type PageInfo {
    hasNextPage: Boolean!
  }
`);

function measure(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  return measureOperation(schema, document, getOperationAST(document)!, variables, 10);
}

describe('measureOperation', () => {
  it('counts depth, aliases, root fields and directives', () => {
    expect(
      measure(/* GraphQL */ `
        query ($skip: Boolean!) @live {
          a: product(upc: "1") { name @skip(if: $skip) reviews(first: 1) { author { name } } }
          b: product(upc: "2") { upc }
          __typename
        }
      `),
    ).toMatchObject({ depth: 4, aliases: 2, rootFields: 3, directives: 2 });
  });

  it('costs 1 per field, multiplied under a list by its first/limit, its schema default, or the default list size', () => {
    // product 1 + name 1 + reviews (1 + 3 × (id 1 + author (1 + name 1)))
    expect(measure(`{ product(upc: "1") { name reviews(first: 3) { id author { name } } } }`).cost).toBe(
      1 + 1 + 1 + 3 * (1 + 2),
    );
    // topProducts defaults to first: 5 in the schema; a list of scalars (tags) is one field
    expect(measure(`{ topProducts { upc tags } }`).cost).toBe(1 + 5 * 2);
    // users has no default: limit from a variable; orders has no argument: the default list size, 10
    expect(measure(`query ($n: Int) { users(limit: $n) { orders { id } } }`, { n: 7 }).cost).toBe(1 + 7 * (1 + 10 * 1));
    // a variable's default in the operation counts when the request gives none
    expect(measure(`query ($n: Int = 2) { users(limit: $n) { id } }`).cost).toBe(1 + 2 * 1);
  });

  it("multiplies a connection's edges by the connection's first, not its pageInfo", () => {
    // products 1 + edges (1 + 4 × (node 1 + upc 1)) + pageInfo (1 + 1)
    expect(measure(`{ products(first: 4) { edges { node { upc } } pageInfo { hasNextPage } } }`).cost).toBe(
      1 + (1 + 4 * 2) + 2,
    );
  });

  it('measures fragments and inline fragments as if written in place', () => {
    const inline = measure(`{ products(first: 4) { edges { node { upc reviews(first: 2) { id } } } } }`);
    const spread = measure(/* GraphQL */ `
      { products(first: 4) { ...Page } }
      fragment Page on ProductConnection { edges { ... on ProductEdge { node { ...Card } } } }
      fragment Card on Product { upc reviews(first: 2) { id } }
    `);
    expect(spread).toEqual({ ...inline, directives: 0, aliases: 0 });
  });

  it('leaves introspection fields out of depth and cost', () => {
    expect(measure(`{ __schema { types { fields { type { ofType { ofType { name } } } } } } }`)).toMatchObject({
      depth: 0,
      cost: 0,
      rootFields: 1,
    });
  });

  it('measures a fragment spread many times over in time linear in the document, counting the expansion', () => {
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1
        ? `fragment F${level} on Product { upc }`
        : `fragment F${level} on Product { ...F${level + 1} x${level}: name ...F${level + 1} }`,
    );
    const measures = measure(`{ product(upc: "1") { ...F0 } } ${fragments.join(' ')}`);
    expect(measures.cost).toBeGreaterThan(2 ** 29);
    expect(measures.aliases).toBe(levels - 1);
  });
});

describe('measureOperation on interfaces and unions', () => {
  const abstractSchema = buildSchema(/* GraphQL */ `
    type Query {
      node: Node
      nodes(first: Int): [Node!]!
      search: Thing
      a: A
    }
    interface Node {
      id: ID!
    }
    interface Named {
      name: String
    }
    type A implements Node & Named {
      id: ID!
      name: String
      x: Int
      y: Int
      z: Int
      items(first: Int): [Item!]!
    }
    type B implements Node & Named {
      id: ID!
      name: String
      w: Int
    }
    type C implements Node {
      id: ID!
      v: Int
    }
    type Item {
      id: ID!
    }
    union Thing = A | B | C
  `);
  const cost = (source: string) => {
    const document = parse(source);
    return measureOperation(abstractSchema, document, getOperationAST(document)!, undefined, 10).cost;
  };

  it('costs the type condition that selects the most, not the sum of them: one object gets one branch', () => {
    // node 1 + max(A: x y z 3, B: w 1)
    expect(cost(`{ node { ... on A { x y z } ... on B { w } } }`)).toBe(1 + 3);
    // What every type gets (a field of the interface, a fragment on the interface itself) is added to the largest
    // branch.
    expect(cost(`{ node { id ... on A { x y z } ... on B { w } ... on Node { id } ... { id } } }`)).toBe(1 + 3 + 3);
  });

  it('groups selections by the concrete type they apply to, through fragments on interfaces inside a union', () => {
    // search 1 + max(A: name x y 3, B: name 1, C: v 1)
    expect(cost(`{ search { ... on Named { name } ... on A { x y } ... on C { v } } }`)).toBe(1 + 3);
    // B gets name and w, w twice over: 1 + max(A: name x 2, B: name w w 3, C: 0)
    expect(cost(`{ search { ... on Named { name ... on A { x } ... on B { w } } ... on B { w } } }`)).toBe(1 + 3);
    // A fragment on the union itself applies to every member (its __typename costs nothing):
    // 1 + max(A: id x 2, B: 0, C: v 1)
    expect(cost(`{ search { ... on Thing { __typename ... on A { id } } ... on A { x } ... on C { v } } }`)).toBe(
      1 + 2,
    );
  });

  it('multiplies the largest branch by the list size, with named fragments measured once each', () => {
    // nodes 1 + 3 × max(A: x 1 + items (1 + 2 × id 1), B: w 1)
    const source = /* GraphQL */ `
      { nodes(first: 3) { ...OnA ...OnB } }
      fragment OnA on A { x items(first: 2) { id } }
      fragment OnB on B { w }
    `;
    expect(cost(source)).toBe(1 + 3 * (1 + (1 + 2 * 1)));
  });

  it('counts only the branch of the object type, when a fragment on an interface is spread on it', () => {
    // a 1 + (id 1 + x 1); B's w never applies to an A
    expect(cost(`{ a { ...N } } fragment N on Node { id ... on A { x } ... on B { w } }`)).toBe(1 + 2);
  });
});
