import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { FastifyInstance } from 'fastify';
import type { ValidationRule } from 'graphql';
import type { PersistedQueryOptions } from '@apollo/server';
import type { BffContext } from '../core/BffContext.js';
import type { OperationStage } from './operationStages.js';

/** The stages of a request, in the order they run (../shared/DESIGN.md, "The request, stage by stage"). */
export type StageName =
  | 'tagRequest'
  | 'answerProbes'
  | 'authenticate'
  | 'limitRate'
  | 'checkRequest'
  | 'resolveDocument'
  | 'guardOperation'
  | 'limitCost'
  | 'admit'
  | 'authorizeRoot'
  | 'executePlan'
  | 'authorizeFields'
  | 'maskErrors'
  | 'respond';

/** Apollo Server options a stage sets; no two stages set the same one. */
export interface StageApolloOptions {
  readonly validationRules?: readonly ValidationRule[];
  readonly persistedQueries?: PersistedQueryOptions | false;
  readonly allowBatchedHttpRequests?: boolean;
  readonly formatError?: NonNullable<
    ConstructorParameters<typeof import('@apollo/server').ApolloServer>[0]
  >['formatError'];
}

/**
 * One stage of the request path, and the mechanisms it binds to. createBffServer installs a list
 * of stages in order: HTTP hooks in stage order (fastify runs hooks of one kind in the order they
 * are added), Apollo options merged, operation hooks run one after another in stage order, plugins
 * in stage order, and gateway wrappers nested around the one gateway that executes the plan.
 */
export interface Stage {
  readonly name: StageName;
  /** Fastify hooks (and request decorations) on the HTTP request, before GraphQL runs or around it. */
  readonly http?: (http: FastifyInstance) => void;
  /** Options of Apollo Server's own pipeline (validation rules, persisted queries, error formatting). */
  readonly apollo?: StageApolloOptions;
  /** Decides on the resolved operation: after validation, before execution (see runOperationStages). */
  readonly operation?: OperationStage;
  /** An Apollo Server plugin: what the stage does to the response. */
  readonly plugins?: readonly ApolloServerPlugin<BffContext>[];
  /** Builds the gateway that runs the plan: the innermost, which every `gateway` binding wraps. */
  readonly execute?: () => GatewayInterface;
  /**
   * Wraps the gateway that runs the plan: acts on the request just before it runs (stages listed
   * earlier see it first) and on what it returns (stages listed later see it first).
   */
  readonly gateway?: (inner: GatewayInterface) => GatewayInterface;
}

/** The mechanisms a stage binds to, for the path's description and its test. */
export type StageMechanism = 'http' | 'apollo' | 'operation' | 'plugins' | 'execute' | 'gateway';

/** Which mechanisms `stage` binds to, in the order createBffServer installs them. */
export function mechanismsOf(stage: Stage): StageMechanism[] {
  return (['http', 'apollo', 'operation', 'plugins', 'execute', 'gateway'] as const).filter(
    (mechanism) => stage[mechanism],
  );
}
