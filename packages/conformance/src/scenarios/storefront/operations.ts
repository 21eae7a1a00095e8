import type { ScenarioOperation } from '../../harness/Scenario.js';

/** Operations over the storefront scenario, each named for what it makes the planner do. */
export const storefrontOperations: readonly ScenarioOperation[] = [
  {
    name: 'override: price asked from the legacy root is answered by products',
    query: /* GraphQL */ `
      {
        legacyCatalog {
          id
          legacyCode
          price {
            amount
            currency
          }
        }
      }
    `,
  },
  {
    name: 'progressive override with its label off: stockStatus still answered by legacy',
    query: /* GraphQL */ `
      {
        products {
          id
          stockStatus
        }
      }
    `,
  },
  {
    name: 'both overrides from the legacy root: one field leaves legacy, the other stays',
    query: /* GraphQL */ `
      {
        legacyCatalog {
          id
          price {
            amount
          }
          stockStatus
        }
      }
    `,
  },
  {
    name: 'shareable name answered by products from its own root',
    query: /* GraphQL */ `
      query ($sort: ProductSort = PRICE) {
        products(sort: $sort) {
          id
          name
          price {
            amount
          }
        }
      }
    `,
  },
  {
    name: 'shareable name answered by legacy from its own root, with a duplicate entry',
    query: /* GraphQL */ `
      {
        legacyCatalog {
          name
          legacyCode
        }
      }
    `,
  },
  {
    name: 'shareable name beside fields of both subgraphs that declare it',
    query: /* GraphQL */ `
      {
        product(id: "prod-2") {
          name
          legacyCode
          stockStatus
          price {
            amount
          }
        }
      }
    `,
  },
  {
    name: 'nested @provides: the author name and display name come with the review',
    query: /* GraphQL */ `
      {
        reviews {
          id
          rating
          author {
            id
            name
            profile {
              displayName
            }
          }
        }
      }
    `,
  },
  {
    name: 'provided and not provided fields of the author in one selection',
    query: /* GraphQL */ `
      {
        reviews {
          id
          author {
            name
            email
            profile {
              displayName
              address {
                city
                country
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'the same user fields outside the @provides path go to users',
    query: /* GraphQL */ `
      {
        topReviewers {
          id
          name
          profile {
            displayName
          }
        }
      }
    `,
  },
  {
    name: 'provided product name, overridden price and label-kept stockStatus under one review',
    query: /* GraphQL */ `
      {
        reviews {
          id
          product {
            name
            price {
              amount
            }
            stockStatus
            legacyCode
          }
        }
      }
    `,
  },
  {
    name: '@requires of a field hidden from the API',
    query: /* GraphQL */ `
      {
        products {
          id
          name
          promotable
        }
      }
    `,
  },
  {
    name: 'chain reviews -> products -> legacy -> reviews, the last with a @requires',
    query: /* GraphQL */ `
      {
        reviews {
          id
          product {
            id
            price {
              amount
            }
            stockStatus
            promotable
            reviews {
              rating
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
    name: 'chain users -> reviews -> users through the provided author',
    query: /* GraphQL */ `
      {
        users {
          id
          reviews {
            rating
            product {
              name
            }
            author {
              name
              email
            }
          }
        }
      }
    `,
  },
  {
    name: 'a review by a user the users subgraph lost: provided fields still answered',
    query: /* GraphQL */ `
      {
        review(id: "rv9") {
          body
          author {
            id
            name
            profile {
              displayName
            }
          }
        }
      }
    `,
  },
  {
    name: 'a review by a user the users subgraph lost: a field not provided nulls the review',
    query: /* GraphQL */ `
      {
        review(id: "rv9") {
          body
          author {
            name
            email
          }
        }
      }
    `,
  },
  {
    name: 'a non-provided author field under @include with a variable defaulting to false',
    query: /* GraphQL */ `
      query ($withAddress: Boolean = false) {
        reviews {
          author {
            name
            profile {
              displayName
              address @include(if: $withAddress) {
                city
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'a provided field skipped, a non-provided one kept, both by variables',
    query: /* GraphQL */ `
      query ($skipName: Boolean!, $withEmail: Boolean!) {
        reviews {
          author {
            name @skip(if: $skipName)
            email @include(if: $withEmail)
          }
        }
      }
    `,
    variables: { skipName: true, withEmail: true },
  },
  {
    name: 'several operations in one document, one chosen by operationName',
    operationName: 'Catalog',
    query: /* GraphQL */ `
      query Reviews {
        reviews {
          id
        }
      }

      query Catalog {
        legacyCatalog {
          ...Tile
        }
      }

      fragment Tile on Product {
        name
        price {
          amount
        }
        stockStatus
        reviews {
          author {
            name
          }
        }
      }
    `,
  },
  {
    name: 'introspection does not show the inaccessible type, field or enum value',
    query: /* GraphQL */ `
      {
        audit: __type(name: "ProductAudit") {
          name
        }
        product: __type(name: "Product") {
          fields {
            name
          }
        }
        sort: __type(name: "ProductSort") {
          enumValues {
            name
          }
        }
      }
    `,
  },
  {
    name: 'inaccessible: a field hidden from the API is refused',
    query: /* GraphQL */ `
      {
        products {
          id
          costPrice {
            amount
          }
        }
      }
    `,
  },
  {
    name: 'inaccessible: a field of a hidden type is refused',
    query: /* GraphQL */ `
      {
        product(id: "prod-1") {
          audit {
            passed
          }
        }
      }
    `,
  },
  {
    name: 'inaccessible: a fragment on a hidden type is refused',
    query: /* GraphQL */ `
      {
        products {
          id
          ...Audited
        }
      }

      fragment Audited on ProductAudit {
        checkedBy
      }
    `,
  },
  {
    name: 'inaccessible: a hidden enum value as a literal is refused',
    query: /* GraphQL */ `
      {
        products(sort: COST) {
          id
        }
      }
    `,
  },
  {
    name: 'inaccessible: a hidden enum value in a variable is refused',
    query: /* GraphQL */ `
      query ($sort: ProductSort) {
        products(sort: $sort) {
          id
        }
      }
    `,
    variables: { sort: 'COST' },
  },
  {
    name: 'invalid: an argument the field does not take',
    query: /* GraphQL */ `
      {
        reviews {
          rating(scale: 10)
        }
      }
    `,
  },
];
