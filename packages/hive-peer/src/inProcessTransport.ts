import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';
import { execute } from 'graphql';
import type { InProcessSubgraph } from './hiveGatewayOptions.js';

/** Hive Gateway's transports by kind (`transports` of its config, as a map). */
type Transports = Exclude<
  NonNullable<GatewayConfigBase<Record<string, unknown>>['transports']>,
  (kind: string) => unknown
>;
/** A Hive Gateway transport (@graphql-mesh/transport-common's `Transport`): how one kind of subgraph is called. */
export type InProcessTransport = Exclude<Awaited<Transports[string]>, { default: unknown }>;
/** What a transport calls a subgraph with (@graphql-tools/utils' `Executor`). */
type Executor = Awaited<ReturnType<InProcessTransport['getSubgraphExecutor']>>;

/** The transport kind {@link inProcessTransport} serves: `transportEntries: { <name>: { kind } }` selects it. */
export const inProcessKind = 'inprocess';

/**
 * Hive Gateway's transport for subgraphs run in its own process: each subgraph call is graphql-js's
 * `execute` over the subgraph's schema (Hive has no such transport of its own; its HTTP one would
 * need a server). The resolvers get one context per gateway request, made by `context`, as
 * @apollo/gateway's LocalGraphQLDataSource gives the stock gateway's: per-request DataLoaders batch
 * across the request's calls. Calls are not shared across requests, as Hive shares only HTTP calls.
 */
export function inProcessTransport(subgraphs: readonly InProcessSubgraph[], context: () => object): InProcessTransport {
  const schemas = new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph.schema]));
  const contexts = new WeakMap<object, object>();
  const contextOf = (gatewayContext: object | undefined): object => {
    if (gatewayContext === undefined) return context();
    let made = contexts.get(gatewayContext);
    if (made === undefined) {
      made = context();
      contexts.set(gatewayContext, made);
    }
    return made;
  };
  return {
    getSubgraphExecutor({ subgraphName }) {
      const schema = schemas.get(subgraphName);
      if (schema === undefined) {
        const known = [...schemas.keys()].join(', ') || 'none';
        throw new Error(
          `in-process subgraph ${subgraphName} must be given a schema, but only these have one: ${known}`,
        );
      }
      const executor = (request: Parameters<Executor>[0]) =>
        execute({
          schema,
          document: request.document,
          variableValues: request.variables,
          operationName: request.operationName,
          contextValue: contextOf(request.context),
        });
      // Executor is generic in its result's data type, which graphql-js's execute cannot know.
      return executor as Executor;
    },
  };
}
