import type { ScenarioOperation } from '../../harness/Scenario.js';

/** Operations over an entity interface owned by one subgraph and extended by another. */
export const entityInterfacesOperations: readonly ScenarioOperation[] = [
  {
    name: 'entity interface fields of the owner and of the extending subgraph on a list',
    query: /* GraphQL */ `
      {
        products {
          sku
          name
          averageStars
        }
      }
    `,
  },
  {
    name: 'implementation fields beside an interface field added by the other subgraph',
    query: /* GraphQL */ `
      {
        products {
          name
          ... on Shoe {
            size
          }
          ... on Shirt {
            color
            sizes
          }
          reviews {
            stars
            body
          }
        }
      }
    `,
  },
  {
    name: 'entity interface reached from the extending subgraph, owner fields and fragments',
    query: /* GraphQL */ `
      {
        recentReviews {
          id
          product {
            __typename
            sku
            name
            stock
            ... on Shoe {
              size
            }
            ... on Shirt {
              color
            }
          }
        }
      }
    `,
  },
  {
    name: 'entity interface by key: a shoe, a shirt and an unknown sku',
    query: /* GraphQL */ `
      {
        shoe: product(sku: "shoe-2") {
          __typename
          name
          averageStars
        }
        shirt: product(sku: "shirt-2") {
          __typename
          name
          averageStars
          ... on Shirt {
            sizes
          }
        }
        unknown: product(sku: "hat-1") {
          name
          averageStars
        }
      }
    `,
  },
  {
    name: 'nullable entity interface field of the extending subgraph that is null',
    query: /* GraphQL */ `
      {
        productOfTheWeek {
          __typename
          sku
          name
        }
      }
    `,
  },
  {
    name: 'named fragment on the entity interface spanning both subgraphs',
    query: /* GraphQL */ `
      query Catalog {
        products {
          ...ProductTile
        }
      }

      fragment ProductTile on Product {
        __typename
        sku
        name
        stock
        averageStars
      }
    `,
  },
  {
    name: 'named fragments on implementations of the entity interface',
    query: /* GraphQL */ `
      query Details {
        products {
          sku
          ...ShoeDetails
          ...ShirtDetails
        }
      }

      fragment ShoeDetails on Shoe {
        size
        reviews {
          stars
        }
      }

      fragment ShirtDetails on Shirt {
        color
        sleeveLength
        averageStars
      }
    `,
  },
  {
    name: 'entity interface cycle: review, product, its reviews, their product',
    query: /* GraphQL */ `
      {
        recentReviews {
          stars
          product {
            name
            reviews {
              id
              product {
                __typename
                stock
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'only __typename and the key on the entity interface from the extending subgraph',
    query: /* GraphQL */ `
      {
        recentReviews {
          product {
            __typename
            sku
          }
        }
      }
    `,
  },
  {
    name: 'one alias for different Int fields under the two implementations',
    query: /* GraphQL */ `
      {
        products {
          sku
          ... on Shoe {
            measure: size
          }
          ... on Shirt {
            measure: sleeveLength
          }
        }
      }
    `,
  },
  {
    name: 'field of the extending subgraph behind @include with a variable default, turned off',
    query: /* GraphQL */ `
      query Products($withReviews: Boolean = true) {
        products {
          name
          reviews @include(if: $withReviews) {
            body
          }
          averageStars @include(if: $withReviews)
        }
      }
    `,
    variables: { withReviews: false },
  },
  {
    name: 'implementation fragment behind @skip with a variable left to its default',
    query: /* GraphQL */ `
      query Products($hideShoes: Boolean = false) {
        products {
          sku
          ... on Shoe @skip(if: $hideShoes) {
            size
            averageStars
          }
        }
      }
    `,
  },
  {
    name: 'several operations, operationName picks the one entering through reviews',
    query: /* GraphQL */ `
      query Stock {
        products {
          stock
        }
      }

      query Feedback {
        recentReviews {
          body
          product {
            name
          }
        }
      }
    `,
    operationName: 'Feedback',
  },
  {
    name: 'two fragments on the entity interface, the second nesting an implementation fragment: key order',
    query: /* GraphQL */ `
      {
        products {
          ... on Product {
            name
          }
          ... on Product {
            averageStars
            ... on Shirt {
              color
            }
          }
        }
      }
    `,
  },
  {
    name: 'unknown field on the entity interface is refused',
    query: /* GraphQL */ `
      {
        products {
          price
        }
      }
    `,
  },
  {
    name: 'missing required variable of the entity interface lookup is refused',
    query: /* GraphQL */ `
      query One($sku: ID!) {
        product(sku: $sku) {
          name
        }
      }
    `,
  },
];
