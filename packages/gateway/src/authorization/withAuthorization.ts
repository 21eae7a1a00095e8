import { Supergraph } from '@apollo/federation-internals';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { Logger } from '@apollo/utils.logger';
import { deny } from 'graphql-shield';
import { createAuthorizingGateway, type AuthorizationOptions } from './createAuthorizingGateway.js';
import { createRuleBook, type RuleBook } from './createRuleBook.js';

/** The rule book of `options` over a supergraph's API schema; throws ConfigError for names the schema lacks. */
export function ruleBookOf(supergraphSdl: string, options: AuthorizationOptions): RuleBook {
  const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return createRuleBook(apiSchema, options.rules, options.fallbackRule ?? deny);
}

/**
 * Puts a BFF's rules in front of its gateway. The rule map is checked against the supergraph's
 * API schema now, at boot (ConfigError for names the schema lacks), and the fields no rule covers
 * are logged: with the fallback rule `deny` (the default) they are never served.
 */
export function withAuthorization(
  gateway: GatewayInterface,
  supergraphSdl: string,
  options: AuthorizationOptions,
  logger: Logger,
): GatewayInterface {
  const fallbackRule = options.fallbackRule ?? deny;
  const book = ruleBookOf(supergraphSdl, options);
  if (book.unruledFields.length > 0) {
    const decision = fallbackRule === deny ? 'denied to everyone' : 'decided by the fallback rule';
    logger.warn(
      `${book.unruledFields.length} field(s) have no rule and are ${decision}: ${book.unruledFields.join(', ')}`,
    );
  }
  return createAuthorizingGateway(gateway, { ...options, fallbackRule }, book, logger);
}
