export { createAccountsApp, maxIdsPerRequest, type AccountsAppOptions, type UsersBatch } from './server.js';
export { defaultAccountsSeed, seedUsers, type User } from './seed.js';
export type { ErrorBody, ErrorCode } from '@bff/service-kit';
