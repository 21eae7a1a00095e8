import type { Logger } from '@apollo/utils.logger';
import type { GraphQLResolveInfo } from 'graphql';
import { allow } from 'graphql-shield';
import type { ShieldRule } from './ruleTypes.js';

/** The per-request object rules receive as `ctx`: the BFF context plus graphql-shield's rule cache. */
export type RuleContext = Record<string, unknown> & { readonly _shield: { cache: Record<string, unknown> } };

/** Decides one rule: undefined when it allows, otherwise the message the client will read. */
export type RuleJudge = (
  rule: ShieldRule,
  parent: unknown,
  args: Record<string, unknown>,
  context: RuleContext,
  info: GraphQLResolveInfo,
  deniedMessage: string,
) => Promise<string | undefined>;

/** Makes the per-request rule context from the BFF's request context. */
export function createRuleContext(context: object): RuleContext {
  return { ...(context as Record<string, unknown>), _shield: { cache: {} } };
}

/** The part of Apollo Server's per-request cache policy a judged rule narrows. */
export interface AnswerCachePolicy {
  restrict(hint: { scope: 'PRIVATE' }): void;
}

/**
 * The judge of one request: a rule decides by who asks (or by anything else in the request), so
 * an answer any rule was judged for is made `private`, never shared by a cache between requests
 * (RFC 9111 §3.5; DESIGN decision 9). `allow` is never judged, so answers it alone decides stay public.
 */
export function judgeForRequest(judge: RuleJudge, cachePolicy: AnswerCachePolicy): RuleJudge {
  return (rule, ...rest) => {
    if (rule !== allow) cachePolicy.restrict({ scope: 'PRIVATE' });
    return judge(rule, ...rest);
  };
}

/**
 * Evaluates graphql-shield rules the way shield's middleware does (same options, same caches),
 * except that a rule that throws is logged and denies, instead of denying silently.
 */
export function createRuleJudge(logger: Logger): RuleJudge {
  const options = {
    // debug makes shield rethrow a rule's exception, so it reaches the log below.
    debug: true,
    allowExternalErrors: false,
    fallbackRule: allow,
    fallbackError: new Error('Not Authorised!'),
    // The 'strict' cache key: parents are response objects, whose key order is stable.
    hashFunction: ({ parent, args }: { parent: unknown; args: unknown }) => JSON.stringify([parent ?? null, args]),
  };
  return async (rule, parent, args, context, info, deniedMessage) => {
    if (rule === allow) return undefined;
    try {
      const result = await rule.resolve(parent as object, args, context as never, info, options);
      if (result === true) return undefined;
      // A rule's own error or string is written for the client; a bare false gets the kit's wording.
      return result instanceof Error ? result.message : typeof result === 'string' ? result : deniedMessage;
    } catch (error) {
      const ruleName = (rule as { name?: string }).name ?? 'logic rule';
      logger.error(`rule ${ruleName} threw while deciding ${info.parentType.name}.${info.fieldName}: ${String(error)}`);
      return deniedMessage;
    }
  };
}
