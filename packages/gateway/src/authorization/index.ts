export { createRuleEnforcement, type AuthorizationOptions, type RuleEnforcement } from './createRuleEnforcement.js';
export { createRuleBook, type RuleBook } from './createRuleBook.js';
export { hasRole, hasScope, isAuthenticated, isClient, isOwner, isOwnerOfArgument } from './namedRules.js';
export type { RuleMap, ShieldRule } from './ruleTypes.js';
export { enforceRules, ruleBookOf } from './enforceRules.js';
