import type { Scenario } from '../../harness/Scenario.js';
import { catalogSubgraph } from './catalog.js';
import { inventorySubgraph } from './inventory.js';
import { shippingOperations } from './operations.js';
import { shippingSubgraph } from './shipping.js';

/**
 * @requires in every shape the planner meets: an argument on the required field, a nested required
 * selection, required fields another subgraph than the owner resolves, several on one type, reached
 * through fragments; plans that leave shipping and come back to it.
 */
export const shippingScenario: Scenario = {
  name: 'shipping',
  subgraphs: [catalogSubgraph, inventorySubgraph, shippingSubgraph],
  operations: shippingOperations,
};
