import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { restrictCachePolicy } from './restrictCachePolicy.js';
import { execute, parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';

/** Distinct subgraph operations kept parsed and validated; the gateway sends few distinct ones. */
const maxCachedOperations = 1_000;

/**
 * Executes a subgraph in the BFF's process. Unlike @apollo/gateway's LocalGraphQLDataSource,
 * which parses and validates every fetch, the query plan's fetch documents are parsed and
 * validated once: the planner sends the same few texts over and over.
 */
export class InProcessSubgraphDataSource implements GraphQLDataSource {
  readonly #documents = new Map<string, DocumentNode | readonly GraphQLError[]>();

  /**
   * @param cacheControl how long its answers stay fresh, as a Cache-Control value; folded into the
   *   response's cache policy like a remote subgraph's header. Absent: its answers are not cacheable.
   */
  constructor(
    readonly schema: GraphQLSchema,
    readonly cacheControl: string | null = null,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    if ('incomingRequestContext' in options) restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, this.cacheControl);
    const source = request.query ?? '';
    const document = this.#documentOf(source);
    if (!('kind' in document)) return { errors: document };
    return execute({
      schema: this.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
    }) as Promise<GatewayGraphQLResponse>;
  }

  #documentOf(source: string): DocumentNode | readonly GraphQLError[] {
    let document = this.#documents.get(source);
    if (document) return document;
    try {
      const parsed = parse(source);
      const errors = validate(this.schema, parsed);
      document = errors.length > 0 ? errors : parsed;
    } catch (error) {
      document = [error as GraphQLError];
    }
    if (this.#documents.size >= maxCachedOperations) this.#documents.delete(this.#documents.keys().next().value!);
    this.#documents.set(source, document);
    return document;
  }
}
