import type { ScenarioSubgraph } from '../../harness/Scenario.js';

/**
 * The shipping subgraph SDL: three @requires on Product. `shippingCost` needs an argument on the
 * required field and a nested selection (both from catalog), `deliveryEstimate` needs fields that
 * inventory resolves, so a plan that starts here goes shipping -> catalog/inventory -> shipping.
 */
export const shippingTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires", "@shareable"])

  enum WeightUnit {
    GRAM
    KILOGRAM
    POUND
  }

  enum Zone {
    DOMESTIC
    EU
    WORLD
  }

  type Query {
    shipments: [Shipment!]!
    shipment(id: ID!): Shipment
  }

  type Mutation {
    "Prices a parcel without storing anything, so every gateway sees the same answer."
    quoteShipment(upcs: [ID!]!, zone: Zone!): Shipment!
  }

  type Shipment {
    id: ID!
    zone: Zone!
    "In packing order: a product packed twice is listed twice; a line whose product was withdrawn is null."
    items: [Product]!
  }

  type Product @key(fields: "upc") {
    upc: ID!
    weight(unit: WeightUnit! = GRAM): Float! @external
    dimensions: Dimensions! @external
    inStock: Int! @external
    warehouse: Warehouse @external
    shippingCost(zone: Zone!): Float! @requires(fields: "weight(unit: KILOGRAM) dimensions { widthCm heightCm depthCm }")
    volumetricWeightKg: Float! @requires(fields: "dimensions { widthCm heightCm depthCm }")
    deliveryEstimate(zone: Zone!): DeliveryEstimate! @requires(fields: "inStock warehouse { region }")
  }

  type Dimensions @shareable {
    widthCm: Int!
    heightCm: Int!
    depthCm: Int!
  }

  type Warehouse @key(fields: "code", resolvable: false) {
    code: ID!
    region: String! @external
  }

  type DeliveryEstimate {
    days: Int!
    method: String!
  }
`;

interface Dimensions {
  readonly widthCm: number;
  readonly heightCm: number;
  readonly depthCm: number;
}

interface Shipment {
  readonly id: string;
  readonly zone: string;
  readonly items: readonly ({ readonly upc: string } | null)[];
}

const shipments: readonly Shipment[] = [
  { id: 's1', zone: 'DOMESTIC', items: [{ upc: 'p1' }, { upc: 'p3' }, { upc: 'p1' }] },
  { id: 's2', zone: 'EU', items: [{ upc: 'p2' }, null, { upc: 'p4' }] },
  { id: 's3', zone: 'WORLD', items: [{ upc: 'p9' }, { upc: 'p3' }, { upc: 'p3' }] },
];

const tariffs: Record<string, { readonly base: number; readonly perKg: number; readonly days: number }> = {
  DOMESTIC: { base: 4.5, perKg: 1.2, days: 2 },
  EU: { base: 9, perKg: 2.5, days: 4 },
  WORLD: { base: 19, perKg: 4.75, days: 9 },
};

function volumetricKg({ widthCm, heightCm, depthCm }: Dimensions): number {
  return Math.round(((widthCm * heightCm * depthCm) / 5000) * 100) / 100;
}

/** Shipping: computes from the fields it requires, so a wrong or missing required field shows in the answer. */
export const shippingSubgraph: ScenarioSubgraph = {
  name: 'shipping',
  typeDefs: shippingTypeDefs,
  resolvers: {
    Query: {
      shipments: () => shipments,
      shipment: (_: unknown, { id }: { id: string }) => shipments.find((shipment) => shipment.id === id) ?? null,
    },
    Mutation: {
      quoteShipment: (_: unknown, { upcs, zone }: { upcs: string[]; zone: string }) => ({
        id: `quote-${zone.toLowerCase()}-${upcs.join('-')}`,
        zone,
        items: upcs.map((upc) => ({ upc })),
      }),
    },
    Product: {
      __resolveReference: (reference: { upc: string }) => reference,
      shippingCost: (product: { weight: number; dimensions: Dimensions }, { zone }: { zone: string }) => {
        const tariff = tariffs[zone]!;
        const chargedKg = Math.max(product.weight, volumetricKg(product.dimensions));
        return Math.round((tariff.base + chargedKg * tariff.perKg) * 100) / 100;
      },
      volumetricWeightKg: (product: { dimensions: Dimensions }) => volumetricKg(product.dimensions),
      deliveryEstimate: (
        product: { inStock: number; warehouse: { region: string } | null },
        { zone }: { zone: string },
      ) => {
        const days = tariffs[zone]!.days;
        if (product.inStock === 0) return { days: days + 14, method: 'backorder' };
        if (product.warehouse === null) return { days: days + 5, method: 'drop-ship' };
        return {
          days: product.warehouse.region === 'south' ? days + 1 : days,
          method: `parcel from ${product.warehouse.region}`,
        };
      },
    },
  },
};
