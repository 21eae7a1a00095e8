// The package's API, as src/api.ts declares it to other programs (keep the two alike: the test checks them).
export { startHiveGateway } from './startHiveGateway.js';
export { hivePeerVersions } from './hivePeerVersions.js';
export type { HiveGateway, HiveGatewayOptions, HiveJwtOptions, InProcessSubgraph } from './hiveGatewayOptions.js';
