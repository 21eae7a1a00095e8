export { createAuthorizingGateway, type AuthorizationOptions } from './createAuthorizingGateway.js';
export { createRuleBook, type RuleBook } from './createRuleBook.js';
export { hasRole, hasScope, isAuthenticated, isClient, isOwner, isOwnerOfArgument } from './namedRules.js';
export type { RuleMap, ShieldRule } from './ruleTypes.js';
export { ruleBookOf, withAuthorization } from './withAuthorization.js';
