import type { ScenarioOperation } from './Scenario.js';

/** A request both gateways are sent. */
export type ConformanceRequest = Omit<ScenarioOperation, 'name'>;
