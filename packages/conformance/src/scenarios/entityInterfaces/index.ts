import type { Scenario } from '../../harness/Scenario.js';
import { inventorySubgraph } from './inventory.js';
import { entityInterfacesOperations } from './operations.js';
import { reviewsSubgraph } from './reviews.js';

/**
 * An entity interface (`@key` on the interface, Federation 2.3+) implemented in the inventory and
 * extended in reviews, which declares the interface and all its implementations.
 */
export const entityInterfacesScenario: Scenario = {
  name: 'entityInterfaces',
  subgraphs: [inventorySubgraph, reviewsSubgraph],
  operations: entityInterfacesOperations,
};
