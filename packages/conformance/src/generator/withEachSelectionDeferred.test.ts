import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { withEachSelectionDeferred } from './withEachSelectionDeferred.js';

const normalised = (text: string) => print(parse(text));

describe('withEachSelectionDeferred', () => {
  it('defers each selection set of the chosen query and of the fragments once, in document order', () => {
    const document = parse(/* GraphQL */ `
      query Other {
        shelf {
          __typename
        }
      }
      query Q {
        node(id: "b1") {
          ...BookFields
        }
      }
      fragment BookFields on Book {
        author {
          name
        }
      }
    `);
    const other = /* GraphQL */ `
      query Other {
        shelf {
          __typename
        }
      }
    `;
    expect(withEachSelectionDeferred(document, 'Q').map((written) => print(written))).toEqual([
      normalised(/* GraphQL */ `
        ${other}
        query Q {
          ... @defer(label: "d0") {
            node(id: "b1") {
              ...BookFields
            }
          }
        }
        fragment BookFields on Book {
          author {
            name
          }
        }
      `),
      normalised(/* GraphQL */ `
        ${other}
        query Q {
          node(id: "b1") {
            ... @defer {
              ...BookFields
            }
          }
        }
        fragment BookFields on Book {
          author {
            name
          }
        }
      `),
      normalised(/* GraphQL */ `
        ${other}
        query Q {
          node(id: "b1") {
            ...BookFields
          }
        }
        fragment BookFields on Book {
          ... @defer(label: "d2") {
            author {
              name
            }
          }
        }
      `),
      normalised(/* GraphQL */ `
        ${other}
        query Q {
          node(id: "b1") {
            ...BookFields
          }
        }
        fragment BookFields on Book {
          author {
            ... @defer {
              name
            }
          }
        }
      `),
    ]);
  });

  it('leaves the root of a mutation and the fragments spread there alone', () => {
    const document = parse(/* GraphQL */ `
      mutation M {
        ...Added
      }
      fragment Added on Mutation {
        addBook(title: "t") {
          id
        }
      }
    `);
    expect(withEachSelectionDeferred(document).map((written) => print(written))).toEqual([
      normalised(/* GraphQL */ `
        mutation M {
          ...Added
        }
        fragment Added on Mutation {
          addBook(title: "t") {
            ... @defer(label: "d0") {
              id
            }
          }
        }
      `),
    ]);
  });
});
