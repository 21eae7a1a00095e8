export { createMobileBff } from './server.js';
export { readMobileBffConfig, mobileBffEnvPrefix } from './config.js';
export { createMobileSubgraph } from './subgraph/createMobileSubgraph.js';
export { maxFeedPageSize } from './subgraph/createMobileSubgraph.js';
export { formatPriceLabel } from './subgraph/formatPriceLabel.js';
export { mobileAuthorization } from './rules.js';
export { mobileManifestFile, mobileOperationsDir } from './trustedDocuments.js';
export { imageUrl, imagePixelWidths, maxImageWidth, maxImageDensity } from './subgraph/imageUrl.js';
