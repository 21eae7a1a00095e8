export { createWebBff } from './server.js';
export { readWebBffConfig, webBffEnvPrefix } from './config.js';
export { createWebSubgraph } from './subgraph/createWebSubgraph.js';
export { formatDisplayPrice } from './subgraph/createWebSubgraph.js';
export { webAuthorization } from './rules.js';
export { webPassthroughRoutes } from './passthrough.js';
