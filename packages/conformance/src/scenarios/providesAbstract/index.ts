import type { Scenario } from '../../harness/Scenario.js';
import { librarySubgraph } from './library.js';
import { providesAbstractOperations } from './operations.js';
import { shelfSubgraph } from './shelf.js';

/**
 * `@provides` on fields of abstract types: type conditions on an interface and on a union, nested
 * into an entity below an implementation, and on a list field of an entity.
 */
export const providesAbstractScenario: Scenario = {
  name: 'providesAbstract',
  subgraphs: [librarySubgraph, shelfSubgraph],
  operations: providesAbstractOperations,
};
