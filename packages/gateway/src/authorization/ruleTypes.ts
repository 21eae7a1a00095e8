import type { and, IRule, IRules } from 'graphql-shield';

/** Any graphql-shield rule: a plain rule, or a logic rule (and, or, not, chain, race). */
export type ShieldRule = IRule | ReturnType<typeof and>;

/** A BFF's rule map, in graphql-shield's shape: `{ Type: rule | { field: rule, '*': rule } }`. */
export type RuleMap = Exclude<IRules, IRule | ReturnType<typeof and>>;

interface FragmentCarrier {
  extractFragment?: () => string | undefined;
  extractFragments?: () => string[];
}

/** The fragments a rule declares for the parent fields it needs (graphql-shield's `fragment` option). */
export function fragmentsOf(rule: ShieldRule): string[] {
  const carrier = rule as FragmentCarrier;
  if (carrier.extractFragments) return carrier.extractFragments();
  const fragment = carrier.extractFragment?.();
  return fragment ? [fragment] : [];
}

/** True for a rule map entry that is one rule (for a whole type) rather than a map of fields. */
export function isRule(value: unknown): value is ShieldRule {
  return typeof (value as { resolve?: unknown } | undefined)?.resolve === 'function';
}
