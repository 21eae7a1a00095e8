import type { ScenarioOperation } from '../../harness/Scenario.js';

/** Operations over the catalogKeys scenario, each named for what it makes the planner do. */
export const catalogKeysOperations: readonly ScenarioOperation[] = [
  {
    name: 'stock knows a sku, reviews wants an id: the plan translates the key through catalog',
    query: /* GraphQL */ `
      {
        lowStock {
          sku
          quantity
          averageRating
          reviews {
            rating
          }
        }
      }
    `,
  },
  {
    name: 'composite key: the sku from stock and the id from catalog, both sent to pricing',
    query: /* GraphQL */ `
      {
        lowStock {
          sku
          price {
            amount
            currency
          }
        }
      }
    `,
  },
  {
    name: 'composite key from reviews: the id is local, the sku comes from catalog',
    query: /* GraphQL */ `
      {
        latestReviews {
          id
          variant {
            id
            price(currency: USD) {
              amount
              currency
            }
          }
        }
      }
    `,
  },
  {
    name: 'from the composite-key subgraph to stock and reviews, each key already at hand',
    query: /* GraphQL */ `
      {
        priceDrops {
          id
          sku
          quantity
          averageRating
          price {
            amount
          }
        }
      }
    `,
  },
  {
    name: 'nested key: review authors resolved in accounts by id and organization id',
    query: /* GraphQL */ `
      {
        latestReviews {
          id
          author {
            id
            organization {
              id
            }
            displayName
          }
        }
      }
    `,
  },
  {
    name: 'organization behind a non-resolvable key: its name comes from accounts with the member',
    query: /* GraphQL */ `
      {
        latestReviews {
          author {
            displayName
            organization {
              id
              name
            }
          }
        }
      }
    `,
  },
  {
    name: 'chain reviews -> accounts -> catalog -> reviews',
    query: /* GraphQL */ `
      {
        latestReviews {
          id
          author {
            displayName
            favoriteVariant {
              name
              color
              averageRating
              reviews {
                id
                rating
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'chain accounts -> catalog -> stock: a favorite known by id, its stock by sku',
    query: /* GraphQL */ `
      {
        organizations {
          name
          members {
            displayName
            favoriteVariant {
              sku
              quantity
            }
          }
        }
      }
    `,
  },
  {
    name: 'members pointed at by stock through a non-resolvable nested key, resolved by accounts and reviews',
    query: /* GraphQL */ `
      {
        lowStock {
          sku
          restockedBy {
            id
            organization {
              id
              name
            }
            displayName
            reviews {
              id
            }
          }
        }
      }
    `,
  },
  {
    name: 'a sku the catalog does not know: no id to ask reviews with, nullable field',
    query: /* GraphQL */ `
      {
        stockBySku(skus: ["MUG-WHITE", "GHOST-1", "NOPE", "MUG-WHITE"]) {
          sku
          quantity
          averageRating
        }
      }
    `,
  },
  {
    name: 'a sku the catalog does not know: a non-null catalog field nulls its list entry',
    query: /* GraphQL */ `
      {
        stockBySku(skus: ["GHOST-1", "LAMP-RED"]) {
          sku
          name
        }
      }
    `,
  },
  {
    name: 'a member key accounts does not know, reached through stock, nullable fields only',
    query: /* GraphQL */ `
      {
        stockBySku(skus: ["GHOST-1"]) {
          sku
          restockedBy {
            id
            organization {
              id
            }
            reviews {
              id
            }
          }
        }
      }
    `,
  },
  {
    name: 'the same member id in two organizations, and an organization it is not in',
    query: /* GraphQL */ `
      {
        ada: member(id: "m1", organizationId: "o1") {
          displayName
          reviews {
            body
          }
        }
        grace: member(id: "m1", organizationId: "o2") {
          displayName
          reviews {
            body
          }
        }
        nobody: member(id: "m1", organizationId: "o3") {
          displayName
        }
      }
    `,
  },
  {
    name: 'one variant by id reaching every subgraph, back to accounts through reviews',
    query: /* GraphQL */ `
      {
        variant(id: "v1") {
          sku
          quantity
          price {
            amount
          }
          reviews {
            rating
            author {
              displayName
            }
          }
        }
      }
    `,
  },
  {
    name: 'catalog root to every subgraph at once, both keys already at hand',
    query: /* GraphQL */ `
      {
        variants {
          id
          sku
          name
          quantity
          averageRating
          price(currency: EUR) {
            amount
            currency
          }
        }
      }
    `,
  },
  {
    name: 'one named fragment on Variant spread from three roots of three subgraphs',
    query: /* GraphQL */ `
      query VariantCards {
        lowStock {
          ...VariantCard
        }
        latestReviews {
          variant {
            ...VariantCard
          }
        }
        priceDrops {
          ...VariantCard
        }
      }

      fragment VariantCard on Variant {
        id
        sku
        name
        quantity
        averageRating
        price {
          amount
        }
      }
    `,
  },
  {
    name: 'the field that needs the key translation excluded by @include with a variable',
    query: /* GraphQL */ `
      query ($withReviews: Boolean!) {
        lowStock {
          sku
          quantity
          reviews @include(if: $withReviews) {
            rating
          }
        }
      }
    `,
    variables: { withReviews: false },
  },
  {
    name: 'the field that needs the composite key kept by @skip with a variable defaulting to false',
    query: /* GraphQL */ `
      query ($hidePrice: Boolean = false) {
        lowStock {
          quantity
          price @skip(if: $hidePrice) {
            amount
          }
        }
      }
    `,
  },
  {
    name: 'the key field itself skipped by the client while a jump needs it',
    query: /* GraphQL */ `
      {
        lowStock {
          sku @skip(if: true)
          quantity
          averageRating
        }
      }
    `,
  },
  {
    name: 'the same entity field twice under aliases with different arguments',
    query: /* GraphQL */ `
      {
        priceDrops {
          id
          eur: price {
            amount
            currency
          }
          usd: price(currency: USD) {
            amount
            currency
          }
        }
      }
    `,
  },
  {
    name: '__typename at every entity jump',
    query: /* GraphQL */ `
      {
        latestReviews {
          __typename
          author {
            __typename
            organization {
              __typename
              name
            }
          }
          variant {
            __typename
            sku
            quantity
          }
        }
      }
    `,
  },
  {
    name: 'members of organizations to their reviews through the nested key, on to the catalog',
    query: /* GraphQL */ `
      {
        organizations {
          id
          members {
            id
            reviews {
              rating
              variant {
                name
                color
              }
            }
          }
        }
      }
    `,
  },
  {
    name: 'several operations in one document, one chosen by operationName',
    operationName: 'Reviews',
    query: /* GraphQL */ `
      query Stock {
        lowStock {
          sku
          quantity
        }
      }

      query Reviews($organization: ID = "o2") {
        member(id: "m1", organizationId: $organization) {
          displayName
          reviews {
            variant {
              sku
              quantity
            }
          }
        }
      }
    `,
  },
  {
    name: 'invalid: a string where the Currency enum is expected',
    query: /* GraphQL */ `
      {
        lowStock {
          sku
          price(currency: "EUR") {
            amount
          }
        }
      }
    `,
  },
  {
    name: 'invalid: a field no subgraph has',
    query: /* GraphQL */ `
      {
        variants {
          id
          weight
        }
      }
    `,
  },
  {
    name: 'invalid: a variable of the wrong type for an entity key argument',
    query: /* GraphQL */ `
      query ($id: Int!) {
        variant(id: $id) {
          name
        }
      }
    `,
    variables: { id: 1 },
  },
];
