export { startStockGateway, type StockGatewayOptions } from './harness/startStockGateway.js';
export { startStockBffGateway } from './harness/startStockBffGateway.js';
