export { startStockGateway, type StockGatewayOptions } from './harness/startStockGateway.js';
export { startStockBffGateway } from './harness/startStockBffGateway.js';
export { createStockKit, type StockKit } from './harness/createStockKit.js';
export {
  conformanceRun,
  type Comparison,
  type ConformanceRun,
  type Difference,
  type Endpoint,
} from './harness/conformanceRun.js';
export type { ConformanceRequest } from './harness/ConformanceRequest.js';
