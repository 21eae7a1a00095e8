import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { BffContext } from '@bff/gateway';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse, type GraphQLSchema } from 'graphql';

/**
 * Builds a Federation 2 subgraph schema from the SDL file beside a connector (the same file
 * supergraph/*.yaml composes, so the served schema and the composed one cannot drift).
 * Resolvers run in the BFF's process and receive its request context.
 */
export function loadSubgraphSchema(schemaFileUrl: URL, resolvers: GraphQLResolverMap<BffContext>): GraphQLSchema {
  const typeDefs = parse(readFileSync(schemaFileUrl, 'utf8'));
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
