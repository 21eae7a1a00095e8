import type { Scenario } from '../harness/Scenario.js';
import { entityInterfacesScenario } from './entityInterfaces/index.js';
import { interfaceObjectScenario } from './interfaceObject/index.js';
import { mediaLibraryScenario } from './mediaLibrary/index.js';
import { providesAbstractScenario } from './providesAbstract/index.js';

/**
 * Interfaces and unions: spread over subgraphs, entity interfaces, `@interfaceObject`, and
 * `@provides` through type conditions.
 */
export const abstractTypeScenarios: readonly Scenario[] = [
  mediaLibraryScenario,
  entityInterfacesScenario,
  interfaceObjectScenario,
  providesAbstractScenario,
];
