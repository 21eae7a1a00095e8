export { createReviewsApp, type ReviewsAppOptions } from './server.js';
export { reviewsSchemaPath, reviewsTypeDefs, reviewsTypeDefsDocument } from './schema.js';
export { defaultReviewsSeed, seedReviews, type Review, type ReviewsSeed } from './seed.js';
export { maxListSize } from './resolvers.js';
export { newestFirst } from './reviewIndex.js';
