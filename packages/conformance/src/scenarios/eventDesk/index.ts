import type { Scenario } from '../../harness/Scenario.js';
import { eventsSubgraph } from './events.js';
import { eventDeskOperations } from './operations.js';
import { ticketsSubgraph } from './tickets.js';
import { venuesSubgraph } from './venues.js';

/** Variables of every shape, @skip/@include driven by them, operation selection, introspection. */
export const eventDeskScenario: Scenario = {
  name: 'eventDesk',
  subgraphs: [eventsSubgraph, venuesSubgraph, ticketsSubgraph],
  operations: eventDeskOperations,
};
