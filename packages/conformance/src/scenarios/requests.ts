import type { Scenario } from '../harness/Scenario.js';
import { bankScenario } from './bank/index.js';
import { eventDeskScenario } from './eventDesk/index.js';
import { flakyCatalogScenario } from './flakyCatalog/index.js';

/**
 * What a request carries and what comes back: nulls and errors inside entity fetches
 * (flakyCatalog), mutations in order (bank), variables, operation selection and introspection (eventDesk).
 */
export const requestScenarios: readonly Scenario[] = [flakyCatalogScenario, bankScenario, eventDeskScenario];
