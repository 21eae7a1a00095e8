import type { Scenario } from '../../harness/Scenario.js';
import { accountsSubgraph } from './accounts.js';
import { activitySubgraph } from './activity.js';
import { billingSubgraph } from './billing.js';
import { interfaceObjectOperations } from './operations.js';

/**
 * `@interfaceObject`: billing and activity add fields to the `Account` entity interface that the
 * accounts subgraph owns, seeing it as an object type, never its implementations.
 */
export const interfaceObjectScenario: Scenario = {
  name: 'interfaceObject',
  subgraphs: [accountsSubgraph, billingSubgraph, activitySubgraph],
  operations: interfaceObjectOperations,
};
