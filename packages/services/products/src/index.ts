export { createProductsApp, type ProductsAppOptions } from './server.js';
export { productsSchemaPath, productsTypeDefs, productsTypeDefsDocument } from './schema.js';
export { defaultProductsSeed, seedProducts, type Product } from './seed.js';
export { encodeCursor, maxPageSize } from './paging.js';
