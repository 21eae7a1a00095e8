import type { Logger } from '@apollo/utils.logger';
import { Supergraph } from '@apollo/federation-internals';
import { deny } from 'graphql-shield';
import { createRuleEnforcement, type AuthorizationOptions, type RuleEnforcement } from './createRuleEnforcement.js';
import { createRuleBook, type RuleBook } from './createRuleBook.js';

/** The rule book of `options` over a supergraph's API schema; throws ConfigError for names the schema lacks. */
export function ruleBookOf(supergraphSdl: string, options: AuthorizationOptions): RuleBook {
  const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return createRuleBook(apiSchema, options.rules, options.fallbackRule ?? deny);
}

/**
 * A BFF's rules over its supergraph. The rule map is checked against the supergraph's API schema
 * now, at boot (ConfigError for names the schema lacks), and the fields no rule covers are
 * logged: with the fallback rule `deny` (the default) they are never served.
 */
export function enforceRules(supergraphSdl: string, options: AuthorizationOptions, logger: Logger): RuleEnforcement {
  const fallbackRule = options.fallbackRule ?? deny;
  const book = ruleBookOf(supergraphSdl, options);
  if (book.unruledFields.length > 0) {
    const decision = fallbackRule === deny ? 'denied to everyone' : 'decided by the fallback rule';
    logger.warn(
      `${book.unruledFields.length} field(s) have no rule and are ${decision}: ${book.unruledFields.join(', ')}`,
    );
  }
  return createRuleEnforcement({ ...options, fallbackRule }, book, logger);
}
