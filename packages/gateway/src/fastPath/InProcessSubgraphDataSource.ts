import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { LRUCache } from 'lru-cache';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  getOperationAST,
  parse,
  validate,
  valueFromASTUntyped,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { restrictCachePolicy } from '../gateway/restrictCachePolicy.js';
import type { SubgraphResponse } from '../gateway/SubgraphResponse.js';

/** A compiled fetch, with the defaults of its variables. */
type CompiledOperation = CompiledQuery & { readonly variableDefaults: Readonly<Record<string, unknown>> | undefined };

/**
 * The default values of an operation's variables, as JSON input. graphql-jit (0.8) refuses a
 * non-null variable with a default that the request omits ("was not provided"), where graphql-js
 * applies the default; the planner's fetches declare the client's defaults, so they are given here.
 */
function variableDefaultsOf(
  operation: OperationDefinitionNode | null | undefined,
): Record<string, unknown> | undefined {
  const defaults = (operation?.variableDefinitions ?? []).flatMap(({ variable, defaultValue }) =>
    defaultValue ? [[variable.name.value, valueFromASTUntyped(defaultValue)] as const] : [],
  );
  return defaults.length === 0 ? undefined : Object.fromEntries(defaults);
}

/** The request's variables over the operation's defaults (a variable given, even as null, keeps its value). */
function withDefaults(
  defaults: Readonly<Record<string, unknown>> | undefined,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (!defaults) return variables ?? {};
  const merged: Record<string, unknown> = { ...defaults };
  for (const [name, value] of Object.entries(variables ?? {})) if (value !== undefined) merged[name] = value;
  return merged;
}

/** Distinct subgraph operations kept compiled; the gateway sends few distinct ones. */
const maxCachedOperations = 1_000;

/**
 * Executes a subgraph in the BFF's process. Unlike @apollo/gateway's LocalGraphQLDataSource,
 * which parses, validates and interprets every fetch with graphql-js, each of the query plan's
 * fetch documents (the planner sends the same few texts over and over) is parsed, validated and
 * compiled to a function once, by graphql-jit.
 */
export class InProcessSubgraphDataSource implements GraphQLDataSource {
  readonly #operations = new LRUCache<string, CompiledOperation | readonly GraphQLError[]>({
    max: maxCachedOperations,
  });

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
    if ('incomingRequestContext' in options)
      restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, this.cacheControl);
    const operation = this.#operationOf(request.query ?? '', request.operationName);
    if (!('query' in operation)) return { errors: operation };
    const variables = withDefaults(operation.variableDefaults, request.variables);
    const response: SubgraphResponse = await operation.query(undefined, context, variables);
    return this.cacheControl === null ? response : Object.assign(response, { cacheControl: this.cacheControl });
  }

  #operationOf(source: string, operationName: string | undefined): CompiledOperation | readonly GraphQLError[] {
    const key = operationName ? `${operationName}\n${source}` : source;
    let operation = this.#operations.get(key);
    if (operation) return operation;
    operation = this.#compile(source, operationName);
    this.#operations.set(key, operation);
    return operation;
  }

  #compile(source: string, operationName: string | undefined): CompiledOperation | readonly GraphQLError[] {
    try {
      const document = parse(source);
      const errors = validate(this.schema, document);
      if (errors.length > 0) return errors;
      const compiled = compileQuery(this.schema, document, operationName);
      if (!isCompiledQuery(compiled)) return compiled.errors ?? [];
      return Object.assign(compiled, {
        variableDefaults: variableDefaultsOf(getOperationAST(document, operationName)),
      });
    } catch (error) {
      return [error as GraphQLError];
    }
  }
}
