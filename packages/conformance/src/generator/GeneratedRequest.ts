import type { ScenarioOperation } from '../harness/Scenario.js';

/** A request made by the generator: the shape of a scenario operation without its name. */
export type GeneratedRequest = Omit<ScenarioOperation, 'name'>;
