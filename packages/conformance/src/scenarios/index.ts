import type { Scenario } from '../harness/Scenario.js';
import { abstractTypeScenarios } from './abstractTypes.js';
import { entityScenarios } from './entities.js';
import { requestScenarios } from './requests.js';

/** Every fixture scenario, each a folder beside this file, grouped by what they exercise. */
export const scenarios: readonly Scenario[] = [...abstractTypeScenarios, ...entityScenarios, ...requestScenarios];
