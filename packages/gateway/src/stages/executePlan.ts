import { operationTypeOf } from '../gateway/operationTypeOf.js';
import type { ApolloGateway } from '@apollo/gateway';
import type { EntityCache } from '../entityCache/EntityCache.js';
import type { ProxiedOperations } from '../gateway/proxiedOperations.js';
import { withPlanExecution, type CallWrites } from '../fastPath/index.js';
import type { Stage } from './Stage.js';
import type { SubgraphSubscriber } from '../gateway/SubgraphSubscriber.js';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { OperationTypeNode } from 'graphql';
import { BadRequestError } from '../errors/BffError.js';
import { wrapExecutor } from '../gateway/wrapExecutor.js';
import { deferLabelsRule } from '../operation/deferredFragments.js';

/** Options of the executePlan stage. */
export interface ExecutePlanOptions {
  /** @apollo/gateway over the supergraph: its planner, and its executor when the kit's is off. */
  readonly gateway: ApolloGateway;
  /** `bff`: the kit's executor (the fast path, fastPath/index.ts); `apollo`: @apollo/gateway's own. @default 'bff' */
  readonly planExecutor?: 'bff' | 'apollo';
  /** Where single-fetch operations are noted for the remote data source. */
  readonly proxied: ProxiedOperations;
  /** The HTTP pool's calls not yet written (createHttpFetcher). */
  readonly callWrites: CallWrites;
  /** Told whether each request found its plan cached. @default nothing */
  readonly onPlanLookup?: ((hit: boolean) => void) | undefined;
  /** Entity answers kept for their subgraphs' cache hints (`<P>ENTITY_CACHE`), by the kit's executor. @default none */
  readonly entityCache?: EntityCache | undefined;
  /** How to subscribe to a subgraph, by name (createGateway fills it). @default none: subscriptions fail */
  readonly subscriberOf?: ((serviceName: string) => SubgraphSubscriber | undefined) | undefined;
}

/**
 * executePlan: @apollo/gateway's query plan, run against remote subgraphs over pooled keep-alive
 * HTTP and in-process subgraphs beside them; a failed subgraph is DOWNSTREAM_SERVICE_ERROR or
 * DOWNSTREAM_TIMEOUT with `serviceName`, the rest of the data kept. The innermost gateway of the
 * path wherever it is listed: the stages before it wrap it, and so do those after it (they judge
 * what it returns).
 */
export function executePlan(options: ExecutePlanOptions): Stage {
  const { gateway, proxied, callWrites, onPlanLookup, entityCache, subscriberOf } = options;
  return {
    name: 'executePlan',
    // The kit's executor serves @defer; its labels are checked as graphql-js 17 does (static, unique).
    ...(options.planExecutor !== 'apollo' && { apollo: { validationRules: [deferLabelsRule] } }),
    execute: () =>
      options.planExecutor === 'apollo'
        ? withoutSubscriptions(gateway)
        : withPlanExecution(gateway, {
            proxied,
            callWrites,
            ...(onPlanLookup && { onPlanLookup }),
            ...(entityCache && { entityCache }),
            ...(subscriberOf && { subscriberOf }),
          }),
  };
}

/** @apollo/gateway's executor cannot run a subscription's plan: such a request is refused, not failed. */
function withoutSubscriptions(gateway: ApolloGateway): GatewayInterface {
  return wrapExecutor(
    gateway,
    (executor) => async (context) =>
      operationTypeOf(context) === OperationTypeNode.SUBSCRIPTION
        ? {
            errors: [
              new BadRequestError("Subscriptions are served by the kit's plan executor only (PLAN_EXECUTOR=bff)."),
            ],
          }
        : executor(context),
  );
}
