import type { RuleEnforcement } from '../authorization/createRuleEnforcement.js';
import type { Stage } from './Stage.js';

/** Options of the authorizeRoot stage. */
export interface AuthorizeRootOptions {
  /** The BFF's rules (enforceRules), shared with authorizeFields. */
  readonly rules: RuleEnforcement;
}

/**
 * authorizeRoot: the rules of the operation's root fields, judged before any subgraph is called:
 * a denied field is cut from the document (a denied mutation never reaches a service) and
 * answers null with FORBIDDEN on its path.
 */
export function authorizeRoot(options: AuthorizeRootOptions): Stage {
  return { name: 'authorizeRoot', gateway: (inner) => options.rules.authorizeRoot(inner) };
}
