import { createBffServer, type BffConfig, type BffServer, type BffServerParts } from '@bff/gateway';
import { createConnectorSubgraphs } from '@bff/connectors';
import { readMobileBffConfig } from './config.js';
import { mobileAuthorization } from './rules.js';
import { createMobileSubgraph } from './subgraph/createMobileSubgraph.js';

/**
 * The mobile client's gateway: the kit, the REST connectors, the mobile view models and rules.
 * Does not listen until start(). `overrides` replace parts, e.g. for a benchmark baseline.
 */
export function createMobileBff(
  config: BffConfig = readMobileBffConfig(),
  overrides: Partial<BffServerParts> = {},
): BffServer {
  return createBffServer(config, {
    authorization: mobileAuthorization,
    localSubgraphs: (kit) => [...createConnectorSubgraphs(kit), createMobileSubgraph(kit)],
    ...overrides,
  });
}
