import type { ScenarioOperation } from '../../harness/Scenario.js';

/** Operations over the shipping scenario, each named for what it makes the planner do. */
export const shippingOperations: readonly ScenarioOperation[] = [
  {
    name: 'requires an argumented and a nested field for each line of a shipment with a duplicate',
    query: /* GraphQL */ `
      {
        shipment(id: "s1") {
          id
          zone
          items {
            upc
            shippingCost(zone: DOMESTIC)
          }
        }
      }
    `,
  },
  {
    name: 'client selects the required field with another argument than the @requires',
    query: /* GraphQL */ `
      {
        products {
          upc
          weight(unit: POUND)
          shippingCost(zone: EU)
        }
      }
    `,
  },
  {
    name: 'client selects the required field with its default argument and the @requires a fixed one',
    query: /* GraphQL */ `
      {
        products {
          upc
          weight
          kilos: weight(unit: KILOGRAM)
          volumetricWeightKg
          shippingCost(zone: WORLD)
        }
      }
    `,
  },
  {
    name: 'client selects part of the nested required selection: only that part is answered',
    query: /* GraphQL */ `
      {
        products {
          upc
          dimensions {
            widthCm
          }
          volumetricWeightKg
        }
      }
    `,
  },
  {
    name: 'required fields and the requiring field reached through nested named fragments',
    operationName: 'CostsThroughFragments',
    query: /* GraphQL */ `
      query CostsThroughFragments {
        domestic: shipment(id: "s1") {
          ...ShipmentCosts
        }
        eu: shipment(id: "s2") {
          ...ShipmentCosts
        }
      }

      fragment ShipmentCosts on Shipment {
        id
        items {
          ...ProductCost
        }
      }

      fragment ProductCost on Product {
        upc
        ...Measures
        shippingCost(zone: WORLD)
      }

      fragment Measures on Product {
        weight
        dimensions {
          heightCm
        }
      }
    `,
  },
  {
    name: 'requiring fields in an inline fragment with the zone from a variable',
    query: /* GraphQL */ `
      query ($zone: Zone!) {
        products {
          ... on Product {
            upc
            shippingCost(zone: $zone)
            deliveryEstimate(zone: $zone) {
              days
              method
            }
          }
        }
      }
    `,
    variables: { zone: 'EU' },
  },
  {
    name: 'requires fields that a third subgraph resolves, nullable nested required field included',
    query: /* GraphQL */ `
      {
        products {
          upc
          deliveryEstimate(zone: DOMESTIC) {
            days
            method
          }
        }
      }
    `,
  },
  {
    name: 'every @requires of one type at once, two of them aliased per zone',
    query: /* GraphQL */ `
      {
        product(upc: "p1") {
          upc
          domestic: shippingCost(zone: DOMESTIC)
          world: shippingCost(zone: WORLD)
          volumetricWeightKg
          soon: deliveryEstimate(zone: DOMESTIC) {
            days
          }
          later: deliveryEstimate(zone: WORLD) {
            days
            method
          }
        }
      }
    `,
  },
  {
    name: 'chain shipping -> catalog and inventory -> shipping over lists with duplicates and a null',
    query: /* GraphQL */ `
      {
        first: shipment(id: "s1") {
          ...Lines
        }
        second: shipment(id: "s2") {
          ...Lines
        }
      }

      fragment Lines on Shipment {
        id
        zone
        items {
          upc
          name
          inStock
          warehouse {
            code
            city
          }
          shippingCost(zone: WORLD)
          deliveryEstimate(zone: WORLD) {
            days
            method
          }
        }
      }
    `,
  },
  {
    name: 'a line the catalog does not know: its required fields cannot be fetched',
    query: /* GraphQL */ `
      {
        shipment(id: "s3") {
          id
          items {
            upc
            name
            shippingCost(zone: WORLD)
          }
        }
      }
    `,
  },
  {
    name: 'a line the catalog does not know still gets what only inventory requires',
    query: /* GraphQL */ `
      {
        shipment(id: "s3") {
          items {
            upc
            inStock
            deliveryEstimate(zone: EU) {
              days
              method
            }
          }
        }
      }
    `,
  },
  {
    name: 'a null line among the items of a shipment',
    query: /* GraphQL */ `
      {
        shipment(id: "s2") {
          id
          items {
            upc
            name
            volumetricWeightKg
          }
        }
      }
    `,
  },
  {
    name: 'mutation whose result needs @requires across subgraphs',
    query: /* GraphQL */ `
      mutation Quote($upcs: [ID!]!) {
        quoteShipment(upcs: $upcs, zone: EU) {
          id
          zone
          items {
            upc
            name
            shippingCost(zone: EU)
            deliveryEstimate(zone: EU) {
              method
            }
          }
        }
      }
    `,
    variables: { upcs: ['p3', 'p2', 'p3'] },
  },
  {
    name: 'requiring field excluded by @include with a variable set to false',
    query: /* GraphQL */ `
      query ($withCost: Boolean!) {
        products {
          upc
          shippingCost(zone: DOMESTIC) @include(if: $withCost)
        }
      }
    `,
    variables: { withCost: false },
  },
  {
    name: 'requiring field kept by @include with a variable defaulting to true',
    query: /* GraphQL */ `
      query ($withCost: Boolean = true) {
        products {
          upc
          shippingCost(zone: DOMESTIC) @include(if: $withCost)
        }
      }
    `,
  },
  {
    name: 'required field skipped by a literal while the requiring field is kept',
    query: /* GraphQL */ `
      {
        products {
          upc
          inStock @skip(if: true)
          warehouse @skip(if: true) {
            region
          }
          deliveryEstimate(zone: EU) @skip(if: false) {
            days
          }
        }
      }
    `,
  },
  {
    name: 'from inventory through the catalog to shipping, with a product the catalog lacks',
    query: /* GraphQL */ `
      {
        warehouses {
          code
          region
          stockedProducts {
            upc
            name
            shippingCost(zone: DOMESTIC)
            deliveryEstimate(zone: DOMESTIC) {
              days
              method
            }
          }
        }
      }
    `,
  },
  {
    name: 'list of entities by key with duplicates and an unknown key, requires on each',
    query: /* GraphQL */ `
      {
        productsByUpc(upcs: ["p3", "p7", "p3", "p1"]) {
          upc
          inStock
          shippingCost(zone: EU)
        }
      }
    `,
  },
  {
    name: 'several operations in one document, the second chosen by operationName',
    operationName: 'SlowDeliveries',
    query: /* GraphQL */ `
      query CheapShipping {
        products {
          upc
          shippingCost(zone: DOMESTIC)
        }
      }

      query SlowDeliveries($zone: Zone = WORLD) {
        products {
          upc
          name
          deliveryEstimate(zone: $zone) {
            days
            method
          }
        }
      }
    `,
  },
  {
    name: 'aliased roots with __typename, one of them unknown',
    query: /* GraphQL */ `
      {
        lamp: product(upc: "p1") {
          __typename
          upc
          shippingCost(zone: DOMESTIC)
        }
        shelf: product(upc: "p2") {
          __typename
          upc
          deliveryEstimate(zone: DOMESTIC) {
            __typename
            method
          }
        }
        missing: product(upc: "nope") {
          upc
          shippingCost(zone: DOMESTIC)
        }
      }
    `,
  },
  {
    name: 'invalid: the requiring field without its required argument',
    query: /* GraphQL */ `
      {
        products {
          upc
          shippingCost
        }
      }
    `,
  },
  {
    name: 'invalid: an enum value the Zone type does not have',
    query: /* GraphQL */ `
      {
        products {
          shippingCost(zone: MARS)
        }
      }
    `,
  },
  {
    name: 'invalid: a required variable not given',
    query: /* GraphQL */ `
      query ($zone: Zone!) {
        products {
          upc
          shippingCost(zone: $zone)
        }
      }
    `,
  },
  {
    name: 'issue #23 - an entity whose only fragment is dropped by a literal @include(if: false)',
    query: /* GraphQL */ `
      {
        product(upc: "p1") {
          ... @include(if: false) {
            upc
            inStock
          }
        }
      }
    `,
  },
];
