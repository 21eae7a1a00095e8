import type { ScenarioOperation } from '../../harness/Scenario.js';

/**
 * Operations over entities that are missing, null or failing: what each gateway makes of nulls
 * and errors inside `_entities` answers (paths mapped back to the client's fields, null propagated
 * to the nearest nullable parent), and of errors at the root of a subgraph's query.
 *
 * Data: products p1 Lamp (supplier s1), p2 Chair (s2: gone), p3 Desk (s3: FORBIDDEN; stock
 * NOT_FOUND; locked bins), p4 Rug (no supplier; unknown to inventory), p5 Vase (s4: uncoded
 * error; inStock null; warehouse w3 without city); p6 Shelf (by id only; s5 without name; an
 * unlabelled bin; reviews answers one entity short for it); p7 Stool (by id only; s7 crashes the
 * suppliers' whole `_entities`); p0 is retired, p9 is unknown.
 */
export const flakyCatalogOperations: readonly ScenarioOperation[] = [
  {
    name: 'entity unknown to inventory leaves its stock null; NOT_FOUND for p3 keeps the rest',
    query: /* GraphQL */ `
      query StockOfEveryProduct {
        products { id name stock }
      }
    `,
  },
  {
    name: 'list with unknown and repeated ids: null items, the repeated ones joined each time',
    query: /* GraphQL */ `
      query ProductsByIds {
        productsByIds(ids: ["p1", "p9", "p1", "p4", "p2"]) { id name stock reviewCount }
      }
    `,
  },
  {
    name: 'unknown id answered null at the root: no entity fetch follows',
    query: /* GraphQL */ `
      query UnknownProduct {
        product(id: "p9") { id name stock supplier { name } }
      }
    `,
  },
  {
    name: 'retired id answered NOT_FOUND at the root of the catalog query',
    query: /* GraphQL */ `
      query RetiredProduct {
        product(id: "p0") { id name stock }
      }
    `,
  },
  {
    name: 'non-null field null in an entity fetch, and an entity missing under a non-null field',
    query: /* GraphQL */ `
      query InStockEverywhere {
        products { id inStock }
      }
    `,
  },
  {
    name: 'a non-null null in an entity fetch takes its sibling fields of the same subgraph with it',
    query: /* GraphQL */ `
      query StockAndInStock {
        products { id name stock inStock }
      }
    `,
  },
  {
    name: 'a null item in a list of non-null items nulls the nullable list',
    query: /* GraphQL */ `
      query WarehousesOfEveryProduct {
        products { id warehouses { id city } }
      }
    `,
  },
  {
    name: 'list of non-null items nulled inside a single entity fetch by variable',
    query: /* GraphQL */ `
      query WarehouseCities($id: ID!) {
        product(id: $id) { name warehouses { city } }
      }
    `,
    variables: { id: 'p5' },
  },
  {
    name: 'FORBIDDEN on some items of a list one level inside an entity',
    query: /* GraphQL */ `
      query LockedBins {
        product(id: "p3") { name stockInfo { quantity bins { label count } } }
      }
    `,
  },
  {
    name: 'a null in a non-null list two levels down propagates to the nullable stockInfo',
    query: /* GraphQL */ `
      query UnlabelledBin {
        product(id: "p6") { name stockInfo { quantity bins { label } } }
      }
    `,
  },
  {
    name: 'BAD_USER_INPUT from an entity field argument, beside the same field with a good one',
    query: /* GraphQL */ `
      query StockAtWarehouses($good: ID!, $bad: ID!) {
        products { id here: stockAt(warehouse: $good) there: stockAt(warehouse: $bad) }
      }
    `,
    variables: { good: 'w1', bad: 'w9' },
  },
  {
    name: 'nullable entity field whose own fetch answers null, throws FORBIDDEN, or throws without code',
    query: /* GraphQL */ `
      query SuppliersOfProducts {
        products { id supplier { id name country } }
      }
    `,
  },
  {
    name: 'entity whose non-null name is null in its own subgraph',
    query: /* GraphQL */ `
      query SupplierWithoutName {
        product(id: "p6") { name supplier { id name country } }
      }
    `,
  },
  {
    name:
      'a synchronous throw in __resolveReference fails the whole _entities field: ' +
      'every entity of the fetch is lost',
    query: /* GraphQL */ `
      query SuppliersOfLampAndStool {
        productsByIds(ids: ["p1", "p7", "p2"]) { id supplier { id name } }
      }
    `,
  },
  {
    name: 'only the key of a failing entity is asked: no fetch, no error',
    query: /* GraphQL */ `
      query SupplierKeysOnly {
        products { name supplier { id __typename } }
      }
    `,
  },
  {
    name: 'FORBIDDEN on every item that got as far as its contact',
    query: /* GraphQL */ `
      query SupplierContacts {
        products { supplier { name contact } }
      }
    `,
  },
  {
    name: 'errors on some review bodies only: FORBIDDEN beside good items',
    query: /* GraphQL */ `
      query ReviewsOfTheLamp {
        product(id: "p1") { name reviews { id body rating } }
      }
    `,
  },
  {
    name: 'custom code in a non-null position nulls the whole entity of the reviews answer',
    query: /* GraphQL */ `
      query RatingsOfEveryProduct {
        products { id name reviewCount reviews { id rating } }
      }
    `,
  },
  {
    name: 'review bodies failing with a GraphQLError without code and with a plain Error',
    query: /* GraphQL */ `
      query BodiesOfEveryProduct {
        products { id reviews { id body } }
      }
    `,
  },
  {
    name: '_entities answered one entity short for a single representation',
    query: /* GraphQL */ `
      query ShortAnswerAlone {
        product(id: "p6") { name reviewCount stock }
      }
    `,
  },
  {
    name: '_entities answered one entity short in a batch, beside a good fetch of another subgraph',
    query: /* GraphQL */ `
      query ShortAnswerInABatch {
        productsByIds(ids: ["p1", "p6", "p2"]) { id reviewCount stock }
      }
    `,
  },
  {
    name: 'nested jumps back to the catalog: a review of a product the catalog does not know',
    query: /* GraphQL */ `
      query LatestReviewsWithProducts {
        latestReviews {
          id
          rating
          product { id name stock supplier { name } }
        }
      }
    `,
  },
  {
    name: 'errors at three levels of nested entity fetches: reviews, then catalog and inventory again',
    query: /* GraphQL */ `
      query LampAllTheWayDown {
        product(id: "p1") {
          reviews {
            body
            product { name stockInfo { bins { label count } } supplier { name contact } }
          }
        }
      }
    `,
  },
  {
    name: 'FORBIDDEN at the root of the catalog query beside a good root field of the same fetch',
    query: /* GraphQL */ `
      query FeaturedAndProducts {
        featured { id name }
        products { id name }
      }
    `,
  },
  {
    name: 'non-null root field failing with a custom code nulls the whole data',
    query: /* GraphQL */ `
      query CatalogStatus {
        catalogStatus
        products { id }
      }
    `,
  },
  {
    name: 'root error with a custom code in one subgraph, partial data from another',
    query: /* GraphQL */ `
      query WarehouseReportAndProducts {
        warehouseReport
        products { name }
      }
    `,
  },
  {
    name: 'a null item in a non-null root list nulls one subgraph answer, and so the whole data',
    query: /* GraphQL */ `
      query WarehousesAndProducts {
        warehouses { id city }
        products { name }
      }
    `,
  },
  {
    name: 'nullable items of a root list: the supplier without name is null',
    query: /* GraphQL */ `
      query SuppliersList {
        suppliers { id name country }
      }
    `,
  },
  {
    name: 'the same failing entity twice under aliases, through named and inline fragments',
    query: /* GraphQL */ `
      query VaseTwice {
        first: product(id: "p3") { ...StockFields }
        again: product(id: "p3") {
          ...StockFields
          supplier { ... on Supplier { name } }
        }
      }

      fragment StockFields on Product {
        id
        stock
        warehouses { city }
        stockInfo { bins { count } }
      }
    `,
  },
  {
    name: '__typename on null entities, failing entities and nested value types',
    query: /* GraphQL */ `
      query TypenamesAroundNulls {
        __typename
        productsByIds(ids: ["p4", "p9", "p3"]) {
          __typename
          id
          supplier { __typename id name }
          stockInfo { __typename bins { __typename label } }
        }
      }
    `,
  },
];
