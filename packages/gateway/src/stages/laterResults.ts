import { operationTypeOf } from '../gateway/operationTypeOf.js';
import type { GatewayExecutionResult, GatewayInterface } from '@apollo/server-gateway-interface';
import { OperationTypeNode, type FormattedExecutionResult, type GraphQLError } from 'graphql';
import type { BffContext } from '../core/BffContext.js';
import { mapAsyncIterator } from '../core/mapAsyncIterator.js';
import { SubscriptionNotAcceptableError } from '../errors/subscriptionErrors.js';
import type { DeferredPayload, KitExecutionResult } from '../core/IncrementalResult.js';
import { wrapExecutor } from '../gateway/wrapExecutor.js';

/** A later payload as Apollo Server writes it in `multipart/mixed; deferSpec=20220824` (graphql-js 17 alpha 2). */
export interface SubsequentResult {
  readonly incremental?: readonly {
    readonly data: Record<string, unknown> | null;
    readonly path: readonly (string | number)[];
    readonly label?: string;
    readonly errors?: readonly GraphQLError[];
  }[];
  readonly hasNext: boolean;
}

/**
 * The request path's gateway as Apollo Server takes it: a result with later parts becomes the initial result with
 * `subsequentResults` (the kit's patch to Apollo Server makes that an incremental response, whose parts get
 * formatError). A part is sent only where its object is in the initial answer as the stages left it: under a field a
 * rule denied, or a null that propagated, there is nothing to add to. A subscription's events go to the request's
 * subscription sink, which the respond stage writes (Apollo Server answers the subscribe step, with no data).
 */
export function withLaterResults(gateway: GatewayInterface): GatewayInterface {
  return wrapExecutor(gateway, (executor) => async (context) => {
    const sink = (context.context as Partial<BffContext>).subscription;
    if (operationTypeOf(context) === OperationTypeNode.SUBSCRIPTION) {
      // Refused before anything subscribes: a transport that cannot carry events, or a viewer at its limit.
      const refusal = sink ? sink.refusal() : new SubscriptionNotAcceptableError();
      if (refusal) return { errors: [refusal] };
    }
    const result: KitExecutionResult = await executor(context);
    if (result.events) {
      const { events, ...initial } = result;
      if (!sink) {
        await events.return?.();
        return { errors: [new SubscriptionNotAcceptableError()] };
      }
      sink.events = mapAsyncIterator(events, formattedResult);
      return initial;
    }
    if (!result.later) return result;
    const { later, ...initial } = result;
    const subsequentResults = subsequentResultsOf(later, initial.data);
    return { ...initial, subsequentResults } as GatewayExecutionResult;
  });
}

async function* subsequentResultsOf(
  later: AsyncIterable<DeferredPayload>,
  initialData: Record<string, unknown> | null | undefined,
): AsyncGenerator<SubsequentResult> {
  for await (const { parts, hasNext } of later) {
    const incremental = parts
      .filter((part) => objectAt(initialData, part.path) !== undefined)
      .map(({ data, path, clientLabel, errors }) => ({
        data,
        path,
        ...(clientLabel !== undefined && { label: clientLabel }),
        ...(errors.length > 0 && { errors }),
      }));
    if (incremental.length > 0) yield { incremental, hasNext };
    else if (!hasNext) yield { hasNext };
  }
}

/** An event as it is written: errors as JSON (judged and masked by the stages already). */
function formattedResult(result: GatewayExecutionResult): FormattedExecutionResult {
  const { data, errors, extensions } = result;
  return {
    ...(errors && errors.length > 0 && { errors: errors.map((error) => ('toJSON' in error ? error.toJSON() : error)) }),
    data: data ?? null,
    ...(extensions && { extensions }),
  };
}

/** The object at `path` in `data`, if there is one there. */
function objectAt(data: unknown, path: readonly (string | number)[]): object | undefined {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value !== null && typeof value === 'object' ? value : undefined;
}
