import type { Scenario } from '../harness/Scenario.js';
import { catalogKeysScenario } from './catalogKeys/index.js';
import { shippingScenario } from './shipping/index.js';
import { storefrontScenario } from './storefront/index.js';

/** Entities across subgraphs: @requires, keys of every shape, and which subgraph resolves a field. */
export const entityScenarios: readonly Scenario[] = [shippingScenario, catalogKeysScenario, storefrontScenario];
