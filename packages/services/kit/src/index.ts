// The runtime kit every example service imports. The subgraph setup lives behind
// '@bff/service-kit/subgraph' so the REST services never load Apollo and graphql, and the test
// helper behind '@bff/service-kit/testing' so no runtime code can reach it.
export { createRandom, type Random } from './random.js';
export { PRODUCT_COUNT, REVIEW_COUNT, USER_COUNT, productUpcs, userIds } from './ids.js';
export { HttpError, badRequest, conflict, errorBody, notFound, type ErrorBody, type ErrorCode } from './HttpError.js';
export { useJsonErrors } from './useJsonErrors.js';
export { defaultServiceHost, runService, type RunServiceOptions, type ServiceAppFactory } from './runService.js';
export { readResponseDelay, responseDelayKey } from './readResponseDelay.js';
export { useResponseDelay } from './useResponseDelay.js';
