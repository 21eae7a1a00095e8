import type { Scenario } from '../../harness/Scenario.js';
import { catalogSubgraph } from './catalog.js';
import { inventorySubgraph } from './inventory.js';
import { flakyCatalogOperations } from './operations.js';
import { reviewsSubgraph } from './reviews.js';
import { suppliersSubgraph } from './suppliers.js';

/** Entities that are null, missing or failing in their fetches, and errors at the root of subgraph queries. */
export const flakyCatalogScenario: Scenario = {
  name: 'flakyCatalog',
  subgraphs: [catalogSubgraph, inventorySubgraph, reviewsSubgraph, suppliersSubgraph],
  operations: flakyCatalogOperations,
};
