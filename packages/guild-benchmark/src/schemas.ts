import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { guildResolvers, type GuildSubgraphName } from './resolvers.js';

/**
 * Absolute path of a subgraph's SDL (`<name>.graphql` at the package root). The files are the
 * single source of truth: the servers build their schemas from them and composition reads them.
 */
export function guildSchemaPath(name: GuildSubgraphName): string {
  return fileURLToPath(new URL(`../${name}.graphql`, import.meta.url));
}

/** Builds one subgraph's executable Federation 2 schema from its SDL and resolvers. */
export function createGuildSubgraphSchema(name: GuildSubgraphName): GraphQLSchema {
  const typeDefs = parse(readFileSync(guildSchemaPath(name), 'utf8'));
  return buildSubgraphSchema([{ typeDefs, resolvers: guildResolvers[name] }]);
}
