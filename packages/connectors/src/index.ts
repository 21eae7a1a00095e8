import type { BffKit, LocalSubgraph } from '@bff/gateway';
import { createAccountsSubgraph } from './accounts/createAccountsSubgraph.js';
import { createInventorySubgraph } from './inventory/createInventorySubgraph.js';
import { createOrdersSubgraph } from './orders/createOrdersSubgraph.js';

export { createAccountsSubgraph, type AccountUser } from './accounts/createAccountsSubgraph.js';
export { createOrdersSubgraph, type RestOrder } from './orders/createOrdersSubgraph.js';
export { createInventorySubgraph, type StockRecord } from './inventory/createInventorySubgraph.js';
export { createRestClient, restClientOf, type RestClient, type RestClientOptions } from './rest/createRestClient.js';

/** The SDL file of each connector, for supergraph/*.yaml and for tests. */
export const connectorSchemaFiles = {
  accounts: new URL('./accounts/schema.graphql', import.meta.url),
  orders: new URL('./orders/schema.graphql', import.meta.url),
  inventory: new URL('./inventory/schema.graphql', import.meta.url),
} as const;

/** Every REST connector, built over the BFF's pooled HTTP client. */
export function createConnectorSubgraphs(kit: BffKit): LocalSubgraph[] {
  return [createAccountsSubgraph(kit), createOrdersSubgraph(kit), createInventorySubgraph(kit)];
}

/** Where the example REST services listen when run locally (`npm start`). */
export const defaultServiceUrls: Readonly<Record<'accounts' | 'orders' | 'inventory', string>> = {
  accounts: 'http://127.0.0.1:4301',
  orders: 'http://127.0.0.1:4302',
  inventory: 'http://127.0.0.1:4303',
};
