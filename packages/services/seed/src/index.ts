export { createRandom, type Random } from './random.js';
export { PRODUCT_COUNT, REVIEW_COUNT, USER_COUNT, productUpcs, userIds } from './ids.js';
