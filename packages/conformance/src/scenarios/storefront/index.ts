import type { Scenario } from '../../harness/Scenario.js';
import { legacySubgraph } from './legacy.js';
import { storefrontOperations } from './operations.js';
import { productsSubgraph } from './products.js';
import { reviewsSubgraph } from './reviews.js';
import { usersSubgraph } from './users.js';

/**
 * Who resolves a field: @override with and without a label, nested @provides, @shareable fields
 * either subgraph answers, and @inaccessible fields, enum values and types that the API refuses
 * but a @requires may still use.
 */
export const storefrontScenario: Scenario = {
  name: 'storefront',
  subgraphs: [productsSubgraph, legacySubgraph, reviewsSubgraph, usersSubgraph],
  operations: storefrontOperations,
};
