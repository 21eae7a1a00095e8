import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLResponse } from '@apollo/server';
import type { BffContext } from '../core/BffContext.js';
import type { OperationMeasures } from '../protection/limits/measureOperation.js';
import { measureOperationOnce } from '../protection/limits/measureOperationOnce.js';

/** The operation as resolved (validated, its operation chosen), and what the stages share about it. */
export interface ResolvedOperation {
  readonly request: GraphQLRequestContextDidResolveOperation<BffContext> & {
    readonly operation: NonNullable<GraphQLRequestContextDidResolveOperation<BffContext>['operation']>;
  };
  /** Its measures (depth, aliases, cost…), computed on first ask and shared by the stages. */
  readonly measures: () => OperationMeasures;
}

/** What one operation stage does for one request. */
export interface OperationListener {
  /**
   * Decides on the operation: throw a BffError to refuse it. Return a promise only when there is
   * something to wait for (a rate-limit store, an admission queue): without one the next stage runs in this turn.
   */
  didResolveOperation?(operation: ResolvedOperation): void | Promise<void>;
  /**
   * Once for every request whose operation was resolved or refused, before the response is written (an incremental
   * one's later parts may still be coming: `response.body.subsequentResults`).
   */
  willSendResponse?(contextValue: BffContext, response: GraphQLResponse): void;
}

/** A stage that decides on the resolved operation. */
export interface OperationStage {
  /** Per request: its listener (state for this request lives in its closure), or undefined to sit it out. */
  start(contextValue: BffContext): OperationListener | undefined;
}

/** Options of {@link runOperationStages}. */
export interface OperationStagesOptions {
  /** A list field's assumed length when no argument says, for cost. */
  readonly defaultListSize: number;
}

/**
 * Runs the operation stages one after another, in path order, as one Apollo Server plugin:
 * Apollo runs the hooks of different plugins concurrently, and these must run in sequence
 * (nothing is counted for an operation over a limit, nothing waits for a slot that is over its
 * rate). Hooks are synchronous unless a stage returns a promise: Apollo Server awaits only hooks
 * that return one (see patches/README.md).
 */
export function runOperationStages(
  stages: readonly OperationStage[],
  options: OperationStagesOptions,
): ApolloServerPlugin<BffContext> {
  const measureOperation = measureOperationOnce();
  return {
    requestDidStart({ contextValue }) {
      const listeners = stages.flatMap((stage) => stage.start(contextValue) ?? []);
      if (listeners.length === 0) return undefined;
      return {
        didResolveOperation(request) {
          // An unknown operationName: execution reports it, nothing runs.
          const { operation } = request;
          if (!operation) return undefined;
          let measures: OperationMeasures | undefined;
          const resolved: ResolvedOperation = {
            request: request as ResolvedOperation['request'],
            measures: () =>
              (measures ??= measureOperation(
                request.schema,
                request.document,
                operation,
                request.request.variables,
                options.defaultListSize,
              )),
          };
          const runFrom = (index: number): void | Promise<void> => {
            for (let next = index; next < listeners.length; next += 1) {
              const decided = listeners[next]?.didResolveOperation?.(resolved);
              if (decided instanceof Promise) return decided.then(() => runFrom(next + 1));
            }
            return undefined;
          };
          return runFrom(0);
        },
        willSendResponse({ contextValue: context, response }) {
          for (const listener of listeners) listener.willSendResponse?.(context, response);
        },
      };
    },
  };
}
