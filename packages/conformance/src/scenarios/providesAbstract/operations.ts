import type { ScenarioOperation } from '../../harness/Scenario.js';

/** Operations over fields that `@provides` fields of abstract types, and over what they do not provide. */
export const providesAbstractOperations: readonly ScenarioOperation[] = [
  {
    name: 'interface field provided for every implementation, selected on the interface',
    query: /* GraphQL */ `
      {
        staffPicks {
          id
          title
        }
      }
    `,
  },
  {
    name: 'nested provides: the author name of a provided book',
    query: /* GraphQL */ `
      {
        staffPicks {
          __typename
          ... on Book {
            title
            author {
              id
              name
            }
          }
          ... on Magazine {
            title
          }
        }
      }
    `,
  },
  {
    name: 'fields beyond the provides jump to the owner from a provided position',
    query: /* GraphQL */ `
      {
        staffPicks {
          title
          ... on Book {
            isbn
            author {
              name
              born
            }
          }
          ... on Magazine {
            issue
          }
        }
      }
    `,
  },
  {
    name: 'union field providing one member only: the other member jumps, nulls and duplicates kept',
    query: /* GraphQL */ `
      {
        newArrivals {
          __typename
          ... on Book {
            id
            title
          }
          ... on Magazine {
            id
            title
          }
        }
      }
    `,
  },
  {
    name: 'union member field provided through a fragment on the interface',
    query: /* GraphQL */ `
      {
        newArrivals {
          ... on Publication {
            id
            title
          }
        }
      }
    `,
  },
  {
    name: 'provides on a list field of an entity, with an empty list',
    query: /* GraphQL */ `
      {
        shelves {
          label
          items {
            __typename
            title
          }
        }
      }
    `,
  },
  {
    name: 'author of a book on a shelf: not provided there, a jump per book',
    query: /* GraphQL */ `
      {
        shelves {
          id
          items {
            ... on Book {
              title
              author {
                name
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'nullable provided abstract field that is null',
    query: /* GraphQL */ `
      {
        pickOfTheDay {
          __typename
          title
        }
      }
    `,
  },
  {
    name: 'the same fields from the owner entry point, without provides',
    query: /* GraphQL */ `
      {
        book: publication(id: "bk1") {
          title
          ... on Book {
            author {
              name
            }
          }
        }
        magazine: publication(id: "mg2") {
          title
          ... on Magazine {
            issue
          }
        }
        none: publication(id: "zz") {
          title
        }
      }
    `,
  },
  {
    name: 'named fragments on the interface and on an implementation over a provided field',
    query: /* GraphQL */ `
      query Picks {
        staffPicks {
          ...PublicationLine
        }
        newArrivals {
          ...BookLine
        }
      }

      fragment PublicationLine on Publication {
        __typename
        title
        ...BookLine
      }

      fragment BookLine on Book {
        id
        author {
          name
        }
      }
    `,
  },
  {
    name: 'only __typename on a provided interface list',
    query: /* GraphQL */ `
      {
        staffPicks {
          __typename
        }
        newArrivals {
          __typename
        }
      }
    `,
  },
  {
    name: 'one alias for fields of two implementations, one provided and one not',
    query: /* GraphQL */ `
      {
        staffPicks {
          ... on Book {
            code: isbn
            heading: title
          }
          ... on Magazine {
            code: title
            heading: title
          }
        }
      }
    `,
  },
  {
    name: 'interface implementing an interface: fragments on both and on implementations',
    query: /* GraphQL */ `
      {
        nodes(ids: ["au2", "bk2", "nope", "mg1", "bk2"]) {
          __typename
          id
          ... on Publication {
            title
          }
          ... on Book {
            author {
              name
            }
          }
          ... on Author {
            name
            born
          }
        }
      }
    `,
  },
  {
    name: 'fragment on the parent interface inside a provided interface list',
    query: /* GraphQL */ `
      {
        staffPicks {
          ... on Node {
            __typename
            id
          }
          title
        }
        node(id: "bk3") {
          ... on Publication {
            ... on Node {
              id
            }
            title
          }
        }
      }
    `,
  },
  {
    name: 'one alias for String and Int fields under two implementations is refused',
    query: /* GraphQL */ `
      {
        staffPicks {
          ... on Book {
            detail: title
          }
          ... on Magazine {
            detail: issue
          }
        }
      }
    `,
  },
  {
    name: 'provided and unprovided fields behind @include and @skip with variables',
    query: /* GraphQL */ `
      query Picks($withAuthor: Boolean!, $skipIssue: Boolean = false) {
        staffPicks {
          title
          ... on Book {
            author @include(if: $withAuthor) {
              name
              born
            }
          }
          ... on Magazine {
            issue @skip(if: $skipIssue)
          }
        }
      }
    `,
    variables: { withAuthor: true, skipIssue: true },
  },
  {
    name: 'several operations, operationName picks the shelves one',
    query: /* GraphQL */ `
      query Picks {
        staffPicks {
          title
        }
      }

      query Shelves {
        shelves {
          label
          items {
            id
          }
        }
      }
    `,
    operationName: 'Shelves',
  },
  {
    name: 'missing required variable behind @include is refused',
    query: /* GraphQL */ `
      query Picks($withAuthor: Boolean!) {
        staffPicks {
          ... on Book {
            author @include(if: $withAuthor) {
              name
            }
          }
        }
      }
    `,
  },
  {
    name: 'issue #23 - the chosen operation of two, beside a fragment only the other spreads, with its variable',
    query: /* GraphQL */ `
      query Query1($id1: ID = "bk3") {
        ...QueryFields1
      }
      query Query2 {
        node(id: "bk3") {
          id
        }
      }
      fragment QueryFields1 on Query {
        node(id: $id1) {
          id
        }
      }
    `,
    operationName: 'Query2',
  },
];
