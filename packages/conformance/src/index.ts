export { startStockGateway, type StockGatewayOptions } from './harness/startStockGateway.js';
export { startStockBffGateway } from './harness/startStockBffGateway.js';
export {
  conformanceRun,
  type Comparison,
  type ConformanceRequest,
  type ConformanceRun,
  type Difference,
  type Endpoint,
} from './harness/conformanceRun.js';
