import type { RuleEnforcement } from '../authorization/createRuleEnforcement.js';
import type { Stage } from './Stage.js';

/** Options of the authorizeFields stage. */
export interface AuthorizeFieldsOptions {
  /** The BFF's rules (enforceRules), shared with authorizeRoot. */
  readonly rules: RuleEnforcement;
}

/**
 * authorizeFields: the rules of nested fields, judged over the objects as fetched. The document
 * the plan runs selects the parent fields rules name (hidden from the answer); a denied field is
 * null with FORBIDDEN on its path, the rest of the answer kept.
 */
export function authorizeFields(options: AuthorizeFieldsOptions): Stage {
  return { name: 'authorizeFields', gateway: (inner) => options.rules.authorizeFields(inner) };
}
