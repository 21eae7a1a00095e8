import type { BffContext, BffKit, LocalSubgraph } from '@bff/gateway';
import DataLoader from 'dataloader';
import { loadSubgraphSchema } from '../loadSchema.js';
import { perRequest } from '../perRequest.js';
import { createRestClient, restServiceUrl } from '../rest/createRestClient.js';

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
 * distinct upc.
 */
export function createInventorySubgraph(kit: BffKit): LocalSubgraph {
  const inventory = createRestClient({ serviceName: 'inventory', baseUrl: restServiceUrl(kit, 'inventory'), fetch: kit.fetch });
  const loaders = perRequest(
    (context: BffContext) =>
      new DataLoader<string, StockRecord | null>(async (upcs) =>
        Promise.all(upcs.map((upc) => inventory.get<StockRecord>(`/inventory/${encodeURIComponent(upc)}`, context).catch((error: Error) => error))),
      ),
  );
  const schema = loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), {
    Product: {
      // The entity keeps its upc even when the service has no record, so only the stock fields are null.
      __resolveReference: async ({ upc }: { upc: string }, context: BffContext) => ({ upc, record: await loaders(context).load(upc) }),
      stock: ({ record }: { record: StockRecord | null }) => record?.stock ?? null,
      inStock: ({ record }: { record: StockRecord | null }) => record?.inStock ?? null,
      shippingEstimate: ({ record }: { record: StockRecord | null }) => record?.shippingEstimate ?? null,
    },
  });
  return { name: 'inventory', schema };
}
