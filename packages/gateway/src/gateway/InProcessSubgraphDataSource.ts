import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { LRUCache } from 'lru-cache';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { parse, validate, type GraphQLError, type GraphQLSchema } from 'graphql';
import { restrictCachePolicy } from './restrictCachePolicy.js';

/** Distinct subgraph operations kept compiled; the gateway sends few distinct ones. */
const maxCachedOperations = 1_000;

/**
 * Executes a subgraph in the BFF's process. Unlike @apollo/gateway's LocalGraphQLDataSource,
 * which parses, validates and interprets every fetch with graphql-js, each of the query plan's
 * fetch documents (the planner sends the same few texts over and over) is parsed, validated and
 * compiled to a function once, by graphql-jit.
 */
export class InProcessSubgraphDataSource implements GraphQLDataSource {
  readonly #operations = new LRUCache<string, CompiledQuery | readonly GraphQLError[]>({ max: maxCachedOperations });

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
    const operation = this.#operationOf(request.query ?? '', request.operationName);
    if (!('query' in operation)) return { errors: operation };
    return operation.query(undefined, context, request.variables ?? {}) as GatewayGraphQLResponse | Promise<GatewayGraphQLResponse>;
  }

  #operationOf(source: string, operationName: string | undefined): CompiledQuery | readonly GraphQLError[] {
    const key = operationName ? `${operationName}\n${source}` : source;
    let operation = this.#operations.get(key);
    if (operation) return operation;
    operation = this.#compile(source, operationName);
    this.#operations.set(key, operation);
    return operation;
  }

  #compile(source: string, operationName: string | undefined): CompiledQuery | readonly GraphQLError[] {
    try {
      const document = parse(source);
      const errors = validate(this.schema, document);
      if (errors.length > 0) return errors;
      const compiled = compileQuery(this.schema, document, operationName);
      return isCompiledQuery(compiled) ? compiled : (compiled.errors ?? []);
    } catch (error) {
      return [error as GraphQLError];
    }
  }
}
