import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';

/** One subgraph of a fixture scenario: a real Federation 2 subgraph served over HTTP on a free port. */
export interface ScenarioSubgraph {
  /** The subgraph's name in the supergraph (lowercase noun). */
  readonly name: string;
  /** Its SDL; it `@link`s Federation 2 and imports the directives it uses. */
  readonly typeDefs: string;
  /** Resolvers of `typeDefs`, each entity's `__resolveReference` included; data lives beside them, deterministic. */
  readonly resolvers: GraphQLResolverMap<unknown>;
}

/** One operation both gateways are sent; their responses must agree but for the intended differences. */
export interface ScenarioOperation {
  /** What it exercises, e.g. 'interface field resolved in two subgraphs through a fragment'; unique in its scenario. */
  readonly name: string;
  /** The document, valid or not: an invalid one checks that both refuse it alike. */
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

/** A fixture: subgraphs of our own writing that exercise what the query planner emits, and operations over them. */
export interface Scenario {
  /** Folder name under src/scenarios. */
  readonly name: string;
  readonly subgraphs: readonly ScenarioSubgraph[];
  readonly operations: readonly ScenarioOperation[];
}
