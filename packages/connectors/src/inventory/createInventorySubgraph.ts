import type { BffContext, BffKit, LocalSubgraph } from '@bff/gateway';
import { loadSubgraphSchema } from '../loadSchema.js';
import { perRequest } from '../perRequest.js';
import { restClientOf } from '../rest/createRestClient.js';
import { createSingleCallLoader } from '../rest/createSingleCallLoader.js';

/** A stock record as the inventory REST service returns it. */
export interface StockRecord {
  upc: string;
  stock: number;
  inStock: boolean;
  shippingEstimate: { days: number; costCents: number };
}

/**
 * The inventory connector: stock and shipping fields of Product. The service has no batch
 * endpoint (one upc per call), so the request's loader deduplicates upcs and calls once per
 * distinct upc, a capped number at a time.
 */
export function createInventorySubgraph(kit: BffKit): LocalSubgraph {
  const inventory = restClientOf(kit, 'inventory');
  const loaders = perRequest((context: BffContext) =>
    createSingleCallLoader(kit.rest.concurrencyPerRequest, (upc) =>
      inventory.get<StockRecord>(`/inventory/${encodeURIComponent(upc)}`, context),
    ),
  );
  const schema = loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), {
    Product: {
      // The entity keeps its upc even when the service has no record, so only the stock fields are null.
      __resolveReference: async ({ upc }: { upc: string }, context: BffContext) => ({
        upc,
        record: await loaders(context).load(upc),
      }),
      stock: ({ record }: { record: StockRecord | null }) => record?.stock ?? null,
      inStock: ({ record }: { record: StockRecord | null }) => record?.inStock ?? null,
      shippingEstimate: ({ record }: { record: StockRecord | null }) => record?.shippingEstimate ?? null,
    },
  });
  // Stock moves: a public answer may be ten seconds old.
  return { name: 'inventory', schema, cacheControl: 'max-age=10, public' };
}
