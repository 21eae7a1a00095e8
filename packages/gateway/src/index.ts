export { readConfig, type BffConfig, type BffConfigDefaults } from './config/readConfig.js';
export { ConfigError } from './errors/ConfigError.js';
export { BffError, BffErrorCode, BadRequestError, DownstreamServiceError, downstreamServiceMessage } from './errors/BffError.js';
export { createBffServer, type BffServer, type BffServerParts, type BffKit } from './server/createBffServer.js';
export type { BffContext } from './server/BffContext.js';
export type { LocalSubgraph } from './gateway/createGateway.js';
export { readSupergraph, inProcessScheme, type Supergraph, type SupergraphSubgraph } from './supergraph/readSupergraph.js';
export { createHttpFetcher, type HttpFetcher, type HttpFetcherOptions } from './http/createHttpFetcher.js';
export { serveUntilSignal } from './server/serveUntilSignal.js';
