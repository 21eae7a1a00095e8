import { createBffServer, type BffConfig, type BffServer } from '@bff/gateway';
import { createConnectorSubgraphs } from '@bff/connectors';
import { readWebBffConfig } from './config.js';
import { webAuthorization } from './rules.js';
import { createWebSubgraph } from './subgraph/createWebSubgraph.js';

/** The web client's gateway: the kit, the REST connectors, and the web view models. Does not listen until start(). */
export function createWebBff(config: BffConfig = readWebBffConfig()): BffServer {
  return createBffServer(config, {
    authorization: webAuthorization,
    localSubgraphs: (kit) => [...createConnectorSubgraphs(kit), createWebSubgraph()],
  });
}
