import { createBffServer, type BffConfig, type BffServer } from '@bff/gateway';
import { createConnectorSubgraphs } from '@bff/connectors';
import { readMobileBffConfig } from './config.js';
import { mobileAuthorization } from './rules.js';
import { createMobileSubgraph } from './subgraph/createMobileSubgraph.js';

/** The mobile client's gateway: the kit, the REST connectors, and the mobile view models. Does not listen until start(). */
export function createMobileBff(config: BffConfig = readMobileBffConfig()): BffServer {
  return createBffServer(config, {
    authorization: mobileAuthorization,
    localSubgraphs: (kit) => [...createConnectorSubgraphs(kit), createMobileSubgraph(kit)],
  });
}
