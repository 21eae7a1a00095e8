import type { Scenario } from '../../harness/Scenario.js';
import { accountsSubgraph } from './accounts.js';
import { catalogSubgraph } from './catalog.js';
import { catalogKeysOperations } from './operations.js';
import { pricingSubgraph } from './pricing.js';
import { reviewsSubgraph } from './reviews.js';
import { stockSubgraph } from './stock.js';

/**
 * Keys: a type with two keys that other subgraphs each know only one of (the plan hops through the
 * owner to translate), a composite key, a nested key, non-resolvable keys, and a chain
 * reviews -> accounts -> catalog -> reviews over lists with duplicates.
 */
export const catalogKeysScenario: Scenario = {
  name: 'catalogKeys',
  subgraphs: [accountsSubgraph, catalogSubgraph, stockSubgraph, reviewsSubgraph, pricingSubgraph],
  operations: catalogKeysOperations,
};
