import { createBffServer, type BffConfig, type BffServer, type BffServerParts } from '@bff/gateway';
import { createConnectorSubgraphs } from '@bff/connectors';
import { readWebBffConfig } from './config.js';
import { webPassthroughRoutes } from './passthrough.js';
import { webAuthorization } from './rules.js';
import { createWebSubgraph } from './subgraph/createWebSubgraph.js';

/**
 * The web client's gateway: the kit, the REST connectors, the web view models and rules.
 * Does not listen until start(). `overrides` replace parts, e.g. for a benchmark baseline.
 */
export function createWebBff(
  config: BffConfig = readWebBffConfig(),
  overrides: Partial<BffServerParts> = {},
): BffServer {
  return createBffServer(config, {
    authorization: webAuthorization,
    passthrough: webPassthroughRoutes,
    localSubgraphs: (kit) => [...createConnectorSubgraphs(kit), createWebSubgraph()],
    ...overrides,
  });
}
