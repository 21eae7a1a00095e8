import type { Scenario } from '../../harness/Scenario.js';
import { createAuditSubgraph } from './audit.js';
import { customersSubgraph } from './customers.js';
import { Journal } from './journal.js';
import { createLedgerSubgraph } from './ledger.js';
import { bankOperations } from './operations.js';

// One journal for the scenario's lifetime, shared by the two subgraphs that write to it (the
// Scenario type holds resolvers, not a factory); each mutation operation empties its own batch first.
const journal = new Journal();

/** Mutations in sequence across subgraphs, refusals between successes, and variables of every shape. */
export const bankScenario: Scenario = {
  name: 'bank',
  subgraphs: [createLedgerSubgraph(journal), createAuditSubgraph(journal), customersSubgraph],
  operations: bankOperations,
};
